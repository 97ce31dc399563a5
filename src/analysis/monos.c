/* SPDX-License-Identifier: MIT */
/*
 * monos.c - grouping functions by generic name: compute each function's
 * key, sort by key, and measure each run of equal keys.
 */
#include <stdlib.h>
#include <string.h>

#include "monos.h"

static int
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '$' ||
	    c == '}' || c == '.';
}

/* "operator< <T>": template arguments after an operator's name. */
static int
after_operator(const char *out, size_t k)
{
	return k >= 2 && out[k - 1] == ' ' &&
	    (out[k - 2] == '<' || out[k - 2] == '>');
}

/* Length of name without a final C++ parameter list "(...)[ const]". */
static size_t
without_params(const char *name, size_t n)
{
	size_t	 end = n, depth = 0;

	if (end >= 6 && memcmp(name + end - 6, " const", 6) == 0)
		end -= 6;
	if (end == 0 || name[end - 1] != ')')
		return n;
	for (size_t i = end; i-- > 0;) {
		if (name[i] == ')')
			depth++;
		else if (name[i] == '(' && --depth == 0)
			return i > 0 ? i : n;
	}
	return n;
}

/* "<impl Trait for T>" opens a path segment, not generic arguments. */
static int
impl_segment(const char *name, size_t n, size_t i)
{
	return i + 6 <= n && memcmp(name + i + 1, "impl ", 5) == 0;
}

size_t
ws_mono_generic(const char *name, size_t n, char *out, size_t len)
{
	size_t	 k = 0, skip = 0;

	n = without_params(name, n);
	for (size_t i = 0; i < n && k + 1 < len; i++) {
		char c = name[i];
		int arrow = c == '>' && i > 0 && name[i - 1] == '-';

		if (skip > 0) {		/* inside generic arguments */
			if (skip == 1 && c == '>' && !arrow && k > 0 &&
			    out[k - 1] == ' ')
				k--;	/* drop the space before "<T>" */
			skip += c == '<';
			skip -= c == '>' && !arrow;
			continue;
		}
		if (c == '<' && k > 0 && (is_name_char(out[k - 1]) ||
		    after_operator(out, k)) && !impl_segment(name, n, i) &&
		    !(k >= 8 && memcmp(out + k - 8, "operator", 8) == 0)) {
			skip = 1;
			while (k >= 2 && out[k - 1] == ':' && out[k - 2] == ':')
				k -= 2;		/* turbofish "::<" */
			continue;
		}
		out[k++] = c;
	}
	out[k] = '\0';
	return k;
}

struct keyed {
	struct ws_str	 key;
	uint32_t	 item;
	uint64_t	 size;
};

static int
by_key(const void *x, const void *y)
{
	const struct keyed *a = x, *b = y;
	size_t	 n = a->key.len < b->key.len ? a->key.len : b->key.len;
	int	 c = memcmp(a->key.s, b->key.s, n);

	if (c != 0 || a->key.len != b->key.len)
		return c != 0 ? c : a->key.len < b->key.len ? -1 : 1;
	if (a->size != b->size)
		return a->size < b->size ? 1 : -1;
	return a->item < b->item ? -1 : a->item > b->item;
}

static int
by_savings(const void *x, const void *y)
{
	const struct ws_mono_group *a = x, *b = y;

	if (a->savings != b->savings)
		return a->savings < b->savings ? 1 : -1;
	if (a->total != b->total)
		return a->total < b->total ? 1 : -1;
	return a->items[0] < b->items[0] ? -1 : a->items[0] > b->items[0];
}

/* The named functions with their keys, in the arena. */
static size_t
key_functions(struct ws_monos *mo, const struct ws_analysis *a,
    struct keyed *keys, char *buf, size_t buflen)
{
	size_t	 n = 0;

	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];
		const struct ws_func *f;

		if (it->kind != WS_ENT_FUNCTION)
			continue;
		f = &a->m->funcs.v[it->index];
		/* copies of a generic have mangled names; two C functions
		   that share a name are not copies of anything */
		if (f->name.len == 0 || !it->mangled || it->sym.len >= buflen)
			continue;
		size_t len = ws_mono_generic(it->sym.s, it->sym.len, buf,
		    buflen);
		const char *key = ws_strbuf_add(&mo->names, buf, len);
		if (key == NULL)
			return SIZE_MAX;
		keys[n++] = (struct keyed){ { key, len }, (uint32_t)i,
		    it->size };
	}
	return n;
}

static void
make_groups(struct ws_monos *mo, const struct keyed *keys, size_t n)
{
	size_t	 used = 0;

	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && keys[j].key.len == keys[i].key.len &&
		    memcmp(keys[j].key.s, keys[i].key.s, keys[i].key.len) == 0;
		    j++)
			;
		if (j - i < 2)
			continue;
		struct ws_mono_group *g = &mo->groups[mo->n++];
		*g = (struct ws_mono_group){ .generic = keys[i].key,
		    .items = mo->members + used, .count = (uint32_t)(j - i) };
		for (size_t k = i; k < j; k++) {
			mo->members[used++] = keys[k].item;
			g->total += keys[k].size;
		}
		g->savings = g->total - keys[i].size;	/* largest first */
	}
}

int
ws_monos_find(struct ws_monos *mo, const struct ws_analysis *a,
    struct ws_diag *diag)
{
	size_t		 n = a->attrib.n ? a->attrib.n : 1, nkeys;
	size_t		 buflen = 1 << 16;
	struct keyed	*keys = malloc(n * sizeof *keys);
	char		*buf = malloc(buflen);

	memset(mo, 0, sizeof *mo);
	mo->groups = malloc(n * sizeof *mo->groups);
	mo->members = malloc(n * sizeof *mo->members);
	if (keys == NULL || buf == NULL || mo->groups == NULL ||
	    mo->members == NULL ||
	    (nkeys = key_functions(mo, a, keys, buf, buflen)) == SIZE_MAX) {
		free(keys);
		free(buf);
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	}
	qsort(keys, nkeys, sizeof *keys, by_key);
	make_groups(mo, keys, nkeys);
	qsort(mo->groups, mo->n, sizeof *mo->groups, by_savings);
	free(keys);
	free(buf);
	return 0;
}

void
ws_monos_free(struct ws_monos *mo)
{
	free(mo->groups);
	free(mo->members);
	ws_strbuf_free(&mo->names);
	memset(mo, 0, sizeof *mo);
}

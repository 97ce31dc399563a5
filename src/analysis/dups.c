/* SPDX-License-Identifier: MIT */
/*
 * dups.c - functions whose bodies are byte-identical and whose types are
 * the same: hash every body, sort by (hash, type, size), then compare the
 * bytes within each run of equal keys, so a hash collision never groups
 * two different bodies.
 */
#include <stdlib.h>
#include <string.h>

#include "findings_impl.h"

struct body {
	uint64_t	 hash;
	uint32_t	 type, item;
	const uint8_t	*p;
	size_t		 len;
};

static uint64_t
fnv1a(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

static int
by_key(const void *x, const void *y)
{
	const struct body *a = x, *b = y;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->item < b->item ? -1 : a->item > b->item;
}

static int
by_savings(const void *x, const void *y)
{
	const struct ws_dup_group *a = x, *b = y;
	uint64_t sa = a->size * (a->count - 1), sb = b->size * (b->count - 1);

	if (sa != sb)
		return sa < sb ? 1 : -1;
	return a->items[0] < b->items[0] ? -1 : a->items[0] > b->items[0];
}

static int
by_item(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

static int
same_body(const struct body *a, const struct body *b)
{
	return a->hash == b->hash && a->type == b->type && a->len == b->len &&
	    memcmp(a->p, b->p, a->len) == 0;
}

/*
 * Within one run of equal keys [lo, hi), groups equal bodies: each pass
 * takes the first unclaimed body and claims every equal one.
 */
static void
group_run(struct ws_findings *f, struct body *b, size_t lo, size_t hi,
    uint8_t *claimed, size_t *used)
{
	for (size_t i = lo; i < hi; i++) {
		if (claimed[i - lo])
			continue;
		size_t start = *used;
		for (size_t j = i; j < hi; j++)
			if (!claimed[j - lo] && same_body(&b[i], &b[j])) {
				claimed[j - lo] = 1;
				f->dup_members[(*used)++] = b[j].item;
			}
		if (*used - start < 2) {
			*used = start;
			continue;
		}
		struct ws_dup_group *g = &f->dups[f->ndups++];
		*g = (struct ws_dup_group){ f->dup_members + start,
		    (uint32_t)(*used - start), 0 };
	}
}

int
ws_find_dups(struct ws_findings *f, const struct ws_analysis *a,
    struct ws_diag *diag)
{
	const struct ws_module *m = a->m;
	size_t		 n = 0, used = 0, cap = m->ndefined ? m->ndefined : 1;
	struct body	*b = malloc(cap * sizeof *b);
	uint8_t		*claimed = calloc(cap, 1);

	f->dups = malloc(cap * sizeof *f->dups);
	f->dup_members = malloc(cap * sizeof *f->dup_members);
	if (b == NULL || claimed == NULL || f->dups == NULL ||
	    f->dup_members == NULL) {
		free(b);
		free(claimed);
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	}
	for (uint32_t i = m->nfunc_imports; i < m->funcs.n; i++) {
		const struct ws_func *fn = &m->funcs.v[i];
		const uint8_t *p = m->base + fn->body.off;

		b[n++] = (struct body){ fnv1a(p, fn->body.len), fn->type,
		    fn->entry, p, fn->body.len };
	}
	qsort(b, n, sizeof *b, by_key);
	for (size_t lo = 0, hi; lo < n; lo = hi) {
		for (hi = lo + 1; hi < n && b[hi].hash == b[lo].hash &&
		    b[hi].type == b[lo].type && b[hi].len == b[lo].len; hi++)
			;
		if (hi - lo >= 2) {
			memset(claimed, 0, hi - lo);
			group_run(f, b, lo, hi, claimed, &used);
		}
	}
	for (size_t i = 0; i < f->ndups; i++) {
		struct ws_dup_group *g = &f->dups[i];
		/* file order within a group; all copies have one size */
		qsort(g->items, g->count, sizeof *g->items, by_item);
		g->size = a->attrib.items[g->items[0]].size;
		f->dup_savings += g->size * (g->count - 1);
	}
	qsort(f->dups, f->ndups, sizeof *f->dups, by_savings);
	free(b);
	free(claimed);
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * groups.c - function bytes by Rust crate or C++ namespace: the key read
 * off each demangled name, then one pass that adds the functions up in a
 * hash table of keys, then the groups sorted by size.
 */
#include <stdlib.h>
#include <string.h>

#include "groups.h"
#include "wasm/hash.h"

static const struct ws_str none = { NULL, 0 };

/* Whether the n bytes at s start with the string lit. */
static int
starts(const char *s, size_t n, const char *lit)
{
	size_t len = strlen(lit);

	return n >= len && memcmp(s, lit, len) == 0;
}

/*
 * The index just past the bracket that closes the one at s[i] (one of
 * <, ( or [), or n.  "->" in a Rust fn type is not a bracket.
 */
static size_t
skip_nested(const char *s, size_t i, size_t n)
{
	size_t depth = 0;

	for (; i < n; i++) {
		char c = s[i];

		if (c == '<' || c == '(' || c == '[')
			depth++;
		else if ((c == ')' || c == ']' ||
		    (c == '>' && (i == 0 || s[i - 1] != '-'))) && --depth == 0)
			return i + 1;
	}
	return n;
}

/* Where the first "::" outside brackets is in s, or n. */
static size_t
top_colons(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; ) {
		if (s[i] == '<' || s[i] == '(' || s[i] == '[') {
			i = skip_nested(s, i, n);
		} else if (s[i] == ':' && s[i + 1] == ':') {
			return i;
		} else {
			i++;
		}
	}
	return n;
}

/* The first segment of the path s, if it is a plain identifier. */
static struct ws_str
first_segment(const char *s, size_t n)
{
	size_t k = top_colons(s, n);

	if (k == n || k == 0)
		return none;
	for (size_t i = 0; i < k; i++)
		if (strchr(" <>()[]&*,", s[i]) != NULL)
			return none;
	return (struct ws_str){ s, k };
}

static struct ws_str crate_key(const char *s, size_t n, int depth);

/* The crate of a Rust type: of its first path, past &, *const, [, (, dyn. */
static struct ws_str
type_crate(const char *s, size_t n, int depth)
{
	static const char *const skip[] = { "&", "mut ", "*const ", "*mut ",
	    "dyn ", "impl ", "[", "(", "unsafe ", "extern \"C\" " };

	for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
		if (starts(s, n, skip[i])) {
			size_t len = strlen(skip[i]);
			return type_crate(s + len, n - len, depth);
		}
	return crate_key(s, n, depth);
}

/*
 * The crate of a demangled Rust path.  <T as Trait>::f and <T>::f belong
 * to T's crate; when T is a primitive (u8, [T], &str), to the trait's;
 * an inherent impl on a primitive is core's.  Bounded nesting: a hostile
 * name cannot recurse without end.
 */
static struct ws_str
crate_key(const char *s, size_t n, int depth)
{
	size_t	 close, as = 0;
	struct ws_str k;

	if (n == 0 || depth > 16)
		return none;
	if (s[0] != '<')
		return first_segment(s, n);
	close = skip_nested(s, 0, n) - 1;	/* the '>' */
	if (s[close] != '>' || close < 2)
		return none;			/* unclosed: not a Rust path */
	for (size_t i = 1; i + 4 <= close; ) {
		if (s[i] == '<' || s[i] == '(' || s[i] == '[') {
			i = skip_nested(s, i, close);
		} else if (memcmp(s + i, " as ", 4) == 0) {
			as = i;
			break;
		} else {
			i++;
		}
	}
	k = type_crate(s + 1, (as ? as : close) - 1, depth + 1);
	if (k.len > 0)
		return k;
	if (as)
		return crate_key(s + as + 4, close - as - 4, depth + 1);
	return (struct ws_str){ "core", 4 };
}

/* Itanium special names: "vtable for X", "non-virtual thunk to X", ... */
static size_t
special_prefix(const char *s, size_t n)
{
	static const char *const pre[] = { "non-virtual thunk to ",
	    "virtual thunk to ", "covariant return thunk to ",
	    "construction vtable for ", "vtable for ", "VTT for ",
	    "typeinfo name for ", "typeinfo for ", "guard variable for ",
	    "transaction clone for ", "reference temporary for " };

	for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
		if (starts(s, n, pre[i]))
			return strlen(pre[i]);
	return 0;
}

/* Past an operator's name at s[i] (just after "operator"). */
static size_t
skip_operator(const char *s, size_t i, size_t n)
{
	if (i < n && s[i] == ' ') {	/* new, delete, a conversion */
		while (++i < n && s[i] != '(' && s[i] != '[')
			;
		return i < n && s[i] == '[' ? i + 2 : i;
	}
	if (i + 1 < n && (s[i] == '(' || s[i] == '['))
		return i + 2;
	while (i < n && strchr("<>=!+-*/%^&|~,", s[i]) != NULL)
		i++;
	return i;
}

/*
 * Where a C++ function's qualified name starts: past a special prefix and
 * a return type (the last space outside brackets before the parameters).
 */
static size_t
cxx_name_start(const char *s, size_t n)
{
	static const char anon[] = "(anonymous namespace)";
	size_t	 start = special_prefix(s, n), i = start;

	while (i < n) {
		if (starts(s + i, n - i, anon))
			i += sizeof anon - 1;
		else if (starts(s + i, n - i, "operator") && (i == 0 ||
		    s[i - 1] == ':' || s[i - 1] == ' '))
			i = skip_operator(s, i + 8, n);
		else if (s[i] == '(')
			break;			/* the parameters */
		else if (s[i] == '<' || s[i] == '[')
			i = skip_nested(s, i, n);
		else if (s[i++] == ' ')
			start = i;
	}
	return start;
}

static struct ws_str
namespace_key(const char *s, size_t n)
{
	static const char anon[] = "(anonymous namespace)";
	size_t	 at = cxx_name_start(s, n);

	if (starts(s + at, n - at, anon) &&
	    starts(s + at + sizeof anon - 1, n - at - sizeof anon + 1, "::"))
		return (struct ws_str){ s + at, sizeof anon - 1 };
	return first_segment(s + at, n - at);
}

struct ws_str
ws_group_key(struct ws_str name, enum ws_group_by by)
{
	struct ws_str k;

	if (name.s == NULL)
		return none;
	if (by == WS_GROUP_NAMESPACE)
		return namespace_key(name.s, name.len);
	k = crate_key(name.s, name.len, 0);
	/* C++ in a Rust module (its names have parameter lists): by the
	 * namespace, which past a return type is a path's first segment */
	if (k.len == 0 && memchr(name.s, '(', name.len) != NULL)
		k = namespace_key(name.s, name.len);
	return k;
}

const char *
ws_group_by_name(enum ws_group_by by)
{
	return by == WS_GROUP_CRATE ? "crate" : by == WS_GROUP_NAMESPACE ?
	    "namespace" : "none";
}

/* An open-addressing table from keys to group indices. */
struct table {
	uint32_t	*slot;		/* group + 1; 0: empty */
	size_t		 mask;
};

/* The group of key, added to g when new. */
static uint32_t
group_of(struct ws_groups *g, struct table *t, struct ws_str key)
{
	size_t i = ws_hash_bytes(key.s, key.len) & t->mask;

	for (; t->slot[i] != 0; i = (i + 1) & t->mask) {
		struct ws_group *x = &g->v[t->slot[i] - 1];
		if (x->name.len == key.len && memcmp(x->name.s, key.s,
		    key.len) == 0)
			return t->slot[i] - 1;
	}
	g->v[g->n] = (struct ws_group){ key, 0, 0, UINT32_MAX,
	    (uint32_t)g->n };
	t->slot[i] = (uint32_t)++g->n;
	return (uint32_t)g->n - 1;
}

/* The key of function item i: its group's name. */
static struct ws_str
item_key(struct ws_groups *g, const struct ws_item *it, size_t i)
{
	enum ws_group_by by = g->by;
	struct ws_str k;

	if (!it->named)
		return (struct ws_str){ WS_GROUP_UNNAMED,
		    sizeof WS_GROUP_UNNAMED - 1 };
	k = ws_group_key(it->sym, by);
	if (k.len > 0)
		return k;
	if (g->dwarf.of_item != NULL && g->dwarf.of_item[i].len > 0) {
		g->by_dwarf++;
		return g->dwarf.of_item[i];
	}
	return by == WS_GROUP_CRATE ? (struct ws_str){ WS_GROUP_NO_PATH_CRATE,
	    sizeof WS_GROUP_NO_PATH_CRATE - 1 } : (struct ws_str){
	    WS_GROUP_NO_PATH_NS, sizeof WS_GROUP_NO_PATH_NS - 1 };
}

static int
by_size(const void *x, const void *y)
{
	const struct ws_group *a = x, *b = y;
	size_t	 n = a->name.len < b->name.len ? a->name.len : b->name.len;
	int	 c;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	if ((c = memcmp(a->name.s, b->name.s, n)) != 0)
		return c;
	return a->name.len < b->name.len ? -1 : a->name.len > b->name.len;
}

/* Points of_item at the sorted groups. */
static int
renumber(struct ws_groups *g, size_t nitems)
{
	uint32_t *to = malloc((g->n ? g->n : 1) * sizeof *to);

	if (to == NULL)
		return -1;
	for (size_t i = 0; i < g->n; i++)
		to[g->v[i].id] = (uint32_t)i;
	for (size_t i = 0; i < nitems; i++)
		if (g->of_item[i] != UINT32_MAX)
			g->of_item[i] = to[g->of_item[i]];
	free(to);
	return 0;
}

static void
add(struct ws_groups *g, const struct ws_analysis *a, uint32_t i, uint32_t k)
{
	struct ws_group *x = &g->v[k];
	size_t	 size = a->attrib.items[i].size;

	g->of_item[i] = k;
	g->code += size;
	g->functions++;
	x->size += size;
	x->count++;
	if (x->largest == UINT32_MAX || size > a->attrib.items[x->largest].size)
		x->largest = i;
}

/* The DWARF crates of named functions whose names have no path. */
static int
crates_from_dwarf(struct ws_groups *g, const struct ws_analysis *a,
    struct ws_diag *diag)
{
	uint8_t	*want = calloc(a->attrib.n ? a->attrib.n : 1, 1);
	size_t	 n = 0;
	int	 rc = 0;

	if (want == NULL)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];
		want[i] = it->kind == WS_ENT_FUNCTION && it->named &&
		    ws_group_key(it->sym, WS_GROUP_CRATE).len == 0;
		n += want[i];
	}
	if (n > 0)
		rc = ws_dwarf_crates_build(&g->dwarf, a, want, diag);
	free(want);
	return rc;
}

int
ws_groups_build(struct ws_groups *g, const struct ws_analysis *a,
    enum ws_group_by by, struct ws_diag *diag)
{
	size_t	 n = a->attrib.n, cap = 16;
	struct table t = { NULL, 0 };

	memset(g, 0, sizeof *g);
	g->by = by;
	while (cap < 2 * n)
		cap *= 2;
	g->of_item = malloc((n ? n : 1) * sizeof *g->of_item);
	g->v = malloc((n ? n : 1) * sizeof *g->v);
	t.slot = calloc(cap, sizeof *t.slot);
	t.mask = cap - 1;
	if (g->of_item == NULL || g->v == NULL || t.slot == NULL)
		goto nomem;
	if (by == WS_GROUP_CRATE && crates_from_dwarf(g, a, diag) != 0) {
		free(t.slot);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct ws_item *it = &a->attrib.items[i];
		g->of_item[i] = UINT32_MAX;
		if (it->kind == WS_ENT_FUNCTION)
			add(g, a, (uint32_t)i, group_of(g, &t,
			    item_key(g, it, i)));
	}
	free(t.slot);
	qsort(g->v, g->n, sizeof *g->v, by_size);
	if (renumber(g, n) == 0)
		return 0;
	t.slot = NULL;
nomem:
	free(t.slot);
	return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
}

void
ws_groups_free(struct ws_groups *g)
{
	free(g->v);
	free(g->of_item);
	ws_dwarf_crates_free(&g->dwarf);
	memset(g, 0, sizeof *g);
}

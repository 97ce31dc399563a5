/* SPDX-License-Identifier: MIT */
/*
 * graph.c - edges from the model's references and structure, resolved from
 * index spaces to items, deduplicated, and laid out as compressed rows in
 * both directions.
 */
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "wasm/opcodes.h"

struct edge {
	uint32_t	 from, to;
};

struct edges {
	struct edge	*v;
	size_t		 n, cap;
	int		 oom;
};

static void
add(struct edges *e, uint32_t from, uint32_t to)
{
	struct edge	*v;

	if (to == UINT32_MAX || from == UINT32_MAX || e->oom)
		return;
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 1024;
		if ((v = realloc(e->v, cap * sizeof *v)) == NULL) {
			e->oom = 1;
			return;
		}
		e->v = v;
		e->cap = cap;
	}
	e->v[e->n++] = (struct edge){ from, to };
}

/* Item of each type index: the entry of the rec group that defines it. */
static uint32_t *
type_items(const struct ws_module *m)
{
	uint32_t	*t = malloc((m->ntypes ? m->ntypes : 1) * sizeof *t);
	uint32_t	 next = 0, group = UINT32_MAX;

	if (t == NULL)
		return NULL;
	/* a group's members run from its first index to the next group's */
	for (size_t i = 0; i < m->entries.n; i++) {
		const struct ws_entry *e = &m->entries.v[i];

		if (e->kind != WS_ENT_TYPE)
			continue;
		while (next < e->index && next < m->ntypes)
			t[next++] = group;
		group = (uint32_t)i;
	}
	while (next < m->ntypes)
		t[next++] = group;
	return t;
}

static uint32_t
object_item(const struct ws_objects *space, uint32_t index)
{
	return index < space->n ? space->v[index].entry : UINT32_MAX;
}

/* The item a reference of kind to index lands on, or UINT32_MAX. */
static uint32_t
resolve(const struct ws_module *m, const uint32_t *types, uint8_t kind,
    uint32_t index)
{
	switch (kind) {
	case WS_REF_CALL:
	case WS_REF_RETURN_CALL:
	case WS_REF_FUNC:
		return index < m->funcs.n ? m->funcs.v[index].entry :
		    UINT32_MAX;
	case WS_REF_CALL_INDIRECT:
	case WS_REF_TYPE:
		return index < m->ntypes ? types[index] : UINT32_MAX;
	case WS_REF_GLOBAL: return object_item(&m->globals, index);
	case WS_REF_TABLE: return object_item(&m->tables, index);
	case WS_REF_MEMORY: return object_item(&m->memories, index);
	case WS_REF_DATA: return object_item(&m->datas, index);
	case WS_REF_ELEM: return object_item(&m->elems, index);
	case WS_REF_TAG: return object_item(&m->tags, index);
	}
	return UINT32_MAX;
}

/* Items that belong to the file as such, or that the host sees. */
static int
kept_by_root(uint8_t kind)
{
	switch (kind) {
	case WS_ENT_HEADER: case WS_ENT_OVERHEAD: case WS_ENT_FUNC_DECLS:
	case WS_ENT_DATACOUNT: case WS_ENT_CUSTOM: case WS_ENT_NAME_SUB:
	case WS_ENT_UNKNOWN: case WS_ENT_EXPORT: case WS_ENT_START:
		return 1;
	}
	return 0;
}

/* Active segments are kept by the table or memory they initialize. */
static void
add_segments(struct edges *e, const struct ws_objects *segs,
    const struct ws_objects *into, uint32_t root)
{
	for (size_t i = 0; i < segs->n; i++) {
		const struct ws_object *s = &segs->v[i];

		if (s->mode != WS_SEG_ACTIVE)
			continue;
		add(e, s->target < into->n ? into->v[s->target].entry : root,
		    s->entry);
	}
}

/*
 * Declarative element segments only declare functions for ref.func, which
 * validation needs: the root keeps them, and they keep nothing.
 */
static uint8_t *
declarative(const struct ws_module *m)
{
	uint8_t	*decl = calloc(m->entries.n ? m->entries.n : 1, 1);

	for (size_t i = 0; decl != NULL && i < m->elems.n; i++)
		if (m->elems.v[i].mode == WS_SEG_DECLARATIVE)
			decl[m->elems.v[i].entry] = 1;
	return decl;
}

static void
collect(struct edges *e, const struct ws_module *m, const uint32_t *types,
    uint32_t root)
{
	uint8_t	*decl = declarative(m);

	if (decl == NULL) {
		e->oom = 1;
		return;
	}
	for (size_t i = 0; i < m->entries.n; i++)
		if (kept_by_root(m->entries.v[i].kind) || decl[i])
			add(e, root, (uint32_t)i);
	for (size_t i = 0; i < m->refs.n; i++)
		if (!decl[m->refs.v[i].from])
			add(e, m->refs.v[i].from, resolve(m, types,
			    m->refs.v[i].kind, m->refs.v[i].index));
	free(decl);
	for (size_t i = 0; i < m->funcs.n; i++)
		add(e, m->funcs.v[i].entry, resolve(m, types, WS_REF_TYPE,
		    m->funcs.v[i].type));
	for (size_t i = 0; i < m->tags.n; i++)
		if (m->tags.v[i].imported)
			add(e, m->tags.v[i].entry, resolve(m, types,
			    WS_REF_TYPE, m->tags.v[i].target));
	add_segments(e, &m->elems, &m->tables, root);
	add_segments(e, &m->datas, &m->memories, root);
}

/*
 * Counting sort of edges into rows by `from` (by `to` when reverse),
 * dropping repeats.  at has n + 1 slots.
 */
static int
rows(const struct edges *e, uint32_t n, int reverse, uint32_t **at_out,
    uint32_t **row_out)
{
	uint32_t	*at = calloc((size_t)n + 1, sizeof *at);
	uint32_t	*row = malloc((e->n ? e->n : 1) * sizeof *row);
	uint32_t	*fill = calloc((size_t)n + 1, sizeof *fill);
	uint32_t	*seen = malloc((size_t)n * sizeof *seen);
	size_t		 k = 0;

	if (at == NULL || row == NULL || fill == NULL || seen == NULL) {
		free(at); free(row); free(fill); free(seen);
		return -1;
	}
	for (size_t i = 0; i < e->n; i++)
		at[(reverse ? e->v[i].to : e->v[i].from) + 1]++;
	for (uint32_t v = 0; v < n; v++)
		at[v + 1] += at[v];
	memcpy(fill, at, ((size_t)n + 1) * sizeof *fill);
	for (size_t i = 0; i < e->n; i++) {
		uint32_t a = reverse ? e->v[i].to : e->v[i].from;
		uint32_t b = reverse ? e->v[i].from : e->v[i].to;
		row[fill[a]++] = b;
	}
	/* compact each row, keeping the first of equal neighbours */
	memset(seen, 0xff, (size_t)n * sizeof *seen);
	for (uint32_t v = 0; v < n; v++) {
		uint32_t start = at[v], end = at[v + 1];

		at[v] = (uint32_t)k;
		for (uint32_t j = start; j < end; j++)
			if (seen[row[j]] != v) {
				seen[row[j]] = v;
				row[k++] = row[j];
			}
	}
	at[n] = (uint32_t)k;
	free(fill);
	free(seen);
	*at_out = at;
	*row_out = row;
	return 0;
}

int
ws_graph_build(struct ws_graph *g, const struct ws_module *m,
    const struct ws_attrib *a, struct ws_diag *diag)
{
	struct edges	 e = { 0 };
	uint32_t	*types;

	memset(g, 0, sizeof *g);
	g->n = (uint32_t)a->n + 1;
	g->root = g->n - 1;
	if ((types = type_items(m)) == NULL)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	collect(&e, m, types, g->root);
	free(types);
	if (e.oom || rows(&e, g->n, 0, &g->out_at, &g->out) != 0 ||
	    rows(&e, g->n, 1, &g->in_at, &g->in) != 0) {
		free(e.v);
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	}
	free(e.v);
	return 0;
}

void
ws_graph_free(struct ws_graph *g)
{
	free(g->out_at);
	free(g->out);
	free(g->in_at);
	free(g->in);
	memset(g, 0, sizeof *g);
}

/* SPDX-License-Identifier: MIT */
/*
 * trees.c - depth-first walks for `dominators` and `paths`, with explicit
 * stacks (no recursion), row and depth limits.
 */
#include <stdlib.h>
#include <string.h>

#include "trees.h"

/* Appends a row unless the tree (which began at row base) is full. */
static int
emit(struct ws_tree_rows *rows, size_t base, uint32_t node, uint32_t depth,
    const struct ws_tree_limits *lim, int *full)
{
	struct ws_tree_row *v;

	if (lim->rows != 0 && rows->n - base >= lim->rows) {
		rows->truncated = 1;
		*full = 1;
		return 0;
	}
	if (rows->n == rows->cap) {
		size_t cap = rows->cap ? rows->cap * 2 : 64;
		if ((v = realloc(rows->v, cap * sizeof *v)) == NULL)
			return -1;
		rows->v = v;
		rows->cap = cap;
	}
	rows->v[rows->n++] = (struct ws_tree_row){ node, depth };
	return 0;
}

/* A frame of the explicit stack: a node and the next child to visit. */
struct frame {
	uint32_t	 node, depth;
	uint32_t	 next, end;
};

int
ws_tree_dominators(const struct ws_analysis *a, uint32_t node,
    const struct ws_tree_limits *lim, struct ws_tree_rows *rows,
    struct ws_diag *diag)
{
	const struct ws_domtree *t = &a->dom;
	struct frame	*stack;
	size_t		 top = 0, base = rows->n;
	int		 full = 0;

	if ((stack = malloc(((size_t)t->n + 1) * sizeof *stack)) == NULL ||
	    emit(rows, base, node, 0, lim, &full) != 0) {
		free(stack);
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	}
	stack[top++] = (struct frame){ node, 0, t->child_at[node],
	    t->child_at[node + 1] };
	while (top > 0 && !full) {
		struct frame *f = &stack[top - 1];

		if (f->next == f->end || (lim->depth && f->depth >= lim->depth)) {
			if (f->next != f->end)
				rows->truncated = 1;
			top--;
			continue;
		}
		uint32_t c = t->child[f->next++], d = f->depth + 1;
		if (emit(rows, base, c, d, lim, &full) != 0) {
			free(stack);
			return ws_diag_set(diag, 0, WS_ERR_NOMEM,
			    "out of memory");
		}
		stack[top++] = (struct frame){ c, d, t->child_at[c],
		    t->child_at[c + 1] };
	}
	free(stack);
	return 0;
}

/* Whether a frame cut by the depth limit had a neighbour left to show. */
static int
has_more(const struct ws_graph *g, const uint32_t *adj, const struct frame *f,
    const uint8_t *on_path)
{
	for (uint32_t j = f->next; j < f->end; j++)
		if (adj[j] != g->root && !on_path[adj[j]])
			return 1;
	return 0;
}

int
ws_tree_paths(const struct ws_analysis *a, uint32_t item, int descending,
    const struct ws_tree_limits *lim, struct ws_tree_rows *rows,
    struct ws_diag *diag)
{
	const struct ws_graph *g = &a->graph;
	const uint32_t	*at = descending ? g->out_at : g->in_at;
	const uint32_t	*adj = descending ? g->out : g->in;
	struct frame	*stack = malloc(((size_t)g->n + 1) * sizeof *stack);
	uint8_t		*on_path = calloc(g->n, 1);
	size_t		 top = 0, base = rows->n;
	int		 full = 0, rc = 0;

	if (stack == NULL || on_path == NULL ||
	    emit(rows, base, item, 0, lim, &full) != 0)
		rc = -1;
	if (rc == 0) {
		stack[top++] = (struct frame){ item, 0, at[item], at[item + 1] };
		on_path[item] = 1;
	}
	while (rc == 0 && top > 0 && !full) {
		struct frame *f = &stack[top - 1];

		if (f->next == f->end || (lim->depth && f->depth >= lim->depth)) {
			if (f->next != f->end && has_more(g, adj, f, on_path))
				rows->truncated = 1;
			on_path[f->node] = 0;
			top--;
			continue;
		}
		uint32_t v = adj[f->next++], d = f->depth + 1;
		if (v == g->root || on_path[v])
			continue;
		if (emit(rows, base, v, d, lim, &full) != 0) {
			rc = -1;
			break;
		}
		on_path[v] = 1;
		stack[top++] = (struct frame){ v, d, at[v], at[v + 1] };
	}
	free(stack);
	free(on_path);
	if (rc != 0)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	return 0;
}

void
ws_tree_rows_free(struct ws_tree_rows *rows)
{
	free(rows->v);
	memset(rows, 0, sizeof *rows);
}

/* SPDX-License-Identifier: MIT */
/*
 * dominators.c - semi-NCA over the reference graph.  Nodes are numbered in
 * depth-first preorder (1-based; 0 means not yet seen); arrays indexed by
 * number are local to the computation, the results are by node.
 */
#include <stdlib.h>
#include <string.h>

#include "dominators.h"

struct dfs {
	const struct ws_graph	*g;
	uint32_t		*num;		/* node -> number, 0: unseen */
	uint32_t		*node;		/* number -> node */
	uint32_t		*parent;	/* number -> parent's number */
	uint8_t			*from_root;	/* number -> reached by a
						   virtual root edge */
	uint32_t		*stack, *next;	/* iterative DFS */
	uint32_t		 count;
};

/* Depth-first search from start, numbering in preorder. */
static void
search(struct dfs *d, uint32_t start, uint32_t parent_num, int virtual)
{
	const struct ws_graph *g = d->g;
	size_t	 top = 0;

	d->num[start] = ++d->count;
	d->node[d->count] = start;
	d->parent[d->count] = parent_num;
	d->from_root[d->count] = (uint8_t)virtual;
	d->stack[top] = start;
	d->next[top++] = g->out_at[start];
	while (top > 0) {
		uint32_t v = d->stack[top - 1];

		if (d->next[top - 1] == g->out_at[v + 1]) {
			top--;
			continue;
		}
		uint32_t w = g->out[d->next[top - 1]++];
		if (d->num[w] != 0)
			continue;
		d->num[w] = ++d->count;
		d->node[d->count] = w;
		d->parent[d->count] = d->num[v];
		d->from_root[d->count] = 0;
		d->stack[top] = w;
		d->next[top++] = g->out_at[w];
	}
}

/*
 * Numbers every node: first what the root reaches, then garbage from its
 * entry points (no predecessors), then from one node of each remaining
 * unreachable cycle, in node order.
 */
static void
number_all(struct dfs *d, uint8_t *garbage)
{
	const struct ws_graph *g = d->g;

	search(d, g->root, 0, 0);
	for (uint32_t v = 0; v < g->n; v++)
		garbage[v] = d->num[v] == 0;
	for (uint32_t v = 0; v < g->n; v++)
		if (d->num[v] == 0 && g->in_at[v] == g->in_at[v + 1])
			search(d, v, 1, 1);
	for (uint32_t v = 0; v < g->n; v++)
		if (d->num[v] == 0)
			search(d, v, 1, 1);
}

/* Path compression over the link forest, without recursion. */
static void
compress(uint32_t v, uint32_t *ancestor, uint32_t *label,
    const uint32_t *semi, uint32_t *path)
{
	size_t	 k = 0;

	while (ancestor[ancestor[v]] != 0) {
		path[k++] = v;
		v = ancestor[v];
	}
	while (k > 0) {
		uint32_t u = path[--k], a = ancestor[u];

		if (semi[label[a]] < semi[label[u]])
			label[u] = label[a];
		ancestor[u] = ancestor[a];
	}
}

static uint32_t
eval(uint32_t v, uint32_t *ancestor, uint32_t *label, const uint32_t *semi,
    uint32_t *path)
{
	if (ancestor[v] == 0)
		return v;
	compress(v, ancestor, label, semi, path);
	return label[v];
}

/*
 * Semidominators, then immediate dominators by number (idom[1] = 1).
 * Garbage can reference live items, but must not change their dominators:
 * a live node counts only live predecessors (a garbage node has only
 * garbage ones).
 */
static void
semi_nca(const struct dfs *d, const uint8_t *garbage, uint32_t *semi,
    uint32_t *idom, uint32_t *ancestor, uint32_t *label, uint32_t *path)
{
	const struct ws_graph *g = d->g;
	uint32_t n = d->count;

	for (uint32_t i = 1; i <= n; i++) {
		semi[i] = label[i] = i;
		ancestor[i] = 0;
	}
	for (uint32_t i = n; i >= 2; i--) {
		uint32_t w = d->node[i];

		if (d->from_root[i])
			semi[i] = 1;	/* the virtual edge from the root */
		for (uint32_t j = g->in_at[w]; j < g->in_at[w + 1]; j++) {
			if (garbage[g->in[j]] != garbage[w])
				continue;
			uint32_t u = eval(d->num[g->in[j]], ancestor, label,
			    semi, path);
			if (semi[u] < semi[i])
				semi[i] = semi[u];
		}
		ancestor[i] = d->parent[i];
	}
	idom[1] = 1;
	for (uint32_t i = 2; i <= n; i++) {
		idom[i] = d->parent[i];
		while (idom[i] > semi[i])
			idom[i] = idom[idom[i]];
	}
}

struct child_key {
	uint64_t	 retained;
	uint32_t	 node;
};

static int
by_retained(const void *x, const void *y)
{
	const struct child_key *a = x, *b = y;

	if (a->retained != b->retained)
		return a->retained < b->retained ? 1 : -1;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* Children lists, each sorted by retained size (largest first). */
static int
build_children(struct ws_domtree *t, uint32_t root)
{
	struct child_key *keys;
	uint32_t	*fill;

	t->child_at = calloc((size_t)t->n + 1, sizeof *t->child_at);
	t->child = malloc((t->n ? t->n : 1) * sizeof *t->child);
	fill = malloc(((size_t)t->n + 1) * sizeof *fill);
	keys = malloc((t->n ? t->n : 1) * sizeof *keys);
	if (t->child_at == NULL || t->child == NULL || fill == NULL ||
	    keys == NULL) {
		free(fill);
		free(keys);
		return -1;
	}
	for (uint32_t v = 0; v < t->n; v++)
		if (v != root)
			t->child_at[t->idom[v] + 1]++;
	for (uint32_t v = 0; v < t->n; v++)
		t->child_at[v + 1] += t->child_at[v];
	memcpy(fill, t->child_at, ((size_t)t->n + 1) * sizeof *fill);
	for (uint32_t v = 0; v < t->n; v++)
		if (v != root)
			keys[fill[t->idom[v]]++] = (struct child_key){
			    t->retained[v], v };
	for (uint32_t v = 0; v < t->n; v++)
		qsort(keys + t->child_at[v], t->child_at[v + 1] -
		    t->child_at[v], sizeof *keys, by_retained);
	for (uint32_t i = 0; i + 1 < t->n; i++)
		t->child[i] = keys[i].node;
	free(fill);
	free(keys);
	return 0;
}

static void
results(struct ws_domtree *t, const struct dfs *d, const uint32_t *idom_num,
    const uint64_t *shallow)
{
	for (uint32_t i = 1; i <= d->count; i++) {
		uint32_t v = d->node[i];

		t->order[i - 1] = v;
		t->idom[v] = d->node[idom_num[i]];
		t->retained[v] = shallow[v];
	}
	for (uint32_t i = d->count; i >= 2; i--)
		t->retained[d->node[idom_num[i]]] += t->retained[d->node[i]];
}

int
ws_dominators(struct ws_domtree *t, const struct ws_graph *g,
    const uint64_t *shallow, struct ws_diag *diag)
{
	size_t		 n1 = (size_t)g->n + 1;
	struct dfs	 d = { .g = g };
	uint32_t	*semi, *idom, *ancestor, *label, *path;
	int		 rc = -1;

	memset(t, 0, sizeof *t);
	t->n = g->n;
	d.num = calloc(n1, sizeof *d.num);
	d.node = malloc(n1 * sizeof *d.node);
	d.parent = malloc(n1 * sizeof *d.parent);
	d.from_root = calloc(n1, 1);
	d.stack = malloc(n1 * sizeof *d.stack);
	d.next = malloc(n1 * sizeof *d.next);
	semi = malloc(n1 * sizeof *semi);
	idom = malloc(n1 * sizeof *idom);
	ancestor = malloc(n1 * sizeof *ancestor);
	label = malloc(n1 * sizeof *label);
	path = malloc(n1 * sizeof *path);
	t->idom = malloc(n1 * sizeof *t->idom);
	t->order = malloc(n1 * sizeof *t->order);
	t->garbage = calloc(n1, 1);
	t->retained = calloc(n1, sizeof *t->retained);
	if (d.num && d.node && d.parent && d.from_root && d.stack && d.next &&
	    semi && idom && ancestor && label && path && t->idom && t->order &&
	    t->garbage && t->retained) {
		number_all(&d, t->garbage);
		semi_nca(&d, t->garbage, semi, idom, ancestor, label, path);
		results(t, &d, idom, shallow);
		rc = build_children(t, g->root);
	}
	free(d.num); free(d.node); free(d.parent); free(d.from_root);
	free(d.stack); free(d.next);
	free(semi); free(idom); free(ancestor); free(label); free(path);
	if (rc != 0)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	return 0;
}

void
ws_domtree_free(struct ws_domtree *t)
{
	free(t->idom);
	free(t->order);
	free(t->garbage);
	free(t->retained);
	free(t->child_at);
	free(t->child);
	memset(t, 0, sizeof *t);
}

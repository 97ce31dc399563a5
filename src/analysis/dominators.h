/* SPDX-License-Identifier: MIT */
/*
 * dominators.h - the dominator tree of the reference graph and the
 * retained size of every item: the bytes that would go if it went.
 * Computed with the semi-NCA algorithm (Lengauer-Tarjan's semidominators
 * with path compression, then nearest common ancestors): near-linear, no
 * recursion.
 */
#ifndef WS_DOMINATORS_H
#define WS_DOMINATORS_H

#include <stdint.h>

#include "graph.h"
#include "wasm/diag.h"

struct ws_domtree {
	uint32_t	 n;		/* nodes, as in the graph */
	uint32_t	*idom;		/* immediate dominator; root: itself */
	uint32_t	*order;		/* all nodes, depth-first preorder */
	uint8_t		*garbage;	/* 1: unreachable from the root */
	uint64_t	*retained;	/* shallow size of the whole subtree */
	uint32_t	*child_at;	/* children of v in the tree:
					   child[child_at[v] .. child_at[v+1]),
					   largest retained first */
	uint32_t	*child;
};

/*
 * Computes the tree of g, with shallow[v] the size of node v (0 for the
 * root).  Items unreachable from the root (garbage) hang from the root
 * too, through their entry points (those nothing else references; one per
 * unreachable cycle otherwise), so that every node is in the tree and the
 * root retains the whole file.  Returns 0, or -1 on OOM (in diag); free
 * with ws_domtree_free() either way.
 */
int	ws_dominators(struct ws_domtree *, const struct ws_graph *g,
	    const uint64_t *shallow, struct ws_diag *);

void	ws_domtree_free(struct ws_domtree *);

#endif

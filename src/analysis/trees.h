/* SPDX-License-Identifier: MIT */
/*
 * trees.h - the trees that `dominators` and `paths` print, flattened into
 * rows (node, depth) in the order they are shown: the dominator subtree of
 * an item, largest first; and the retaining paths of an item (who
 * references it, and who references those) or, descending, what it
 * references.
 */
#ifndef WS_TREES_H
#define WS_TREES_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "wasm/diag.h"

struct ws_tree_row {
	uint32_t	 node;		/* an item, or the graph's root */
	uint32_t	 depth;		/* 0 for the item the tree starts at */
};

struct ws_tree_rows {
	struct ws_tree_row *v;
	size_t		 n, cap;
	int		 truncated;	/* the limits left rows out */
};

/*
 * Limits of one tree: depth counts levels below its start, rows the rows
 * of that tree; 0 means no limit.
 */
struct ws_tree_limits {
	uint32_t	 depth;
	size_t		 rows;
};

/*
 * Appends the dominator subtree of node (in the order of its children:
 * largest retained first) to rows.  Returns 0, or -1 on OOM (in diag).
 */
int	ws_tree_dominators(const struct ws_analysis *, uint32_t node,
	    const struct ws_tree_limits *, struct ws_tree_rows *,
	    struct ws_diag *);

/*
 * Appends the paths tree of item: its referrers (or, with descending, what
 * it references), depth first in reference order, never repeating a node
 * already on the path and never showing the root.  Returns 0 or -1.
 */
int	ws_tree_paths(const struct ws_analysis *, uint32_t item, int descending,
	    const struct ws_tree_limits *, struct ws_tree_rows *,
	    struct ws_diag *);

void	ws_tree_rows_free(struct ws_tree_rows *);

#endif

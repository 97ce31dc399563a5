/* SPDX-License-Identifier: MIT */
/*
 * graph.h - the reference graph of a module: one node per attributed item
 * plus a root, and an edge wherever one item keeps another alive (a call,
 * a global.get, an export naming a function, a table holding an element
 * segment, ...).  Edges are stored both ways, in compressed rows.
 */
#ifndef WS_GRAPH_H
#define WS_GRAPH_H

#include <stdint.h>

#include "attrib.h"
#include "wasm/diag.h"
#include "wasm/module.h"

struct ws_graph {
	uint32_t	 n;		/* nodes: items 0 .. n-2, then the root */
	uint32_t	 root;		/* n - 1 */
	uint32_t	*out_at;	/* successors of v: out[out_at[v] .. out_at[v+1]) */
	uint32_t	*out;
	uint32_t	*in_at;		/* predecessors, likewise */
	uint32_t	*in;
};

/*
 * Builds the graph of m, whose items a describes (one per entry).  The
 * root keeps the file's own structure (preamble, section headers, custom
 * sections, function declarations, declarative element segments, which
 * keep nothing), the exports and the start function;
 * a table keeps its active element segments and a memory its active data
 * segments; everything else is kept by what references it.  Each edge is
 * stored once.  Returns 0, or -1 on OOM (in diag).  Free with
 * ws_graph_free() either way.
 */
int	ws_graph_build(struct ws_graph *, const struct ws_module *m,
	    const struct ws_attrib *a, struct ws_diag *);

void	ws_graph_free(struct ws_graph *);

#endif

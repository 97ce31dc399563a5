/* SPDX-License-Identifier: MIT */
/*
 * analysis.h - the facts about one parsed module that the reports print:
 * its attributed items, the items by size, and the share of custom
 * sections.  Built once per run from the model.
 */
#ifndef WS_ANALYSIS_H
#define WS_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "attrib.h"
#include "dominators.h"
#include "graph.h"
#include "wasm/diag.h"
#include "wasm/module.h"

struct ws_analysis {
	const char		*path;		/* as the user named it */
	const struct ws_module	*m;
	struct ws_attrib	 attrib;
	uint32_t		*by_size;	/* item indices: size descending,
						   then offset ascending */
	uint32_t		*by_retained;	/* likewise, by retained size */
	size_t			 custom_bytes;	/* whole custom sections */
	size_t			 ncustom;
	struct ws_graph		 graph;		/* node i: item i; then root */
	struct ws_domtree	 dom;
	uint64_t		 garbage_bytes;	/* unreachable items */
	size_t			 ngarbage;
	/* compressed sizes, -1 (or NULL) until ws_analysis_compress() */
	int64_t			 gzip, brotli;
	int64_t			*sec_gzip, *sec_brotli;	/* each section alone */
};

/* Options that change the facts (not just how they are printed). */
struct ws_analysis_opts {
	int	 demangle;
};

/*
 * Analyses m (which must outlive the result).  Returns 0, or -1 with the
 * error in diag.  Free with ws_analysis_free() either way.
 */
int	ws_analyze(struct ws_analysis *, const char *path,
	    const struct ws_module *m, const struct ws_analysis_opts *,
	    struct ws_diag *);

/*
 * Computes the gzip and brotli sizes of the whole module and of each
 * section on its own (which do not add up: compression works across
 * section boundaries).  Brotli at quality 11 is slow (about a second per
 * megabyte).  Returns 0, or -1 on OOM (in diag).
 */
int	ws_analysis_compress(struct ws_analysis *, struct ws_diag *);

void	ws_analysis_free(struct ws_analysis *);

#endif

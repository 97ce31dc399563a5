/* SPDX-License-Identifier: MIT */
/*
 * diff.h - build-to-build differences: two sides, each a .wasm or a JSON
 * report saved by `wasmsize inspect --json`, reduced to totals, sections
 * and items; items matched by kind and name, then by kind and index.
 */
#ifndef WS_DIFF_H
#define WS_DIFF_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "canalysis.h"
#include "strbuf.h"
#include "wasm/diag.h"

struct ws_side_entry {
	struct ws_str	 kind;		/* "function", "section", ... */
	struct ws_str	 name;
	int64_t		 index;		/* -1: none */
	uint64_t	 size;
};

/* One side of a diff; every string lives in its arena. */
struct ws_side {
	const char		*path;
	uint64_t		 size;
	int64_t			 gzip;		/* -1: unknown */
	struct ws_side_entry	*sections, *items;
	size_t			 nsections, nitems;
	struct ws_strbuf	 text;
};

struct ws_delta {
	const struct ws_side_entry *old, *new;	/* NULL: added or removed */
	int64_t		 delta;
};

struct ws_diff {
	struct ws_delta	*sections, *items;	/* largest change first */
	size_t		 nsections, nitems;
	int64_t		 size_delta, gzip_delta;	/* gzip: when both known */
	int		 gzip_known;
};

/* A side from an analysed module (gzip computed from its bytes). */
int	ws_side_from_analysis(struct ws_side *, const struct ws_analysis *,
	    const uint8_t *file, size_t n, struct ws_diag *);

/*
 * A side from a component (gzip of the whole file): as sections, each
 * core module (kind "module", by its name or "module N") and the
 * components' own bytes by section kind (kind "component"; custom sections
 * by name); as items, every module's, named "MODULE: ITEM".
 */
int	ws_side_from_component(struct ws_side *, const struct ws_canalysis *,
	    const uint8_t *file, size_t n, struct ws_diag *);

/*
 * A side from a JSON report (inspect --json, schema wasmsize/1).  Returns
 * 0, or -1 with what is wrong (file, line and column for bad JSON).
 */
int	ws_side_from_json(struct ws_side *, const char *path, struct ws_diag *);

void	ws_side_free(struct ws_side *);

/* Matches two sides.  Returns 0, or -1 on OOM. */
int	ws_diff_build(struct ws_diff *, const struct ws_side *old,
	    const struct ws_side *new, struct ws_diag *);

void	ws_diff_free(struct ws_diff *);

#endif

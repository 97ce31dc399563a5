/* SPDX-License-Identifier: MIT */
/*
 * report.h - the commands' outputs: text tables for people, CSV for
 * spreadsheets, JSON ("schema": "wasmsize/1") for CI.  Reports print facts
 * computed by analysis/; they compute nothing new.
 */
#ifndef WS_REPORT_H
#define WS_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "analysis/advice.h"
#include "analysis/analysis.h"
#include "analysis/budget.h"
#include "analysis/canalysis.h"
#include "analysis/diff.h"
#include "analysis/findings.h"
#include "analysis/groups.h"
#include "analysis/monos.h"
#include "analysis/sources.h"
#include "analysis/trees.h"

enum ws_format { WS_FORMAT_TEXT, WS_FORMAT_CSV, WS_FORMAT_JSON,
	WS_FORMAT_MARKDOWN };

/*
 * Each writes one report to fp and returns 0, or -1 when writing fails or
 * memory runs out.
 */

/*
 * The overview: size, toolchain, sections, largest items, custom share,
 * findings and the top recommendations; the largest groups, given groups.
 */
int	ws_report_inspect(FILE *fp, const struct ws_analysis *,
	    const struct ws_findings *, const struct ws_advice *,
	    const struct ws_groups *, enum ws_format);

/* Findings and recommendations (with --measure results, if any). */
int	ws_report_advise(FILE *fp, const struct ws_analysis *,
	    const struct ws_findings *, const struct ws_advice *,
	    enum ws_format);

/* One row per section. */
int	ws_report_sections(FILE *fp, const struct ws_analysis *, enum ws_format);

struct ws_top_opts {
	size_t	 n;		/* rows; 0: all */
	int	 retained;	/* show retained sizes */
	int	 by_retained;	/* rank by retained rather than shallow size */
	const struct ws_groups *groups;	/* --group-by: rank groups instead */
};

/* The largest items. */
int	ws_report_top(FILE *fp, const struct ws_analysis *, enum ws_format,
	    const struct ws_top_opts *);

/*
 * A tree of rows from ws_tree_dominators() or ws_tree_paths(), one per
 * starting item: dominators shows retained sizes first; paths (ascending
 * or descending) marks each level with an arrow.
 */
enum ws_tree_style { WS_TREE_DOMINATORS, WS_TREE_PATHS_UP, WS_TREE_PATHS_DOWN };
int	ws_report_tree(FILE *fp, const struct ws_analysis *, enum ws_format,
	    enum ws_tree_style, const struct ws_tree_rows *);

/* Unreachable items, largest first (the n largest; 0: all), with totals. */
int	ws_report_garbage(FILE *fp, const struct ws_analysis *, enum ws_format,
	    size_t n);

/* Monomorphized generic functions: the n groups that waste the most. */
int	ws_report_monos(FILE *fp, const struct ws_analysis *,
	    const struct ws_monos *, enum ws_format, size_t n);

/* The results of `check` for one file. */
struct ws_check_file {
	const char		*path;
	struct ws_check		*checks;
	size_t			 n;
};

/*
 * Budget results for every file: one line per limit (text), a table
 * (Markdown, CSV) or an object (JSON); with github set, failures are also
 * written to standard output as GitHub Actions ::error annotations (the
 * caller sets it only when they cannot land inside a JSON or CSV report).
 */
int	ws_report_check(FILE *fp, const struct ws_check_file *, size_t nfiles,
	    enum ws_format, int github);

/* Two builds compared: totals, sections, the n largest item changes. */
int	ws_report_diff(FILE *fp, const struct ws_side *old,
	    const struct ws_side *new, const struct ws_diff *, enum ws_format,
	    size_t n);

/*
 * Code bytes by source file or directory (`sources`); without DWARF line
 * information, text is one line saying so.
 */
int	ws_report_sources(FILE *fp, const struct ws_analysis *,
	    const struct ws_sources *, enum ws_format);

/* The notes about the DWARF, as "wasmsize: FILE: note: offset 0xN: ..." */
void	ws_report_sources_notes(FILE *fp, const char *file,
	    const struct ws_sources *);

/* A component: its modules and its own bytes (inspect, sections). */
int	ws_report_component(FILE *fp, const struct ws_canalysis *,
	    enum ws_format);

#endif

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

#include "analysis/analysis.h"

enum ws_format { WS_FORMAT_TEXT, WS_FORMAT_CSV, WS_FORMAT_JSON };

/*
 * Each writes one report to fp and returns 0, or -1 when writing fails or
 * memory runs out.
 */

/* The overview: size, toolchain, sections, largest items, custom share. */
int	ws_report_inspect(FILE *fp, const struct ws_analysis *, enum ws_format);

/* One row per section. */
int	ws_report_sections(FILE *fp, const struct ws_analysis *, enum ws_format);

/* The n largest items (all of them when n is 0). */
int	ws_report_top(FILE *fp, const struct ws_analysis *, enum ws_format,
	    size_t n);

#endif

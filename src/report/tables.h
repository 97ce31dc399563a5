/* SPDX-License-Identifier: MIT */
/*
 * tables.h - tables that more than one command prints; private to report/.
 */
#ifndef WS_TABLES_H
#define WS_TABLES_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "report.h"

/* The section table, in text or CSV. */
void	ws_sections_table(FILE *, const struct ws_analysis *, enum ws_format);

/* The largest items, in text or CSV. */
void	ws_top_table(FILE *, const struct ws_analysis *, enum ws_format,
	    const struct ws_top_opts *);

/* The largest items as a JSON array; a new reference. */
json_t	*ws_top_json(const struct ws_analysis *, const struct ws_top_opts *);

/* The first n groups (0: all) as a table, and as a JSON object. */
void	ws_groups_table(FILE *, const struct ws_analysis *,
	    const struct ws_groups *, enum ws_format, size_t n);
json_t	*ws_groups_json(const struct ws_analysis *, const struct ws_groups *,
	    size_t n);

/* The findings as verdict lines (advise and inspect). */
void	ws_findings_text(FILE *, const struct ws_analysis *,
	    const struct ws_findings *);

/* The first n recommendations (0: all) as a table. */
void	ws_recs_table(FILE *, const struct ws_advice *, enum ws_format,
	    size_t n);

/* New references: the findings and recommendations arrays. */
json_t	*ws_findings_json(const struct ws_analysis *,
	    const struct ws_findings *);
json_t	*ws_recs_json(const struct ws_advice *);

#endif

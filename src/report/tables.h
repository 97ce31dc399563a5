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

#endif

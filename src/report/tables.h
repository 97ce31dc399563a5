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

/* The n largest items, in text or CSV. */
void	ws_top_table(FILE *, const struct ws_analysis *, enum ws_format,
	    size_t n);

/* The n largest items as a JSON array; a new reference. */
json_t	*ws_top_json(const struct ws_analysis *, size_t n);

#endif

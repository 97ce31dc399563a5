/* SPDX-License-Identifier: MIT */
/*
 * json.h - the pieces of a "wasmsize/1" JSON report.  Every function returns
 * a new reference (NULL on OOM).  Keys are added in a fixed order and all
 * numbers are integers, so the same input gives byte-identical output.
 */
#ifndef WS_JSON_H
#define WS_JSON_H

#include <stdio.h>

#include <jansson.h>

#include "analysis/analysis.h"

/* {"schema", "file", "size", "kind", "version"}: what every report starts with. */
json_t	*ws_json_head(const struct ws_analysis *);

/* [{"id", "name", "offset", "size", "payload_size", "count"?}, ...] */
json_t	*ws_json_sections(const struct ws_analysis *);

/* {"kind", "index"?, "name", "raw_name"?, "section"?, "offset", "size",
 * "retained", "garbage"?} */
json_t	*ws_json_item(const struct ws_analysis *, size_t item);

/* [{"field", "name", "version"}, ...] from the producers section. */
json_t	*ws_json_producers(const struct ws_analysis *);

/* Writes o to fp (two-space indent, trailing newline) and releases it.
 * Returns 0, or -1 when o is NULL or writing fails. */
int	ws_json_emit(FILE *fp, json_t *o);

#endif

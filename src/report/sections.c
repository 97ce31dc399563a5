/* SPDX-License-Identifier: MIT */
/*
 * sections.c - `wasmsize sections`: one row per section with its id, name,
 * offset, whole size, payload size, entry count and share of the file.
 */
#include <stdint.h>

#include "json.h"
#include "report.h"
#include "row.h"
#include "tables.h"

enum { SEC_COLS = 9 };

/* The cells of section i (6 or 8 with compressed sizes, then the name). */
static size_t
section_cells(const struct ws_analysis *a, size_t i, struct ws_cell *c)
{
	const struct ws_module *m = a->m;
	const struct ws_section *s = &m->sections.v[i];
	size_t	 k = 6;

	ws_cell_u64(&c[0], s->id, 3);
	ws_cell_hex(&c[1], s->whole.off, 10);
	ws_cell_u64(&c[2], s->whole.len, 10);
	ws_cell_u64(&c[3], s->payload.len, 10);
	if (s->has_count)
		ws_cell_u64(&c[4], s->count, 7);
	else
		ws_cell_str(&c[4], "", 7);
	ws_cell_pct(&c[5], s->whole.len, m->span.len, 7);
	if (a->sec_gzip != NULL) {
		ws_cell_u64(&c[k++], (uint64_t)a->sec_gzip[i], 9);
		ws_cell_u64(&c[k++], (uint64_t)a->sec_brotli[i], 9);
	}
	if (s->id == WS_SEC_CUSTOM)
		ws_cell_bytes(&c[k++], (const char *)m->base + s->name.off,
		    s->name.len, 0);
	else
		ws_cell_str(&c[k++], ws_section_name(s->id), 0);
	return k;
}

void
ws_sections_table(FILE *fp, const struct ws_analysis *a, enum ws_format f)
{
	static const char *const titles[SEC_COLS] = {
		"id", "offset", "size", "payload", "count", "percent", "gzip",
		"brotli", "name"
	};
	static const int widths[SEC_COLS] = { 3, 10, 10, 10, 7, 7, 9, 9, 0 };
	struct ws_cell	 c[SEC_COLS];
	size_t		 k = 0;

	for (size_t i = 0; i < SEC_COLS; i++)
		if (a->sec_gzip != NULL || (i != 6 && i != 7))
			ws_cell_str(&c[k++], titles[i], widths[i]);
	ws_row_print(fp, f, c, k);
	for (size_t i = 0; i < a->m->sections.n; i++)
		ws_row_print(fp, f, c, section_cells(a, i, c));
}

int
ws_report_sections(FILE *fp, const struct ws_analysis *a, enum ws_format f)
{
	json_t	*o;

	if (f != WS_FORMAT_JSON) {
		ws_sections_table(fp, a, f);
		return ferror(fp) ? -1 : 0;
	}
	if ((o = ws_json_head(a)) == NULL ||
	    json_object_set_new(o, "sections", ws_json_sections(a)) != 0) {
		json_decref(o);
		return -1;
	}
	return ws_json_emit(fp, o);
}

/* SPDX-License-Identifier: MIT */
/*
 * top.c - `wasmsize top`: the largest items with their kind, index, name
 * and share of the file.
 */
#include <stdint.h>

#include "json.h"
#include "report.h"
#include "row.h"
#include "tables.h"

enum { TOP_COLS = 5 };

void
ws_top_table(FILE *fp, const struct ws_analysis *a, enum ws_format f,
    size_t n)
{
	static const char *const titles[TOP_COLS] = {
		"size", "percent", "kind", "index", "name"
	};
	static const int widths[TOP_COLS] = { 10, 7, -17, 7, 0 };
	struct ws_cell	 c[TOP_COLS];

	for (size_t i = 0; i < TOP_COLS; i++)
		ws_cell_str(&c[i], titles[i], widths[i]);
	ws_row_print(fp, f, c, TOP_COLS);
	for (size_t r = 0; r < n && r < a->attrib.n; r++) {
		const struct ws_item *it = &a->attrib.items[a->by_size[r]];

		ws_cell_u64(&c[0], it->size, 10);
		ws_cell_pct(&c[1], it->size, a->m->span.len, 7);
		ws_cell_str(&c[2], ws_item_kind_name(it->kind), -17);
		if (it->index != UINT32_MAX)
			ws_cell_u64(&c[3], it->index, 7);
		else
			ws_cell_str(&c[3], "", 7);
		ws_cell_bytes(&c[4], it->name.s, it->name.len, 0);
		ws_row_print(fp, f, c, TOP_COLS);
	}
}

json_t *
ws_top_json(const struct ws_analysis *a, size_t n)
{
	json_t	*arr = json_array();

	for (size_t r = 0; arr != NULL && r < n && r < a->attrib.n; r++)
		if (json_array_append_new(arr,
		    ws_json_item(a, a->by_size[r])) != 0) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

int
ws_report_top(FILE *fp, const struct ws_analysis *a, enum ws_format f,
    size_t n)
{
	json_t	*o;

	if (n == 0)
		n = a->attrib.n;
	if (f != WS_FORMAT_JSON) {
		ws_top_table(fp, a, f, n);
		return ferror(fp) ? -1 : 0;
	}
	if ((o = ws_json_head(a)) == NULL ||
	    json_object_set_new(o, "items", ws_top_json(a, n)) != 0) {
		json_decref(o);
		return -1;
	}
	return ws_json_emit(fp, o);
}

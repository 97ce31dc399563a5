/* SPDX-License-Identifier: MIT */
/*
 * top.c - `wasmsize top`: the largest items with their kind, index, name
 * and share of the file; with --retained, also what each keeps alive.
 */
#include <stdint.h>

#include "json.h"
#include "report.h"
#include "row.h"
#include "tables.h"

enum { TOP_COLS = 7 };

/* The cells of item i (or of the titles, when i is UINT32_MAX). */
static size_t
top_cells(const struct ws_analysis *a, uint32_t i, const struct ws_top_opts *o,
    struct ws_cell *c)
{
	const struct ws_item *it = i != UINT32_MAX ? &a->attrib.items[i] : NULL;
	uint64_t	 total = a->m->span.len;
	size_t		 k = 0;

	if (it == NULL) {
		ws_cell_str(&c[k++], "size", 10);
		ws_cell_str(&c[k++], "percent", 7);
		if (o->retained) {
			ws_cell_str(&c[k++], "retained", 10);
			ws_cell_str(&c[k++], "ret-pct", 7);
		}
		ws_cell_str(&c[k++], "kind", -17);
		ws_cell_str(&c[k++], "index", 7);
		ws_cell_str(&c[k++], "name", 0);
		return k;
	}
	ws_cell_u64(&c[k++], it->size, 10);
	ws_cell_pct(&c[k++], it->size, total, 7);
	if (o->retained) {
		ws_cell_u64(&c[k++], a->dom.retained[i], 10);
		ws_cell_pct(&c[k++], a->dom.retained[i], total, 7);
	}
	ws_cell_str(&c[k++], ws_item_kind_name(it->kind), -17);
	if (it->index != UINT32_MAX)
		ws_cell_u64(&c[k++], it->index, 7);
	else
		ws_cell_str(&c[k++], "", 7);
	ws_cell_bytes(&c[k++], it->name.s, it->name.len, 0);
	return k;
}

void
ws_top_table(FILE *fp, const struct ws_analysis *a, enum ws_format f,
    const struct ws_top_opts *o)
{
	const uint32_t	*order = o->by_retained ? a->by_retained : a->by_size;
	size_t		 n = o->n ? o->n : a->attrib.n;
	struct ws_cell	 c[TOP_COLS];

	ws_row_print(fp, f, c, top_cells(a, UINT32_MAX, o, c));
	for (size_t r = 0; r < n && r < a->attrib.n; r++)
		ws_row_print(fp, f, c, top_cells(a, order[r], o, c));
}

json_t *
ws_top_json(const struct ws_analysis *a, const struct ws_top_opts *o)
{
	const uint32_t	*order = o->by_retained ? a->by_retained : a->by_size;
	size_t		 n = o->n ? o->n : a->attrib.n;
	json_t		*arr = json_array();

	for (size_t r = 0; arr != NULL && r < n && r < a->attrib.n; r++)
		if (json_array_append_new(arr, ws_json_item(a, order[r])) != 0) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

int
ws_report_top(FILE *fp, const struct ws_analysis *a, enum ws_format f,
    const struct ws_top_opts *o)
{
	json_t	*out;

	if (f != WS_FORMAT_JSON) {
		if (o->groups != NULL)
			ws_groups_table(fp, a, o->groups, f, o->n);
		else
			ws_top_table(fp, a, f, o);
		return ferror(fp) ? -1 : 0;
	}
	if ((out = ws_json_head(a)) == NULL || (o->groups != NULL ?
	    json_object_set_new(out, "groups", ws_groups_json(a, o->groups,
	    o->n)) : json_object_set_new(out, "items", ws_top_json(a, o))) != 0) {
		json_decref(out);
		return -1;
	}
	return ws_json_emit(fp, out);
}

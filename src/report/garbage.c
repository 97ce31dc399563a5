/* SPDX-License-Identifier: MIT */
/*
 * garbage.c - `wasmsize garbage`: the items nothing reachable from the
 * root keeps alive, largest first, with totals, and how much of that is
 * data segments (which tools that do not follow memories to their active
 * segments, as twiggy, would flag by mistake).
 */
#include <inttypes.h>
#include <stdint.h>

#include "fmt.h"
#include "json.h"
#include "report.h"
#include "row.h"

enum { GARBAGE_COLS = 5 };

struct totals {
	size_t		 items, data_items;	/* all garbage; data of it */
	uint64_t	 bytes, data_bytes;
};

static struct totals
count(const struct ws_analysis *a)
{
	struct totals	 t = { 0 };

	for (size_t i = 0; i < a->attrib.n; i++) {
		if (!a->dom.garbage[i])
			continue;
		t.items++;
		t.bytes += a->attrib.items[i].size;
		if (a->attrib.items[i].kind == WS_ENT_DATA) {
			t.data_items++;
			t.data_bytes += a->attrib.items[i].size;
		}
	}
	return t;
}

static void
item_cells(const struct ws_analysis *a, uint32_t i, struct ws_cell *c)
{
	const struct ws_item *it = &a->attrib.items[i];

	ws_cell_u64(&c[0], it->size, 10);
	ws_cell_pct(&c[1], it->size, a->m->span.len, 7);
	ws_cell_str(&c[2], ws_item_kind_name(it->kind), -17);
	if (it->index != UINT32_MAX)
		ws_cell_u64(&c[3], it->index, 7);
	else
		ws_cell_str(&c[3], "", 7);
	ws_cell_bytes(&c[4], it->name.s, it->name.len, 0);
}

static void
garbage_table(FILE *fp, const struct ws_analysis *a, enum ws_format f,
    size_t n, const struct totals *t)
{
	static const char *const titles[GARBAGE_COLS] = {
		"size", "percent", "kind", "index", "name"
	};
	static const int widths[GARBAGE_COLS] = { 10, 7, -17, 7, 0 };
	struct ws_cell	 c[GARBAGE_COLS];
	size_t		 shown = 0, total = t->items;
	char		 pct[16];

	for (size_t i = 0; i < GARBAGE_COLS; i++)
		ws_cell_str(&c[i], titles[i], widths[i]);
	ws_row_print(fp, f, c, GARBAGE_COLS);
	for (size_t r = 0; r < a->attrib.n && (n == 0 || shown < n); r++) {
		uint32_t i = a->by_size[r];

		if (!a->dom.garbage[i])
			continue;
		item_cells(a, i, c);
		ws_row_print(fp, f, c, GARBAGE_COLS);
		shown++;
	}
	if (f != WS_FORMAT_TEXT)
		return;
	if (shown < total)
		fprintf(fp, "... and %zu more (-a shows all)\n", total - shown);
	fprintf(fp, "garbage: %zu items, %" PRIu64 " bytes (%s)\n", t->items,
	    t->bytes, ws_fmt_pct(pct, sizeof pct, t->bytes, a->m->span.len));
	fprintf(fp, "of which data segments: %zu, %" PRIu64 " bytes (%s)\n",
	    t->data_items, t->data_bytes, ws_fmt_pct(pct, sizeof pct,
	    t->data_bytes, a->m->span.len));
}

static json_t *
garbage_json(const struct ws_analysis *a, size_t n, const struct totals *t)
{
	json_t	*o = ws_json_head(a), *items = json_array();
	size_t	 shown = 0;

	for (size_t r = 0; items && r < a->attrib.n && (n == 0 || shown < n);
	    r++)
		if (a->dom.garbage[a->by_size[r]]) {
			json_array_append_new(items, ws_json_item(a,
			    a->by_size[r]));
			shown++;
		}
	if (o == NULL || items == NULL || json_object_set_new(o, "garbage",
	    json_pack("{s:I, s:I, s:I, s:I}", "items", (json_int_t)t->items,
	    "bytes", (json_int_t)t->bytes, "data_items",
	    (json_int_t)t->data_items, "data_bytes",
	    (json_int_t)t->data_bytes)) != 0) {
		json_decref(o);
		json_decref(items);
		return NULL;
	}
	json_object_set_new(o, "items", items);
	return o;
}

int
ws_report_garbage(FILE *fp, const struct ws_analysis *a, enum ws_format f,
    size_t n)
{
	struct totals	 t = count(a);

	if (f == WS_FORMAT_JSON)
		return ws_json_emit(fp, garbage_json(a, n, &t));
	garbage_table(fp, a, f, n, &t);
	return ferror(fp) ? -1 : 0;
}

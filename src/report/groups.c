/* SPDX-License-Identifier: MIT */
/*
 * groups.c - function bytes by crate or namespace (--group-by), as a table
 * for `top` and `inspect`, and as JSON.
 */
#include <stdint.h>

#include "escape.h"
#include "json.h"
#include "report.h"
#include "row.h"
#include "tables.h"

enum { GROUP_COLS = 6 };

static void
group_cells(const struct ws_analysis *a, const struct ws_groups *g,
    const struct ws_group *x, struct ws_cell *c)
{
	const struct ws_item *big = &a->attrib.items[x->largest];

	ws_cell_u64(&c[0], x->size, 10);
	ws_cell_pct(&c[1], x->size, a->m->span.len, 7);
	ws_cell_pct(&c[2], x->size, g->code, 7);
	ws_cell_u64(&c[3], x->count, 9);
	ws_cell_bytes(&c[4], x->name.s, x->name.len, -20);
	ws_cell_bytes(&c[5], big->name.s, big->name.len, 0);
}

void
ws_groups_table(FILE *fp, const struct ws_analysis *a,
    const struct ws_groups *g, enum ws_format f, size_t n)
{
	const char *titles[GROUP_COLS] = { "size", "percent", "of-code",
	    "functions", ws_group_by_name(g->by), "largest function" };
	static const int widths[GROUP_COLS] = { 10, 7, 7, 9, -20, 0 };
	struct ws_cell	 c[GROUP_COLS];

	for (size_t i = 0; i < GROUP_COLS; i++)
		ws_cell_str(&c[i], titles[i], widths[i]);
	ws_row_print(fp, f, c, GROUP_COLS);
	for (size_t i = 0; i < g->n && (n == 0 || i < n); i++) {
		group_cells(a, g, &g->v[i], c);
		ws_row_print(fp, f, c, GROUP_COLS);
	}
}

json_t *
ws_groups_json(const struct ws_analysis *a, const struct ws_groups *g,
    size_t n)
{
	json_t	*o = json_pack("{s:s, s:I, s:I, s:I}", "by",
	    ws_group_by_name(g->by), "code_bytes", (json_int_t)g->code,
	    "functions", (json_int_t)g->functions, "by_dwarf",
	    (json_int_t)g->by_dwarf);
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < g->n && (n == 0 || i < n); i++) {
		const struct ws_group *x = &g->v[i];
		const struct ws_item *big = &a->attrib.items[x->largest];

		json_array_append_new(arr, json_pack("{s:o, s:I, s:I, s:o}",
		    "name", ws_json_bytes(x->name.s, x->name.len), "size",
		    (json_int_t)x->size, "functions", (json_int_t)x->count,
		    "largest", ws_json_bytes(big->name.s, big->name.len)));
	}
	if (o == NULL || arr == NULL ||
	    json_object_set_new(o, "groups", arr) != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* SPDX-License-Identifier: MIT */
/*
 * monos.c - `wasmsize monos`: generic functions with several monomorphized
 * copies, the bytes they take, and what sharing one copy would save.
 */
#include <stdint.h>

#include "escape.h"
#include "json.h"
#include "report.h"
#include "row.h"

enum { MONO_COLS = 5 };

static void
monos_table(FILE *fp, const struct ws_analysis *a, const struct ws_monos *mo,
    enum ws_format f, size_t n)
{
	static const char *const titles[MONO_COLS] = {
		"copies", "total", "savings", "percent", "generic"
	};
	static const int widths[MONO_COLS] = { 7, 10, 10, 7, 0 };
	struct ws_cell	 c[MONO_COLS];

	for (size_t i = 0; i < MONO_COLS; i++)
		ws_cell_str(&c[i], titles[i], widths[i]);
	ws_row_print(fp, f, c, MONO_COLS);
	for (size_t i = 0; i < mo->n && (n == 0 || i < n); i++) {
		const struct ws_mono_group *g = &mo->groups[i];

		ws_cell_u64(&c[0], g->count, 7);
		ws_cell_u64(&c[1], g->total, 10);
		ws_cell_u64(&c[2], g->savings, 10);
		ws_cell_pct(&c[3], g->savings, a->m->span.len, 7);
		ws_cell_bytes(&c[4], g->generic.s, g->generic.len, 0);
		ws_row_print(fp, f, c, MONO_COLS);
	}
	if (f == WS_FORMAT_TEXT && n != 0 && mo->n > n)
		fprintf(fp, "... and %zu more generic functions (-n 0 shows "
		    "all)\n", mo->n - n);
}

static json_t *
group_json(const struct ws_analysis *a, const struct ws_mono_group *g)
{
	json_t	*copies = json_array(), *o;

	for (uint32_t k = 0; copies != NULL && k < g->count; k++)
		json_array_append_new(copies, ws_json_item(a, g->items[k]));
	o = json_pack("{s:o, s:I, s:I, s:I}", "generic",
	    ws_json_bytes(g->generic.s, g->generic.len), "copies",
	    (json_int_t)g->count, "total", (json_int_t)g->total, "savings",
	    (json_int_t)g->savings);
	if (o == NULL || copies == NULL) {
		json_decref(o);
		json_decref(copies);
		return NULL;
	}
	json_object_set_new(o, "functions", copies);
	return o;
}

int
ws_report_monos(FILE *fp, const struct ws_analysis *a,
    const struct ws_monos *mo, enum ws_format f, size_t n)
{
	json_t	*o, *groups;

	if (f != WS_FORMAT_JSON) {
		monos_table(fp, a, mo, f, n);
		return ferror(fp) ? -1 : 0;
	}
	if ((o = ws_json_head(a)) == NULL || (groups = json_array()) == NULL) {
		json_decref(o);
		return -1;
	}
	for (size_t i = 0; i < mo->n && (n == 0 || i < n); i++)
		json_array_append_new(groups, group_json(a, &mo->groups[i]));
	json_object_set_new(o, "monos", groups);
	return ws_json_emit(fp, o);
}

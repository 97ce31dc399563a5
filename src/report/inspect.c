/* SPDX-License-Identifier: MIT */
/*
 * inspect.c - `wasmsize inspect` for pipes and --format: the overview (file,
 * size, toolchain, custom-section share, sections, largest items) in text;
 * every item in file order in CSV; the full report in JSON.
 */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "fmt.h"
#include "json.h"
#include "report.h"
#include "row.h"
#include "tables.h"

enum { INSPECT_TOP = 10, INSPECT_RECS = 3, ITEM_COLS = 6 };

static void
put_span(FILE *fp, const struct ws_module *m, struct ws_span sp)
{
	ws_put_escaped(fp, (const char *)m->base + sp.off, sp.len);
}

/* "language: Rust 1.63; processed-by: rustc 1.63.0, clang 14" */
static void
put_toolchain(FILE *fp, const struct ws_module *m)
{
	const struct ws_producer *p = m->producers.v, *prev = NULL;

	if (m->producers.n == 0) {
		fputs("unknown (no producers section)", fp);
		return;
	}
	for (size_t i = 0; i < m->producers.n; prev = &p[i], i++) {
		int same = prev != NULL && prev->field.off == p[i].field.off;

		fputs(same ? ", " : prev != NULL ? "; " : "", fp);
		if (!same) {
			put_span(fp, m, p[i].field);
			fputs(": ", fp);
		}
		put_span(fp, m, p[i].name);
		if (p[i].version.len > 0) {
			fputc(' ', fp);
			put_span(fp, m, p[i].version);
		}
	}
}

static void
inspect_text(FILE *fp, const struct ws_analysis *a,
    const struct ws_findings *f, const struct ws_advice *adv,
    const struct ws_groups *g)
{
	const struct ws_module *m = a->m;
	char	 size[32], pct[16];

	fputs("file:      ", fp);
	ws_put_escaped(fp, a->path, strlen(a->path));
	fprintf(fp, "\nkind:      module (version %u)\n", m->version);
	fprintf(fp, "size:      %zu bytes (%s)\n", m->span.len,
	    ws_fmt_size(size, sizeof size, m->span.len));
	if (a->gzip >= 0)
		fprintf(fp, "gzip:      %" PRId64 " bytes; brotli: %" PRId64
		    " bytes\n", a->gzip, a->brotli);
	fputs("producers: ", fp);
	put_toolchain(fp, m);
	fprintf(fp, "\ncustom:    %zu bytes (%s) in %zu custom section%s\n",
	    a->custom_bytes, ws_fmt_pct(pct, sizeof pct, a->custom_bytes,
	    m->span.len), a->ncustom, a->ncustom == 1 ? "" : "s");
	fprintf(fp, "garbage:   %" PRIu64 " bytes (%s) in %zu unreachable "
	    "item%s\n", a->garbage_bytes, ws_fmt_pct(pct, sizeof pct,
	    a->garbage_bytes, m->span.len), a->ngarbage,
	    a->ngarbage == 1 ? "" : "s");
	fputs("\nSections\n", fp);
	ws_sections_table(fp, a, WS_FORMAT_TEXT);
	fprintf(fp, "\nLargest items (of %zu)\n", a->attrib.n);
	ws_top_table(fp, a, WS_FORMAT_TEXT, &(struct ws_top_opts){
	    .n = INSPECT_TOP, .retained = 1 });
	if (g != NULL) {
		fprintf(fp, "\nFunctions by %s (of %zu)\n",
		    ws_group_by_name(g->by), g->n);
		ws_groups_table(fp, a, g, WS_FORMAT_TEXT, INSPECT_TOP);
	}
	fputs("\nFindings\n", fp);
	ws_findings_text(fp, a, f);
	fputs("\nTop recommendations (wasmsize advise shows all)\n", fp);
	ws_recs_table(fp, adv, WS_FORMAT_TEXT, INSPECT_RECS);
}

/* Every item in file order: the complete attribution. */
static void
inspect_csv(FILE *fp, const struct ws_analysis *a)
{
	static const char *const titles[ITEM_COLS] = {
		"offset", "size", "kind", "index", "section", "name"
	};
	const struct ws_module *m = a->m;
	struct ws_cell	 c[ITEM_COLS];

	for (size_t i = 0; i < ITEM_COLS; i++)
		ws_cell_str(&c[i], titles[i], 0);
	ws_row_print(fp, WS_FORMAT_CSV, c, ITEM_COLS);
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];
		const struct ws_section *s = it->section != UINT16_MAX ?
		    &m->sections.v[it->section] : NULL;

		ws_cell_u64(&c[0], it->off, 0);
		ws_cell_u64(&c[1], it->size, 0);
		ws_cell_str(&c[2], ws_item_kind_name(it->kind), 0);
		if (it->index != UINT32_MAX)
			ws_cell_u64(&c[3], it->index, 0);
		else
			ws_cell_str(&c[3], "", 0);
		if (s == NULL)
			ws_cell_str(&c[4], "", 0);
		else if (s->id == WS_SEC_CUSTOM)
			ws_cell_bytes(&c[4], (const char *)m->base + s->name.off,
			    s->name.len, 0);
		else
			ws_cell_str(&c[4], ws_section_name(s->id), 0);
		ws_cell_bytes(&c[5], it->name.s, it->name.len, 0);
		ws_row_print(fp, WS_FORMAT_CSV, c, ITEM_COLS);
	}
}

static json_t *
all_items(const struct ws_analysis *a)
{
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < a->attrib.n; i++)
		if (json_array_append_new(arr, ws_json_item(a, i)) != 0) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

static int
inspect_json(FILE *fp, const struct ws_analysis *a,
    const struct ws_findings *f, const struct ws_advice *adv,
    const struct ws_groups *g)
{
	json_t	*o = ws_json_head(a), *custom;
	int	 rc = 0;

	if (o == NULL)
		return -1;
	custom = json_pack("{s:I, s:I}", "sections", (json_int_t)a->ncustom,
	    "bytes", (json_int_t)a->custom_bytes);
	rc |= json_object_set_new(o, "producers", ws_json_producers(a));
	rc |= json_object_set_new(o, "custom", custom);
	rc |= json_object_set_new(o, "garbage", json_pack("{s:I, s:I}",
	    "items", (json_int_t)a->ngarbage,
	    "bytes", (json_int_t)a->garbage_bytes));
	rc |= json_object_set_new(o, "findings", ws_findings_json(a, f));
	rc |= json_object_set_new(o, "recommendations", ws_recs_json(adv));
	rc |= json_object_set_new(o, "sections", ws_json_sections(a));
	if (g != NULL)
		rc |= json_object_set_new(o, "groups", ws_groups_json(a, g, 0));
	rc |= json_object_set_new(o, "items", all_items(a));
	if (rc != 0) {
		json_decref(o);
		return -1;
	}
	return ws_json_emit(fp, o);
}

int
ws_report_inspect(FILE *fp, const struct ws_analysis *a,
    const struct ws_findings *fi, const struct ws_advice *adv,
    const struct ws_groups *g, enum ws_format f)
{
	switch (f) {
	case WS_FORMAT_TEXT:
	case WS_FORMAT_MARKDOWN:
		inspect_text(fp, a, fi, adv, g);
		break;
	case WS_FORMAT_CSV:
		inspect_csv(fp, a);
		break;
	case WS_FORMAT_JSON:
		return inspect_json(fp, a, fi, adv, g);
	}
	return ferror(fp) ? -1 : 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * advise.c - `wasmsize advise`: the findings (what is in the module that
 * need not be, in bytes) and the recommendations (what to run, what it
 * should save, how sure that is, and what --measure found), in text, CSV
 * and JSON; the short forms that `inspect` shows.
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

static void
toolchain_line(FILE *fp, const struct ws_toolchain *t)
{
	fprintf(fp, "toolchain:   %s", ws_lang_name(t->lang));
	if (t->lang != WS_LANG_UNKNOWN)
		fprintf(fp, " (%s%s)", t->lang_inferred ? "inferred from " :
		    "from the ", t->lang_evidence);
	if (t->flavor != WS_FLAVOR_NONE)
		fprintf(fp, ", %s (%s%s)", ws_flavor_name(t->flavor),
		    t->flavor_inferred ? "inferred from " : "from the ",
		    t->flavor_evidence);
	fputc('\n', fp);
}

static void
debug_line(FILE *fp, const struct ws_analysis *a, const struct ws_debuginfo *d)
{
	char	 s[32], p[16], dw[32], nm[32];

	if (d->total == 0) {
		fputs("debug info:  none\n", fp);
		return;
	}
	fprintf(fp, "debug info:  %s (%s) - DWARF %s, names %s",
	    ws_fmt_size(s, sizeof s, d->total), ws_fmt_pct(p, sizeof p,
	    d->total, a->m->span.len), ws_fmt_size(dw, sizeof dw, d->dwarf),
	    ws_fmt_size(nm, sizeof nm, d->names));
	if (d->source_map + d->external > 0)
		fprintf(fp, ", source maps %" PRIu64 " B",
		    d->source_map + d->external);
	if (d->producers + d->features > 0)
		fprintf(fp, ", producers and features %" PRIu64 " B",
		    d->producers + d->features);
	if (d->linking > 0)
		fprintf(fp, ", linking and relocations %" PRIu64 " B",
		    d->linking);
	fputc('\n', fp);
}

static void
panic_line(FILE *fp, const struct ws_analysis *a, const struct ws_panic *p,
    const struct ws_toolchain *t)
{
	char	 s[32], q[16];

	if (p->n > 0) {
		fprintf(fp, "panics:      %zu functions, %" PRIu64 " B; "
		    "snipping them frees %s (%s), core::fmt %" PRIu64 " B\n",
		    p->n, p->own, ws_fmt_size(s, sizeof s, p->snip),
		    ws_fmt_pct(q, sizeof q, p->snip, a->m->span.len),
		    p->snip_fmt);
	} else if (p->messages > 0) {
		fprintf(fp, "panics:      %zu panic messages in the data, but "
		    "no function names: the machinery cannot be told apart%s\n",
		    p->messages, t->lang == WS_LANG_RUST ? " (analyse a build "
		    "that keeps the name section)" : "");
	} else {
		fputs("panics:      none found\n", fp);
	}
}

static void
build_line(FILE *fp, const struct ws_build_mode *b)
{
	fprintf(fp, "build:       %s: %u functions (%" PRIu64 " B of %" PRIu64
	    ") look like -O0 code (a heuristic)\n", b->unoptimized ?
	    "looks unoptimized" : "looks optimized", b->o0_functions,
	    b->o0_bytes, b->code_bytes);
}

void
ws_findings_text(FILE *fp, const struct ws_analysis *a,
    const struct ws_findings *f)
{
	const struct ws_module *m = a->m;

	toolchain_line(fp, &f->toolchain);
	debug_line(fp, a, &f->debug);
	panic_line(fp, a, &f->panic, &f->toolchain);
	fprintf(fp, "duplicates:  %zu groups of identical functions, %" PRIu64
	    " B to merge\n", f->ndups, f->dup_savings);
	fprintf(fp, "data:        %" PRIu64 " B in active segments, %" PRIu64
	    " B of it zeros in %zu runs of %d+\n", f->data.active,
	    f->data.zero_runs, f->data.nzero_runs, WS_ZERO_RUN);
	for (size_t i = 0; i < m->memories.n; i++) {
		const struct ws_limits *l = &m->memories.v[i].limits;

		fprintf(fp, "memory %zu:    %" PRIu64 " pages initial, ", i,
		    l->min);
		if (l->has_max)
			fprintf(fp, "%" PRIu64 " maximum", l->max);
		else
			fputs("no maximum", fp);
		fprintf(fp, "%s%s%s\n", l->shared ? ", shared" : "",
		    l->is64 ? ", 64-bit" : "",
		    m->memories.v[i].imported ? ", imported" : "");
	}
	for (size_t i = 0; i < m->tables.n; i++) {
		const struct ws_limits *l = &m->tables.v[i].limits;

		fprintf(fp, "table %zu:     %" PRIu64 " entries initial%s\n", i,
		    l->min, l->has_max ? "" : ", no maximum");
	}
	build_line(fp, &f->build);
}

enum { REC_COLS = 5 };

void
ws_recs_table(FILE *fp, const struct ws_advice *adv, enum ws_format f,
    size_t n)
{
	static const char *const titles[REC_COLS] = {
		"saving", "confidence", "measured", "id", "action"
	};
	static const int widths[REC_COLS] = { 9, -10, 9, -22, 0 };
	struct ws_cell	 c[REC_COLS];

	for (size_t i = 0; i < REC_COLS; i++)
		ws_cell_str(&c[i], titles[i], widths[i]);
	ws_row_print(fp, f, c, REC_COLS);
	for (size_t i = 0; i < adv->n && (n == 0 || i < n); i++) {
		const struct ws_rec *r = &adv->recs[i];

		ws_cell_u64(&c[0], r->saving, 9);
		ws_cell_str(&c[1], ws_confidence_name(r->confidence), -10);
		if (r->measured_ok && (r->measured >= 0 || f == WS_FORMAT_CSV))
			ws_cell_i64(&c[2], r->measured, 9);
		else
			ws_cell_str(&c[2], r->measured_ok ? "grew" :
			    f == WS_FORMAT_CSV ? "" : "-", 9);
		ws_cell_str(&c[3], r->id, -22);
		ws_cell_str(&c[4], r->action, 0);
		ws_row_print(fp, f, c, REC_COLS);
	}
}

static void
recs_detail(FILE *fp, const struct ws_advice *adv)
{
	for (size_t i = 0; i < adv->n; i++) {
		const struct ws_rec *r = &adv->recs[i];

		fprintf(fp, "\n%s: %s\n  why:      %s\n  action:   %s\n"
		    "  saves:    %" PRIu64 " B (%s)\n", r->id, r->title,
		    r->finding, r->action, r->saving,
		    ws_confidence_name(r->confidence));
		if (r->measured_ok)
			fprintf(fp, "  measured: %" PRId64 " B, %" PRId64
			    " B gzip'd (wasm-opt %s); %" PRId64 " B "
			    "against wasm-opt without passes\n", r->measured,
			    r->measured_gzip, r->wasm_opt, r->measured_pass);
		else if (r->measure_note != NULL)
			fprintf(fp, "  measured: not (%s)\n", r->measure_note);
	}
}

static json_t *
rec_json(const struct ws_rec *r)
{
	json_t	*o = json_pack("{s:s, s:s, s:s, s:s, s:I, s:s}", "id", r->id,
	    "title", r->title, "finding", r->finding, "action", r->action,
	    "saving", (json_int_t)r->saving, "confidence",
	    ws_confidence_name(r->confidence));

	if (o == NULL)
		return NULL;
	if (r->wasm_opt != NULL)
		json_object_set_new(o, "wasm_opt", json_string(r->wasm_opt));
	if (r->measured_ok) {
		json_object_set_new(o, "measured", json_integer(r->measured));
		json_object_set_new(o, "measured_gzip",
		    json_integer(r->measured_gzip));
		json_object_set_new(o, "measured_pass",
		    json_integer(r->measured_pass));
	} else if (r->measure_note != NULL) {
		json_object_set_new(o, "measure_note",
		    json_string(r->measure_note));
	}
	return o;
}

json_t *
ws_recs_json(const struct ws_advice *adv)
{
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < adv->n; i++)
		if (json_array_append_new(arr, rec_json(&adv->recs[i])) != 0) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

static json_t *
items_json(const struct ws_analysis *a, const uint32_t *items, size_t n)
{
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < n; i++)
		json_array_append_new(arr, ws_json_item(a, items[i]));
	return arr;
}

static json_t *
toolchain_json(const struct ws_toolchain *t)
{
	json_t	*o = json_pack("{s:s, s:s, s:s?, s:b, s:s?, s:b, s:s?}", "id",
	    "toolchain", "language", ws_lang_name(t->lang), "language_evidence",
	    t->lang_evidence, "language_inferred", t->lang_inferred, "flavor",
	    ws_flavor_name(t->flavor), "flavor_inferred", t->flavor_inferred,
	    "flavor_evidence", t->flavor != WS_FLAVOR_NONE ?
	    t->flavor_evidence : NULL);

	return o;
}

static json_t *
dups_json(const struct ws_analysis *a, const struct ws_findings *f)
{
	json_t	*groups = json_array();

	for (size_t i = 0; groups != NULL && i < f->ndups; i++)
		json_array_append_new(groups, json_pack("{s:I, s:I, s:o}",
		    "size", (json_int_t)f->dups[i].size, "copies",
		    (json_int_t)f->dups[i].count, "functions",
		    items_json(a, f->dups[i].items, f->dups[i].count)));
	return json_pack("{s:s, s:I, s:I, s:o}", "id", "duplicates", "bytes",
	    (json_int_t)f->dup_savings, "groups", (json_int_t)f->ndups,
	    "sets", groups);
}

static json_t *
limits_json(const struct ws_objects *space, const char *kind)
{
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < space->n; i++) {
		const struct ws_limits *l = &space->v[i].limits;
		json_t *o = json_pack("{s:s, s:I, s:I, s:b, s:b, s:b}", "kind",
		    kind, "index", (json_int_t)i, "initial", (json_int_t)l->min,
		    "imported", space->v[i].imported, "shared", l->shared,
		    "is64", l->is64);

		if (o != NULL && l->has_max)
			json_object_set_new(o, "maximum",
			    json_integer((json_int_t)l->max));
		json_array_append_new(arr, o);
	}
	return arr;
}

json_t *
ws_findings_json(const struct ws_analysis *a, const struct ws_findings *f)
{
	const struct ws_debuginfo *d = &f->debug;
	const struct ws_panic *p = &f->panic;
	const struct ws_build_mode *b = &f->build;
	json_t	*arr = json_array();

	if (arr == NULL)
		return NULL;
	json_array_append_new(arr, toolchain_json(&f->toolchain));
	json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:I, s:I, s:I,"
	    " s:I, s:I, s:I, s:I}", "id", "debug-info", "bytes",
	    (json_int_t)d->total, "dwarf", (json_int_t)d->dwarf,
	    "dwarf_sections", (json_int_t)d->ndwarf, "names",
	    (json_int_t)d->names, "source_map", (json_int_t)d->source_map,
	    "external_debug_info", (json_int_t)d->external, "producers",
	    (json_int_t)d->producers, "target_features",
	    (json_int_t)d->features, "linking", (json_int_t)d->linking));
	json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:I, s:I, s:I,"
	    " s:o}", "id", "panic", "bytes", (json_int_t)p->own, "snip_bytes",
	    (json_int_t)p->snip, "snip_fmt_bytes", (json_int_t)p->snip_fmt,
	    "messages", (json_int_t)p->messages, "message_bytes",
	    (json_int_t)p->message_bytes, "functions", items_json(a, p->items,
	    p->n)));
	json_array_append_new(arr, dups_json(a, f));
	json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:I, s:I}",
	    "id", "data", "bytes", (json_int_t)f->data.zero_runs,
	    "active_bytes", (json_int_t)f->data.active, "zero_runs",
	    (json_int_t)f->data.nzero_runs, "trailing_zeros",
	    (json_int_t)f->data.trailing_zeros));
	json_array_append_new(arr, json_pack("{s:s, s:o, s:o}", "id",
	    "memory", "memories", limits_json(&a->m->memories, "memory"),
	    "tables", limits_json(&a->m->tables, "table")));
	json_array_append_new(arr, json_pack("{s:s, s:b, s:I, s:I, s:I, s:I,"
	    " s:I}", "id", "build-mode", "unoptimized", b->unoptimized,
	    "o0_functions", (json_int_t)b->o0_functions, "o0_bytes",
	    (json_int_t)b->o0_bytes, "code_bytes", (json_int_t)b->code_bytes,
	    "instructions", (json_int_t)b->instructions, "local_ops",
	    (json_int_t)b->local_ops));
	return arr;
}

int
ws_report_advise(FILE *fp, const struct ws_analysis *a,
    const struct ws_findings *f, const struct ws_advice *adv,
    enum ws_format fmt)
{
	json_t	*o;

	switch (fmt) {
	case WS_FORMAT_TEXT:
	case WS_FORMAT_MARKDOWN:
		fputs("Findings\n", fp);
		ws_findings_text(fp, a, f);
		fputs("\nRecommendations\n", fp);
		ws_recs_table(fp, adv, fmt, 0);
		if (adv->baseline_ok)
			fprintf(fp, "\nmeasured: bytes saved against this "
			    "file; wasm-opt's output without passes differs "
			    "from it by %+" PRId64 " B\n", adv->reencode);
		recs_detail(fp, adv);
		break;
	case WS_FORMAT_CSV:
		ws_recs_table(fp, adv, fmt, 0);
		break;
	case WS_FORMAT_JSON:
		if ((o = ws_json_head(a)) == NULL ||
		    json_object_set_new(o, "findings",
		    ws_findings_json(a, f)) != 0 ||
		    json_object_set_new(o, "recommendations",
		    ws_recs_json(adv)) != 0) {
			json_decref(o);
			return -1;
		}
		if (adv->baseline_ok)
			json_object_set_new(o, "reencode",
			    json_integer(adv->reencode));
		return ws_json_emit(fp, o);
	}
	return ferror(fp) ? -1 : 0;
}

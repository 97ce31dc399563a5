/* SPDX-License-Identifier: MIT */
/*
 * component.c - `inspect` and `sections` on a component: its own
 * sections, every core module inside it with its size, share and toolchain,
 * the adapters, the debug info across modules; JSON with "kind":
 * "component", the component's own sections and items, and a full report
 * per module.
 */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "fmt.h"
#include "json.h"
#include "report.h"
#include "row.h"

static const char *const citem_kinds[] = {
	"header", "section-overhead", "component-section", "custom"
};

static void
module_rows(FILE *fp, const struct ws_canalysis *ca, enum ws_format f)
{
	static const char *const titles[6] = {
		"module", "offset", "size", "percent", "depth", "name"
	};
	static const int widths[6] = { 6, 10, 10, 7, 5, 0 };
	struct ws_cell	 c[6];
	uint64_t	 total = ca->c->span.len;

	for (size_t i = 0; i < 6; i++)
		ws_cell_str(&c[i], titles[i], widths[i]);
	ws_row_print(fp, f, c, 6);
	for (size_t i = 0; i < ca->nmodules; i++) {
		const struct ws_cmodule *cm = &ca->modules[i];
		char name[160];

		snprintf(name, sizeof name, "%.*s%s", (int)(cm->name.len < 100 ?
		    cm->name.len : 100), cm->name.s, cm->adapter ?
		    " (WASI preview 1 adapter)" : "");
		ws_cell_u64(&c[0], i, 6);
		ws_cell_hex(&c[1], cm->m->span.off, 10);
		ws_cell_u64(&c[2], cm->m->span.len, 10);
		ws_cell_pct(&c[3], cm->m->span.len, total, 7);
		ws_cell_u64(&c[4], cm->depth, 5);
		ws_cell_str(&c[5], name, 0);	/* escaped when printed */
		ws_row_print(fp, f, c, 6);
	}
}

static void
own_rows(FILE *fp, const struct ws_canalysis *ca, enum ws_format f)
{
	static const char *const titles[6] = {
		"offset", "size", "percent", "entries", "kind", "name"
	};
	static const int widths[6] = { 10, 10, 7, 7, -17, 0 };
	struct ws_cell	 c[6];

	for (size_t i = 0; i < 6; i++)
		ws_cell_str(&c[i], titles[i], widths[i]);
	ws_row_print(fp, f, c, 6);
	for (size_t i = 0; i < ca->nitems; i++) {
		const struct ws_citem *it = &ca->items[i];
		const struct ws_section *s = it->section == UINT32_MAX ? NULL :
		    &it->owner->sections[it->section];

		ws_cell_hex(&c[0], it->off, 10);
		ws_cell_u64(&c[1], it->size, 10);
		ws_cell_pct(&c[2], it->size, ca->c->span.len, 7);
		if (s != NULL && s->has_count && it->kind == WS_CITEM_SECTION)
			ws_cell_u64(&c[3], s->count, 7);
		else
			ws_cell_str(&c[3], "", 7);
		ws_cell_str(&c[4], citem_kinds[it->kind], -17);
		if (s == NULL)
			ws_cell_str(&c[5], "preamble", 0);
		else if (s->id == WS_CSEC_CUSTOM)
			ws_cell_bytes(&c[5], (const char *)it->owner->base +
			    s->name.off, s->name.len, 0);
		else
			ws_cell_str(&c[5], ws_csection_name(s->id), 0);
		ws_row_print(fp, f, c, 6);
	}
}

static void
summary_text(FILE *fp, const struct ws_canalysis *ca)
{
	const struct ws_csummary *sum = &ca->sum;
	uint64_t total = ca->c->span.len;
	char	 sz[32], pct[16];

	fputs("file:      ", fp);
	ws_put_escaped(fp, ca->path, strlen(ca->path));
	fputs("\nkind:      component", fp);
	if (ca->c->name.len > 0) {
		fputc(' ', fp);
		ws_put_escaped(fp, (const char *)ca->c->base + ca->c->name.off,
		    ca->c->name.len);
	}
	fprintf(fp, "\nsize:      %" PRIu64 " bytes (%s)\n", total,
	    ws_fmt_size(sz, sizeof sz, total));
	fprintf(fp, "modules:   %zu core modules in %zu component%s, %" PRIu64
	    " bytes (%s)\n", ca->nmodules, sum->ncomponents,
	    sum->ncomponents == 1 ? "" : "s", sum->module_bytes,
	    ws_fmt_pct(pct, sizeof pct, sum->module_bytes, total));
	fprintf(fp, "own:       %" PRIu64 " bytes of component headers and "
	    "sections (%s)\n", ca->own_bytes, ws_fmt_pct(pct, sizeof pct,
	    ca->own_bytes, total));
	fprintf(fp, "adapters:  %" PRIu64 " bytes (%s)\n", sum->adapter_bytes,
	    ws_fmt_pct(pct, sizeof pct, sum->adapter_bytes, total));
	fprintf(fp, "custom:    %" PRIu64 " bytes in custom sections (%s)\n",
	    sum->custom_bytes, ws_fmt_pct(pct, sizeof pct, sum->custom_bytes,
	    total));
	fprintf(fp, "debug:     %" PRIu64 " bytes of DWARF in %zu sections, %"
	    PRIu64 " bytes of names (%s)\n", sum->debug.dwarf,
	    sum->debug.ndwarf, sum->debug.names, ws_fmt_pct(pct, sizeof pct,
	    sum->debug.dwarf + sum->debug.names, total));
}

/* The imports and exports of c and of the components in it. */
static void
extern_rows(FILE *fp, const struct ws_component *c, struct ws_cell *cells)
{
	for (size_t i = 0; i < c->nexterns; i++) {
		const struct ws_cextern *x = &c->externs[i];

		ws_cell_u64(&cells[0], c->depth, 5);
		ws_cell_str(&cells[1], x->is_export ? "export" : "import", -6);
		ws_cell_str(&cells[2], ws_csort_name(x->sort, x->core_sort),
		    -13);
		ws_cell_u64(&cells[3], x->whole.len, 6);
		ws_cell_bytes(&cells[4], (const char *)c->base + x->name.off,
		    x->name.len, 0);
		ws_row_print(fp, WS_FORMAT_TEXT, cells, 5);
	}
	for (size_t i = 0; i < c->nnested; i++)
		if (c->nested[i].is_component)
			extern_rows(fp, c->nested[i].component, cells);
}

static void
externs_text(FILE *fp, const struct ws_component *c)
{
	static const char *const titles[5] = {
		"depth", "", "sort", "bytes", "name"
	};
	static const int widths[5] = { 5, -6, -13, 6, 0 };
	struct ws_cell	 cells[5];

	fputs("\nImports and exports\n", fp);
	for (size_t i = 0; i < 5; i++)
		ws_cell_str(&cells[i], titles[i], widths[i]);
	ws_row_print(fp, WS_FORMAT_TEXT, cells, 5);
	extern_rows(fp, c, cells);
}

static void
inspect_text(FILE *fp, const struct ws_canalysis *ca)
{
	summary_text(fp, ca);
	if (ca->c->undecoded.code != WS_OK) {
		fprintf(fp, "note:      offset 0x%zx: ", ca->c->undecoded.offset);
		ws_put_escaped(fp, ca->c->undecoded.text,
		    strlen(ca->c->undecoded.text));
		fputs(" (a newer encoding: counts from there on are "
		    "incomplete)\n", fp);
	}
	fputs("\nCore modules (wasmsize COMMAND --module N analyses one)\n", fp);
	module_rows(fp, ca, WS_FORMAT_TEXT);
	fputs("\nThe components' own bytes\n", fp);
	own_rows(fp, ca, WS_FORMAT_TEXT);
	externs_text(fp, ca->c);
}

static json_t *
own_item_json(const struct ws_citem *it)
{
	const struct ws_section *s = it->section == UINT32_MAX ? NULL :
	    &it->owner->sections[it->section];
	json_t	*name = s == NULL ? json_string("preamble") :
	    s->id == WS_CSEC_CUSTOM ? ws_json_bytes((const char *)
	    it->owner->base + s->name.off, s->name.len) :
	    json_string(ws_csection_name(s->id));

	return json_pack("{s:s, s:o, s:I, s:I}", "kind", citem_kinds[it->kind],
	    "name", name, "offset", (json_int_t)it->off, "size",
	    (json_int_t)it->size);
}

/* A component's sections, in file order, the nesting ones included. */
static json_t *
csections_json(const struct ws_component *c)
{
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < c->nsections; i++) {
		const struct ws_section *s = &c->sections[i];
		json_t *o = json_pack("{s:i, s:s, s:I, s:I, s:I}", "id", s->id,
		    "kind", ws_csection_name(s->id), "offset",
		    (json_int_t)s->whole.off, "size", (json_int_t)s->whole.len,
		    "payload_size", (json_int_t)s->payload.len);

		if (o != NULL && s->id == WS_CSEC_CUSTOM)
			json_object_set_new(o, "name", ws_json_bytes(
			    (const char *)c->base + s->name.off, s->name.len));
		if (o != NULL && s->has_count)
			json_object_set_new(o, "count", json_integer(s->count));
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
module_json(const struct ws_cmodule *cm, size_t i)
{
	json_t	*o = ws_json_head(&cm->a), *items = json_array();

	if (o == NULL || items == NULL) {
		json_decref(o);
		json_decref(items);
		return NULL;
	}
	for (size_t k = 0; k < cm->a.attrib.n; k++)
		json_array_append_new(items, ws_json_item(&cm->a, k));
	json_object_set_new(o, "module", json_integer((json_int_t)i));
	json_object_set_new(o, "name", ws_json_bytes(cm->name.s,
	    cm->name.len));
	json_object_set_new(o, "offset", json_integer((json_int_t)
	    cm->m->span.off));
	json_object_set_new(o, "depth", json_integer(cm->depth));
	json_object_set_new(o, "adapter", json_boolean(cm->adapter));
	json_object_set_new(o, "producers", ws_json_producers(&cm->a));
	json_object_set_new(o, "sections", ws_json_sections(&cm->a));
	json_object_set_new(o, "items", items);
	return o;
}

static json_t *
externs_json(const struct ws_component *c, int exports)
{
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < c->nexterns; i++) {
		const struct ws_cextern *x = &c->externs[i];
		if (x->is_export != exports)
			continue;
		json_array_append_new(arr, json_pack("{s:o, s:s, s:I, s:I}",
		    "name", ws_json_bytes((const char *)c->base + x->name.off,
		    x->name.len), "sort", ws_csort_name(x->sort, x->core_sort),
		    "offset", (json_int_t)x->whole.off, "size",
		    (json_int_t)x->whole.len));
	}
	return arr;
}

/* Cursors into the canalysis's items and modules, both in file order. */
struct cursor {
	const struct ws_canalysis *ca;
	size_t	 item, module;
};

static void
own_items(struct cursor *at, const struct ws_component *c, json_t *items)
{
	const struct ws_canalysis *ca = at->ca;

	while (at->item < ca->nitems && ca->items[at->item].owner == c)
		json_array_append_new(items,
		    own_item_json(&ca->items[at->item++]));
}

/*
 * One component: its sections, its own items, its core modules and, in
 * "components", the components nested in it.  Follows the walk that laid
 * the items out, so every item and module is visited once.
 */
static json_t *
component_json(struct cursor *at, const struct ws_component *c)
{
	json_t	*o = json_pack("{s:o, s:I, s:I, s:i, s:o}", "name",
	    ws_json_bytes((const char *)c->base + c->name.off, c->name.len),
	    "offset", (json_int_t)c->span.off, "size", (json_int_t)c->span.len,
	    "depth", (int)c->depth, "sections", csections_json(c));
	json_t	*items = json_array(), *mods = json_array(),
		*comps = json_array();
	const struct ws_canalysis *ca = at->ca;

	own_items(at, c, items);
	for (size_t i = 0; i < c->nnested; i++) {
		if (c->nested[i].is_component) {
			json_array_append_new(comps, component_json(at,
			    c->nested[i].component));
		} else if (at->module < ca->nmodules) {
			json_array_append_new(mods, module_json(
			    &ca->modules[at->module], at->module));
			at->module++;
		}
		own_items(at, c, items);
	}
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "imports", externs_json(c, 0));
	json_object_set_new(o, "exports", externs_json(c, 1));
	json_object_set_new(o, "modules", mods);
	json_object_set_new(o, "components", comps);
	return o;
}

static json_t *
summary_json(const struct ws_canalysis *ca)
{
	const struct ws_csummary *s = &ca->sum;

	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
	    "modules", (json_int_t)ca->nmodules, "components",
	    (json_int_t)s->ncomponents, "module_bytes",
	    (json_int_t)s->module_bytes, "own_bytes", (json_int_t)ca->own_bytes,
	    "adapter_bytes", (json_int_t)s->adapter_bytes, "custom_bytes",
	    (json_int_t)s->custom_bytes, "dwarf_bytes",
	    (json_int_t)s->debug.dwarf, "name_bytes", (json_int_t)s->debug.names);
}

static int
inspect_json(FILE *fp, const struct ws_canalysis *ca)
{
	struct cursor at = { ca, 0, 0 };
	json_t	*o = json_pack("{s:s, s:o, s:s}", "schema", "wasmsize/1",
	    "file", ws_json_bytes(ca->path, strlen(ca->path)), "kind",
	    "component");
	json_t	*c = component_json(&at, ca->c);

	if (o == NULL || c == NULL || json_object_update(o, c) != 0) {
		json_decref(o);
		json_decref(c);
		return -1;
	}
	json_decref(c);
	json_object_set_new(o, "summary", summary_json(ca));
	if (ca->c->undecoded.code != WS_OK)
		json_object_set_new(o, "undecoded", json_pack("{s:I, s:o}",
		    "offset", (json_int_t)ca->c->undecoded.offset, "message",
		    ws_json_bytes(ca->c->undecoded.text,
		    strlen(ca->c->undecoded.text))));
	return ws_json_emit(fp, o);
}

int
ws_report_component(FILE *fp, const struct ws_canalysis *ca, enum ws_format f)
{
	switch (f) {
	case WS_FORMAT_JSON:
		return inspect_json(fp, ca);
	case WS_FORMAT_CSV:
		module_rows(fp, ca, f);
		break;
	default:
		inspect_text(fp, ca);
	}
	return ferror(fp) ? -1 : 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * diff.c - `wasmsize diff`: totals, sections and changed items of two
 * builds, largest change first, added and removed marked; in text, CSV,
 * JSON and Markdown.
 */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "json.h"
#include "report.h"
#include "row.h"

static const char *
mark(const struct ws_delta *d)
{
	return d->old == NULL ? "added" : d->new == NULL ? "removed" :
	    d->delta == 0 ? "same" : "changed";
}

static const struct ws_side_entry *
either(const struct ws_delta *d)
{
	return d->new != NULL ? d->new : d->old;
}

static void
total_line(FILE *fp, const char *what, uint64_t old, uint64_t new)
{
	int64_t	 d = (int64_t)new - (int64_t)old;
	uint64_t mag = d < 0 ? (uint64_t)-d : (uint64_t)d;
	uint64_t t = old ? (mag * 10000 + old / 2) / old : 0;

	fprintf(fp, "%-6s %" PRIu64 " -> %" PRIu64 " B (%+" PRId64 " B, %c%"
	    PRIu64 ".%02" PRIu64 "%%)\n", what, old, new, d, d < 0 ? '-' : '+',
	    t / 100, t % 100);
}

enum { DIFF_COLS = 6 };

static void
rows(FILE *fp, enum ws_format f, const struct ws_delta *v, size_t n,
    size_t limit, int sections)
{
	static const char *const titles[DIFF_COLS] = {
		"old", "new", "delta", "status", "kind", "name"
	};
	static const int widths[DIFF_COLS] = { 10, 10, 10, -8, -17, 0 };
	struct ws_cell	 c[DIFF_COLS];
	size_t		 shown = 0;

	for (size_t i = 0; i < DIFF_COLS; i++)
		ws_cell_str(&c[i], titles[i], widths[i]);
	if (f == WS_FORMAT_MARKDOWN)
		fputs("| old | new | delta | status | kind | name |\n"
		    "|---:|---:|---:|---|---|---|\n", fp);
	else
		ws_row_print(fp, f, c, DIFF_COLS);
	for (size_t i = 0; i < n && (limit == 0 || shown < limit); i++) {
		const struct ws_delta *d = &v[i];
		const struct ws_side_entry *e = either(d);

		if (!sections && d->delta == 0 && d->old && d->new)
			continue;	/* items: only what changed */
		shown++;
		if (f == WS_FORMAT_MARKDOWN) {
			fputs("| ", fp);
			if (d->old) fprintf(fp, "%" PRIu64, d->old->size);
			fputs(" | ", fp);
			if (d->new) fprintf(fp, "%" PRIu64, d->new->size);
			fprintf(fp, " | %+" PRId64 " | %s | %.*s | `", d->delta,
			    mark(d), (int)e->kind.len, e->kind.s);
			for (size_t k = 0; k < e->name.len; k++)
				fputs(e->name.s[k] == '|' ? "\\|" :
				    e->name.s[k] == '`' ? "'" :
				    (unsigned char)e->name.s[k] < 0x20 ? " " :
				    (char[2]){ e->name.s[k], 0 }, fp);
			fputs("` |\n", fp);
			continue;
		}
		if (d->old) ws_cell_u64(&c[0], d->old->size, 10);
		else ws_cell_str(&c[0], "", 10);
		if (d->new) ws_cell_u64(&c[1], d->new->size, 10);
		else ws_cell_str(&c[1], "", 10);
		ws_cell_i64(&c[2], d->delta, 10);
		ws_cell_str(&c[3], mark(d), -8);
		ws_cell_bytes(&c[4], e->kind.s, e->kind.len, -17);
		ws_cell_bytes(&c[5], e->name.s, e->name.len, 0);
		ws_row_print(fp, f, c, DIFF_COLS);
	}
}

static json_t *
deltas_json(const struct ws_delta *v, size_t n, int sections)
{
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < n; i++) {
		const struct ws_delta *d = &v[i];
		const struct ws_side_entry *e = either(d);
		json_t *o;

		if (!sections && d->delta == 0 && d->old && d->new)
			continue;
		o = json_pack("{s:o, s:o, s:s, s:I}", "kind",
		    ws_json_bytes(e->kind.s, e->kind.len), "name",
		    ws_json_bytes(e->name.s, e->name.len), "status", mark(d),
		    "delta", (json_int_t)d->delta);
		if (o == NULL)
			continue;
		if (d->old)
			json_object_set_new(o, "old", json_integer(
			    (json_int_t)d->old->size));
		if (d->new)
			json_object_set_new(o, "new", json_integer(
			    (json_int_t)d->new->size));
		json_array_append_new(arr, o);
	}
	return arr;
}

static int
diff_json(FILE *fp, const struct ws_side *old, const struct ws_side *new,
    const struct ws_diff *d)
{
	json_t	*o = json_pack("{s:s, s:o, s:o, s:I, s:I, s:I}", "schema",
	    "wasmsize/1", "old", ws_json_bytes(old->path, strlen(old->path)),
	    "new", ws_json_bytes(new->path, strlen(new->path)), "old_size",
	    (json_int_t)old->size, "new_size", (json_int_t)new->size,
	    "size_delta", (json_int_t)d->size_delta);

	if (o == NULL)
		return -1;
	if (d->gzip_known) {
		json_object_set_new(o, "old_gzip", json_integer(old->gzip));
		json_object_set_new(o, "new_gzip", json_integer(new->gzip));
		json_object_set_new(o, "gzip_delta", json_integer(d->gzip_delta));
	}
	json_object_set_new(o, "sections", deltas_json(d->sections,
	    d->nsections, 1));
	json_object_set_new(o, "items", deltas_json(d->items, d->nitems, 0));
	return ws_json_emit(fp, o);
}

int
ws_report_diff(FILE *fp, const struct ws_side *old, const struct ws_side *new,
    const struct ws_diff *d, enum ws_format f, size_t n)
{
	if (f == WS_FORMAT_JSON)
		return diff_json(fp, old, new, d);
	if (f == WS_FORMAT_CSV) {
		rows(fp, f, d->items, d->nitems, 0, 0);
		return ferror(fp) ? -1 : 0;
	}
	total_line(fp, "size:", old->size, new->size);
	if (d->gzip_known)
		total_line(fp, "gzip:", (uint64_t)old->gzip,
		    (uint64_t)new->gzip);
	fputs(f == WS_FORMAT_MARKDOWN ? "\n**Sections**\n\n" : "\nSections\n",
	    fp);
	rows(fp, f, d->sections, d->nsections, 0, 1);
	fputs(f == WS_FORMAT_MARKDOWN ? "\n**Items that changed**\n\n" :
	    "\nItems that changed\n", fp);
	rows(fp, f, d->items, d->nitems, n, 0);
	return ferror(fp) ? -1 : 0;
}

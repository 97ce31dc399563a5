/* SPDX-License-Identifier: MIT */
/*
 * sources.c - `wasmsize sources`: the code section's bytes by source file
 * or directory, from the DWARF line tables, with the bytes no row covers
 * as a row of their own; the JSON also lists every file and unit.
 */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "fmt.h"
#include "json.h"
#include "report.h"
#include "row.h"

enum { SRC_COLS = 5 };

/* The cells of a row: group g, or (g NULL) the uncovered bytes. */
static size_t
source_cells(const struct ws_sources *s, const struct ws_source_group *g,
    enum ws_format f, struct ws_cell *c)
{
	size_t	 k = 0;

	ws_cell_u64(&c[k++], g ? g->size : s->code_size - s->covered, 10);
	ws_cell_pct(&c[k++], g ? g->size : s->code_size - s->covered,
	    s->code_size, 7);
	if (g != NULL)
		ws_cell_u64(&c[k++], g->files, 5);
	else
		ws_cell_str(&c[k++], "", 5);
	if (f == WS_FORMAT_CSV)
		ws_cell_str(&c[k++], g == NULL ? "none" : g->dir ?
		    "directory" : "file", 0);
	if (g != NULL)
		ws_cell_bytes(&c[k++], g->path, g->len, 0);
	else
		ws_cell_str(&c[k++], f == WS_FORMAT_CSV ? "" :
		    "(no line information)", 0);
	return k;
}

static void
sources_table(FILE *fp, const struct ws_analysis *a, const struct ws_sources *s,
    enum ws_format f)
{
	struct ws_cell	 c[SRC_COLS];
	size_t		 k = 0;
	char		 pct[16];

	if (!s->lines.present && f == WS_FORMAT_TEXT) {
		ws_put_escaped(fp, a->path, strlen(a->path));
		fputs(": no DWARF line information (.debug_line); for code by "
		    "crate without it: wasmsize top --group-by=crate\n", fp);
		return;
	}
	ws_cell_str(&c[k++], "size", 10);
	ws_cell_str(&c[k++], "percent", 7);
	ws_cell_str(&c[k++], "files", 5);
	if (f == WS_FORMAT_CSV)
		ws_cell_str(&c[k++], "kind", 0);
	ws_cell_str(&c[k++], "source", 0);
	ws_row_print(fp, f, c, k);
	for (size_t i = 0; i < s->ngroups; i++)
		ws_row_print(fp, f, c, source_cells(s, &s->groups[i], f, c));
	if (s->covered < s->code_size)
		ws_row_print(fp, f, c, source_cells(s, NULL, f, c));
	if (f != WS_FORMAT_TEXT)
		return;
	fprintf(fp, "code section: %" PRIu64 " bytes; %" PRIu64 " (%s) from "
	    "%zu files in %zu units, %" PRIu64 " without line information\n",
	    s->code_size, s->covered, ws_fmt_pct(pct, sizeof pct, s->covered,
	    s->code_size), s->nfiles, s->lines.units.n,
	    s->code_size - s->covered);
}

/* Sets key to v, which may be NULL after an OOM; then returns -1. */
static int
set(json_t *o, const char *key, json_t *v)
{
	return v == NULL ? -1 : json_object_set_new(o, key, v);
}

/* Appends v to arr; -1 when v is NULL or appending fails. */
static int
append(json_t *arr, json_t *v)
{
	return v == NULL ? -1 : json_array_append_new(arr, v);
}

static json_t *
group_json(const struct ws_source_group *g)
{
	json_t	*o = json_object();
	int	 rc = 0;

	if (o == NULL)
		return NULL;
	rc |= set(o, "path", ws_json_bytes(g->path, g->len));
	rc |= set(o, "kind", json_string(g->dir ? "directory" : "file"));
	rc |= set(o, "size", json_integer((json_int_t)g->size));
	rc |= set(o, "files", json_integer(g->files));
	if (rc != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
file_json(const struct ws_sources *s, const struct ws_source_file *f)
{
	json_t	*o = json_object(), *units = json_array();
	int	 rc = o == NULL || units == NULL;

	for (size_t i = 0; rc == 0 && i < f->nunits; i++)
		rc |= append(units, json_integer(s->unit_list[f->units + i]));
	if (rc == 0) {
		rc |= set(o, "path", ws_json_bytes(f->path, f->len));
		rc |= set(o, "size", json_integer((json_int_t)f->size));
		rc |= set(o, "units", units);
		units = NULL;
	}
	json_decref(units);
	if (rc != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
unit_json(const struct ws_analysis *a, const struct ws_sources *s, size_t i)
{
	const struct ws_dwarf_unit *u = &s->lines.units.v[i];
	const char *base = (const char *)a->m->base;
	json_t	*o = json_object();
	int	 rc = 0;

	if (o == NULL)
		return NULL;
	rc |= set(o, "offset", json_integer((json_int_t)u->offset));
	rc |= set(o, "version", json_integer(u->version));
	if (u->has_cu) {
		rc |= set(o, "name", ws_json_bytes(base + u->name.off,
		    u->name.len));
		rc |= set(o, "comp_dir", ws_json_bytes(base + u->comp_dir.off,
		    u->comp_dir.len));
	}
	rc |= set(o, "size", json_integer((json_int_t)s->unit_size[i]));
	if (rc != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
note_json(const struct ws_diag *d)
{
	return json_pack("{s:I, s:s}", "offset", (json_int_t)d->offset,
	    "text", d->text);
}

static json_t *
sources_json(const struct ws_analysis *a, const struct ws_sources *s)
{
	json_t	*o = ws_json_head(a), *groups = json_array(),
		*files = json_array(), *units = json_array(),
		*notes = json_array();
	int	 rc = o == NULL || groups == NULL || files == NULL ||
	    units == NULL || notes == NULL;

	for (size_t i = 0; rc == 0 && i < s->ngroups; i++)
		rc |= append(groups, group_json(&s->groups[i]));
	for (size_t i = 0; rc == 0 && i < s->nfiles; i++)
		rc |= append(files, file_json(s, &s->files[i]));
	for (size_t i = 0; rc == 0 && i < s->lines.units.n; i++)
		rc |= append(units, unit_json(a, s, i));
	for (size_t i = 0; rc == 0 && i < s->lines.nnotes &&
	    i < WS_DWARF_MAX_NOTES; i++)
		rc |= append(notes, note_json(&s->lines.notes[i]));
	if (rc == 0) {
		rc |= set(o, "line_info", json_boolean(s->lines.present));
		rc |= set(o, "code_size", json_integer((json_int_t)s->code_size));
		rc |= set(o, "bodies_size",
		    json_integer((json_int_t)s->bodies_size));
		rc |= set(o, "covered", json_integer((json_int_t)s->covered));
		rc |= set(o, "uncovered",
		    json_integer((json_int_t)(s->code_size - s->covered)));
		rc |= set(o, "grouping", json_string(s->depth ==
		    WS_SOURCES_AUTO ? "auto" : s->depth == WS_SOURCES_FILES ?
		    "files" : "depth"));
		if (s->depth > 0)
			rc |= set(o, "depth", json_integer(s->depth));
		rc |= set(o, "groups", groups);
		rc |= set(o, "files", files);
		rc |= set(o, "units", units);
		rc |= set(o, "notes", notes);
		rc |= set(o, "notes_total",
		    json_integer((json_int_t)s->lines.nnotes));
		groups = files = units = notes = NULL;
	}
	json_decref(groups);
	json_decref(files);
	json_decref(units);
	json_decref(notes);
	if (rc != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int
ws_report_sources(FILE *fp, const struct ws_analysis *a,
    const struct ws_sources *s, enum ws_format f)
{
	if (f == WS_FORMAT_JSON)
		return ws_json_emit(fp, sources_json(a, s));
	sources_table(fp, a, s, f);
	return ferror(fp) ? -1 : 0;
}

void
ws_report_sources_notes(FILE *fp, const char *file, const struct ws_sources *s)
{
	size_t	 n = s->lines.nnotes;

	for (size_t i = 0; i < n && i < WS_DWARF_MAX_NOTES; i++) {
		fputs("wasmsize: ", fp);
		ws_put_escaped(fp, file, strlen(file));
		fprintf(fp, ": note: offset 0x%zx: ", s->lines.notes[i].offset);
		ws_put_escaped(fp, s->lines.notes[i].text,
		    strlen(s->lines.notes[i].text));
		fputc('\n', fp);
	}
	if (n > WS_DWARF_MAX_NOTES) {
		fputs("wasmsize: ", fp);
		ws_put_escaped(fp, file, strlen(file));
		fprintf(fp, ": note: %zu more notes about the DWARF\n",
		    n - WS_DWARF_MAX_NOTES);
	}
}

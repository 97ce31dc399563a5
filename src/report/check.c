/* SPDX-License-Identifier: MIT */
/*
 * check.c - `wasmsize check`: one line per limit and file, pass or fail,
 * actual against allowed and the bytes over, in text, CSV, JSON or a
 * Markdown table for pull requests; failures also as GitHub Actions
 * annotations when asked.
 */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "json.h"
#include "report.h"
#include "row.h"

static const char *
unit(const struct ws_limit *l)
{
	return l->kind == WS_LIM_MEMORY_INITIAL ||
	    l->kind == WS_LIM_MEMORY_MAXIMUM ? "pages" : "B";
}

/* "gzip", "section code", "function ^core::fmt" */
static void
put_what(FILE *fp, const struct ws_limit *l)
{
	fputs(ws_limit_name(l->kind), fp);
	if (l->target != NULL) {
		fputc(' ', fp);
		ws_put_escaped(fp, l->target, strlen(l->target));
	}
}

static const char *
verdict(const struct ws_check *c)
{
	return !c->applies ? "SKIP" : c->pass ? "PASS" : "FAIL";
}

static void
text_line(FILE *fp, const char *file, const struct ws_check *c, int many)
{
	const struct ws_limit *l = c->limit;

	fprintf(fp, "%s  ", verdict(c));
	if (many) {
		ws_put_escaped(fp, file, strlen(file));
		fputs(": ", fp);
	}
	put_what(fp, l);
	if (!c->applies) {
		fputs(": nothing to measure\n", fp);
		return;
	}
	if (c->unbounded) {
		fprintf(fp, ": no maximum > %" PRIu64 " %s (%s)", c->allowed,
		    unit(l), l->spec);
		if (l->message != NULL) {
			fputs(": ", fp);
			ws_put_escaped(fp, l->message, strlen(l->message));
		}
		fputc('\n', fp);
		return;
	}
	fprintf(fp, ": %" PRIu64 " %s %s %" PRIu64 " %s (%s)", c->actual,
	    unit(l), c->pass ? "<=" : ">", c->allowed, unit(l), l->spec);
	if (c->subject[0] != '\0' && l->kind == WS_LIM_FUNCTION) {
		fputs(", largest: ", fp);
		ws_put_escaped(fp, c->subject, strlen(c->subject));
	}
	if (!c->pass)
		fprintf(fp, ", %" PRIu64 " %s over", c->actual - c->allowed,
		    unit(l));
	if (!c->pass && l->message != NULL) {
		fputs(": ", fp);
		ws_put_escaped(fp, l->message, strlen(l->message));
	}
	fputc('\n', fp);
}

/* Markdown table cells: escape the pipe and keep to one line. */
static void
md(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|')
			fputs("\\|", fp);
		else if ((unsigned char)*s < 0x20)
			fputc(' ', fp);
		else
			fputc(*s, fp);
	}
}

static void
markdown(FILE *fp, const struct ws_check_file *files, size_t nfiles)
{
	fputs("| | file | limit | actual | allowed | over |\n"
	    "|---|---|---|---:|---:|---:|\n", fp);
	for (size_t i = 0; i < nfiles; i++)
		for (size_t k = 0; k < files[i].n; k++) {
			const struct ws_check *c = &files[i].checks[k];
			const struct ws_limit *l = c->limit;

			fprintf(fp, "| %s | `", !c->applies ? "➖" : c->pass ?
			    "✅" : "❌");
			md(fp, files[i].path);
			fprintf(fp, "` | %s", ws_limit_name(l->kind));
			if (l->target != NULL) {
				fputs(" `", fp);
				md(fp, l->target);
				fputc('`', fp);
			}
			if (!c->applies) {
				fputs(" | - | ", fp);
				md(fp, l->spec);
				fputs(" | - |\n", fp);
				continue;
			}
			if (c->unbounded)
				fputs(" | no maximum | ", fp);
			else
				fprintf(fp, " | %" PRIu64 " %s | ", c->actual,
				    unit(l));
			md(fp, l->spec);
			if (c->pass || c->unbounded)
				fputs(" | - |\n", fp);
			else
				fprintf(fp, " | %" PRIu64 " %s |\n",
				    c->actual - c->allowed, unit(l));
		}
}

/*
 * Text in a workflow command, escaped as GitHub's runner decodes it: %,
 * CR and LF always, and in a property (file=) also : and ,.  Control
 * characters become spaces.
 */
static void
gh(FILE *fp, const char *s, int property)
{
	for (; *s != '\0'; s++) {
		if (*s == '%')
			fputs("%25", fp);
		else if (*s == '\r')
			fputs("%0D", fp);
		else if (*s == '\n')
			fputs("%0A", fp);
		else if (property && *s == ':')
			fputs("%3A", fp);
		else if (property && *s == ',')
			fputs("%2C", fp);
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			fputc(' ', fp);
		else
			fputc(*s, fp);
	}
}

/* GitHub Actions workflow commands: one ::error per failure. */
static void
annotations(FILE *fp, const struct ws_check_file *files, size_t nfiles)
{
	for (size_t i = 0; i < nfiles; i++)
		for (size_t k = 0; k < files[i].n; k++) {
			const struct ws_check *c = &files[i].checks[k];

			if (c->pass)
				continue;
			fputs("::error file=", fp);
			gh(fp, files[i].path, 1);
			fputs("::", fp);
			gh(fp, ws_limit_name(c->limit->kind), 0);
			if (c->limit->target != NULL) {
				fputc(' ', fp);
				gh(fp, c->limit->target, 0);
			}
			if (c->unbounded)
				fprintf(fp, " has no maximum, over the limit of "
				    "%s", c->limit->spec);
			else
				fprintf(fp, " is %" PRIu64 " %s, over the limit "
				    "of %s by %" PRIu64 " %s", c->actual,
				    unit(c->limit), c->limit->spec,
				    c->actual - c->allowed, unit(c->limit));
			if (c->limit->message != NULL) {
				fputs(": ", fp);
				gh(fp, c->limit->message, 0);
			}
			fputc('\n', fp);
		}
}

static json_t *
check_json(const struct ws_check_file *f, const struct ws_check *c)
{
	const struct ws_limit *l = c->limit;
	json_t *o = json_pack("{s:o, s:s, s:s, s:s}", "file",
	    ws_json_bytes(f->path, strlen(f->path)), "status",
	    !c->applies ? "skip" : c->pass ? "pass" : "fail", "limit",
	    ws_limit_name(l->kind), "spec", l->spec);

	if (o == NULL)
		return NULL;
	if (l->target != NULL)
		json_object_set_new(o, "target", ws_json_bytes(l->target,
		    strlen(l->target)));
	if (c->applies && c->unbounded)
		json_object_set_new(o, "unbounded", json_true());
	if (c->applies && !c->unbounded)
		json_object_set_new(o, "actual", json_integer((json_int_t)
		    c->actual));
	if (c->applies) {
		json_object_set_new(o, "allowed", json_integer((json_int_t)
		    c->allowed));
		json_object_set_new(o, "unit", json_string(unit(l)));
	}
	if (c->subject[0] != '\0' && l->kind == WS_LIM_FUNCTION)
		json_object_set_new(o, "largest", ws_json_bytes(c->subject,
		    strlen(c->subject)));
	if (l->message != NULL)
		json_object_set_new(o, "message", ws_json_bytes(l->message,
		    strlen(l->message)));
	return o;
}

static void
csv(FILE *fp, const struct ws_check_file *files, size_t nfiles)
{
	struct ws_cell	 c[7];
	static const char *const titles[7] = { "status", "file", "limit",
	    "target", "actual", "allowed", "spec" };

	for (size_t i = 0; i < 7; i++)
		ws_cell_str(&c[i], titles[i], 0);
	ws_row_print(fp, WS_FORMAT_CSV, c, 7);
	for (size_t i = 0; i < nfiles; i++)
		for (size_t k = 0; k < files[i].n; k++) {
			const struct ws_check *ck = &files[i].checks[k];
			const struct ws_limit *l = ck->limit;

			ws_cell_str(&c[0], verdict(ck), 0);
			ws_cell_str(&c[1], files[i].path, 0);
			ws_cell_str(&c[2], ws_limit_name(l->kind), 0);
			ws_cell_str(&c[3], l->target ? l->target : "", 0);
			if (ck->applies && !ck->unbounded)
				ws_cell_u64(&c[4], ck->actual, 0);
			else
				ws_cell_str(&c[4], "", 0);
			ws_cell_u64(&c[5], ck->allowed, 0);
			ws_cell_str(&c[6], l->spec, 0);
			ws_row_print(fp, WS_FORMAT_CSV, c, 7);
		}
}

int
ws_report_check(FILE *fp, const struct ws_check_file *files, size_t nfiles,
    enum ws_format f, int github)
{
	size_t	 failed = 0, total = 0;
	json_t	*o, *arr;

	for (size_t i = 0; i < nfiles; i++)
		for (size_t k = 0; k < files[i].n; k++) {
			total++;
			failed += !files[i].checks[k].pass;
		}
	switch (f) {
	case WS_FORMAT_TEXT:
		for (size_t i = 0; i < nfiles; i++)
			for (size_t k = 0; k < files[i].n; k++)
				text_line(fp, files[i].path,
				    &files[i].checks[k], nfiles > 1);
		fprintf(fp, "%zu of %zu limits passed\n", total - failed, total);
		break;
	case WS_FORMAT_MARKDOWN:
		markdown(fp, files, nfiles);
		fprintf(fp, "\n%zu of %zu limits passed\n", total - failed,
		    total);
		break;
	case WS_FORMAT_CSV:
		csv(fp, files, nfiles);
		break;
	case WS_FORMAT_JSON:
		if ((o = json_pack("{s:s, s:I, s:I}", "schema", "wasmsize/1",
		    "limits", (json_int_t)total, "failed", (json_int_t)failed))
		    == NULL || (arr = json_array()) == NULL) {
			json_decref(o);
			return -1;
		}
		for (size_t i = 0; i < nfiles; i++)
			for (size_t k = 0; k < files[i].n; k++)
				json_array_append_new(arr, check_json(&files[i],
				    &files[i].checks[k]));
		json_object_set_new(o, "checks", arr);
		if (ws_json_emit(fp, o) != 0)
			return -1;
		break;
	}
	if (github)
		annotations(stdout, files, nfiles);
	return ferror(fp) ? -1 : 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * check.c - the CI commands: check (budgets for one or more files, from
 * flags or .wasmsize.json) and diff (two builds, each a .wasm or a saved
 * --json report).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/diff.h"
#include "analysis/findings.h"
#include "cli.h"

/*
 * A component as a whole: the limits over all its modules, each with its
 * findings.  Returns 0, or -1 with the error in diag.
 */
static int
check_component(const struct ws_budget *b, struct loaded *l,
    struct ws_check **out)
{
	size_t		 n = l->ca.nmodules;
	struct ws_findings *fi = calloc(n ? n : 1, sizeof *fi);
	struct ws_budget_part *parts = calloc(n ? n : 1, sizeof *parts);
	int		 rc = -1;

	if (fi == NULL || parts == NULL)
		ws_diag_set(&l->diag, 0, WS_ERR_NOMEM, "out of memory");
	for (size_t i = 0; fi != NULL && parts != NULL && i < n; i++) {
		parts[i] = (struct ws_budget_part){ &l->ca.modules[i].a, &fi[i] };
		if (ws_findings_build(&fi[i], parts[i].a, &l->diag) != 0)
			goto out;
	}
	if (fi != NULL && parts != NULL)
		rc = ws_budget_check_parts(b, parts, n, l->ca.sum.custom_bytes,
		    l->f.data, l->f.size, out, &l->diag);
out:
	for (size_t i = 0; fi != NULL && i < n; i++)
		ws_findings_free(&fi[i]);
	free(fi);
	free(parts);
	return rc;
}

/* One file of `check`: load, find, and measure the limits. */
static int
check_one(const struct ws_opts *o, const char *path, const struct ws_budget *b,
    struct ws_check_file *out)
{
	struct loaded		 l;
	struct ws_findings	 fi;
	int			 rc = -1;

	memset(&fi, 0, sizeof fi);
	out->path = path;
	if (ws_cli_load(o, path, 0, &l) == 0) {
		if (l.ap == NULL)
			rc = check_component(b, &l, &out->checks);
		else if (ws_findings_build(&fi, l.ap, &l.diag) == 0)
			rc = ws_budget_check(b, l.ap, &fi, l.ap->m->base +
			    l.ap->m->span.off, l.ap->m->span.len,
			    &out->checks, &l.diag);
		if (rc == 0)
			out->n = b->n;
		else
			ws_diag_print(&l.diag, l.shown, stderr);
	}
	ws_findings_free(&fi);
	ws_cli_unload(&l);
	return rc;
}

/* The limits: flags first, then the config (given, or found upward). */
static int
load_limits(struct ws_opts *o)
{
	struct ws_diag	 d = { 0 };
	char		*found = NULL;
	const char	*config = o->config;

	if (config == NULL && o->budget.n == 0)
		config = found = ws_budget_find();
	if (config != NULL && ws_budget_load(&o->budget, config, &d) != 0) {
		fprintf(stderr, "wasmsize: %s\n", d.text);
		free(found);
		return -1;
	}
	free(found);
	if (o->budget.n == 0) {
		fputs("wasmsize: check: no limits: give --max-* options, "
		    "--config, or a .wasmsize.json\n", stderr);
		return -1;
	}
	return 0;
}

int
ws_cli_check(struct ws_opts *o)
{
	size_t			 nfiles = 1 + o->nitems;
	struct ws_check_file	*files = calloc(nfiles, sizeof *files);
	const char		*gh = getenv("GITHUB_ACTIONS");
	int			 status = EXIT_TROUBLE, failed = 0;
	FILE			*fp = stdout;

	if (files == NULL || load_limits(o) != 0)
		goto out;
	for (size_t i = 0; i < nfiles; i++)
		if (check_one(o, i == 0 ? o->file : o->items[i - 1],
		    &o->budget, &files[i]) != 0)
			goto out;
	for (size_t i = 0; i < nfiles; i++)
		for (size_t k = 0; k < files[i].n; k++)
			failed |= !files[i].checks[k].pass;
	if (o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (fp = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
		goto out;
	}
	/* annotations go to standard output: not inside JSON or CSV there */
	if (ws_report_check(fp, files, nfiles, o->format, gh != NULL &&
	    strcmp(gh, "true") == 0 && (fp != stdout ||
	    o->format == WS_FORMAT_TEXT || o->format == WS_FORMAT_MARKDOWN))
	    == 0 && fflush(fp) == 0)
		status = failed ? EXIT_FAILED : EXIT_OK;
	if (fp != stdout)
		fclose(fp);
out:
	for (size_t i = 0; files != NULL && i < nfiles; i++)
		free(files[i].checks);
	free(files);
	ws_budget_free(&o->budget);
	return status;
}

/* One side of a diff, from a .wasm or a saved report. */
static int
load_side(const struct ws_opts *o, const char *path, struct ws_side *side)
{
	struct loaded	 l;
	int		 rc = -1;

	memset(side, 0, sizeof *side);
	if (ws_cli_load(o, path, 1, &l) == 0) {
		rc = l.json ? ws_side_from_json(side, path, &l.diag) :
		    l.ap == NULL ? ws_side_from_component(side, &l.ca,
		    l.f.data, l.f.size, &l.diag) :
		    ws_side_from_analysis(side, l.ap, l.ap->m->base +
		    l.ap->m->span.off, l.ap->m->span.len, &l.diag);
		if (rc != 0)
			ws_diag_print(&l.diag, l.shown, stderr);
	}
	ws_cli_unload(&l);
	return rc;
}

/* --max-growth: a size, or a percentage of the old size. */
static int
grew_too_much(const struct ws_opts *o, const struct ws_side *old,
    const struct ws_diff *d)
{
	struct ws_size	 lim;
	char		 err[200];
	uint64_t	 allowed;

	if (o->max_growth == NULL ||	/* main.c checked it: it parses */
	    ws_size_parse(o->max_growth, &lim, err, sizeof err) != 0)
		return 0;
	allowed = lim.is_pct ? old->size * lim.pct100 / 10000 : lim.bytes;
	if (d->size_delta <= 0 || (uint64_t)d->size_delta <= allowed)
		return 0;
	fprintf(stderr, "wasmsize: diff: grew by %" PRId64 " B, more than "
	    "--max-growth=%s (%" PRIu64 " B)\n", d->size_delta, o->max_growth,
	    allowed);
	return 1;
}

int
ws_cli_diff(const struct ws_opts *o)
{
	struct ws_side	 old, new;
	struct ws_diff	 d;
	struct ws_diag	 diag = { 0 };
	FILE		*fp = stdout;
	int		 status = EXIT_TROUBLE;

	memset(&d, 0, sizeof d);
	if (load_side(o, o->file, &old) != 0) {
		ws_side_free(&old);
		return EXIT_TROUBLE;
	}
	if (load_side(o, o->items[0], &new) != 0)
		goto out;
	if (ws_diff_build(&d, &old, &new, &diag) != 0) {
		fprintf(stderr, "wasmsize: %s\n", diag.text);
		goto out;
	}
	if (o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (fp = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
		goto out;
	}
	if (ws_report_diff(fp, &old, &new, &d, o->format,
	    o->number_set ? o->number : 20) == 0 && fflush(fp) == 0)
		status = grew_too_much(o, &old, &d) ? EXIT_FAILED : EXIT_OK;
	if (fp != stdout)
		fclose(fp);
out:
	ws_diff_free(&d);
	ws_side_free(&old);
	ws_side_free(&new);
	return status;
}

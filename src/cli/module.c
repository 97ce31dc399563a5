/* SPDX-License-Identifier: MIT */
/*
 * module.c - one module command: select the ITEMs, compute what the
 * command needs beyond the analysis (trees, findings, advice, --measure,
 * groups, sources), then write the report, or browse on a terminal.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/advice.h"
#include "analysis/findings.h"
#include "analysis/measure.h"
#include "analysis/monos.h"
#include "analysis/select.h"
#include "analysis/sources.h"
#include "cli.h"
#include "report/escape.h"

static volatile sig_atomic_t interrupted;

/* The items the ITEM arguments name; an ITEM that names none is an error. */
static int
select_items(const struct ws_opts *o, const struct ws_analysis *a,
    uint32_t **sel, size_t *nsel)
{
	struct ws_diag	 d = { 0 };

	for (size_t i = 0; i < o->nitems; i++) {
		int found = ws_select(a, o->items[i], o->regex, sel, nsel, &d);

		if (found < 0) {
			fprintf(stderr, "wasmsize: %s\n", d.text);
			return -1;
		}
		if (found == 0) {
			fputs("wasmsize: ", stderr);
			ws_put_escaped(stderr, o->file, strlen(o->file));
			fputs(": no item named '", stderr);
			ws_put_escaped(stderr, o->items[i], strlen(o->items[i]));
			fputs("'\n", stderr);
			return -1;
		}
	}
	return 0;
}

/* Drops repeats from sel (items below n), keeping the first of each. */
static size_t
unique(uint32_t *sel, size_t nsel, size_t n)
{
	uint8_t	*seen = calloc(n ? n : 1, 1);
	size_t	 k = 0;

	if (seen == NULL)
		return nsel;
	for (size_t i = 0; i < nsel; i++)
		if (!seen[sel[i]]) {
			seen[sel[i]] = 1;
			sel[k++] = sel[i];
		}
	free(seen);
	return k;
}

/* What a command computes beyond the analysis, before anything is written. */
struct prepared {
	struct ws_tree_rows	 rows;		/* dominators, paths */
	struct ws_monos		 monos;		/* monos, inspect, advise */
	struct ws_findings	 findings;	/* inspect, advise */
	struct ws_advice	 advice;
	struct ws_groups	 groups;	/* top, inspect --group-by */
	struct ws_sources	 sources;	/* sources */
};

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* "measuring 2/5: strip-dwarf" on a terminal, overwritten in place. */
static void
progress(void *ctx, size_t i, size_t n, const char *id)
{
	(void)ctx;
	if (id != NULL)
		fprintf(stderr, "\rwasmsize: measuring %zu/%zu: %-28s", i + 1,
		    n, id);
	else
		fprintf(stderr, "\r%*s\r", 70, "");
}

static int
prepare_advice(const struct ws_opts *o, const struct ws_analysis *a,
    const struct ws_file *f, struct prepared *p, struct ws_diag *d)
{
	struct ws_measure_opts mo = { "wasm-opt", 1, NULL, NULL,
	    (volatile int *)&interrupted };
	uint64_t	 monos = 0;

	if (ws_monos_find(&p->monos, a, d) != 0 ||
	    ws_findings_build(&p->findings, a, d) != 0)
		return -1;
	for (size_t i = 0; i < p->monos.n; i++)
		monos += p->monos.groups[i].savings;
	if (ws_advice_build(&p->advice, a, &p->findings, monos, d) != 0)
		return -1;
	if (o->cmd != CMD_ADVISE || !o->measure)
		return 0;
	mo.all = p->findings.debug.features == 0;
	if (isatty(STDERR_FILENO))
		mo.progress = progress;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	return ws_measure(&p->advice, f->data, f->size, &mo, d);
}

static int
prepare_trees(const struct ws_opts *o, const struct ws_analysis *a,
    struct prepared *p, struct ws_diag *d)
{
	uint32_t	*sel = NULL;
	size_t		 nsel = 0;
	int		 rc = 0;

	if (select_items(o, a, &sel, &nsel) != 0)
		return -1;
	nsel = unique(sel, nsel, a->attrib.n);
	if (o->cmd == CMD_DOMINATORS && nsel == 0)
		rc = ws_tree_dominators(a, a->graph.root, &o->limits, &p->rows,
		    d);
	for (size_t i = 0; rc == 0 && i < nsel; i++)
		rc = o->cmd == CMD_DOMINATORS ?
		    ws_tree_dominators(a, sel[i], &o->limits, &p->rows, d) :
		    ws_tree_paths(a, sel[i], o->descending, &o->limits,
		    &p->rows, d);
	free(sel);
	if (rc != 0)
		fprintf(stderr, "wasmsize: %s\n", d->text);
	return rc;
}

/* Returns 0, or -1 after printing the error. */
static int
prepare(const struct ws_opts *o, const struct ws_analysis *a,
    const struct ws_file *f, struct prepared *p)
{
	struct ws_diag	 d = { 0 };

	if (o->group_by != WS_GROUP_NONE &&
	    ws_groups_build(&p->groups, a, o->group_by, &d) != 0) {
		fprintf(stderr, "wasmsize: %s\n", d.text);
		return -1;
	}
	switch (o->cmd) {
	case CMD_INSPECT:
	case CMD_ADVISE:
		if (prepare_advice(o, a, f, p, &d) == 0)
			return 0;
		fprintf(stderr, "wasmsize: %s\n", d.text);
		return -1;
	case CMD_DOMINATORS:
	case CMD_PATHS:
		return prepare_trees(o, a, p, &d);
	case CMD_MONOS:
		if (ws_monos_find(&p->monos, a, &d) == 0)
			return 0;
		fprintf(stderr, "wasmsize: %s\n", d.text);
		return -1;
	case CMD_SOURCES:
		if (ws_sources_build(&p->sources, a->m, !o->depth_set ?
		    WS_SOURCES_AUTO : o->limits.depth > 4096 ? 4096 :
		    (int)o->limits.depth, &d) != 0) {
			fprintf(stderr, "wasmsize: %s\n", d.text);
			return -1;
		}
		ws_report_sources_notes(stderr, a->path, &p->sources);
		return 0;
	default:
		return 0;
	}
}

static int
run_report(const struct ws_opts *o, const struct ws_analysis *a,
    const struct prepared *p, FILE *fp)
{
	enum ws_tree_style style = o->cmd == CMD_DOMINATORS ?
	    WS_TREE_DOMINATORS : o->descending ? WS_TREE_PATHS_DOWN :
	    WS_TREE_PATHS_UP;

	switch (o->cmd) {
	case CMD_INSPECT:
		return ws_report_inspect(fp, a, &p->findings, &p->advice,
		    o->group_by ? &p->groups : NULL, o->format);
	case CMD_ADVISE:
		return ws_report_advise(fp, a, &p->findings, &p->advice,
		    o->format);
	case CMD_SECTIONS:
		return ws_report_sections(fp, a, o->format);
	case CMD_TOP:
		return ws_report_top(fp, a, o->format, &(struct ws_top_opts){
		    o->number, o->retained, o->by_retained,
		    o->group_by ? &p->groups : NULL });
	case CMD_DOMINATORS:
	case CMD_PATHS:
		return ws_report_tree(fp, a, o->format, style, &p->rows);
	case CMD_GARBAGE:
		return ws_report_garbage(fp, a, o->format,
		    o->all ? 0 : o->number_set ? o->number : 10);
	case CMD_MONOS:
		return ws_report_monos(fp, a, &p->monos, o->format, o->number);
	case CMD_SOURCES:
		return ws_report_sources(fp, a, &p->sources, o->format);
	case CMD_CHECK:		/* run_check */
	case CMD_DIFF:		/* run_diff */
	case CMD_EXTRACT:	/* extract */
		break;
	}
	return -1;
}

/*
 * inspect without --format or -o, with a terminal on both ends that can
 * move its cursor (not TERM=dumb, as in an editor's shell).
 */
int
ws_cli_interactive(const struct ws_opts *o)
{
	const char *term = getenv("TERM");

	return o->cmd == CMD_INSPECT && !o->format_set &&
	    term != NULL && term[0] != '\0' && strcmp(term, "dumb") != 0 &&
	    (o->output == NULL || strcmp(o->output, "-") == 0) &&
	    isatty(STDOUT_FILENO) && isatty(STDIN_FILENO) &&
	    strcmp(o->file, "-") != 0;
}

static int
write_report(const struct ws_opts *o, const struct ws_analysis *a,
    const struct prepared *p)
{
	FILE	*fp = stdout;
	int	 rc;

	if (o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (fp = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
		return -1;
	}
	rc = run_report(o, a, p, fp);
	if (fflush(fp) != 0)
		rc = -1;
	if (fp != stdout && fclose(fp) != 0)
		rc = -1;
	if (rc != 0)
		fprintf(stderr, "wasmsize: %s: write error\n",
		    o->output ? o->output : "standard output");
	return rc;
}

/* The bytes of the module analysed: the file, or a component's module. */
static void
module_bytes(const struct loaded *l, struct ws_file *out)
{
	const struct ws_module *m = l->ap->m;

	*out = (struct ws_file){ .path = l->f.path, .data = m->base +
	    m->span.off, .size = m->span.len };
}

/* Prepares, then browses or writes the report. */
static int
run(const struct ws_opts *o, const struct loaded *l, struct prepared *prep)
{
	struct ws_file	 mod;	/* the module's bytes */

	module_bytes(l, &mod);
	if (prepare(o, l->ap, &mod, prep) != 0)
		return EXIT_TROUBLE;
	if (ws_cli_interactive(o)) {
		if (ws_screen_run(l->ap, &prep->findings, &prep->advice,
		    mod.data, mod.size, o->color, o->group_by) == 0)
			return EXIT_OK;
		fprintf(stderr, "wasmsize: cannot drive the terminal (TERM=%s); "
		    "use --format=text\n", getenv("TERM"));
		return EXIT_TROUBLE;
	}
	return write_report(o, l->ap, prep) == 0 ? EXIT_OK : EXIT_TROUBLE;
}

int
ws_cli_run_module(const struct ws_opts *o, const struct loaded *l)
{
	struct prepared	 prep;
	int		 status;

	memset(&prep, 0, sizeof prep);
	status = run(o, l, &prep);
	ws_tree_rows_free(&prep.rows);
	ws_monos_free(&prep.monos);
	ws_findings_free(&prep.findings);
	ws_advice_free(&prep.advice);
	ws_sources_free(&prep.sources);
	ws_groups_free(&prep.groups);
	return status;
}

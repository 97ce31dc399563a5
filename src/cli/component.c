/* SPDX-License-Identifier: MIT */
/*
 * component.c - commands on a component as a whole: inspect and
 * sections (a report, or the tree on a terminal), and extract, which
 * writes one of its core modules out as a file of its own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/advice.h"
#include "analysis/findings.h"
#include "cli.h"

/* Opens -o (stdout when none or "-"); NULL after printing why. */
FILE *
ws_cli_output(const struct ws_opts *o)
{
	FILE	*fp;

	if (o->output == NULL || strcmp(o->output, "-") == 0)
		return stdout;
	if ((fp = fopen(o->output, "w")) == NULL)
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
	return fp;
}

/* inspect on a terminal: the component's tree, every module's advice. */
static int
component_screen(const struct ws_opts *o, struct loaded *l)
{
	size_t		 n = l->ca.nmodules;
	struct ws_findings *f = calloc(n ? n : 1, sizeof *f);
	struct ws_advice *adv = calloc(n ? n : 1, sizeof *adv);
	struct ws_diag	 d = { 0 };
	int		 rc = -1;

	if (f != NULL && adv != NULL) {
		rc = 0;
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = ws_findings_build(&f[i], &l->ca.modules[i].a, &d) ||
			    ws_advice_build(&adv[i], &l->ca.modules[i].a, &f[i],
			    0, &d);
		if (rc == 0)
			rc = ws_screen_run_component(&l->ca, f, adv, l->f.data,
			    l->f.size, o->color);
	}
	for (size_t i = 0; f != NULL && adv != NULL && i < n; i++) {
		ws_findings_free(&f[i]);
		ws_advice_free(&adv[i]);
	}
	free(f);
	free(adv);
	if (rc != 0)
		fprintf(stderr, "wasmsize: cannot drive the terminal (TERM=%s); "
		    "use --format=text\n", getenv("TERM"));
	return rc == 0 ? EXIT_OK : EXIT_TROUBLE;
}

/* A component without --module: inspect and sections show it whole. */
int
ws_cli_component(const struct ws_opts *o, struct loaded *l)
{
	FILE	*fp;
	int	 rc;

	if (o->cmd == CMD_INSPECT && ws_cli_interactive(o) && l->ca.nmodules > 0)
		return component_screen(o, l);

	if (o->cmd != CMD_INSPECT && o->cmd != CMD_SECTIONS) {
		fprintf(stderr, "wasmsize: %s: a component with %zu core "
		    "modules: choose one with --module N (wasmsize inspect "
		    "lists them)\n", l->shown, l->ca.nmodules);
		return EXIT_TROUBLE;
	}
	if ((fp = ws_cli_output(o)) == NULL)
		return EXIT_TROUBLE;
	rc = ws_report_component(fp, &l->ca, o->format);
	if (fflush(fp) != 0 || (fp != stdout && fclose(fp) != 0))
		rc = -1;
	return rc == 0 ? EXIT_OK : EXIT_TROUBLE;
}

/* extract --module N -o OUT: the module's bytes, as a file of its own. */
int
ws_cli_extract(const struct ws_opts *o, struct loaded *l)
{
	const struct ws_module *m = l->is_component ? (o->module >= 0 ?
	    l->ap->m : NULL) : &l->m;
	FILE	*fp;

	if (m == NULL || o->output == NULL) {
		fprintf(stderr, "wasmsize: extract needs --module N and -o "
		    "FILE\n");
		return EXIT_TROUBLE;
	}
	if ((fp = ws_cli_output(o)) == NULL)
		return EXIT_TROUBLE;
	if (fwrite(m->base + m->span.off, 1, m->span.len, fp) != m->span.len ||
	    fflush(fp) != 0 || (fp != stdout && fclose(fp) != 0)) {
		fprintf(stderr, "wasmsize: %s: write error\n", o->output);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

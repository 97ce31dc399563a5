/* SPDX-License-Identifier: MIT */
/*
 * parse_fuzz.c - the libFuzzer target: any bytes through the parser, the
 * analysis and every report in every format (to /dev/null): inspect,
 * sections and top, and the graph's garbage, monos, dominators and paths.
 * Then it frees it all, so ASan, UBSan and LeakSanitizer watch the whole
 * pipeline.  Besides crashes it aborts on a broken contract: an error
 * without a code or past the end of the input, an analysis that fails on a
 * module that parsed (only an internal error or OOM can do that), a report
 * that fails.  Build and run with tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "analysis/monos.h"
#include "analysis/trees.h"
#include "report/report.h"
#include "wasm/diag.h"
#include "wasm/module.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
broken(const char *what, const struct ws_diag *d)
{
	fprintf(stderr, "parse_fuzz: %s: code %d, offset 0x%zx: %s\n", what,
	    (int)d->code, d->offset, d->text);
	abort();
}

/* A failed step must say why, at an offset within the input. */
static void
check_diag(const char *step, const struct ws_diag *d, size_t size)
{
	if (d->code == WS_OK)
		broken(step, d);
	if (d->code != WS_ERR_NOMEM && d->code != WS_ERR_IO && d->offset > size)
		broken(step, d);
}

static void
report_failed(const char *what, enum ws_format f)
{
	fprintf(stderr, "parse_fuzz: the %s report failed (format %d)\n", what,
	    (int)f);
	abort();
}

/* Dominator trees of the root and the largest item, its paths both ways. */
static void
trees(const struct ws_analysis *a, struct ws_tree_rows *dom,
    struct ws_tree_rows *paths, size_t size)
{
	static const struct ws_tree_limits lim = { .depth = 6, .rows = 64 };
	struct ws_diag	 d = { 0 };

	if (ws_tree_dominators(a, a->graph.root, &lim, dom, &d) != 0)
		check_diag("dominators of the root", &d, size);
	if (a->attrib.n == 0)
		return;
	if (ws_tree_dominators(a, a->by_size[0], &lim, dom, &d) != 0 ||
	    ws_tree_paths(a, a->by_size[0], 0, &lim, paths, &d) != 0 ||
	    ws_tree_paths(a, a->by_size[0], 1, &lim, paths, &d) != 0)
		check_diag("trees of the largest item", &d, size);
}

static void
reports(FILE *fp, const struct ws_analysis *a, size_t size)
{
	static const enum ws_format formats[] = {
		WS_FORMAT_TEXT, WS_FORMAT_CSV, WS_FORMAT_JSON
	};
	static const struct ws_top_opts tops[] = {
		{ .n = 0 }, { .n = 3, .retained = 1, .by_retained = 1 }
	};
	struct ws_tree_rows	 dom = { 0 }, paths = { 0 };
	struct ws_monos		 monos = { 0 };
	struct ws_diag		 d = { 0 };
	int			 have_monos;

	trees(a, &dom, &paths, size);
	have_monos = ws_monos_find(&monos, a, &d) == 0;
	if (!have_monos)
		check_diag("monos", &d, size);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		enum ws_format f = formats[i];

		if (ws_report_inspect(fp, a, f) != 0)
			report_failed("inspect", f);
		if (ws_report_sections(fp, a, f) != 0)
			report_failed("sections", f);
		for (size_t t = 0; t < sizeof tops / sizeof *tops; t++)
			if (ws_report_top(fp, a, f, &tops[t]) != 0)
				report_failed("top", f);
		if (ws_report_garbage(fp, a, f, 0) != 0)
			report_failed("garbage", f);
		if (have_monos && ws_report_monos(fp, a, &monos, f, 0) != 0)
			report_failed("monos", f);
		if (ws_report_tree(fp, a, f, WS_TREE_DOMINATORS, &dom) != 0 ||
		    ws_report_tree(fp, a, f, WS_TREE_PATHS_UP, &paths) != 0)
			report_failed("tree", f);
	}
	ws_tree_rows_free(&dom);
	ws_tree_rows_free(&paths);
	ws_monos_free(&monos);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE		*null;
	struct ws_diag		 diag;
	struct ws_module	 m;
	struct ws_analysis	 a;
	struct ws_analysis_opts	 opts = { .demangle = 1 };

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL) {
		perror("parse_fuzz: /dev/null");
		abort();
	}
	memset(&diag, 0, sizeof diag);
	memset(&a, 0, sizeof a);
	if (ws_module_parse(&m, data, (struct ws_span){ 0, size }, &diag) != 0) {
		check_diag("parse", &diag, size);
		ws_module_free(&m);
		return 0;
	}
	if (diag.code != WS_OK)
		broken("parse succeeded with an error recorded", &diag);
	for (size_t i = 0; i < m.nwarnings && i < WS_MAX_WARNINGS; i++)
		check_diag("warning", &m.warnings[i], size);
	if (ws_analyze(&a, "fuzz.wasm", &m, &opts, &diag) != 0) {
		check_diag("analysis", &diag, size);
		if (diag.code != WS_ERR_NOMEM)
			broken("analysis of a module that parsed", &diag);
	} else {
		reports(null, &a, size);
	}
	ws_analysis_free(&a);
	ws_module_free(&m);
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * parse_fuzz.c - the libFuzzer target: any bytes through the parser, the
 * analysis and every report in every format (to /dev/null): inspect,
 * sections and top; garbage, monos, dominators and paths; findings and
 * advice (without --measure, which runs wasm-opt).  Then it frees it all,
 * so ASan, UBSan and LeakSanitizer watch the whole pipeline.  Besides
 * crashes it aborts on a broken contract: an error without a code or past
 * the end of the input, an analysis step that fails on a module that
 * parsed (only OOM may), a report that fails.  Build and run with
 * tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/advice.h"
#include "analysis/analysis.h"
#include "analysis/canalysis.h"
#include "analysis/findings.h"
#include "analysis/groups.h"
#include "analysis/monos.h"
#include "analysis/sources.h"
#include "analysis/trees.h"
#include "report/report.h"
#include "wasm/diag.h"
#include "wasm/component.h"
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

/*
 * A step after a successful parse may fail only for want of memory: true
 * if it succeeded, false after OOM, abort otherwise.
 */
static int
step_ok(int rc, const char *step, const struct ws_diag *d, size_t size)
{
	if (rc == 0)
		return 1;
	check_diag(step, d, size);
	if (d->code != WS_ERR_NOMEM)
		broken(step, d);
	return 0;
}

/* Dominator trees of the root and the largest item, its paths both ways. */
static void
trees(const struct ws_analysis *a, struct ws_tree_rows *dom,
    struct ws_tree_rows *paths, size_t size)
{
	static const struct ws_tree_limits lim = { .depth = 6, .rows = 64 };
	struct ws_diag	 d = { 0 };

	if (!step_ok(ws_tree_dominators(a, a->graph.root, &lim, dom, &d),
	    "dominators of the root", &d, size) || a->attrib.n == 0)
		return;
	step_ok(ws_tree_dominators(a, a->by_size[0], &lim, dom, &d) ||
	    ws_tree_paths(a, a->by_size[0], 0, &lim, paths, &d) ||
	    ws_tree_paths(a, a->by_size[0], 1, &lim, paths, &d),
	    "trees of the largest item", &d, size);
}

/* What the commands compute beyond the analysis (as main.c's prepare()). */
struct extras {
	struct ws_tree_rows	 dom, paths;
	struct ws_monos		 monos;
	struct ws_findings	 findings;
	struct ws_advice	 advice;
	struct ws_groups	 crates, namespaces;
	struct ws_sources	 sources;
	int			 have_monos, have_advice, have_groups;
	int			 have_sources;
};

static void
extras_build(struct extras *x, const struct ws_analysis *a, size_t size)
{
	struct ws_diag	 d = { 0 };
	uint64_t	 savings = 0;

	trees(a, &x->dom, &x->paths, size);
	x->have_monos = step_ok(ws_monos_find(&x->monos, a, &d), "monos", &d,
	    size);
	for (size_t i = 0; x->have_monos && i < x->monos.n; i++)
		savings += x->monos.groups[i].savings;
	x->have_advice = step_ok(ws_findings_build(&x->findings, a, &d),
	    "findings", &d, size) && step_ok(ws_advice_build(&x->advice, a,
	    &x->findings, savings, &d), "advice", &d, size);
	x->have_groups = step_ok(ws_groups_build(&x->crates, a, WS_GROUP_CRATE,
	    &d), "crates", &d, size) && step_ok(ws_groups_build(&x->namespaces,
	    a, WS_GROUP_NAMESPACE, &d), "namespaces", &d, size);
	x->have_sources = step_ok(ws_sources_build(&x->sources, a->m,
	    WS_SOURCES_AUTO, &d), "sources", &d, size);
}

static void
extras_free(struct extras *x)
{
	ws_tree_rows_free(&x->dom);
	ws_tree_rows_free(&x->paths);
	ws_monos_free(&x->monos);
	ws_findings_free(&x->findings);
	ws_advice_free(&x->advice);
	ws_groups_free(&x->crates);
	ws_groups_free(&x->namespaces);
	ws_sources_free(&x->sources);
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
	struct extras	 x;

	memset(&x, 0, sizeof x);
	extras_build(&x, a, size);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		enum ws_format f = formats[i];

		if (x.have_advice && (ws_report_inspect(fp, a, &x.findings,
		    &x.advice, x.have_groups ? &x.crates : NULL, f) != 0 ||
		    ws_report_advise(fp, a, &x.findings, &x.advice, f) != 0))
			report_failed("inspect or advise", f);
		if (x.have_groups && ws_report_top(fp, a, f, &(struct
		    ws_top_opts){ .groups = &x.namespaces }) != 0)
			report_failed("top --group-by", f);
		if (x.have_sources && ws_report_sources(fp, a, &x.sources,
		    f) != 0)
			report_failed("sources", f);
		if (ws_report_sections(fp, a, f) != 0)
			report_failed("sections", f);
		for (size_t t = 0; t < sizeof tops / sizeof *tops; t++)
			if (ws_report_top(fp, a, f, &tops[t]) != 0)
				report_failed("top", f);
		if (ws_report_garbage(fp, a, f, 0) != 0)
			report_failed("garbage", f);
		if (x.have_monos && ws_report_monos(fp, a, &x.monos, f, 0) != 0)
			report_failed("monos", f);
		if (ws_report_tree(fp, a, f, WS_TREE_DOMINATORS, &x.dom) != 0 ||
		    ws_report_tree(fp, a, f, WS_TREE_PATHS_UP, &x.paths) != 0)
			report_failed("tree", f);
	}
	extras_free(&x);
}

/* A component: parse, analyse every module, and report on the whole. */
static void
component(FILE *null, const uint8_t *data, size_t size)
{
	struct ws_diag		 diag = { 0 };
	struct ws_component	 c;
	struct ws_canalysis	 ca;
	struct ws_analysis_opts	 opts = { .demangle = 1 };

	memset(&ca, 0, sizeof ca);
	if (ws_component_parse(&c, data, (struct ws_span){ 0, size }, 0,
	    &diag) != 0)
		check_diag("component parse", &diag, size);
	else if (step_ok(ws_canalyze(&ca, "fuzz.wasm", &c, &opts, &diag),
	    "analysis of a component that parsed", &diag, size))
		for (int f = WS_FORMAT_TEXT; f <= WS_FORMAT_JSON; f++)
			ws_report_component(null, &ca, (enum ws_format)f);
	ws_canalysis_free(&ca);
	ws_component_free(&c);
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
	if (ws_is_component(data, size)) {
		component(null, data, size);
		return 0;
	}
	if (ws_module_parse(&m, data, (struct ws_span){ 0, size }, &diag) != 0) {
		check_diag("parse", &diag, size);
		ws_module_free(&m);
		return 0;
	}
	if (diag.code != WS_OK)
		broken("parse succeeded with an error recorded", &diag);
	for (size_t i = 0; i < m.nwarnings && i < WS_MAX_WARNINGS; i++)
		check_diag("warning", &m.warnings[i], size);
	if (step_ok(ws_analyze(&a, "fuzz.wasm", &m, &opts, &diag),
	    "analysis of a module that parsed", &diag, size))
		reports(null, &a, size);
	ws_analysis_free(&a);
	ws_module_free(&m);
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * parse_fuzz.c - the libFuzzer target: any bytes through the parser, the
 * analysis and every report in every format (to /dev/null), then free it
 * all, so ASan, UBSan and LeakSanitizer watch the whole pipeline.  Besides
 * crashes it aborts on a broken contract: an error without a code or past
 * the end of the input, an analysis that fails on a module that parsed
 * (only an internal error or OOM can do that), a report that fails.
 * Build and run with tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
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
reports(FILE *fp, const struct ws_analysis *a)
{
	static const enum ws_format formats[] = {
		WS_FORMAT_TEXT, WS_FORMAT_CSV, WS_FORMAT_JSON
	};

	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		if (ws_report_inspect(fp, a, formats[i]) != 0 ||
		    ws_report_sections(fp, a, formats[i]) != 0 ||
		    ws_report_top(fp, a, formats[i], 0) != 0 ||
		    ws_report_top(fp, a, formats[i], 3) != 0) {
			fprintf(stderr, "parse_fuzz: a report failed "
			    "(format %d)\n", (int)formats[i]);
			abort();
		}
	}
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
		reports(null, &a);
	}
	ws_analysis_free(&a);
	ws_module_free(&m);
	return 0;
}

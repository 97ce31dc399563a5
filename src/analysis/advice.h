/* SPDX-License-Identifier: MIT */
/*
 * advice.h - recommendations: what to run or change, for the toolchain
 * that built the module, with the bytes it should save and how sure that
 * estimate is.  Built from the findings; measured by measure.h.
 */
#ifndef WS_ADVICE_H
#define WS_ADVICE_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "findings.h"
#include "strbuf.h"

enum ws_confidence {
	WS_EXACT,	/* arithmetic: whole sections go */
	WS_ESTIMATE,	/* from the graph or the bytes, not exact */
	WS_HEURISTIC,	/* a rule of thumb */
};

struct ws_rec {
	const char	*id;		/* "strip-dwarf" */
	const char	*title;
	const char	*finding;	/* what triggers it, with numbers */
	const char	*action;	/* the exact command, line or flag */
	uint64_t	 saving;	/* estimated bytes */
	enum ws_confidence confidence;
	const char	*wasm_opt;	/* wasm-opt options that perform it
					   (-g keeps names), for --measure;
					   NULL: cannot be measured so */
	int		 measured_ok;	/* wasm-opt ran and the three below hold */
	int64_t		 measured;	/* bytes saved against the file
					   (negative: it grew) */
	int64_t		 measured_gzip;	/* likewise, gzip'd */
	int64_t		 measured_pass;	/* against wasm-opt's output without
					   passes: the passes' own effect */
	const char	*measure_note;	/* why it was not measured, or NULL */
};

struct ws_advice {
	struct ws_rec	 recs[24];
	size_t		 n;		/* largest saving first */
	int		 baseline_ok;	/* --measure ran wasm-opt without passes */
	int64_t		 reencode;	/* what that alone changed: baseline
					   size minus file size */
	struct ws_strbuf text;
};

/*
 * Builds the recommendations that the findings (and the savings of
 * sharing monomorphized copies, from ws_monos_find) call for.  Returns 0, or
 * -1 on OOM (in diag); free with ws_advice_free() either way.
 */
int	ws_advice_build(struct ws_advice *, const struct ws_analysis *a,
	    const struct ws_findings *f, uint64_t monos_savings,
	    struct ws_diag *);

void	ws_advice_free(struct ws_advice *);

/* "exact", "estimate", "heuristic" */
const char *ws_confidence_name(enum ws_confidence);

#endif

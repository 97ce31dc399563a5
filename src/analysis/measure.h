/* SPDX-License-Identifier: MIT */
/*
 * measure.h - `advise --measure`: performs each recommendation that
 * wasm-opt (binaryen) can perform, on a temporary copy, and records what
 * it really saved, raw and gzip'd.
 */
#ifndef WS_MEASURE_H
#define WS_MEASURE_H

#include <stddef.h>
#include <stdint.h>

#include "advice.h"

struct ws_measure_opts {
	const char	*wasm_opt;	/* the program; "wasm-opt" by default */
	int		 all;		/* pass -all (enable every feature):
					   for modules without target_features,
					   which wasm-opt reads otherwise */
	/* called before each run (i of n) and once at the end (i == n);
	   may be NULL */
	void		(*progress)(void *ctx, size_t i, size_t n,
			    const char *id);
	void		*ctx;
	/* polled between and during runs: non-zero stops everything */
	volatile int	*interrupted;
};

/*
 * Measures the recommendations of adv for the module bytes p[0..n).  First
 * wasm-opt runs without passes (-g): the baseline, since wasm-opt
 * re-encodes every module it writes (adv->reencode says by how much).
 * Then each recommendation with wasm-opt options gets measured and
 * measured_gzip (against the file: what the user gets) and measured_pass
 * (against the baseline: the passes alone), or a measure_note saying why
 * not (wasm-opt
 * missing, or rejecting the module, with its first line of complaint).
 * Returns 0; -1 when interrupted or when the temporary copy cannot be
 * written (the reason in diag).
 */
int	ws_measure(struct ws_advice *adv, const uint8_t *p, size_t n,
	    const struct ws_measure_opts *, struct ws_diag *);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * findings_impl.h - the findings computed in files of their own; private
 * to analysis/findings*.c and friends.  Each returns 0, or -1 on OOM.
 */
#ifndef WS_FINDINGS_IMPL_H
#define WS_FINDINGS_IMPL_H

#include "findings.h"

/* Duplicate function bodies: fills f->dups, f->ndups, f->dup_savings. */
int	ws_find_dups(struct ws_findings *f, const struct ws_analysis *,
	    struct ws_diag *);

/* Panic machinery and what snipping it would save. */
int	ws_find_panic(struct ws_panic *, const struct ws_analysis *,
	    struct ws_diag *);

/* Instruction mix of the code, and the unoptimized-build verdict. */
int	ws_find_build_mode(struct ws_build_mode *, const struct ws_analysis *,
	    struct ws_diag *);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * names_from.h - names for a stripped build, taken from another build of
 * the same code that kept them (--names-from): functions whose bodies are
 * byte-identical, data segments whose bytes are, imports that name the
 * same module and field.
 */
#ifndef WS_NAMES_FROM_H
#define WS_NAMES_FROM_H

#include <stdint.h>

#include "analysis.h"

struct ws_names_match {
	uint32_t	 functions;	/* defined in the stripped build */
	uint32_t	 functions_matched;
	uint32_t	 imports, imports_matched;	/* of functions */
	uint32_t	 datas, datas_matched;
	uint32_t	 named;		/* items that got a name */
};

/*
 * Names the items of a after the matching items of donor, which must
 * outlive a: a function by the function at the same index when their
 * bodies are byte-identical, else by the one function of donor with the
 * same body; an imported function by the import at the same index with
 * the same module and field; a data segment by the one at the same index
 * with the same bytes.  Fills match.  Returns 0; 1 when fewer than half
 * of the defined functions match (donor is not a build of the same code:
 * a is left unchanged, diag says why); -1 when memory runs out.
 */
int	ws_names_from(struct ws_analysis *a, const struct ws_analysis *donor,
	    struct ws_names_match *match, struct ws_diag *diag);

#endif

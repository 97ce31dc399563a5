/* SPDX-License-Identifier: MIT */
/*
 * buildmode.c - a heuristic for unoptimized code: a compiler at -O0 moves
 * every value through a local (local.get/set/tee make well over half of
 * its instructions), where an optimizer keeps values on the operand stack.
 * A function "looks like -O0" when it has at least O0_MIN_INSTRUCTIONS
 * and O0_LOCAL_PERCENT of them are local.*; the build looks unoptimized
 * when such functions hold O0_CODE_PERCENT of the code.  The thresholds
 * separate the -O0 and -O2 builds of samples/hello.c (58-69% against at
 * most 50% in functions that size) and flag nothing in the development
 * corpus of release builds.  The counts come from the parse.
 */
#include "findings_impl.h"

enum {
	O0_MIN_INSTRUCTIONS = 16,
	O0_LOCAL_PERCENT = 55,
	O0_CODE_PERCENT = 5,
};

int
ws_find_build_mode(struct ws_build_mode *b, const struct ws_analysis *a,
    struct ws_diag *diag)
{
	const struct ws_module *m = a->m;

	(void)diag;
	for (uint32_t i = m->nfunc_imports; i < m->funcs.n; i++) {
		const struct ws_func *f = &m->funcs.v[i];
		uint64_t size = a->attrib.items[f->entry].size;

		b->instructions += f->instructions;
		b->local_ops += f->local_ops;
		b->code_bytes += size;
		if (f->instructions >= O0_MIN_INSTRUCTIONS &&
		    (uint64_t)f->local_ops * 100 >=
		    (uint64_t)f->instructions * O0_LOCAL_PERCENT) {
			b->o0_functions++;
			b->o0_bytes += size;
		}
	}
	b->unoptimized = b->code_bytes > 0 &&
	    b->o0_bytes * 100 >= b->code_bytes * O0_CODE_PERCENT;
	return 0;
}

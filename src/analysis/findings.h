/* SPDX-License-Identifier: MIT */
/*
 * findings.h - what is in a module that need not be, with the bytes it
 * costs: debug information, panic machinery, duplicate function bodies,
 * zero-filled data, and signs of an unoptimized build; plus the toolchain
 * that built it, for the advice that follows.
 */
#ifndef WS_FINDINGS_H
#define WS_FINDINGS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "toolchain.h"
#include "wasm/diag.h"

/* Custom sections that carry debug information or linker leftovers. */
struct ws_debuginfo {
	uint64_t	 dwarf;		/* .debug_* sections, whole */
	size_t		 ndwarf;
	uint64_t	 names;		/* the name section, whole */
	uint64_t	 source_map;	/* sourceMappingURL */
	uint64_t	 external;	/* external_debug_info */
	uint64_t	 producers;
	uint64_t	 features;	/* target_features */
	uint64_t	 linking;	/* linking and reloc.* */
	uint64_t	 total;		/* all of the above */
};

/*
 * Adds m's debug-info and linker custom sections to d (which the caller
 * zeroes once: several modules may add up into one).
 */
void	ws_findings_debuginfo(struct ws_debuginfo *d, const struct ws_module *m);

/* One group of functions with byte-identical bodies and the same type. */
struct ws_dup_group {
	uint32_t	*items;		/* the copies, in file order */
	uint32_t	 count;
	uint64_t	 size;		/* of one copy (its item) */
};

struct ws_panic {
	uint32_t	*items;		/* functions that report panics and abort */
	size_t		 n;
	uint64_t	 own;		/* their shallow bytes */
	uint64_t	 snip;		/* bytes that replacing their bodies with
					   `unreachable` would let go */
	uint64_t	 snip_fmt;	/* of which core::fmt */
	size_t		 messages;	/* panic message strings in data */
	uint64_t	 message_bytes;
};

struct ws_data_finding {
	uint64_t	 active;	/* bytes of active segment contents */
	uint64_t	 zero_runs;	/* zeros in runs of ZERO_RUN or more */
	size_t		 nzero_runs;
	uint64_t	 trailing_zeros; /* at the ends of active segments */
};

struct ws_build_mode {
	uint64_t	 instructions;
	uint64_t	 local_ops;	/* local.get, local.set, local.tee */
	uint32_t	 o0_functions;	/* functions that look like -O0 code */
	uint64_t	 o0_bytes;	/* their bytes */
	uint64_t	 code_bytes;	/* all function bodies */
	int		 unoptimized;	/* the heuristic's verdict */
};

struct ws_findings {
	struct ws_toolchain	 toolchain;
	struct ws_debuginfo	 debug;
	struct ws_panic		 panic;
	struct ws_dup_group	*dups;	/* largest savings first */
	size_t			 ndups;
	uint64_t		 dup_savings;
	uint32_t		*dup_members;
	struct ws_data_finding	 data;
	struct ws_build_mode	 build;
};

/* Zero runs shorter than this are not worth a segment of their own. */
#define WS_ZERO_RUN 16

/*
 * Computes the findings for a.  Returns 0, or -1 on OOM (in diag); free
 * with ws_findings_free() either way.
 */
int	ws_findings_build(struct ws_findings *, const struct ws_analysis *a,
	    struct ws_diag *);

void	ws_findings_free(struct ws_findings *);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * monos.h - monomorphization bloat: functions that are copies of one
 * generic function (Rust and C++), found by their demangled names with the
 * generic arguments (and C++ parameter lists) taken out.
 */
#ifndef WS_MONOS_H
#define WS_MONOS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "strbuf.h"
#include "wasm/diag.h"

struct ws_mono_group {
	struct ws_str	 generic;	/* the name without generic arguments */
	uint32_t	*items;		/* the copies, largest first */
	uint32_t	 count;
	uint64_t	 total;		/* bytes of all copies */
	uint64_t	 savings;	/* total minus the largest copy */
};

struct ws_monos {
	struct ws_mono_group *groups;	/* largest savings first */
	size_t		 n;
	uint32_t	*members;	/* storage for every group's items */
	struct ws_strbuf names;
};

/*
 * Groups the functions of a whose names were mangled (Rust, C++) by generic
 * name; keeps groups of two or more copies.  Returns 0, or -1 on OOM (in diag); free with
 * ws_monos_free() either way.
 */
int	ws_monos_find(struct ws_monos *, const struct ws_analysis *a,
	    struct ws_diag *);

void	ws_monos_free(struct ws_monos *);

/*
 * The generic form of a demangled name into out (at most len bytes, which
 * must be at least the name's length + 1): <...> groups that follow a
 * name are dropped ("Vec<u8>::push" -> "Vec::push", "drop_in_place::<T>"
 * -> "drop_in_place"), as is a C++ parameter list at the end; Rust's
 * "<impl Trait for T>" segments stay, and "->" inside arguments is not a
 * bracket.  Returns the length written.
 */
size_t	ws_mono_generic(const char *name, size_t n, char *out, size_t len);

#endif

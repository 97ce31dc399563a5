/* SPDX-License-Identifier: MIT */
/*
 * dwarf_crates.h - the Rust crate of functions whose names carry no path
 * (#[no_mangle] functions, allocator shims), read off the DWARF line
 * information of their first instruction: the crate of the source file's
 * package root (the standard library's library/CRATE/, a registry
 * crate's NAME-VERSION/, vendor/NAME/), else of the compile unit
 * (rustc names units "PATH/@/CRATE.HASH-cgu.N").
 */
#ifndef WS_DWARF_CRATES_H
#define WS_DWARF_CRATES_H

#include "analysis.h"
#include "wasm/dwarf_line.h"

struct ws_dwarf_crates {
	struct ws_dwarf_lines	 lines;
	struct ws_str		*of_item;	/* per item; len 0: none */
};

/*
 * Finds the crate of each function item i of a with want[i] set.  A
 * module without DWARF lines gives none.  Returns 0, or -1 with diag set
 * when memory runs out.  Free with ws_dwarf_crates_free() either way;
 * the names point into it and into a's file.
 */
int	ws_dwarf_crates_build(struct ws_dwarf_crates *,
	    const struct ws_analysis *a, const uint8_t *want,
	    struct ws_diag *diag);

void	ws_dwarf_crates_free(struct ws_dwarf_crates *);

/* The crate a source path names by its package root, or len 0. */
struct ws_str ws_crate_of_path(const char *path, size_t len);

/* The crate in a rustc compile unit's name, "PATH/@/CRATE.HASH-cgu.N". */
struct ws_str ws_crate_of_unit(const char *name, size_t len);

#endif

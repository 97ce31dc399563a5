/* SPDX-License-Identifier: MIT */
/*
 * sources.h - code bytes by source file, from the DWARF line programs.
 * Each byte of the code section's payload goes to the file (and compile
 * unit) of the line-table row that covers it, or to no file; the files
 * then roll up into directories for the report.
 *
 * The total is the code section's payload (what follows its size field,
 * which is also what DWARF addresses count from): covered + uncovered ==
 * code_size.  In attrib's terms that is the code section's function items
 * plus its overhead item less the id byte and size field; the uncovered
 * bytes always include the function count and each body's size field,
 * which no row covers.
 */
#ifndef WS_SOURCES_H
#define WS_SOURCES_H

#include <stddef.h>
#include <stdint.h>

#include "wasm/diag.h"
#include "wasm/dwarf_line.h"
#include "wasm/module.h"

/* How files roll up (ws_sources_build's depth). */
enum {
	WS_SOURCES_AUTO = -1,	/* package roots; other files alone */
	WS_SOURCES_FILES = 0	/* every file alone */
				/* N > 0: the first N path components */
};

/* A source file that produced code. */
struct ws_source_file {
	const char	*path;		/* any bytes; not NUL-terminated */
	size_t		 len;
	uint32_t	 file;		/* in lines.files */
	uint64_t	 size;
	size_t		 units, nunits;	/* unit_list[units ...]: the units
					   whose rows gave it bytes */
};

/* A row of the report: one file, or a directory standing for several. */
struct ws_source_group {
	const char	*path;		/* a directory's ends in '/' */
	size_t		 len;
	uint64_t	 size;
	uint32_t	 files;		/* files with code under it */
	uint8_t		 dir;
};

struct ws_sources {
	struct ws_dwarf_lines	 lines;
	int			 depth;
	uint64_t		 code_size;	/* the code section's payload */
	uint64_t		 bodies_size;	/* its function bodies, without
						   their size fields */
	uint64_t		 covered;	/* bytes a row covers */
	uint64_t		*unit_size;	/* per lines.units */
	struct ws_source_file	*files;		/* size descending, then path */
	size_t			 nfiles;
	uint32_t		*unit_list;
	struct ws_source_group	*groups;	/* size descending, then path */
	size_t			 ngroups;
	char			*text;		/* the groups' paths */
};

/*
 * Maps the code bytes of m to source files and rolls the files up: with
 * depth WS_SOURCES_AUTO, a file under a package root that a toolchain
 * lays out becomes that root --
 *     .../.cargo/registry/src/INDEX/NAME-VERSION/
 *     .../.cargo/git/checkouts/REPO/REV/
 *     .../rustc/HASH/library/CRATE/, .../rustc-VERSION/library/CRATE/,
 *         .../rust/library/CRATE/ (the Rust standard library)
 *     .../vendor/NAME/
 *     .../include/c++/VERSION/
 * -- and any other file stays alone; with WS_SOURCES_FILES every file
 * stays alone; with N > 0 a file becomes its first N components (a file
 * with fewer directories stays alone).
 *
 * Where rows of different sequences cover the same byte, it goes to the
 * row that starts lowest (of equal starts, the first in .debug_line), so
 * every byte counts once.  m must outlive the result.  Returns 0 (DWARF
 * problems are notes in lines), or -1 with the error in diag on OOM.
 * Free with ws_sources_free() either way.
 */
int	ws_sources_build(struct ws_sources *, const struct ws_module *m,
	    int depth, struct ws_diag *);

void	ws_sources_free(struct ws_sources *);

#endif

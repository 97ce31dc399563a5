/* SPDX-License-Identifier: MIT */
/*
 * dwarf_line.h - the DWARF line programs of a module (.debug_line, DWARF 2
 * to 5, 32-bit format), decoded into the ranges of the code section that
 * each source file and compile unit produced.  .debug_info and
 * .debug_abbrev give each program's compile unit (DW_AT_name,
 * DW_AT_comp_dir); .debug_str, .debug_line_str and .debug_str_offsets give
 * strings.
 *
 * Wasm DWARF addresses are offsets from the start of the code section's
 * payload (the byte after its size field), so the ranges are too.
 *
 * Debug information is a courtesy: a problem in it becomes a note with its
 * byte offset, and decoding goes on with what decoded.  Only running out of
 * memory fails.  Nothing is read outside the sections given, and nothing
 * is allocated before the bytes that would describe it have been seen.
 */
#ifndef WS_DWARF_LINE_H
#define WS_DWARF_LINE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "module.h"
#include "reader.h"

/* The sections the decoder reads: spans into the file; len 0 if absent. */
struct ws_dwarf_sections {
	struct ws_span	 code;		/* the code section's payload */
	struct ws_span	 line, info, abbrev, str, line_str, str_offsets;
	int		 has_line;	/* a .debug_line section exists */
};

/* One line program, and the compile unit whose DW_AT_stmt_list names it. */
struct ws_dwarf_unit {
	size_t		 offset;	/* of the program, in .debug_line */
	uint16_t	 version;	/* of the program's header */
	uint8_t		 has_cu;	/* a compile unit names it */
	struct ws_span	 name;		/* its DW_AT_name; len 0: none */
	struct ws_span	 comp_dir;	/* its DW_AT_comp_dir; len 0: none */
};

/*
 * A source file, by its path: the file name joined to its directory and,
 * when that is relative, to the unit's compilation directory, then
 * normalized lexically ("." and empty components dropped, ".." applied).
 * The same path from several units is one file.
 */
struct ws_dwarf_file {
	size_t		 off, len;	/* of the path, in ws_dwarf_lines.text */
};

/* The bytes [start, end) of the code section's payload, from one row. */
struct ws_dwarf_range {
	uint32_t	 start, end;
	uint32_t	 file;		/* index into files */
	uint32_t	 unit;		/* index into units */
};

#define WS_DWARF_MAX_NOTES 16

struct ws_dwarf_lines {
	int		 present;	/* the module has a .debug_line */
	WS_VEC(struct ws_dwarf_unit)	units;	/* in .debug_line order */
	WS_VEC(struct ws_dwarf_file)	files;	/* in order of first use */
	/*
	 * Every row's range, in .debug_line order, adjacent rows of one file
	 * merged.  None is empty or reaches past the code payload.  Sequences
	 * that start at a tombstone (0xffffffff, 0xfffffffe, or 0 from older
	 * linkers; address 0 is the function count, never code) or at or past
	 * the end of the code payload are left out, as are rows whose file
	 * index is out of range.  Ranges of different sequences may overlap.
	 */
	WS_VEC(struct ws_dwarf_range)	ranges;
	char		*text;		/* the files' paths, not NUL-separated */
	size_t		 ntext, captext;
	struct ws_diag	 notes[WS_DWARF_MAX_NOTES];
	size_t		 nnotes;	/* may exceed WS_DWARF_MAX_NOTES */
};

/*
 * Decodes the line programs of m: its code section and the first custom
 * section of each name above.  Returns 0 (problems in the DWARF are
 * notes), or -1 with the error in diag when memory runs out.  Free with
 * ws_dwarf_lines_free() either way.  The result points into m's file.
 */
int	ws_dwarf_lines_decode(struct ws_dwarf_lines *, const struct ws_module *m,
	    struct ws_diag *);

/*
 * The same, from sections given as spans of the bytes at base (the unit
 * tests build them by hand).
 */
int	ws_dwarf_lines_decode_sections(struct ws_dwarf_lines *,
	    const uint8_t *base, const struct ws_dwarf_sections *,
	    struct ws_diag *);

void	ws_dwarf_lines_free(struct ws_dwarf_lines *);

#endif

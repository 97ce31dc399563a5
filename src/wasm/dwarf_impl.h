/* SPDX-License-Identifier: MIT */
/*
 * dwarf_impl.h - what the files of the DWARF decoder share; private to
 * src/wasm/dwarf_*.c.  dwarf_form.c reads values and strings, dwarf_info.c
 * the compile units, dwarf_path.c the source files, and dwarf_line.c runs
 * the line programs with all three.
 */
#ifndef WS_DWARF_IMPL_H
#define WS_DWARF_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "dwarf_line.h"
#include "module.h"
#include "reader.h"

/* Attribute forms: DWARF 5, section 7.5.6, and GNU's. */
enum {
	DW_FORM_addr = 0x01, DW_FORM_block2 = 0x03, DW_FORM_block4 = 0x04,
	DW_FORM_data2 = 0x05, DW_FORM_data4 = 0x06, DW_FORM_data8 = 0x07,
	DW_FORM_string = 0x08, DW_FORM_block = 0x09, DW_FORM_block1 = 0x0a,
	DW_FORM_data1 = 0x0b, DW_FORM_flag = 0x0c, DW_FORM_sdata = 0x0d,
	DW_FORM_strp = 0x0e, DW_FORM_udata = 0x0f, DW_FORM_ref_addr = 0x10,
	DW_FORM_ref1 = 0x11, DW_FORM_ref2 = 0x12, DW_FORM_ref4 = 0x13,
	DW_FORM_ref8 = 0x14, DW_FORM_ref_udata = 0x15, DW_FORM_indirect = 0x16,
	DW_FORM_sec_offset = 0x17, DW_FORM_exprloc = 0x18,
	DW_FORM_flag_present = 0x19, DW_FORM_strx = 0x1a, DW_FORM_addrx = 0x1b,
	DW_FORM_ref_sup4 = 0x1c, DW_FORM_strp_sup = 0x1d, DW_FORM_data16 = 0x1e,
	DW_FORM_line_strp = 0x1f, DW_FORM_ref_sig8 = 0x20,
	DW_FORM_implicit_const = 0x21, DW_FORM_loclistx = 0x22,
	DW_FORM_rnglistx = 0x23, DW_FORM_ref_sup8 = 0x24, DW_FORM_strx1 = 0x25,
	DW_FORM_strx2 = 0x26, DW_FORM_strx3 = 0x27, DW_FORM_strx4 = 0x28,
	DW_FORM_addrx1 = 0x29, DW_FORM_addrx2 = 0x2a, DW_FORM_addrx3 = 0x2b,
	DW_FORM_addrx4 = 0x2c, DW_FORM_GNU_addr_index = 0x1f01,
	DW_FORM_GNU_str_index = 0x1f02, DW_FORM_GNU_ref_alt = 0x1f20,
	DW_FORM_GNU_strp_alt = 0x1f21
};

/* What a form's value is, once read. */
enum val_kind { VAL_OTHER, VAL_NUM, VAL_STR, VAL_STRP, VAL_LINE_STRP,
	VAL_STRX };

struct fval {
	uint8_t		 kind;
	uint64_t	 u;	/* NUM: the number; STRP and LINE_STRP: the
				   offset; STRX: the index */
	struct ws_span	 s;	/* STR: the string, without its NUL */
	size_t		 at;	/* file offset of the value */
};

/* What a form's size depends on. */
struct fctx {
	unsigned	 version, addr_size;
	int		 has_implicit;	/* in an abbreviation: implicit_const */
	int64_t		 implicit;
};

/* A compile unit that names a line program. */
struct cu {
	uint64_t	 stmt_list;
	size_t		 index;		/* in .debug_info order */
	struct ws_span	 name, comp_dir;
	uint64_t	 str_offsets_base;
	int		 has_base;
};

/* A file entry of the program being run. */
#define FILE_UNRESOLVED	UINT32_MAX
#define FILE_BAD	(UINT32_MAX - 1)
struct fent {
	struct ws_span	 name;
	uint64_t	 dir;
	uint32_t	 id;		/* in files, or one of the above */
};

/* One decode of the sections s into out: what its parts share. */
struct ctx {
	const uint8_t			*base;
	const struct ws_dwarf_sections	*s;
	struct ws_dwarf_lines		*out;
	int				 oom;
	WS_VEC(struct cu)		 cus;	/* sorted by stmt_list */
	size_t				 next_cu;	/* cursor into cus */
	WS_VEC(struct ws_span)		 dirs;	/* of the current program */
	WS_VEC(struct fent)		 fents;
	uint32_t			*slots;	/* path → file id + 1 */
	size_t				 nslots;
	char				*tmp;	/* a path being built */
	size_t				 captmp;
	/* What may still be spent, in bytes, proportional to the input: */
	size_t				 path_budget;	/* building paths */
	size_t				 scan_budget;	/* finding strings */
	size_t				 abbrev_budget;	/* searching
							   abbreviations */
	int				 noted_budget, noted_scan;
};

/* One line program's header, and what its rows have noted. */
struct prog {
	size_t		 off;		/* in .debug_line */
	uint32_t	 unit;
	unsigned	 version, addr_size;
	uint8_t		 min_inst, max_ops, line_range, opcode_base;
	const uint8_t	*std_lens;	/* opcode_base - 1 of them */
	const struct cu	*cu;
	struct ws_span	 comp_dir;
	int		 noted_file, noted_back, noted_past, noted_out,
			 noted_dir;
};

/* --- dwarf_form.c: numbers, forms, strings, notes ------------------------ */

/*
 * Notes a problem in the DWARF at file offset `offset`: the first
 * WS_DWARF_MAX_NOTES are kept in c->out, all are counted.
 */
void	ws_dwarf_note(struct ctx *c, size_t offset, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* Notes a reader's first error, if it has one. */
void	ws_dwarf_note_diag(struct ctx *c, const struct ws_diag *d);

/*
 * Sets r to read section sec from its offset off (at most sec.len) to its
 * end, its errors into d, its context `where`.
 */
void	ws_dwarf_sec_reader(const struct ctx *c, struct ws_reader *r,
	    struct ws_span sec, size_t off, struct ws_diag *d,
	    const char *where);

/*
 * The string a form's value names, from the value itself, .debug_str,
 * .debug_line_str, or for DW_FORM_strx .debug_str_offsets from base (if
 * has_base).  The bytes scanned are charged to c->scan_budget.  Returns
 * 0, or -1 after a note.
 */
int	ws_dwarf_resolve_str(struct ctx *c, const struct fval *v, int has_base,
	    uint64_t base, const char *what, struct ws_span *out);

/*
 * The readers below return 0, r past what they read, or -1 with the error
 * in r's diag.
 */

/* n bytes, little-endian (n at most 8). */
int	ws_dwarf_read_le(struct ws_reader *r, size_t n, uint64_t *out,
	    const char *what);

/* Unsigned LEB128 of any length; bits beyond the 64th must be zero. */
int	ws_dwarf_uleb(struct ws_reader *r, uint64_t *out, const char *what);

/* Skips a signed LEB128. */
int	ws_dwarf_skip_sleb(struct ws_reader *r, const char *what);

/* A NUL-terminated string: *out spans it in the file, without its NUL. */
int	ws_dwarf_read_cstr(struct ws_reader *r, struct ws_span *out,
	    const char *what);

/*
 * One attribute value of the given form (32-bit DWARF); strings are not
 * looked up (ws_dwarf_resolve_str() does that).
 */
int	ws_dwarf_read_form(struct ws_reader *r, uint64_t form,
	    const struct fctx *fc, struct fval *v);

/* --- dwarf_info.c: compile units ----------------------------------------- */

/*
 * Fills c->cus with every compile unit of .debug_info that names a line
 * program, sorted by that offset; of two naming the same one, the first in
 * .debug_info stays.  Problems are noted; running out of memory sets
 * c->oom.  Searching .debug_abbrev is charged to c->abbrev_budget.
 */
void	ws_dwarf_read_units(struct ctx *c);

/* --- dwarf_path.c: source files ------------------------------------------ */

/*
 * The file that a row's file register idx names in program p: its entry
 * in c->fents is resolved to a path and interned in c->out->files on first
 * use (building paths is charged to c->path_budget).  Returns 0 and its id,
 * 1 when idx names no usable entry (noted), or -1 on OOM.
 */
int	ws_dwarf_file_id(struct ctx *c, struct prog *p, uint64_t idx, size_t at,
	    uint32_t *id);

#endif

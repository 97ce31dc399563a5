/* SPDX-License-Identifier: MIT */
/*
 * dwarf_line.c - DWARF line programs to ranges of the code section: the
 * first DIE of each compile unit (DW_AT_stmt_list, DW_AT_name,
 * DW_AT_comp_dir), then each program's state machine, row by row.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarf_line.h"
#include "hash.h"
#include "vec.h"

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

enum {
	DW_AT_name = 0x03, DW_AT_stmt_list = 0x10, DW_AT_comp_dir = 0x1b,
	DW_AT_str_offsets_base = 0x72,
	DW_TAG_compile_unit = 0x11, DW_TAG_partial_unit = 0x3c,
	DW_TAG_skeleton_unit = 0x4a,
	DW_UT_compile = 1, DW_UT_type = 2, DW_UT_partial = 3,
	DW_UT_skeleton = 4, DW_UT_split_compile = 5, DW_UT_split_type = 6,
	DW_LNCT_path = 1, DW_LNCT_directory_index = 2
};

enum {
	DW_LNS_copy = 1, DW_LNS_advance_pc, DW_LNS_advance_line,
	DW_LNS_set_file, DW_LNS_set_column, DW_LNS_negate_stmt,
	DW_LNS_set_basic_block, DW_LNS_const_add_pc, DW_LNS_fixed_advance_pc,
	DW_LNS_set_prologue_end, DW_LNS_set_epilogue_begin, DW_LNS_set_isa,
	DW_LNE_end_sequence = 1, DW_LNE_set_address, DW_LNE_define_file
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

/* The open sequence of a program: its last row. */
struct seq {
	int		 open, skip;
	uint64_t	 addr, file;
};

static void __attribute__((format(printf, 3, 4)))
note(struct ctx *c, size_t offset, const char *fmt, ...)
{
	struct ws_dwarf_lines *l = c->out;
	va_list	 ap;

	if (l->nnotes < WS_DWARF_MAX_NOTES) {
		struct ws_diag *d = &l->notes[l->nnotes];

		d->code = WS_ERR_MALFORMED;
		d->offset = offset;
		va_start(ap, fmt);
		vsnprintf(d->text, sizeof d->text, fmt, ap);
		va_end(ap);
	}
	l->nnotes++;
}

/* A reader's first error, as a note. */
static void
note_diag(struct ctx *c, const struct ws_diag *d)
{
	if (d->code != WS_OK)
		note(c, d->offset, "%s", d->text);
}

/* A reader over section sec from its offset off (at most sec.len). */
static void
sec_reader(const struct ctx *c, struct ws_reader *r, struct ws_span sec,
    size_t off, struct ws_diag *d, const char *where)
{
	ws_reader_init(r, c->base, sec.off + sec.len, d);
	r->pos = c->base + sec.off + off;
	r->ctx = where;
}

/* n bytes, little-endian (n at most 8). */
static int
read_le(struct ws_reader *r, size_t n, uint64_t *out, const char *what)
{
	uint64_t	 v = 0;

	if (ws_reader_left(r) < n)
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: unexpected end", what);
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)r->pos[i] << (8 * i);
	r->pos += n;
	*out = v;
	return 0;
}

/*
 * Unsigned LEB128.  DWARF allows padding, so any length is read; bits
 * beyond the 64th must be zero.
 */
static int
uleb(struct ws_reader *r, uint64_t *out, const char *what)
{
	const uint8_t	*p = r->pos;
	uint64_t	 v = 0;
	unsigned	 shift = 0;
	uint8_t		 b;

	do {
		if (p == r->end)
			return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
			    "%s: truncated LEB128", what);
		b = *p++;
		if (shift < 64) {
			if (shift == 63 && (b & 0x7e) != 0)
				return ws_fail(r, r->pos, WS_ERR_LEB,
				    "%s: LEB128 exceeds 64 bits", what);
			v |= (uint64_t)(b & 0x7f) << shift;
			shift += 7;
		} else if ((b & 0x7f) != 0) {
			return ws_fail(r, r->pos, WS_ERR_LEB,
			    "%s: LEB128 exceeds 64 bits", what);
		}
	} while (b & 0x80);
	r->pos = p;
	*out = v;
	return 0;
}

/* Signed LEB128, only skipped: no value of one matters here. */
static int
skip_sleb(struct ws_reader *r, const char *what)
{
	const uint8_t	*p = r->pos;

	do {
		if (p == r->end)
			return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
			    "%s: truncated LEB128", what);
	} while (*p++ & 0x80);
	r->pos = p;
	return 0;
}

static int
read_cstr(struct ws_reader *r, struct ws_span *out, const char *what)
{
	const uint8_t	*nul = memchr(r->pos, 0, ws_reader_left(r));

	if (nul == NULL)
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: unterminated string", what);
	out->off = ws_reader_offset(r);
	out->len = (size_t)(nul - r->pos);
	r->pos = nul + 1;
	return 0;
}

/*
 * The string at offset off of section sec, or a note and -1.  Many
 * references to one long string could make finding its end quadratic, so
 * the bytes scanned are charged to a budget proportional to the input.
 */
static int
sec_string(struct ctx *c, struct ws_span sec, const char *secname,
    uint64_t off, size_t at, const char *what, struct ws_span *out)
{
	const uint8_t	*p, *nul;
	size_t		 n;

	if (off >= sec.len) {
		note(c, at, "%s: offset 0x%" PRIx64 " is past the end of %s "
		    "(%zu bytes)", what, off, secname, sec.len);
		return -1;
	}
	p = c->base + sec.off + off;
	n = sec.len - (size_t)off;
	if ((nul = memchr(p, 0, n < c->scan_budget ? n : c->scan_budget)) ==
	    NULL && n > c->scan_budget) {
		if (!c->noted_scan++)
			note(c, at, "%s: strings looked up too often: the rest "
			    "are left out", what);
		c->scan_budget = 0;
		return -1;
	}
	if (nul == NULL) {
		note(c, at, "%s: the string at 0x%" PRIx64 " of %s is not "
		    "terminated", what, off, secname);
		return -1;
	}
	c->scan_budget -= (size_t)(nul - p) + 1;
	out->off = sec.off + (size_t)off;
	out->len = (size_t)(nul - p);
	return 0;
}

/*
 * The string a form's value names (str_offsets_base, if has_base, for
 * DW_FORM_strx).  Returns 0, or -1 after a note.
 */
static int
resolve_str(struct ctx *c, const struct fval *v, int has_base, uint64_t base,
    const char *what, struct ws_span *out)
{
	struct ws_span	 so = c->s->str_offsets;
	uint64_t	 off;
	const uint8_t	*p;

	switch (v->kind) {
	case VAL_STR:
		*out = v->s;
		return 0;
	case VAL_STRP:
		return sec_string(c, c->s->str, ".debug_str", v->u, v->at, what,
		    out);
	case VAL_LINE_STRP:
		return sec_string(c, c->s->line_str, ".debug_line_str", v->u,
		    v->at, what, out);
	case VAL_STRX:
		if (!has_base) {
			note(c, v->at, "%s: a string index, but no "
			    "DW_AT_str_offsets_base", what);
			return -1;
		}
		if (base > so.len || v->u > (so.len - base) / 4 ||
		    so.len - base - v->u * 4 < 4) {
			note(c, v->at, "%s: string index %" PRIu64 " is past "
			    "the end of .debug_str_offsets", what, v->u);
			return -1;
		}
		p = c->base + so.off + base + v->u * 4;
		off = (uint64_t)p[0] | (uint64_t)p[1] << 8 |
		    (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
		return sec_string(c, c->s->str, ".debug_str", off, v->at, what,
		    out);
	default:
		note(c, v->at, "%s: not a string", what);
		return -1;
	}
}

/*
 * Reads one attribute value of the given form (32-bit DWARF).  Strings
 * are not looked up here (resolve_str does that).  Returns 0, or -1 with
 * the error in the reader's diag.
 */
static int
read_form(struct ws_reader *r, uint64_t form, const struct fctx *fc,
    struct fval *v)
{
	uint64_t	 n;
	size_t		 fixed = 0;

	memset(v, 0, sizeof *v);
	v->at = ws_reader_offset(r);
	while (form == DW_FORM_indirect)	/* each costs a byte */
		if (uleb(r, &form, "indirect form") != 0)
			return -1;
	switch (form) {
	case DW_FORM_flag_present:
		v->kind = VAL_NUM;
		v->u = 1;
		return 0;
	case DW_FORM_implicit_const:
		if (!fc->has_implicit)
			return ws_fail(r, r->pos, WS_ERR_MALFORMED,
			    "DW_FORM_implicit_const outside an abbreviation");
		v->kind = VAL_NUM;
		v->u = (uint64_t)fc->implicit;
		return 0;
	case DW_FORM_string:
		v->kind = VAL_STR;
		return read_cstr(r, &v->s, "string");
	case DW_FORM_udata: case DW_FORM_ref_udata: case DW_FORM_addrx:
	case DW_FORM_loclistx: case DW_FORM_rnglistx:
	case DW_FORM_GNU_addr_index: case DW_FORM_GNU_str_index:
		v->kind = VAL_NUM;
		return uleb(r, &v->u, "attribute value");
	case DW_FORM_strx:
		v->kind = VAL_STRX;
		return uleb(r, &v->u, "string index");
	case DW_FORM_sdata:
		return skip_sleb(r, "attribute value");
	case DW_FORM_block: case DW_FORM_exprloc:
		if (uleb(r, &n, "block length") != 0)
			return -1;
		return ws_read_skip(r, n > SIZE_MAX ? SIZE_MAX : (size_t)n,
		    "block");
	case DW_FORM_block1: case DW_FORM_block2: case DW_FORM_block4:
		if (read_le(r, form == DW_FORM_block1 ? 1 : form ==
		    DW_FORM_block2 ? 2 : 4, &n, "block length") != 0)
			return -1;
		return ws_read_skip(r, (size_t)n, "block");
	case DW_FORM_addr:
		fixed = fc->addr_size;
		if (fixed != 1 && fixed != 2 && fixed != 4 && fixed != 8)
			return ws_fail(r, r->pos, WS_ERR_MALFORMED,
			    "address size %zu", fixed);
		break;
	case DW_FORM_ref_addr:
		fixed = fc->version == 2 ? fc->addr_size : 4;
		if (fixed != 1 && fixed != 2 && fixed != 4 && fixed != 8)
			return ws_fail(r, r->pos, WS_ERR_MALFORMED,
			    "address size %zu", fixed);
		break;
	case DW_FORM_data1: case DW_FORM_ref1: case DW_FORM_flag:
	case DW_FORM_strx1: case DW_FORM_addrx1:
		fixed = 1;
		break;
	case DW_FORM_data2: case DW_FORM_ref2: case DW_FORM_strx2:
	case DW_FORM_addrx2:
		fixed = 2;
		break;
	case DW_FORM_strx3: case DW_FORM_addrx3:
		fixed = 3;
		break;
	case DW_FORM_data4: case DW_FORM_ref4: case DW_FORM_strx4:
	case DW_FORM_addrx4: case DW_FORM_strp: case DW_FORM_line_strp:
	case DW_FORM_sec_offset: case DW_FORM_ref_sup4:
	case DW_FORM_strp_sup: case DW_FORM_GNU_ref_alt:
	case DW_FORM_GNU_strp_alt:
		fixed = 4;
		break;
	case DW_FORM_data8: case DW_FORM_ref8: case DW_FORM_ref_sig8:
	case DW_FORM_ref_sup8:
		fixed = 8;
		break;
	case DW_FORM_data16:
		return ws_read_skip(r, 16, "DW_FORM_data16");
	default:
		return ws_fail(r, r->pos, WS_ERR_MALFORMED,
		    "form 0x%" PRIx64 " is not supported", form);
	}
	if (read_le(r, fixed, &v->u, "attribute value") != 0)
		return -1;
	switch (form) {
	case DW_FORM_strp:
		v->kind = VAL_STRP;
		break;
	case DW_FORM_line_strp:
		v->kind = VAL_LINE_STRP;
		break;
	case DW_FORM_strx1: case DW_FORM_strx2: case DW_FORM_strx3:
	case DW_FORM_strx4:
		v->kind = VAL_STRX;
		break;
	default:
		v->kind = VAL_NUM;
	}
	return 0;
}

/* --- compile units ------------------------------------------------------ */

/*
 * Charges n bytes read from .debug_abbrev to a budget proportional to the
 * input, so that many units sharing one long table stay linear.
 */
static int
charge(struct ctx *c, struct ws_reader *a, const uint8_t *start)
{
	size_t	 n = (size_t)(a->pos - start);

	if (n > c->abbrev_budget) {
		c->abbrev_budget = 0;
		return ws_fail(a, start, WS_ERR_LIMIT, "abbreviation tables "
		    "searched too often: compile units not read further");
	}
	c->abbrev_budget -= n;
	return 0;
}

/*
 * Finds abbreviation code in the table at off of .debug_abbrev: leaves a
 * positioned after its tag and children flag, at its attribute specs.
 */
static int
find_abbrev(struct ctx *c, uint64_t off, uint64_t code, struct ws_reader *a,
    uint64_t *tag)
{
	struct ws_span	 sec = c->s->abbrev;
	uint64_t	 acode, name, form;
	uint8_t		 children;

	if (off > sec.len)
		return ws_fail(a, a->pos, WS_ERR_MALFORMED, "abbreviation "
		    "offset 0x%" PRIx64 " is past the end of .debug_abbrev",
		    off);
	a->pos = c->base + sec.off + off;
	a->end = c->base + sec.off + sec.len;
	for (;;) {
		const uint8_t *start = a->pos;

		if (uleb(a, &acode, "abbreviation code") != 0)
			return -1;
		if (acode == 0)
			return ws_fail(a, start, WS_ERR_MALFORMED, "abbreviation "
			    "%" PRIu64 " not found", code);
		if (uleb(a, tag, "tag") != 0 ||
		    ws_read_u8(a, &children, "children") != 0)
			return -1;
		if (acode == code)
			return charge(c, a, start);
		do {
			if (uleb(a, &name, "attribute") != 0 ||
			    uleb(a, &form, "form") != 0 ||
			    (form == DW_FORM_implicit_const &&
			    skip_sleb(a, "implicit constant") != 0))
				return -1;
		} while (name != 0 || form != 0);
		if (charge(c, a, start) != 0)
			return -1;
	}
}

/* The first DIE of a unit, whose header has been read. */
static int
read_cu_die(struct ctx *c, struct ws_reader *u, const struct fctx *fc0,
    uint64_t abbrev_off, size_t index, const char *where)
{
	struct ws_reader a = *u;
	struct fctx	 fc = *fc0;
	struct fval	 v, name = { 0 }, dir = { 0 };
	struct cu	*cu, tmp = { 0 };
	uint64_t	 code, tag, at, form;
	int		 has_stmt = 0;

	if (uleb(u, &code, "abbreviation code") != 0)
		return -1;
	if (code == 0 || c->abbrev_budget == 0)
		return 0;
	if (find_abbrev(c, abbrev_off, code, &a, &tag) != 0)
		return -1;
	if (tag != DW_TAG_compile_unit && tag != DW_TAG_partial_unit &&
	    tag != DW_TAG_skeleton_unit)
		return 0;
	for (;;) {
		const uint8_t *start = a.pos;

		if (uleb(&a, &at, "attribute") != 0 ||
		    uleb(&a, &form, "form") != 0)
			return -1;
		if (at == 0 && form == 0)
			break;
		fc.has_implicit = form == DW_FORM_implicit_const;
		if ((fc.has_implicit && ws_read_s64(&a, &fc.implicit,
		    "implicit constant") != 0) || charge(c, &a, start) != 0)
			return -1;
		if (read_form(u, form, &fc, &v) != 0)
			return -1;
		if (at == DW_AT_name)
			name = v;
		else if (at == DW_AT_comp_dir)
			dir = v;
		else if (at == DW_AT_stmt_list && v.kind == VAL_NUM) {
			tmp.stmt_list = v.u;
			has_stmt = 1;
		} else if (at == DW_AT_str_offsets_base && v.kind == VAL_NUM) {
			tmp.str_offsets_base = v.u;
			tmp.has_base = 1;
		}
	}
	if (!has_stmt)
		return 0;
	tmp.index = index;
	if (name.kind != VAL_OTHER)
		resolve_str(c, &name, tmp.has_base, tmp.str_offsets_base,
		    where, &tmp.name);
	if (dir.kind != VAL_OTHER)
		resolve_str(c, &dir, tmp.has_base, tmp.str_offsets_base, where,
		    &tmp.comp_dir);
	if ((cu = WS_VEC_PUSH(c->cus)) == NULL) {
		c->oom = 1;
		return 0;
	}
	*cu = tmp;
	return 0;
}

/* One unit of .debug_info, its length read: the header, then the DIE. */
static int
read_cu(struct ctx *c, struct ws_reader *u, size_t index, const char *where)
{
	struct fctx	 fc = { 0 };
	uint64_t	 version = 0, type = DW_UT_compile, asz = 0, aoff = 0;

	if (read_le(u, 2, &version, "version") != 0)
		return -1;
	if (version < 2 || version > 5)
		return ws_fail(u, u->pos - 2, WS_ERR_MALFORMED, "version %"
		    PRIu64 " is not supported", version);
	if (version >= 5) {
		if (read_le(u, 1, &type, "unit type") != 0 ||
		    read_le(u, 1, &asz, "address size") != 0 ||
		    read_le(u, 4, &aoff, "abbreviation offset") != 0)
			return -1;
		if ((type == DW_UT_skeleton || type == DW_UT_split_compile) &&
		    ws_read_skip(u, 8, "unit id") != 0)
			return -1;
		if ((type == DW_UT_type || type == DW_UT_split_type) &&
		    ws_read_skip(u, 12, "type signature and offset") != 0)
			return -1;
	} else if (read_le(u, 4, &aoff, "abbreviation offset") != 0 ||
	    read_le(u, 1, &asz, "address size") != 0) {
		return -1;
	}
	if (type != DW_UT_compile && type != DW_UT_partial &&
	    type != DW_UT_skeleton)
		return 0;
	fc.version = (unsigned)version;
	fc.addr_size = (unsigned)asz;
	return read_cu_die(c, u, &fc, aoff, index, where);
}

static int
cmp_cu(const void *a, const void *b)
{
	const struct cu *x = a, *y = b;

	if (x->stmt_list != y->stmt_list)
		return x->stmt_list < y->stmt_list ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Every compile unit of .debug_info that names a line program, sorted by
 * that offset; of two naming the same one, the first in .debug_info stays.
 */
static void
read_units(struct ctx *c)
{
	struct ws_span	 sec = c->s->info;
	size_t		 off = 0, k = 0;

	for (size_t index = 0; off < sec.len && !c->oom; index++) {
		struct ws_diag	 d = { 0 };
		struct ws_reader r, u;
		uint64_t	 len = 0;
		char		 where[64];

		snprintf(where, sizeof where, ".debug_info: unit at 0x%zx",
		    off);
		sec_reader(c, &r, sec, off, &d, where);
		if (read_le(&r, 4, &len, "unit length") != 0)
			goto broken;
		if (len == 0xffffffff) {
			note(c, sec.off + off, "%s: 64-bit DWARF is not "
			    "supported", where);
			if (read_le(&r, 8, &len, "unit length") != 0 ||
			    ws_read_skip(&r, len > SIZE_MAX ? SIZE_MAX :
			    (size_t)len, "unit") != 0)
				goto broken;
			off += 12 + (size_t)len;
			continue;
		}
		if (len >= 0xfffffff0) {
			ws_fail(&r, r.pos - 4, WS_ERR_MALFORMED, "reserved unit "
			    "length 0x%" PRIx64, len);
			goto broken;
		}
		if (len > ws_reader_left(&r)) {
			ws_fail(&r, r.pos - 4, WS_ERR_TRUNCATED, "unit length %"
			    PRIu64 " runs past the end of the section (%zu "
			    "bytes left)", len, ws_reader_left(&r));
			goto broken;
		}
		ws_reader_sub(&r, (size_t)len, &u, "unit");
		off += 4 + (size_t)len;
		if (read_cu(c, &u, index, where) != 0)
			note_diag(c, &d);
		continue;
broken:		/* the units after it cannot be found */
		note_diag(c, &d);
		break;
	}
	if (c->cus.n > 1)
		qsort(c->cus.v, c->cus.n, sizeof *c->cus.v, cmp_cu);
	for (size_t i = 0; i < c->cus.n; i++)	/* the first of each offset */
		if (k == 0 || c->cus.v[k - 1].stmt_list != c->cus.v[i].stmt_list)
			c->cus.v[k++] = c->cus.v[i];
	c->cus.n = k;
}

/* --- paths ---------------------------------------------------------------- */

static int
is_sep(char ch, int win)
{
	return ch == '/' || (win && ch == '\\');
}

/* "/x", "\x", "C:/x" or "C:\x". */
static int
is_absolute(const uint8_t *p, size_t n)
{
	if (n >= 1 && (p[0] == '/' || p[0] == '\\'))
		return 1;
	return n >= 3 && ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') &&
	    p[1] == ':' && (p[2] == '/' || p[2] == '\\');
}

/*
 * Lexical normalization, in place: empty and "." components dropped, ".."
 * removing the one before it (at the root of an absolute path, itself).
 * A path that starts with a drive letter or a backslash is taken as a
 * Windows path: backslashes separate too, and become slashes.  Returns
 * the new length (the output never grows); "" becomes ".".
 */
static size_t
normalize(char *p, size_t n)
{
	int	 win = (n >= 2 && p[1] == ':' && ((p[0] | 0x20) >= 'a' &&
	    (p[0] | 0x20) <= 'z')) || (n >= 1 && p[0] == '\\');
	size_t	 i = 0, o = 0, root, s, len, last;
	int	 absolute;

	if (win && n >= 2 && p[1] == ':')
		i = o = 2;			/* keep "C:" */
	absolute = i < n && is_sep(p[i], win);
	if (absolute) {
		p[o++] = '/';
		i++;
	}
	root = o;
	while (i < n) {
		for (s = i; i < n && !is_sep(p[i], win); i++)
			continue;
		len = i - s;
		if (i < n)
			i++;
		if (len == 0 || (len == 1 && p[s] == '.'))
			continue;
		if (len == 2 && p[s] == '.' && p[s + 1] == '.') {
			for (last = o; last > root && p[last - 1] != '/'; last--)
				continue;
			if (o > root && !(o - last == 2 && p[last] == '.' &&
			    p[last + 1] == '.')) {
				o = last > root ? last - 1 : root;
				continue;
			}
			if (o == root && absolute)
				continue;
		}
		if (o > root)
			p[o++] = '/';
		memmove(p + o, p + s, len);
		o += len;
	}
	if (o == 0 && n > 0)
		p[o++] = '.';
	return o;
}

/* Doubles the path table (or makes the first). */
static int
grow_slots(struct ctx *c)
{
	size_t		 n = c->nslots ? c->nslots * 2 : 64;
	uint32_t	*slots = calloc(n, sizeof *slots);
	struct ws_dwarf_lines *l = c->out;

	if (slots == NULL)
		return -1;
	for (size_t f = 0; f < l->files.n; f++) {
		const struct ws_dwarf_file *fi = &l->files.v[f];
		size_t i = ws_hash_bytes(l->text + fi->off, fi->len) & (n - 1);

		while (slots[i] != 0)
			i = (i + 1) & (n - 1);
		slots[i] = (uint32_t)f + 1;
	}
	free(c->slots);
	c->slots = slots;
	c->nslots = n;
	return 0;
}

/* The file of path p (n bytes), added if new; -1 on OOM. */
static int
intern(struct ctx *c, const char *p, size_t n, uint32_t *id)
{
	struct ws_dwarf_lines *l = c->out;
	struct ws_dwarf_file *f;
	size_t		 i;

	if ((l->files.n + 1) * 2 > c->nslots && grow_slots(c) != 0)
		return -1;
	for (i = ws_hash_bytes(p, n) & (c->nslots - 1); c->slots[i] != 0;
	    i = (i + 1) & (c->nslots - 1)) {
		f = &l->files.v[c->slots[i] - 1];
		if (f->len == n && memcmp(l->text + f->off, p, n) == 0) {
			*id = c->slots[i] - 1;
			return 0;
		}
	}
	if (l->files.n >= UINT32_MAX - 2 || n > SIZE_MAX / 2 - l->ntext)
		return -1;
	if (l->ntext + n > l->captext) {
		size_t	 cap = l->captext ? l->captext : 1024;
		char	*t;

		while (cap < l->ntext + n)
			cap *= 2;
		if ((t = realloc(l->text, cap)) == NULL)
			return -1;
		l->text = t;
		l->captext = cap;
	}
	if ((f = WS_VEC_PUSH(l->files)) == NULL)
		return -1;
	memcpy(l->text + l->ntext, p, n);
	f->off = l->ntext;
	f->len = n;
	l->ntext += n;
	c->slots[i] = (uint32_t)(l->files.n);
	*id = (uint32_t)(l->files.n - 1);
	return 0;
}

/*
 * The path of file entry e of program p, as LLVM builds it: the name if
 * absolute; else joined to its directory; and that, when relative (and,
 * in DWARF 5, not directory 0), to the compilation directory.  DWARF 2-4
 * directory 0 is the compilation directory itself.  The compilation
 * directory is the unit's DW_AT_comp_dir, or for DWARF 5 without one,
 * directory 0.
 */
static int
resolve_file(struct ctx *c, struct prog *p, struct fent *e, size_t at)
{
	const uint8_t	*b = c->base;
	struct ws_span	 parts[3], none = { 0, 0 }, dir = none;
	size_t		 np = 0, need = 0, n = 0;
	int		 has_dir = 0;
	char		 placeholder[80];

	if (!is_absolute(b + e->name.off, e->name.len)) {
		if (p->version >= 5 ? e->dir < c->dirs.n :
		    e->dir >= 1 && e->dir - 1 < c->dirs.n) {
			dir = c->dirs.v[p->version >= 5 ? e->dir : e->dir - 1];
			has_dir = 1;
		} else if (p->version >= 5 || e->dir != 0) {
			if (!p->noted_dir++)
				note(c, at, ".debug_line: line program at 0x%zx: "
				    "directory index %" PRIu64 " is out of range "
				    "(%zu directories)", p->off, e->dir,
				    c->dirs.n);
		}
		if (!has_dir)
			parts[np++] = p->comp_dir;
		else if ((p->version >= 5 && e->dir == 0) ||
		    is_absolute(b + dir.off, dir.len))
			parts[np++] = dir;
		else {
			parts[np++] = p->comp_dir;
			parts[np++] = dir;
		}
	}
	parts[np++] = e->name;
	for (size_t i = 0; i < np; i++)
		need += parts[i].len + 1;
	if (need > c->path_budget) {
		if (!c->noted_budget++)
			note(c, at, ".debug_line: source paths take more bytes "
			    "than the debug sections could describe; the rest "
			    "are named by their entry");
		n = (size_t)snprintf(placeholder, sizeof placeholder,
		    "(file %zu of the line program at 0x%zx)",
		    (size_t)(e - c->fents.v) + (p->version < 5), p->off);
		return intern(c, placeholder, n, &e->id);
	}
	c->path_budget -= need;
	if (need > c->captmp) {
		char *t = realloc(c->tmp, need);

		if (t == NULL)
			return -1;
		c->tmp = t;
		c->captmp = need;
	}
	for (size_t i = 0; i < np; i++) {
		if (parts[i].len == 0)
			continue;
		memcpy(c->tmp + n, b + parts[i].off, parts[i].len);
		n += parts[i].len;
		c->tmp[n++] = '/';
	}
	return intern(c, c->tmp, normalize(c->tmp, n), &e->id);
}

/*
 * The file a row's file register names: 0 and its id, 1 when it names no
 * usable entry (noted), -1 on OOM.
 */
static int
file_id(struct ctx *c, struct prog *p, uint64_t idx, size_t at, uint32_t *id)
{
	uint64_t	 i = p->version >= 5 ? idx : idx - 1;
	struct fent	*e;

	if ((p->version < 5 && idx == 0) || i >= c->fents.n) {
		if (!p->noted_file++)
			note(c, at, ".debug_line: line program at 0x%zx: file "
			    "index %" PRIu64 " is out of range (%zu files)",
			    p->off, idx, c->fents.n);
		return 1;
	}
	e = &c->fents.v[i];
	if (e->id == FILE_UNRESOLVED && resolve_file(c, p, e, at) != 0)
		return -1;
	if (e->id == FILE_BAD)
		return 1;
	*id = e->id;
	return 0;
}

/* --- line programs ---------------------------------------------------------- */

/* [a, b) of file, from a row at `at`; 0, or -1 on OOM. */
static int
add_range(struct ctx *c, struct prog *p, uint64_t a, uint64_t b,
    uint64_t file, size_t at)
{
	struct ws_dwarf_lines *l = c->out;
	struct ws_dwarf_range *r;
	uint64_t	 code = c->s->code.len;
	uint32_t	 id;
	int		 rc;

	if (b < a) {
		if (!p->noted_back++)
			note(c, at, ".debug_line: line program at 0x%zx: the "
			    "address goes back from 0x%" PRIx64 " to 0x%" PRIx64,
			    p->off, a, b);
		return 0;
	}
	if (a == b)
		return 0;
	if (a >= code) {
		if (!p->noted_out++)
			note(c, at, ".debug_line: line program at 0x%zx: "
			    "address 0x%" PRIx64 " is past the end of the code "
			    "section (0x%" PRIx64 " bytes): rows ignored",
			    p->off, a, code);
		return 0;
	}
	if (b > code) {
		if (!p->noted_past++)
			note(c, at, ".debug_line: line program at 0x%zx: a row "
			    "runs past the end of the code section, to 0x%"
			    PRIx64 ": cut there", p->off, b);
		b = code;
	}
	if ((rc = file_id(c, p, file, at, &id)) != 0)
		return rc < 0 ? -1 : 0;
	if (l->ranges.n > 0) {
		r = &l->ranges.v[l->ranges.n - 1];
		if (r->unit == p->unit && r->file == id && r->end == a) {
			r->end = (uint32_t)b;
			return 0;
		}
	}
	if ((r = WS_VEC_PUSH(l->ranges)) == NULL)
		return -1;
	*r = (struct ws_dwarf_range){ (uint32_t)a, (uint32_t)b, id, p->unit };
	return 0;
}

static int
is_tombstone(uint64_t addr)
{
	return addr == 0 || addr == 0xffffffff || addr == 0xfffffffe ||
	    addr == UINT64_MAX || addr == UINT64_MAX - 1;
}

/*
 * A row: it closes the range of the row before it.  A sequence that
 * starts at a tombstone, or past the code, is skipped to its end.
 */
static int
row(struct ctx *c, struct prog *p, struct seq *s, uint64_t addr,
    uint64_t file, int end, size_t at)
{
	if (!s->open) {
		if (end)
			return 0;
		s->open = 1;
		s->skip = is_tombstone(addr);
		if (!s->skip && addr >= c->s->code.len) {
			s->skip = 1;
			if (!p->noted_out++)
				note(c, at, ".debug_line: line program at 0x%zx: "
				    "a sequence starts at 0x%" PRIx64 ", past the "
				    "end of the code section (0x%zx bytes): "
				    "ignored", p->off, addr, c->s->code.len);
		}
	} else if (!s->skip && add_range(c, p, s->addr, addr, s->file,
	    at) != 0) {
		return -1;
	}
	s->addr = addr;
	s->file = file;
	if (end)
		s->open = 0;
	return 0;
}

static void
advance(const struct prog *p, uint64_t *addr, uint64_t *op_index, uint64_t n)
{
	if (p->max_ops == 1) {
		*addr += p->min_inst * n;
		return;
	}
	*addr += p->min_inst * ((*op_index + n) / p->max_ops);
	*op_index = (*op_index + n) % p->max_ops;
}

/* One extended opcode (after its 0 byte). */
static int
extended(struct ctx *c, struct ws_reader *r, struct prog *p, struct seq *s,
    uint64_t *addr, uint64_t *op_index, uint64_t *file, size_t at)
{
	struct ws_reader e;
	struct ws_span	 name;
	struct fent	*f;
	uint64_t	 len, dir, skip;
	uint8_t		 sub;
	size_t		 n;

	if (uleb(r, &len, "extended opcode length") != 0 ||
	    ws_reader_sub(r, len > SIZE_MAX ? SIZE_MAX : (size_t)len, &e,
	    "extended opcode") != 0 || ws_read_u8(&e, &sub,
	    "extended opcode") != 0)
		return 1;
	switch (sub) {
	case DW_LNE_end_sequence:
		if (row(c, p, s, *addr, *file, 1, at) != 0)
			return -1;
		*addr = *op_index = 0;
		*file = 1;
		break;
	case DW_LNE_set_address:
		n = ws_reader_left(&e);
		if (n != 1 && n != 2 && n != 4 && n != 8) {
			ws_fail(&e, e.pos, WS_ERR_MALFORMED,
			    "DW_LNE_set_address of %zu bytes", n);
			return 1;
		}
		read_le(&e, n, addr, "address");
		*op_index = 0;
		break;
	case DW_LNE_define_file:
		if (p->version >= 5)
			break;
		if (read_cstr(&e, &name, "file name") != 0 ||
		    uleb(&e, &dir, "directory index") != 0 ||
		    uleb(&e, &skip, "modification time") != 0 ||
		    uleb(&e, &skip, "file length") != 0)
			return 1;
		if ((f = WS_VEC_PUSH(c->fents)) == NULL)
			return -1;
		*f = (struct fent){ name, dir, FILE_UNRESOLVED };
		break;
	default:	/* DW_LNE_set_discriminator, vendor opcodes */
		break;
	}
	return 0;
}

/*
 * Runs a program to the end of r.  Returns 0 (an error is in r's diag,
 * for the caller to note), or -1 on OOM.
 */
static int
run(struct ctx *c, struct ws_reader *r, struct prog *p)
{
	struct seq	 s = { 0 };
	uint64_t	 addr = 0, op_index = 0, file = 1, v;
	uint8_t		 op;
	int		 rc;

	while (r->pos != r->end) {
		size_t at = ws_reader_offset(r);

		ws_read_u8(r, &op, "opcode");
		if (op >= p->opcode_base) {
			advance(p, &addr, &op_index,
			    (uint64_t)(op - p->opcode_base) / p->line_range);
			if (row(c, p, &s, addr, file, 0, at) != 0)
				return -1;
			continue;
		}
		switch (op) {
		case 0:
			if ((rc = extended(c, r, p, &s, &addr, &op_index, &file,
			    at)) != 0)
				return rc < 0 ? -1 : 0;
			break;
		case DW_LNS_copy:
			if (row(c, p, &s, addr, file, 0, at) != 0)
				return -1;
			break;
		case DW_LNS_advance_pc:
			if (uleb(r, &v, "DW_LNS_advance_pc") != 0)
				return 0;
			advance(p, &addr, &op_index, v);
			break;
		case DW_LNS_advance_line:
			if (skip_sleb(r, "DW_LNS_advance_line") != 0)
				return 0;
			break;
		case DW_LNS_set_file:
			if (uleb(r, &file, "DW_LNS_set_file") != 0)
				return 0;
			break;
		case DW_LNS_const_add_pc:
			advance(p, &addr, &op_index,
			    (uint64_t)(255 - p->opcode_base) / p->line_range);
			break;
		case DW_LNS_fixed_advance_pc:
			if (read_le(r, 2, &v, "DW_LNS_fixed_advance_pc") != 0)
				return 0;
			addr += v;
			op_index = 0;
			break;
		case DW_LNS_negate_stmt: case DW_LNS_set_basic_block:
		case DW_LNS_set_prologue_end: case DW_LNS_set_epilogue_begin:
			break;
		case DW_LNS_set_column: case DW_LNS_set_isa:
		default:	/* unknown: as many LEB128s as the header says */
			for (unsigned i = op == DW_LNS_set_column ||
			    op == DW_LNS_set_isa ? 1 : p->std_lens[op - 1];
			    i > 0; i--)
				if (uleb(r, &v, "operand") != 0)
					return 0;
		}
	}
	if (s.open && !s.skip)
		note(c, ws_reader_offset(r), ".debug_line: line program at 0x%zx: "
		    "the last sequence has no DW_LNE_end_sequence: its last row "
		    "ignored", p->off);
	return 0;
}

/* DWARF 2-4 include_directories and file_names. */
static int
read_v4_tables(struct ctx *c, struct ws_reader *h)
{
	struct ws_span	 s, *d;
	struct fent	*f;
	uint64_t	 dir, skip;

	for (;;) {
		if (read_cstr(h, &s, "include directory") != 0)
			return 1;
		if (s.len == 0)
			break;
		if ((d = WS_VEC_PUSH(c->dirs)) == NULL)
			return -1;
		*d = s;
	}
	for (;;) {
		if (read_cstr(h, &s, "file name") != 0)
			return 1;
		if (s.len == 0)
			break;
		if (uleb(h, &dir, "directory index") != 0 ||
		    uleb(h, &skip, "modification time") != 0 ||
		    uleb(h, &skip, "file length") != 0)
			return 1;
		if ((f = WS_VEC_PUSH(c->fents)) == NULL)
			return -1;
		*f = (struct fent){ s, dir, FILE_UNRESOLVED };
	}
	return 0;
}

/*
 * DWARF 5 directories (dirs set) or file names: a format (content type
 * and form pairs), a count, and that many entries.  Every entry must take
 * a byte at least, so a count is bounded by the bytes there are.
 */
static int
read_v5_table(struct ctx *c, struct ws_reader *h, const struct prog *p,
    int dirs)
{
	uint64_t	 fmt[255][2], count, dir;
	uint8_t		 nfmt;
	struct fctx	 fc = { 5, p->addr_size, 0, 0 };
	struct fval	 v;
	char		 what[96];

	snprintf(what, sizeof what, "%s: %s", h->ctx, dirs ? "directory" :
	    "file name");
	if (ws_read_u8(h, &nfmt, "entry format count") != 0)
		return 1;
	for (unsigned i = 0; i < nfmt; i++)
		if (uleb(h, &fmt[i][0], "content type") != 0 ||
		    uleb(h, &fmt[i][1], "form") != 0)
			return 1;
	if (uleb(h, &count, dirs ? "directories count" :
	    "file names count") != 0)
		return 1;
	for (uint64_t k = 0; k < count; k++) {
		const uint8_t	*start = h->pos;
		struct ws_span	 path = { 0, 0 };
		int		 bad = 1;

		dir = 0;
		for (unsigned i = 0; i < nfmt; i++) {
			if (read_form(h, fmt[i][1], &fc, &v) != 0)
				return 1;
			if (fmt[i][0] == DW_LNCT_path)
				bad = resolve_str(c, &v, p->cu && p->cu->has_base,
				    p->cu ? p->cu->str_offsets_base : 0, what,
				    &path) != 0;
			else if (fmt[i][0] == DW_LNCT_directory_index &&
			    v.kind == VAL_NUM)
				dir = v.u;
		}
		if (h->pos == start) {
			ws_fail(h, start, WS_ERR_MALFORMED, "%s entries of no "
			    "bytes", dirs ? "directory" : "file name");
			return 1;
		}
		if (dirs) {
			struct ws_span *d = WS_VEC_PUSH(c->dirs);

			if (d == NULL)
				return -1;
			*d = path;
		} else {
			struct fent *f = WS_VEC_PUSH(c->fents);

			if (f == NULL)
				return -1;
			*f = (struct fent){ path, dir, bad ? FILE_BAD :
			    FILE_UNRESOLVED };
		}
	}
	return 0;
}

/* The compile unit that names the program at off (cus is sorted). */
static const struct cu *
find_cu(struct ctx *c, size_t off)
{
	while (c->next_cu < c->cus.n && c->cus.v[c->next_cu].stmt_list < off)
		c->next_cu++;
	if (c->next_cu < c->cus.n && c->cus.v[c->next_cu].stmt_list == off)
		return &c->cus.v[c->next_cu];
	return NULL;
}

/* The header after unit_length and version; 1 on an error in r's diag. */
static int
read_header(struct ctx *c, struct ws_reader *u, struct prog *p)
{
	struct ws_reader h;
	uint64_t	 v = 0, hlen = 0;
	uint8_t		 b;
	int		 rc;

	if (p->version >= 5) {
		if (read_le(u, 1, &v, "address size") != 0 ||
		    read_le(u, 1, &hlen, "segment selector size") != 0)
			return 1;
		p->addr_size = (unsigned)v;
	}
	if (read_le(u, 4, &hlen, "header length") != 0 ||
	    ws_reader_sub(u, (size_t)hlen, &h, "header") != 0 ||
	    ws_read_u8(&h, &p->min_inst, "minimum instruction length") != 0)
		return 1;
	p->max_ops = 1;
	if (p->version >= 4 && ws_read_u8(&h, &p->max_ops,
	    "maximum operations per instruction") != 0)
		return 1;
	if (ws_read_u8(&h, &b, "default_is_stmt") != 0 ||
	    ws_read_u8(&h, &b, "line_base") != 0 ||
	    ws_read_u8(&h, &p->line_range, "line_range") != 0 ||
	    ws_read_u8(&h, &p->opcode_base, "opcode_base") != 0)
		return 1;
	if (p->max_ops == 0 || p->line_range == 0 || p->opcode_base == 0) {
		ws_fail(&h, h.pos - 1, WS_ERR_MALFORMED, "%s is 0",
		    p->max_ops == 0 ? "maximum operations per instruction" :
		    p->line_range == 0 ? "line_range" : "opcode_base");
		return 1;
	}
	p->std_lens = h.pos;
	if (ws_read_skip(&h, p->opcode_base - 1u,
	    "standard opcode lengths") != 0)
		return 1;
	c->dirs.n = c->fents.n = 0;
	if (p->version < 5)
		rc = read_v4_tables(c, &h);
	else if ((rc = read_v5_table(c, &h, p, 1)) == 0)
		rc = read_v5_table(c, &h, p, 0);
	return rc;
}

/*
 * The program at off of .debug_line.  Sets *next past it and returns 0, or
 * returns 1 when its length cannot be trusted (noted), -1 on OOM.
 */
static int
decode_program(struct ctx *c, size_t off, size_t *next)
{
	struct ws_span	 sec = c->s->line;
	struct ws_diag	 d = { 0 };
	struct ws_reader r, u;
	struct prog	 p = { .off = off, .addr_size = 4 };
	struct ws_dwarf_unit *unit;
	uint64_t	 len = 0, version = 0;
	char		 where[64];
	int		 rc;

	snprintf(where, sizeof where, ".debug_line: line program at 0x%zx",
	    off);
	sec_reader(c, &r, sec, off, &d, where);
	if (read_le(&r, 4, &len, "unit length") != 0)
		goto bad;
	if (len == 0xffffffff) {
		note(c, sec.off + off, "%s: 64-bit DWARF is not supported",
		    where);
		if (read_le(&r, 8, &len, "unit length") != 0 ||
		    len > ws_reader_left(&r))
			return 1;
		*next = off + 12 + (size_t)len;
		return 0;
	}
	if (len >= 0xfffffff0) {
		ws_fail(&r, r.pos - 4, WS_ERR_MALFORMED, "reserved unit length "
		    "0x%" PRIx64, len);
		goto bad;
	}
	if (len > ws_reader_left(&r)) {
		ws_fail(&r, r.pos - 4, WS_ERR_TRUNCATED, "unit length %" PRIu64
		    " runs past the end of the section (%zu bytes left)", len,
		    ws_reader_left(&r));
		goto bad;
	}
	ws_reader_sub(&r, (size_t)len, &u, "unit");
	*next = off + 4 + (size_t)len;
	if (read_le(&u, 2, &version, "version") != 0) {
		note_diag(c, &d);
		return 0;
	}
	if (version < 2 || version > 5) {
		note(c, sec.off + off + 4, "%s: version %" PRIu64 " is not "
		    "supported", where, version);
		return 0;
	}
	p.version = (unsigned)version;
	p.cu = find_cu(c, off);
	if ((rc = read_header(c, &u, &p)) != 0) {
		note_diag(c, &d);
		return rc < 0 ? -1 : 0;
	}
	if (c->out->units.n >= UINT32_MAX ||
	    (unit = WS_VEC_PUSH(c->out->units)) == NULL)
		return -1;
	p.unit = (uint32_t)(c->out->units.n - 1);
	unit->offset = off;
	unit->version = (uint16_t)version;
	if (p.cu != NULL) {
		unit->has_cu = 1;
		unit->name = p.cu->name;
		unit->comp_dir = p.comp_dir = p.cu->comp_dir;
	}
	if (p.comp_dir.len == 0 && p.version >= 5 && c->dirs.n > 0)
		p.comp_dir = c->dirs.v[0];
	if (run(c, &u, &p) != 0)
		return -1;
	note_diag(c, &d);
	return 0;
bad:
	note_diag(c, &d);
	return 1;
}

/* The first program at or after off that a compile unit names; SIZE_MAX. */
static size_t
next_named(struct ctx *c, size_t off)
{
	for (size_t i = c->next_cu; i < c->cus.n; i++)
		if (c->cus.v[i].stmt_list > off)
			return (size_t)c->cus.v[i].stmt_list;
	return SIZE_MAX;
}

int
ws_dwarf_lines_decode_sections(struct ws_dwarf_lines *l, const uint8_t *base,
    const struct ws_dwarf_sections *s, struct ws_diag *diag)
{
	struct ctx	 c = { .base = base, .s = s, .out = l };
	size_t		 off = 0, next = 0;
	uint64_t	 debug;

	memset(l, 0, sizeof *l);
	l->present = s->has_line;
	if (!s->has_line)
		return 0;
	debug = (uint64_t)s->line.len + s->info.len + s->str.len +
	    s->line_str.len;
	c.path_budget = debug > SIZE_MAX / 16 ? SIZE_MAX / 2 :
	    (size_t)debug * 8 + (1u << 20);
	c.scan_budget = c.path_budget;
	c.abbrev_budget = (size_t)(s->abbrev.len + s->info.len) * 4 + 65536;
	read_units(&c);
	while (!c.oom && off < s->line.len) {
		int rc = decode_program(&c, off, &next);

		if (rc < 0)
			c.oom = 1;
		else if (rc > 0 && (next = next_named(&c, off)) == SIZE_MAX)
			break;
		off = next;
	}
	free(c.cus.v);
	free(c.dirs.v);
	free(c.fents.v);
	free(c.slots);
	free(c.tmp);
	if (c.oom)
		return ws_diag_set(diag, s->line.off, WS_ERR_NOMEM,
		    "out of memory decoding .debug_line");
	return 0;
}

/* The content of a custom section: its payload after the name. */
static struct ws_span
custom_content(const struct ws_section *sec)
{
	size_t	 start = sec->name.off + sec->name.len;

	return (struct ws_span){ start, sec->payload.off + sec->payload.len -
	    start };
}

int
ws_dwarf_lines_decode(struct ws_dwarf_lines *l, const struct ws_module *m,
    struct ws_diag *diag)
{
	static const struct {
		const char	*name;
		size_t		 field;
	} names[] = {
		{ ".debug_line", offsetof(struct ws_dwarf_sections, line) },
		{ ".debug_info", offsetof(struct ws_dwarf_sections, info) },
		{ ".debug_abbrev", offsetof(struct ws_dwarf_sections, abbrev) },
		{ ".debug_str", offsetof(struct ws_dwarf_sections, str) },
		{ ".debug_line_str", offsetof(struct ws_dwarf_sections,
		    line_str) },
		{ ".debug_str_offsets", offsetof(struct ws_dwarf_sections,
		    str_offsets) },
	};
	struct ws_dwarf_sections s = { 0 };
	uint8_t	 seen[sizeof names / sizeof *names] = { 0 };
	int	 has_code = 0;

	for (size_t i = 0; i < m->sections.n; i++) {
		const struct ws_section *sec = &m->sections.v[i];

		if (sec->id == WS_SEC_CODE && !has_code) {
			s.code = sec->payload;
			has_code = 1;
		}
		if (sec->id != WS_SEC_CUSTOM || sec->custom != WS_CUSTOM_DEBUG)
			continue;
		for (size_t k = 0; k < sizeof names / sizeof *names; k++)
			if (!seen[k] && sec->name.len == strlen(names[k].name) &&
			    memcmp(m->base + sec->name.off, names[k].name,
			    sec->name.len) == 0) {
				seen[k] = 1;
				*(struct ws_span *)((char *)&s +
				    names[k].field) = custom_content(sec);
			}
	}
	s.has_line = seen[0];
	return ws_dwarf_lines_decode_sections(l, m->base, &s, diag);
}

void
ws_dwarf_lines_free(struct ws_dwarf_lines *l)
{
	WS_VEC_FREE(l->units);
	WS_VEC_FREE(l->files);
	WS_VEC_FREE(l->ranges);
	free(l->text);
	l->text = NULL;
	l->ntext = l->captext = 0;
}

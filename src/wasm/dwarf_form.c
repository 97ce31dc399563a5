/* SPDX-License-Identifier: MIT */
/*
 * dwarf_form.c - the encoding of DWARF: fixed-size and LEB128 numbers,
 * attribute values by their form, and the strings they name in .debug_str,
 * .debug_line_str and .debug_str_offsets (the bytes scanned charged to a
 * budget); and the notes that every part of the decoder leaves.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dwarf_impl.h"

void
ws_dwarf_note(struct ctx *c, size_t offset, const char *fmt, ...)
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
void
ws_dwarf_note_diag(struct ctx *c, const struct ws_diag *d)
{
	if (d->code != WS_OK)
		ws_dwarf_note(c, d->offset, "%s", d->text);
}

/* A reader over section sec from its offset off (at most sec.len). */
void
ws_dwarf_sec_reader(const struct ctx *c, struct ws_reader *r,
    struct ws_span sec, size_t off, struct ws_diag *d, const char *where)
{
	ws_reader_init(r, c->base, sec.off + sec.len, d);
	r->pos = c->base + sec.off + off;
	r->ctx = where;
}

/* n bytes, little-endian (n at most 8). */
int
ws_dwarf_read_le(struct ws_reader *r, size_t n, uint64_t *out,
    const char *what)
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
int
ws_dwarf_uleb(struct ws_reader *r, uint64_t *out, const char *what)
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
int
ws_dwarf_skip_sleb(struct ws_reader *r, const char *what)
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

int
ws_dwarf_read_cstr(struct ws_reader *r, struct ws_span *out,
    const char *what)
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
		ws_dwarf_note(c, at, "%s: offset 0x%" PRIx64 " is past the "
		    "end of %s (%zu bytes)", what, off, secname, sec.len);
		return -1;
	}
	p = c->base + sec.off + off;
	n = sec.len - (size_t)off;
	if ((nul = memchr(p, 0, n < c->scan_budget ? n : c->scan_budget)) ==
	    NULL && n > c->scan_budget) {
		if (!c->noted_scan++)
			ws_dwarf_note(c, at, "%s: strings looked up too "
			    "often: the rest are left out", what);
		c->scan_budget = 0;
		return -1;
	}
	if (nul == NULL) {
		ws_dwarf_note(c, at, "%s: the string at 0x%" PRIx64 " of %s "
		    "is not terminated", what, off, secname);
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
int
ws_dwarf_resolve_str(struct ctx *c, const struct fval *v, int has_base,
    uint64_t base, const char *what, struct ws_span *out)
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
			ws_dwarf_note(c, v->at, "%s: a string index, but no "
			    "DW_AT_str_offsets_base", what);
			return -1;
		}
		if (base > so.len || v->u > (so.len - base) / 4 ||
		    so.len - base - v->u * 4 < 4) {
			ws_dwarf_note(c, v->at, "%s: string index %" PRIu64
			    " is past the end of .debug_str_offsets", what,
			    v->u);
			return -1;
		}
		p = c->base + so.off + base + v->u * 4;
		off = (uint64_t)p[0] | (uint64_t)p[1] << 8 |
		    (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
		return sec_string(c, c->s->str, ".debug_str", off, v->at, what,
		    out);
	default:
		ws_dwarf_note(c, v->at, "%s: not a string", what);
		return -1;
	}
}

/*
 * Reads one attribute value of the given form (32-bit DWARF).  Strings
 * are not looked up here (ws_dwarf_resolve_str does that).  Returns 0, or
 * -1 with the error in the reader's diag.
 */
int
ws_dwarf_read_form(struct ws_reader *r, uint64_t form, const struct fctx *fc,
    struct fval *v)
{
	uint64_t	 n;
	size_t		 fixed = 0;

	memset(v, 0, sizeof *v);
	v->at = ws_reader_offset(r);
	while (form == DW_FORM_indirect)	/* each costs a byte */
		if (ws_dwarf_uleb(r, &form, "indirect form") != 0)
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
		return ws_dwarf_read_cstr(r, &v->s, "string");
	case DW_FORM_udata: case DW_FORM_ref_udata: case DW_FORM_addrx:
	case DW_FORM_loclistx: case DW_FORM_rnglistx:
	case DW_FORM_GNU_addr_index: case DW_FORM_GNU_str_index:
		v->kind = VAL_NUM;
		return ws_dwarf_uleb(r, &v->u, "attribute value");
	case DW_FORM_strx:
		v->kind = VAL_STRX;
		return ws_dwarf_uleb(r, &v->u, "string index");
	case DW_FORM_sdata:
		return ws_dwarf_skip_sleb(r, "attribute value");
	case DW_FORM_block: case DW_FORM_exprloc:
		if (ws_dwarf_uleb(r, &n, "block length") != 0)
			return -1;
		return ws_read_skip(r, n > SIZE_MAX ? SIZE_MAX : (size_t)n,
		    "block");
	case DW_FORM_block1: case DW_FORM_block2: case DW_FORM_block4:
		if (ws_dwarf_read_le(r, form == DW_FORM_block1 ? 1 : form ==
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
	if (ws_dwarf_read_le(r, fixed, &v->u, "attribute value") != 0)
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

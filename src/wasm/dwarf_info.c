/* SPDX-License-Identifier: MIT */
/*
 * dwarf_info.c - the compile units of .debug_info that name a line program:
 * each unit's header, then its first DIE, read through its abbreviation in
 * .debug_abbrev (DW_AT_stmt_list, DW_AT_name, DW_AT_comp_dir).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "dwarf_impl.h"
#include "vec.h"

enum {
	DW_AT_name = 0x03, DW_AT_stmt_list = 0x10, DW_AT_comp_dir = 0x1b,
	DW_AT_str_offsets_base = 0x72,
	DW_TAG_compile_unit = 0x11, DW_TAG_partial_unit = 0x3c,
	DW_TAG_skeleton_unit = 0x4a,
	DW_UT_compile = 1, DW_UT_type = 2, DW_UT_partial = 3,
	DW_UT_skeleton = 4, DW_UT_split_compile = 5, DW_UT_split_type = 6
};

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

		if (ws_dwarf_uleb(a, &acode, "abbreviation code") != 0)
			return -1;
		if (acode == 0)
			return ws_fail(a, start, WS_ERR_MALFORMED, "abbreviation "
			    "%" PRIu64 " not found", code);
		if (ws_dwarf_uleb(a, tag, "tag") != 0 ||
		    ws_read_u8(a, &children, "children") != 0)
			return -1;
		if (acode == code)
			return charge(c, a, start);
		do {
			if (ws_dwarf_uleb(a, &name, "attribute") != 0 ||
			    ws_dwarf_uleb(a, &form, "form") != 0 ||
			    (form == DW_FORM_implicit_const &&
			    ws_dwarf_skip_sleb(a, "implicit constant") != 0))
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

	if (ws_dwarf_uleb(u, &code, "abbreviation code") != 0)
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

		if (ws_dwarf_uleb(&a, &at, "attribute") != 0 ||
		    ws_dwarf_uleb(&a, &form, "form") != 0)
			return -1;
		if (at == 0 && form == 0)
			break;
		fc.has_implicit = form == DW_FORM_implicit_const;
		if ((fc.has_implicit && ws_read_s64(&a, &fc.implicit,
		    "implicit constant") != 0) || charge(c, &a, start) != 0)
			return -1;
		if (ws_dwarf_read_form(u, form, &fc, &v) != 0)
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
		ws_dwarf_resolve_str(c, &name, tmp.has_base,
		    tmp.str_offsets_base, where, &tmp.name);
	if (dir.kind != VAL_OTHER)
		ws_dwarf_resolve_str(c, &dir, tmp.has_base,
		    tmp.str_offsets_base, where, &tmp.comp_dir);
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

	if (ws_dwarf_read_le(u, 2, &version, "version") != 0)
		return -1;
	if (version < 2 || version > 5)
		return ws_fail(u, u->pos - 2, WS_ERR_MALFORMED, "version %"
		    PRIu64 " is not supported", version);
	if (version >= 5) {
		if (ws_dwarf_read_le(u, 1, &type, "unit type") != 0 ||
		    ws_dwarf_read_le(u, 1, &asz, "address size") != 0 ||
		    ws_dwarf_read_le(u, 4, &aoff, "abbreviation offset") != 0)
			return -1;
		if ((type == DW_UT_skeleton || type == DW_UT_split_compile) &&
		    ws_read_skip(u, 8, "unit id") != 0)
			return -1;
		if ((type == DW_UT_type || type == DW_UT_split_type) &&
		    ws_read_skip(u, 12, "type signature and offset") != 0)
			return -1;
	} else if (ws_dwarf_read_le(u, 4, &aoff, "abbreviation offset") != 0 ||
	    ws_dwarf_read_le(u, 1, &asz, "address size") != 0) {
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
void
ws_dwarf_read_units(struct ctx *c)
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
		ws_dwarf_sec_reader(c, &r, sec, off, &d, where);
		if (ws_dwarf_read_le(&r, 4, &len, "unit length") != 0)
			goto broken;
		if (len == 0xffffffff) {
			ws_dwarf_note(c, sec.off + off, "%s: 64-bit DWARF is "
			    "not supported", where);
			if (ws_dwarf_read_le(&r, 8, &len, "unit length") != 0 ||
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
			ws_dwarf_note_diag(c, &d);
		continue;
broken:		/* the units after it cannot be found */
		ws_dwarf_note_diag(c, &d);
		break;
	}
	if (c->cus.n > 1)
		qsort(c->cus.v, c->cus.n, sizeof *c->cus.v, cmp_cu);
	for (size_t i = 0; i < c->cus.n; i++)	/* the first of each offset */
		if (k == 0 || c->cus.v[k - 1].stmt_list != c->cus.v[i].stmt_list)
			c->cus.v[k++] = c->cus.v[i];
	c->cus.n = k;
}

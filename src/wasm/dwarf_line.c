/* SPDX-License-Identifier: MIT */
/*
 * dwarf_line.c - DWARF line programs to ranges of the code section: each
 * program's header and file tables, then its state machine, row by row.
 * The compile units that name the programs come from dwarf_info.c, the
 * paths of their files from dwarf_path.c.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarf_impl.h"
#include "dwarf_line.h"
#include "vec.h"

enum { DW_LNCT_path = 1, DW_LNCT_directory_index = 2 };

enum {
	DW_LNS_copy = 1, DW_LNS_advance_pc, DW_LNS_advance_line,
	DW_LNS_set_file, DW_LNS_set_column, DW_LNS_negate_stmt,
	DW_LNS_set_basic_block, DW_LNS_const_add_pc, DW_LNS_fixed_advance_pc,
	DW_LNS_set_prologue_end, DW_LNS_set_epilogue_begin, DW_LNS_set_isa,
	DW_LNE_end_sequence = 1, DW_LNE_set_address, DW_LNE_define_file
};

/* The open sequence of a program: its last row. */
struct seq {
	int		 open, skip;
	uint64_t	 addr, file;
};

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
			ws_dwarf_note(c, at, ".debug_line: line program at "
			    "0x%zx: the address goes back from 0x%" PRIx64
			    " to 0x%" PRIx64, p->off, a, b);
		return 0;
	}
	if (a == b)
		return 0;
	if (a >= code) {
		if (!p->noted_out++)
			ws_dwarf_note(c, at, ".debug_line: line program at "
			    "0x%zx: address 0x%" PRIx64 " is past the end of "
			    "the code section (0x%" PRIx64 " bytes): rows "
			    "ignored", p->off, a, code);
		return 0;
	}
	if (b > code) {
		if (!p->noted_past++)
			ws_dwarf_note(c, at, ".debug_line: line program at "
			    "0x%zx: a row runs past the end of the code "
			    "section, to 0x%" PRIx64 ": cut there", p->off, b);
		b = code;
	}
	if ((rc = ws_dwarf_file_id(c, p, file, at, &id)) != 0)
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
				ws_dwarf_note(c, at, ".debug_line: line "
				    "program at 0x%zx: a sequence starts at 0x%"
				    PRIx64 ", past the end of the code section "
				    "(0x%zx bytes): ignored", p->off, addr,
				    c->s->code.len);
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

	if (ws_dwarf_uleb(r, &len, "extended opcode length") != 0 ||
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
		ws_dwarf_read_le(&e, n, addr, "address");
		*op_index = 0;
		break;
	case DW_LNE_define_file:
		if (p->version >= 5)
			break;
		if (ws_dwarf_read_cstr(&e, &name, "file name") != 0 ||
		    ws_dwarf_uleb(&e, &dir, "directory index") != 0 ||
		    ws_dwarf_uleb(&e, &skip, "modification time") != 0 ||
		    ws_dwarf_uleb(&e, &skip, "file length") != 0)
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
			if (ws_dwarf_uleb(r, &v, "DW_LNS_advance_pc") != 0)
				return 0;
			advance(p, &addr, &op_index, v);
			break;
		case DW_LNS_advance_line:
			if (ws_dwarf_skip_sleb(r, "DW_LNS_advance_line") != 0)
				return 0;
			break;
		case DW_LNS_set_file:
			if (ws_dwarf_uleb(r, &file, "DW_LNS_set_file") != 0)
				return 0;
			break;
		case DW_LNS_const_add_pc:
			advance(p, &addr, &op_index,
			    (uint64_t)(255 - p->opcode_base) / p->line_range);
			break;
		case DW_LNS_fixed_advance_pc:
			if (ws_dwarf_read_le(r, 2, &v,
			    "DW_LNS_fixed_advance_pc") != 0)
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
				if (ws_dwarf_uleb(r, &v, "operand") != 0)
					return 0;
		}
	}
	if (s.open && !s.skip)
		ws_dwarf_note(c, ws_reader_offset(r), ".debug_line: line "
		    "program at 0x%zx: the last sequence has no "
		    "DW_LNE_end_sequence: its last row ignored", p->off);
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
		if (ws_dwarf_read_cstr(h, &s, "include directory") != 0)
			return 1;
		if (s.len == 0)
			break;
		if ((d = WS_VEC_PUSH(c->dirs)) == NULL)
			return -1;
		*d = s;
	}
	for (;;) {
		if (ws_dwarf_read_cstr(h, &s, "file name") != 0)
			return 1;
		if (s.len == 0)
			break;
		if (ws_dwarf_uleb(h, &dir, "directory index") != 0 ||
		    ws_dwarf_uleb(h, &skip, "modification time") != 0 ||
		    ws_dwarf_uleb(h, &skip, "file length") != 0)
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
		if (ws_dwarf_uleb(h, &fmt[i][0], "content type") != 0 ||
		    ws_dwarf_uleb(h, &fmt[i][1], "form") != 0)
			return 1;
	if (ws_dwarf_uleb(h, &count, dirs ? "directories count" :
	    "file names count") != 0)
		return 1;
	for (uint64_t k = 0; k < count; k++) {
		const uint8_t	*start = h->pos;
		struct ws_span	 path = { 0, 0 };
		int		 bad = 1;

		dir = 0;
		for (unsigned i = 0; i < nfmt; i++) {
			if (ws_dwarf_read_form(h, fmt[i][1], &fc, &v) != 0)
				return 1;
			if (fmt[i][0] == DW_LNCT_path)
				bad = ws_dwarf_resolve_str(c, &v,
				    p->cu && p->cu->has_base,
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
		if (ws_dwarf_read_le(u, 1, &v, "address size") != 0 ||
		    ws_dwarf_read_le(u, 1, &hlen, "segment selector size") != 0)
			return 1;
		p->addr_size = (unsigned)v;
	}
	if (ws_dwarf_read_le(u, 4, &hlen, "header length") != 0 ||
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
	ws_dwarf_sec_reader(c, &r, sec, off, &d, where);
	if (ws_dwarf_read_le(&r, 4, &len, "unit length") != 0)
		goto bad;
	if (len == 0xffffffff) {
		ws_dwarf_note(c, sec.off + off, "%s: 64-bit DWARF is not "
		    "supported", where);
		if (ws_dwarf_read_le(&r, 8, &len, "unit length") != 0 ||
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
	if (ws_dwarf_read_le(&u, 2, &version, "version") != 0) {
		ws_dwarf_note_diag(c, &d);
		return 0;
	}
	if (version < 2 || version > 5) {
		ws_dwarf_note(c, sec.off + off + 4, "%s: version %" PRIu64
		    " is not supported", where, version);
		return 0;
	}
	p.version = (unsigned)version;
	p.cu = find_cu(c, off);
	if ((rc = read_header(c, &u, &p)) != 0) {
		ws_dwarf_note_diag(c, &d);
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
	ws_dwarf_note_diag(c, &d);
	return 0;
bad:
	ws_dwarf_note_diag(c, &d);
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
	ws_dwarf_read_units(&c);
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

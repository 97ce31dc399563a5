/* SPDX-License-Identifier: MIT */
/*
 * dwarf.c - unit tests of the DWARF line decoder and of code bytes by
 * source file, on line programs built here byte by byte: DWARF 4 (include
 * directories, define_file, tombstones, overlaps, rows cut at the end of
 * the code) and DWARF 5 (entry formats, line_strp, strx, MD5 as data16 and
 * block), then malformed ones (truncated headers, bad versions, file
 * indices out of range, huge lengths), which must give notes, not crashes,
 * and every prefix and many byte flips of the good ones.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/sources.h"
#include "bytes.h"
#include "tap.h"
#include "wasm/dwarf_line.h"
#include "wasm/module.h"

enum { CODE = 100 };	/* bytes of code payload */

static size_t last_off;	/* where decode() put the section named last */

/* --- line program opcodes ------------------------------------------------- */

static void
set_address(struct buf *b, uint32_t a)
{
	put_u8(b, 0);
	put_uleb(b, 5);
	put_u8(b, 2);
	put_le(b, a, 4);
}

static void
end_seq(struct buf *b)
{
	put(b, "\x00\x01\x01", 3);
}

static void
set_file(struct buf *b, uint64_t f)
{
	put_u8(b, 4);
	put_uleb(b, f);
}

static void
advance_pc(struct buf *b, uint64_t n)
{
	put_u8(b, 2);
	put_uleb(b, n);
}

static void
copy(struct buf *b)
{
	put_u8(b, 1);
}

/* A sequence of one row of file f covering [a, a + n). */
static void
seq(struct buf *b, uint32_t a, uint64_t f, uint64_t n)
{
	set_address(b, a);
	set_file(b, f);
	copy(b);
	advance_pc(b, n);
	end_seq(b);
}

/* The fields from minimum_instruction_length to the standard lengths. */
static void
header_fields(struct buf *h, unsigned version, uint8_t line_range,
    uint8_t opcode_base)
{
	static const uint8_t lens[12] = { 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1 };

	put_u8(h, 1);			/* minimum_instruction_length */
	if (version >= 4)
		put_u8(h, 1);		/* maximum_operations_per_instruction */
	put_u8(h, 1);			/* default_is_stmt */
	put_u8(h, 0xfb);			/* line_base -5 */
	put_u8(h, line_range);
	put_u8(h, opcode_base);
	for (unsigned i = 0; i + 1 < opcode_base; i++)
		put_u8(h, i < 12 ? lens[i] : 1);
}

/* A whole program: unit_length, version, [v5 sizes], header, program. */
static void
unit(struct buf *out, unsigned version, const struct buf *h,
    const struct buf *prog)
{
	put_le(out, 2 + (version >= 5 ? 2 : 0) + 4 + h->n + prog->n, 4);
	put_le(out, version, 2);
	if (version >= 5)
		put(out, "\x04\x00", 2);
	put_le(out, h->n, 4);
	put(out, h->b, h->n);
	put(out, prog->b, prog->n);
}

/* --- the sections, laid out in one exact allocation ----------------------- */

struct secs {
	struct buf	 line, info, abbrev, str, line_str, str_offsets;
};

/*
 * Copies the sections after CODE bytes of code into a buffer of exactly
 * their size, the one named by `last` (cut to `cut` bytes) at the end so
 * that a read past it is an AddressSanitizer error.  Decodes.
 */
static uint8_t *
decode(const struct secs *s, const struct buf *last, size_t cut,
    struct ws_dwarf_lines *l)
{
	const struct buf *order[6] = { &s->str, &s->line_str, &s->str_offsets,
		&s->abbrev, &s->info, &s->line };
	struct ws_span	*spans[6];
	struct ws_dwarf_sections ds = { .code = { 0, CODE }, .has_line = 1 };
	struct ws_diag	 d = { 0 };
	size_t		 total = CODE, at = CODE;
	uint8_t		*base;

	spans[0] = &ds.str;
	spans[1] = &ds.line_str;
	spans[2] = &ds.str_offsets;
	spans[3] = &ds.abbrev;
	spans[4] = &ds.info;
	spans[5] = &ds.line;
	for (int i = 0; i < 6; i++)
		total += order[i] == last ? cut : order[i]->n;
	if ((base = calloc(1, total)) == NULL)
		abort();
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 6; i++) {
			size_t n = order[i] == last ? cut : order[i]->n;

			if ((order[i] == last) != pass)
				continue;
			if (n > 0)
				memcpy(base + at, order[i]->b, n);
			*spans[i] = (struct ws_span){ at, n };
			if (pass == 1)
				last_off = at;
			at += n;
		}
	if (ws_dwarf_lines_decode_sections(l, base, &ds, &d) != 0)
		abort();
	return base;
}

static void
secs_free(struct secs *s)
{
	buf_free(&s->line);
	buf_free(&s->info);
	buf_free(&s->abbrev);
	buf_free(&s->str);
	buf_free(&s->line_str);
	buf_free(&s->str_offsets);
}

/* The path of file i. */
static int
path_is(const struct ws_dwarf_lines *l, uint32_t i, const char *want)
{
	return i < l->files.n && l->files.v[i].len == strlen(want) &&
	    memcmp(l->text + l->files.v[i].off, want, l->files.v[i].len) == 0;
}

/* Bytes of the file named want, after overlaps: from the ranges by a
 * painter's rule (the lowest start wins; of equal starts the first). */
static uint64_t
bytes_of(const struct ws_dwarf_lines *l, const char *want)
{
	uint8_t		 owner[CODE];
	uint64_t	 n = 0;

	memset(owner, 0xff, sizeof owner);
	for (uint32_t a = 0; a < CODE; a++) {
		size_t best = SIZE_MAX;

		for (size_t k = 0; k < l->ranges.n; k++) {
			const struct ws_dwarf_range *r = &l->ranges.v[k];

			if (r->start <= a && a < r->end && (best == SIZE_MAX ||
			    r->start < l->ranges.v[best].start))
				best = k;
		}
		if (best != SIZE_MAX && path_is(l, l->ranges.v[best].file, want))
			n++;
	}
	return n;
}

static int
has_note(const struct ws_dwarf_lines *l, const char *part)
{
	for (size_t i = 0; i < l->nnotes && i < WS_DWARF_MAX_NOTES; i++)
		if (strstr(l->notes[i].text, part) != NULL)
			return 1;
	return 0;
}

/* Every range nonempty and inside the code, every file index valid. */
static int
sane(const struct ws_dwarf_lines *l)
{
	for (size_t k = 0; k < l->ranges.n; k++) {
		const struct ws_dwarf_range *r = &l->ranges.v[k];

		if (r->start >= r->end || r->end > CODE ||
		    r->file >= l->files.n || r->unit >= l->units.n)
			return 0;
	}
	for (size_t f = 0; f < l->files.n; f++)
		if (l->files.v[f].off + l->files.v[f].len > l->ntext)
			return 0;
	return 1;
}

/* --- DWARF 4 --------------------------------------------------------------- */

/* The .debug_info and .debug_abbrev of one DWARF 4 unit: name (string),
 * stmt_list (sec_offset), comp_dir (strp at 0 of .debug_str). */
static void
cu_v4(struct secs *s, uint32_t stmt_list)
{
	struct buf	 die = { 0 };

	put_uleb(&s->abbrev, 1);
	put_uleb(&s->abbrev, 0x11);		/* DW_TAG_compile_unit */
	put_u8(&s->abbrev, 0);
	put(&s->abbrev, "\x03\x08\x10\x17\x1b\x0e\x00\x00\x00", 9);
	put_uleb(&die, 1);
	put_cstr(&die, "a.c");
	put_le(&die, stmt_list, 4);
	put_le(&die, 0, 4);			/* comp_dir: .debug_str at 0 */
	put_le(&s->info, 2 + 4 + 1 + die.n, 4);
	put_le(&s->info, 4, 2);
	put_le(&s->info, 0, 4);
	put_u8(&s->info, 4);
	put(&s->info, die.b, die.n);
	put_cstr(&s->str, "/src/./proj");
	buf_free(&die);
}

/* The DWARF 4 program of the first test (see main). */
static void
program_v4(struct buf *out, unsigned version)
{
	struct buf	 h = { 0 }, p = { 0 };

	header_fields(&h, version, 14, 13);
	put_cstr(&h, "inc");
	put_cstr(&h, "/abs");
	put_u8(&h, 0);
	put_cstr(&h, "a.c"); put(&h, "\x00\x00\x00", 3);
	put_cstr(&h, "b.h"); put(&h, "\x01\x00\x00", 3);
	put_cstr(&h, "c.h"); put(&h, "\x02\x00\x00", 3);
	put_cstr(&h, "/x/y/../z.c"); put(&h, "\x01\x00\x00", 3);
	put_u8(&h, 0);

	set_address(&p, 10);		/* [10,15) a.c, [15,20) b.h */
	set_file(&p, 1);
	copy(&p);
	advance_pc(&p, 5);
	set_file(&p, 2);
	copy(&p);
	put_u8(&p, 13 + 5 + 14 * 3);	/* special: address += 3 */
	advance_pc(&p, 2);
	end_seq(&p);
	seq(&p, 0xffffffff, 1, 4);	/* tombstones */
	seq(&p, 0, 1, 4);
	seq(&p, 0xfffffffe, 1, 4);
	seq(&p, 50, 3, 10);		/* [50,60) c.h */
	seq(&p, 55, 4, 15);		/* [55,70) z.c: [60,70) after c.h */
	put_u8(&p, 0);			/* define_file d.c, directory 1 */
	put_uleb(&p, 1 + 4 + 3);
	put_u8(&p, 3);
	put_cstr(&p, "d.c");
	put(&p, "\x01\x00\x00", 3);
	seq(&p, 80, 5, 5);		/* [80,85) d.c */
	seq(&p, 95, 1, 25);		/* cut to [95,100) */
	seq(&p, 200, 1, 1);		/* past the code */
	seq(&p, 30, 9, 5);		/* file 9: out of range */
	set_address(&p, 20);		/* [20,40) b.h */
	set_file(&p, 2);
	copy(&p);
	put_u8(&p, 9);			/* fixed_advance_pc 3 */
	put_le(&p, 3, 2);
	copy(&p);
	put_u8(&p, 8);			/* const_add_pc: (255 - 13) / 14 = 17 */
	end_seq(&p);
	unit(out, version, &h, &p);
	buf_free(&h);
	buf_free(&p);
}

static void
test_v4(void)
{
	struct secs	 s = { 0 };
	struct ws_dwarf_lines l;
	uint8_t		*base;

	cu_v4(&s, 0);
	program_v4(&s.line, 4);
	base = decode(&s, &s.line, s.line.n, &l);
	ok(l.present && l.units.n == 1 && l.units.v[0].has_cu &&
	    l.units.v[0].version == 4, "v4: one unit, its compile unit found");
	ok(l.files.n == 5, "v4: 5 files used (%zu)", l.files.n);
	ok(path_is(&l, 0, "/src/proj/a.c"), "dir 0 is the comp_dir, normalized");
	ok(path_is(&l, 1, "/src/proj/inc/b.h"), "a relative include dir joins "
	    "the comp_dir");
	ok(path_is(&l, 2, "/abs/c.h"), "an absolute include dir stands alone");
	ok(path_is(&l, 3, "/x/z.c"), "an absolute name, .. applied");
	ok(path_is(&l, 4, "/src/proj/inc/d.c"), "DW_LNE_define_file");
	ok(bytes_of(&l, "/src/proj/a.c") == 10, "a.c: 5 + 5 cut at the end");
	ok(bytes_of(&l, "/src/proj/inc/b.h") == 25, "b.h: special, "
	    "fixed_advance_pc, const_add_pc");
	ok(bytes_of(&l, "/abs/c.h") == 10 && bytes_of(&l, "/x/z.c") == 10,
	    "overlap: the sequence that starts lower keeps [55,60)");
	ok(bytes_of(&l, "/src/proj/inc/d.c") == 5, "d.c");
	ok(l.ranges.n == 7, "tombstones (0, -1, -2) left out: %zu ranges",
	    l.ranges.n);
	ok(l.nnotes == 3 && has_note(&l, "cut there") &&
	    has_note(&l, "past the end of the code") &&
	    has_note(&l, "file index 9 is out of range"),
	    "notes: the cut, the sequence past the code, file 9 (%zu)",
	    l.nnotes);
	ok(sane(&l), "v4: ranges inside the code");
	ws_dwarf_lines_free(&l);
	free(base);

	/* DWARF 2 and 3: no maximum_operations_per_instruction */
	for (unsigned v = 2; v <= 3; v++) {
		buf_free(&s.line);
		program_v4(&s.line, v);
		base = decode(&s, &s.line, s.line.n, &l);
		ok(l.units.n == 1 && l.units.v[0].version == v &&
		    bytes_of(&l, "/src/proj/inc/b.h") == 25 && l.nnotes == 3,
		    "DWARF %u decodes the same", v);
		ws_dwarf_lines_free(&l);
		free(base);
	}
	secs_free(&s);
}

/* --- DWARF 5 --------------------------------------------------------------- */

static void
test_v5_build(struct secs *s)
{
	struct buf	 h = { 0 }, p = { 0 }, die = { 0 };

	/* .debug_str: "prog_b.c" at 0, "/comp" at 9, "k.c" at 15 */
	put(&s->str, "prog_b.c\0/comp\0k.c\0", 19);
	put_le(&s->str_offsets, 4 + 8, 4);	/* header: length, version 5, pad */
	put_le(&s->str_offsets, 5, 2);
	put_le(&s->str_offsets, 0, 2);
	put_le(&s->str_offsets, 0, 4);
	put_le(&s->str_offsets, 9, 4);
	put(&s->line_str, "/comp\0sub\0/abs5\0", 16);
	/* a v5 compile unit: name strx1, stmt_list, comp_dir strx1, base */
	put_uleb(&s->abbrev, 1);
	put_uleb(&s->abbrev, 0x11);
	put_u8(&s->abbrev, 0);
	put(&s->abbrev, "\x03\x25\x10\x17\x1b\x25\x72\x17\x00\x00\x00", 11);
	put_uleb(&die, 1);
	put_u8(&die, 0);
	put_le(&die, 0, 4);
	put_u8(&die, 1);
	put_le(&die, 8, 4);
	put_le(&s->info, 2 + 1 + 1 + 4 + die.n, 4);
	put_le(&s->info, 5, 2);
	put_u8(&s->info, 1);		/* DW_UT_compile */
	put_u8(&s->info, 4);
	put_le(&s->info, 0, 4);
	put(&s->info, die.b, die.n);

	/* program B: directories as line_strp; files with string, udata,
	 * data16 (MD5), a vendor content as data2, data4 (timestamp) */
	header_fields(&h, 5, 14, 13);
	put_u8(&h, 1);
	put(&h, "\x01\x1f", 2);
	put_uleb(&h, 3);
	put_le(&h, 0, 4);
	put_le(&h, 6, 4);
	put_le(&h, 10, 4);
	put_u8(&h, 5);
	put(&h, "\x01\x08\x02\x0f\x05\x1e", 6);
	put_uleb(&h, 0x2001);
	put_u8(&h, 0x05);
	put(&h, "\x03\x06", 2);
	put_uleb(&h, 4);
	static const char *const names[4] = { "main.c", "x.h", "y.h", "../up.c" };
	for (int i = 0; i < 4; i++) {
		put_cstr(&h, names[i]);
		put_uleb(&h, i == 0 ? 0 : i == 3 ? 1 : (uint64_t)i);
		put(&h, "0123456789abcdef", 16);
		put_le(&h, 7, 2);
		put_le(&h, 0, 4);
	}
	set_address(&p, 10);
	for (uint64_t f = 0; f < 4; f++) {
		set_file(&p, f);
		copy(&p);
		advance_pc(&p, 4);
	}
	end_seq(&p);
	unit(&s->line, 5, &h, &p);
	h.n = p.n = 0;

	/* program C, no compile unit: directories as string; files with
	 * strp, data1, data8 (size), block (MD5) */
	header_fields(&h, 5, 14, 13);
	put_u8(&h, 1);
	put(&h, "\x01\x08", 2);
	put_uleb(&h, 1);
	put_cstr(&h, "/c2");
	put_u8(&h, 4);
	put(&h, "\x01\x0e\x02\x0b\x04\x07\x05\x09", 8);
	put_uleb(&h, 1);
	put_le(&h, 15, 4);
	put_u8(&h, 0);
	put_le(&h, 1234, 8);
	put_uleb(&h, 16);
	put(&h, "0123456789abcdef", 16);
	seq(&p, 30, 0, 6);
	unit(&s->line, 5, &h, &p);
	buf_free(&h);
	buf_free(&p);
	buf_free(&die);
}

static void
test_v5(void)
{
	struct secs	 s = { 0 };
	struct ws_dwarf_lines l;
	uint8_t		*base;

	test_v5_build(&s);
	base = decode(&s, &s.line, s.line.n, &l);
	ok(l.units.n == 2 && l.units.v[0].has_cu && !l.units.v[1].has_cu &&
	    l.units.v[0].version == 5, "v5: two units, the first has a CU");
	ok(l.units.v[0].name.len == 8 && memcmp(base + l.units.v[0].name.off,
	    "prog_b.c", 8) == 0 && l.units.v[0].comp_dir.len == 5,
	    "DW_AT_name and DW_AT_comp_dir through strx1 and "
	    "DW_AT_str_offsets_base");
	ok(path_is(&l, 0, "/comp/main.c"), "file 0, directory 0");
	ok(path_is(&l, 1, "/comp/sub/x.h"), "a relative directory joins "
	    "the comp_dir");
	ok(path_is(&l, 2, "/abs5/y.h"), "an absolute directory");
	ok(path_is(&l, 3, "/comp/up.c"), "../up.c in sub");
	ok(path_is(&l, 4, "/c2/k.c"), "strp, data1, data8, block");
	ok(bytes_of(&l, "/comp/main.c") == 4 && bytes_of(&l, "/comp/up.c") == 4
	    && bytes_of(&l, "/c2/k.c") == 6, "v5 bytes");
	ok(l.nnotes == 0, "v5: no notes (%zu: %s)", l.nnotes,
	    l.nnotes ? l.notes[0].text : "");
	ws_dwarf_lines_free(&l);
	free(base);
	secs_free(&s);
}

/* --- malformed ------------------------------------------------------------- */

/* Decodes a .debug_line alone (with the v4 unit's other sections). */
static void
decode_line(const struct buf *line, struct ws_dwarf_lines *l, uint8_t **base)
{
	struct secs	 s = { 0 };

	cu_v4(&s, 0);
	s.line = *line;
	*base = decode(&s, &s.line, s.line.n, l);
	s.line = (struct buf){ 0 };
	secs_free(&s);
}

/* A v4 header with a[] as overrides: line_range, opcode_base. */
static void
small_v4(struct buf *out, uint8_t line_range, uint8_t opcode_base,
    const struct buf *prog)
{
	struct buf	 h = { 0 };

	header_fields(&h, 4, line_range, opcode_base);
	put_u8(&h, 0);
	put_cstr(&h, "a.c");
	put(&h, "\x00\x00\x00", 3);
	put_u8(&h, 0);
	unit(out, 4, &h, prog);
	buf_free(&h);
}

static void
test_malformed(void)
{
	struct buf	 line = { 0 }, p = { 0 }, good = { 0 };
	struct ws_dwarf_lines l;
	uint8_t		*base;

	seq(&p, 10, 1, 5);
	small_v4(&good, 14, 13, &p);

	/* a unit longer than the section */
	put_le(&line, 40, 4);
	put_le(&line, 4, 2);
	put(&line, "\x01\x01\x01", 3);
	decode_line(&line, &l, &base);
	ok(l.ranges.n == 0 && l.nnotes == 1 && has_note(&l, "unit length 40 "
	    "runs past the end") && l.notes[0].offset == last_off,
	    "truncated unit: noted at its offset (0x%zx): %s",
	    l.notes[0].offset, l.notes[0].text);
	ws_dwarf_lines_free(&l);
	free(base);

	/* version 9, then a good program */
	line.n = 0;
	put_le(&line, 2, 4);
	put_le(&line, 9, 2);
	put(&line, good.b, good.n);
	decode_line(&line, &l, &base);
	ok(has_note(&l, "version 9 is not supported") && l.ranges.n == 1 &&
	    l.units.n == 1, "bad version: noted, the next program decodes");
	ws_dwarf_lines_free(&l);
	free(base);

	/* 64-bit: noted and skipped; reserved length: noted, the end */
	line.n = 0;
	put_le(&line, 0xffffffff, 4);
	put_le(&line, 6, 8);
	put(&line, "\x04\x00\x00\x00\x00\x00", 6);
	put(&line, good.b, good.n);
	put_le(&line, 0xfffffff5, 4);
	decode_line(&line, &l, &base);
	ok(has_note(&l, "64-bit DWARF is not supported") && l.ranges.n == 1 &&
	    has_note(&l, "reserved unit length"), "64-bit unit skipped, "
	    "the next decoded, a reserved length noted");
	ws_dwarf_lines_free(&l);
	free(base);

	/* header_length past the unit */
	line.n = 0;
	put_le(&line, 6 + 3, 4);
	put_le(&line, 4, 2);
	put_le(&line, 0xfffffff0, 4);
	put(&line, "\x01\x01\x01", 3);
	decode_line(&line, &l, &base);
	ok(l.nnotes == 1 && has_note(&l, "header"), "huge header_length: %s",
	    l.notes[0].text);
	ws_dwarf_lines_free(&l);
	free(base);

	/* line_range 0, opcode_base 0 */
	for (int which = 0; which < 2; which++) {
		line.n = 0;
		small_v4(&line, which ? 14 : 0, which ? 0 : 13, &p);
		decode_line(&line, &l, &base);
		ok(l.ranges.n == 0 && has_note(&l, which ? "opcode_base is 0" :
		    "line_range is 0"), "%s 0: noted", which ? "opcode_base" :
		    "line_range");
		ws_dwarf_lines_free(&l);
		free(base);
	}

	/* file 0 in DWARF 4; an extended opcode of 2^60 bytes after a row */
	line.n = p.n = 0;
	seq(&p, 10, 0, 5);
	seq(&p, 20, 1, 5);
	put_u8(&p, 0);
	put_uleb(&p, (uint64_t)1 << 60);
	small_v4(&line, 14, 13, &p);
	decode_line(&line, &l, &base);
	ok(has_note(&l, "file index 0 is out of range") &&
	    has_note(&l, "extended opcode") && l.ranges.n == 1,
	    "file 0 in v4, a huge extended opcode: noted, the good row kept");
	ws_dwarf_lines_free(&l);
	free(base);

	/* the address going back; a sequence never ended */
	line.n = p.n = 0;
	set_address(&p, 20);
	copy(&p);
	set_address(&p, 10);
	copy(&p);
	advance_pc(&p, 5);
	end_seq(&p);
	set_address(&p, 40);
	copy(&p);
	advance_pc(&p, 5);
	copy(&p);
	small_v4(&line, 14, 13, &p);
	decode_line(&line, &l, &base);
	ok(has_note(&l, "goes back") && has_note(&l, "no DW_LNE_end_sequence")
	    && l.ranges.n == 2 && l.ranges.v[0].start == 10 &&
	    l.ranges.v[1].start == 40 && l.ranges.v[1].end == 45,
	    "backwards noted; an unended sequence keeps its closed rows");
	ws_dwarf_lines_free(&l);
	free(base);

	/* v5: 2^40 directories of no format; 2^40 files of a string each;
	 * a path past .debug_line_str */
	for (int which = 0; which < 3; which++) {
		struct buf h = { 0 };

		line.n = p.n = 0;
		header_fields(&h, 5, 14, 13);
		if (which == 0) {
			put_u8(&h, 0);
			put_uleb(&h, (uint64_t)1 << 40);
		} else {
			put(&h, "\x01\x01\x08", 3);
			put_uleb(&h, 1);
			put_cstr(&h, "/d");
			put_u8(&h, 1);
			put_u8(&h, 1);
			put_u8(&h, which == 1 ? 0x08 : 0x1f);
			put_uleb(&h, which == 1 ? (uint64_t)1 << 40 : 1);
			if (which == 1)
				put_cstr(&h, "f.c");
			else
				put_le(&h, 9999, 4);
		}
		seq(&p, 10, 0, 5);
		unit(&line, 5, &h, &p);
		decode_line(&line, &l, &base);
		ok(l.ranges.n == 0 && l.nnotes >= 1 && has_note(&l, which == 0 ?
		    "entries of no bytes" : which == 1 ? "unterminated" :
		    "past the end of .debug_line_str"), "v5 %s: %s",
		    which == 0 ? "huge directory count" : which == 1 ?
		    "huge file count" : "line_strp past the end",
		    l.nnotes ? l.notes[0].text : "no note");
		ws_dwarf_lines_free(&l);
		free(base);
		buf_free(&h);
	}

	/* .debug_info: an unknown form; the program decodes without its
	 * compile directory */
	{
		struct secs s = { 0 };

		cu_v4(&s, 0);
		s.abbrev.b[4] = 0x7f;	/* DW_AT_name's form */
		put(&s.line, good.b, good.n);
		base = decode(&s, &s.line, s.line.n, &l);
		ok(has_note(&l, "form 0x7f is not supported") &&
		    !l.units.v[0].has_cu && path_is(&l, 0, "a.c"),
		    "unknown form in the CU: noted, path relative");
		ws_dwarf_lines_free(&l);
		free(base);
		s.abbrev.b[4] = 0x08;
		s.info.b[11] = 7;	/* abbreviation 7: absent */
		base = decode(&s, &s.line, s.line.n, &l);
		ok(has_note(&l, "abbreviation 7 not found"), "missing "
		    "abbreviation noted");
		ws_dwarf_lines_free(&l);
		free(base);
		secs_free(&s);
	}

	/* a LEB128 of 11 bytes with bits past 64 */
	line.n = p.n = 0;
	put_u8(&p, 2);
	put(&p, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11);
	small_v4(&line, 14, 13, &p);
	decode_line(&line, &l, &base);
	ok(has_note(&l, "exceeds 64 bits"), "LEB128 over 64 bits noted");
	ws_dwarf_lines_free(&l);
	free(base);

	buf_free(&line);
	buf_free(&p);
	buf_free(&good);
}

/* Paths from many files under one long directory: bounded, noted. */
static void
test_budget(void)
{
	struct buf	 h = { 0 }, p = { 0 }, line = { 0 };
	struct ws_dwarf_lines l;
	uint8_t		*base;
	char		*dir = malloc(60001), name[16];
	size_t		 text = 0;

	memset(dir, 'd', 60000);
	dir[0] = '/';
	dir[60000] = '\0';
	header_fields(&h, 4, 14, 13);
	put_cstr(&h, dir);
	put_u8(&h, 0);
	for (int i = 0; i < 200; i++) {
		snprintf(name, sizeof name, "f%d.c", i);
		put_cstr(&h, name);
		put(&h, "\x01\x00\x00", 3);
	}
	put_u8(&h, 0);
	set_address(&p, 1);
	for (int i = 0; i < 98; i++) {
		set_file(&p, (uint64_t)i + 1);
		copy(&p);
		advance_pc(&p, 1);
	}
	end_seq(&p);
	unit(&line, 4, &h, &p);
	decode_line(&line, &l, &base);
	text = l.ntext;
	ok(l.files.n == 98 && has_note(&l, "source paths take more bytes") &&
	    text < 3 * 1024 * 1024, "long paths: %zu files, %zu bytes of "
	    "paths, the rest by entry", l.files.n, text);
	ok(bytes_of(&l, "(file 98 of the line program at 0x0)") == 1,
	    "a file past the budget is named by its entry");
	ws_dwarf_lines_free(&l);
	free(base);
	free(dir);
	buf_free(&h);
	buf_free(&p);
	buf_free(&line);
}

/*
 * Work that references could multiply: many directories naming one long
 * string, many units searching one long abbreviation table.  Both stop at
 * a budget, with a note.
 */
static void
test_multiplied(void)
{
	struct secs	 s = { 0 };
	struct buf	 h = { 0 }, p = { 0 }, die = { 0 };
	struct ws_dwarf_lines l;
	uint8_t		*base;
	char		*big = malloc(1 << 20);

	memset(big, 'x', (1 << 20) - 1);
	big[0] = '/';
	big[(1 << 20) - 1] = '\0';
	put(&s.line_str, big, 1 << 20);
	header_fields(&h, 5, 14, 13);
	put(&h, "\x01\x01\x1f", 3);
	put_uleb(&h, 40);
	for (int i = 0; i < 40; i++)
		put_le(&h, 0, 4);
	put(&h, "\x02\x01\x08\x02\x0b", 5);
	put_uleb(&h, 1);
	put_cstr(&h, "f.c");
	put_u8(&h, 0);
	seq(&p, 10, 0, 5);
	unit(&s.line, 5, &h, &p);
	base = decode(&s, &s.line, s.line.n, &l);
	ok(has_note(&l, "strings looked up too often") && l.ranges.n == 1,
	    "one long string named 40 times: looked up within a budget");
	ws_dwarf_lines_free(&l);
	free(base);
	secs_free(&s);

	/* 2000 abbreviations, the one wanted last; 20000 units want it */
	for (int i = 2; i <= 2001; i++) {
		put_uleb(&s.abbrev, (uint64_t)i);
		put(&s.abbrev, "\x34\x00\x03\x08\x00\x00", 6);
	}
	put_uleb(&s.abbrev, 1);
	put(&s.abbrev, "\x11\x00\x10\x17\x00\x00\x00", 7);
	put_uleb(&die, 1);
	put_le(&die, 0, 4);
	for (int i = 0; i < 20000; i++) {
		put_le(&s.info, 2 + 4 + 1 + die.n, 4);
		put_le(&s.info, 4, 2);
		put_le(&s.info, 0, 4);
		put_u8(&s.info, 4);
		put(&s.info, die.b, die.n);
	}
	h.n = p.n = 0;
	seq(&p, 10, 1, 5);
	small_v4(&s.line, 14, 13, &p);
	base = decode(&s, &s.line, s.line.n, &l);
	ok(has_note(&l, "abbreviation tables searched too often") &&
	    l.units.n == 1 && l.units.v[0].has_cu && l.ranges.n == 1,
	    "20000 units searching one table: within a budget");
	ws_dwarf_lines_free(&l);
	free(base);
	secs_free(&s);
	buf_free(&h);
	buf_free(&p);
	buf_free(&die);
	free(big);
}

/* Every prefix of each section, and byte flips, decode without harm. */
static void
test_mutations(void)
{
	struct secs	 v4 = { 0 }, v5 = { 0 };
	struct secs	*all[2] = { &v4, &v5 };
	static const uint8_t flips[] = { 0x00, 0xff, 0x80, 0x7f };
	struct ws_dwarf_lines l;
	uint8_t		*base;
	size_t		 runs = 0, bad = 0;

	cu_v4(&v4, 0);
	program_v4(&v4.line, 4);
	test_v5_build(&v5);
	for (int k = 0; k < 2; k++) {
		struct buf *targets[3] = { &all[k]->line, &all[k]->info,
			&all[k]->abbrev };

		for (int t = 0; t < 3; t++) {
			struct buf *b = targets[t];

			for (size_t cut = 0; cut <= b->n; cut++) {
				base = decode(all[k], b, cut, &l);
				bad += !sane(&l);
				runs++;
				ws_dwarf_lines_free(&l);
				free(base);
			}
			for (size_t i = 0; i < b->n; i++)
				for (size_t f = 0; f < sizeof flips; f++) {
					uint8_t was = b->b[i];

					b->b[i] = flips[f];
					base = decode(all[k], b, b->n, &l);
					bad += !sane(&l);
					runs++;
					ws_dwarf_lines_free(&l);
					free(base);
					b->b[i] = was;
				}
		}
	}
	ok(bad == 0, "%zu truncated or mutated inputs: every range inside the "
	    "code", runs);
	secs_free(&v4);
	secs_free(&v5);
}

/* --- through a module: code bytes by file, and the rollups --------------- */

static void
section(struct buf *m, uint8_t id, const char *name, const struct buf *body)
{
	size_t	 nl = name ? strlen(name) : 0;

	put_u8(m, id);
	put_uleb(m, (name ? 1 + nl : 0) + body->n);
	if (name) {
		put_uleb(m, nl);
		put(m, name, nl);
	}
	put(m, body->b, body->n);
}

static int
group_is(const struct ws_sources *s, size_t i, const char *path,
    uint64_t size, uint32_t files)
{
	const struct ws_source_group *g = &s->groups[i];

	return i < s->ngroups && g->len == strlen(path) &&
	    memcmp(g->path, path, g->len) == 0 && g->size == size &&
	    g->files == files && g->dir == (path[g->len - 1] == '/');
}

static void
test_sources(void)
{
	static const char *const paths[5] = {
		"/root/.cargo/registry/src/index.crates.io-6f17d22bba15001f/"
		    "serde-1.0.200/src/de.rs",
		"/root/.cargo/registry/src/index.crates.io-6f17d22bba15001f/"
		    "serde-1.0.200/src/ser.rs",
		"/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/"
		    "src/fmt/mod.rs",
		"/usr/include/c++/12/bits/vector.tcc",
		"rel/x.c",
	};
	struct buf	 m = { 0 }, b = { 0 }, h = { 0 }, p = { 0 }, line = { 0 };
	struct ws_module mod;
	struct ws_sources s;
	struct ws_diag	 d = { 0 };

	header_fields(&h, 4, 14, 13);
	put_u8(&h, 0);
	for (int i = 0; i < 5; i++) {
		put_cstr(&h, paths[i]);
		put(&h, "\x00\x00\x00", 3);
	}
	put_u8(&h, 0);
	for (int i = 0; i < 5; i++)
		seq(&p, 2 + 10 * (uint32_t)i, (uint64_t)i + 1,
		    (uint64_t)(10 - i));
	seq(&p, 5, 1, 10);		/* [12,15) goes to de.rs too: this
					   range starts lower than ser.rs's */
	unit(&line, 4, &h, &p);

	put(&m, "\0asm\1\0\0\0", 8);
	put(&b, "\x01\x60\x00\x00", 4);
	section(&m, WS_SEC_TYPE, NULL, &b);
	b.n = 0;
	put(&b, "\x01\x00", 2);
	section(&m, WS_SEC_FUNCTION, NULL, &b);
	b.n = 0;
	put(&b, "\x01\x62\x00", 3);	/* one body of 98 bytes: 96 nops */
	for (int i = 0; i < 96; i++)
		put_u8(&b, 0x01);
	put_u8(&b, 0x0b);
	section(&m, WS_SEC_CODE, NULL, &b);
	section(&m, WS_SEC_CUSTOM, ".debug_line", &line);

	ok(ws_module_parse(&mod, m.b, (struct ws_span){ 0, m.n }, &d) == 0,
	    "module parses: %s", d.text);
	ok(ws_sources_build(&s, &mod, WS_SOURCES_AUTO, &d) == 0, "builds");
	ok(s.code_size == CODE && s.bodies_size == 98 && s.covered ==
	    10 + 9 + 8 + 7 + 6 && s.nfiles == 5, "code %llu, bodies %llu, "
	    "covered %llu by %zu files", (unsigned long long)s.code_size,
	    (unsigned long long)s.bodies_size,
	    (unsigned long long)s.covered, s.nfiles);
	ok(s.ngroups == 4 && group_is(&s, 0, "/root/.cargo/registry/src/"
	    "index.crates.io-6f17d22bba15001f/serde-1.0.200/", 19, 2) &&
	    group_is(&s, 1, "/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/"
	    "library/core/", 8, 1) &&
	    group_is(&s, 2, "/usr/include/c++/12/", 7, 1) &&
	    group_is(&s, 3, "rel/x.c", 6, 1), "automatic: a crate, the "
	    "standard library, C++ headers; a plain file alone");
	ok(s.files[0].size == 13 && s.files[1].size == 8 &&
	    s.files[4].size == 6 && s.files[0].nunits == 1 &&
	    s.unit_size[0] == s.covered, "overlaps counted once; files by "
	    "size, with their unit");
	ws_sources_free(&s);
	ok(ws_sources_build(&s, &mod, 2, &d) == 0 && s.ngroups == 4 &&
	    group_is(&s, 0, "/root/.cargo/", 19, 2) &&
	    group_is(&s, 1, "/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/",
	    8, 1) && group_is(&s, 2, "/usr/include/", 7, 1) &&
	    group_is(&s, 3, "rel/x.c", 6, 1), "--depth 2");
	ws_sources_free(&s);
	ok(ws_sources_build(&s, &mod, WS_SOURCES_FILES, &d) == 0 &&
	    s.ngroups == 5 && group_is(&s, 4, paths[4], 6, 1),
	    "--depth 0: every file");
	ws_sources_free(&s);
	ws_module_free(&mod);

	/* no .debug_line at all */
	m.n = 0;
	put(&m, "\0asm\1\0\0\0", 8);
	ok(ws_module_parse(&mod, m.b, (struct ws_span){ 0, m.n }, &d) == 0 &&
	    ws_sources_build(&s, &mod, WS_SOURCES_AUTO, &d) == 0 &&
	    !s.lines.present && s.ngroups == 0 && s.covered == 0,
	    "no DWARF: nothing, and no error");
	ws_sources_free(&s);
	ws_module_free(&mod);
	buf_free(&m);
	buf_free(&b);
	buf_free(&h);
	buf_free(&p);
	buf_free(&line);
}

int
main(void)
{
	test_v4();
	test_v5();
	test_malformed();
	test_budget();
	test_multiplied();
	test_mutations();
	test_sources();
	return tap_done();
}

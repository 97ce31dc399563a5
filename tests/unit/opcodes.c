/* SPDX-License-Identifier: MIT */
/*
 * opcodes.c - TAP tests of the instruction decoder (wasm/opcodes.c) and the
 * type readers (wasm/valtype.c).  The opcode space is described here a
 * second time, independently, as ranges with hand-assembled immediates;
 * every opcode must decode with exactly those bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "tap.h"
#include "wasm/diag.h"
#include "wasm/opcodes.h"
#include "wasm/reader.h"
#include "wasm/valtype.h"

#define nitems(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- running the decoder on a byte array ---- */

struct seen {
	enum ws_ref_kind	 kind;
	uint32_t		 index;
	size_t			 offset;
};

struct log {
	struct seen	 refs[64];
	size_t		 nrefs;
	uint32_t	 last_op;
	size_t		 nops;
	int		 saw_op;	/* want_op was seen */
	uint32_t	 want_op;
};

static void
log_ref(void *ctx, enum ws_ref_kind kind, uint32_t index, size_t offset)
{
	struct log	*l = ctx;

	if (l->nrefs < nitems(l->refs))
		l->refs[l->nrefs++] = (struct seen){ kind, index, offset };
}

static void
log_op(void *ctx, uint32_t opcode)
{
	struct log	*l = ctx;

	l->nops++;
	l->last_op = opcode;
	if (opcode == l->want_op)
		l->saw_op = 1;
}

enum walker { EXPR, BODY };

/*
 * Decodes n bytes copied into an exactly sized heap block (so that the
 * sanitizers see any read past the end), placed after `skip` bytes of
 * padding so that offsets are file offsets, not offsets into the body.
 * Returns the walker's result; *used gets the bytes consumed.
 */
static int
run(enum walker w, const uint8_t *bytes, size_t n, size_t skip,
    struct ws_diag *d, struct log *l, size_t *used)
{
	uint8_t			*copy = malloc(skip + n + 1);
	struct ws_reader	 r;
	struct ws_code_visitor	 v = { log_ref, log_op, l, NULL };
	int			 rc;

	if (copy == NULL)
		abort();
	memset(copy, 0xee, skip);
	memcpy(copy + skip, bytes, n);
	memset(d, 0, sizeof *d);
	ws_reader_init(&r, copy, skip + n, d);
	r.pos = copy + skip;
	rc = w == EXPR ? ws_expr_walk(&r, l != NULL ? &v : NULL) :
	    ws_func_body_walk(&r, l != NULL ? &v : NULL);
	if (used != NULL)
		*used = (size_t)(r.pos - (copy + skip));
	free(copy);
	return rc;
}

/* ---- the opcode space, described independently of src/wasm ---- */

enum shape {
	NONE, BT, IDX, IDX2, BR_TABLE, MEMARG, MEMARG_LANE, I32, I64, F32,
	F64, BYTES16, LANE, HEAPTYPE, SELECT_T, TRY_TABLE, BR_ON_CAST, ZERO,
};

enum nest { FLAT, OPEN, MID, CLOSE, END };

struct range {
	uint32_t	first, last;
	enum shape	shape;
	enum nest	nest;
};

static const struct range single[] = {
	{ 0x00, 0x01, NONE, FLAT },	/* unreachable nop */
	{ 0x02, 0x04, BT, OPEN },	/* block loop if */
	{ 0x05, 0x05, NONE, MID },	/* else */
	{ 0x06, 0x06, BT, OPEN },	/* try */
	{ 0x07, 0x07, IDX, MID },	/* catch tag */
	{ 0x08, 0x09, IDX, FLAT },	/* throw tag, rethrow label */
	{ 0x0a, 0x0a, NONE, FLAT },	/* throw_ref */
	{ 0x0b, 0x0b, NONE, END },
	{ 0x0c, 0x0d, IDX, FLAT },	/* br br_if */
	{ 0x0e, 0x0e, BR_TABLE, FLAT },
	{ 0x0f, 0x0f, NONE, FLAT },	/* return */
	{ 0x10, 0x10, IDX, FLAT },	/* call */
	{ 0x11, 0x11, IDX2, FLAT },	/* call_indirect */
	{ 0x12, 0x12, IDX, FLAT },	/* return_call */
	{ 0x13, 0x13, IDX2, FLAT },	/* return_call_indirect */
	{ 0x14, 0x15, IDX, FLAT },	/* call_ref return_call_ref */
	{ 0x18, 0x18, IDX, CLOSE },	/* delegate */
	{ 0x19, 0x19, NONE, MID },	/* catch_all */
	{ 0x1a, 0x1b, NONE, FLAT },	/* drop select */
	{ 0x1c, 0x1c, SELECT_T, FLAT },
	{ 0x1f, 0x1f, TRY_TABLE, OPEN },
	{ 0x20, 0x26, IDX, FLAT },	/* locals, globals, table.get/set */
	{ 0x28, 0x3e, MEMARG, FLAT },	/* loads, stores */
	{ 0x3f, 0x40, IDX, FLAT },	/* memory.size/grow */
	{ 0x41, 0x41, I32, FLAT },
	{ 0x42, 0x42, I64, FLAT },
	{ 0x43, 0x43, F32, FLAT },
	{ 0x44, 0x44, F64, FLAT },
	{ 0x45, 0xc4, NONE, FLAT },	/* numeric, sign extension */
	{ 0xd0, 0xd0, HEAPTYPE, FLAT },	/* ref.null */
	{ 0xd1, 0xd1, NONE, FLAT },
	{ 0xd2, 0xd2, IDX, FLAT },	/* ref.func */
	{ 0xd3, 0xd4, NONE, FLAT },	/* ref.eq ref.as_non_null */
	{ 0xd5, 0xd6, IDX, FLAT },	/* br_on_null br_on_non_null */
};

static const struct range gc[] = {
	{ 0, 1, IDX, FLAT },		/* struct.new(_default) */
	{ 2, 5, IDX2, FLAT },		/* struct.get/get_s/get_u/set */
	{ 6, 7, IDX, FLAT },		/* array.new(_default) */
	{ 8, 10, IDX2, FLAT },		/* array.new_fixed/new_data/new_elem */
	{ 11, 14, IDX, FLAT },		/* array.get/get_s/get_u/set */
	{ 15, 15, NONE, FLAT },		/* array.len */
	{ 16, 16, IDX, FLAT },		/* array.fill */
	{ 17, 19, IDX2, FLAT },		/* array.copy/init_data/init_elem */
	{ 20, 23, HEAPTYPE, FLAT },	/* ref.test ref.cast */
	{ 24, 25, BR_ON_CAST, FLAT },
	{ 26, 30, NONE, FLAT },		/* conversions, i31 */
};

static const struct range misc[] = {
	{ 0, 7, NONE, FLAT },		/* trunc_sat */
	{ 8, 8, IDX2, FLAT },		/* memory.init */
	{ 9, 9, IDX, FLAT },		/* data.drop */
	{ 10, 10, IDX2, FLAT },		/* memory.copy */
	{ 11, 11, IDX, FLAT },		/* memory.fill */
	{ 12, 12, IDX2, FLAT },		/* table.init */
	{ 13, 13, IDX, FLAT },		/* elem.drop */
	{ 14, 14, IDX2, FLAT },		/* table.copy */
	{ 15, 17, IDX, FLAT },		/* table.grow/size/fill */
};

static const struct range simd[] = {
	{ 0x00, 0x0b, MEMARG, FLAT },
	{ 0x0c, 0x0d, BYTES16, FLAT },	/* v128.const i8x16.shuffle */
	{ 0x0e, 0x14, NONE, FLAT },
	{ 0x15, 0x22, LANE, FLAT },
	{ 0x23, 0x53, NONE, FLAT },
	{ 0x54, 0x5b, MEMARG_LANE, FLAT },
	{ 0x5c, 0x5d, MEMARG, FLAT },
	{ 0x5e, 0x113, NONE, FLAT },	/* minus simd_gaps[] */
};

static const uint32_t simd_gaps[] = {
	0x9a, 0xa2, 0xa5, 0xa6, 0xaf, 0xb0, 0xb2, 0xb3, 0xb4, 0xbb,
	0xc2, 0xc5, 0xc6, 0xcf, 0xd0, 0xd2, 0xd3, 0xd4, 0xe2, 0xee,
};

static const struct range atomic[] = {
	{ 0x00, 0x02, MEMARG, FLAT },	/* notify wait32 wait64 */
	{ 0x03, 0x03, ZERO, FLAT },	/* atomic.fence */
	{ 0x10, 0x4e, MEMARG, FLAT },
};

static const struct space {
	const char		*name;
	uint32_t		 prefix;	/* 0: one-byte opcodes */
	const struct range	*ranges;
	size_t			 nranges;
	size_t			 count;		/* opcodes in the space */
} spaces[] = {
	{ "one-byte", 0, single, nitems(single), 199 },
	{ "0xfb (GC)", 0xfb, gc, nitems(gc), 31 },
	{ "0xfc (misc)", 0xfc, misc, nitems(misc), 18 },
	{ "0xfd (SIMD)", 0xfd, simd, nitems(simd), 256 },
	{ "0xfe (threads)", 0xfe, atomic, nitems(atomic), 67 },
};

static const struct range *
expected(const struct space *s, uint32_t sub)
{
	if (s->prefix == 0xfd)
		for (size_t i = 0; i < nitems(simd_gaps); i++)
			if (sub == simd_gaps[i])
				return NULL;
	for (size_t i = 0; i < s->nranges; i++)
		if (sub >= s->ranges[i].first && sub <= s->ranges[i].last)
			return &s->ranges[i];
	return NULL;
}

/* Hand-assembled immediates, with multi-byte LEBs where they fit. */
static void
put_imm(struct buf *b, enum shape shape)
{
	switch (shape) {
	case NONE:
		break;
	case BT:
		put_u8(b, 0x7f);				/* (result i32) */
		break;
	case IDX:
		PUT(b, 0x85, 0x01);			/* 133 */
		break;
	case IDX2:
		PUT(b, 0x85, 0x01, 0x02);		/* 133 2 */
		break;
	case BR_TABLE:
		PUT(b, 0x03, 0x00, 0x81, 0x01, 0x02, 0x00);
		break;
	case MEMARG:					/* align 2, mem 1, */
		PUT(b, 0x42, 0x01, 0x80, 0x80, 0x80, 0x80, 0x10);
		break;					/* offset 2^32 */
	case MEMARG_LANE:
		PUT(b, 0x03, 0x08, 0x07);		/* align 3, 8, lane 7 */
		break;
	case I32:
		PUT(b, 0x80, 0x80, 0x80, 0x80, 0x78);	/* INT32_MIN */
		break;
	case I64:
		PUT(b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		    0x00);				/* 2^63 - 1 */
		break;
	case F32:
		PUT(b, 0x00, 0x00, 0x80, 0x3f);		/* 1.0 */
		break;
	case F64:
		PUT(b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b);
		break;
	case BYTES16:
		PUT(b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
		    0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b);
		break;
	case LANE:
		put_u8(b, 0x0b);
		break;
	case HEAPTYPE:
		PUT(b, 0x8a, 0x02);			/* type 266 */
		break;
	case SELECT_T:
		PUT(b, 0x02, 0x7f, 0x63, 0x70);		/* i32 funcref */
		break;
	case TRY_TABLE:
		PUT(b, 0x40, 0x04, 0x00, 0x01, 0x00, 0x01, 0x02, 0x01, 0x02,
		    0x00, 0x03, 0x01);
		break;
	case BR_ON_CAST:
		PUT(b, 0x03, 0x00, 0x6e, 0x05);		/* any -> $5 */
		break;
	case ZERO:
		put_u8(b, 0x00);
		break;
	}
}

/* One instruction in the context it needs, ending the expression. */
static void
assemble(struct buf *b, uint32_t prefix, uint32_t sub,
    const struct range *rg)
{
	b->n = 0;
	if (rg->nest == MID)
		PUT(b, 0x02, 0x40);		/* block */
	if (rg->nest == CLOSE)
		PUT(b, 0x06, 0x40);		/* try */
	if (prefix != 0) {
		put_u8(b, (uint8_t)prefix);
		put_uleb(b, sub);
	} else {
		put_u8(b, (uint8_t)sub);
	}
	put_imm(b, rg->shape);
	if (rg->nest == OPEN || rg->nest == MID)
		put_u8(b, 0x0b);
	if (rg->nest != END)
		put_u8(b, 0x0b);
}

static void
test_every_opcode(void)
{
	struct buf	 b = { 0 };

	for (size_t s = 0; s < nitems(spaces); s++) {
		const struct space *sp = &spaces[s];
		uint32_t	 limit = sp->prefix == 0 ? 0x100 : 0x400;
		size_t		 known = 0, decoded = 0, truncs = 0, bad = 0;

		for (uint32_t sub = 0; sub < limit; sub++) {
			uint32_t	 code = sp->prefix << 16 | sub;
			const struct range *rg = expected(sp, sub);
			const char	*name = ws_opcode_name(code);
			struct ws_diag	 d;
			struct log	 l = { .want_op = code };
			size_t		 used;

			if ((rg != NULL) != (name != NULL)) {
				printf("# %s: opcode 0x%x: expected %s, "
				    "table says %s\n", sp->name, code,
				    rg ? "an instruction" : "none",
				    name ? name : "none");
				bad++;
			}
			if (rg == NULL)
				continue;
			known++;
			assemble(&b, sp->prefix, sub, rg);
			if (run(EXPR, b.b, b.n, 3, &d, &l, &used) == 0 &&
			    used == b.n && l.saw_op)
				decoded++;
			else
				printf("# %s 0x%x (%s): %s (used %zu of %zu)\n",
				    sp->name, code, name ? name : "?",
				    d.text, used, b.n);
			/* every truncation fails, records an error inside
			   the input, and leaves the reader where it was */
			size_t tgood = 0;
			for (size_t n = 0; n < b.n; n++) {
				int rc = run(EXPR, b.b, n, 3, &d, NULL, &used);

				if (rc == -1 && d.code != WS_OK && used == 0 &&
				    d.offset >= 3 && d.offset <= 3 + n)
					tgood++;
				else
					printf("# %s 0x%x truncated to %zu: "
					    "rc/diag wrong\n", sp->name, code,
					    n);
			}
			if (tgood == b.n)
				truncs++;
		}
		ok(bad == 0 && known == sp->count,
		    "%s: %zu opcodes known, as expected", sp->name, known);
		ok(decoded == known, "%s: all %zu decode with hand-assembled "
		    "immediates", sp->name, decoded);
		ok(truncs == known, "%s: every truncation of each fails "
		    "cleanly", sp->name);
	}
	/* far past the end of every table */
	ok(ws_opcode_name(0xfd10000) == NULL &&
	    ws_opcode_name(0xfb0000 | 0xffff) == NULL &&
	    ws_opcode_name(0xff0000) == NULL && ws_opcode_name(0x100) == NULL,
	    "opcodes beyond the tables have no name");
	buf_free(&b);
}

static void
test_names(void)
{
	static const struct {
		uint32_t	 code;
		const char	*name;
	} want[] = {
		{ 0x00, "unreachable" },
		{ 0x0b, "end" },
		{ 0x11, "call_indirect" },
		{ 0x1c, "select" },
		{ 0x1f, "try_table" },
		{ 0x28, "i32.load" },
		{ 0x6a, "i32.add" },
		{ 0xc4, "i64.extend32_s" },
		{ 0xd6, "br_on_non_null" },
		{ 0xfb0008, "array.new_fixed" },
		{ 0xfb0018, "br_on_cast" },
		{ 0xfb001e, "i31.get_u" },
		{ 0xfc0007, "i64.trunc_sat_f64_u" },
		{ 0xfc0008, "memory.init" },
		{ 0xfc0011, "table.fill" },
		{ 0xfd000c, "v128.const" },
		{ 0xfd000d, "i8x16.shuffle" },
		{ 0xfd0054, "v128.load8_lane" },
		{ 0xfd009c, "i16x8.extmul_low_i8x16_s" },
		{ 0xfd00ff, "f64x2.convert_low_i32x4_u" },
		{ 0xfd0100, "i8x16.relaxed_swizzle" },
		{ 0xfd0113, "i32x4.relaxed_dot_i8x16_i7x16_add_s" },
		{ 0xfe0000, "memory.atomic.notify" },
		{ 0xfe0003, "atomic.fence" },
		{ 0xfe004e, "i64.atomic.rmw32.cmpxchg_u" },
	};
	static const uint32_t none[] = {
		0x16, 0x17, 0x1d, 0x1e, 0x27, 0xc5, 0xcf, 0xd7, 0xfa, 0xfb,
		0xfc, 0xfd, 0xfe, 0xff, 0xfb001f, 0xfc0012, 0xfd009a,
		0xfd0114, 0xfd01a3, 0xfe0004, 0xfe000f, 0xfe004f, 0x10000,
	};
	size_t	 good = 0;

	for (size_t i = 0; i < nitems(want); i++) {
		const char *n = ws_opcode_name(want[i].code);

		if (n != NULL && strcmp(n, want[i].name) == 0)
			good++;
		else
			printf("# 0x%x: got %s, want %s\n", want[i].code,
			    n ? n : "NULL", want[i].name);
	}
	ok(good == nitems(want), "ws_opcode_name spot checks");
	good = 0;
	for (size_t i = 0; i < nitems(none); i++)
		if (ws_opcode_name(none[i]) == NULL)
			good++;
		else
			printf("# 0x%x should be unknown\n", none[i]);
	ok(good == nitems(none), "ws_opcode_name: NULL for reserved "
	    "opcodes and bare prefixes");
}

/* A failure at `offset` whose message contains `text`. */
static void
expect_fail(enum walker w, const uint8_t *bytes, size_t n, size_t offset,
    const char *text, const char *desc)
{
	struct ws_diag	 d;
	size_t		 used;
	int		 rc = run(w, bytes, n, 5, &d, NULL, &used);

	ok(rc == -1 && d.offset == 5 + offset && strstr(d.text, text) &&
	    used == 0, "%s", desc);
	if (rc != -1 || d.offset != 5 + offset || !strstr(d.text, text))
		printf("# rc %d, offset 0x%zx (want 0x%zx): \"%s\" "
		    "(want \"%s\")\n", rc, d.offset, 5 + offset, d.text, text);
}

#define FAIL(w, off, text, desc, ...)	do {				\
	static const uint8_t in_[] = { __VA_ARGS__ };			\
	expect_fail((w), in_, sizeof in_, (off), (text), (desc));	\
} while (0)

static void
test_body_ends(void)
{
	FAIL(BODY, 3, "function body: 2 trailing bytes after the final end",
	    "final end comes early: trailing bytes at the right offset",
	    0x00, 0x01, 0x0b, 0x01, 0x01);
	FAIL(BODY, 3, "function body: missing end",
	    "no final end: missing end at the end of the body",
	    0x00, 0x01, 0x01);
	FAIL(BODY, 7, "function body: missing end",
	    "block closed but not the body: missing end",
	    0x00, 0x02, 0x40, 0x01, 0x0b, 0x41, 0x00);
	FAIL(BODY, 1, "function body: missing end", "empty body", 0x00);
	FAIL(EXPR, 3, "expression: missing end",
	    "constant expression without end", 0x41, 0x80, 0x01);
	FAIL(BODY, 1, "else outside a block", "else at depth 0",
	    0x00, 0x05, 0x0b);
	FAIL(BODY, 1, "delegate outside a block", "delegate at depth 0",
	    0x00, 0x18, 0x00, 0x0b);
	FAIL(BODY, 1, "catch_all outside a block", "catch_all at depth 0",
	    0x00, 0x19, 0x0b);
}

static void
test_locals(void)
{
	static const uint8_t max[] = {
		0x01, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x7f, 0x0b,
	};
	struct ws_diag	 d;
	size_t		 used;

	ok(run(BODY, max, sizeof max, 0, &d, NULL, &used) == 0 &&
	    used == sizeof max, "2^32-1 locals are allowed");
	FAIL(BODY, 7, "too many locals", "2^32 locals are too many",
	    0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x7f, 0x01, 0x7e, 0x0b);
	FAIL(BODY, 2, "local type: invalid value type 0x55",
	    "invalid local type names the byte",
	    0x01, 0x01, 0x55, 0x0b);
	FAIL(BODY, 0, "local declaration count",
	    "local declaration count larger than the body",
	    0x05, 0x01, 0x7f, 0x0b);
	FAIL(BODY, 3, "invalid heap type 0x55", "(ref null 0x55) local",
	    0x01, 0x01, 0x63, 0x55, 0x0b);
}

static void
test_bad_opcodes(void)
{
	FAIL(BODY, 3, "invalid opcode 0xfd 0x1a3",
	    "unknown SIMD opcode: message and offset",
	    0x00, 0x01, 0x01, 0xfd, 0xa3, 0x03, 0x0b);
	FAIL(BODY, 1, "invalid opcode 0xfd 0x9a", "SIMD gap 0x9a",
	    0x00, 0xfd, 0x9a, 0x01, 0x0b);
	FAIL(BODY, 2, "invalid opcode 0x27", "reserved one-byte opcode",
	    0x00, 0x01, 0x27, 0x0b);
	FAIL(BODY, 1, "invalid opcode 0xff", "0xff", 0x00, 0xff, 0x0b);
	FAIL(BODY, 1, "invalid opcode 0xfc 0x12", "unknown 0xfc opcode",
	    0x00, 0xfc, 0x12, 0x0b);
	FAIL(BODY, 1, "invalid opcode 0xfb 0x1f", "unknown 0xfb opcode",
	    0x00, 0xfb, 0x1f, 0x0b);
	FAIL(BODY, 1, "invalid opcode 0xfe 0x4", "unknown 0xfe opcode",
	    0x00, 0xfe, 0x04, 0x0b);
	FAIL(BODY, 2, "opcode: LEB128 exceeds 32 bits",
	    "over-long sub-opcode",
	    0x00, 0xfc, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b);
	FAIL(BODY, 2, "memarg: invalid alignment flags 0x80",
	    "memarg flags of 128 and more are malformed",
	    0x00, 0x28, 0x80, 0x01, 0x00, 0x0b);
	FAIL(BODY, 4, "try_table: invalid catch kind 0x04",
	    "try_table catch kind 4",
	    0x00, 0x1f, 0x40, 0x01, 0x04, 0x00, 0x0b, 0x0b);
	FAIL(BODY, 3, "br_on_cast: invalid cast flags 0x04",
	    "br_on_cast flags 4",
	    0x00, 0xfb, 0x18, 0x04, 0x00, 0x6e, 0x6e, 0x0b);
	FAIL(BODY, 3, "atomic.fence: reserved byte 0x01 is not zero",
	    "atomic.fence with a non-zero byte",
	    0x00, 0xfe, 0x03, 0x01, 0x0b);
	FAIL(BODY, 2, "block type: invalid block type 0x55",
	    "block type 0x55", 0x00, 0x02, 0x55, 0x0b, 0x0b);
	FAIL(BODY, 2, "block type: invalid block type (negative index -1)",
	    "negative block type index", 0x00, 0x02, 0xff, 0x7f, 0x0b, 0x0b);
	FAIL(BODY, 2, "heap type: invalid heap type 0x7f",
	    "ref.null i32 is not a heap type", 0x00, 0xd0, 0x7f, 0x0b);
	FAIL(BODY, 3, "select type: invalid value type 0x40",
	    "select with type 0x40", 0x00, 0x1c, 0x01, 0x40, 0x0b);
}

static int
same_refs(const struct log *l, const struct seen *want, size_t n)
{
	if (l->nrefs != n) {
		printf("# %zu refs, want %zu\n", l->nrefs, n);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (l->refs[i].kind != want[i].kind ||
		    l->refs[i].index != want[i].index ||
		    l->refs[i].offset != want[i].offset) {
			printf("# ref %zu: kind %d index %u offset 0x%zx; want "
			    "%d %u 0x%zx\n", i, l->refs[i].kind,
			    l->refs[i].index, l->refs[i].offset, want[i].kind,
			    want[i].index, want[i].offset);
			return 0;
		}
	return 1;
}

static void
test_stats(void)
{
	/* no locals; local.get 0, i32.const 1, i32.add, local.tee 0, drop, end */
	static const uint8_t body[] = { 0x00, 0x20, 0x00, 0x41, 0x01, 0x6a,
	    0x22, 0x00, 0x1a, 0x0b };
	struct ws_code_stats	 st = { 99, 99 };
	struct ws_code_visitor	 v = { NULL, NULL, NULL, &st };
	struct ws_diag		 d = { 0 };
	struct ws_reader	 r;

	ws_reader_init(&r, body, sizeof body, &d);
	int rc = ws_func_body_walk(&r, &v);
	ok(rc == 0 && st.instructions == 6 && st.local_ops == 2,
	    "stats: %u instructions, %u local ops", st.instructions,
	    st.local_ops);
}

static void
test_visitor(void)
{
	static const uint8_t body[] = {
		/*  0 */ 0x01, 0x01, 0x63, 0x09,	/* local (ref null 9) */
		/*  4 */ 0x10, 0x05,			/* call 5 */
		/*  6 */ 0xd2, 0x03,			/* ref.func 3 */
		/*  8 */ 0x23, 0x01,			/* global.get 1 */
		/* 10 */ 0x11, 0x02, 0x00,		/* call_indirect 2 0 */
		/* 13 */ 0xfc, 0x08, 0x04, 0x00,	/* memory.init 4 0 */
		/* 17 */ 0x08, 0x00,			/* throw 0 */
		/* 19 */ 0x1f, 0x40, 0x03,		/* try_table */
			 0x00, 0x07, 0x00,		/*  (catch 7 0) */
			 0x01, 0x08, 0x00,		/*  (catch_ref 8 0) */
			 0x02, 0x00,			/*  (catch_all 0) */
		/* 30 */ 0x0b,
		/* 31 */ 0x12, 0x06,			/* return_call 6 */
		/* 33 */ 0x28, 0x42, 0x03, 0x10,	/* i32.load mem 3 */
		/* 37 */ 0x36, 0x02, 0x00,		/* i32.store (mem 0) */
		/* 40 */ 0x02, 0x05,			/* block (type 5) */
		/* 42 */ 0x0b,
		/* 43 */ 0xfb, 0x09, 0x0a, 0x02,	/* array.new_data */
		/* 47 */ 0xfc, 0x0c, 0x01, 0x02,	/* table.init 1 2 */
		/* 51 */ 0x13, 0x04, 0x01,		/* return_call_indirect */
		/* 54 */ 0x14, 0x04,			/* call_ref 4 */
		/* 56 */ 0x0b,
	};
	static const struct seen want[] = {
		{ WS_REF_TYPE, 9, 5 + 2 },
		{ WS_REF_CALL, 5, 5 + 4 },
		{ WS_REF_FUNC, 3, 5 + 6 },
		{ WS_REF_GLOBAL, 1, 5 + 8 },
		{ WS_REF_CALL_INDIRECT, 2, 5 + 10 },
		{ WS_REF_TABLE, 0, 5 + 10 },
		{ WS_REF_DATA, 4, 5 + 13 },
		{ WS_REF_MEMORY, 0, 5 + 13 },
		{ WS_REF_TAG, 0, 5 + 17 },
		{ WS_REF_TAG, 7, 5 + 19 },
		{ WS_REF_TAG, 8, 5 + 19 },
		{ WS_REF_RETURN_CALL, 6, 5 + 31 },
		{ WS_REF_MEMORY, 3, 5 + 33 },
		{ WS_REF_MEMORY, 0, 5 + 37 },
		{ WS_REF_TYPE, 5, 5 + 40 },
		{ WS_REF_TYPE, 10, 5 + 43 },
		{ WS_REF_DATA, 2, 5 + 43 },
		{ WS_REF_ELEM, 1, 5 + 47 },
		{ WS_REF_TABLE, 2, 5 + 47 },
		{ WS_REF_CALL_INDIRECT, 4, 5 + 51 },
		{ WS_REF_TABLE, 1, 5 + 51 },
		{ WS_REF_TYPE, 4, 5 + 54 },
	};
	struct ws_diag	 d;
	struct log	 l = { .want_op = 0xfc0008 };
	size_t		 used;
	int		 rc;

	rc = run(BODY, body, sizeof body, 5, &d, &l, &used);
	ok(rc == 0 && used == sizeof body, "visitor test body decodes");
	if (rc != 0)
		printf("# %s\n", d.text);
	ok(same_refs(&l, want, nitems(want)), "visitor sees every ref, in "
	    "order, at the opcode's file offset");
	ok(l.saw_op && l.nops == 18 && l.last_op == 0x0b,
	    "op callback sees 18 instructions, 0xfc0008 among them");
	/* without a visitor, and with a visitor with no callbacks */
	ok(run(BODY, body, sizeof body, 0, &d, NULL, &used) == 0 &&
	    used == sizeof body, "v == NULL works");
}

static void
test_deep_nesting(void)
{
	const size_t	 depth = 1000000;
	size_t		 n = 1 + 2 * depth + depth + 1;
	uint8_t		*p = malloc(n);
	struct ws_reader r;
	struct ws_diag	 d = { 0 };
	struct log	 l = { .want_op = 0x02 };
	struct ws_code_visitor v = { NULL, log_op, &l, NULL };
	int		 rc;

	if (p == NULL)
		abort();
	p[0] = 0x00;
	for (size_t i = 0; i < depth; i++) {
		p[1 + 2 * i] = 0x02;
		p[2 + 2 * i] = 0x40;
	}
	memset(p + 1 + 2 * depth, 0x0b, depth + 1);
	ws_reader_init(&r, p, n, &d);
	rc = ws_func_body_walk(&r, &v);
	ok(rc == 0 && r.pos == r.end && l.nops == 2 * depth + 1,
	    "1,000,000 nested blocks decode without recursion");
	/* the same minus the final end */
	ws_reader_init(&r, p, n - 1, &d);
	rc = ws_func_body_walk(&r, NULL);
	ok(rc == -1 && d.offset == n - 1 && r.pos == p &&
	    strstr(d.text, "missing end") != NULL,
	    "1,000,000 nested blocks, one end short: missing end");
	free(p);
}

static void
test_truncated_bodies(void)
{
	static const uint8_t b1[] = {
		0x02, 0x01, 0x7f, 0x02, 0x64, 0x85, 0x01,	/* locals */
		0x41, 0xe5, 0x8e, 0x26,				/* i32.const */
		0x04, 0x7f, 0x42, 0x7f, 0x05, 0x44, 1, 2, 3, 4, 5, 6, 7, 8,
		0x0b, 0x0e, 0x02, 0x00, 0x01, 0x00,		/* br_table */
		0xfd, 0x0c, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
		15, 16, 0xfd, 0x54, 0x40, 0x02, 0x90, 0x4e, 0x03,
		0x1c, 0x01, 0x63, 0x6e, 0x1a, 0x0b,
	};
	static const uint8_t b2[] = {
		0x00, 0x1f, 0x64, 0x05, 0x02, 0x00, 0x85, 0x01, 0x00, 0x03,
		0x01, 0xfb, 0x18, 0x01, 0x00, 0x6e, 0x8a, 0x02, 0x0b, 0xfe,
		0x03, 0x00, 0xfe, 0x48, 0x02, 0x00, 0xfc, 0x0a, 0x00, 0x01,
		0x06, 0x40, 0x07, 0x00, 0x19, 0x0b, 0x06, 0x40, 0x18, 0x00,
		0x0b,
	};
	static const struct { const uint8_t *p; size_t n; } bodies[] = {
		{ b1, sizeof b1 }, { b2, sizeof b2 },
	};

	for (size_t i = 0; i < nitems(bodies); i++) {
		struct ws_diag	 d;
		size_t		 used, good = 0;

		ok(run(BODY, bodies[i].p, bodies[i].n, 0, &d, NULL, &used) ==
		    0 && used == bodies[i].n, "body %zu decodes whole", i + 1);
		for (size_t n = 0; n < bodies[i].n; n++)
			if (run(BODY, bodies[i].p, n, 7, &d, NULL, &used) ==
			    -1 && d.code != WS_OK && used == 0 &&
			    d.offset >= 7 && d.offset <= 7 + n)
				good++;
		ok(good == bodies[i].n, "body %zu: all %zu truncations fail "
		    "with an error inside the body", i + 1, bodies[i].n);
	}
}

/* ---- valtype.c ---- */

static int
read_type(int (*fn)(struct ws_reader *, uint32_t *, const char *),
    const uint8_t *bytes, size_t n, uint32_t *idx, struct ws_diag *d,
    size_t *used)
{
	struct ws_reader r;
	int		 rc;

	memset(d, 0, sizeof *d);
	ws_reader_init(&r, bytes, n, d);
	*idx = 12345;
	rc = fn(&r, idx, "t");
	*used = ws_reader_offset(&r);
	return rc;
}

static void
test_types(void)
{
	static const uint8_t vt_ok[] = {
		0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f, 0x6e, 0x6d, 0x6c,
		0x6b, 0x6a, 0x69, 0x74, 0x73, 0x72, 0x71, 0x67, 0x66, 0x62,
		0x61,
	};
	struct ws_diag	 d;
	uint32_t	 idx;
	size_t		 used, good = 0, bad = 0;
	uint8_t		 in[8];

	for (size_t i = 0; i < nitems(vt_ok); i++)
		if (read_type(ws_read_valtype, &vt_ok[i], 1, &idx, &d,
		    &used) == 0 && used == 1 && idx == UINT32_MAX)
			good++;
	ok(good == nitems(vt_ok), "all %zu one-byte value types",
	    nitems(vt_ok));

	/* every other byte is not a value type, with its own message */
	for (unsigned b = 0; b < 256; b++) {
		int valid = memchr(vt_ok, (int)b, sizeof vt_ok) != NULL ||
		    b == 0x63 || b == 0x64;
		char want[64];

		if (valid)
			continue;
		in[0] = (uint8_t)b;
		snprintf(want, sizeof want, "t: invalid value type 0x%02x", b);
		if (read_type(ws_read_valtype, in, 1, &idx, &d, &used) == -1 &&
		    used == 0 && idx == 12345 && strcmp(d.text, want) == 0)
			bad++;
	}
	ok(bad == 256 - nitems(vt_ok) - 2, "other bytes: \"invalid value "
	    "type 0xNN\"");

	memcpy(in, (uint8_t[]){ 0x64, 0x85, 0x01 }, 3);
	ok(read_type(ws_read_valtype, in, 3, &idx, &d, &used) == 0 &&
	    used == 3 && idx == 133, "(ref 133) gives its type index");
	memcpy(in, (uint8_t[]){ 0x63, 0x6e }, 2);
	ok(read_type(ws_read_valtype, in, 2, &idx, &d, &used) == 0 &&
	    used == 2 && idx == UINT32_MAX, "(ref null any)");
	memcpy(in, (uint8_t[]){ 0x63, 0x7f }, 2);
	ok(read_type(ws_read_valtype, in, 2, &idx, &d, &used) == -1 &&
	    used == 0 && strstr(d.text, "invalid heap type 0x7f") &&
	    d.offset == 1, "(ref null i32) fails at the heap type");
	memcpy(in, (uint8_t[]){ 0x64 }, 1);
	ok(read_type(ws_read_valtype, in, 1, &idx, &d, &used) == -1 &&
	    used == 0 && d.code == WS_ERR_TRUNCATED, "(ref truncated");
	memcpy(in, (uint8_t[]){ 0xff, 0xff, 0xff, 0xff, 0x0f }, 5);
	ok(read_type(ws_read_heaptype, in, 5, &idx, &d, &used) == 0 &&
	    used == 5 && idx == 0xffffffffu, "heap type index 2^32-1");
	memcpy(in, (uint8_t[]){ 0x80, 0x80, 0x80, 0x80, 0x70 }, 5);
	ok(read_type(ws_read_heaptype, in, 5, &idx, &d, &used) == -1 &&
	    used == 0 && strstr(d.text, "negative index -4294967296"),
	    "heap type s33 -2^32 is not an index");
	memcpy(in, (uint8_t[]){ 0xf0, 0x7f }, 2);
	ok(read_type(ws_read_heaptype, in, 2, &idx, &d, &used) == -1 &&
	    strstr(d.text, "negative index -16"), "over-long func heap "
	    "type is malformed");

	memcpy(in, (uint8_t[]){ 0x70 }, 1);
	ok(read_type(ws_read_reftype, in, 1, &idx, &d, &used) == 0 &&
	    used == 1, "funcref is a reftype");
	memcpy(in, (uint8_t[]){ 0x7f }, 1);
	ok(read_type(ws_read_reftype, in, 1, &idx, &d, &used) == -1 &&
	    strstr(d.text, "invalid reference type 0x7f"),
	    "i32 is not a reftype");
	memcpy(in, (uint8_t[]){ 0x64, 0x02 }, 2);
	ok(read_type(ws_read_reftype, in, 2, &idx, &d, &used) == 0 &&
	    used == 2 && idx == 2, "(ref 2) is a reftype");

	memcpy(in, (uint8_t[]){ 0x40 }, 1);
	ok(read_type(ws_read_blocktype, in, 1, &idx, &d, &used) == 0 &&
	    used == 1 && idx == UINT32_MAX, "block type 0x40");
	memcpy(in, (uint8_t[]){ 0x7b }, 1);
	ok(read_type(ws_read_blocktype, in, 1, &idx, &d, &used) == 0 &&
	    used == 1 && idx == UINT32_MAX, "block type v128");
	memcpy(in, (uint8_t[]){ 0x80, 0x01 }, 2);
	ok(read_type(ws_read_blocktype, in, 2, &idx, &d, &used) == 0 &&
	    used == 2 && idx == 128, "block type index 128");
	memcpy(in, (uint8_t[]){ 0x63, 0x80, 0x01 }, 3);
	ok(read_type(ws_read_blocktype, in, 3, &idx, &d, &used) == 0 &&
	    used == 3 && idx == 128, "block type (ref null 128)");
	memcpy(in, (uint8_t[]){ 0x3f }, 1);
	ok(read_type(ws_read_blocktype, in, 1, &idx, &d, &used) == 0 &&
	    used == 1 && idx == 63, "block type index 63");
	ok(read_type(ws_read_blocktype, in, 0, &idx, &d, &used) == -1 &&
	    d.code == WS_ERR_TRUNCATED, "block type at the end");

	memset(&d, 0, sizeof d);
	{
		struct ws_reader r;

		ws_reader_init(&r, (const uint8_t *)"\x63\x05", 2, &d);
		ok(ws_read_valtype(&r, NULL, "t") == 0 && r.pos == r.end,
		    "typeidx may be NULL");
	}
}

int
main(void)
{
	test_every_opcode();
	test_names();
	test_body_ends();
	test_locals();
	test_bad_opcodes();
	test_visitor();
	test_stats();
	test_deep_nesting();
	test_truncated_bodies();
	test_types();
	return tap_done();
}

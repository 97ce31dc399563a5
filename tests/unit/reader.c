/* SPDX-License-Identifier: MIT */
/*
 * reader.c - unit tests of the bounds-checked reader: LEB128 limits and
 * sign rules, truncation, counts that cannot fit, narrowing.
 */
#include <string.h>

#include "tap.h"
#include "wasm/reader.h"

static int
u32_of(const uint8_t *b, size_t n, uint32_t *v, struct ws_diag *d)
{
	struct ws_reader r;

	memset(d, 0, sizeof *d);
	ws_reader_init(&r, b, n, d);
	if (ws_read_u32(&r, v, "x") != 0)
		return (r.pos == b) ? -1 : -2;	/* -2: advanced on failure */
	return (int)(r.pos - b);
}

static int
s32_of(const uint8_t *b, size_t n, int32_t *v)
{
	struct ws_diag	 d = { 0 };
	struct ws_reader r;

	ws_reader_init(&r, b, n, &d);
	return ws_read_s32(&r, v, "x") == 0 ? (int)(r.pos - b) : -1;
}

static void
test_u32(void)
{
	struct ws_diag	 d;
	uint32_t	 v;

	ok(u32_of((const uint8_t []){ 0x00 }, 1, &v, &d) == 1 && v == 0,
	    "u32 0");
	ok(u32_of((const uint8_t []){ 0xe5, 0x8e, 0x26 }, 3, &v, &d) == 3 &&
	    v == 624485, "u32 624485");
	ok(u32_of((const uint8_t []){ 0xff, 0xff, 0xff, 0xff, 0x0f }, 5, &v,
	    &d) == 5 && v == UINT32_MAX, "u32 max in 5 bytes");
	ok(u32_of((const uint8_t []){ 0x80, 0x80, 0x80, 0x80, 0x00 }, 5, &v,
	    &d) == 5 && v == 0, "u32 padded zero");
	ok(u32_of((const uint8_t []){ 0xff, 0xff, 0xff, 0xff, 0x1f }, 5, &v,
	    &d) == -1 && d.code == WS_ERR_LEB, "u32 5th byte over 4 bits");
	ok(u32_of((const uint8_t []){ 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 }, 6,
	    &v, &d) == -1 && d.code == WS_ERR_LEB, "u32 6 bytes");
	ok(u32_of((const uint8_t []){ 0x80, 0x80 }, 2, &v, &d) == -1 &&
	    d.code == WS_ERR_TRUNCATED && d.offset == 0,
	    "u32 truncated: fails at its start, does not advance");
	ok(strstr(d.text, "x: truncated LEB128") != NULL,
	    "error names the field: %s", d.text);
}

static void
test_s32(void)
{
	int32_t	 v;

	ok(s32_of((const uint8_t []){ 0x7f }, 1, &v) == 1 && v == -1, "s32 -1");
	ok(s32_of((const uint8_t []){ 0x3f }, 1, &v) == 1 && v == 63, "s32 63");
	ok(s32_of((const uint8_t []){ 0xc0, 0x00 }, 2, &v) == 2 && v == 64,
	    "s32 64");
	ok(s32_of((const uint8_t []){ 0x80, 0x80, 0x80, 0x80, 0x78 }, 5, &v)
	    == 5 && v == INT32_MIN, "s32 min");
	ok(s32_of((const uint8_t []){ 0xff, 0xff, 0xff, 0xff, 0x07 }, 5, &v)
	    == 5 && v == INT32_MAX, "s32 max");
	ok(s32_of((const uint8_t []){ 0xff, 0xff, 0xff, 0xff, 0x0f }, 5, &v)
	    == -1, "s32: unused bits must copy the sign");
	ok(s32_of((const uint8_t []){ 0x80, 0x80, 0x80, 0x80, 0x70 }, 5, &v)
	    == -1, "s32: negative with bad high bits");
}

static void
test_s33_s64(void)
{
	struct ws_diag	 d = { 0 };
	struct ws_reader r;
	int64_t		 v;
	static const uint8_t s64min[] = { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
	    0x80, 0x80, 0x80, 0x7f };
	static const uint8_t s64bad[] = { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
	    0x80, 0x80, 0x80, 0x01 };
	static const uint8_t s33max[] = { 0xff, 0xff, 0xff, 0xff, 0x0f };

	ws_reader_init(&r, s64min, sizeof s64min, &d);
	ok(ws_read_s64(&r, &v, "x") == 0 && v == INT64_MIN, "s64 min");
	ws_reader_init(&r, s64bad, sizeof s64bad, &d);
	ok(ws_read_s64(&r, &v, "x") == -1, "s64: 10th byte is 0x00 or 0x7f");
	ws_reader_init(&r, s33max, sizeof s33max, &d);
	ok(ws_read_s33(&r, &v, "x") == 0 && v == 0xffffffffLL,
	    "s33 holds a u32 type index");
}

static void
test_counts_and_subs(void)
{
	struct ws_diag	 d = { 0 };
	struct ws_reader r, sub;
	uint32_t	 n;
	static const uint8_t huge[] = { 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3 };
	static const uint8_t name[] = { 0x05, 'a', 'b' };

	ws_reader_init(&r, huge, sizeof huge, &d);
	ok(ws_read_count(&r, &n, 1, "count") == -1 && r.pos == huge &&
	    strstr(d.text, "count 4294967295 does not fit in the 3 bytes left") != NULL,
	    "a count of 2^32-1 with 3 bytes left: %s", d.text);
	memset(&d, 0, sizeof d);
	ws_reader_init(&r, huge, sizeof huge, &d);
	r.pos = huge + 5;
	ok(ws_read_count(&r, &n, 1, "count") == 0 && n == 1,
	    "a count that fits");
	ws_reader_init(&r, huge, sizeof huge, &d);
	ok(ws_reader_sub(&r, 9, &sub, "sub") == -1, "sub past the end");
	ws_reader_init(&r, huge, sizeof huge, &d);
	ok(ws_reader_sub(&r, 8, &sub, "sub") == 0 && r.pos == r.end &&
	    sub.pos == huge && sub.end == huge + 8, "sub of everything");
	memset(&d, 0, sizeof d);
	ws_reader_init(&r, name, sizeof name, &d);
	struct ws_span sp;
	ok(ws_read_name(&r, &sp, "name") == -1 && r.pos == name &&
	    d.offset == 0, "name longer than the input");
	ws_reader_init(&r, name, sizeof name, &d);
	r.pos++;
	ok(ws_reader_expect_end(&r, "x") == -1, "trailing bytes detected");
}

static void
test_first_error_wins(void)
{
	struct ws_diag	 d = { 0 };

	ws_diag_set(&d, 3, WS_ERR_LEB, "first");
	ws_diag_set(&d, 9, WS_ERR_MALFORMED, "second");
	ok(d.offset == 3 && strcmp(d.text, "first") == 0, "first error wins");
}

int
main(void)
{
	test_u32();
	test_s32();
	test_s33_s64();
	test_counts_and_subs();
	test_first_error_wins();
	return tap_done();
}

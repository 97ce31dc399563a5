/* SPDX-License-Identifier: MIT */
/*
 * reader.c - bounds-checked LEB128 and byte reads over a span of the file.
 * Checks subtract (end - pos) and never form pointers past the end.
 */
#include <stdarg.h>
#include <stdio.h>

#include "reader.h"

void
ws_reader_init(struct ws_reader *r, const uint8_t *base, size_t n,
    struct ws_diag *diag)
{
	r->base = base;
	r->pos = base;
	r->end = base + n;
	r->ctx = NULL;
	r->diag = diag;
}

size_t
ws_reader_offset(const struct ws_reader *r)
{
	return (size_t)(r->pos - r->base);
}

size_t
ws_reader_left(const struct ws_reader *r)
{
	return (size_t)(r->end - r->pos);
}

int
ws_fail(struct ws_reader *r, const uint8_t *at, enum ws_err code,
    const char *fmt, ...)
{
	char	 msg[200];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (r->ctx != NULL)
		return ws_diag_set(r->diag, (size_t)(at - r->base), code,
		    "%s: %s", r->ctx, msg);
	return ws_diag_set(r->diag, (size_t)(at - r->base), code, "%s", msg);
}

int
ws_read_u8(struct ws_reader *r, uint8_t *out, const char *what)
{
	if (r->pos == r->end)
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: unexpected end", what);
	*out = *r->pos++;
	return 0;
}

/*
 * Unsigned LEB128 of at most `bits` bits.  The last byte may carry only the
 * bits that remain, and no continuation.
 */
static int
read_uleb(struct ws_reader *r, unsigned bits, uint64_t *out, const char *what)
{
	const uint8_t	*p = r->pos;
	uint64_t	 v = 0;

	for (unsigned shift = 0;; shift += 7) {
		if (p == r->end)
			return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
			    "%s: truncated LEB128", what);
		uint8_t b = *p++;
		if (bits - shift < 7 && (b >> (bits - shift)) != 0)
			return ws_fail(r, r->pos, WS_ERR_LEB,
			    "%s: LEB128 exceeds %u bits", what, bits);
		v |= (uint64_t)(b & 0x7f) << shift;
		if ((b & 0x80) == 0)
			break;
	}
	r->pos = p;
	*out = v;
	return 0;
}

/*
 * Signed LEB128 of at most `bits` bits.  In the last byte, the unused high
 * bits must all equal the sign bit.
 */
static int
read_sleb(struct ws_reader *r, unsigned bits, int64_t *out, const char *what)
{
	const uint8_t	*p = r->pos;
	uint64_t	 v = 0;
	unsigned	 shift = 0;
	uint8_t		 b;

	for (;;) {
		if (p == r->end)
			return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
			    "%s: truncated LEB128", what);
		b = *p++;
		if (bits - shift < 7) {
			/* bits (bits-shift-1)..6 must be copies of the sign */
			unsigned keep = bits - shift;
			uint8_t high = (uint8_t)(b & 0x7f) >> (keep - 1);
			uint8_t all = (uint8_t)(0x7f >> (keep - 1));
			if ((b & 0x80) != 0 || (high != 0 && high != all))
				return ws_fail(r, r->pos, WS_ERR_LEB,
				    "%s: LEB128 exceeds %u bits", what, bits);
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if ((b & 0x80) == 0)
			break;
	}
	if (shift < 64 && (b & 0x40) != 0)
		v |= ~(uint64_t)0 << shift;
	r->pos = p;
	*out = (int64_t)v;
	return 0;
}

int
ws_read_u32(struct ws_reader *r, uint32_t *out, const char *what)
{
	uint64_t	 v;

	if (read_uleb(r, 32, &v, what) != 0)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int
ws_read_u64(struct ws_reader *r, uint64_t *out, const char *what)
{
	return read_uleb(r, 64, out, what);
}

int
ws_read_s32(struct ws_reader *r, int32_t *out, const char *what)
{
	int64_t	 v;

	if (read_sleb(r, 32, &v, what) != 0)
		return -1;
	*out = (int32_t)v;
	return 0;
}

int
ws_read_s33(struct ws_reader *r, int64_t *out, const char *what)
{
	return read_sleb(r, 33, out, what);
}

int
ws_read_s64(struct ws_reader *r, int64_t *out, const char *what)
{
	return read_sleb(r, 64, out, what);
}

int
ws_read_skip(struct ws_reader *r, size_t n, const char *what)
{
	if (n > ws_reader_left(r))
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: %zu bytes needed, %zu left", what, n,
		    ws_reader_left(r));
	r->pos += n;
	return 0;
}

int
ws_read_name(struct ws_reader *r, struct ws_span *out, const char *what)
{
	const uint8_t	*start = r->pos;
	uint32_t	 len;

	if (ws_read_u32(r, &len, what) != 0)
		return -1;
	if (len > ws_reader_left(r)) {
		r->pos = start;
		return ws_fail(r, start, WS_ERR_TRUNCATED,
		    "%s: length %u runs past the end", what, len);
	}
	out->off = ws_reader_offset(r);
	out->len = len;
	r->pos += len;
	return 0;
}

int
ws_read_count(struct ws_reader *r, uint32_t *out, size_t min_entry,
    const char *what)
{
	const uint8_t	*start = r->pos;
	uint32_t	 n;

	if (ws_read_u32(r, &n, what) != 0)
		return -1;
	if (min_entry != 0 && n > ws_reader_left(r) / min_entry) {
		size_t left = ws_reader_left(r);

		r->pos = start;
		return ws_fail(r, start, WS_ERR_MALFORMED,
		    "%s %u does not fit in the %zu bytes left", what, n, left);
	}
	*out = n;
	return 0;
}

int
ws_reader_sub(struct ws_reader *r, size_t len, struct ws_reader *sub,
    const char *what)
{
	if (len > ws_reader_left(r))
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: size %zu runs past the end (%zu bytes left)", what,
		    len, ws_reader_left(r));
	*sub = *r;
	sub->end = r->pos + len;
	r->pos += len;
	return 0;
}

int
ws_reader_expect_end(struct ws_reader *r, const char *what)
{
	if (r->pos != r->end)
		return ws_fail(r, r->pos, WS_ERR_MALFORMED,
		    "%s: %zu trailing bytes", what, ws_reader_left(r));
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * valtype.c - value, heap, reference and block types.  Type codes are
 * one-byte negative SLEB128 values (0x40-0x7f); a non-negative s33 in the
 * same place is a type index.  Codes from Wasm 3.0 (binary/types) plus the
 * stringref proposal's four heap types.
 */
#include <inttypes.h>

#include "valtype.h"

/* An abstract heap type, also usable alone as an abbreviated reftype. */
static int
is_absheaptype(uint8_t b)
{
	switch (b) {
	case 0x61:	/* stringview_iter (stringref proposal) */
	case 0x62:	/* stringview_wtf16 */
	case 0x66:	/* stringview_wtf8 */
	case 0x67:	/* string */
	case 0x69:	/* exn */
	case 0x6a:	/* array */
	case 0x6b:	/* struct */
	case 0x6c:	/* i31 */
	case 0x6d:	/* eq */
	case 0x6e:	/* any */
	case 0x6f:	/* extern */
	case 0x70:	/* func */
	case 0x71:	/* none */
	case 0x72:	/* noextern */
	case 0x73:	/* nofunc */
	case 0x74:	/* noexn */
		return 1;
	default:
		return 0;
	}
}

/* The first byte of a value type. */
static int
is_valtype_start(uint8_t b)
{
	if (b >= 0x7b && b <= 0x7f)	/* v128 f64 f32 i64 i32 */
		return 1;
	if (b == 0x63 || b == 0x64)	/* (ref null ht), (ref ht) */
		return 1;
	return is_absheaptype(b);
}

/* A non-negative s33 type index; the first byte is not a type code. */
static int
read_typeidx(struct ws_reader *r, uint32_t *typeidx, const char *kind,
    const char *what)
{
	const uint8_t	*start = r->pos;
	int64_t		 v;

	if (ws_read_s33(r, &v, what) != 0)
		return -1;
	if (v < 0) {
		r->pos = start;
		return ws_fail(r, start, WS_ERR_MALFORMED,
		    "%s: invalid %s (negative index %" PRId64 ")", what, kind,
		    v);
	}
	if (typeidx != NULL)
		*typeidx = (uint32_t)v;
	return 0;
}

int
ws_read_heaptype(struct ws_reader *r, uint32_t *typeidx, const char *what)
{
	uint8_t	 b;

	if (r->pos == r->end)
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: unexpected end", what);
	b = *r->pos;
	if ((b & 0xc0) == 0x40) {	/* one-byte negative: a type code */
		if (!is_absheaptype(b))
			return ws_fail(r, r->pos, WS_ERR_MALFORMED,
			    "%s: invalid heap type 0x%02x", what, b);
		r->pos++;
		if (typeidx != NULL)
			*typeidx = UINT32_MAX;
		return 0;
	}
	return read_typeidx(r, typeidx, "heap type", what);
}

int
ws_read_reftype(struct ws_reader *r, uint32_t *typeidx, const char *what)
{
	const uint8_t	*start = r->pos;
	uint8_t		 b;

	if (r->pos == r->end)
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: unexpected end", what);
	b = *r->pos;
	if (b == 0x63 || b == 0x64) {
		r->pos++;
		if (ws_read_heaptype(r, typeidx, what) != 0) {
			r->pos = start;
			return -1;
		}
		return 0;
	}
	if (!is_absheaptype(b))
		return ws_fail(r, r->pos, WS_ERR_MALFORMED,
		    "%s: invalid reference type 0x%02x", what, b);
	r->pos++;
	if (typeidx != NULL)
		*typeidx = UINT32_MAX;
	return 0;
}

int
ws_read_valtype(struct ws_reader *r, uint32_t *typeidx, const char *what)
{
	uint8_t	 b;

	if (r->pos == r->end)
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: unexpected end", what);
	b = *r->pos;
	if (b >= 0x7b && b <= 0x7f) {
		r->pos++;
		if (typeidx != NULL)
			*typeidx = UINT32_MAX;
		return 0;
	}
	if (!is_valtype_start(b))
		return ws_fail(r, r->pos, WS_ERR_MALFORMED,
		    "%s: invalid value type 0x%02x", what, b);
	return ws_read_reftype(r, typeidx, what);
}

int
ws_read_blocktype(struct ws_reader *r, uint32_t *typeidx, const char *what)
{
	uint8_t	 b;

	if (r->pos == r->end)
		return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
		    "%s: unexpected end", what);
	b = *r->pos;
	if ((b & 0xc0) == 0x40) {	/* one-byte negative: a type code */
		if (b == 0x40) {
			r->pos++;
			if (typeidx != NULL)
				*typeidx = UINT32_MAX;
			return 0;
		}
		if (!is_valtype_start(b))
			return ws_fail(r, r->pos, WS_ERR_MALFORMED,
			    "%s: invalid block type 0x%02x", what, b);
		return ws_read_valtype(r, typeidx, what);
	}
	return read_typeidx(r, typeidx, "block type", what);
}

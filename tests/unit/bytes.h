/* SPDX-License-Identifier: MIT */
/*
 * bytes.h - a growable byte buffer for the unit tests to assemble their
 * input: raw bytes, LEB128 and little-endian numbers, names.  Aborts when
 * memory runs out; free with buf_free().
 */
#ifndef WS_TEST_BYTES_H
#define WS_TEST_BYTES_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct buf {
	uint8_t	*b;
	size_t	 n, cap;
};

static inline void
put(struct buf *b, const void *p, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2 + 64;
		if ((b->b = realloc(b->b, b->cap)) == NULL)
			abort();
	}
	if (n > 0)
		memcpy(b->b + b->n, p, n);
	b->n += n;
}

/* PUT(b, 0x01, 0x02, ...): appends those bytes. */
#define PUT(b, ...)							\
	put(b, (const uint8_t[]){ __VA_ARGS__ },			\
	    sizeof((const uint8_t[]){ __VA_ARGS__ }))

static inline void
put_u8(struct buf *b, uint8_t v)
{
	put(b, &v, 1);
}

/* n bytes of v, little-endian. */
static inline void
put_le(struct buf *b, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		put_u8(b, (uint8_t)(v >> (8 * i)));
}

static inline void
put_uleb(struct buf *b, uint64_t v)
{
	do {
		uint8_t byte = v & 0x7f;

		v >>= 7;
		put_u8(b, byte | (v != 0 ? 0x80 : 0));
	} while (v != 0);
}

/* A Wasm name: its length as LEB128, then its bytes. */
static inline void
put_name(struct buf *b, const char *s)
{
	put_uleb(b, strlen(s));
	put(b, s, strlen(s));
}

/* A C string with its NUL, as DWARF stores them. */
static inline void
put_cstr(struct buf *b, const char *s)
{
	put(b, s, strlen(s) + 1);
}

static inline void
buf_free(struct buf *b)
{
	free(b->b);
	*b = (struct buf){ 0 };
}

#endif

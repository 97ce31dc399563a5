/* SPDX-License-Identifier: MIT */
/*
 * reader.h - a bounds-checked cursor over the bytes of a file.  Every read
 * names its field; on failure the reader records the first error (with the
 * byte offset, relative to the start of the file) and does not advance.
 * Readers never allocate.
 */
#ifndef WS_READER_H
#define WS_READER_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct ws_span {
	size_t	off;		/* offset from the start of the file */
	size_t	len;
};

struct ws_reader {
	const uint8_t	*base;	/* start of the file: offsets count from here */
	const uint8_t	*pos;
	const uint8_t	*end;
	const char	*ctx;	/* "code section", prefixed to errors; may be NULL */
	struct ws_diag	*diag;
};

/* A reader over the n bytes at base, reporting into diag. */
void	ws_reader_init(struct ws_reader *, const uint8_t *base, size_t n,
	    struct ws_diag *);

/* Offset of the cursor from the start of the file. */
size_t	ws_reader_offset(const struct ws_reader *);

/* Bytes left before the end. */
size_t	ws_reader_left(const struct ws_reader *);

/*
 * Records an error at `at` (a pointer into the file), prefixed with the
 * reader's context.  Returns -1.
 */
int	ws_fail(struct ws_reader *, const uint8_t *at, enum ws_err,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

int	ws_read_u8(struct ws_reader *, uint8_t *, const char *what);
int	ws_read_u32(struct ws_reader *, uint32_t *, const char *what);
int	ws_read_u64(struct ws_reader *, uint64_t *, const char *what);
int	ws_read_s32(struct ws_reader *, int32_t *, const char *what);
int	ws_read_s33(struct ws_reader *, int64_t *, const char *what);
int	ws_read_s64(struct ws_reader *, int64_t *, const char *what);

/* Skips n raw bytes (fails if fewer are left). */
int	ws_read_skip(struct ws_reader *, size_t n, const char *what);

/* Reads a u32 length and that many bytes; stores their span. */
int	ws_read_name(struct ws_reader *, struct ws_span *, const char *what);

/*
 * Reads a u32 count and checks that at least count * min_entry bytes are
 * left, so that a count can never make a caller allocate more than the
 * file could describe.
 */
int	ws_read_count(struct ws_reader *, uint32_t *, size_t min_entry,
	    const char *what);

/*
 * Narrows: sub covers the next len bytes and r moves past them.  Fails if
 * fewer than len bytes are left.  sub inherits r's context and diag.
 */
int	ws_reader_sub(struct ws_reader *r, size_t len, struct ws_reader *sub,
	    const char *what);

/* Fails with "N trailing bytes" unless the reader is at its end. */
int	ws_reader_expect_end(struct ws_reader *, const char *what);

#endif

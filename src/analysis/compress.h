/* SPDX-License-Identifier: MIT */
/*
 * compress.h - how small bytes get when served compressed: the size of
 * their gzip encoding by zlib at level 9 (no name, no time stamp), as
 * servers and Python's gzip module produce it; GNU gzip's own deflate
 * differs from zlib's by a fraction of a percent.  Computed in memory.
 */
#ifndef WS_COMPRESS_H
#define WS_COMPRESS_H

#include <stddef.h>
#include <stdint.h>

/* The gzip size of n bytes at p, or -1 when zlib fails (OOM). */
int64_t	ws_gzip_size(const uint8_t *p, size_t n);

/* Likewise, but gives up (-1) soon after *cancel becomes non-zero. */
int64_t	ws_gzip_size_cancel(const uint8_t *p, size_t n,
	    const volatile int *cancel);

/*
 * The brotli size of n bytes at p at quality 11 with a 16 MiB window (as
 * `brotli -q 11` writes it), or -1 on failure.  Slow: about a second per
 * megabyte, so computed only when asked for.
 */
int64_t	ws_brotli_size(const uint8_t *p, size_t n);

#endif

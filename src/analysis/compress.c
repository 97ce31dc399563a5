/* SPDX-License-Identifier: MIT */
/*
 * compress.c - gzip sizes through zlib's deflate with a gzip wrapper,
 * streaming into a small buffer that is counted and overwritten; brotli
 * sizes through libbrotlienc in one call.
 */
#include <stdlib.h>
#include <string.h>

#include <brotli/encode.h>
#include <zlib.h>

#include "compress.h"

int64_t
ws_gzip_size(const uint8_t *p, size_t n)
{
	return ws_gzip_size_cancel(p, n, NULL);
}

int64_t
ws_gzip_size_cancel(const uint8_t *p, size_t n, const volatile int *cancel)
{
	z_stream	 z;
	uint8_t		 out[1 << 16];
	int64_t		 total = 0;
	int		 rc;

	memset(&z, 0, sizeof z);
	/* windowBits 15 + 16: a gzip header without name or time */
	if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return -1;
	z.next_in = (Bytef *)p;
	do {
		size_t chunk = n > 1u << 20 ? 1u << 20 : n;

		if (cancel != NULL && *cancel) {
			deflateEnd(&z);
			return -1;
		}
		z.avail_in = (uInt)chunk;
		n -= chunk;
		do {
			z.next_out = out;
			z.avail_out = sizeof out;
			rc = deflate(&z, n == 0 ? Z_FINISH : Z_NO_FLUSH);
			total += (int64_t)(sizeof out - z.avail_out);
		} while (z.avail_out == 0);
	} while (n > 0);
	deflateEnd(&z);
	return rc == Z_STREAM_END ? total : -1;
}

int64_t
ws_brotli_size(const uint8_t *p, size_t n)
{
	size_t	 cap = BrotliEncoderMaxCompressedSize(n);
	uint8_t	*out;
	int64_t	 r = -1;

	if (cap == 0 || (out = malloc(cap)) == NULL)
		return -1;
	if (BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_MAX_WINDOW_BITS,
	    BROTLI_MODE_GENERIC, n, p, &cap, out))
		r = (int64_t)cap;
	free(out);
	return r;
}

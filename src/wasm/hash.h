/* SPDX-License-Identifier: MIT */
/*
 * hash.h - FNV-1a over bytes, for the hash tables that group names,
 * paths and function bodies.
 */
#ifndef WS_HASH_H
#define WS_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t
ws_hash_bytes(const void *p, size_t n)
{
	const uint8_t	*b = p;
	uint64_t	 h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ull;
	return h;
}

#endif

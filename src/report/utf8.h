/* SPDX-License-Identifier: MIT */
/*
 * utf8.h - UTF-8 decoding for untrusted names: the length of one valid
 * sequence (no overlongs, no surrogates, nothing past U+10FFFF).
 */
#ifndef WS_UTF8_H
#define WS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * The length (1-4) of the valid UTF-8 sequence at s (len bytes left), with
 * its code point in *cp; 0 if the bytes there are not valid UTF-8.
 */
size_t	ws_utf8_seq(const uint8_t *s, size_t len, uint32_t *cp);

/*
 * Display columns of a code point: 0 for combining marks, 2 for wide East
 * Asian characters and emoji, 1 otherwise (a small table, the same on
 * every system, so screens are reproducible).
 */
int	ws_utf8_width(uint32_t cp);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * strbuf.h - an arena for the strings the analyses make (generated and
 * demangled names).  Strings live until ws_strbuf_free(); growth never
 * moves a string already handed out.
 */
#ifndef WS_STRBUF_H
#define WS_STRBUF_H

#include <stddef.h>

struct ws_strbuf_chunk;

struct ws_strbuf {
	struct ws_strbuf_chunk	*head;
};

/* A string of (at most) len bytes: pointer and length, not NUL-terminated. */
struct ws_str {
	const char	*s;
	size_t		 len;
};

/*
 * Copies len bytes of s (plus a NUL) into the arena.  Returns the copy, or
 * NULL when memory runs out.
 */
const char *ws_strbuf_add(struct ws_strbuf *, const char *s, size_t len);

/* printf into the arena; NULL on OOM. */
const char *ws_strbuf_printf(struct ws_strbuf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

void	ws_strbuf_free(struct ws_strbuf *);

#endif

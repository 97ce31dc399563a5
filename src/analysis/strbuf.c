/* SPDX-License-Identifier: MIT */
/*
 * strbuf.c - chunked string arena: strings are appended to the newest chunk,
 * a new chunk starts when one is full.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

#define CHUNK_SIZE	(64 * 1024)

struct ws_strbuf_chunk {
	struct ws_strbuf_chunk	*next;
	size_t			 used, cap;
	char			 data[];
};

static char *
reserve(struct ws_strbuf *sb, size_t n)
{
	struct ws_strbuf_chunk	*c = sb->head;
	size_t			 cap;

	if (c == NULL || c->cap - c->used < n) {
		cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		if ((c = malloc(sizeof *c + cap)) == NULL)
			return NULL;
		c->next = sb->head;
		c->used = 0;
		c->cap = cap;
		sb->head = c;
	}
	c->used += n;
	return c->data + c->used - n;
}

const char *
ws_strbuf_add(struct ws_strbuf *sb, const char *s, size_t len)
{
	char	*p;

	if (len == SIZE_MAX || (p = reserve(sb, len + 1)) == NULL)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

const char *
ws_strbuf_printf(struct ws_strbuf *sb, const char *fmt, ...)
{
	char	 buf[512];
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	return ws_strbuf_add(sb, buf, (size_t)n < sizeof buf ? (size_t)n :
	    sizeof buf - 1);
}

void
ws_strbuf_free(struct ws_strbuf *sb)
{
	struct ws_strbuf_chunk	*c, *next;

	for (c = sb->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	sb->head = NULL;
}

/* SPDX-License-Identifier: MIT */
/*
 * demangle.c - a thin wrapper over libiberty: picks the names worth trying
 * (_Z..., _R..., and their extra-underscore forms), NUL-terminates a copy,
 * and moves the result into the caller's arena.
 */
#include <stdlib.h>
#include <string.h>

#include <libiberty/demangle.h>

#include "demangle.h"

static int
looks_mangled(const char *s, size_t len)
{
	if (len >= 2 && s[0] == '_' && s[1] == '_')
		s++, len--;
	return len >= 3 && s[0] == '_' && (s[1] == 'Z' || s[1] == 'R');
}

const char *
ws_demangle(struct ws_strbuf *sb, const char *name, size_t len)
{
	char		 small[256], *copy = small;
	char		*out;
	const char	*res = NULL;

	if (!looks_mangled(name, len) || memchr(name, '\0', len) != NULL)
		return NULL;
	if (len >= sizeof small && (copy = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(copy, name, len);
	copy[len] = '\0';
	out = cplus_demangle(copy, DMGL_PARAMS | DMGL_ANSI | DMGL_AUTO);
	if (out == NULL && copy[0] == '_' && copy[1] == '_')
		out = cplus_demangle(copy + 1,
		    DMGL_PARAMS | DMGL_ANSI | DMGL_AUTO);
	if (out != NULL)
		res = ws_strbuf_add(sb, out, strlen(out));
	free(out);
	if (copy != small)
		free(copy);
	return res;
}

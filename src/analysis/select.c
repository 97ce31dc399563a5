/* SPDX-License-Identifier: MIT */
/*
 * select.c - item lookup by exact name, func[N], or regular expression.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "select.h"

static int
push(uint32_t **out, size_t *n, uint32_t item)
{
	uint32_t	*v;

	if ((*n & (*n - 1)) == 0) {	/* grow at powers of two */
		if ((v = realloc(*out, (*n ? *n * 2 : 1) * sizeof *v)) == NULL)
			return -1;
		*out = v;
	}
	(*out)[(*n)++] = item;
	return 0;
}

static int
same(struct ws_str s, const char *p, size_t len)
{
	return s.s != NULL && s.len == len && memcmp(s.s, p, len) == 0;
}

/* regexec needs a NUL-terminated string: copy into a reusable buffer. */
static int
matches(const regex_t *re, struct ws_str s, char **buf, size_t *cap)
{
	char	*b;

	if (s.s == NULL || memchr(s.s, '\0', s.len) != NULL)
		return 0;
	if (s.len + 1 > *cap) {
		if ((b = realloc(*buf, s.len + 1)) == NULL)
			return -1;
		*buf = b;
		*cap = s.len + 1;
	}
	memcpy(*buf, s.s, s.len);
	(*buf)[s.len] = '\0';
	return regexec(re, *buf, 0, NULL, 0) == 0;
}

static int
select_regex(const struct ws_analysis *a, const char *pattern,
    uint32_t **out, size_t *n, struct ws_diag *diag)
{
	regex_t		 re;
	char		 err[128], *buf = NULL;
	size_t		 cap = 0, before = *n;
	int		 rc, m1, m2;

	if ((rc = regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(rc, &re, err, sizeof err);
		return ws_diag_set(diag, 0, WS_ERR_MALFORMED,
		    "invalid regular expression '%s': %s", pattern, err);
	}
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];

		m1 = matches(&re, it->name, &buf, &cap);
		m2 = m1 == 1 ? 0 : matches(&re, it->raw_name, &buf, &cap);
		if (m1 < 0 || m2 < 0 || ((m1 || m2) &&
		    push(out, n, (uint32_t)i) != 0)) {
			regfree(&re);
			free(buf);
			return ws_diag_set(diag, 0, WS_ERR_NOMEM,
			    "out of memory");
		}
	}
	regfree(&re);
	free(buf);
	return (int)(*n - before);
}

/* "func[N]": sets *index and returns 1; otherwise 0. */
static int
parse_func_ref(const char *pattern, uint32_t *index)
{
	char		*end;
	unsigned long	 v;

	if (strncmp(pattern, "func[", 5) != 0 || pattern[5] < '0' ||
	    pattern[5] > '9')
		return 0;
	v = strtoul(pattern + 5, &end, 10);
	if (strcmp(end, "]") != 0 || v > UINT32_MAX)
		return 0;
	*index = (uint32_t)v;
	return 1;
}

int
ws_select(const struct ws_analysis *a, const char *pattern, int regex,
    uint32_t **out, size_t *n, struct ws_diag *diag)
{
	const struct ws_module *m = a->m;
	size_t		 len = strlen(pattern), before = *n;
	uint32_t	 index;

	if (regex)
		return select_regex(a, pattern, out, n, diag);
	if (parse_func_ref(pattern, &index)) {
		/* imported functions are their import items */
		if (index < m->funcs.n && push(out, n, m->funcs.v[index].entry))
			return ws_diag_set(diag, 0, WS_ERR_NOMEM,
			    "out of memory");
		return (int)(*n - before);
	}
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];

		if ((same(it->name, pattern, len) ||
		    same(it->raw_name, pattern, len)) &&
		    push(out, n, (uint32_t)i) != 0)
			return ws_diag_set(diag, 0, WS_ERR_NOMEM,
			    "out of memory");
	}
	return (int)(*n - before);
}

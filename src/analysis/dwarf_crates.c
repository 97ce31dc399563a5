/* SPDX-License-Identifier: MIT */
/*
 * dwarf_crates.c - crates for functions without a path in their names,
 * from the line-table row that covers the start of their body (ranges
 * sorted once, then one binary search per function).
 */
#include <stdlib.h>
#include <string.h>

#include "dwarf_crates.h"

static const struct ws_str none = { NULL, 0 };

/* Where the component "/name/" is in path, or NULL. */
static const char *
find_dir(const char *path, size_t len, const char *name)
{
	size_t	 n = strlen(name);

	for (size_t i = 0; i + n + 2 <= len; i++)
		if (path[i] == '/' && memcmp(path + i + 1, name, n) == 0 &&
		    path[i + 1 + n] == '/')
			return path + i + 1 + n + 1;
	return NULL;
}

/* The path component that starts at p, up to the next '/' or end. */
static struct ws_str
component(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && *q != '/')
		q++;
	return q < end && q > p ? (struct ws_str){ p, (size_t)(q - p) } : none;
}

/* NAME-1.2.3 or NAME-HASH: NAME (the last '-' before a digit or hex). */
static struct ws_str
strip_version(struct ws_str c)
{
	for (size_t i = c.len; i-- > 1;)
		if (c.s[i] == '-')
			return (struct ws_str){ c.s, i };
	return c;
}

/* Whether a directory of path before at is "rust" or starts "rustc". */
static int
in_rust_tree(const char *path, const char *at)
{
	for (const char *p = path; p + 4 <= at; p++)
		if ((p == path || p[-1] == '/') && memcmp(p, "rust", 4) == 0 &&
		    (p + 4 == at || p[4] == '/' || p[4] == 'c'))
			return 1;
	return 0;
}

struct ws_str
ws_crate_of_path(const char *path, size_t len)
{
	const char *end = path + len, *p;
	struct ws_str index;

	if ((p = find_dir(path, len, "library")) != NULL &&
	    in_rust_tree(path, p))		/* .../rustc/HASH/library/core/ */
		return component(p, end);
	if (find_dir(path, len, ".cargo") != NULL &&
	    (p = find_dir(path, len, "registry")) != NULL &&
	    (p = find_dir(p - 1, (size_t)(end - p + 1), "src")) != NULL &&
	    (index = component(p, end)).len > 0)	/* src/INDEX/NAME-V/ */
		return strip_version(component(index.s + index.len + 1, end));
	if ((p = find_dir(path, len, "checkouts")) != NULL)	/* git */
		return strip_version(component(p, end));
	if ((p = find_dir(path, len, "vendor")) != NULL)
		return component(p, end);
	return none;
}

struct ws_str
ws_crate_of_unit(const char *name, size_t len)
{
	const char *at = NULL, *p, *end = name + len;

	for (size_t i = 0; at == NULL && i + 3 <= len; i++)
		if (memcmp(name + i, "/@/", 3) == 0)
			at = name + i;
	if (at == NULL)
		return none;
	for (p = at + 3; p < end && *p != '.'; p++)
		;
	return p < end && p > at + 3 ? (struct ws_str){ at + 3,
	    (size_t)(p - at - 3) } : none;
}

static int
by_start(const void *x, const void *y)
{
	const struct ws_dwarf_range *a = x, *b = y;

	return a->start < b->start ? -1 : a->start > b->start;
}

/*
 * The range that covers address at, else the first that starts in
 * [at, at + len): the first row of a body (its locals come before it).
 * ranges are sorted by start.
 */
static const struct ws_dwarf_range *
first_in(const struct ws_dwarf_range *r, size_t n, uint32_t at, size_t len)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {			/* the first start > at */
		size_t mid = lo + (hi - lo) / 2;
		if (r[mid].start <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && r[lo - 1].end > at)
		return &r[lo - 1];
	return lo < n && r[lo].start - at < len ? &r[lo] : NULL;
}

static struct ws_str
crate_at(const struct ws_dwarf_crates *dc, const uint8_t *base,
    const struct ws_dwarf_range *r)
{
	const struct ws_dwarf_lines *l = &dc->lines;
	const struct ws_dwarf_file *f = &l->files.v[r->file];
	const struct ws_dwarf_unit *u = &l->units.v[r->unit];
	struct ws_str k = ws_crate_of_path(l->text + f->off, f->len);

	if (k.len > 0)
		return k;
	return ws_crate_of_unit((const char *)base + u->name.off, u->name.len);
}

static size_t
code_payload(const struct ws_module *m)
{
	for (size_t i = 0; i < m->sections.n; i++)
		if (m->sections.v[i].id == WS_SEC_CODE)
			return m->sections.v[i].payload.off;
	return 0;
}

int
ws_dwarf_crates_build(struct ws_dwarf_crates *dc, const struct ws_analysis *a,
    const uint8_t *want, struct ws_diag *diag)
{
	const struct ws_module *m = a->m;
	size_t	 code = code_payload(m), n;

	memset(dc, 0, sizeof *dc);
	if ((dc->of_item = calloc(a->attrib.n ? a->attrib.n : 1,
	    sizeof *dc->of_item)) == NULL ||
	    ws_dwarf_lines_decode(&dc->lines, m, diag) != 0)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	n = dc->lines.ranges.n;
	if (n == 0)
		return 0;
	qsort(dc->lines.ranges.v, n, sizeof *dc->lines.ranges.v, by_start);
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];
		const struct ws_dwarf_range *r;
		size_t	 at;

		if (!want[i] || it->kind != WS_ENT_FUNCTION)
			continue;
		at = m->funcs.v[it->index].body.off - code;
		r = at <= UINT32_MAX ? first_in(dc->lines.ranges.v, n,
		    (uint32_t)at, m->funcs.v[it->index].body.len) : NULL;
		if (r != NULL)
			dc->of_item[i] = crate_at(dc, m->base, r);
	}
	return 0;
}

void
ws_dwarf_crates_free(struct ws_dwarf_crates *dc)
{
	ws_dwarf_lines_free(&dc->lines);
	free(dc->of_item);
	memset(dc, 0, sizeof *dc);
}

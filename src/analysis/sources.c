/* SPDX-License-Identifier: MIT */
/*
 * sources.c - code bytes by source file: the decoded line-table ranges,
 * sorted by address (radix sort, so linear) and swept once so that each
 * byte counts for one file only, summed per file and per compile unit,
 * then rolled up into the report's rows.
 */
#include <stdlib.h>
#include <string.h>

#include "sources.h"
#include "wasm/hash.h"

/*
 * Stable LSD radix sort of range indices by start address, two 16-bit
 * passes: of equal starts, the first in .debug_line stays first.
 */
static int
sort_by_start(const struct ws_dwarf_range *r, size_t n, uint32_t *order)
{
	uint32_t	*tmp = malloc((n ? n : 1) * sizeof *tmp);
	size_t		*count = malloc(65537 * sizeof *count);

	if (tmp == NULL || count == NULL) {
		free(tmp);
		free(count);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		tmp[i] = (uint32_t)i;
	for (unsigned shift = 0; shift < 32; shift += 16) {
		uint32_t *from = shift == 0 ? tmp : order;
		uint32_t *to = shift == 0 ? order : tmp;

		memset(count, 0, 65537 * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[((r[from[i]].start >> shift) & 0xffff) + 1]++;
		for (size_t k = 1; k <= 65536; k++)
			count[k] += count[k - 1];
		for (size_t i = 0; i < n; i++)
			to[count[(r[from[i]].start >> shift) & 0xffff]++] =
			    from[i];
	}
	memcpy(order, tmp, n * sizeof *order);
	free(tmp);
	free(count);
	return 0;
}

/*
 * The bytes each range keeps, in eff: sweeping by start address, a range
 * keeps what lies past every range before it, so a byte covered twice
 * goes to the range that starts lowest (of equal starts, the first).
 */
static int
sweep(const struct ws_dwarf_lines *l, uint32_t *eff)
{
	size_t		 n = l->ranges.n;
	uint32_t	*order = malloc((n ? n : 1) * sizeof *order);
	uint32_t	 frontier = 0;

	if (order == NULL || sort_by_start(l->ranges.v, n, order) != 0) {
		free(order);
		return -1;
	}
	for (size_t k = 0; k < n; k++) {
		const struct ws_dwarf_range *r = &l->ranges.v[order[k]];
		uint32_t from = r->start > frontier ? r->start : frontier;

		eff[order[k]] = r->end > from ? r->end - from : 0;
		if (r->end > frontier)
			frontier = r->end;
	}
	free(order);
	return 0;
}

static int
cmp_bytes(const char *a, size_t na, const char *b, size_t nb)
{
	int	 c = memcmp(a, b, na < nb ? na : nb);

	return c != 0 ? c : na < nb ? -1 : na > nb;
}

static int
cmp_file(const void *a, const void *b)
{
	const struct ws_source_file *x = a, *y = b;

	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return cmp_bytes(x->path, x->len, y->path, y->len);
}

static int
cmp_group(const void *a, const void *b)
{
	const struct ws_source_group *x = a, *y = b;

	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return cmp_bytes(x->path, x->len, y->path, y->len);
}

static int
component_is(const char *p, size_t n, const char *word)
{
	return n == strlen(word) && memcmp(p, word, n) == 0;
}

/*
 * How many of a path's directory components (comp[i], len[i]; n of them)
 * name the package root it lies under (see sources.h), or 0.
 */
static size_t
package_root(const char *const *comp, const size_t *len, size_t n)
{
	for (size_t i = 0; i < n; i++) {
#define C(k, w)	component_is(comp[k], len[k], w)
		if (C(i, ".cargo") && i + 4 < n && ((C(i + 1, "registry") &&
		    C(i + 2, "src")) || (C(i + 1, "git") &&
		    C(i + 2, "checkouts"))))
			return i + 5;
		if (C(i, "library") && i + 1 < n && ((i >= 2 &&
		    C(i - 2, "rustc")) || (i >= 1 && (C(i - 1, "rust") ||
		    (len[i - 1] > 6 && memcmp(comp[i - 1], "rustc-", 6) ==
		    0)))))
			return i + 2;
		if (C(i, "vendor") && i + 1 < n)
			return i + 2;
		if (C(i, "include") && i + 2 < n && C(i + 1, "c++"))
			return i + 3;
#undef C
	}
	return 0;
}

/*
 * The group of a path: how many of its bytes name the group, and whether
 * that is a directory (then the group's name is those bytes and a '/').
 */
static size_t
group_of(const char *p, size_t n, int depth, int *dir)
{
	enum { MAXC = 64 };
	const char	*comp[MAXC];
	size_t		 len[MAXC], nc = 0, i = 0, keep;

	*dir = 0;
	if (depth == WS_SOURCES_FILES)
		return n;
	/* directory components: all but the last; a leading '/' is none */
	while (i < n && nc < MAXC) {
		size_t s = i;

		while (i < n && p[i] != '/')
			i++;
		if (i == n)
			break;			/* the file name */
		if (i > s) {
			comp[nc] = p + s;
			len[nc++] = i - s;
		}
		i++;
	}
	if (depth == WS_SOURCES_AUTO)
		keep = package_root(comp, len, nc);
	else
		keep = (size_t)depth <= nc ? (size_t)depth : 0;
	if (keep == 0)
		return n;
	*dir = 1;
	return (size_t)(comp[keep - 1] + len[keep - 1] - p);
}

/*
 * Rolls the files up into groups.  Each group's name is a prefix of one
 * of its files' paths (plus a '/'), so the names take no more bytes than
 * the paths do, plus one per group.
 */
static int
build_groups(struct ws_sources *s)
{
	size_t		 nslots = 16, ntext = 0, used = 0;
	uint32_t	*slots;

	while (nslots < s->nfiles * 2)
		nslots *= 2;
	slots = calloc(nslots, sizeof *slots);
	s->groups = calloc(s->nfiles ? s->nfiles : 1, sizeof *s->groups);
	for (size_t f = 0; f < s->nfiles; f++)
		ntext += s->files[f].len + 1;
	s->text = malloc(ntext ? ntext : 1);
	if (slots == NULL || s->groups == NULL || s->text == NULL) {
		free(slots);
		return -1;
	}
	for (size_t f = 0; f < s->nfiles; f++) {
		const struct ws_source_file *sf = &s->files[f];
		struct ws_source_group *g;
		size_t		 n, i;
		int		 dir;

		n = group_of(sf->path, sf->len, s->depth, &dir);
		for (i = ws_hash_bytes(sf->path, n) & (nslots - 1);
		    slots[i] != 0; i = (i + 1) & (nslots - 1)) {
			g = &s->groups[slots[i] - 1];
			if (g->dir == dir && g->len == n + (size_t)dir &&
			    memcmp(g->path, sf->path, n) == 0)
				break;
		}
		if (slots[i] == 0) {
			char *t = s->text + used;

			memcpy(t, sf->path, n);
			if (dir)
				t[n] = '/';
			g = &s->groups[s->ngroups++];
			slots[i] = (uint32_t)s->ngroups;
			g->path = t;
			g->len = n + (size_t)dir;
			g->dir = (uint8_t)dir;
			used += g->len;
		}
		g = &s->groups[slots[i] - 1];
		g->size += sf->size;
		g->files++;
	}
	free(slots);
	qsort(s->groups, s->ngroups, sizeof *s->groups, cmp_group);
	return 0;
}

/*
 * The files with bytes, and for each the units that gave it some.  Ranges
 * come unit by unit, so a file's units are found by remembering the last
 * unit seen for it.
 */
static int
build_files(struct ws_sources *s, const uint32_t *eff, uint64_t *fsize)
{
	const struct ws_dwarf_lines *l = &s->lines;
	size_t		 nf = l->files.n, *start;
	uint32_t	*last = malloc((nf ? nf : 1) * sizeof *last);
	uint32_t	*nunits = calloc(nf ? nf : 1, sizeof *nunits);
	int		 rc = -1;

	start = calloc(nf + 1, sizeof *start);
	s->unit_list = malloc((l->ranges.n ? l->ranges.n : 1) *
	    sizeof *s->unit_list);
	s->files = calloc(nf ? nf : 1, sizeof *s->files);
	if (last == NULL || nunits == NULL || start == NULL ||
	    s->unit_list == NULL || s->files == NULL)
		goto out;
	for (size_t f = 0; f < nf; f++)
		last[f] = UINT32_MAX;
	for (size_t k = 0; k < l->ranges.n; k++) {	/* count the pairs */
		const struct ws_dwarf_range *r = &l->ranges.v[k];

		if (eff[k] != 0 && last[r->file] != r->unit) {
			last[r->file] = r->unit;
			nunits[r->file]++;
		}
	}
	for (size_t f = 0; f < nf; f++) {
		start[f + 1] = start[f] + nunits[f];
		last[f] = UINT32_MAX;
		nunits[f] = 0;
	}
	for (size_t k = 0; k < l->ranges.n; k++) {	/* place them */
		const struct ws_dwarf_range *r = &l->ranges.v[k];

		if (eff[k] != 0 && last[r->file] != r->unit) {
			last[r->file] = r->unit;
			s->unit_list[start[r->file] + nunits[r->file]++] =
			    r->unit;
		}
	}
	for (size_t f = 0; f < nf; f++) {
		if (fsize[f] == 0)
			continue;
		s->files[s->nfiles++] = (struct ws_source_file){
		    l->text + l->files.v[f].off, l->files.v[f].len,
		    (uint32_t)f, fsize[f], start[f], nunits[f] };
	}
	qsort(s->files, s->nfiles, sizeof *s->files, cmp_file);
	rc = 0;
out:
	free(last);
	free(nunits);
	free(start);
	return rc;
}

int
ws_sources_build(struct ws_sources *s, const struct ws_module *m, int depth,
    struct ws_diag *diag)
{
	const struct ws_dwarf_lines *l = &s->lines;
	uint32_t	*eff = NULL;
	uint64_t	*fsize = NULL;
	int		 rc = -1;

	memset(s, 0, sizeof *s);
	s->depth = depth;
	for (size_t i = 0; i < m->sections.n; i++)
		if (m->sections.v[i].id == WS_SEC_CODE) {
			s->code_size = m->sections.v[i].payload.len;
			break;
		}
	for (size_t i = m->nfunc_imports; i < m->funcs.n; i++)
		s->bodies_size += m->funcs.v[i].body.len;
	if (ws_dwarf_lines_decode(&s->lines, m, diag) != 0)
		return -1;
	eff = malloc((l->ranges.n ? l->ranges.n : 1) * sizeof *eff);
	fsize = calloc(l->files.n ? l->files.n : 1, sizeof *fsize);
	s->unit_size = calloc(l->units.n ? l->units.n : 1,
	    sizeof *s->unit_size);
	if (eff == NULL || fsize == NULL || s->unit_size == NULL ||
	    sweep(l, eff) != 0)
		goto out;
	for (size_t k = 0; k < l->ranges.n; k++) {
		s->covered += eff[k];
		fsize[l->ranges.v[k].file] += eff[k];
		s->unit_size[l->ranges.v[k].unit] += eff[k];
	}
	if (build_files(s, eff, fsize) == 0 && build_groups(s) == 0)
		rc = 0;
out:
	free(eff);
	free(fsize);
	if (rc != 0)
		ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	return rc;
}

void
ws_sources_free(struct ws_sources *s)
{
	ws_dwarf_lines_free(&s->lines);
	free(s->unit_size);
	free(s->files);
	free(s->unit_list);
	free(s->groups);
	free(s->text);
	memset(s, 0, sizeof *s);
}

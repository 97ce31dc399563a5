/* SPDX-License-Identifier: MIT */
/*
 * dwarf_path.c - the source files of the line programs: a file entry's
 * name joined to its directory and compilation directory as LLVM joins
 * them, normalized lexically, and interned so that one path is one file.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarf_impl.h"
#include "hash.h"
#include "vec.h"

static int
is_sep(char ch, int win)
{
	return ch == '/' || (win && ch == '\\');
}

/* "/x", "\x", "C:/x" or "C:\x". */
static int
is_absolute(const uint8_t *p, size_t n)
{
	if (n >= 1 && (p[0] == '/' || p[0] == '\\'))
		return 1;
	return n >= 3 && ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') &&
	    p[1] == ':' && (p[2] == '/' || p[2] == '\\');
}

/*
 * Lexical normalization, in place: empty and "." components dropped, ".."
 * removing the one before it (at the root of an absolute path, itself).
 * A path that starts with a drive letter or a backslash is taken as a
 * Windows path: backslashes separate too, and become slashes.  Returns
 * the new length (the output never grows); "" becomes ".".
 */
static size_t
normalize(char *p, size_t n)
{
	int	 win = (n >= 2 && p[1] == ':' && ((p[0] | 0x20) >= 'a' &&
	    (p[0] | 0x20) <= 'z')) || (n >= 1 && p[0] == '\\');
	size_t	 i = 0, o = 0, root, s, len, last;
	int	 absolute;

	if (win && n >= 2 && p[1] == ':')
		i = o = 2;			/* keep "C:" */
	absolute = i < n && is_sep(p[i], win);
	if (absolute) {
		p[o++] = '/';
		i++;
	}
	root = o;
	while (i < n) {
		for (s = i; i < n && !is_sep(p[i], win); i++)
			continue;
		len = i - s;
		if (i < n)
			i++;
		if (len == 0 || (len == 1 && p[s] == '.'))
			continue;
		if (len == 2 && p[s] == '.' && p[s + 1] == '.') {
			for (last = o; last > root && p[last - 1] != '/'; last--)
				continue;
			if (o > root && !(o - last == 2 && p[last] == '.' &&
			    p[last + 1] == '.')) {
				o = last > root ? last - 1 : root;
				continue;
			}
			if (o == root && absolute)
				continue;
		}
		if (o > root)
			p[o++] = '/';
		memmove(p + o, p + s, len);
		o += len;
	}
	if (o == 0 && n > 0)
		p[o++] = '.';
	return o;
}

/* Doubles the path table (or makes the first). */
static int
grow_slots(struct ctx *c)
{
	size_t		 n = c->nslots ? c->nslots * 2 : 64;
	uint32_t	*slots = calloc(n, sizeof *slots);
	struct ws_dwarf_lines *l = c->out;

	if (slots == NULL)
		return -1;
	for (size_t f = 0; f < l->files.n; f++) {
		const struct ws_dwarf_file *fi = &l->files.v[f];
		size_t i = ws_hash_bytes(l->text + fi->off, fi->len) & (n - 1);

		while (slots[i] != 0)
			i = (i + 1) & (n - 1);
		slots[i] = (uint32_t)f + 1;
	}
	free(c->slots);
	c->slots = slots;
	c->nslots = n;
	return 0;
}

/* The file of path p (n bytes), added if new; -1 on OOM. */
static int
intern(struct ctx *c, const char *p, size_t n, uint32_t *id)
{
	struct ws_dwarf_lines *l = c->out;
	struct ws_dwarf_file *f;
	size_t		 i;

	if ((l->files.n + 1) * 2 > c->nslots && grow_slots(c) != 0)
		return -1;
	for (i = ws_hash_bytes(p, n) & (c->nslots - 1); c->slots[i] != 0;
	    i = (i + 1) & (c->nslots - 1)) {
		f = &l->files.v[c->slots[i] - 1];
		if (f->len == n && memcmp(l->text + f->off, p, n) == 0) {
			*id = c->slots[i] - 1;
			return 0;
		}
	}
	if (l->files.n >= UINT32_MAX - 2 || n > SIZE_MAX / 2 - l->ntext)
		return -1;
	if (l->ntext + n > l->captext) {
		size_t	 cap = l->captext ? l->captext : 1024;
		char	*t;

		while (cap < l->ntext + n)
			cap *= 2;
		if ((t = realloc(l->text, cap)) == NULL)
			return -1;
		l->text = t;
		l->captext = cap;
	}
	if ((f = WS_VEC_PUSH(l->files)) == NULL)
		return -1;
	memcpy(l->text + l->ntext, p, n);
	f->off = l->ntext;
	f->len = n;
	l->ntext += n;
	c->slots[i] = (uint32_t)(l->files.n);
	*id = (uint32_t)(l->files.n - 1);
	return 0;
}

/*
 * The path of file entry e of program p, as LLVM builds it: the name if
 * absolute; else joined to its directory; and that, when relative (and,
 * in DWARF 5, not directory 0), to the compilation directory.  DWARF 2-4
 * directory 0 is the compilation directory itself.  The compilation
 * directory is the unit's DW_AT_comp_dir, or for DWARF 5 without one,
 * directory 0.
 */
static int
resolve_file(struct ctx *c, struct prog *p, struct fent *e, size_t at)
{
	const uint8_t	*b = c->base;
	struct ws_span	 parts[3], none = { 0, 0 }, dir = none;
	size_t		 np = 0, need = 0, n = 0;
	int		 has_dir = 0;
	char		 placeholder[80];

	if (!is_absolute(b + e->name.off, e->name.len)) {
		if (p->version >= 5 ? e->dir < c->dirs.n :
		    e->dir >= 1 && e->dir - 1 < c->dirs.n) {
			dir = c->dirs.v[p->version >= 5 ? e->dir : e->dir - 1];
			has_dir = 1;
		} else if (p->version >= 5 || e->dir != 0) {
			if (!p->noted_dir++)
				ws_dwarf_note(c, at, ".debug_line: line "
				    "program at 0x%zx: directory index %"
				    PRIu64 " is out of range (%zu "
				    "directories)", p->off, e->dir, c->dirs.n);
		}
		if (!has_dir)
			parts[np++] = p->comp_dir;
		else if ((p->version >= 5 && e->dir == 0) ||
		    is_absolute(b + dir.off, dir.len))
			parts[np++] = dir;
		else {
			parts[np++] = p->comp_dir;
			parts[np++] = dir;
		}
	}
	parts[np++] = e->name;
	for (size_t i = 0; i < np; i++)
		need += parts[i].len + 1;
	if (need > c->path_budget) {
		if (!c->noted_budget++)
			ws_dwarf_note(c, at, ".debug_line: source paths take "
			    "more bytes than the debug sections could "
			    "describe; the rest are named by their entry");
		n = (size_t)snprintf(placeholder, sizeof placeholder,
		    "(file %zu of the line program at 0x%zx)",
		    (size_t)(e - c->fents.v) + (p->version < 5), p->off);
		return intern(c, placeholder, n, &e->id);
	}
	c->path_budget -= need;
	if (need > c->captmp) {
		char *t = realloc(c->tmp, need);

		if (t == NULL)
			return -1;
		c->tmp = t;
		c->captmp = need;
	}
	for (size_t i = 0; i < np; i++) {
		if (parts[i].len == 0)
			continue;
		memcpy(c->tmp + n, b + parts[i].off, parts[i].len);
		n += parts[i].len;
		c->tmp[n++] = '/';
	}
	return intern(c, c->tmp, normalize(c->tmp, n), &e->id);
}

/*
 * The file a row's file register names: 0 and its id, 1 when it names no
 * usable entry (noted), -1 on OOM.
 */
int
ws_dwarf_file_id(struct ctx *c, struct prog *p, uint64_t idx, size_t at,
    uint32_t *id)
{
	uint64_t	 i = p->version >= 5 ? idx : idx - 1;
	struct fent	*e;

	if ((p->version < 5 && idx == 0) || i >= c->fents.n) {
		if (!p->noted_file++)
			ws_dwarf_note(c, at, ".debug_line: line program at "
			    "0x%zx: file index %" PRIu64 " is out of range "
			    "(%zu files)", p->off, idx, c->fents.n);
		return 1;
	}
	e = &c->fents.v[i];
	if (e->id == FILE_UNRESOLVED && resolve_file(c, p, e, at) != 0)
		return -1;
	if (e->id == FILE_BAD)
		return 1;
	*id = e->id;
	return 0;
}

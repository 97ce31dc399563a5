/* SPDX-License-Identifier: MIT */
/*
 * names_from.c - --names-from: matches the functions, imports and data
 * segments of a stripped build with those of a build that kept its names
 * (same index and same bytes, else a unique identical body found through
 * a hash table), then copies the names of the matches.
 */
#include <stdlib.h>
#include <string.h>

#include "names_from.h"
#include "wasm/hash.h"

/* The item of each entry of a's module. */
static uint32_t *
items_by_entry(const struct ws_analysis *a)
{
	size_t	 n = a->m->entries.n;
	uint32_t *v = malloc((n ? n : 1) * sizeof *v);

	if (v == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		v[i] = UINT32_MAX;
	for (size_t i = 0; i < a->attrib.n; i++)
		if (a->attrib.items[i].entry < n)
			v[a->attrib.items[i].entry] = (uint32_t)i;
	return v;
}

static int
same_bytes(const struct ws_module *x, struct ws_span a,
    const struct ws_module *y, struct ws_span b)
{
	return a.len == b.len && memcmp(x->base + a.off, y->base + b.off,
	    a.len) == 0;
}

/*
 * Donor bodies by hash: slot holds function index + 1.  A body that
 * occurs twice in the donor is ambiguous: its slot is marked UINT32_MAX.
 */
struct bodies {
	uint32_t	*slot;
	uint64_t	*hash;
	size_t		 mask;
};

static int
bodies_build(struct bodies *b, const struct ws_module *d)
{
	size_t	 cap = 16;

	while (cap < 2 * (size_t)d->ndefined)
		cap *= 2;
	b->slot = calloc(cap, sizeof *b->slot);
	b->hash = calloc(cap, sizeof *b->hash);
	b->mask = cap - 1;
	if (b->slot == NULL || b->hash == NULL)
		return -1;
	for (uint32_t f = d->nfunc_imports; f < d->funcs.n; f++) {
		struct ws_span body = d->funcs.v[f].body;
		uint64_t h = ws_hash_bytes(d->base + body.off, body.len);
		size_t	 i = h & b->mask;

		for (; b->slot[i] != 0; i = (i + 1) & b->mask)
			if (b->hash[i] == h && b->slot[i] != UINT32_MAX &&
			    same_bytes(d, d->funcs.v[b->slot[i] - 1].body, d,
			    body)) {
				b->slot[i] = UINT32_MAX;	/* ambiguous */
				break;
			}
		if (b->slot[i] == 0) {
			b->slot[i] = f + 1;
			b->hash[i] = h;
		}
	}
	return 0;
}

/* The donor function with exactly this body, or UINT32_MAX. */
static uint32_t
bodies_find(const struct bodies *b, const struct ws_module *d,
    const struct ws_module *m, struct ws_span body)
{
	uint64_t h = ws_hash_bytes(m->base + body.off, body.len);

	for (size_t i = h & b->mask; b->slot[i] != 0; i = (i + 1) & b->mask)
		if (b->hash[i] == h && b->slot[i] != UINT32_MAX &&
		    same_bytes(d, d->funcs.v[b->slot[i] - 1].body, m, body))
			return b->slot[i] - 1;
	return UINT32_MAX;
}

/* Donor function (or UINT32_MAX) for each function of m. */
static void
match_functions(const struct ws_module *m, const struct ws_module *d,
    const struct bodies *b, uint32_t *to, struct ws_names_match *mt)
{
	uint32_t k = 0;		/* function imports seen in d */

	for (uint32_t f = 0; f < m->funcs.n; f++)
		to[f] = UINT32_MAX;
	for (size_t i = 0, j = 0; i < m->imports.n; i++) {
		const struct ws_import *im = &m->imports.v[i], *id;
		if (im->kind != WS_EXT_FUNC)
			continue;
		mt->imports++;
		while (j < d->imports.n && d->imports.v[j].kind != WS_EXT_FUNC)
			j++;
		if (j == d->imports.n)
			continue;
		id = &d->imports.v[j++];
		if (same_bytes(m, im->module, d, id->module) &&
		    same_bytes(m, im->field, d, id->field)) {
			to[im->index] = k;
			mt->imports_matched++;
		}
		k++;
	}
	for (uint32_t f = m->nfunc_imports; f < m->funcs.n; f++) {
		struct ws_span body = m->funcs.v[f].body;
		mt->functions++;
		if (f >= d->nfunc_imports && f < d->funcs.n &&
		    same_bytes(m, body, d, d->funcs.v[f].body))
			to[f] = f;
		else
			to[f] = bodies_find(b, d, m, body);
		mt->functions_matched += to[f] != UINT32_MAX;
	}
}

static void
copy_name(struct ws_item *to, const struct ws_item *from,
    struct ws_names_match *mt)
{
	if (!from->named)
		return;
	to->name = from->name;
	to->raw_name = from->raw_name;
	to->sym = from->sym;
	to->mangled = from->mangled;
	to->named = 1;
	mt->named++;
}

static void
name_functions(struct ws_analysis *a, const struct ws_analysis *donor,
    const uint32_t *to, const uint32_t *mine, const uint32_t *theirs,
    struct ws_names_match *mt)
{
	const struct ws_module *m = a->m, *d = donor->m;

	for (uint32_t f = 0; f < m->funcs.n; f++) {
		uint32_t i, j;
		if (to[f] == UINT32_MAX)
			continue;
		i = mine[m->funcs.v[f].entry];
		j = theirs[d->funcs.v[to[f]].entry];
		if (i != UINT32_MAX && j != UINT32_MAX)
			copy_name(&a->attrib.items[i], &donor->attrib.items[j],
			    mt);
	}
}

static void
name_datas(struct ws_analysis *a, const struct ws_analysis *donor,
    const uint32_t *mine, const uint32_t *theirs, struct ws_names_match *mt)
{
	const struct ws_module *m = a->m, *d = donor->m;

	for (size_t k = 0; k < m->datas.n; k++) {
		const struct ws_object *o = &m->datas.v[k], *p;
		mt->datas++;
		if (k >= d->datas.n)
			continue;
		p = &d->datas.v[k];
		if (!same_bytes(m, o->init, d, p->init))
			continue;
		mt->datas_matched++;
		if (mine[o->entry] != UINT32_MAX && theirs[p->entry] != UINT32_MAX)
			copy_name(&a->attrib.items[mine[o->entry]],
			    &donor->attrib.items[theirs[p->entry]], mt);
	}
}

int
ws_names_from(struct ws_analysis *a, const struct ws_analysis *donor,
    struct ws_names_match *mt, struct ws_diag *diag)
{
	struct bodies	 b = { NULL, NULL, 0 };
	uint32_t	*to = malloc((a->m->funcs.n ? a->m->funcs.n : 1) *
			    sizeof *to);
	uint32_t	*mine = items_by_entry(a), *theirs = items_by_entry(donor);
	int		 rc = -1;

	memset(mt, 0, sizeof *mt);
	if (to == NULL || mine == NULL || theirs == NULL ||
	    bodies_build(&b, donor->m) != 0) {
		ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
		goto out;
	}
	match_functions(a->m, donor->m, &b, to, mt);
	if (mt->functions > 0 && 2 * (uint64_t)mt->functions_matched <
	    mt->functions) {
		ws_diag_set(diag, 0, WS_ERR_MALFORMED, "only %u of %u function "
		    "bodies match: not a build of the same code",
		    mt->functions_matched, mt->functions);
		rc = 1;
		goto out;
	}
	name_functions(a, donor, to, mine, theirs, mt);
	name_datas(a, donor, mine, theirs, mt);
	rc = 0;
out:
	free(b.slot);
	free(b.hash);
	free(to);
	free(mine);
	free(theirs);
	return rc;
}

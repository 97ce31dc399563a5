/* SPDX-License-Identifier: MIT */
/*
 * diff.c - sides from analyses or saved JSON reports, and the matching of
 * their sections and items: sort both by (kind, name), pair equal keys in
 * order, then pair what is left by (kind, index); the rest was added or
 * removed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "compress.h"
#include "diff.h"
#include "wasm/vec.h"

static struct ws_str
keep(struct ws_side *s, const char *p, size_t len, int *oom)
{
	const char *c = ws_strbuf_add(&s->text, p, len);

	if (c == NULL)
		*oom = 1;
	return (struct ws_str){ c ? c : "", c ? len : 0 };
}

static struct ws_str
keep_str(struct ws_side *s, const char *p, int *oom)
{
	return keep(s, p, strlen(p), oom);
}

static int
str_cmp(struct ws_str a, struct ws_str b)
{
	size_t	 n = a.len < b.len ? a.len : b.len;
	int	 c = memcmp(a.s, b.s, n);

	return c != 0 ? c : a.len < b.len ? -1 : a.len > b.len;
}

static int
str_eq(struct ws_str a, struct ws_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.s, b.s, a.len) == 0);
}

/* "a: b", for names that hold any bytes. */
static struct ws_str
keep_joined(struct ws_side *s, struct ws_str a, struct ws_str b, int *oom)
{
	size_t	 len = a.len + 2 + b.len;
	char	*buf = malloc(len ? len : 1);
	struct ws_str out;

	if (buf == NULL) {
		*oom = 1;
		return (struct ws_str){ "", 0 };
	}
	memcpy(buf, a.s, a.len);
	memcpy(buf + a.len, ": ", 2);
	if (b.len > 0)
		memcpy(buf + a.len + 2, b.s, b.len);
	out = keep(s, buf, len, oom);
	free(buf);
	return out;
}

int
ws_side_from_analysis(struct ws_side *s, const struct ws_analysis *a,
    const uint8_t *file, size_t n, struct ws_diag *diag)
{
	const struct ws_module *m = a->m;
	int	 oom = 0;

	memset(s, 0, sizeof *s);
	s->path = a->path;
	s->size = m->span.len;
	s->gzip = ws_gzip_size(file, n);
	s->sections = calloc(m->sections.n ? m->sections.n : 1,
	    sizeof *s->sections);
	s->items = calloc(a->attrib.n ? a->attrib.n : 1, sizeof *s->items);
	if (s->sections == NULL || s->items == NULL)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < m->sections.n; i++) {
		const struct ws_section *sec = &m->sections.v[i];

		s->sections[i] = (struct ws_side_entry){ keep_str(s, "section",
		    &oom), sec->id == WS_SEC_CUSTOM ? keep(s, (const char *)
		    m->base + sec->name.off, sec->name.len, &oom) : keep_str(s,
		    ws_section_name(sec->id), &oom), sec->id, sec->whole.len };
	}
	s->nsections = m->sections.n;
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];

		s->items[i] = (struct ws_side_entry){ keep_str(s,
		    ws_item_kind_name(it->kind), &oom), keep(s, it->name.s,
		    it->name.len, &oom), it->index == UINT32_MAX ? -1 :
		    (int64_t)it->index, it->size };
	}
	s->nitems = a->attrib.n;
	return oom ? ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory") : 0;
}

/* A module of a component by its name, else as "module N". */
static struct ws_str
module_label(struct ws_side *s, const struct ws_cmodule *cm, size_t i,
    int *oom)
{
	char	 buf[32];

	if (cm->name.len > 0)
		return keep(s, cm->name.s, cm->name.len, oom);
	snprintf(buf, sizeof buf, "module %zu", i);
	return keep_str(s, buf, oom);
}

static int
by_kind_name_index(const void *x, const void *y)
{
	const struct ws_side_entry *a = x, *b = y;
	int	 c = str_cmp(a->kind, b->kind);

	if (c == 0)
		c = str_cmp(a->name, b->name);
	if (c == 0)
		c = a->index < b->index ? -1 : a->index > b->index;
	return c;
}

/*
 * Sorts a component side's sections (modules of one name stay in file
 * order: their index) and adds up the "component" entries of one name:
 * the components' own bytes by section kind, in O(n log n).
 */
static void
merge_own(struct ws_side *s)
{
	size_t	 k = 0;

	qsort(s->sections, s->nsections, sizeof *s->sections,
	    by_kind_name_index);
	for (size_t i = 0; i < s->nsections; i++) {
		struct ws_side_entry *e = &s->sections[i];
		if (k > 0 && e->index == -1 && s->sections[k - 1].index == -1 &&
		    str_eq(s->sections[k - 1].kind, e->kind) &&
		    str_eq(s->sections[k - 1].name, e->name))
			s->sections[k - 1].size += e->size;
		else
			s->sections[k++] = *e;
	}
	s->nsections = k;
}

/* The components' own bytes, one entry per item (merge_own() adds up). */
static void
own_sections(struct ws_side *s, const struct ws_canalysis *ca, int *oom)
{
	for (size_t i = 0; i < ca->nitems; i++) {
		const struct ws_citem *it = &ca->items[i];
		const struct ws_section *sec = it->section == UINT32_MAX ?
		    NULL : &it->owner->sections[it->section];
		struct ws_str name = sec == NULL ? keep_str(s, "preamble", oom) :
		    sec->id == WS_CSEC_CUSTOM ? keep(s, (const char *)
		    it->owner->base + sec->name.off, sec->name.len, oom) :
		    keep_str(s, ws_csection_name(sec->id), oom);

		s->sections[s->nsections++] = (struct ws_side_entry){
		    keep_str(s, "component", oom), name, -1, it->size };
	}
}

int
ws_side_from_component(struct ws_side *s, const struct ws_canalysis *ca,
    const uint8_t *file, size_t n, struct ws_diag *diag)
{
	size_t	 nitems = 0;
	int	 oom = 0;

	memset(s, 0, sizeof *s);
	s->path = ca->path;
	s->size = ca->c->span.len;
	s->gzip = ws_gzip_size(file, n);
	for (size_t i = 0; i < ca->nmodules; i++)
		nitems += ca->modules[i].a.attrib.n;
	s->sections = calloc(ca->nmodules + ca->nitems + 1,
	    sizeof *s->sections);
	s->items = calloc(nitems ? nitems : 1, sizeof *s->items);
	if (s->sections == NULL || s->items == NULL)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	own_sections(s, ca, &oom);
	for (size_t i = 0; i < ca->nmodules; i++) {
		const struct ws_cmodule *cm = &ca->modules[i];
		struct ws_str label = module_label(s, cm, i, &oom);

		s->sections[s->nsections++] = (struct ws_side_entry){
		    keep_str(s, "module", &oom), label, (int64_t)i,
		    cm->m->span.len };
		for (size_t k = 0; k < cm->a.attrib.n; k++) {
			const struct ws_item *it = &cm->a.attrib.items[k];

			s->items[s->nitems++] = (struct ws_side_entry){
			    keep_str(s, ws_item_kind_name(it->kind), &oom),
			    keep_joined(s, label, it->name, &oom), -1,
			    it->size };
		}
	}
	merge_own(s);
	return oom ? ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory") : 0;
}

/* Entries from a JSON array of objects with kind?, name, index?, size. */
static int
json_entries(struct ws_side *s, json_t *arr, const char *kind,
    struct ws_side_entry **out, size_t *n, int *oom)
{
	size_t	 i;
	json_t	*o;

	if (!json_is_array(arr))
		return -1;
	if ((*out = calloc(json_array_size(arr) + 1, sizeof **out)) == NULL) {
		*oom = 1;
		return -1;
	}
	json_array_foreach(arr, i, o) {
		const char *k = kind ? kind : json_string_value(
		    json_object_get(o, "kind"));
		json_t *name = json_object_get(o, "name");
		json_t *size = json_object_get(o, "size");
		json_t *index = json_object_get(o, kind ? "id" : "index");

		if (k == NULL || !json_is_string(name) ||
		    !json_is_integer(size) || json_integer_value(size) < 0)
			return -1;
		(*out)[i] = (struct ws_side_entry){ keep_str(s, k, oom),
		    keep(s, json_string_value(name), json_string_length(name),
		    oom), json_is_integer(index) ? json_integer_value(index) :
		    -1, (uint64_t)json_integer_value(size) };
	}
	*n = json_array_size(arr);
	return 0;
}

/* Appends an entry to a side's sections or items, growing them. */
static int
push(struct ws_side_entry **v, size_t *n, size_t *cap,
    struct ws_side_entry e)
{
	if (ws_vec_grow((void **)v, cap, *n, sizeof **v) != 0)
		return -1;
	(*v)[(*n)++] = e;
	return 0;
}

/* One of the components' own items (merge_own() adds them up). */
static int
own_entry(struct ws_side *s, size_t *cap, struct ws_str name, uint64_t size,
    int *oom)
{
	return push(&s->sections, &s->nsections, cap, (struct ws_side_entry){
	    keep_str(s, "component", oom), name, -1, size });
}

/* A module of a saved component report: its entry and its items. */
static int
json_module(struct ws_side *s, size_t *scap, size_t *icap, json_t *m,
    int *oom)
{
	json_t	*name = json_object_get(m, "name"), *items, *it;
	json_int_t num = json_integer_value(json_object_get(m, "module"));
	struct ws_str label;
	char	 buf[32];
	size_t	 i;

	if (json_is_string(name) && json_string_length(name) > 0) {
		label = keep(s, json_string_value(name),
		    json_string_length(name), oom);
	} else {
		snprintf(buf, sizeof buf, "module %lld", (long long)num);
		label = keep_str(s, buf, oom);
	}
	if (!json_is_integer(json_object_get(m, "size")) ||
	    push(&s->sections, &s->nsections, scap, (struct ws_side_entry){
	    keep_str(s, "module", oom), label, num, (uint64_t)
	    json_integer_value(json_object_get(m, "size")) }) != 0)
		return -1;
	items = json_object_get(m, "items");
	json_array_foreach(items, i, it) {
		json_t *k = json_object_get(it, "kind"), *n = json_object_get(it,
		    "name"), *sz = json_object_get(it, "size");
		if (!json_is_string(k) || !json_is_string(n) ||
		    !json_is_integer(sz) || push(&s->items, &s->nitems, icap,
		    (struct ws_side_entry){ keep_str(s, json_string_value(k),
		    oom), keep_joined(s, label, (struct ws_str){
		    json_string_value(n), json_string_length(n) }, oom), -1,
		    (uint64_t)json_integer_value(sz) }) != 0)
			return -1;
	}
	return 0;
}

/*
 * A saved component report, reduced as ws_side_from_component() reduces
 * a component.  depth bounds the nesting of a hand-made file.
 */
static int
json_component(struct ws_side *s, size_t *scap, size_t *icap, json_t *c,
    int depth, int *oom)
{
	json_t	*v;
	size_t	 i;

	if (depth > WS_COMPONENT_MAX_DEPTH || !json_is_array(json_object_get(c,
	    "items")) || !json_is_array(json_object_get(c, "modules")) ||
	    !json_is_array(json_object_get(c, "components")))
		return -1;
	json_array_foreach(json_object_get(c, "items"), i, v) {
		json_t *n = json_object_get(v, "name"), *sz = json_object_get(v,
		    "size");
		if (!json_is_string(n) || !json_is_integer(sz) ||
		    own_entry(s, scap, keep(s, json_string_value(n),
		    json_string_length(n), oom), (uint64_t)
		    json_integer_value(sz), oom) != 0)
			return -1;
	}
	json_array_foreach(json_object_get(c, "modules"), i, v)
		if (json_module(s, scap, icap, v, oom) != 0)
			return -1;
	json_array_foreach(json_object_get(c, "components"), i, v)
		if (json_component(s, scap, icap, v, depth + 1, oom) != 0)
			return -1;
	return 0;
}

int
ws_side_from_json(struct ws_side *s, const char *path, struct ws_diag *diag)
{
	json_error_t	 e;
	json_t		*root = json_load_file(path, 0, &e);
	json_t		*size, *gzip;
	int		 oom = 0, rc = -1;

	memset(s, 0, sizeof *s);
	s->path = path;
	s->gzip = -1;
	if (root == NULL)
		return ws_diag_set(diag, 0, WS_ERR_TEXT, "line %d, column "
		    "%d: %s", e.line, e.column, e.text);
	size = json_object_get(root, "size");
	gzip = json_object_get(root, "gzip");
	if (!json_is_string(json_object_get(root, "schema")) ||
	    strcmp(json_string_value(json_object_get(root, "schema")),
	    "wasmsize/1") != 0 || !json_is_integer(size))
		ws_diag_set(diag, 0, WS_ERR_TEXT, "not a wasmsize/1 report");
	else if (json_is_string(json_object_get(root, "kind")) &&
	    strcmp(json_string_value(json_object_get(root, "kind")),
	    "component") == 0) {
		size_t scap = 0, icap = 0;
		if (json_component(s, &scap, &icap, root, 0, &oom) != 0) {
			ws_diag_set(diag, 0, oom ? WS_ERR_NOMEM : WS_ERR_TEXT,
			    oom ? "out of memory" : "a component report "
			    "without its tree (save it with wasmsize inspect "
			    "--json)");
		} else {
			merge_own(s);
			rc = 0;
		}
	} else if (json_entries(s, json_object_get(root, "sections"),
	    "section", &s->sections, &s->nsections, &oom) != 0 ||
	    json_entries(s,
	    json_object_get(root, "items"), NULL, &s->items, &s->nitems,
	    &oom) != 0)
		ws_diag_set(diag, 0, oom ? WS_ERR_NOMEM : WS_ERR_TEXT,
		    oom ? "out of memory" : "a report without sections and "
		    "items (save it with wasmsize inspect --json)");
	else
		rc = 0;
	if (rc == 0) {
		s->size = (uint64_t)json_integer_value(size);
		if (json_is_integer(gzip))
			s->gzip = json_integer_value(gzip);
	}
	json_decref(root);
	return rc;
}

void
ws_side_free(struct ws_side *s)
{
	free(s->sections);
	free(s->items);
	ws_strbuf_free(&s->text);
	memset(s, 0, sizeof *s);
}

/* ---- matching ------------------------------------------------------- */

static int
by_name(const void *x, const void *y)
{
	const struct ws_side_entry *a = *(const struct ws_side_entry *const *)x;
	const struct ws_side_entry *b = *(const struct ws_side_entry *const *)y;
	int	 c = str_cmp(a->kind, b->kind);

	if (c == 0)
		c = str_cmp(a->name, b->name);
	if (c == 0)
		c = a < b ? -1 : a > b;		/* file order */
	return c;
}

static int
by_index(const void *x, const void *y)
{
	const struct ws_side_entry *a = *(const struct ws_side_entry *const *)x;
	const struct ws_side_entry *b = *(const struct ws_side_entry *const *)y;
	int	 c = str_cmp(a->kind, b->kind);

	if (c == 0)
		c = a->index < b->index ? -1 : a->index > b->index;
	if (c == 0)
		c = a < b ? -1 : a > b;
	return c;
}

static int64_t
change(const struct ws_delta *d)
{
	int64_t o = d->old ? (int64_t)d->old->size : 0;
	int64_t n = d->new ? (int64_t)d->new->size : 0;

	return n - o;
}

static int
by_change(const void *x, const void *y)
{
	const struct ws_delta *a = x, *b = y;
	int64_t	 da = a->delta < 0 ? -a->delta : a->delta;
	int64_t	 db = b->delta < 0 ? -b->delta : b->delta;
	const struct ws_side_entry *ea = a->new ? a->new : a->old;
	const struct ws_side_entry *eb = b->new ? b->new : b->old;
	int	 c;

	if (da != db)
		return da < db ? 1 : -1;
	if ((c = str_cmp(ea->kind, eb->kind)) != 0)
		return c;
	return str_cmp(ea->name, eb->name);
}

/*
 * Pairs old and new entries with equal keys under cmp (which must order by
 * key first), taking unpaired ones only; marks what it pairs.
 */
static void
pair(const struct ws_side_entry **o, size_t no, const struct ws_side_entry **n,
    size_t nn, int (*cmp)(const void *, const void *), int use_index,
    struct ws_delta *out, size_t *k, uint8_t *used_o, uint8_t *used_n,
    const struct ws_side_entry *obase, const struct ws_side_entry *nbase)
{
	size_t	 i = 0, j = 0;

	qsort(o, no, sizeof *o, cmp);
	qsort(n, nn, sizeof *n, cmp);
	while (i < no && j < nn) {
		const struct ws_side_entry *a = o[i], *b = n[j];
		int c = str_cmp(a->kind, b->kind);

		if (c == 0)
			c = use_index ? (a->index < b->index ? -1 :
			    a->index > b->index) : str_cmp(a->name, b->name);
		if (c == 0 && use_index && a->index < 0)
			c = -1;		/* no index: never equal */
		if (used_o[a - obase]) { i++; continue; }
		if (used_n[b - nbase]) { j++; continue; }
		if (c < 0) { i++; continue; }
		if (c > 0) { j++; continue; }
		used_o[a - obase] = used_n[b - nbase] = 1;
		out[(*k)++] = (struct ws_delta){ a, b, 0 };
		i++;
		j++;
	}
}

static int
match(const struct ws_side_entry *old, size_t no, const struct ws_side_entry *new,
    size_t nn, struct ws_delta **out, size_t *nout)
{
	const struct ws_side_entry **o = malloc((no + 1) * sizeof *o);
	const struct ws_side_entry **n = malloc((nn + 1) * sizeof *n);
	uint8_t	*uo = calloc(no + 1, 1), *un = calloc(nn + 1, 1);
	struct ws_delta *d = malloc((no + nn + 1) * sizeof *d);
	size_t	 k = 0;

	if (!o || !n || !uo || !un || !d) {
		free(o); free(n); free(uo); free(un); free(d);
		return -1;
	}
	for (size_t i = 0; i < no; i++)
		o[i] = &old[i];
	for (size_t i = 0; i < nn; i++)
		n[i] = &new[i];
	pair(o, no, n, nn, by_name, 0, d, &k, uo, un, old, new);
	pair(o, no, n, nn, by_index, 1, d, &k, uo, un, old, new);
	for (size_t i = 0; i < no; i++)
		if (!uo[i])
			d[k++] = (struct ws_delta){ &old[i], NULL, 0 };
	for (size_t i = 0; i < nn; i++)
		if (!un[i])
			d[k++] = (struct ws_delta){ NULL, &new[i], 0 };
	for (size_t i = 0; i < k; i++)
		d[i].delta = change(&d[i]);
	qsort(d, k, sizeof *d, by_change);
	free(o); free(n); free(uo); free(un);
	*out = d;
	*nout = k;
	return 0;
}

int
ws_diff_build(struct ws_diff *d, const struct ws_side *old,
    const struct ws_side *new, struct ws_diag *diag)
{
	memset(d, 0, sizeof *d);
	d->size_delta = (int64_t)new->size - (int64_t)old->size;
	d->gzip_known = old->gzip >= 0 && new->gzip >= 0;
	if (d->gzip_known)
		d->gzip_delta = new->gzip - old->gzip;
	if (match(old->sections, old->nsections, new->sections, new->nsections,
	    &d->sections, &d->nsections) != 0 || match(old->items, old->nitems,
	    new->items, new->nitems, &d->items, &d->nitems) != 0)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	return 0;
}

void
ws_diff_free(struct ws_diff *d)
{
	free(d->sections);
	free(d->items);
	memset(d, 0, sizeof *d);
}

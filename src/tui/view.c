/* SPDX-License-Identifier: MIT */
/*
 * view.c - the TUI's view-model: building the list of the current node's
 * children, sorting and filtering it, moving the cursor, the side views,
 * and rendering every line of the screen as text.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/escape.h"
#include "report/fmt.h"
#include "view.h"
#include "view_impl.h"

const struct view_keydef view_keys[] = {
	{ "Up, k", "move up" },
	{ "Down, j", "move down" },
	{ "Right, Enter, l", "open: a section's items, what an item retains" },
	{ "Left, h, Backspace", "go up" },
	{ "PgUp, PgDn", "move a page" },
	{ "Home, End", "go to the first or last row" },
	{ "s", "sort by size (again: reverse)" },
	{ "n", "sort by name (again: reverse)" },
	{ "r", "show retained or shallow sizes" },
	{ "g", "show percent, bar, or both" },
	{ "v", "list by section, source file, Rust crate or C++ namespace" },
	{ "/", "search: filter rows as you type; Enter keeps, Esc clears" },
	{ "p", "why the item is kept: who references it" },
	{ "P", "what the item pulls in: what it references" },
	{ "a", "advice: recommendations and savings" },
	{ "i", "details of the item" },
	{ "?", "this help" },
	{ "q", "quit (in a side view: back)" },
	{ NULL, NULL },
};

enum { PATH_DEPTH = 12, PATH_ROWS = 500 };

/* The by-source row of the code bytes that no line-table row covers. */
#define NO_LINES	((struct ws_str){ "(no line information)", 21 })
#define NO_DWARF	((struct ws_str){ "(no DWARF line information: v again " \
			    "shows crates)", 49 })

/* ---- the tree -------------------------------------------------------- */

static const struct ws_item *
item(const struct view *v, uint32_t i)
{
	return &v->a->attrib.items[i];
}

/* A component's module i: its name, or "module i". */
static struct ws_str
module_label(const struct view *v, uint32_t i)
{
	if (v->ca->modules[i].name.len > 0)
		return v->ca->modules[i].name;
	return (struct ws_str){ v->labels[i], strlen(v->labels[i]) };
}

struct ws_str
view_node_name(const struct view *v, struct view_node n)
{
	const struct ws_module *m = v->a->m;

	switch (n.type) {
	case VN_COMPONENT:
		return (struct ws_str){ v->ca->path, strlen(v->ca->path) };
	case VN_CMODULE:
		return module_label(v, n.id);
	case VN_MODULE:
		if (v->ca != NULL)
			return module_label(v, n.id);
		return (struct ws_str){ v->a->path, strlen(v->a->path) };
	case VN_GROUP:
		return v->groups.v[n.id].name;
	case VN_SRCGROUP:
		if (n.id == v->sources.ngroups)
			return v->sources.lines.present ? NO_LINES : NO_DWARF;
		return (struct ws_str){ v->sources.groups[n.id].path,
		    v->sources.groups[n.id].len };
	case VN_SRCFILE:
		return (struct ws_str){ v->sources.files[n.id].path,
		    v->sources.files[n.id].len };
	case VN_SECTION: {
		const struct ws_section *s = &m->sections.v[n.id];
		if (s->id == WS_SEC_CUSTOM)
			return (struct ws_str){ (const char *)m->base +
			    s->name.off, s->name.len };
		const char *name = ws_section_name(s->id);
		return (struct ws_str){ name, strlen(name) };
	}
	default:
		return item(v, n.id)->name;
	}
}

/* Size in the current mode: shallow or retained for items. */
uint64_t
view_node_size(const struct view *v, struct view_node n)
{
	switch (n.type) {
	case VN_COMPONENT:
		return v->ca->c->span.len;
	case VN_CMODULE:
		return v->ca->modules[n.id].m->span.len;
	case VN_MODULE:
		return v->a->m->span.len;
	case VN_SECTION:
		return v->a->m->sections.v[n.id].whole.len;
	case VN_GROUP:
		return v->groups.v[n.id].size;
	case VN_SRCGROUP:
		return n.id == v->sources.ngroups ? v->sources.code_size -
		    v->sources.covered : v->sources.groups[n.id].size;
	case VN_SRCFILE:
		return v->sources.files[n.id].size;
	default:
		return v->retained ? v->a->dom.retained[n.id] :
		    item(v, n.id)->size;
	}
}

/* What percentages of children are of: an item's retained size. */
uint64_t
view_parent_total(const struct view *v, struct view_node n)
{
	if (n.type == VN_ITEM)
		return v->a->dom.retained[n.id];
	if (n.type == VN_COMPONENT)
		return v->ca->c->span.len;
	/* retained sizes cross sections: only the module holds them all */
	return v->retained ? v->a->m->span.len : view_node_size(v, n);
}

int
view_has_children(const struct view *v, struct view_node n)
{
	if (n.type == VN_MODULE || n.type == VN_COMPONENT ||
	    n.type == VN_CMODULE || n.type == VN_GROUP)
		return 1;
	if (n.type == VN_SRCGROUP)
		return n.id < v->sources.ngroups &&
		    v->sources.groups[n.id].dir;
	if (n.type == VN_SRCFILE)
		return 0;
	if (n.type == VN_SECTION)	/* not when it is one item: itself */
		return v->sec_end[n.id] - v->sec_first[n.id] > 1;
	return v->a->dom.child_at[n.id + 1] > v->a->dom.child_at[n.id];
}

static struct view_node
current(const struct view *v)
{
	return v->path[v->depth - 1].node;
}

static int
contains(struct ws_str hay, const char *needle, size_t n)
{
	if (n == 0)
		return 1;
	for (size_t i = 0; i + n <= hay.len; i++)
		if (memcmp(hay.s + i, needle, n) == 0)
			return 1;
	return 0;
}

static int
push_row(struct view *v, struct view_node n, size_t *cap)
{
	struct view_row *r;

	if (!contains(view_node_name(v, n), v->filter, v->filter_len))
		return 0;
	if (v->nlist == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		if ((r = realloc(v->list, *cap * sizeof *r)) == NULL)
			return -1;
		v->list = r;
	}
	v->list[v->nlist++] = (struct view_row){ n, view_node_size(v, n) };
	return 0;
}

static int
cmp_rows(const struct view *v, const struct view_row *a,
    const struct view_row *b)
{
	int	 c = 0;

	if (v->sort == SORT_SIZE) {
		c = a->size < b->size ? 1 : a->size > b->size ? -1 : 0;
	} else {
		struct ws_str x = view_node_name(v, a->node), y = view_node_name(v, b->node);
		size_t n = x.len < y.len ? x.len : y.len;
		c = memcmp(x.s, y.s, n);
		if (c == 0)
			c = x.len < y.len ? -1 : x.len > y.len;
	}
	if (v->reverse)
		c = -c;
	if (c == 0)	/* file order */
		c = a->node.id < b->node.id ? -1 : a->node.id > b->node.id;
	return c;
}

/* A stable merge sort, so the comparator can see the view. */
static void
sort_rows(const struct view *v, struct view_row *r, size_t n,
    struct view_row *tmp)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	sort_rows(v, r, h, tmp);
	sort_rows(v, r + h, n - h, tmp);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = cmp_rows(v, &r[j], &r[i]) < 0 ? r[j++] : r[i++];
	while (i < h)
		tmp[k++] = r[i++];
	while (j < n)
		tmp[k++] = r[j++];
	memcpy(r, tmp, n * sizeof *r);
}

static int
build_list(struct view *v)
{
	struct view_node cur = current(v);
	const struct ws_analysis *a = v->a;
	size_t		 cap = 0;
	struct view_row	*tmp;
	int		 rc = 0;

	v->nlist = 0;
	if (cur.type == VN_COMPONENT) {
		for (uint32_t i = 0; i < v->ca->nmodules; i++)
			rc |= push_row(v, (struct view_node){ VN_CMODULE, i },
			    &cap);
	} else if (cur.type == VN_MODULE && v->by == BY_SOURCE) {
		for (uint32_t g = 0; g <= v->sources.ngroups; g++)
			rc |= push_row(v, (struct view_node){ VN_SRCGROUP, g },
			    &cap);
	} else if (cur.type == VN_SRCGROUP) {
		const struct ws_source_group *g = &v->sources.groups[cur.id];
		for (uint32_t f = 0; f < v->sources.nfiles; f++)
			if (v->sources.files[f].len >= g->len && memcmp(
			    v->sources.files[f].path, g->path, g->len) == 0)
				rc |= push_row(v, (struct view_node){
				    VN_SRCFILE, f }, &cap);
	} else if (cur.type == VN_MODULE && v->by != BY_SECTION) {
		for (uint32_t g = 0; g < v->groups.n; g++)
			rc |= push_row(v, (struct view_node){ VN_GROUP, g },
			    &cap);
	} else if (cur.type == VN_GROUP) {
		for (uint32_t i = 0; i < a->attrib.n; i++)
			if (v->groups.of_item[i] == cur.id)
				rc |= push_row(v, (struct view_node){ VN_ITEM,
				    i }, &cap);
	} else if (cur.type == VN_MODULE) {
		rc |= push_row(v, (struct view_node){ VN_ITEM, 0 }, &cap);
		for (uint32_t s = 0; s < a->m->sections.n; s++)
			rc |= push_row(v, (struct view_node){ VN_SECTION, s },
			    &cap);
	} else if (cur.type == VN_SECTION) {
		for (uint32_t i = v->sec_first[cur.id]; i < v->sec_end[cur.id];
		    i++)
			rc |= push_row(v, (struct view_node){ VN_ITEM, i },
			    &cap);
	} else {
		for (uint32_t j = a->dom.child_at[cur.id];
		    j < a->dom.child_at[cur.id + 1]; j++)
			rc |= push_row(v, (struct view_node){ VN_ITEM,
			    a->dom.child[j] }, &cap);
	}
	if (rc != 0)
		return -1;
	if ((tmp = malloc((v->nlist ? v->nlist : 1) * sizeof *tmp)) == NULL)
		return -1;
	sort_rows(v, v->list, v->nlist, tmp);
	free(tmp);
	return 0;
}

/* ---- setup ------------------------------------------------------------ */

static int
debug_section(const struct ws_section *s)
{
	return s->id == WS_SEC_CUSTOM && (s->custom == WS_CUSTOM_DEBUG ||
	    s->custom == WS_CUSTOM_NAME || s->custom == WS_CUSTOM_SOURCE_MAP ||
	    s->custom == WS_CUSTOM_EXTERNAL_DEBUG);
}

static void
set_flags(struct view *v)
{
	const struct ws_analysis *a = v->a;
	const struct ws_findings *f = v->f;

	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = item(v, (uint32_t)i);

		if (it->section != UINT16_MAX &&
		    debug_section(&a->m->sections.v[it->section]))
			v->flags[i] |= FLAG_DEBUG;
		if (a->dom.garbage[i])
			v->flags[i] |= FLAG_GARBAGE;
	}
	for (size_t i = 0; i < f->panic.n; i++)
		v->flags[f->panic.items[i]] |= FLAG_PANIC;
	for (size_t g = 0; g < f->ndups; g++)
		for (uint32_t k = 0; k < f->dups[g].count; k++)
			v->flags[f->dups[g].items[k]] |= FLAG_DUP;
}

static void
set_section_ranges(struct view *v)
{
	const struct ws_analysis *a = v->a;

	for (size_t s = 0; s < a->m->sections.n; s++)
		v->sec_first[s] = v->sec_end[s] = 0;
	for (size_t i = a->attrib.n; i-- > 0;) {
		uint16_t s = item(v, (uint32_t)i)->section;

		if (s == UINT16_MAX)
			continue;
		if (v->sec_end[s] == 0)
			v->sec_end[s] = (uint32_t)i + 1;
		v->sec_first[s] = (uint32_t)i;
	}
}

/* The groups or sources v->by needs, of v->a; 0, or -1 on OOM. */
static int
build_by(struct view *v)
{
	struct ws_diag d = { 0 };

	ws_groups_free(&v->groups);
	ws_sources_free(&v->sources);
	switch (v->by) {
	case BY_SOURCE:
		return ws_sources_build(&v->sources, v->a->m, WS_SOURCES_AUTO,
		    &d);
	case BY_CRATE:
	case BY_NAMESPACE:
		return ws_groups_build(&v->groups, v->a, v->by == BY_CRATE ?
		    WS_GROUP_CRATE : WS_GROUP_NAMESPACE, &d);
	default:
		return 0;
	}
}

/* Shows module a: its per-item flags and section ranges. */
static int
use_module(struct view *v, const struct ws_analysis *a,
    const struct ws_findings *f, const struct ws_advice *adv)
{
	size_t	 nsec = a->m->sections.n ? a->m->sections.n : 1;

	free(v->flags);
	free(v->sec_first);
	free(v->sec_end);
	v->a = a;
	v->f = f;
	v->adv = adv;
	v->flags = calloc(a->attrib.n ? a->attrib.n : 1, 1);
	v->sec_first = malloc(nsec * sizeof *v->sec_first);
	v->sec_end = malloc(nsec * sizeof *v->sec_end);
	if (v->flags == NULL || v->sec_first == NULL || v->sec_end == NULL)
		return -1;
	if (build_by(v) != 0)
		return -1;
	set_flags(v);
	set_section_ranges(v);
	return 0;
}

static int
setup(struct view *v, int ascii, struct view_node top)
{
	v->gzip = -1;
	v->ascii = ascii;
	v->rows = 24;
	v->cols = 80;
	v->path_cap = 16;
	if ((v->path = malloc(v->path_cap * sizeof *v->path)) == NULL)
		return -1;
	v->path[0] = (struct view_level){ top, 0, 0 };
	v->depth = 1;
	return build_list(v);
}

int
view_init(struct view *v, const struct ws_analysis *a,
    const struct ws_findings *f, const struct ws_advice *adv, int ascii)
{
	memset(v, 0, sizeof *v);
	if (use_module(v, a, f, adv) != 0)
		return -1;
	return setup(v, ascii, (struct view_node){ VN_MODULE, 0 });
}

int
view_init_component(struct view *v, const struct ws_canalysis *ca,
    const struct ws_findings *f, const struct ws_advice *adv, int ascii)
{
	memset(v, 0, sizeof *v);
	v->ca = ca;
	v->mfind = f;
	v->madv = adv;
	if (ca->nmodules == 0 || (v->labels = calloc(ca->nmodules,
	    sizeof *v->labels)) == NULL)
		return -1;
	for (size_t i = 0; i < ca->nmodules; i++)
		snprintf(v->labels[i], sizeof v->labels[i], "module %zu", i);
	if (use_module(v, &ca->modules[0].a, &f[0], &adv[0]) != 0)
		return -1;
	return setup(v, ascii, (struct view_node){ VN_COMPONENT, 0 });
}

void
view_free(struct view *v)
{
	free(v->labels);
	free(v->flags);
	free(v->sec_first);
	free(v->sec_end);
	free(v->path);
	free(v->list);
	ws_tree_rows_free(&v->paths);
	ws_groups_free(&v->groups);
	ws_sources_free(&v->sources);
	memset(v, 0, sizeof *v);
}

/* ---- keys ------------------------------------------------------------- */

size_t
view_body_rows(const struct view *v)
{
	int n = v->rows - HEADER_LINES - 1;

	return n > 0 ? (size_t)n : 1;
}

static struct view_level *
here(struct view *v)
{
	return &v->path[v->depth - 1];
}

/* Keeps the selection in the list and on the screen. */
static void
clamp(struct view *v)
{
	struct view_level *l = here(v);
	size_t page = view_body_rows(v);

	if (v->nlist == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= v->nlist)
		l->sel = v->nlist - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + page)
		l->top = l->sel - page + 1;
	if (l->top + page > v->nlist)
		l->top = v->nlist > page ? v->nlist - page : 0;
}

static int
move(struct view *v, long delta)
{
	struct view_level *l = here(v);
	long sel = (long)l->sel + delta;

	if (sel < 0)
		sel = 0;
	if (v->nlist > 0 && sel >= (long)v->nlist)
		sel = (long)v->nlist - 1;
	l->sel = (size_t)sel;
	clamp(v);
	return VIEW_REDRAW;
}

static int
open_selected(struct view *v)
{
	struct view_level *p;
	struct view_node open;

	if (v->nlist == 0 || !view_has_children(v, v->list[here(v)->sel].node))
		return VIEW_NONE;
	open = v->list[here(v)->sel].node;
	if (open.type == VN_CMODULE) {		/* into a component's module */
		if (use_module(v, &v->ca->modules[open.id].a,
		    &v->mfind[open.id], &v->madv[open.id]) != 0)
			return VIEW_NONE;
		open.type = VN_MODULE;
	}
	if (v->depth == v->path_cap) {
		p = realloc(v->path, v->path_cap * 2 * sizeof *p);
		if (p == NULL)
			return VIEW_NONE;
		v->path = p;
		v->path_cap *= 2;
	}
	v->path[v->depth++] = (struct view_level){ open, 0, 0 };
	v->filter_len = 0;
	v->filter[0] = '\0';
	build_list(v);
	clamp(v);
	return VIEW_REDRAW;
}

/* Puts the cursor on node n, if the list shows it. */
static void
select_node(struct view *v, struct view_node n)
{
	for (size_t i = 0; i < v->nlist; i++)
		if (v->list[i].node.type == n.type &&
		    v->list[i].node.id == n.id)
			here(v)->sel = i;
}

static int
go_up(struct view *v)
{
	struct view_node from = current(v);

	if (v->depth == 1)
		return VIEW_NONE;
	v->depth--;
	v->filter_len = 0;
	v->filter[0] = '\0';
	build_list(v);
	select_node(v, from);	/* the rows may differ from when we left */
	clamp(v);
	return VIEW_REDRAW;
}

int
view_list_by(struct view *v, enum view_by by)
{
	size_t		 top = v->ca != NULL ? 2 : 1;	/* the module's level */

	if (v->depth < top)
		return VIEW_NONE;	/* a component: open a module first */
	v->by = by;
	if (build_by(v) != 0) {
		v->by = BY_SECTION;
		build_by(v);
	}
	v->depth = top;
	v->path[top - 1].sel = v->path[top - 1].top = 0;
	v->filter_len = 0;
	v->filter[0] = '\0';
	build_list(v);
	clamp(v);
	return VIEW_REDRAW;
}

/* Re-sorts and keeps the cursor on the same node. */
static int
resort(struct view *v)
{
	struct view_level *l = here(v);
	struct view_node keep = v->nlist ? v->list[l->sel].node :
	    (struct view_node){ 0, 0 };

	build_list(v);
	select_node(v, keep);
	clamp(v);
	return VIEW_REDRAW;
}

static int
set_sort(struct view *v, enum view_sort s)
{
	v->reverse = v->sort == s ? !v->reverse : 0;
	v->sort = s;
	return resort(v);
}

static int
search_key(struct view *v, int key)
{
	if (key == VK_ENTER) {
		v->searching = 0;
		return VIEW_REDRAW;
	}
	if (key == VK_ESC) {
		v->searching = 0;
		v->filter_len = 0;
	} else if (key == VK_BACKSPACE) {
		if (v->filter_len > 0)
			v->filter_len--;
	} else if (key >= 0x20 && key < 0x7f &&
	    v->filter_len + 1 < sizeof v->filter) {
		v->filter[v->filter_len++] = (char)key;
	} else {
		return VIEW_NONE;
	}
	v->filter[v->filter_len] = '\0';
	here(v)->sel = 0;
	return resort(v);
}

/* The item under the cursor, or -1 (sections and the module have none). */
static long
selected_item(const struct view *v)
{
	const struct view_level *l = &v->path[v->depth - 1];

	if (v->nlist == 0 || v->list[l->sel].node.type != VN_ITEM)
		return -1;
	return (long)v->list[l->sel].node.id;
}

static int
open_side(struct view *v, enum view_mode mode)
{
	long	 it = selected_item(v);
	struct ws_diag d = { 0 };
	struct ws_tree_limits lim = { PATH_DEPTH, PATH_ROWS };

	if ((mode == MODE_WHY || mode == MODE_PULLS || mode == MODE_DETAILS) &&
	    it < 0)
		return VIEW_NONE;
	if (mode == MODE_ADVICE && current(v).type == VN_COMPONENT)
		return VIEW_NONE;	/* advice is per module: open one */
	ws_tree_rows_free(&v->paths);
	if ((mode == MODE_WHY || mode == MODE_PULLS) && ws_tree_paths(v->a,
	    (uint32_t)it, mode == MODE_PULLS, &lim, &v->paths, &d) != 0)
		return VIEW_NONE;
	v->mode = mode;
	v->side_sel = v->side_top = 0;
	return VIEW_REDRAW;
}

static int
side_key(struct view *v, int key)
{
	size_t	 n = view_side_length(v), page = view_body_rows(v);

	switch (key) {
	case 'q': case VK_ESC: case VK_LEFT: case 'h': case VK_BACKSPACE:
		v->mode = MODE_TREE;
		return VIEW_REDRAW;
	case VK_UP: case 'k':
		if (v->side_top > 0)
			v->side_top--;
		return VIEW_REDRAW;
	case VK_DOWN: case 'j':
		if (v->side_top + page < n)
			v->side_top++;
		return VIEW_REDRAW;
	case VK_PGUP:
		v->side_top = v->side_top > page ? v->side_top - page : 0;
		return VIEW_REDRAW;
	case VK_PGDN: case ' ':
		if (v->side_top + page < n)
			v->side_top = v->side_top + 2 * page <= n ?
			    v->side_top + page : n - page;
		return VIEW_REDRAW;
	case VK_HOME:
		v->side_top = 0;
		return VIEW_REDRAW;
	case VK_END:
		v->side_top = n > page ? n - page : 0;
		return VIEW_REDRAW;
	case '?': case 'a': case 'i':
		return open_side(v, key == '?' ? MODE_HELP : key == 'a' ?
		    MODE_ADVICE : MODE_DETAILS);
	}
	return VIEW_NONE;
}

int
view_key(struct view *v, int key)
{
	size_t	 page = view_body_rows(v);

	if (v->searching)
		return search_key(v, key);
	if (v->mode != MODE_TREE)
		return side_key(v, key);
	switch (key) {
	case 'q': return VIEW_QUIT;
	case VK_UP: case 'k': return move(v, -1);
	case VK_DOWN: case 'j': return move(v, 1);
	case VK_PGUP: return move(v, -(long)page);
	case VK_PGDN: return move(v, (long)page);
	case VK_HOME: return move(v, -(long)v->nlist);
	case VK_END: return move(v, (long)v->nlist);
	case VK_RIGHT: case VK_ENTER: case 'l': return open_selected(v);
	case VK_LEFT: case 'h': case VK_BACKSPACE: return go_up(v);
	case 's': return set_sort(v, SORT_SIZE);
	case 'n': return set_sort(v, SORT_NAME);
	case 'r':
		v->retained = !v->retained;
		return resort(v);
	case 'g':
		v->graph = (enum view_graph)((v->graph + 1) % 3);
		return VIEW_REDRAW;
	case 'v': return view_list_by(v, (enum view_by)((v->by + 1) % BY_MAX));
	case '/':
		v->searching = 1;
		return VIEW_REDRAW;
	case VK_ESC:
		if (v->filter_len == 0)
			return VIEW_NONE;
		v->filter_len = 0;
		v->filter[0] = '\0';
		return resort(v);
	case 'p': return open_side(v, MODE_WHY);
	case 'P': return open_side(v, MODE_PULLS);
	case 'a': return open_side(v, MODE_ADVICE);
	case 'i': return open_side(v, MODE_DETAILS);
	case '?': return open_side(v, MODE_HELP);
	}
	return VIEW_NONE;
}

void
view_resize(struct view *v, int rows, int cols)
{
	size_t	 n, page;

	v->rows = rows;
	v->cols = cols;
	clamp(v);
	if (v->mode != MODE_TREE) {
		n = view_side_length(v);
		page = view_body_rows(v);
		if (v->side_top + page > n)
			v->side_top = n > page ? n - page : 0;
	}
}

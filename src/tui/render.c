/* SPDX-License-Identifier: MIT */
/*
 * render.c - the screen as lines of text: a header (file, sizes, toolchain,
 * verdicts, where you are), the rows of the tree or of a side view, and a
 * status line.  Every name is escaped and cropped by display width.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/escape.h"
#include "report/fmt.h"
#include "report/utf8.h"
#include "view.h"
#include "view_impl.h"

/* Appends printf output to a line, cropped to the line's buffer. */
static void
add(struct view_line *l, const char *fmt, ...)
{
	size_t	 n = strlen(l->text);
	va_list	 ap;

	if (n + 1 >= sizeof l->text)
		return;
	va_start(ap, fmt);
	vsnprintf(l->text + n, sizeof l->text - n, fmt, ap);
	va_end(ap);
}

/* Columns a line already uses (its text is ASCII or escaped UTF-8). */
static size_t
used_cols(const struct view_line *l)
{
	size_t	 cols = 0;

	for (const unsigned char *p = (const unsigned char *)l->text; *p; p++)
		cols += (*p & 0xc0) != 0x80;
	return cols;
}

/* Appends a name, escaped and cropped to the columns left. */
static void
add_name(const struct view *v, struct view_line *l, struct ws_str name)
{
	size_t	 n = strlen(l->text), used = used_cols(l);
	size_t	 left = (size_t)v->cols > used ? (size_t)v->cols - used : 0;

	ws_escape_crop(name.s, name.len, v->ascii, left, l->text + n,
	    sizeof l->text - n);
}

static void
set(struct view_line *l, enum view_attr attr)
{
	l->text[0] = '\0';
	l->attr = attr;
}

/* "45.2%", one decimal, integer math. */
static void
add_pct(struct view_line *l, uint64_t part, uint64_t whole)
{
	uint64_t t = whole ? (part * 1000 + whole / 2) / whole : 0;

	add(l, "%3" PRIu64 ".%" PRIu64 "%%", t / 10, t % 10);
}

/* Below this width the bar leaves names no room: percentages only. */
enum { BAR_MIN_COLS = 60 };

static size_t
bar_width(const struct view *v)
{
	return (size_t)(v->cols / 7 > 10 ? v->cols / 7 : 10);
}

static void
add_bar(const struct view *v, struct view_line *l, uint64_t size,
    uint64_t max)
{
	size_t	 w = bar_width(v);
	size_t	 fill = max ? (size_t)((size * w + max / 2) / max) : 0;

	add(l, "[");
	for (size_t i = 0; i < w; i++)
		add(l, "%s", i < fill ? (v->ascii ? "#" : "\u2588") : " ");
	add(l, "]");
}

/* ---- header ------------------------------------------------------------ */

/* At the top of a component's tree, before any module is opened. */
static int
at_component(const struct view *v)
{
	return v->ca != NULL && v->depth == 1;
}

static void
title(const struct view *v, struct view_line *l)
{
	char	 s[32], g[32];
	uint64_t size = v->ca != NULL ? v->ca->c->span.len : v->a->m->span.len;
	struct view_node top = v->path[0].node;

	set(l, ATTR_TITLE);
	add(l, " wasmsize  ");
	if (size < 1024)
		add(l, "%" PRIu64 " B", size);
	else
		add(l, "%s (%" PRIu64 " B)", ws_fmt_size(s, sizeof s, size),
		    size);
	if (v->gzip >= 0)
		add(l, ", gzip %s", ws_fmt_size(g, sizeof g,
		    (uint64_t)v->gzip));
	add(l, "  ");
	add_name(v, l, view_node_name(v, top.type == VN_COMPONENT ? top :
	    (struct view_node){ VN_MODULE, 0 }));
}

static void
toolchain(const struct view *v, struct view_line *l)
{
	const struct ws_toolchain *t = &v->f->toolchain;

	set(l, ATTR_HEADER);
	if (at_component(v)) {
		uint64_t adapters = 0;
		for (size_t i = 0; i < v->ca->nmodules; i++)
			if (v->ca->modules[i].adapter)
				adapters += v->ca->modules[i].m->span.len;
		add(l, " component: %zu core modules, %" PRIu64 " B in "
		    "adapters", v->ca->nmodules, adapters);
		return;
	}
	add(l, " %s%s", ws_lang_name(t->lang), t->lang_inferred ?
	    " (inferred)" : "");
	if (t->flavor != WS_FLAVOR_NONE)
		add(l, ", %s%s", ws_flavor_name(t->flavor), t->flavor_inferred ?
		    " (inferred)" : "");
	if (v->f->build.unoptimized)
		add(l, ", looks unoptimized");
}

static void
verdicts(const struct view *v, struct view_line *l)
{
	uint64_t total = v->a->m->span.len;
	char	 s[32];

	set(l, ATTR_HEADER);
	if (at_component(v)) {
		add(l, " own bytes %" PRIu64 " of %zu", v->ca->own_bytes,
		    v->ca->c->span.len);
		return;
	}
	add(l, " debug ");
	add_pct(l, v->f->debug.total, total);
	add(l, "  panic ");
	add_pct(l, v->f->panic.snip ? v->f->panic.snip : v->f->panic.own,
	    total);
	add(l, "  garbage ");
	add_pct(l, v->a->garbage_bytes, total);
	add(l, "  dups %s", ws_fmt_size(s, sizeof s, v->f->dup_savings));
}

static void
where(const struct view *v, struct view_line *l)
{
	static const char *const sorts[2][2] = {
		{ "size", "size, smallest first" }, { "name", "name, Z-A" } };
	static const char *const bys[BY_MAX] = { "", "; by source",
	    "; by crate", "; by namespace" };

	set(l, ATTR_HEADER);
	add(l, " ");
	for (size_t i = 1; i < v->depth; i++) {
		add(l, "/ ");
		add_name(v, l, view_node_name(v, v->path[i].node));
		add(l, " ");
	}
	if (v->depth == 1)
		add(l, "/ ");
	add(l, "  [%s; %s%s]", v->retained ? "retained" : "shallow",
	    sorts[v->sort][v->reverse], bys[v->by]);
}

/* ---- the tree ----------------------------------------------------------- */

static void
tree_row(const struct view *v, const struct view_row *r, int selected,
    uint64_t total, uint64_t max, struct view_line *l)
{
	char	 s[32];
	uint8_t	 fl = r->node.type == VN_ITEM ? v->flags[r->node.id] : 0;

	set(l, selected ? ATTR_SELECTED : ATTR_NORMAL);
	add(l, "%c%c%c%c%c %10s ", selected ? '>' : ' ',
	    fl & FLAG_DEBUG ? 'D' : ' ', fl & FLAG_PANIC ? 'P' : ' ',
	    fl & FLAG_GARBAGE ? 'G' : ' ', fl & FLAG_DUP ? '=' : ' ',
	    ws_fmt_size(s, sizeof s, r->size));
	int	 bar = v->graph != SHOW_PERCENT && v->cols >= BAR_MIN_COLS;

	if (v->graph != SHOW_BAR || !bar) {
		add_pct(l, r->size, total);
		add(l, " ");
	}
	if (bar) {
		add_bar(v, l, r->size, max);
		add(l, " ");
	}
	add(l, "%s", view_has_children(v, r->node) ? "/" : " ");
	add_name(v, l, view_node_name(v, r->node));
}

static size_t
tree_body(const struct view *v, struct view_line *out, size_t rows)
{
	const struct view_level *lv = &v->path[v->depth - 1];
	uint64_t total = view_parent_total(v, lv->node), max = 0;
	size_t	 k = 0;

	for (size_t i = 0; i < v->nlist; i++)
		if (v->list[i].size > max)
			max = v->list[i].size;
	if (v->nlist == 0) {
		set(&out[k], ATTR_NORMAL);
		add(&out[k++], v->filter_len ? "   (no name contains \"%s\")" :
		    "   (empty)", v->filter);
	}
	for (size_t i = lv->top; i < v->nlist && k < rows; i++)
		tree_row(v, &v->list[i], i == lv->sel, total, max, &out[k++]);
	return k;
}

/* ---- side views -------------------------------------------------------- */

/* Emits line i of a side view into out[i - skip] when it is on screen. */
struct emitter {
	struct view_line *out;
	size_t		 skip, max, n;
	struct view_line scratch;	/* where lines off the screen go */
};

static struct view_line *
next(struct emitter *e, enum view_attr attr)
{
	struct view_line *l = &e->scratch;

	if (e->n >= e->skip && e->n - e->skip < e->max)
		l = &e->out[e->n - e->skip];
	e->n++;
	set(l, attr);
	return l;
}

static long
side_item(const struct view *v)
{
	const struct view_level *lv = &v->path[v->depth - 1];

	if (v->nlist == 0 || v->list[lv->sel].node.type != VN_ITEM)
		return -1;
	return (long)v->list[lv->sel].node.id;
}

static void
paths_view(const struct view *v, struct emitter *e)
{
	char	 s[32];

	for (size_t i = 0; i < v->paths.n; i++) {
		const struct ws_tree_row *r = &v->paths.v[i];
		const struct ws_item *it = &v->a->attrib.items[r->node];
		struct view_line *l = next(e, i == 0 ? ATTR_TITLE : ATTR_NORMAL);

		add(l, " %10s  ", ws_fmt_size(s, sizeof s, it->size));
		for (uint32_t d = 0; d < r->depth && d < 30; d++)
			add(l, "  ");
		if (r->depth > 0)
			add(l, "%s", v->mode == MODE_WHY ? "<- " : "-> ");
		add(l, "%s ", ws_item_kind_name(it->kind));
		add_name(v, l, it->name);
	}
	if (v->paths.n == 1)
		add(next(e, ATTR_NORMAL), v->mode == MODE_WHY ?
		    "   (the root keeps it: it is part of the file's structure,"
		    " or exported)" : "   (it references nothing)");
	if (v->paths.truncated)
		add(next(e, ATTR_NORMAL), "   ... more paths left out");
}

/* Text over as many indented lines as it takes, broken at spaces. */
static void
wrap(const struct view *v, struct emitter *e, const char *text)
{
	size_t	 width = v->cols > 8 ? (size_t)v->cols - 4 : 4;
	size_t	 n = strlen(text);

	while (n > 0) {
		size_t take = n <= width ? n : width;

		if (take < n) {		/* back up to the last space */
			size_t sp = take;
			while (sp > 0 && text[sp] != ' ')
				sp--;
			if (sp > 0)
				take = sp;
		}
		struct view_line *l = next(e, ATTR_NORMAL);
		add(l, "   ");
		add_name(v, l, (struct ws_str){ text, take });
		text += take;
		n -= take;
		while (n > 0 && *text == ' ')
			text++, n--;
	}
}

static void
advice_view(const struct view *v, struct emitter *e)
{
	const struct ws_advice *adv = v->adv;

	if (adv->n == 0)
		add(next(e, ATTR_NORMAL), "   nothing to recommend");
	for (size_t i = 0; i < adv->n; i++) {
		const struct ws_rec *r = &adv->recs[i];
		struct view_line *l = next(e, ATTR_TITLE);

		add(l, " %10" PRIu64 " B  %-9s  %s: %s", r->saving,
		    ws_confidence_name(r->confidence), r->id, r->title);
		if (r->measured_ok)
			add(next(e, ATTR_NORMAL), "   measured: %" PRId64 " B, %"
			    PRId64 " B gzip'd", r->measured, r->measured_gzip);
		wrap(v, e, r->action);
	}
}

static void
detail(const struct view *v, struct emitter *e, const char *key,
    struct ws_str value)
{
	struct view_line *l = next(e, ATTR_NORMAL);

	add(l, " %-10s ", key);
	add_name(v, l, value);
}

static void
detailf(const struct view *v, struct emitter *e, const char *key,
    const char *fmt, ...)
{
	char	 buf[96];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	detail(v, e, key, (struct ws_str){ buf, strlen(buf) });
}

static void
details_view(const struct view *v, struct emitter *e)
{
	long	 i = side_item(v);
	const struct ws_item *it;
	const struct ws_graph *g = &v->a->graph;
	uint8_t	 fl;

	if (i < 0)
		return;
	it = &v->a->attrib.items[i];
	fl = v->flags[i];
	detail(v, e, "name", it->name);
	if (it->raw_name.s != NULL)
		detail(v, e, "raw name", it->raw_name);
	detailf(v, e, "kind", "%s", ws_item_kind_name(it->kind));
	if (it->index != UINT32_MAX)
		detailf(v, e, "index", "%" PRIu32, it->index);
	if (it->section != UINT16_MAX)
		detail(v, e, "section", view_node_name(v,
		    (struct view_node){ VN_SECTION, it->section }));
	detailf(v, e, "offset", "0x%zx", it->off);
	detailf(v, e, "size", "%zu B", it->size);
	detailf(v, e, "retained", "%" PRIu64 " B", v->a->dom.retained[i]);
	detailf(v, e, "referrers", "%" PRIu32, g->in_at[i + 1] - g->in_at[i]);
	detailf(v, e, "references", "%" PRIu32,
	    g->out_at[i + 1] - g->out_at[i]);
	if (fl)
		detailf(v, e, "flags", "%s%s%s%s", fl & FLAG_DEBUG ?
		    "debug-info " : "", fl & FLAG_PANIC ? "panic " : "",
		    fl & FLAG_GARBAGE ? "garbage " : "", fl & FLAG_DUP ?
		    "duplicate" : "");
}

static void
help_view(const struct view *v, struct emitter *e)
{
	(void)v;
	for (size_t i = 0; view_keys[i].keys != NULL; i++)
		add(next(e, ATTR_NORMAL), " %-20s %s", view_keys[i].keys,
		    view_keys[i].does);
	add(next(e, ATTR_NORMAL), "");
	add(next(e, ATTR_NORMAL), " flags: D debug info, P panic machinery, "
	    "G garbage, = duplicate");
}

static size_t
side_body(const struct view *v, struct view_line *out, size_t skip,
    size_t max)
{
	struct emitter e = { .out = out, .skip = skip, .max = max };

	switch (v->mode) {
	case MODE_WHY: case MODE_PULLS: paths_view(v, &e); break;
	case MODE_ADVICE: advice_view(v, &e); break;
	case MODE_DETAILS: details_view(v, &e); break;
	case MODE_HELP: help_view(v, &e); break;
	case MODE_TREE: break;
	}
	return e.n;
}

size_t
view_side_length(const struct view *v)
{
	return side_body(v, NULL, 0, 0);
}

/* ---- the whole screen -------------------------------------------------- */

static void
status(const struct view *v, struct view_line *l)
{
	static const char *const side_titles[] = {
		[MODE_WHY] = "why it is kept", [MODE_PULLS] = "what it pulls in",
		[MODE_ADVICE] = "advice", [MODE_DETAILS] = "details",
		[MODE_HELP] = "keys",
	};

	set(l, ATTR_STATUS);
	if (v->searching)
		add(l, " /%s_   (Enter keeps, Esc clears)", v->filter);
	else if (v->mode != MODE_TREE)
		add(l, " %s   q back  Up/Down scroll  ? help",
		    side_titles[v->mode]);
	else if (v->filter_len > 0)
		add(l, " filter \"%s\": %zu row%s   Esc clears  ? help",
		    v->filter, v->nlist, v->nlist == 1 ? "" : "s");
	else
		add(l, " ? help  q quit  s/n sort  r retained  / search  "
		    "p why  a advice  i info");
}

/* Cuts a line at cols display columns, never inside a character. */
static void
crop(struct view_line *l, size_t cols)
{
	const uint8_t *p = (const uint8_t *)l->text;
	size_t	 n = strlen(l->text), i = 0, used = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((k = ws_utf8_seq(p + i, n - i, &cp)) == 0)
			k = 1, cp = '?';
		if (used + (size_t)ws_utf8_width(cp) > cols)
			break;
		used += (size_t)ws_utf8_width(cp);
		i += k;
	}
	l->text[i] = '\0';
}

size_t
view_render(const struct view *v, struct view_line *lines)
{
	size_t	 body = view_body_rows(v), k;

	if (v->cols < VIEW_MIN_COLS || v->rows < VIEW_MIN_ROWS) {
		set(&lines[0], ATTR_NORMAL);
		add(&lines[0], "terminal too small: %dx%d, needs %dx%d",
		    v->cols, v->rows, VIEW_MIN_COLS, VIEW_MIN_ROWS);
		crop(&lines[0], v->cols > 0 ? (size_t)v->cols : 0);
		return 1;
	}
	title(v, &lines[0]);
	toolchain(v, &lines[1]);
	verdicts(v, &lines[2]);
	where(v, &lines[3]);
	if (v->mode == MODE_TREE)
		k = tree_body(v, lines + HEADER_LINES, body);
	else
		k = side_body(v, lines + HEADER_LINES, v->side_top, body);
	if (k > body)
		k = body;
	for (; k < body; k++)
		set(&lines[HEADER_LINES + k], ATTR_NORMAL);
	status(v, &lines[HEADER_LINES + body]);
	for (size_t i = 0; i < (size_t)v->rows; i++)
		crop(&lines[i], (size_t)v->cols);
	return (size_t)v->rows;
}

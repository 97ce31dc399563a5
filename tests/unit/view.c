/* SPDX-License-Identifier: MIT */
/*
 * view.c - unit tests of the TUI's view-model on the bundled samples: moving,
 * opening and going back, sorting, retained sizes, search, the side views,
 * quitting, resizing, what every rendered line may hold (display width, no
 * raw control characters), and the man page's KEYS against view_keys[].
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/advice.h"
#include "analysis/analysis.h"
#include "analysis/findings.h"
#include "report/utf8.h"
#include "tap.h"
#include "tui/view.h"
#include "tui/view_impl.h"
#include "wasm/diag.h"
#include "wasm/file.h"
#include "wasm/module.h"

enum { MAX_ROWS = 200 };

/* One sample, parsed and analysed as `wasmsize inspect` does. */
struct sample {
	char			 path[1024];
	struct ws_file		 file;
	struct ws_module	 m;
	struct ws_analysis	 a;
	struct ws_findings	 f;
	struct ws_advice	 adv;
};

static struct view_line lines[MAX_ROWS];

static int
load(struct sample *s, const char *name)
{
	const char	*dir = getenv("srcdir");
	struct ws_analysis_opts o = { 1 };
	struct ws_diag	 d = { 0 };

	memset(s, 0, sizeof *s);
	snprintf(s->path, sizeof s->path, "%s/samples/%s", dir ? dir : ".",
	    name);
	if (ws_file_open(&s->file, s->path, &d) != 0 ||
	    ws_module_parse(&s->m, s->file.data,
	    (struct ws_span){ 0, s->file.size }, &d) != 0 ||
	    ws_analyze(&s->a, s->path, &s->m, &o, &d) != 0 ||
	    ws_findings_build(&s->f, &s->a, &d) != 0 ||
	    ws_advice_build(&s->adv, &s->a, &s->f, 0, &d) != 0) {
		printf("# %s: %s\n", s->path, d.text);
		return -1;
	}
	return 0;
}

static void
unload(struct sample *s)
{
	ws_advice_free(&s->adv);
	ws_findings_free(&s->f);
	ws_analysis_free(&s->a);
	ws_module_free(&s->m);
	ws_file_close(&s->file);
}

/* ---- looking at the view ---------------------------------------------- */

/* A node's name as a C string (names in the samples hold no NUL). */
static const char *
name_of(const struct view *v, struct view_node n, char *buf, size_t len)
{
	struct ws_str s = view_node_name(v, n);
	size_t	 k = s.len < len - 1 ? s.len : len - 1;

	memcpy(buf, s.s, k);
	buf[k] = '\0';
	return buf;
}

/* Row i's name; eight buffers in turn, so one ok() can show several. */
static const char *
row_name(const struct view *v, size_t i)
{
	static char buf[8][256];
	static unsigned k;

	k = (k + 1) % 8;
	return name_of(v, v->list[i].node, buf[k], sizeof buf[k]);
}

static size_t
sel(const struct view *v)
{
	return v->path[v->depth - 1].sel;
}

static size_t
top(const struct view *v)
{
	return v->path[v->depth - 1].top;
}

static const char *
sel_name(const struct view *v)
{
	return v->nlist ? row_name(v, sel(v)) : "(none)";
}

/* The row named name, or SIZE_MAX. */
static size_t
find_row(const struct view *v, const char *name)
{
	for (size_t i = 0; i < v->nlist; i++)
		if (strcmp(row_name(v, i), name) == 0)
			return i;
	return SIZE_MAX;
}

/* Moves the cursor to the row named name; 0 or -1. */
static int
select_row(struct view *v, const char *name)
{
	size_t	 i = find_row(v, name);

	if (i == SIZE_MAX)
		return -1;
	view_key(v, VK_HOME);
	for (size_t k = 0; k < i; k++)
		view_key(v, 'j');
	return sel(v) == i ? 0 : -1;
}

static size_t
render(const struct view *v)
{
	memset(lines, 0, sizeof lines);
	return view_render(v, lines);
}

/* The first rendered line (from line from) holding text, or -1. */
static long
line_with(size_t n, size_t from, const char *text)
{
	for (size_t i = from; i < n; i++)
		if (strstr(lines[i].text, text) != NULL)
			return (long)i;
	return -1;
}

static int
screen_has(const struct view *v, const char *text)
{
	return line_with(render(v), 0, text) >= 0;
}

/* The body line with the '>' mark, or -1. */
static long
marked_line(size_t n)
{
	for (size_t i = HEADER_LINES; i + 1 < n; i++)
		if (lines[i].text[0] == '>')
			return (long)i;
	return -1;
}

/*
 * Display columns of a line, or -1 when it is not valid UTF-8 or holds a
 * control character (C0, DEL, C1) or an invisible format character.
 */
static long
line_cols(const char *text)
{
	const uint8_t *p = (const uint8_t *)text;
	size_t	 n = strlen(text), k;
	long	 cols = 0;
	uint32_t cp;

	for (size_t i = 0; i < n; i += k) {
		if ((k = ws_utf8_seq(p + i, n - i, &cp)) == 0)
			return -1;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
		    (cp >= 0x200b && cp <= 0x200f) ||
		    (cp >= 0x2028 && cp <= 0x202e) ||
		    (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff)
			return -1;
		cols += ws_utf8_width(cp);
	}
	return cols;
}

/*
 * Renders v at rows x cols and checks every line: it fits, holds nothing
 * raw, and in ASCII mode is ASCII.  Returns 1 when all lines pass.
 */
static int
lines_fit(struct view *v, int rows, int cols, const char *what)
{
	size_t	 n;
	int	 good = 1;

	view_resize(v, rows, cols);
	n = render(v);
	if (n != (cols < VIEW_MIN_COLS || rows < VIEW_MIN_ROWS ? 1 :
	    (size_t)rows)) {
		printf("# %s %dx%d: %zu lines\n", what, cols, rows, n);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		long c = line_cols(lines[i].text);

		if (c < 0 || c > cols) {
			printf("# %s %dx%d: line %zu: %ld columns: %s\n", what,
			    cols, rows, i, c, lines[i].text);
			good = 0;
		}
		for (const char *p = lines[i].text; v->ascii && *p; p++)
			if ((unsigned char)*p >= 0x80) {
				printf("# %s %dx%d: line %zu not ASCII: %s\n",
				    what, cols, rows, i, lines[i].text);
				good = 0;
				break;
			}
	}
	return good;
}

/* ---- the tests --------------------------------------------------------- */

/*
 * The largest percentage on the rows of a rendered tree, in tenths (the
 * column before the first '%' of each row), or -1 when no row has one.
 */
static long
max_percent(size_t n)
{
	long	 max = -1;

	for (size_t i = HEADER_LINES; i + 1 < n; i++) {
		const char *pct = strchr(lines[i].text, '%'), *p = pct;
		if (pct == NULL || pct - lines[i].text < 4 || pct[-2] != '.')
			continue;
		for (p = pct - 3; p > lines[i].text && p[-1] >= '0' &&
		    p[-1] <= '9'; p--)
			;
		long t = strtol(p, NULL, 10) * 10 + (pct[-1] - '0');
		if (t > max)
			max = t;
	}
	return max;
}

static int
sorted_by_size(const struct view *v, int ascending)
{
	for (size_t i = 1; i < v->nlist; i++)
		if (ascending ? v->list[i - 1].size > v->list[i].size :
		    v->list[i - 1].size < v->list[i].size)
			return 0;
	return 1;
}

static int
sorted_by_name(const struct view *v, int descending)
{
	char	 a[256], b[256];

	for (size_t i = 1; i < v->nlist; i++) {
		int c = strcmp(name_of(v, v->list[i - 1].node, a, sizeof a),
		    name_of(v, v->list[i].node, b, sizeof b));
		if (descending ? c < 0 : c > 0)
			return 0;
	}
	return 1;
}

static void
test_navigation(struct sample *s)
{
	struct view v;
	size_t	 n, page, code;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "names: init"))
		return;
	view_resize(&v, 24, 80);
	ok(v.depth == 1 && v.mode == MODE_TREE && sel(&v) == 0,
	    "starts at the module, first row selected");
	ok(v.nlist == 1 + s->m.sections.n,
	    "module level: the preamble and %zu sections (%zu rows)",
	    s->m.sections.n, v.nlist);
	ok(sorted_by_size(&v, 0), "module level: largest first");
	ok(strcmp(row_name(&v, 0), "name") == 0, "largest section: name (%s)",
	    row_name(&v, 0));
	n = render(&v);
	ok(n == 24 && marked_line(n) == HEADER_LINES,
	    "24 lines, '>' marks the first body line");
	ok(line_with(n, 0, "names.wasm") == 0, "title names the file: %s",
	    lines[0].text);
	ok(strstr(lines[0].text, "gzip") == NULL,
	    "no gzip size before it is known");
	v.gzip = 341;
	render(&v);
	ok(strstr(lines[0].text, "gzip 341 B") != NULL, "gzip size once known");
	ok(line_with(n, HEADER_LINES, "/code") >= 0 &&
	    line_with(n, HEADER_LINES, " preamble") >= 0 &&
	    line_with(n, HEADER_LINES, "/preamble") < 0,
	    "sections are marked openable with '/', the preamble is not");

	ok(view_key(&v, 'j') == VIEW_REDRAW && sel(&v) == 1, "j moves down");
	ok(view_key(&v, VK_DOWN) == VIEW_REDRAW && sel(&v) == 2,
	    "Down moves down");
	view_key(&v, 'k');
	ok(sel(&v) == 1, "k moves up");
	view_key(&v, VK_UP);
	ok(sel(&v) == 0, "Up moves up");
	view_key(&v, 'k');
	view_key(&v, VK_UP);
	view_key(&v, VK_PGUP);
	ok(sel(&v) == 0 && top(&v) == 0, "k, Up, PgUp stop at the first row");
	view_key(&v, VK_END);
	ok(sel(&v) == v.nlist - 1, "End: the last row");
	view_key(&v, 'j');
	view_key(&v, VK_DOWN);
	view_key(&v, VK_PGDN);
	ok(sel(&v) == v.nlist - 1, "j, Down, PgDn stop at the last row");
	n = render(&v);
	ok(marked_line(n) == (long)(HEADER_LINES + v.nlist - 1),
	    "'>' marks the last row");
	view_key(&v, VK_HOME);
	ok(sel(&v) == 0 && top(&v) == 0, "Home: the first row");

	/* pages on a short terminal: 10 rows leave 5 for the body */
	view_resize(&v, 10, 40);
	page = view_body_rows(&v);
	ok(page == 5, "10 rows: a body of 5 (%zu)", page);
	view_key(&v, VK_PGDN);
	ok(sel(&v) == page && top(&v) <= sel(&v) && sel(&v) < top(&v) + page,
	    "PgDn moves a page and keeps the row on screen (sel %zu top %zu)",
	    sel(&v), top(&v));
	n = render(&v);
	ok(marked_line(n) == (long)(HEADER_LINES + sel(&v) - top(&v)),
	    "the marked line is the selected row");
	ok(marked_line(n) >= 0 && strstr(lines[marked_line(n)].text,
	    row_name(&v, sel(&v))) != NULL,
	    "at 40 columns the row still shows its name (%s): %s",
	    row_name(&v, sel(&v)), marked_line(n) >= 0 ?
	    lines[marked_line(n)].text : "");
	view_key(&v, VK_PGDN);
	view_key(&v, VK_PGDN);
	view_key(&v, VK_PGDN);
	ok(sel(&v) == v.nlist - 1 && top(&v) == v.nlist - page,
	    "PgDn clamps at the end, the last page full (top %zu)", top(&v));
	view_key(&v, VK_PGUP);
	ok(sel(&v) == v.nlist - 1 - page && top(&v) <= sel(&v),
	    "PgUp moves a page back");
	view_key(&v, VK_PGUP);
	view_key(&v, VK_PGUP);
	view_key(&v, VK_PGUP);
	ok(sel(&v) == 0 && top(&v) == 0, "PgUp clamps at the start");
	view_key(&v, VK_END);
	view_resize(&v, 24, 80);
	ok(top(&v) == 0, "growing the terminal shows every row again (top %zu)",
	    top(&v));

	/* open a section; every way of opening and of going back */
	static const int opens[] = { 'l', VK_RIGHT, VK_ENTER };
	static const int ups[] = { 'h', VK_LEFT, VK_BACKSPACE };
	code = find_row(&v, "code");
	for (size_t k = 0; k < 3; k++) {
		select_row(&v, "code");
		ok(view_key(&v, opens[k]) == VIEW_REDRAW && v.depth == 2 &&
		    v.path[1].node.type == VN_SECTION &&
		    strcmp(name_of(&v, v.path[1].node, (char[64]){ 0 }, 64),
		    "code") == 0, "open key %zu opens the code section", k);
		int mine = v.nlist > 0;
		for (size_t i = 0; i < v.nlist; i++)
			mine &= v.list[i].node.type == VN_ITEM &&
			    s->a.attrib.items[v.list[i].node.id].section ==
			    v.path[1].node.id;
		ok(mine, "its rows are the items of the code section (%zu)",
		    v.nlist);
		ok(screen_has(&v, "/ code") && sel(&v) == 0,
		    "the header says where; the cursor on the first row");
		view_key(&v, 'j');
		ok(view_key(&v, ups[k]) == VIEW_REDRAW && v.depth == 1 &&
		    sel(&v) == code && strcmp(sel_name(&v), "code") == 0,
		    "up key %zu goes back, the cursor on code again", k);
	}
	ok(view_key(&v, 'h') == VIEW_NONE && v.depth == 1,
	    "going up at the top does nothing");
	select_row(&v, "preamble");
	ok(view_key(&v, 'l') == VIEW_NONE && v.depth == 1,
	    "the preamble has nothing to open");
	view_free(&v);
}

static void
test_items(struct sample *s)
{
	struct view v;
	const struct ws_domtree *dom = &s->a.dom;
	uint32_t main_id;
	size_t	 at_code, at_main;
	int	 all;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "graph: init"))
		return;
	view_resize(&v, 24, 80);
	select_row(&v, "code");
	at_code = sel(&v);
	view_key(&v, 'l');
	ok(select_row(&v, "main") == 0, "graph: code lists main");
	at_main = sel(&v);
	main_id = v.list[at_main].node.id;
	ok(view_key(&v, 'l') == VIEW_REDRAW && v.depth == 3,
	    "main opens: what it retains");
	all = v.nlist == dom->child_at[main_id + 1] - dom->child_at[main_id];
	for (size_t i = 0; i < v.nlist; i++)
		all &= dom->idom[v.list[i].node.id] == main_id;
	ok(all, "its rows are main's dominator children (%zu)", v.nlist);
	ok(find_row(&v, "chain1") != SIZE_MAX &&
	    find_row(&v, "bottom") != SIZE_MAX &&
	    find_row(&v, "left") != SIZE_MAX && find_row(&v, "tab") != SIZE_MAX,
	    "main retains chain1, bottom, left, tab");
	ok(find_row(&v, "chain2") == SIZE_MAX && find_row(&v, "dead_a") ==
	    SIZE_MAX, "but not chain2 (below chain1) or dead_a (garbage)");
	ok(screen_has(&v, "/ code / main"), "the header shows the path");
	select_row(&v, "chain1");
	view_key(&v, 'l');
	ok(v.depth == 4 && v.nlist == 1 && strcmp(row_name(&v, 0), "chain2") ==
	    0, "chain1 retains chain2");
	view_key(&v, 'l');
	ok(v.depth == 5 && strcmp(row_name(&v, 0), "chain3") == 0,
	    "chain2 retains chain3");
	ok(view_key(&v, 'l') == VIEW_NONE && v.depth == 5,
	    "chain3 retains nothing: nothing to open");
	render(&v);
	ok(line_with(24, HEADER_LINES, "/chain3") < 0 &&
	    line_with(24, HEADER_LINES, " chain3") >= 0,
	    "and is not marked openable");
	view_key(&v, 'h');
	view_key(&v, 'h');
	ok(v.depth == 3 && strcmp(sel_name(&v), "chain1") == 0,
	    "back in main, the cursor on chain1 again");
	view_key(&v, 'h');
	ok(v.depth == 2 && sel(&v) == at_main && strcmp(sel_name(&v), "main") ==
	    0, "back in code, on main");
	view_key(&v, 'h');
	ok(v.depth == 1 && sel(&v) == at_code, "back at the top, on code");

	/* flags */
	select_row(&v, "code");
	view_key(&v, 'l');
	select_row(&v, "dead_a");
	render(&v);
	ok(marked_line(24) >= 0 && lines[marked_line(24)].text[3] == 'G',
	    "dead_a is flagged G: %s", lines[marked_line(24)].text);
	select_row(&v, "main");
	render(&v);
	ok(lines[marked_line(24)].text[3] == ' ', "main is not");
	view_free(&v);
}

static void
test_sort(struct sample *s)
{
	struct view v;
	const char *keep;
	int	 all;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "sort: init"))
		return;
	view_resize(&v, 40, 100);
	select_row(&v, "code");
	view_key(&v, 'l');
	select_row(&v, "bottom");
	keep = "bottom";
	ok(v.sort == SORT_SIZE && !v.reverse && sorted_by_size(&v, 0),
	    "by size, largest first");
	ok(strcmp(row_name(&v, 0), "main") == 0, "main is the largest (%s)",
	    row_name(&v, 0));
	ok(view_key(&v, 's') == VIEW_REDRAW && v.reverse &&
	    sorted_by_size(&v, 1), "s again: smallest first");
	ok(screen_has(&v, "[shallow; size, smallest first]"),
	    "the header says so");
	ok(strcmp(sel_name(&v), keep) == 0, "the cursor stays on %s (%s)",
	    keep, sel_name(&v));
	render(&v);
	ok(strstr(lines[marked_line(40)].text, keep) != NULL,
	    "and the '>' line shows it");
	view_key(&v, 's');
	ok(!v.reverse && sorted_by_size(&v, 0), "s a third time: largest first");
	ok(view_key(&v, 'n') == VIEW_REDRAW && v.sort == SORT_NAME &&
	    !v.reverse && sorted_by_name(&v, 0), "n: by name, A-Z");
	ok(strcmp(row_name(&v, 0), "bottom") == 0 &&
	    strcmp(row_name(&v, 1), "chain1") == 0 &&
	    strcmp(row_name(&v, v.nlist - 1), "via_table") == 0,
	    "bottom, chain1, ..., via_table (%s, %s, ..., %s)", row_name(&v, 0),
	    row_name(&v, 1), row_name(&v, v.nlist - 1));
	ok(screen_has(&v, "[shallow; name]"), "the header says name");
	view_key(&v, 'n');
	ok(v.reverse && sorted_by_name(&v, 1) &&
	    strcmp(row_name(&v, 0), "via_table") == 0, "n again: Z-A");
	ok(screen_has(&v, "[shallow; name, Z-A]"), "the header says Z-A");
	ok(strcmp(sel_name(&v), keep) == 0, "the cursor is still on %s", keep);
	view_key(&v, 's');
	ok(v.sort == SORT_SIZE && !v.reverse && sorted_by_size(&v, 0),
	    "s after n: by size, largest first");

	/* equal sizes keep file order */
	all = 1;
	for (size_t i = 1; i < v.nlist; i++)
		if (v.list[i - 1].size == v.list[i].size)
			all &= v.list[i - 1].node.id < v.list[i].node.id;
	ok(all, "equal sizes stay in file order");

	/* retained sizes */
	ok(view_key(&v, 'r') == VIEW_REDRAW && v.retained, "r: retained");
	all = 1;
	for (size_t i = 0; i < v.nlist; i++)
		all &= v.list[i].size == s->a.dom.retained[v.list[i].node.id];
	ok(all, "every row's size is its retained size");
	ok(sorted_by_size(&v, 0), "sorted by retained size");
	ok(screen_has(&v, "[retained; size]"), "the header says retained");
	ok(max_percent(render(&v)) <= 1000, "no row is more than 100.0%% of "
	    "its parent (%ld tenths)", max_percent(render(&v)));
	view_key(&v, 'h');
	select_row(&v, "export");
	view_key(&v, 'l');
	ok(max_percent(render(&v)) <= 1000, "in the export section neither "
	    "(%ld tenths)", max_percent(render(&v)));
	ok(max_percent(render(&v)) >= 0, "(there are percentages)");
	view_key(&v, 'h');
	select_row(&v, "code");
	view_key(&v, 'l');
	select_row(&v, "chain1");
	render(&v);
	{
		char want[64];
		snprintf(want, sizeof want, "%10" PRIu64 " B",
		    s->a.dom.retained[v.list[sel(&v)].node.id]);
		ok(s->a.dom.retained[v.list[sel(&v)].node.id] !=
		    s->a.attrib.items[v.list[sel(&v)].node.id].size &&
		    strstr(lines[marked_line(40)].text, want) != NULL,
		    "chain1's line shows its retained size: %s",
		    lines[marked_line(40)].text);
	}
	view_key(&v, 'r');
	all = !v.retained;
	for (size_t i = 0; i < v.nlist; i++)
		all &= v.list[i].size == s->a.attrib.items[v.list[i].node.id].size;
	ok(all, "r again: shallow sizes");
	ok(strcmp(sel_name(&v), "chain1") == 0, "the cursor stays on chain1");

	/* percent, bar, both */
	render(&v);
	ok(strchr(lines[marked_line(40)].text, '%') != NULL &&
	    strstr(lines[marked_line(40)].text, "\u2588") != NULL,
	    "percent and bar: %s", lines[marked_line(40)].text);
	view_key(&v, 'g');
	render(&v);
	ok(strchr(lines[marked_line(40)].text, '%') != NULL &&
	    strchr(lines[marked_line(40)].text, '[') == NULL,
	    "g: percent only: %s", lines[marked_line(40)].text);
	view_key(&v, 'g');
	render(&v);
	ok(strchr(lines[marked_line(40)].text, '%') == NULL &&
	    strchr(lines[marked_line(40)].text, '[') != NULL,
	    "g: bar only: %s", lines[marked_line(40)].text);
	view_key(&v, 'g');
	render(&v);
	ok(strchr(lines[marked_line(40)].text, '%') != NULL &&
	    strchr(lines[marked_line(40)].text, '[') != NULL, "g: both again");
	view_free(&v);
}

/* Rows of the unfiltered module level whose names contain needle. */
static size_t
count_matches(const struct view *v, const char *needle)
{
	size_t	 n = 0;

	for (size_t i = 0; i < v->a->m->sections.n; i++) {
		char buf[256];
		if (strstr(name_of(v, (struct view_node){ VN_SECTION,
		    (uint32_t)i }, buf, sizeof buf), needle) != NULL)
			n++;
	}
	return n + (strstr("preamble", needle) != NULL);
}

static void
type(struct view *v, const char *s)
{
	while (*s)
		view_key(v, (unsigned char)*s++);
}

static void
test_search(struct sample *s)
{
	struct view v;
	size_t	 all, n;
	int	 good;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "search: init"))
		return;
	view_resize(&v, 24, 80);
	all = v.nlist;
	ok(view_key(&v, '/') == VIEW_REDRAW && v.searching, "/ starts a search");
	n = render(&v);
	ok(strncmp(lines[n - 1].text, " /_", 3) == 0,
	    "the status line shows the prompt: %s", lines[n - 1].text);
	type(&v, "t");
	good = v.nlist == count_matches(&v, "t") && v.nlist < all;
	for (size_t i = 0; i < v.nlist; i++)
		good &= strchr(row_name(&v, i), 't') != NULL;
	ok(good, "/t: the %zu rows whose names contain t", v.nlist);
	type(&v, "a");
	good = v.nlist == count_matches(&v, "ta") && v.nlist >= 2;
	for (size_t i = 0; i < v.nlist; i++)
		good &= strstr(row_name(&v, i), "ta") != NULL;
	ok(good, "/ta: data, datacount, table... (%zu rows)", v.nlist);
	type(&v, "b");
	ok(v.nlist == 1 && strcmp(row_name(&v, 0), "table") == 0 &&
	    sel(&v) == 0, "/tab: table only");
	n = render(&v);
	ok(strstr(lines[n - 1].text, "/tab_") != NULL, "the prompt shows tab");
	ok(view_key(&v, VK_BACKSPACE) == VIEW_REDRAW &&
	    v.nlist == count_matches(&v, "ta"), "Backspace: /ta again");
	view_key(&v, VK_BACKSPACE);
	view_key(&v, VK_BACKSPACE);
	ok(v.nlist == all && v.searching, "Backspace to nothing: every row");
	view_key(&v, VK_BACKSPACE);
	ok(v.nlist == all && v.searching, "Backspace on nothing does nothing");
	type(&v, "q");
	ok(v.searching && v.nlist == count_matches(&v, "q"),
	    "q while searching is a search character, not quit");
	view_key(&v, VK_BACKSPACE);
	type(&v, "zzz");
	n = render(&v);
	ok(v.nlist == 0 && line_with(n, HEADER_LINES, "no name contains") >= 0,
	    "no match: an empty list that says so");
	for (int k = 0; k < 3; k++)
		view_key(&v, VK_BACKSPACE);
	ok(v.filter_len == 0 && v.nlist == all, "Backspace three times: all");
	type(&v, "co");
	ok(view_key(&v, VK_ENTER) == VIEW_REDRAW && !v.searching &&
	    v.nlist == count_matches(&v, "co"), "Enter keeps the filter");
	n = render(&v);
	ok(strstr(lines[n - 1].text, "filter \"co\"") != NULL,
	    "the status line shows the filter: %s", lines[n - 1].text);
	ok(view_key(&v, 'j') == VIEW_REDRAW, "keys move again after Enter");
	ok(view_key(&v, VK_ESC) == VIEW_REDRAW && v.nlist == all &&
	    v.filter_len == 0, "Esc clears the filter");
	ok(view_key(&v, VK_ESC) == VIEW_NONE, "Esc with no filter: nothing");
	view_key(&v, '/');
	type(&v, "cod");
	ok(view_key(&v, VK_ESC) == VIEW_REDRAW && !v.searching &&
	    v.nlist == all, "Esc while typing ends the search and clears it");

	/* a filter, then open and come back */
	view_key(&v, '/');
	type(&v, "code");
	view_key(&v, VK_ENTER);
	ok(v.nlist == 1 && strcmp(sel_name(&v), "code") == 0,
	    "/code: one row");
	view_key(&v, 'l');
	ok(v.depth == 2 && v.filter_len == 0 && v.nlist > 0,
	    "opening it shows all of its items");
	view_key(&v, 'h');
	ok(v.depth == 1 && strcmp(sel_name(&v), "code") == 0,
	    "going back up, the cursor is on code again (%s)", sel_name(&v));

	/* inside a section */
	select_row(&v, "code");
	view_key(&v, 'l');
	view_key(&v, '/');
	type(&v, "_lazy");
	good = v.nlist == 1;
	for (size_t i = 0; i < v.nlist; i++)
		good &= strstr(row_name(&v, i), "_lazy") != NULL;
	ok(good, "a search in the code section filters its items (%zu)",
	    v.nlist);
	view_key(&v, VK_ESC);
	view_free(&v);
}

/* The body lines of a side view, in a tall terminal. */
static size_t
side_lines(struct view *v)
{
	view_resize(v, MAX_ROWS, 200);
	return render(v);
}

static void
test_side_views(struct sample *s)
{
	static const char *const why[] = { "via_table", "element slot",
	    "table tab", "function main", "export main" };
	static const char *const pulls[] = { "chain1", "left", "right", "cyc_a",
	    "tab", "type[0]", "fref" };
	struct view v;
	size_t	 n, at;
	long	 l, prev;
	int	 good;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "side: init"))
		return;
	view_resize(&v, 24, 80);
	ok(view_key(&v, 'p') == VIEW_NONE && v.mode == MODE_TREE &&
	    view_key(&v, 'P') == VIEW_NONE && view_key(&v, 'i') == VIEW_NONE,
	    "p, P, i on a section: nothing (no item)");
	select_row(&v, "code");
	view_key(&v, 'l');
	select_row(&v, "via_table");
	at = sel(&v);
	ok(view_key(&v, 'p') == VIEW_REDRAW && v.mode == MODE_WHY,
	    "p: why via_table is kept");
	n = side_lines(&v);
	ok(strstr(lines[HEADER_LINES].text, "via_table") != NULL,
	    "the first line names the item: %s", lines[HEADER_LINES].text);
	good = 1;
	prev = HEADER_LINES - 1;
	for (size_t i = 0; i < 5; i++) {
		l = line_with(n, HEADER_LINES, why[i]);
		good &= l == prev + 1;
		prev = l;
	}
	ok(good, "then slot, tab, main, main (element, table, function, "
	    "export), one per line");
	ok(line_with(n, HEADER_LINES + 1, "<- ") == HEADER_LINES + 1,
	    "referrers are marked <-");
	ok(strstr(lines[n - 1].text, "why it is kept") != NULL,
	    "the status line names the view");
	view_resize(&v, 24, 80);
	ok(view_key(&v, 'q') == VIEW_REDRAW && v.mode == MODE_TREE &&
	    sel(&v) == at && v.depth == 2, "q: back to the tree, on via_table");

	select_row(&v, "main");
	ok(view_key(&v, 'P') == VIEW_REDRAW && v.mode == MODE_PULLS,
	    "P: what main pulls in");
	n = side_lines(&v);
	ok(strstr(lines[HEADER_LINES].text, "main") != NULL,
	    "the first line names the item: %s", lines[HEADER_LINES].text);
	good = 1;
	for (size_t i = 0; i < sizeof pulls / sizeof *pulls; i++) {
		char want[64];
		snprintf(want, sizeof want, "-> %s %s", strcmp(pulls[i], "tab") ==
		    0 ? "table" : strcmp(pulls[i], "type[0]") == 0 ? "type" :
		    strcmp(pulls[i], "fref") == 0 ? "global" : "function",
		    pulls[i]);
		good &= line_with(n, HEADER_LINES, want) > HEADER_LINES;
		if (line_with(n, HEADER_LINES, want) <= HEADER_LINES)
			printf("# missing: %s\n", want);
	}
	ok(good, "it lists chain1, left, right, cyc_a, tab, type[0], fref");
	ok(strstr(lines[n - 1].text, "what it pulls in") != NULL,
	    "the status line names the view");
	view_resize(&v, 24, 80);
	ok(view_key(&v, VK_ESC) == VIEW_REDRAW && v.mode == MODE_TREE,
	    "Esc: back to the tree");

	view_key(&v, 'h');
	select_row(&v, "preamble");
	view_key(&v, 'P');
	n = side_lines(&v);
	ok(line_with(n, HEADER_LINES, "it references nothing") >= 0,
	    "P on the preamble: it references nothing");
	view_resize(&v, 24, 80);
	view_key(&v, 'q');

	/* details */
	select_row(&v, "code");
	view_key(&v, 'l');
	select_row(&v, "main");
	ok(view_key(&v, 'i') == VIEW_REDRAW && v.mode == MODE_DETAILS,
	    "i: details");
	n = side_lines(&v);
	{
		const struct ws_item *it = &s->a.attrib.items[
		    v.list[sel(&v)].node.id];
		char off[32], size[32], ret[32];
		snprintf(off, sizeof off, "0x%zx", it->off);
		snprintf(size, sizeof size, "%zu B", it->size);
		snprintf(ret, sizeof ret, "%" PRIu64 " B",
		    s->a.dom.retained[v.list[sel(&v)].node.id]);
		ok(line_with(n, HEADER_LINES, "name") == HEADER_LINES &&
		    strstr(lines[HEADER_LINES].text, "main") != NULL,
		    "its first line names the item: %s",
		    lines[HEADER_LINES].text);
		ok(line_with(n, HEADER_LINES, "function") > 0 &&
		    line_with(n, HEADER_LINES, "code") > 0 &&
		    line_with(n, HEADER_LINES, off) > 0 &&
		    line_with(n, HEADER_LINES, size) > 0 &&
		    line_with(n, HEADER_LINES, ret) > 0 &&
		    line_with(n, HEADER_LINES, "referrers") > 0 &&
		    line_with(n, HEADER_LINES, "references") > 0,
		    "kind, section, offset %s, size %s, retained %s, "
		    "referrers, references", off, size, ret);
	}
	view_resize(&v, 24, 80);
	ok(view_key(&v, 'h') == VIEW_REDRAW && v.mode == MODE_TREE,
	    "h: back to the tree");

	/* advice */
	ok(view_key(&v, 'a') == VIEW_REDRAW && v.mode == MODE_ADVICE,
	    "a: advice");
	n = side_lines(&v);
	if (s->adv.n > 0)
		ok(strstr(lines[HEADER_LINES].text, s->adv.recs[0].id) != NULL &&
		    strstr(lines[HEADER_LINES].text, s->adv.recs[0].title) !=
		    NULL, "the first line is the first recommendation: %s",
		    lines[HEADER_LINES].text);
	else
		ok(strstr(lines[HEADER_LINES].text, "nothing to recommend") !=
		    NULL, "nothing to recommend");
	ok(strstr(lines[n - 1].text, "advice") != NULL,
	    "the status line names the view");
	view_resize(&v, 24, 80);

	/* from one side view to another, then out */
	ok(view_key(&v, 'i') == VIEW_REDRAW && v.mode == MODE_DETAILS,
	    "i from the advice view: details");
	ok(view_key(&v, '?') == VIEW_REDRAW && v.mode == MODE_HELP,
	    "? from there: help");
	ok(view_key(&v, 'q') == VIEW_REDRAW && v.mode == MODE_TREE,
	    "q from a side view goes back to the tree, not out");
	ok(view_key(&v, 'q') == VIEW_QUIT, "q in the tree: VIEW_QUIT");
	view_free(&v);
}

static void
test_advice(struct sample *s)
{
	struct view v;
	size_t	 n;
	int	 good = 1;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "advice: init"))
		return;
	ok(s->adv.n > 0, "rust-release has advice (%zu)", s->adv.n);
	view_key(&v, 'a');
	n = side_lines(&v);
	for (size_t i = 0; i < s->adv.n; i++) {
		char want[128];
		snprintf(want, sizeof want, "%s: %s", s->adv.recs[i].id,
		    s->adv.recs[i].title);
		if (line_with(n, HEADER_LINES, want) < 0) {
			printf("# missing: %s\n", want);
			good = 0;
		}
	}
	ok(good, "every recommendation, with its id and title");
	ok(line_with(n, HEADER_LINES, "wasm-opt") >= 0,
	    "and the actions (wasm-opt ...)");
	for (int rows = 8; rows <= 30; rows += 11)
		for (int cols = 40; cols <= 120; cols += 40)
			ok(lines_fit(&v, rows, cols, "advice"),
			    "advice at %dx%d: every line fits", cols, rows);
	view_free(&v);
}

static void
test_help(struct sample *s)
{
	struct view v;
	size_t	 n, len, page;
	int	 good = 1;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "help: init"))
		return;
	ok(view_key(&v, '?') == VIEW_REDRAW && v.mode == MODE_HELP, "?: help");
	n = side_lines(&v);
	for (size_t i = 0; view_keys[i].keys != NULL; i++) {
		size_t	 len = strlen(view_keys[i].keys);
		long	 l = -1;
		for (size_t k = HEADER_LINES; k + 1 < n && l < 0; k++)
			if (strncmp(lines[k].text + 1, view_keys[i].keys, len) ==
			    0 && lines[k].text[1 + len] == ' ' &&
			    strstr(lines[k].text, view_keys[i].does) != NULL)
				l = (long)k;
		if (l < 0) {
			printf("# help lacks %s: %s\n", view_keys[i].keys,
			    view_keys[i].does);
			good = 0;
		}
	}
	ok(good, "help lists every key of view_keys[] with what it does");
	ok(line_with(n, HEADER_LINES, "D debug info") >= 0 &&
	    line_with(n, HEADER_LINES, "P panic machinery") >= 0 &&
	    line_with(n, HEADER_LINES, "G garbage") >= 0 &&
	    line_with(n, HEADER_LINES, "= duplicate") >= 0,
	    "and the flags D, P, G, =");

	/* scrolling a side view longer than the screen */
	view_resize(&v, 10, 40);
	len = view_side_length(&v);
	page = view_body_rows(&v);
	ok(len > page, "help is longer than a 10-row screen (%zu)", len);
	n = render(&v);
	ok(strstr(lines[HEADER_LINES].text, view_keys[0].keys) != NULL,
	    "it starts at the first key");
	view_key(&v, 'j');
	n = render(&v);
	ok(v.side_top == 1 && strstr(lines[HEADER_LINES].text,
	    view_keys[1].keys) != NULL, "j scrolls one line");
	view_key(&v, 'k');
	view_key(&v, 'k');
	ok(v.side_top == 0, "k stops at the top");
	view_key(&v, VK_END);
	n = render(&v);
	ok(v.side_top == len - page && strstr(lines[n - 2].text, "flags") !=
	    NULL, "End: the last line at the bottom: %s", lines[n - 2].text);
	view_key(&v, 'j');
	view_key(&v, VK_PGDN);
	ok(v.side_top == len - page, "j, PgDn stop at the end");
	view_key(&v, VK_PGUP);
	ok(v.side_top == len - 2 * page, "PgUp: a page back");
	view_key(&v, VK_HOME);
	ok(v.side_top == 0, "Home: the top");
	view_key(&v, VK_END);
	view_resize(&v, 40, 80);
	n = render(&v);
	ok(line_with(n, HEADER_LINES, view_keys[0].keys) == HEADER_LINES,
	    "grown so that everything fits, it shows from the first line "
	    "(side_top %zu)", v.side_top);
	view_free(&v);
}

static void
test_resize(struct sample *s)
{
	struct view v;
	size_t	 n;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "resize: init"))
		return;
	view_resize(&v, 40, 10);	/* a tall, narrow terminal */
	n = render(&v);
	ok(n == 1 && line_cols(lines[0].text) <= 10,
	    "10 columns: one line that fits: %s", lines[0].text);
	view_resize(&v, 10, 40);
	n = render(&v);
	ok(n == 10, "40x10: 10 lines");
	ok(lines_fit(&v, 10, 40, "tree"), "40x10: every line fits");
	ok(lines[9].attr == ATTR_STATUS && lines[0].attr == ATTR_TITLE,
	    "title first, status line last");
	view_resize(&v, 5, 20);
	n = render(&v);
	ok(n == 1 && strstr(lines[0].text, "too small") != NULL &&
	    line_cols(lines[0].text) <= 20,
	    "20x5: one line, too small: %s", lines[0].text);
	view_resize(&v, VIEW_MIN_ROWS - 1, 80);
	ok(render(&v) == 1 && strstr(lines[0].text, "too small") != NULL,
	    "one row short of the minimum: too small");
	view_resize(&v, 24, VIEW_MIN_COLS - 1);
	ok(render(&v) == 1 && strstr(lines[0].text, "too small") != NULL,
	    "one column short of the minimum: too small");
	view_resize(&v, VIEW_MIN_ROWS, VIEW_MIN_COLS);
	ok(render(&v) == VIEW_MIN_ROWS, "the minimum is drawn");
	ok(view_key(&v, 'j') == VIEW_REDRAW, "keys still work when small");
	view_resize(&v, 0, 0);
	n = render(&v);
	ok(n == 1 && lines[0].text[0] == '\0', "0x0: one empty line");

	/* the selection stays visible when the terminal shrinks */
	view_resize(&v, 24, 80);
	view_key(&v, VK_END);
	view_resize(&v, 8, 40);
	ok(top(&v) <= sel(&v) && sel(&v) < top(&v) + view_body_rows(&v),
	    "shrinking keeps the selected row on screen");
	n = render(&v);
	ok(marked_line(n) >= HEADER_LINES, "and marked");
	view_free(&v);
}

/* Every screen of every sample fits at every size, in both modes. */
static void
test_fit(const char *name)
{
	static const int sizes[][2] = { { 8, 40 }, { 10, 40 }, { 9, 41 },
	    { 24, 80 }, { 50, 200 }, { 5, 20 }, { 6, 30 }, { 30, 47 } };
	static const int keys[] = { 0, 'p', 'P', 'i', 'a', '?' };
	struct sample s;
	struct view v;
	int	 good = 1;

	if (!ok(load(&s, name) == 0, "%s loads", name))
		return;
	for (int ascii = 0; ascii < 2; ascii++) {
		if (view_init(&v, &s.a, &s.f, &s.adv, ascii) != 0) {
			good = 0;
			break;
		}
		for (size_t depth = 0; depth < 3; depth++) {
			for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
				if (keys[k] != 0 && view_key(&v, keys[k]) == 0)
					continue;
				for (size_t z = 0; z < 8; z++)
					good &= lines_fit(&v, sizes[z][0],
					    sizes[z][1], name);
				view_resize(&v, 24, 80);
				if (keys[k] != 0)
					view_key(&v, 'q');
			}
			/* open the largest openable row */
			for (size_t i = 0; i < v.nlist; i++)
				if (view_has_children(&v, v.list[i].node)) {
					view_key(&v, VK_HOME);
					for (size_t j = 0; j < i; j++)
						view_key(&v, 'j');
					view_key(&v, 'l');
					break;
				}
		}
		view_free(&v);
	}
	ok(good, "%s: every line of every view fits, UTF-8 and ASCII", name);
	unload(&s);
}

static void
test_hostile(struct sample *s)
{
	static const char *const shown[] = {
		"\\x1b[31mred\\x1b[0m", "bel\\x07bs\\x08", "c1\\xc2\\x9b2J",
		"bad\\xffutf\\xe2\\x82", "rlo\\xe2\\x80\\xaelive",
		"tab\\x09nl\\x0aback\\\\slash",
	};
	struct view v;
	size_t	 n;
	long	 l;
	int	 good = 1;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "hostile: init"))
		return;
	select_row(&v, "code");
	view_key(&v, 'l');
	ok(v.nlist >= 7, "hostile: 7 functions in the code section");
	ok(lines_fit(&v, 24, 80, "hostile"), "every line fits, nothing raw");
	n = render(&v);
	for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
		if (line_with(n, HEADER_LINES, shown[i]) < 0) {
			printf("# not shown escaped: %s\n", shown[i]);
			good = 0;
		}
	ok(good, "each hostile name is shown escaped");
	l = line_with(n, HEADER_LINES, "漢字の関数名");
	ok(l >= 0 && line_cols(lines[l].text) <= 80, "the wide name is shown, "
	    "cropped to 80 columns (%ld)", l >= 0 ? line_cols(lines[l].text) :
	    -1);
	ok(lines_fit(&v, 10, 40, "hostile"), "40x10: every line fits");
	l = line_with(10, HEADER_LINES, "漢字");
	ok(l < 0 || line_cols(lines[l].text) <= 40, "the wide name cropped to "
	    "40 columns");
	view_resize(&v, 24, 80);
	select_row(&v, "\x1b[31mred\x1b[0m");
	view_key(&v, 'l');
	ok(v.depth == 3 && screen_has(&v, "/ code / \\x1b[31mred\\x1b[0m"),
	    "the header's path shows the name escaped");
	view_key(&v, 'h');
	for (size_t i = 0; i < v.nlist; i++) {
		view_key(&v, VK_HOME);
		for (size_t j = 0; j < i; j++)
			view_key(&v, 'j');
		static const int side[] = { 'p', 'P', 'i' };
		for (size_t k = 0; k < 3; k++) {
			view_key(&v, side[k]);
			good &= lines_fit(&v, 24, 80, "hostile side") &&
			    lines_fit(&v, 8, 40, "hostile side");
			view_key(&v, 'q');
		}
	}
	ok(good, "why, pulls-in and details of each: nothing raw, all fit");
	view_free(&v);

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 1) == 0, "hostile ASCII"))
		return;
	select_row(&v, "code");
	view_key(&v, 'l');
	ok(lines_fit(&v, 24, 80, "hostile ascii"), "ASCII: every line ASCII");
	n = render(&v);
	ok(line_with(n, HEADER_LINES, "\\xe6\\xbc\\xa2") >= 0,
	    "ASCII: the CJK name's bytes escaped");
	ok(line_with(n, HEADER_LINES, "[#") >= 0 &&
	    line_with(n, 0, "\u2588") < 0, "ASCII: # bars");
	view_free(&v);
}

/* ---- the man page's KEYS ----------------------------------------------- */

/* Copies a man page line's text with \& and \e undone. */
static void
unman(const char *in, char *out, size_t cap)
{
	size_t	 k = 0;

	while (*in && *in != '\n' && k + 1 < cap) {
		if (in[0] == '\\' && in[1] == '&') {
			in += 2;
		} else if (in[0] == '\\' && in[1] == 'e') {
			out[k++] = '\\';
			in += 2;
		} else {
			out[k++] = *in++;
		}
	}
	out[k] = '\0';
}

/* v on a module with DWARF: its code by source file and directory. */
static void
test_sources(struct sample *s)
{
	struct view v;
	uint64_t sum = 0, dir;
	size_t	 core;
	int	 n;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "sources: init"))
		return;
	view_key(&v, 'v');
	render(&v);
	ok(v.by == BY_SOURCE && screen_has(&v, "by source]"),
	    "sources: v shows the code by source");
	for (size_t i = 0; i < v.nlist; i++)
		sum += v.list[i].size;
	ok(v.nlist == v.sources.ngroups + 1 && sum == v.sources.code_size,
	    "sources: %zu rows add up to the code section's %" PRIu64
	    " bytes", v.nlist, sum);
	ok(find_row(&v, "(no line information)") < v.nlist,
	    "sources: a row for the bytes without line information");
	core = find_row(&v, "/usr/src/rustc-1.63.0/library/core/");
	if (!ok(core < v.nlist, "sources: core's directory is a row"))
		goto out;
	dir = v.list[core].size;
	select_row(&v, "/usr/src/rustc-1.63.0/library/core/");
	n = view_key(&v, 'l');
	ok(n == VIEW_REDRAW && v.depth == 2 && v.nlist == 36,
	    "sources: it opens onto its 36 files (%zu)", v.nlist);
	sum = 0;
	for (size_t i = 0; i < v.nlist; i++) {
		sum += v.list[i].size;
		if (!ok(strncmp(row_name(&v, i),
		    "/usr/src/rustc-1.63.0/library/core/", 35) == 0,
		    "sources: %s is under it", row_name(&v, i)))
			break;
	}
	ok(sum == dir, "sources: its files add up to its %" PRIu64 " bytes",
	    dir);
	ok(view_key(&v, 'l') == VIEW_NONE, "sources: a file opens no further");
out:
	view_free(&v);
}

/* v: the module by source, crate, namespace, back to sections. */
static void
test_groups(struct sample *s)
{
	struct view v;
	uint64_t sum = 0;
	size_t	 n, core;

	if (!ok(view_init(&v, &s->a, &s->f, &s->adv, 0) == 0, "groups: init"))
		return;
	ok(find_row(&v, "code") < v.nlist, "groups: sections first");
	select_row(&v, "code");
	view_key(&v, 'l');
	ok(view_key(&v, 'v') == VIEW_REDRAW && v.depth == 1 &&
	    v.by == BY_SOURCE, "groups: v goes back to the top, by source");
	ok(v.nlist == 1 && v.list[0].size == v.sources.code_size &&
	    strncmp(row_name(&v, 0), "(no DWARF line information", 26) == 0,
	    "groups: without DWARF, by source is one row saying so");
	ok(view_key(&v, 'v') == VIEW_REDRAW && v.depth == 1 &&
	    v.by == BY_CRATE, "groups: v again: by crate");
	n = render(&v);
	ok(screen_has(&v, "by crate]"), "groups: the header says by crate");
	ok(v.nlist == v.groups.n && v.nlist == 6, "groups: %zu crates",
	    v.nlist);
	core = find_row(&v, "core");
	ok(core < v.nlist && find_row(&v, "(no crate)") < v.nlist &&
	    find_row(&v, "dlmalloc") < v.nlist, "groups: core, dlmalloc, "
	    "(no crate) are rows");
	ok(sorted_by_size(&v, 0), "groups: largest first");
	select_row(&v, "core");
	view_key(&v, 'l');
	for (size_t i = 0; i < v.nlist; i++) {
		const char *name = row_name(&v, i);
		sum += v.list[i].size;
		if (!ok(strncmp(name, "core::", 6) == 0 || name[0] == '<',
		    "groups: %s is core's", name))
			break;
	}
	ok(v.nlist == v.groups.v[v.path[1].node.id].count &&
	    sum == v.groups.v[v.path[1].node.id].size,
	    "groups: core's %zu functions add up to its %" PRIu64 " bytes",
	    v.nlist, sum);
	ok(view_key(&v, 'v') == VIEW_REDRAW && v.by == BY_NAMESPACE &&
	    v.depth == 1, "groups: v again: by namespace");
	render(&v);
	ok(screen_has(&v, "by namespace]"), "groups: header by namespace");
	ok(view_key(&v, 'v') == VIEW_REDRAW && v.by == BY_SECTION &&
	    find_row(&v, "code") < v.nlist, "groups: v again: sections");
	(void)n;
	view_free(&v);
}

static void
test_man_keys(void)
{
	const char *dir = getenv("srcdir");
	char	 path[1024], line[512], key[256], does[256];
	FILE	*fp;
	size_t	 i = 0, nkeys = 0;
	int	 in_keys = 0, in_list = 0, good = 1, flags = 0;

	while (view_keys[nkeys].keys != NULL)
		nkeys++;
	snprintf(path, sizeof path, "%s/man/wasmsize.1", dir ? dir : ".");
	if (!ok((fp = fopen(path, "r")) != NULL, "man page: %s", path))
		return;
	key[0] = '\0';
	while (fgets(line, sizeof line, fp) != NULL) {
		if (strncmp(line, ".Sh ", 4) == 0) {
			in_keys = strcmp(line, ".Sh KEYS\n") == 0;
			continue;
		}
		if (!in_keys)
			continue;
		if (strstr(line, "D debug") || strstr(line, "debug info"))
			flags |= 1;
		/* the first list of the section is the key table */
		if (strncmp(line, ".Bl ", 4) == 0 && in_list == 0) {
			in_list = 1;
			continue;
		}
		if (in_list != 1)
			continue;
		if (strncmp(line, ".El", 3) == 0) {
			in_list = 2;
			continue;
		}
		if (strncmp(line, ".It ", 4) == 0) {
			unman(line + 4, key, sizeof key);
			continue;
		}
		if (line[0] == '.' || key[0] == '\0')
			continue;
		unman(line, does, sizeof does);
		if (i >= nkeys) {
			printf("# KEYS lists more: %s: %s\n", key, does);
			good = 0;
		} else if (strcmp(key, view_keys[i].keys) != 0 ||
		    strcmp(does, view_keys[i].does) != 0) {
			printf("# KEYS entry %zu: \"%s\" \"%s\"; view_keys[]: "
			    "\"%s\" \"%s\"\n", i, key, does, view_keys[i].keys,
			    view_keys[i].does);
			good = 0;
		}
		i++;
		key[0] = '\0';
	}
	fclose(fp);
	ok(in_list == 2, "the man page has a KEYS section with a key list");
	ok(good && i == nkeys, "KEYS lists exactly view_keys[], in order "
	    "(%zu of %zu)", i, nkeys);
	ok(flags, "KEYS explains the flags");
}

int
main(void)
{
	struct sample s;

	if (ok(load(&s, "names.wasm") == 0, "names.wasm loads")) {
		test_navigation(&s);
		test_search(&s);
		test_help(&s);
		test_resize(&s);
		unload(&s);
	}
	if (ok(load(&s, "graph.wasm") == 0, "graph.wasm loads")) {
		test_items(&s);
		test_sort(&s);
		test_side_views(&s);
		unload(&s);
	}
	if (ok(load(&s, "rust-release.wasm") == 0, "rust-release.wasm loads")) {
		test_advice(&s);
		test_groups(&s);
		unload(&s);
	}
	if (ok(load(&s, "hostile.wasm") == 0, "hostile.wasm loads")) {
		test_hostile(&s);
		unload(&s);
	}
	if (ok(load(&s, "rust-debug.wasm") == 0, "rust-debug.wasm loads")) {
		test_sources(&s);
		unload(&s);
	}
	test_fit("dups.wasm");
	test_fit("hello-c.wasm");
	test_fit("rust-release.wasm");
	test_man_keys();
	return tap_done();
}

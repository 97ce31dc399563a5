/* SPDX-License-Identifier: MIT */
/*
 * tree.c - `wasmsize dominators` and `wasmsize paths`: rows of a tree as
 * indented text, as CSV with a depth column, or as nested JSON.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "json.h"
#include "report.h"
#include "row.h"

enum { TREE_COLS = 7, MAX_INDENT = 64 };

static const char *const child_keys[] = {
	[WS_TREE_DOMINATORS] = "dominates",
	[WS_TREE_PATHS_UP] = "referrers",
	[WS_TREE_PATHS_DOWN] = "references",
};

static const char *const arrows[] = {
	[WS_TREE_DOMINATORS] = "",
	[WS_TREE_PATHS_UP] = "<- ",
	[WS_TREE_PATHS_DOWN] = "-> ",
};

/* The first columns of a row: sizes in the order the style reads them. */
static size_t
size_cells(const struct ws_analysis *a, enum ws_tree_style style,
    uint32_t node, struct ws_cell *c)
{
	uint64_t	 total = a->m->span.len;
	uint64_t	 size = node == a->graph.root ? 0 :
			     a->attrib.items[node].size;
	uint64_t	 kept = a->dom.retained[node];

	if (style == WS_TREE_DOMINATORS) {
		ws_cell_u64(&c[0], kept, 10);
		ws_cell_pct(&c[1], kept, total, 7);
		ws_cell_u64(&c[2], size, 10);
	} else {
		ws_cell_u64(&c[0], size, 10);
		ws_cell_pct(&c[1], size, total, 7);
		ws_cell_u64(&c[2], kept, 10);
	}
	return 3;
}

static void
print_header(FILE *fp, enum ws_format f, enum ws_tree_style style)
{
	struct ws_cell	 c[TREE_COLS];
	int		 dom = style == WS_TREE_DOMINATORS;
	size_t		 k = 0;

	ws_cell_str(&c[k++], dom ? "retained" : "size", 10);
	ws_cell_str(&c[k++], "percent", 7);
	ws_cell_str(&c[k++], dom ? "size" : "retained", 10);
	ws_cell_str(&c[k++], "kind", -17);
	if (f == WS_FORMAT_CSV) {
		ws_cell_str(&c[k++], "index", 0);
		ws_cell_str(&c[k++], "depth", 0);
	}
	ws_cell_str(&c[k++], "name", 0);
	ws_row_print(fp, f, c, k);
}

/* Text shows depth as indentation and an arrow before the name. */
static char *
indented_name(enum ws_tree_style style, uint32_t depth, struct ws_str name,
    size_t *len)
{
	size_t	 indent = 2 * (depth < MAX_INDENT ? depth : MAX_INDENT);
	size_t	 arrow = depth > 0 ? strlen(arrows[style]) : 0;
	char	*buf = malloc(indent + arrow + name.len + 1);

	if (buf == NULL)
		return NULL;
	memset(buf, ' ', indent);
	memcpy(buf + indent, arrows[style], arrow);
	memcpy(buf + indent + arrow, name.s, name.len);
	*len = indent + arrow + name.len;
	return buf;
}

static int
print_row(FILE *fp, const struct ws_analysis *a, enum ws_format f,
    enum ws_tree_style style, const struct ws_tree_row *row)
{
	struct ws_cell	 c[TREE_COLS];
	int		 root = row->node == a->graph.root;
	const struct ws_item *it = root ? NULL : &a->attrib.items[row->node];
	struct ws_str	 name = root ? (struct ws_str){ "(root)", 6 } : it->name;
	size_t		 k = size_cells(a, style, row->node, c), len;
	char		*text = NULL;

	ws_cell_str(&c[k++], root ? "root" : ws_item_kind_name(it->kind), -17);
	if (f == WS_FORMAT_CSV) {
		if (it != NULL && it->index != UINT32_MAX)
			ws_cell_u64(&c[k++], it->index, 0);
		else
			ws_cell_str(&c[k++], "", 0);
		ws_cell_u64(&c[k++], row->depth, 0);
		ws_cell_bytes(&c[k++], name.s, name.len, 0);
	} else {
		if ((text = indented_name(style, row->depth, name, &len)) == NULL)
			return -1;
		ws_cell_bytes(&c[k++], text, len, 0);
	}
	ws_row_print(fp, f, c, k);
	free(text);
	return 0;
}

static json_t *
node_json(const struct ws_analysis *a, uint32_t node)
{
	if (node != a->graph.root)
		return ws_json_item(a, node);
	return json_pack("{s:s, s:s, s:I, s:I}", "kind", "root", "name",
	    "(root)", "size", (json_int_t)0,
	    "retained", (json_int_t)a->dom.retained[node]);
}

/* Nested objects: each row goes into the children of the row above it. */
static json_t *
tree_json(const struct ws_analysis *a, enum ws_tree_style style,
    const struct ws_tree_rows *rows)
{
	json_t	*trees = json_array(), **stack, *o;
	size_t	 depth = 0;

	if ((stack = malloc((rows->n + 1) * sizeof *stack)) == NULL) {
		json_decref(trees);
		return NULL;
	}
	for (size_t i = 0; trees != NULL && i < rows->n; i++) {
		size_t d = rows->v[i].depth;

		/* rows come depth first: at most one level deeper each */
		if ((o = node_json(a, rows->v[i].node)) == NULL ||
		    (d > 0 && d > depth + 1) || (i == 0 && d != 0)) {
			json_decref(o);
			json_decref(trees);
			trees = NULL;
			break;
		}
		if (d == 0)
			json_array_append(trees, o);
		else
			json_array_append(json_object_get(stack[d - 1],
			    child_keys[style]), o);
		json_object_set_new(o, child_keys[style], json_array());
		stack[d] = o;
		depth = d;
		json_decref(o);
	}
	free(stack);
	return trees;
}

int
ws_report_tree(FILE *fp, const struct ws_analysis *a, enum ws_format f,
    enum ws_tree_style style, const struct ws_tree_rows *rows)
{
	json_t	*out;

	if (f == WS_FORMAT_JSON) {
		if ((out = ws_json_head(a)) == NULL ||
		    json_object_set_new(out, style == WS_TREE_DOMINATORS ?
		    "dominators" : "paths", tree_json(a, style, rows)) != 0 ||
		    json_object_set_new(out, "truncated",
		    json_boolean(rows->truncated)) != 0) {
			json_decref(out);
			return -1;
		}
		return ws_json_emit(fp, out);
	}
	print_header(fp, f, style);
	for (size_t i = 0; i < rows->n; i++)
		if (print_row(fp, a, f, style, &rows->v[i]) != 0)
			return -1;
	if (f == WS_FORMAT_TEXT && rows->truncated)
		fputs("... more rows left out (raise -r or -d)\n", fp);
	return ferror(fp) ? -1 : 0;
}

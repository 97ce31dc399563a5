/* SPDX-License-Identifier: MIT */
/*
 * view.h - the TUI's view-model: what the screen shows and what each key
 * does, with no curses in it.  The browsable tree is the module, its
 * sections, their items, and below an item what it retains (its dominator
 * subtree); side views show why an item is kept, what it pulls in, the
 * advice, an item's details and the keys.  screen.c draws the lines this
 * renders and feeds it keys.
 */
#ifndef WS_VIEW_H
#define WS_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/advice.h"
#include "analysis/analysis.h"
#include "analysis/canalysis.h"
#include "analysis/findings.h"
#include "analysis/groups.h"
#include "analysis/sources.h"
#include "analysis/trees.h"

/* Keys beyond bytes, as screen.c translates them. */
enum {
	VK_UP = 0x100, VK_DOWN, VK_LEFT, VK_RIGHT, VK_ENTER, VK_BACKSPACE,
	VK_PGUP, VK_PGDN, VK_HOME, VK_END, VK_ESC
};

enum view_act { VIEW_NONE = 0, VIEW_REDRAW = 1, VIEW_QUIT = 2 };

enum view_mode {
	MODE_TREE, MODE_WHY, MODE_PULLS, MODE_ADVICE, MODE_DETAILS, MODE_HELP
};

enum view_sort { SORT_SIZE, SORT_NAME };

/*
 * What a module's top level lists: its sections, its code by source file
 * (from DWARF), or its functions by crate or namespace.
 */
enum view_by { BY_SECTION, BY_SOURCE, BY_CRATE, BY_NAMESPACE, BY_MAX };
enum view_graph { SHOW_BOTH, SHOW_PERCENT, SHOW_BAR };

/*
 * A node of the browsable tree.  A component is the top of its tree, its
 * core modules (VN_CMODULE) beneath it; opening one shows that module
 * (VN_MODULE, whose id is then the module's number).  Viewed by crate or
 * namespace, a module lists groups (VN_GROUP, id: the group's index),
 * each opening onto its functions; by source, the files and directories
 * of the sources report (VN_SRCGROUP; id ngroups: the bytes without line
 * information), a directory opening onto its files (VN_SRCFILE).
 */
enum { VN_MODULE, VN_SECTION, VN_ITEM, VN_COMPONENT, VN_CMODULE,
	VN_GROUP, VN_SRCGROUP, VN_SRCFILE };
struct view_node {
	uint8_t		 type;
	uint32_t	 id;		/* section or item index */
};

struct view_row {
	struct view_node node;
	uint64_t	 size;		/* in the current size mode */
};

/* One level of the path from the module down: where the cursor was. */
struct view_level {
	struct view_node node;
	size_t		 sel, top;
};

/* Line kinds, for colours and reverse video. */
enum view_attr { ATTR_NORMAL, ATTR_HEADER, ATTR_SELECTED, ATTR_STATUS,
	ATTR_TITLE };

struct view_line {
	char		 text[1024];	/* UTF-8, at most cols columns */
	enum view_attr	 attr;
};

struct view {
	const struct ws_analysis *a;		/* the module shown */
	const struct ws_findings *f;
	const struct ws_advice	*adv;
	const struct ws_canalysis *ca;		/* a component, or NULL */
	const struct ws_findings *mfind;	/* per module of ca */
	const struct ws_advice	*madv;
	char			(*labels)[32];	/* "module N", per module */
	int64_t			 gzip;		/* -1: not known (yet) */
	int			 ascii;		/* no UTF-8: ASCII bars, escapes */
	int			 rows, cols;	/* the terminal */

	struct view_level	*path;		/* path[0] is the module */
	size_t			 depth, path_cap;
	struct view_row		*list;		/* children of the current node */
	size_t			 nlist;
	enum view_sort		 sort;
	int			 reverse;	/* sort the other way */
	int			 retained;	/* sizes: retained, not shallow */
	enum view_graph		 graph;
	enum view_by		 by;
	struct ws_groups	 groups;	/* of v->a, by v->by */
	struct ws_sources	 sources;	/* of v->a, when BY_SOURCE */

	char			 filter[128];	/* incremental search */
	size_t			 filter_len;
	int			 searching;	/* typing into the filter */

	enum view_mode		 mode;
	struct ws_tree_rows	 paths;		/* MODE_WHY, MODE_PULLS */
	size_t			 side_sel, side_top; /* scroll of side views */

	uint8_t			*flags;		/* per item: FLAG_* */
	uint32_t		*sec_first;	/* items of section i: */
	uint32_t		*sec_end;	/* [sec_first[i], sec_end[i]) */
};

enum { FLAG_DEBUG = 1, FLAG_PANIC = 2, FLAG_GARBAGE = 4, FLAG_DUP = 8 };

/* The key table: help screen and man page both come from it. */
struct view_keydef {
	const char	*keys;
	const char	*does;
};
extern const struct view_keydef view_keys[];

/* The smallest terminal the view draws into. */
enum { VIEW_MIN_COLS = 40, VIEW_MIN_ROWS = 8 };

/*
 * Sets the view up on an analysis (which must outlive it) at the module's
 * top level.  Returns 0, or -1 on OOM.
 */
int	view_init(struct view *, const struct ws_analysis *,
	    const struct ws_findings *, const struct ws_advice *, int ascii);
/*
 * Sets the view up on a component: its core modules at the top, each
 * opening onto its own tree, with findings[i] and advice[i] for module i.
 * Returns 0, or -1 on OOM.
 */
int	view_init_component(struct view *, const struct ws_canalysis *,
	    const struct ws_findings *, const struct ws_advice *, int ascii);

void	view_free(struct view *);

/* The terminal's size changed (or was first known). */
void	view_resize(struct view *, int rows, int cols);

/*
 * Lists the module's top level by sections, source files, crates or
 * namespaces (the key v goes to the next), back at that level.  On a
 * component, only once a module is open.  Returns VIEW_* flags.
 */
int	view_list_by(struct view *, enum view_by);

/* Acts on one key (a byte or a VK_*); returns VIEW_* flags. */
int	view_key(struct view *, int key);

/*
 * Renders the screen into lines[0 .. rows): header, body, status line.
 * Returns the number of lines (rows, or 1 when the terminal is too small).
 */
size_t	view_render(const struct view *, struct view_line *lines);

#endif

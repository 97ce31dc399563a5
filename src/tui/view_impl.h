/* SPDX-License-Identifier: MIT */
/*
 * view_impl.h - what view.c (state, keys) and render.c (lines) share;
 * private to src/tui/.
 */
#ifndef WS_VIEW_IMPL_H
#define WS_VIEW_IMPL_H

#include "view.h"

/* Lines above the body: title, toolchain, verdicts, where you are. */
enum { HEADER_LINES = 4 };

/* A node's name: the module's path, a section's name, an item's name. */
struct ws_str	view_node_name(const struct view *, struct view_node);

/* A node's size in the current mode (shallow or retained for items). */
uint64_t	view_node_size(const struct view *, struct view_node);

/* What the percentages of a node's children are relative to. */
uint64_t	view_parent_total(const struct view *, struct view_node);

/* Whether opening the node shows anything. */
int		view_has_children(const struct view *, struct view_node);

/* Rows between the header and the status line. */
size_t		view_body_rows(const struct view *);

/* Lines in the current side view. */
size_t		view_side_length(const struct view *);

#endif

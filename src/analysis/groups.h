/* SPDX-License-Identifier: MIT */
/*
 * groups.h - function bytes rolled up by where the code came from, read
 * from demangled names: the Rust crate (the first path segment, with
 * `<T as Trait>` impls given to T's crate) or the C++ namespace (the
 * first namespace of the qualified name, return types skipped).  A Rust
 * function without a path (#[no_mangle]) gets the crate its DWARF line
 * information names, when the module has some.
 */
#ifndef WS_GROUPS_H
#define WS_GROUPS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "dwarf_crates.h"

enum ws_group_by { WS_GROUP_NONE = 0, WS_GROUP_CRATE, WS_GROUP_NAMESPACE };

/* Groups of functions that have a name but no path, and of nameless ones. */
#define WS_GROUP_NO_PATH_CRATE	"(no crate)"
#define WS_GROUP_NO_PATH_NS	"(global)"
#define WS_GROUP_UNNAMED	"(unnamed)"

struct ws_group {
	struct ws_str	 name;		/* into an item's name, or static */
	uint64_t	 size;		/* its function bodies, shallow */
	uint32_t	 count;		/* functions */
	uint32_t	 largest;	/* item of its largest function */
	uint32_t	 id;		/* its place before the sort, which
					   of_item holds while building */
};

struct ws_groups {
	enum ws_group_by by;
	struct ws_group	*v;		/* largest first; ties by name */
	size_t		 n;
	uint64_t	 code;		/* all function bodies */
	uint32_t	 functions;
	uint32_t	*of_item;	/* group of each item; UINT32_MAX: not
					   a function */
	uint32_t	 by_dwarf;	/* functions whose crate came from
					   DWARF, not their name */
	struct ws_dwarf_crates dwarf;
};

/*
 * Groups every function item of a by its name.  Returns 0, or -1 with
 * diag set (out of memory).  Free with ws_groups_free() either way.
 */
int	ws_groups_build(struct ws_groups *, const struct ws_analysis *a,
	    enum ws_group_by by, struct ws_diag *diag);

void	ws_groups_free(struct ws_groups *);

/*
 * The group key of one demangled name: a span of name, or an empty
 * string when it has no path (the caller names that group).
 */
struct ws_str ws_group_key(struct ws_str name, enum ws_group_by by);

/* "crate", "namespace" */
const char *ws_group_by_name(enum ws_group_by by);

#endif

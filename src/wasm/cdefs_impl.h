/* SPDX-License-Identifier: MIT */
/*
 * cdefs_impl.h - what the decoders of a component's definition sections
 * share: one section's decode state, the small readers that every entry
 * uses, and the types of parse_ctypes.c that parse_cdefs.c's entries
 * read; private to src/wasm/parse_cdefs.c and parse_ctypes.c.
 */
#ifndef WS_CDEFS_IMPL_H
#define WS_CDEFS_IMPL_H

#include <stdint.h>

#include "component.h"
#include "diag.h"
#include "module.h"
#include "reader.h"

/* One section's decode: a reader over its payload that reports into first. */
struct cdefs {
	struct ws_component	*c;
	struct ws_reader	 r;
	struct ws_diag		 first;		/* the problem, until placed */
	uint32_t		 section;	/* index in c->sections */
	uint32_t		 depth;		/* type declarators open */
	uint8_t			 unknown;	/* first is a newer encoding */
};

/* --- the readers of every entry, inline in both files ------------------- */

/*
 * A discriminant we do not know: a newer encoding, not a broken file.  The
 * section's decode stops here; ws_cdefs_parse() notes it in undecoded.
 */
static inline int
unknown(struct cdefs *d, const uint8_t *at, const char *what, uint8_t b)
{
	d->unknown = 1;
	return ws_fail(&d->r, at, WS_ERR_MALFORMED, "unknown %s 0x%02x", what,
	    b);
}

/* The core readers call a byte they do not know "invalid": same thing. */
static inline int
core_rc(struct cdefs *d, int rc)
{
	if (rc != 0 && d->first.code == WS_ERR_MALFORMED)
		d->unknown = 1;
	return rc;
}

static inline int
read_idx(struct cdefs *d, const char *what)
{
	uint32_t	 v;

	return ws_read_u32(&d->r, &v, what);
}

static inline int
read_str(struct cdefs *d, const char *what)
{
	struct ws_span	 s;

	return ws_read_name(&d->r, &s, what);
}

/* <T>?, async?, cancel?: 0x00 (absent) or 0x01 (present). */
static inline int
read_flag(struct cdefs *d, int *set, const char *what)
{
	uint8_t		 b;

	if (ws_read_u8(&d->r, &b, what) != 0)
		return -1;
	if (b > 1)
		return unknown(d, d->r.pos - 1, what, b);
	*set = b;
	return 0;
}

/* --- parse_ctypes.c: types, sorts, extern names and types --------------- */

/*
 * Each reads one item at d->r and returns 0, or -1 with the problem in
 * d->first (d->unknown set when it is a newer encoding).
 */

/*
 * core:type: a rec group, a subtype, or a module type (nested at most
 * WS_CTYPE_MAX_DEPTH deep with the component and instance types).
 */
int	ws_ctypes_core_type(struct cdefs *d);

/* type ::= deftype: resource, func, component, instance or value type. */
int	ws_ctypes_deftype(struct cdefs *d);

/* alias: sort, then export 0x00, core export 0x01 or outer 0x02. */
int	ws_ctypes_alias(struct cdefs *d);

/* valtype: a primitive type, or a type index as a non-negative s33. */
int	ws_ctypes_valtype(struct cdefs *d, const char *what);

/* resultlist: 0x00 t, or 0x01 and (before 2024) named results, now none. */
int	ws_ctypes_resultlist(struct cdefs *d);

/* Whether b is a core:sort (func ... tag 0x00-0x04, type ... 0x10-0x12). */
int	ws_ctypes_is_core_sort(uint8_t b);

/* sortidx: a sort (0x00 and a core sort, or 0x01-0x05) and an index. */
int	ws_ctypes_sortidx(struct cdefs *d, uint8_t *s, uint8_t *core);

/* An import's or export's name, without its attributes, into *name. */
int	ws_ctypes_externname(struct cdefs *d, struct ws_span *name);

/* externtype; *s and *core are the sort it describes. */
int	ws_ctypes_externtype(struct cdefs *d, uint8_t *s, uint8_t *core);

#endif

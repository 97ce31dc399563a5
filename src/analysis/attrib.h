/* SPDX-License-Identifier: MIT */
/*
 * attrib.h - byte attribution: every byte of a module belongs to exactly one
 * item (the preamble, a section's header, a function, a data segment, a
 * custom section, a name subsection, ...), and every item has a name a
 * person can read.
 */
#ifndef WS_ATTRIB_H
#define WS_ATTRIB_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"
#include "wasm/diag.h"
#include "wasm/module.h"

struct ws_item {
	size_t		 off, size;
	uint32_t	 entry;		/* its entry in the module */
	uint32_t	 index;		/* in its index space; UINT32_MAX: none */
	uint8_t		 kind;		/* enum ws_entry_kind */
	uint16_t	 section;	/* in ws_module.sections; UINT16_MAX */
	struct ws_str	 name;		/* readable: demangled or generated */
	struct ws_str	 raw_name;	/* as in the file, when demangling
					   changed it; s == NULL otherwise */
	struct ws_str	 sym;		/* demangled when mangled, whatever is
					   shown: what analyses match on */
	uint8_t		 mangled;	/* its name in the file was mangled */
	uint8_t		 named;		/* its name came from a name section,
					   not made up ("func[3]") */
};

struct ws_attrib {
	struct ws_item	*items;		/* in file order */
	size_t		 n;
	size_t		 total;		/* sum of item sizes */
	struct ws_strbuf names;
};

/*
 * Builds the items of m, one per entry, in file order.  With demangle set,
 * Rust and C++ names are demangled.  Then checks that the items tile the
 * module exactly (no gap, no overlap, nothing past the end).  Returns 0, or
 * -1 with an "internal error" in diag.  Free with ws_attrib_free() either way.
 */
int	ws_attrib_build(struct ws_attrib *, const struct ws_module *m,
	    int demangle, struct ws_diag *);

void	ws_attrib_free(struct ws_attrib *);

/* The JSON/CSV name of an entry kind: "function", "data", ... */
const char *ws_item_kind_name(uint8_t kind);

#endif

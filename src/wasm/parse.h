/* SPDX-License-Identifier: MIT */
/*
 * parse.h - what the section parsers share; private to src/wasm/.
 * Each parser reads one section's payload with r (whose context names the
 * section) and appends entries that tile it.
 */
#ifndef WS_PARSE_H
#define WS_PARSE_H

#include <stdint.h>

#include "module.h"
#include "reader.h"

struct ws_code_visitor;

/* Per-section parse state handed to every section parser. */
struct ws_parse {
	struct ws_module	*m;
	struct ws_reader	*r;		/* over the payload */
	uint16_t		 section;	/* index in m->sections */
};

/*
 * Appends an entry from file offset `start` to the reader's position.
 * Returns its index, or -1 (with an OOM error recorded).
 */
int64_t	ws_parse_entry(struct ws_parse *, size_t start, uint8_t kind,
	    uint32_t index, uint8_t sub);

/* Keeps d as a warning of m (the first WS_MAX_WARNINGS are kept). */
void	ws_parse_warn(struct ws_module *, const struct ws_diag *d);

/* Records the count a section declares; returns 0. */
int	ws_parse_count(struct ws_parse *, uint32_t n);

/* A new table, memory, global, ... in space; NULL on OOM (recorded). */
struct ws_object *ws_parse_object(struct ws_parse *, struct ws_objects *space);

/* Recent references, so that repeats within one entry are recorded once. */
#define WS_REF_CACHE 64

/*
 * A visitor that records the references of entry `from` as ws_refs, each
 * (kind, index) normally once per entry: a repeat may slip through when
 * it was evicted from the small cache, never the reverse.
 */
struct ws_ref_recorder {
	struct ws_refs		*out;
	uint32_t		 from;
	int			 oom;
	struct ws_ref		 seen[WS_REF_CACHE];
};
void	ws_ref_recorder_init(struct ws_ref_recorder *, struct ws_code_visitor *,
	    struct ws_refs *out);

/* Appends a reference; returns 0 or -1 on OOM (recorded in r's diag). */
int	ws_parse_ref(struct ws_parse *, uint32_t from, uint8_t kind,
	    uint32_t index);

/* Reads limits (memory64, shared and custom page sizes included). */
int	ws_parse_limits(struct ws_reader *, struct ws_limits *,
	    const char *what);

/* Reads a constant expression, recording refs from entry `from`. */
int	ws_parse_const_expr(struct ws_parse *, uint32_t from, const char *what);

int	ws_parse_types(struct ws_parse *);
int	ws_parse_imports(struct ws_parse *);
int	ws_parse_functions(struct ws_parse *);
int	ws_parse_tables(struct ws_parse *);
int	ws_parse_memories(struct ws_parse *);
int	ws_parse_globals(struct ws_parse *);
int	ws_parse_exports(struct ws_parse *);
int	ws_parse_start(struct ws_parse *);
int	ws_parse_elements(struct ws_parse *);
int	ws_parse_datacount(struct ws_parse *);
int	ws_parse_tags(struct ws_parse *);
int	ws_parse_code(struct ws_parse *);
int	ws_parse_data(struct ws_parse *);

/*
 * Custom sections: r is positioned after the name.  Returns 0, or -1 when
 * the contents are malformed; then the caller makes the section one opaque
 * entry and keeps the error as a warning.
 */
int	ws_parse_custom(struct ws_parse *);

/* After the walk: gives functions, globals, ... their names. */
void	ws_parse_assign_names(struct ws_module *);

#endif

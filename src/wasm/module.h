/* SPDX-License-Identifier: MIT */
/*
 * module.h - the model of one core module: its sections, the entries that
 * tile each section, and the index spaces (functions, globals, data, ...)
 * with their names, all as spans into the file.  Nothing is copied.
 *
 * Lifetime: a ws_module borrows the bytes of its ws_file and must not
 * outlive it.  ws_module_free() releases everything the parse allocated.
 */
#ifndef WS_MODULE_H
#define WS_MODULE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "reader.h"

enum ws_sec_id {
	WS_SEC_CUSTOM = 0, WS_SEC_TYPE, WS_SEC_IMPORT, WS_SEC_FUNCTION,
	WS_SEC_TABLE, WS_SEC_MEMORY, WS_SEC_GLOBAL, WS_SEC_EXPORT,
	WS_SEC_START, WS_SEC_ELEMENT, WS_SEC_CODE, WS_SEC_DATA,
	WS_SEC_DATACOUNT, WS_SEC_TAG, WS_SEC_MAX
};

/* What a custom section is, by its name. */
enum ws_custom_kind {
	WS_CUSTOM_OTHER = 0, WS_CUSTOM_NAME, WS_CUSTOM_PRODUCERS,
	WS_CUSTOM_TARGET_FEATURES, WS_CUSTOM_SOURCE_MAP,
	WS_CUSTOM_EXTERNAL_DEBUG, WS_CUSTOM_DYLINK0, WS_CUSTOM_DYLINK,
	WS_CUSTOM_LINKING, WS_CUSTOM_RELOC, WS_CUSTOM_DEBUG
};

/* What an entry (and so an attributed item) is. */
enum ws_entry_kind {
	WS_ENT_HEADER = 0,	/* the 8-byte preamble */
	WS_ENT_OVERHEAD,	/* a section's id, size field, name, count */
	WS_ENT_TYPE, WS_ENT_IMPORT, WS_ENT_FUNC_DECLS, WS_ENT_TABLE,
	WS_ENT_MEMORY, WS_ENT_GLOBAL, WS_ENT_EXPORT, WS_ENT_START,
	WS_ENT_ELEMENT, WS_ENT_FUNCTION, WS_ENT_DATA, WS_ENT_DATACOUNT,
	WS_ENT_TAG, WS_ENT_CUSTOM, WS_ENT_NAME_SUB, WS_ENT_UNKNOWN,
	WS_ENT_MAX
};

/* External kinds of imports and exports. */
enum ws_extern {
	WS_EXT_FUNC = 0, WS_EXT_TABLE, WS_EXT_MEMORY, WS_EXT_GLOBAL,
	WS_EXT_TAG
};

/*
 * One piece of a section.  The entries of a module, in file order, tile it
 * exactly: this is what byte attribution is built from.
 */
struct ws_entry {
	struct ws_span	 span;
	uint32_t	 index;		/* in its index space; UINT32_MAX: none */
	uint16_t	 section;	/* index into ws_module.sections */
	uint8_t		 kind;		/* enum ws_entry_kind */
	uint8_t		 sub;		/* import/export: enum ws_extern;
					   name-subsection: its id */
};

struct ws_section {
	uint8_t		 id;		/* enum ws_sec_id, or unknown */
	uint8_t		 custom;	/* enum ws_custom_kind */
	uint8_t		 has_count;
	uint32_t	 count;		/* entries the section declares */
	struct ws_span	 whole;		/* id byte through the end */
	struct ws_span	 payload;	/* after the size field */
	struct ws_span	 name;		/* custom sections: their name */
};

struct ws_limits {
	uint64_t	 min, max;
	uint8_t		 has_max, shared, is64;
};

struct ws_func {
	uint32_t	 type;
	uint32_t	 entry;		/* its entry: the import or the body */
	struct ws_span	 body;		/* after the size LEB; len 0 if imported */
	struct ws_span	 name;		/* from the name section; len 0: none */
	uint32_t	 export;	/* first export naming it; UINT32_MAX */
	uint32_t	 instructions;	/* in its body */
	uint32_t	 local_ops;	/* local.get/set/tee among them */
	uint8_t		 imported;
};

/* A global, table, memory, tag, data or element segment: what the
 * analyses need beyond the entry. */
struct ws_object {
	uint32_t	 entry;		/* its entry, or its import's */
	struct ws_span	 name;		/* from the name section */
	uint32_t	 export;	/* first export naming it; UINT32_MAX */
	uint32_t	 target;	/* data: memory; element: table; tag and
					   func: type; UINT32_MAX: none */
	uint8_t		 imported;
	uint8_t		 mode;		/* data/element: enum ws_seg_mode */
	struct ws_limits limits;	/* tables and memories */
	struct ws_span	 init;		/* data: the bytes; others: empty */
};

enum ws_seg_mode { WS_SEG_ACTIVE = 0, WS_SEG_PASSIVE, WS_SEG_DECLARATIVE };

struct ws_objects {
	struct ws_object *v;
	size_t		  n, cap;
};

struct ws_import {
	struct ws_span	 module, field;
	uint8_t		 kind;		/* enum ws_extern */
	uint32_t	 index;		/* in that kind's index space */
};

struct ws_export {
	struct ws_span	 name;
	uint8_t		 kind;		/* enum ws_extern */
	uint32_t	 index;
};

/*
 * A reference from an entry to an index: a call, a global.get, a ref.func in
 * a constant expression, a function listed in an element segment...  The
 * call graph is built from these.
 */
struct ws_ref {
	uint32_t	 from;		/* entry index */
	uint32_t	 index;		/* target in the space of `kind` */
	uint8_t		 kind;		/* enum ws_ref_kind (opcodes.h) */
};

struct ws_refs {
	struct ws_ref	*v;
	size_t		 n, cap;
};

struct ws_producer {
	struct ws_span	 field, name, version;
};

struct ws_feature {
	uint8_t		 prefix;	/* '+', '-' or '=' */
	struct ws_span	 name;
};

#define WS_MAX_WARNINGS 8

/* A growable array: n used, cap allocated. */
#define WS_VEC(T) struct { T *v; size_t n, cap; }

struct ws_module {
	const uint8_t	*base;		/* start of the file */
	struct ws_span	 span;		/* this module's bytes in the file */
	uint32_t	 version;

	WS_VEC(struct ws_section)	sections;
	WS_VEC(struct ws_entry)		entries;
	struct ws_refs			refs;
	WS_VEC(struct ws_import)	imports;
	WS_VEC(struct ws_export)	exports;
	WS_VEC(struct ws_func)		funcs;		/* imported first */
	struct ws_objects		tables, memories, globals, tags,
					elems, datas;
	WS_VEC(struct ws_producer)	producers;
	WS_VEC(struct ws_feature)	features;

	uint32_t	 ntypes;	/* type index space size */
	uint32_t	 nfunc_imports, ndefined;
	uint32_t	 start;		/* UINT32_MAX: no start function */
	uint32_t	 datacount;	/* UINT32_MAX: no data count section */
	struct ws_span	 module_name;	/* name section, subsection 0 */
	struct ws_span	 source_map_url;

	struct ws_diag	 warnings[WS_MAX_WARNINGS];
	size_t		 nwarnings;	/* may exceed WS_MAX_WARNINGS */
};

/*
 * Parses the module at span of the file starting at base (span.off counts
 * from base, so nested modules keep the outer file's offsets).  Returns 0,
 * or -1 with the first error in diag.  On either result the module must be
 * released with ws_module_free().  Problems inside custom sections are
 * warnings: the section becomes one opaque entry and parsing goes on.
 */
int	ws_module_parse(struct ws_module *, const uint8_t *base,
	    struct ws_span span, struct ws_diag *);

void	ws_module_free(struct ws_module *);

/* "type", "code", ... or "unknown" for ids beyond WS_SEC_MAX. */
const char *ws_section_name(uint8_t id);

/* Classifies a custom section by its name. */
enum ws_custom_kind ws_custom_classify(const uint8_t *name, size_t len);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * component.h - the model of a WebAssembly component (the component
 * model's binary format: version 0x0d, layer 1): its sections, and the core
 * modules and components nested in it, each parsed in full with the outer
 * file's offsets; the counts of its other sections, and its imports and
 * exports.
 *
 * Lifetime: like ws_module, a ws_component borrows the file's bytes.
 */
#ifndef WS_COMPONENT_H
#define WS_COMPONENT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "module.h"
#include "reader.h"

enum ws_csec_id {
	WS_CSEC_CUSTOM = 0, WS_CSEC_CORE_MODULE, WS_CSEC_CORE_INSTANCE,
	WS_CSEC_CORE_TYPE, WS_CSEC_COMPONENT, WS_CSEC_INSTANCE, WS_CSEC_ALIAS,
	WS_CSEC_TYPE, WS_CSEC_CANON, WS_CSEC_START, WS_CSEC_IMPORT,
	WS_CSEC_EXPORT, WS_CSEC_VALUE, WS_CSEC_MAX
};

/* How deep components may nest before the file is refused. */
#define WS_COMPONENT_MAX_DEPTH 32

/* How deep component, instance and module types may nest in one another. */
#define WS_CTYPE_MAX_DEPTH 32

struct ws_component;

struct ws_nested {
	uint8_t			 is_component;
	uint32_t		 section;	/* in the parent's sections */
	struct ws_span		 name;		/* from component-name, or empty */
	struct ws_module	*module;	/* when a core module */
	struct ws_component	*component;	/* when a component */
};

/*
 * One import or export of a component (its import and export sections, not
 * the declarations inside types).  sort is the sort byte: 0x00 core (then
 * core_sort: 0x11 module, ...), 0x01 func, 0x02 value, 0x03 type,
 * 0x04 component, 0x05 instance.
 */
struct ws_cextern {
	uint32_t		 section;	/* index in sections */
	struct ws_span		 whole;		/* the entry's bytes */
	struct ws_span		 name;		/* the name, no attributes */
	uint8_t			 sort;
	uint8_t			 core_sort;	/* when sort is 0x00; else 0 */
	uint8_t			 is_export;
};

struct ws_component {
	const uint8_t		*base;
	struct ws_span		 span;
	uint32_t		 depth;
	struct ws_section	*sections;	/* id is enum ws_csec_id */
	size_t			 nsections, sections_cap;
	struct ws_nested	*nested;	/* in file order */
	size_t			 nnested, nested_cap;
	struct ws_span		 name;		/* from component-name, or empty */
	struct ws_cextern	*externs;	/* in file order */
	size_t			 nexterns, externs_cap;
	/*
	 * The first encoding newer than we know (an unknown opcode or
	 * discriminant) here or in a nested component, in file order:
	 * code WS_OK if none.  The section it is in was decoded only up to
	 * it; the file is not refused for it.
	 */
	struct ws_diag		 undecoded;
};

/* Whether the 8 bytes at p start a component (magic, version 0x0d, layer 1). */
int	ws_is_component(const uint8_t *p, size_t n);

/*
 * Parses the component at span of the file at base: every section framed,
 * every nested core module and component parsed in full, the other
 * sections' contents decoded (see ws_cdefs_parse()).  Returns 0, or -1
 * with the first error in diag (absolute offsets).  Free with
 * ws_component_free() either way.
 */
int	ws_component_parse(struct ws_component *, const uint8_t *base,
	    struct ws_span span, uint32_t depth, struct ws_diag *);

void	ws_component_free(struct ws_component *);

/* "core module", "component", "canon", ... */
const char *ws_csection_name(uint8_t id);

/*
 * "func", "value", "type", "component", "instance", or for sort 0x00
 * "core func", "core table", ..., "core module", "core instance";
 * "unknown" for bytes the format does not define.
 */
const char *ws_csort_name(uint8_t sort, uint8_t core_sort);

/*
 * For ws_component_parse(): decodes section `section` of c, already framed
 * (a core instance, core type, instance, alias, type, canon, start,
 * import, export or value section; others are left alone).  Sets its count
 * (1 for start), appends its imports and exports to c->externs.  Running
 * past the section's end, a bad LEB128, types nested deeper than
 * WS_CTYPE_MAX_DEPTH or trailing bytes: -1, the error in diag.  An opcode
 * or discriminant we do not know ends the section's decode and goes to
 * c->undecoded (the first one only); that returns 0.
 */
int	ws_cdefs_parse(struct ws_component *, uint32_t section,
	    struct ws_diag *);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * component.h - the model of a WebAssembly component (the component
 * model's binary format: version 0x0d, layer 1): its sections, and the core
 * modules and components nested in it, each parsed in full with the outer
 * file's offsets.
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

struct ws_component;

struct ws_nested {
	uint8_t			 is_component;
	uint32_t		 section;	/* in the parent's sections */
	struct ws_span		 name;		/* from component-name, or empty */
	struct ws_module	*module;	/* when a core module */
	struct ws_component	*component;	/* when a component */
};

struct ws_component {
	const uint8_t		*base;
	struct ws_span		 span;
	uint32_t		 depth;
	struct ws_section	*sections;	/* id is enum ws_csec_id */
	size_t			 nsections;
	struct ws_nested	*nested;	/* in file order */
	size_t			 nnested;
	struct ws_span		 name;		/* from component-name, or empty */
};

/* Whether the 8 bytes at p start a component (magic, version 0x0d, layer 1). */
int	ws_is_component(const uint8_t *p, size_t n);

/*
 * Parses the component at span of the file at base: every section framed,
 * every nested core module and component parsed in full.  Returns 0, or -1
 * with the first error in diag (absolute offsets).  Free with
 * ws_component_free() either way.
 */
int	ws_component_parse(struct ws_component *, const uint8_t *base,
	    struct ws_span span, uint32_t depth, struct ws_diag *);

void	ws_component_free(struct ws_component *);

/* "core module", "component", "canon", ... */
const char *ws_csection_name(uint8_t id);

#endif

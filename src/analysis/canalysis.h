/* SPDX-License-Identifier: MIT */
/*
 * canalysis.h - the facts about a component: its own items (preamble,
 * section headers, the sections it does not nest), and a full module
 * analysis for every core module inside it, at any depth, numbered in
 * file order.  Every byte of the component belongs to exactly one item.
 */
#ifndef WS_CANALYSIS_H
#define WS_CANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "findings.h"
#include "wasm/component.h"

enum ws_citem_kind {
	WS_CITEM_HEADER, WS_CITEM_OVERHEAD, WS_CITEM_SECTION, WS_CITEM_CUSTOM
};

struct ws_citem {
	size_t		 off, size;
	uint8_t		 kind;		/* enum ws_citem_kind */
	uint32_t	 section;	/* in its component's sections */
	const struct ws_component *owner;
};

struct ws_cmodule {
	const struct ws_module	*m;
	struct ws_analysis	 a;
	const struct ws_component *parent;
	uint32_t		 depth;		/* of the component holding it */
	struct ws_str		 name;		/* component-name's, else its
						   name section's; may be empty */
	int			 adapter;	/* a WASI preview 1 adapter */
};

/* What the whole component is made of, over every module at any depth. */
struct ws_csummary {
	uint64_t		 module_bytes;	/* core modules, whole */
	uint64_t		 adapter_bytes;	/* the adapters among them */
	uint64_t		 custom_bytes;	/* custom sections: modules' and
						   components' own */
	struct ws_debuginfo	 debug;		/* the modules' debug info */
	size_t			 ncomponents;	/* the outermost included */
};

struct ws_canalysis {
	const char		*path;
	const struct ws_component *c;
	struct ws_citem		*items;		/* of every component, in order */
	size_t			 nitems;
	struct ws_cmodule	*modules;	/* every core module, in order */
	size_t			 nmodules;
	uint64_t		 own_bytes;	/* the components' own items */
	struct ws_csummary	 sum;
};

/*
 * Analyses every module of c and lays out the components' own items;
 * checks that items and modules tile the file.  Returns 0, or -1 with the
 * error in diag.  Free with ws_canalysis_free() either way.
 */
int	ws_canalyze(struct ws_canalysis *, const char *path,
	    const struct ws_component *c, const struct ws_analysis_opts *,
	    struct ws_diag *);

void	ws_canalysis_free(struct ws_canalysis *);

#endif

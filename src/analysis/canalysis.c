/* SPDX-License-Identifier: MIT */
/*
 * canalysis.c - a component's own items and the analyses of its modules,
 * walked in file order, and the check that together they tile the file.
 */
#include <stdlib.h>
#include <string.h>

#include "canalysis.h"
#include "wasm/vec.h"

struct builder {
	struct ws_canalysis	*ca;
	const struct ws_analysis_opts *opts;
	struct ws_diag		*diag;
	size_t			 cap, mcap;	/* of ca->items, ca->modules */
};

static int
item(struct builder *b, const struct ws_component *owner, uint8_t kind,
    uint32_t sec, size_t off, size_t size)
{
	if (ws_vec_grow((void **)&b->ca->items, &b->cap, b->ca->nitems,
	    sizeof *b->ca->items) != 0)
		return ws_diag_set(b->diag, 0, WS_ERR_NOMEM, "out of memory");
	b->ca->items[b->ca->nitems++] = (struct ws_citem){ off, size, kind, sec,
	    owner };
	b->ca->own_bytes += size;
	if (kind == WS_CITEM_CUSTOM)
		b->ca->sum.custom_bytes += size;
	return 0;
}

/* WASI preview 1 adapters export wasi_snapshot_preview1's functions. */
static int
is_adapter(const struct ws_module *m)
{
	for (size_t i = 0; i < m->exports.n; i++) {
		struct ws_span n = m->exports.v[i].name;
		if (n.len == 8 && memcmp(m->base + n.off, "fd_write", 8) == 0)
			return 1;
	}
	return 0;
}

/* wit-component names its adapters "wit-component:adapter:NAME". */
static int
named_adapter(const uint8_t *name, size_t len)
{
	static const char tag[] = "wit-component:adapter:";

	return len >= sizeof tag - 1 && memcmp(name, tag, sizeof tag - 1) == 0;
}

static int
module(struct builder *b, const struct ws_component *c,
    const struct ws_nested *n)
{
	const struct ws_module *m = n->module;
	struct ws_span	 name = n->name.len > 0 ? n->name : m->module_name;
	struct ws_cmodule *v;

	if (ws_vec_grow((void **)&b->ca->modules, &b->mcap, b->ca->nmodules,
	    sizeof *b->ca->modules) != 0)
		return ws_diag_set(b->diag, 0, WS_ERR_NOMEM, "out of memory");
	v = &b->ca->modules[b->ca->nmodules++];
	memset(v, 0, sizeof *v);
	v->m = m;
	v->parent = c;
	v->depth = c->depth;
	v->name = (struct ws_str){ (const char *)m->base + name.off, name.len };
	v->adapter = is_adapter(m) || named_adapter(m->base + name.off,
	    name.len);
	b->ca->sum.module_bytes += m->span.len;
	if (v->adapter)
		b->ca->sum.adapter_bytes += m->span.len;
	for (size_t i = 0; i < m->sections.n; i++)
		if (m->sections.v[i].id == WS_SEC_CUSTOM)
			b->ca->sum.custom_bytes += m->sections.v[i].whole.len;
	ws_findings_debuginfo(&b->ca->sum.debug, m);
	return ws_analyze(&v->a, b->ca->path, m, b->opts, b->diag);
}

static int
walk(struct builder *b, const struct ws_component *c)
{
	size_t	 next = 0;	/* the next nested module or component */

	b->ca->sum.ncomponents++;
	if (item(b, c, WS_CITEM_HEADER, UINT32_MAX, c->span.off, 8) != 0)
		return -1;
	for (uint32_t i = 0; i < c->nsections; i++) {
		const struct ws_section *s = &c->sections[i];
		size_t head = s->payload.off - s->whole.off;

		if (s->id == WS_CSEC_CORE_MODULE || s->id == WS_CSEC_COMPONENT) {
			const struct ws_nested *n = &c->nested[next++];
			if (item(b, c, WS_CITEM_OVERHEAD, i, s->whole.off,
			    head) != 0)
				return -1;
			if (n->is_component ? walk(b, n->component) :
			    module(b, c, n))
				return -1;
			continue;
		}
		if (item(b, c, s->id == WS_CSEC_CUSTOM ? WS_CITEM_CUSTOM :
		    WS_CITEM_SECTION, i, s->whole.off, s->whole.len) != 0)
			return -1;
	}
	return 0;
}

/* Own items and module items, merged by offset, must tile the file. */
static int
check_tiling(const struct ws_canalysis *ca, struct ws_diag *diag)
{
	size_t	 at = ca->c->span.off, i = 0, k = 0;

	while (i < ca->nitems || k < ca->nmodules) {
		if (i < ca->nitems && ca->items[i].off == at) {
			at += ca->items[i++].size;
		} else if (k < ca->nmodules && ca->modules[k].m->span.off == at) {
			at += ca->modules[k++].m->span.len;
		} else {
			return ws_diag_set(diag, at, WS_ERR_MALFORMED,
			    "internal error: component attribution gap at "
			    "0x%zx", at);
		}
	}
	if (at != ca->c->span.off + ca->c->span.len)
		return ws_diag_set(diag, at, WS_ERR_MALFORMED, "internal error: "
		    "component items end at 0x%zx", at);
	return 0;
}

int
ws_canalyze(struct ws_canalysis *ca, const char *path,
    const struct ws_component *c, const struct ws_analysis_opts *opts,
    struct ws_diag *diag)
{
	struct builder b = { ca, opts, diag, 0, 0 };

	memset(ca, 0, sizeof *ca);
	ca->path = path;
	ca->c = c;
	if (walk(&b, c) != 0)
		return -1;
	return check_tiling(ca, diag);
}

void
ws_canalysis_free(struct ws_canalysis *ca)
{
	for (size_t i = 0; i < ca->nmodules; i++)
		ws_analysis_free(&ca->modules[i].a);
	free(ca->modules);
	free(ca->items);
	memset(ca, 0, sizeof *ca);
}

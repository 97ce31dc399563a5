/* SPDX-License-Identifier: MIT */
/*
 * parse_component.c - the component model's binary format: preamble,
 * sections in any order, and the core modules (section 1) and components
 * (section 4) nested in them, parsed recursively to a bounded depth; the
 * component-name section's names for the component and its core modules.
 * The other sections are framed here and decoded by parse_cdefs.c.
 */
#include <stdlib.h>
#include <string.h>

#include "component.h"
#include "vec.h"

static const char *const csection_names[WS_CSEC_MAX] = {
	"custom", "core module", "core instance", "core type", "component",
	"instance", "alias", "type", "canon", "start", "import", "export",
	"value",
};

const char *
ws_csection_name(uint8_t id)
{
	return id < WS_CSEC_MAX ? csection_names[id] : "unknown";
}

const char *
ws_csort_name(uint8_t sort, uint8_t core_sort)
{
	static const char *const sorts[] = { NULL, "func", "value", "type",
	    "component", "instance" };
	static const char *const core_sorts[] = { "core func", "core table",
	    "core memory", "core global", "core tag" };

	if (sort >= 1 && sort <= 5)
		return sorts[sort];
	if (sort != 0)
		return "unknown";
	if (core_sort <= 0x04)
		return core_sorts[core_sort];
	switch (core_sort) {
	case 0x10:
		return "core type";
	case 0x11:
		return "core module";
	case 0x12:
		return "core instance";
	default:
		return "unknown";
	}
}

int
ws_is_component(const uint8_t *p, size_t n)
{
	static const uint8_t preamble[8] = { 0x00, 0x61, 0x73, 0x6d, 0x0d,
	    0x00, 0x01, 0x00 };

	return n >= 8 && memcmp(p, preamble, 8) == 0;
}

static int
add_nested(struct ws_component *c, struct ws_nested n, struct ws_reader *r)
{
	if (ws_vec_grow((void **)&c->nested, &c->nested_cap, c->nnested,
	    sizeof *c->nested) != 0)
		return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
	c->nested[c->nnested++] = n;
	return 0;
}

static int
nest_module(struct ws_component *c, uint32_t sec, struct ws_span sp,
    struct ws_reader *r)
{
	struct ws_nested n = { .section = sec,
	    .module = calloc(1, sizeof *n.module) };

	if (n.module == NULL)
		return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
	if (add_nested(c, n, r) != 0) {
		free(n.module);
		return -1;
	}
	return ws_module_parse(n.module, c->base, sp, r->diag);
}

static int
nest_component(struct ws_component *c, uint32_t sec, struct ws_span sp,
    struct ws_reader *r)
{
	struct ws_nested n = { .is_component = 1, .section = sec,
	    .component = calloc(1, sizeof *n.component) };
	int		 rc;

	if (n.component == NULL)
		return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
	if (add_nested(c, n, r) != 0) {
		free(n.component);
		return -1;
	}
	if (c->depth + 1 >= WS_COMPONENT_MAX_DEPTH)
		return ws_fail(r, c->base + sp.off, WS_ERR_LIMIT, "component "
		    "section: components nested more than %d deep",
		    WS_COMPONENT_MAX_DEPTH);
	if (sp.len < 8 || !ws_is_component(c->base + sp.off, sp.len))
		return ws_fail(r, c->base + sp.off, WS_ERR_MALFORMED,
		    "component section: not a component (bad preamble)");
	rc = ws_component_parse(n.component, c->base, sp, c->depth + 1,
	    r->diag);
	if (c->undecoded.code == WS_OK)	/* the file's first, in file order */
		c->undecoded = n.component->undecoded;
	return rc;
}

/* One section: framing, then what its contents are. */
static int
section(struct ws_component *c, struct ws_reader *r)
{
	const uint8_t	*start = r->pos;
	struct ws_section s = { 0 };
	struct ws_reader payload;
	uint32_t	 size;

	if (ws_read_u8(r, &s.id, "section id") != 0 ||
	    ws_read_u32(r, &size, "section size") != 0)
		return -1;
	if (ws_reader_sub(r, size, &payload, "section") != 0) {
		r->pos = start;
		return -1;
	}
	s.whole = (struct ws_span){ (size_t)(start - c->base),
	    (size_t)(payload.end - start) };
	s.payload = (struct ws_span){ ws_reader_offset(&payload), size };
	if (s.id == WS_CSEC_CUSTOM &&
	    ws_read_name(&payload, &s.name, "custom section name") != 0)
		return -1;
	if (s.id == WS_CSEC_CUSTOM)
		s.custom = ws_custom_classify(c->base + s.name.off, s.name.len);
	if (ws_vec_grow((void **)&c->sections, &c->sections_cap, c->nsections,
	    sizeof *c->sections) != 0)
		return ws_fail(r, start, WS_ERR_NOMEM, "out of memory");
	c->sections[c->nsections++] = s;
	if (s.id == WS_CSEC_CORE_MODULE)
		return nest_module(c, (uint32_t)c->nsections - 1, s.payload, r);
	if (s.id == WS_CSEC_COMPONENT)
		return nest_component(c, (uint32_t)c->nsections - 1, s.payload,
		    r);
	if (s.id != WS_CSEC_CUSTOM)
		return ws_cdefs_parse(c, (uint32_t)c->nsections - 1, r->diag);
	return 0;
}

/*
 * The core modules defined in c, in order: the index space that names
 * refer to, counting core module sections only (modules that aliases or
 * imports bring in are not counted: names for those are not shown).
 */
struct modules {
	struct ws_nested **v;
	size_t		 n;
};

/* sortnames: sort (0x00 core, then 0x11 module) and a name map. */
static int
sort_names(const struct modules *mods, struct ws_reader *r)
{
	uint8_t		 sort, core = 0;
	uint32_t	 n, index;
	struct ws_span	 name;
	struct ws_nested *m;

	if (ws_read_u8(r, &sort, "sort") != 0 ||
	    (sort == 0x00 && ws_read_u8(r, &core, "core sort") != 0) ||
	    ws_read_count(r, &n, 2, "name count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (ws_read_u32(r, &index, "index") != 0 ||
		    ws_read_name(r, &name, "name") != 0)
			return -1;
		if (sort != 0x00 || core != 0x11 || index >= mods->n)
			continue;
		m = mods->v[index];
		if (m->name.len == 0)
			m->name = name;
	}
	return 0;
}

/*
 * component-name: subsection 0 names the component, subsection 1 names
 * things by sort.  Names are a courtesy: a malformed section is ignored.
 */
static void
component_names(struct ws_component *c, const struct ws_section *s)
{
	struct ws_diag	 d = { 0 };
	struct ws_reader r, sub;
	struct ws_span	 name;
	struct modules	 mods = { malloc((c->nnested ? c->nnested : 1) *
			    sizeof *mods.v), 0 };
	uint8_t		 id;
	uint32_t	 size;

	if (mods.v == NULL)
		return;
	for (size_t i = 0; i < c->nnested; i++)
		if (!c->nested[i].is_component)
			mods.v[mods.n++] = &c->nested[i];
	ws_reader_init(&r, c->base, s->whole.off + s->whole.len, &d);
	r.pos = c->base + s->name.off + s->name.len;
	while (ws_reader_left(&r) > 0) {
		if (ws_read_u8(&r, &id, "id") != 0 ||
		    ws_read_u32(&r, &size, "size") != 0 ||
		    ws_reader_sub(&r, size, &sub, "subsection") != 0)
			break;
		if (id == 0 && ws_read_name(&sub, &name, "name") == 0)
			c->name = name;
		if (id == 1 && sort_names(&mods, &sub) != 0)
			break;
	}
	free(mods.v);
}

int
ws_component_parse(struct ws_component *c, const uint8_t *base,
    struct ws_span span, uint32_t depth, struct ws_diag *diag)
{
	struct ws_reader r;

	memset(c, 0, sizeof *c);
	c->base = base;
	c->span = span;
	c->depth = depth;
	ws_reader_init(&r, base, span.off + span.len, diag);
	r.pos = base + span.off;
	if (span.len < 8 || !ws_is_component(r.pos, span.len))
		return ws_fail(&r, r.pos, WS_ERR_MALFORMED, "not a component");
	r.pos += 8;
	while (ws_reader_left(&r) > 0)
		if (section(c, &r) != 0)
			return -1;
	for (size_t i = 0; i < c->nsections; i++)
		if (c->sections[i].id == WS_CSEC_CUSTOM &&
		    c->sections[i].name.len == 14 && memcmp(base +
		    c->sections[i].name.off, "component-name", 14) == 0)
			component_names(c, &c->sections[i]);
	return 0;
}

void
ws_component_free(struct ws_component *c)
{
	for (size_t i = 0; i < c->nnested; i++) {
		if (c->nested[i].module != NULL) {
			ws_module_free(c->nested[i].module);
			free(c->nested[i].module);
		}
		if (c->nested[i].component != NULL) {
			ws_component_free(c->nested[i].component);
			free(c->nested[i].component);
		}
	}
	free(c->nested);
	free(c->sections);
	free(c->externs);
	memset(c, 0, sizeof *c);
}

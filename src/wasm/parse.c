/* SPDX-License-Identifier: MIT */
/*
 * parse.c - the preamble and the section walk: framing, order, dispatch to
 * the section parsers, and the checks that span sections (function and code
 * counts, data count).
 */
#include <stdlib.h>
#include <string.h>

#include "module.h"
#include "opcodes.h"
#include "parse.h"
#include "vec.h"

static const struct section_kind {
	const char	*name;
	uint8_t		 rank;		/* required order; 0: anywhere */
	int		 (*parse)(struct ws_parse *);
} section_kinds[WS_SEC_MAX] = {
	[WS_SEC_CUSTOM]    = { "custom",    0,  NULL },
	[WS_SEC_TYPE]      = { "type",      1,  ws_parse_types },
	[WS_SEC_IMPORT]    = { "import",    2,  ws_parse_imports },
	[WS_SEC_FUNCTION]  = { "function",  3,  ws_parse_functions },
	[WS_SEC_TABLE]     = { "table",     4,  ws_parse_tables },
	[WS_SEC_MEMORY]    = { "memory",    5,  ws_parse_memories },
	[WS_SEC_TAG]       = { "tag",       6,  ws_parse_tags },
	[WS_SEC_GLOBAL]    = { "global",    7,  ws_parse_globals },
	[WS_SEC_EXPORT]    = { "export",    8,  ws_parse_exports },
	[WS_SEC_START]     = { "start",     9,  ws_parse_start },
	[WS_SEC_ELEMENT]   = { "element",   10, ws_parse_elements },
	[WS_SEC_DATACOUNT] = { "datacount", 11, ws_parse_datacount },
	[WS_SEC_CODE]      = { "code",      12, ws_parse_code },
	[WS_SEC_DATA]      = { "data",      13, ws_parse_data },
};

/* Error contexts, "code section", built once. */
static const char *const section_ctx[WS_SEC_MAX] = {
	"custom section", "type section", "import section",
	"function section", "table section", "memory section",
	"global section", "export section", "start section",
	"element section", "code section", "data section",
	"datacount section", "tag section",
};

const char *
ws_section_name(uint8_t id)
{
	return id < WS_SEC_MAX ? section_kinds[id].name : "unknown";
}

int64_t
ws_parse_entry(struct ws_parse *p, size_t start, uint8_t kind, uint32_t index,
    uint8_t sub)
{
	struct ws_entry	*e;

	if ((e = WS_VEC_PUSH(p->m->entries)) == NULL)
		return ws_fail(p->r, p->r->pos, WS_ERR_NOMEM, "out of memory");
	e->span.off = start;
	e->span.len = ws_reader_offset(p->r) - start;
	e->kind = kind;
	e->index = index;
	e->sub = sub;
	e->section = p->section;
	return (int64_t)(p->m->entries.n - 1);
}

int
ws_parse_count(struct ws_parse *p, uint32_t n)
{
	p->m->sections.v[p->section].count = n;
	p->m->sections.v[p->section].has_count = 1;
	return 0;
}

struct ws_object *
ws_parse_object(struct ws_parse *p, struct ws_objects *space)
{
	struct ws_object *o;

	if ((o = WS_VEC_PUSH(*space)) == NULL) {
		ws_fail(p->r, p->r->pos, WS_ERR_NOMEM, "out of memory");
		return NULL;
	}
	o->export = UINT32_MAX;
	o->target = UINT32_MAX;
	return o;
}

void
ws_parse_warn(struct ws_module *m, const struct ws_diag *d)
{
	if (m->nwarnings < WS_MAX_WARNINGS)
		m->warnings[m->nwarnings] = *d;
	m->nwarnings++;
}

static int
read_preamble(struct ws_module *m, struct ws_reader *r)
{
	static const uint8_t magic[4] = { 0x00, 0x61, 0x73, 0x6d };
	const uint8_t	*p = r->pos;

	if (ws_reader_left(r) < 8) {
		if (ws_reader_left(r) < 4 || memcmp(p, magic, 4) != 0)
			return ws_fail(r, p, WS_ERR_MALFORMED,
			    "not a WebAssembly file (%zu bytes, no \\0asm "
			    "magic)", ws_reader_left(r));
		return ws_fail(r, p + 4, WS_ERR_TRUNCATED,
		    "preamble: file ends inside the version field");
	}
	if (memcmp(p, magic, 4) != 0)
		return ws_fail(r, p, WS_ERR_MALFORMED,
		    "not a WebAssembly file (magic %02x %02x %02x %02x, "
		    "expected 00 61 73 6d)", p[0], p[1], p[2], p[3]);
	m->version = (uint32_t)p[4] | (uint32_t)p[5] << 8 |
	    (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
	if (m->version == 0x0001000d)
		return ws_fail(r, p + 4, WS_ERR_MALFORMED,
		    "preamble: a component (version 0x0d, layer 1) where a "
		    "core module must be");
	if (m->version != 1)
		return ws_fail(r, p + 4, WS_ERR_MALFORMED,
		    "preamble: unsupported version 0x%08x (expected 1)",
		    m->version);
	r->pos += 8;
	if (WS_VEC_PUSH(m->entries) == NULL)
		return ws_fail(r, p, WS_ERR_NOMEM, "out of memory");
	m->entries.v[0] = (struct ws_entry){ .span = { m->span.off, 8 },
	    .kind = WS_ENT_HEADER, .index = UINT32_MAX, .section = UINT16_MAX };
	return 0;
}

/* The id, size field and (for custom sections) name of one section. */
static int
read_section_header(struct ws_reader *r, struct ws_section *s,
    struct ws_reader *payload)
{
	const uint8_t	*start = r->pos, *size_at;
	uint32_t	 size;
	int		 rc;

	if (ws_read_u8(r, &s->id, "section id") != 0)
		return -1;
	size_at = r->pos;
	r->ctx = s->id < WS_SEC_MAX ? section_ctx[s->id] : "unknown section";
	rc = ws_read_u32(r, &size, "size");
	r->ctx = NULL;
	if (rc != 0) {
		r->pos = start;
		return -1;
	}
	if (size > ws_reader_left(r)) {
		ws_fail(r, size_at, WS_ERR_TRUNCATED,
		    "%s section: size %u runs past the end of the input "
		    "(%zu bytes left)", ws_section_name(s->id), size,
		    ws_reader_left(r));
		r->pos = start;
		return -1;
	}
	ws_reader_sub(r, size, payload, "section");
	s->whole.off = (size_t)(start - r->base);
	s->whole.len = (size_t)(payload->end - start);
	s->payload.off = ws_reader_offset(payload);
	s->payload.len = size;
	payload->ctx = s->id < WS_SEC_MAX ? section_ctx[s->id] :
	    "unknown section";
	return 0;
}

/* Ends the entry list of a section with an opaque entry for all of it. */
static int
opaque_section(struct ws_parse *p, size_t nentries, uint8_t kind)
{
	struct ws_section *s = &p->m->sections.v[p->section];

	p->m->entries.n = nentries;
	p->r->end = p->r->base + s->whole.off + s->whole.len;
	p->r->pos = p->r->end;
	return ws_parse_entry(p, s->whole.off, kind, UINT32_MAX, 0) < 0 ?
	    -1 : 0;
}

static int
walk_custom(struct ws_parse *p)
{
	struct ws_section *s = &p->m->sections.v[p->section];
	size_t		 nentries = p->m->entries.n;
	size_t		 nproducers = p->m->producers.n;
	size_t		 nfeatures = p->m->features.n;
	struct ws_diag	 d = { 0 };
	struct ws_diag	*outer = p->r->diag;

	if (ws_read_name(p->r, &s->name, "custom section name") != 0)
		return -1;
	s->custom = ws_custom_classify(p->m->base + s->name.off, s->name.len);
	p->r->ctx = NULL;
	p->r->diag = &d;
	if (ws_parse_custom(p) == 0) {
		p->r->diag = outer;
		return 0;
	}
	if (d.code == WS_ERR_NOMEM) {
		*outer = d;
		return -1;
	}
	ws_parse_warn(p->m, &d);
	p->r->diag = outer;
	p->m->producers.n = nproducers;
	p->m->features.n = nfeatures;
	return opaque_section(p, nentries, WS_ENT_CUSTOM);
}

/* Checks the order and uniqueness of known sections. */
static int
check_order(struct ws_reader *r, const struct ws_section *s, uint8_t *last,
    uint32_t *seen, const uint8_t *at)
{
	uint8_t	 rank = section_kinds[s->id].rank;

	if (rank == 0)
		return 0;
	if (*seen & (1u << s->id))
		return ws_fail(r, at, WS_ERR_MALFORMED,
		    "duplicate %s section", ws_section_name(s->id));
	if (rank < *last)
		return ws_fail(r, at, WS_ERR_MALFORMED,
		    "%s section out of order", ws_section_name(s->id));
	*seen |= 1u << s->id;
	*last = rank;
	return 0;
}

static int
walk_section(struct ws_module *m, struct ws_reader *r, uint8_t *last,
    uint32_t *seen)
{
	const uint8_t		*start = r->pos;
	struct ws_section	*s;
	struct ws_reader	 payload;
	struct ws_parse		 p = { .m = m, .r = &payload };

	if (m->sections.n >= UINT16_MAX - 1)
		return ws_fail(r, start, WS_ERR_LIMIT, "more than %u sections",
		    UINT16_MAX - 1);
	if ((s = WS_VEC_PUSH(m->sections)) == NULL)
		return ws_fail(r, start, WS_ERR_NOMEM, "out of memory");
	if (read_section_header(r, s, &payload) != 0)
		return -1;
	p.section = (uint16_t)(m->sections.n - 1);
	if (s->id >= WS_SEC_MAX) {
		struct ws_diag d = { 0 };
		ws_diag_set(&d, s->whole.off, WS_ERR_MALFORMED,
		    "unknown section id %u: kept as one item", s->id);
		ws_parse_warn(m, &d);
		return opaque_section(&p, m->entries.n, WS_ENT_UNKNOWN);
	}
	if (check_order(r, s, last, seen, start) != 0)
		return -1;
	if (s->id == WS_SEC_CUSTOM)
		return walk_custom(&p);
	if (ws_parse_entry(&p, s->whole.off, WS_ENT_OVERHEAD, UINT32_MAX, 0) < 0)
		return -1;
	if (section_kinds[s->id].parse(&p) != 0)
		return -1;
	return ws_reader_expect_end(&payload, "section");
}

/*
 * The overhead entry of a section was appended before its contents were
 * read: stretch it to where the first entry begins (after the count).
 */
static void
fix_overheads(struct ws_module *m)
{
	struct ws_entry	*e = m->entries.v;

	for (size_t i = 0; i + 1 < m->entries.n; i++)
		if (e[i].kind == WS_ENT_OVERHEAD &&
		    e[i + 1].section == e[i].section)
			e[i].span.len = e[i + 1].span.off - e[i].span.off;
		else if (e[i].kind == WS_ENT_OVERHEAD)
			e[i].span.len = m->sections.v[e[i].section].whole.len;
	if (m->entries.n > 0 && e[m->entries.n - 1].kind == WS_ENT_OVERHEAD)
		e[m->entries.n - 1].span.len =
		    m->sections.v[e[m->entries.n - 1].section].whole.len;
}

/* Where the payload of the first section with this id starts, or 0. */
static size_t
section_at(const struct ws_module *m, uint8_t id, int *found)
{
	for (size_t i = 0; i < m->sections.n; i++)
		if (m->sections.v[i].id == id) {
			*found = 1;
			return m->sections.v[i].payload.off;
		}
	*found = 0;
	return 0;
}

/* Claims one section makes about a later one that never came. */
static int
check_counts(struct ws_module *m, struct ws_reader *r)
{
	int	 has_code, has_data;
	size_t	 at;

	section_at(m, WS_SEC_CODE, &has_code);
	section_at(m, WS_SEC_DATA, &has_data);
	if (!has_code && m->ndefined > 0) {
		at = section_at(m, WS_SEC_FUNCTION, &has_code);
		return ws_fail(r, r->base + at, WS_ERR_MALFORMED,
		    "function section declares %u functions but there is "
		    "no code section", m->ndefined);
	}
	if (!has_data && m->datacount != UINT32_MAX && m->datacount != 0) {
		at = section_at(m, WS_SEC_DATACOUNT, &has_data);
		return ws_fail(r, r->base + at, WS_ERR_MALFORMED,
		    "data count section says %u segments, but there is no "
		    "data section", m->datacount);
	}
	return 0;
}

int
ws_module_parse(struct ws_module *m, const uint8_t *base, struct ws_span span,
    struct ws_diag *diag)
{
	struct ws_reader r;
	uint8_t		 last = 0;
	uint32_t	 seen = 0;

	memset(m, 0, sizeof *m);
	m->base = base;
	m->span = span;
	m->start = UINT32_MAX;
	m->datacount = UINT32_MAX;
	ws_reader_init(&r, base, span.off + span.len, diag);
	r.pos = base + span.off;
	if (read_preamble(m, &r) != 0)
		return -1;
	while (ws_reader_left(&r) > 0)
		if (walk_section(m, &r, &last, &seen) != 0)
			return -1;
	fix_overheads(m);
	if (check_counts(m, &r) != 0)
		return -1;
	ws_parse_assign_names(m);
	return 0;
}

void
ws_module_free(struct ws_module *m)
{
	WS_VEC_FREE(m->sections);
	WS_VEC_FREE(m->entries);
	WS_VEC_FREE(m->refs);
	WS_VEC_FREE(m->imports);
	WS_VEC_FREE(m->exports);
	WS_VEC_FREE(m->funcs);
	WS_VEC_FREE(m->tables);
	WS_VEC_FREE(m->memories);
	WS_VEC_FREE(m->globals);
	WS_VEC_FREE(m->tags);
	WS_VEC_FREE(m->elems);
	WS_VEC_FREE(m->datas);
	WS_VEC_FREE(m->producers);
	WS_VEC_FREE(m->features);
}

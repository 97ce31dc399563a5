/* SPDX-License-Identifier: MIT */
/*
 * parse_custom.c - custom sections: classification by name, and decoding of
 * the tool-convention sections (name, producers, target_features,
 * sourceMappingURL, external_debug_info, dylink.0, dylink, linking).
 * reloc.* and .debug_* are recognized and sized as a whole.
 */
#include <string.h>

#include "module.h"
#include "parse.h"
#include "vec.h"

static const struct custom_name {
	const char		*name;
	int			 prefix;	/* match as a prefix */
	enum ws_custom_kind	 kind;
	const char		*ctx;
} custom_names[] = {
	{ "name",		 0, WS_CUSTOM_NAME,	"name section" },
	{ "producers",		 0, WS_CUSTOM_PRODUCERS, "producers section" },
	{ "target_features",	 0, WS_CUSTOM_TARGET_FEATURES,
	    "target_features section" },
	{ "sourceMappingURL",	 0, WS_CUSTOM_SOURCE_MAP,
	    "sourceMappingURL section" },
	{ "external_debug_info", 0, WS_CUSTOM_EXTERNAL_DEBUG,
	    "external_debug_info section" },
	{ "dylink.0",		 0, WS_CUSTOM_DYLINK0,	"dylink.0 section" },
	{ "dylink",		 0, WS_CUSTOM_DYLINK,	"dylink section" },
	{ "linking",		 0, WS_CUSTOM_LINKING,	"linking section" },
	{ "reloc.",		 1, WS_CUSTOM_RELOC,	"reloc section" },
	{ ".debug_",		 1, WS_CUSTOM_DEBUG,	"debug section" },
};

enum ws_custom_kind
ws_custom_classify(const uint8_t *name, size_t len)
{
	for (size_t i = 0; i < sizeof custom_names / sizeof *custom_names; i++) {
		const struct custom_name *c = &custom_names[i];
		size_t n = strlen(c->name);

		if ((c->prefix ? len >= n : len == n) &&
		    memcmp(name, c->name, n) == 0)
			return c->kind;
	}
	return WS_CUSTOM_OTHER;
}

static const char *
custom_ctx(enum ws_custom_kind kind)
{
	for (size_t i = 0; i < sizeof custom_names / sizeof *custom_names; i++)
		if (custom_names[i].kind == kind)
			return custom_names[i].ctx;
	return "custom section";
}

/* namemap: vec(index name) */
static int
read_namemap(struct ws_reader *r)
{
	struct ws_span	 name;
	uint32_t	 n, index;

	if (ws_read_count(r, &n, 2, "name map count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (ws_read_u32(r, &index, "name map index") != 0 ||
		    ws_read_name(r, &name, "name") != 0)
			return -1;
	return 0;
}

/* indirectnamemap: vec(index namemap) */
static int
read_indirect_namemap(struct ws_reader *r)
{
	uint32_t	 n, index;

	if (ws_read_count(r, &n, 2, "indirect name map count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (ws_read_u32(r, &index, "indirect name map index") != 0 ||
		    read_namemap(r) != 0)
			return -1;
	return 0;
}

/* Decodes the contents of a name subsection; 0 or -1. */
static int
decode_name_subsection(struct ws_module *m, struct ws_reader *sub, uint8_t id)
{
	struct ws_span	 name;

	switch (id) {
	case 0:
		if (ws_read_name(sub, &name, "module name") != 0)
			return -1;
		m->module_name = name;
		break;
	case 2: case 3: case 10:
		if (read_indirect_namemap(sub) != 0)
			return -1;
		break;
	case 1: case 4: case 5: case 6: case 7: case 8: case 9: case 11:
		if (read_namemap(sub) != 0)
			return -1;
		break;
	default:	/* unknown subsections are sized, not decoded */
		sub->pos = sub->end;
	}
	return ws_reader_expect_end(sub, "subsection");
}

/*
 * One subsection.  Its framing must hold (or the section is opaque); its
 * contents need not: a subsection that does not decode stays an item, with
 * a warning.  wabt 1.0.32 writes tag names as subsection 10 (field names
 * in the spec); a 10 that decodes only as a plain name map is taken as tags.
 */
static int
read_name_subsection(struct ws_parse *p)
{
	struct ws_reader *r = p->r, sub;
	size_t		 start = ws_reader_offset(r);
	struct ws_diag	 d = { 0 };
	const uint8_t	*contents;
	uint8_t		 id;
	uint32_t	 size;

	if (ws_read_u8(r, &id, "subsection id") != 0 ||
	    ws_read_u32(r, &size, "subsection size") != 0 ||
	    ws_reader_sub(r, size, &sub, "subsection") != 0)
		return -1;
	sub.diag = &d;
	contents = sub.pos;
	if (decode_name_subsection(p->m, &sub, id) != 0) {
		struct ws_diag d10 = { 0 };

		sub.pos = contents;
		sub.diag = &d10;
		if (id == 10 && decode_name_subsection(p->m, &sub, 11) == 0)
			id = 11;
		else
			ws_parse_warn(p->m, &d);
	}
	return ws_parse_entry(p, start, WS_ENT_NAME_SUB, UINT32_MAX, id) < 0 ?
	    -1 : 0;
}

static int
parse_names(struct ws_parse *p)
{
	const struct ws_section *s = &p->m->sections.v[p->section];

	if (ws_parse_entry(p, s->whole.off, WS_ENT_OVERHEAD, UINT32_MAX, 0) < 0)
		return -1;
	while (ws_reader_left(p->r) > 0)
		if (read_name_subsection(p) != 0)
			return -1;
	return 0;
}

static int
parse_producers(struct ws_parse *p)
{
	struct ws_reader *r = p->r;
	struct ws_producer *pr;
	struct ws_span	 field;
	uint32_t	 nfields, nvalues;

	if (ws_read_count(r, &nfields, 2, "field count") != 0)
		return -1;
	for (uint32_t i = 0; i < nfields; i++) {
		if (ws_read_name(r, &field, "field name") != 0 ||
		    ws_read_count(r, &nvalues, 2, "value count") != 0)
			return -1;
		for (uint32_t j = 0; j < nvalues; j++) {
			if ((pr = WS_VEC_PUSH(p->m->producers)) == NULL)
				return ws_fail(r, r->pos, WS_ERR_NOMEM,
				    "out of memory");
			pr->field = field;
			if (ws_read_name(r, &pr->name, "value name") != 0 ||
			    ws_read_name(r, &pr->version, "value version") != 0)
				return -1;
		}
	}
	return 0;
}

static int
parse_target_features(struct ws_parse *p)
{
	struct ws_reader *r = p->r;
	struct ws_feature *f;
	uint32_t	 n;

	if (ws_read_count(r, &n, 2, "feature count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if ((f = WS_VEC_PUSH(p->m->features)) == NULL)
			return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
		if (ws_read_u8(r, &f->prefix, "feature prefix") != 0 ||
		    ws_read_name(r, &f->name, "feature name") != 0)
			return -1;
		if (f->prefix != '+' && f->prefix != '-' && f->prefix != '=')
			return ws_fail(r, r->pos - f->name.len - 2,
			    WS_ERR_MALFORMED, "invalid feature prefix 0x%02x",
			    f->prefix);
	}
	return 0;
}

static int
read_names(struct ws_reader *r, const char *what)
{
	struct ws_span	 name;
	uint32_t	 n;

	if (ws_read_count(r, &n, 1, what) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (ws_read_name(r, &name, what) != 0)
			return -1;
	return 0;
}

static int
read_u32s(struct ws_reader *r, int n, const char *what)
{
	uint32_t	 v;

	for (int i = 0; i < n; i++)
		if (ws_read_u32(r, &v, what) != 0)
			return -1;
	return 0;
}

/* dylink.0 subsection contents: mem info, needed, export and import info. */
static int
read_dylink0_sub(struct ws_reader *r, uint8_t type)
{
	struct ws_span	 name;
	uint32_t	 n;

	switch (type) {
	case 1:
		return read_u32s(r, 4, "memory info");
	case 2:
		return read_names(r, "needed libraries");
	case 3:
	case 4:
		if (ws_read_count(r, &n, 2, "symbol count") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++)
			if ((type == 4 &&
			    ws_read_name(r, &name, "import module") != 0) ||
			    ws_read_name(r, &name, "symbol name") != 0 ||
			    read_u32s(r, 1, "symbol flags") != 0)
				return -1;
		return 0;
	default:
		r->pos = r->end;
		return 0;
	}
}

/* Subsections framed as (u8 type, u32 size, payload), as in dylink.0. */
static int
read_framed(struct ws_reader *r, int decode)
{
	struct ws_reader sub;
	uint8_t		 type;
	uint32_t	 size;

	while (ws_reader_left(r) > 0) {
		if (ws_read_u8(r, &type, "subsection type") != 0 ||
		    ws_read_u32(r, &size, "subsection size") != 0 ||
		    ws_reader_sub(r, size, &sub, "subsection") != 0)
			return -1;
		if (!decode)
			continue;
		if (read_dylink0_sub(&sub, type) != 0 ||
		    ws_reader_expect_end(&sub, "subsection") != 0)
			return -1;
	}
	return 0;
}

/* Validates the contents of a custom section of a known kind. */
static int
decode_contents(struct ws_parse *p, enum ws_custom_kind kind)
{
	struct ws_reader *r = p->r;
	struct ws_span	 url;
	uint32_t	 version;

	switch (kind) {
	case WS_CUSTOM_PRODUCERS:
		return parse_producers(p);
	case WS_CUSTOM_TARGET_FEATURES:
		return parse_target_features(p);
	case WS_CUSTOM_SOURCE_MAP:
		if (ws_read_name(r, &url, "URL") != 0)
			return -1;
		p->m->source_map_url = url;
		return 0;
	case WS_CUSTOM_EXTERNAL_DEBUG:
		return ws_read_name(r, &url, "path");
	case WS_CUSTOM_DYLINK0:
		return read_framed(r, 1);
	case WS_CUSTOM_DYLINK:
		return read_u32s(r, 4, "memory info") != 0 ? -1 :
		    read_names(r, "needed libraries");
	case WS_CUSTOM_LINKING:
		return ws_read_u32(r, &version, "version") != 0 ? -1 :
		    read_framed(r, 0);
	default:
		r->pos = r->end;
		return 0;
	}
}

int
ws_parse_custom(struct ws_parse *p)
{
	const struct ws_section *s = &p->m->sections.v[p->section];
	enum ws_custom_kind kind = s->custom;

	p->r->ctx = custom_ctx(kind);
	if (kind == WS_CUSTOM_NAME)
		return parse_names(p) != 0 ? -1 :
		    ws_reader_expect_end(p->r, "contents");
	if (decode_contents(p, kind) != 0 ||
	    ws_reader_expect_end(p->r, "contents") != 0)
		return -1;
	return ws_parse_entry(p, s->whole.off, WS_ENT_CUSTOM, UINT32_MAX, 0) < 0 ?
	    -1 : 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * parse_sections.c - the declaration sections: type (with GC rec groups and
 * subtypes), import, function, table, memory, global, export, start, data
 * count and tag.  Each appends one entry per declaration.
 */
#include <stdint.h>

#include "module.h"
#include "opcodes.h"
#include "parse.h"
#include "valtype.h"
#include "vec.h"

/* GC composite and subtype forms. */
enum {
	TYPE_FUNC = 0x60, TYPE_STRUCT = 0x5f, TYPE_ARRAY = 0x5e,
	TYPE_SUB = 0x50, TYPE_SUB_FINAL = 0x4f, TYPE_REC = 0x4e
};

static int
read_valtypes(struct ws_reader *r, const char *what)
{
	uint32_t	 n, t;

	if (ws_read_count(r, &n, 1, what) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (ws_read_valtype(r, &t, what) != 0)
			return -1;
	return 0;
}

/* storagetype mut: a value type or a packed i8/i16, then 0 or 1. */
static int
read_fieldtype(struct ws_reader *r)
{
	uint8_t		 b, mut;
	uint32_t	 t;

	if (r->pos != r->end && (*r->pos == 0x78 || *r->pos == 0x77))
		r->pos++;
	else if (ws_read_valtype(r, &t, "field type") != 0)
		return -1;
	if (ws_read_u8(r, &mut, "field mutability") != 0)
		return -1;
	if (mut > 1) {
		b = mut;
		return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
		    "field mutability: invalid value 0x%02x", b);
	}
	return 0;
}

static int
read_comptype(struct ws_reader *r, uint8_t form)
{
	uint32_t	 n;

	switch (form) {
	case TYPE_FUNC:
		return read_valtypes(r, "parameter types") != 0 ||
		    read_valtypes(r, "result types") != 0 ? -1 : 0;
	case TYPE_STRUCT:
		if (ws_read_count(r, &n, 2, "struct field count") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++)
			if (read_fieldtype(r) != 0)
				return -1;
		return 0;
	case TYPE_ARRAY:
		return read_fieldtype(r);
	default:
		return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
		    "invalid type form 0x%02x", form);
	}
}

/* One subtype: sub/sub final with supertypes, or a bare composite type. */
static int
read_subtype(struct ws_reader *r)
{
	uint8_t		 form;
	uint32_t	 n, super;

	if (ws_read_u8(r, &form, "type form") != 0)
		return -1;
	if (form == TYPE_SUB || form == TYPE_SUB_FINAL) {
		if (ws_read_count(r, &n, 1, "supertype count") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++)
			if (ws_read_u32(r, &super, "supertype index") != 0)
				return -1;
		if (ws_read_u8(r, &form, "type form") != 0)
			return -1;
	}
	return read_comptype(r, form);
}

int
ws_parse_types(struct ws_parse *p)
{
	struct ws_reader *r = p->r;
	uint32_t	 n, members;
	size_t		 start;

	if (ws_read_count(r, &n, 1, "type count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t first = p->m->ntypes;

		start = ws_reader_offset(r);
		members = 1;
		if (r->pos != r->end && *r->pos == TYPE_REC) {
			r->pos++;
			if (ws_read_count(r, &members, 1, "rec group size") != 0)
				return -1;
		}
		for (uint32_t j = 0; j < members; j++)
			if (read_subtype(r) != 0)
				return -1;
		if (members > UINT32_MAX - p->m->ntypes)
			return ws_fail(r, r->pos, WS_ERR_LIMIT,
			    "too many types");
		p->m->ntypes += members;
		if (ws_parse_entry(p, start, WS_ENT_TYPE, first, 0) < 0)
			return -1;
	}
	return ws_parse_count(p, n);
}

int
ws_parse_limits(struct ws_reader *r, struct ws_limits *l, const char *what)
{
	uint8_t		 flags;
	uint32_t	 v32, pagelog;

	if (ws_read_u8(r, &flags, what) != 0)
		return -1;
	if (flags & ~0x0f)
		return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
		    "%s: invalid limits flags 0x%02x", what, flags);
	l->has_max = flags & 1;
	l->shared = (flags >> 1) & 1;
	l->is64 = (flags >> 2) & 1;
	if (l->is64) {
		if (ws_read_u64(r, &l->min, "limits minimum") != 0 ||
		    (l->has_max &&
		    ws_read_u64(r, &l->max, "limits maximum") != 0))
			return -1;
	} else {
		if (ws_read_u32(r, &v32, "limits minimum") != 0)
			return -1;
		l->min = v32;
		if (l->has_max) {
			if (ws_read_u32(r, &v32, "limits maximum") != 0)
				return -1;
			l->max = v32;
		}
	}
	if ((flags & 0x08) && ws_read_u32(r, &pagelog, "page size") != 0)
		return -1;
	return 0;
}

static int
read_tabletype(struct ws_reader *r, struct ws_limits *l)
{
	uint32_t	 t;

	if (ws_read_reftype(r, &t, "table element type") != 0)
		return -1;
	return ws_parse_limits(r, l, "table limits");
}

static int
read_global_type(struct ws_reader *r)
{
	uint32_t	 t;
	uint8_t		 mut;

	if (ws_read_valtype(r, &t, "global type") != 0 ||
	    ws_read_u8(r, &mut, "global mutability") != 0)
		return -1;
	if (mut > 1)
		return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
		    "global mutability: invalid value 0x%02x", mut);
	return 0;
}

static int
read_tag_type(struct ws_reader *r, uint32_t *type)
{
	uint8_t		 attr;

	if (ws_read_u8(r, &attr, "tag attribute") != 0)
		return -1;
	if (attr != 0)
		return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
		    "tag attribute: invalid value 0x%02x", attr);
	return ws_read_u32(r, type, "tag type index");
}

/* The index-space object an import declares. */
static int
read_import_desc(struct ws_parse *p, struct ws_import *im, uint32_t entry)
{
	struct ws_module *m = p->m;
	struct ws_reader *r = p->r;
	struct ws_object *o;
	struct ws_func	*f;
	struct ws_limits l = { 0 };
	uint32_t	 type = UINT32_MAX;

	switch (im->kind) {
	case WS_EXT_FUNC:
		if (ws_read_u32(r, &type, "import function type") != 0)
			return -1;
		if ((f = WS_VEC_PUSH(m->funcs)) == NULL)
			return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
		*f = (struct ws_func){ .type = type, .entry = entry,
		    .export = UINT32_MAX, .imported = 1 };
		im->index = m->nfunc_imports++;
		return 0;
	case WS_EXT_TABLE:
		if (read_tabletype(r, &l) != 0 ||
		    (o = ws_parse_object(p, &m->tables)) == NULL)
			return -1;
		im->index = (uint32_t)(m->tables.n - 1);
		break;
	case WS_EXT_MEMORY:
		if (ws_parse_limits(r, &l, "import memory limits") != 0 ||
		    (o = ws_parse_object(p, &m->memories)) == NULL)
			return -1;
		im->index = (uint32_t)(m->memories.n - 1);
		break;
	case WS_EXT_GLOBAL:
		if (read_global_type(r) != 0 ||
		    (o = ws_parse_object(p, &m->globals)) == NULL)
			return -1;
		im->index = (uint32_t)(m->globals.n - 1);
		break;
	case WS_EXT_TAG:
		if (read_tag_type(r, &type) != 0 ||
		    (o = ws_parse_object(p, &m->tags)) == NULL)
			return -1;
		im->index = (uint32_t)(m->tags.n - 1);
		break;
	default:
		return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
		    "invalid import kind 0x%02x", im->kind);
	}
	o->entry = entry;
	o->imported = 1;
	o->limits = l;
	o->target = type;
	return 0;
}

int
ws_parse_imports(struct ws_parse *p)
{
	struct ws_reader *r = p->r;
	struct ws_import *im;
	uint32_t	 n;
	size_t		 start;
	int64_t		 e;

	if (ws_read_count(r, &n, 3, "import count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		start = ws_reader_offset(r);
		if ((im = WS_VEC_PUSH(p->m->imports)) == NULL)
			return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
		if (ws_read_name(r, &im->module, "import module name") != 0 ||
		    ws_read_name(r, &im->field, "import field name") != 0 ||
		    ws_read_u8(r, &im->kind, "import kind") != 0)
			return -1;
		/* the entry index is known before the entry ends */
		if (read_import_desc(p, im, (uint32_t)p->m->entries.n) != 0)
			return -1;
		e = ws_parse_entry(p, start, WS_ENT_IMPORT, im->index, im->kind);
		if (e < 0)
			return -1;
	}
	return ws_parse_count(p, n);
}

int
ws_parse_functions(struct ws_parse *p)
{
	struct ws_reader *r = p->r;
	struct ws_func	*f;
	uint32_t	 n, type;
	size_t		 start;

	if (ws_read_count(r, &n, 1, "function count") != 0)
		return -1;
	start = ws_reader_offset(r);
	for (uint32_t i = 0; i < n; i++) {
		if (ws_read_u32(r, &type, "function type index") != 0)
			return -1;
		if ((f = WS_VEC_PUSH(p->m->funcs)) == NULL)
			return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
		*f = (struct ws_func){ .type = type, .entry = UINT32_MAX,
		    .export = UINT32_MAX };
	}
	p->m->ndefined = n;
	if (n > 0 && ws_parse_entry(p, start, WS_ENT_FUNC_DECLS,
	    UINT32_MAX, 0) < 0)
		return -1;
	return ws_parse_count(p, n);
}

/*
 * A section that is a vector of tables, memories, globals or tags: each
 * gets an object in space and an entry of kind, read_one reads the rest.
 */
static int
parse_objects(struct ws_parse *p, struct ws_objects *space, uint8_t kind,
    size_t min_entry, const char *count_what,
    int (*read_one)(struct ws_parse *, struct ws_object *))
{
	struct ws_reader *r = p->r;
	struct ws_object *o;
	uint32_t	 n, index;
	size_t		 start;

	if (ws_read_count(r, &n, min_entry, count_what) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		start = ws_reader_offset(r);
		if ((o = ws_parse_object(p, space)) == NULL)
			return -1;
		index = (uint32_t)(space->n - 1);
		o->entry = (uint32_t)p->m->entries.n;
		if (read_one(p, o) != 0 ||
		    ws_parse_entry(p, start, kind, index, 0) < 0)
			return -1;
	}
	return ws_parse_count(p, n);
}

/* tabletype, or 0x40 0x00 tabletype expr (a table with an initializer) */
static int
read_table(struct ws_parse *p, struct ws_object *o)
{
	struct ws_reader *r = p->r;
	int		 has_init = 0;

	if (ws_reader_left(r) >= 2 && r->pos[0] == 0x40) {
		if (r->pos[1] != 0x00)
			return ws_fail(r, r->pos + 1, WS_ERR_MALFORMED,
			    "table: invalid reserved byte 0x%02x", r->pos[1]);
		r->pos += 2;
		has_init = 1;
	}
	if (read_tabletype(r, &o->limits) != 0)
		return -1;
	return has_init ? ws_parse_const_expr(p, o->entry,
	    "table initializer") : 0;
}

static int
read_memory(struct ws_parse *p, struct ws_object *o)
{
	return ws_parse_limits(p->r, &o->limits, "memory limits");
}

static int
read_global(struct ws_parse *p, struct ws_object *o)
{
	if (read_global_type(p->r) != 0)
		return -1;
	return ws_parse_const_expr(p, o->entry, "global initializer");
}

static int
read_tag(struct ws_parse *p, struct ws_object *o)
{
	if (read_tag_type(p->r, &o->target) != 0)
		return -1;
	return ws_parse_ref(p, o->entry, WS_REF_TYPE, o->target);
}

int
ws_parse_tables(struct ws_parse *p)
{
	return parse_objects(p, &p->m->tables, WS_ENT_TABLE, 2, "table count",
	    read_table);
}

int
ws_parse_memories(struct ws_parse *p)
{
	return parse_objects(p, &p->m->memories, WS_ENT_MEMORY, 2,
	    "memory count", read_memory);
}

int
ws_parse_globals(struct ws_parse *p)
{
	return parse_objects(p, &p->m->globals, WS_ENT_GLOBAL, 3,
	    "global count", read_global);
}

int
ws_parse_tags(struct ws_parse *p)
{
	return parse_objects(p, &p->m->tags, WS_ENT_TAG, 2, "tag count",
	    read_tag);
}

/* Links an export to the function or object it names, if in range. */
static void
link_export(struct ws_module *m, const struct ws_export *ex, uint32_t i)
{
	struct ws_object *o = NULL;

	switch (ex->kind) {
	case WS_EXT_FUNC:
		if (ex->index < m->funcs.n &&
		    m->funcs.v[ex->index].export == UINT32_MAX)
			m->funcs.v[ex->index].export = i;
		return;
	case WS_EXT_TABLE:
		o = ex->index < m->tables.n ? &m->tables.v[ex->index] : NULL;
		break;
	case WS_EXT_MEMORY:
		o = ex->index < m->memories.n ? &m->memories.v[ex->index] : NULL;
		break;
	case WS_EXT_GLOBAL:
		o = ex->index < m->globals.n ? &m->globals.v[ex->index] : NULL;
		break;
	case WS_EXT_TAG:
		o = ex->index < m->tags.n ? &m->tags.v[ex->index] : NULL;
		break;
	}
	if (o != NULL && o->export == UINT32_MAX)
		o->export = i;
}

int
ws_parse_exports(struct ws_parse *p)
{
	struct ws_reader *r = p->r;
	struct ws_export *ex;
	uint32_t	 n;
	size_t		 start;

	if (ws_read_count(r, &n, 3, "export count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		start = ws_reader_offset(r);
		if ((ex = WS_VEC_PUSH(p->m->exports)) == NULL)
			return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
		if (ws_read_name(r, &ex->name, "export name") != 0 ||
		    ws_read_u8(r, &ex->kind, "export kind") != 0)
			return -1;
		if (ex->kind > WS_EXT_TAG)
			return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
			    "invalid export kind 0x%02x", ex->kind);
		if (ws_read_u32(r, &ex->index, "export index") != 0)
			return -1;
		link_export(p->m, ex, i);
		if (ws_parse_entry(p, start, WS_ENT_EXPORT, i, ex->kind) < 0 ||
		    ws_parse_ref(p, (uint32_t)p->m->entries.n - 1,
		    ex->kind == WS_EXT_FUNC ? WS_REF_FUNC :
		    ex->kind == WS_EXT_TABLE ? WS_REF_TABLE :
		    ex->kind == WS_EXT_MEMORY ? WS_REF_MEMORY :
		    ex->kind == WS_EXT_GLOBAL ? WS_REF_GLOBAL : WS_REF_TAG,
		    ex->index) != 0)
			return -1;
	}
	return ws_parse_count(p, n);
}

int
ws_parse_start(struct ws_parse *p)
{
	size_t	 start = ws_reader_offset(p->r);

	if (ws_read_u32(p->r, &p->m->start, "start function index") != 0 ||
	    ws_parse_entry(p, start, WS_ENT_START, p->m->start, 0) < 0)
		return -1;
	return ws_parse_ref(p, (uint32_t)p->m->entries.n - 1, WS_REF_FUNC,
	    p->m->start);
}

int
ws_parse_datacount(struct ws_parse *p)
{
	size_t	 start = ws_reader_offset(p->r);

	if (ws_read_u32(p->r, &p->m->datacount, "data count") != 0 ||
	    ws_parse_entry(p, start, WS_ENT_DATACOUNT, UINT32_MAX, 0) < 0)
		return -1;
	return ws_parse_count(p, p->m->datacount);
}

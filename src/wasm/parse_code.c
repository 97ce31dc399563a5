/* SPDX-License-Identifier: MIT */
/*
 * parse_code.c - the sections that hold code and bytes: code (every body
 * decoded by the instruction walker), element segments in all eight
 * encodings, data segments in all three modes, and constant expressions.
 * Every index an instruction or segment names is recorded as a ws_ref.
 */
#include <stdio.h>
#include <string.h>

#include "module.h"
#include "opcodes.h"
#include "parse.h"
#include "valtype.h"
#include "vec.h"

static void
record_ref(void *ctx, enum ws_ref_kind kind, uint32_t index, size_t offset)
{
	struct ws_ref_recorder *rec = ctx;
	struct ws_ref	*ref;

	(void)offset;
	/* a body names the same few things over and over: record each once */
	size_t slot = ((size_t)kind * 13 + index) & (WS_REF_CACHE - 1);
	if (rec->seen[slot].from == rec->from && rec->seen[slot].kind == kind &&
	    rec->seen[slot].index == index)
		return;
	rec->seen[slot] = (struct ws_ref){ rec->from, index, (uint8_t)kind };
	if ((ref = WS_VEC_PUSH(rec->m->refs)) == NULL) {
		rec->oom = 1;
		return;
	}
	ref->from = rec->from;
	ref->kind = (uint8_t)kind;
	ref->index = index;
}

void
ws_ref_recorder_init(struct ws_ref_recorder *rec, struct ws_code_visitor *v,
    struct ws_module *m)
{
	rec->m = m;
	rec->from = UINT32_MAX;
	rec->oom = 0;
	for (size_t i = 0; i < WS_REF_CACHE; i++)
		rec->seen[i].from = UINT32_MAX;
	v->ref = record_ref;
	v->op = NULL;
	v->ctx = rec;
}

static int
check_oom(struct ws_reader *r, const struct ws_ref_recorder *rec)
{
	if (rec->oom)
		return ws_fail(r, r->pos, WS_ERR_NOMEM, "out of memory");
	return 0;
}

int
ws_parse_const_expr(struct ws_parse *p, uint32_t from, const char *what)
{
	struct ws_ref_recorder	 rec;
	struct ws_code_visitor	 v;
	const char		*ctx = p->r->ctx;
	char			 buf[64];

	ws_ref_recorder_init(&rec, &v, p->m);
	rec.from = from;
	snprintf(buf, sizeof buf, "%s: %s", ctx ? ctx : "", what);
	p->r->ctx = buf;
	int rc = ws_expr_walk(p->r, &v);
	p->r->ctx = ctx;
	return rc != 0 ? -1 : check_oom(p->r, &rec);
}

/* Puts "code section: body of function N: " before the walker's error. */
static void
prefix_body_error(struct ws_diag *d, uint32_t func)
{
	char	 text[sizeof d->text];

	snprintf(text, sizeof text, "code section: body of function %u: %.200s",
	    func, d->text);
	memcpy(d->text, text, sizeof text);
}

static int
parse_body(struct ws_parse *p, uint32_t func, struct ws_ref_recorder *rec,
    const struct ws_code_visitor *v)
{
	struct ws_reader *r = p->r;
	struct ws_reader body;
	struct ws_func	*f = &p->m->funcs.v[func];
	size_t		 start = ws_reader_offset(r);
	uint32_t	 size;
	int64_t		 e;

	if (ws_read_u32(r, &size, "function body size") != 0)
		return -1;
	if (size > ws_reader_left(r)) {
		ws_fail(r, r->base + start, WS_ERR_TRUNCATED,
		    "body of function %u (%u bytes) runs past the section end "
		    "(%zu bytes left)", func, size, ws_reader_left(r));
		r->pos = r->base + start;
		return -1;
	}
	ws_reader_sub(r, size, &body, "function body");
	body.ctx = NULL;
	rec->from = (uint32_t)p->m->entries.n;
	if (ws_func_body_walk(&body, v) != 0) {
		prefix_body_error(r->diag, func);
		return -1;
	}
	if (check_oom(r, rec) != 0 ||
	    (e = ws_parse_entry(p, start, WS_ENT_FUNCTION, func, 0)) < 0)
		return -1;
	f->entry = (uint32_t)e;
	f->body.off = ws_reader_offset(&body) - size;
	f->body.len = size;
	return 0;
}

int
ws_parse_code(struct ws_parse *p)
{
	struct ws_ref_recorder	 rec;
	struct ws_code_visitor	 v;
	struct ws_reader	*r = p->r;
	uint32_t		 n;

	if (ws_read_count(r, &n, 2, "function body count") != 0)
		return -1;
	if (n != p->m->ndefined)
		return ws_fail(r, r->pos, WS_ERR_MALFORMED,
		    "%u function bodies, but the function section declares %u",
		    n, p->m->ndefined);
	ws_ref_recorder_init(&rec, &v, p->m);
	for (uint32_t i = 0; i < n; i++)
		if (parse_body(p, p->m->nfunc_imports + i, &rec, &v) != 0)
			return -1;
	return ws_parse_count(p, n);
}

/* Element segment items: function indices, or expressions. */
static int
read_elem_items(struct ws_parse *p, uint32_t entry, int exprs)
{
	struct ws_reader *r = p->r;
	uint32_t	 n, func;

	if (ws_read_count(r, &n, 1, "element count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (exprs) {
			if (ws_parse_const_expr(p, entry, "element expression"))
				return -1;
		} else if (ws_read_u32(r, &func, "element function index") ||
		    ws_parse_ref(p, entry, WS_REF_FUNC, func) != 0)
			return -1;
	}
	return 0;
}

static int
parse_elem(struct ws_parse *p, uint32_t index)
{
	struct ws_reader *r = p->r;
	struct ws_object *o;
	size_t		 start = ws_reader_offset(r);
	uint32_t	 flags, table = 0, type;
	uint8_t		 elemkind;

	if (ws_read_u32(r, &flags, "element segment flags") != 0)
		return -1;
	if (flags > 7)
		return ws_fail(r, r->base + start, WS_ERR_MALFORMED,
		    "invalid element segment flags %u", flags);
	if ((o = ws_parse_object(p, &p->m->elems)) == NULL)
		return -1;
	o->entry = (uint32_t)p->m->entries.n;
	o->mode = (flags & 1) == 0 ? WS_SEG_ACTIVE :
	    (flags & 2) ? WS_SEG_DECLARATIVE : WS_SEG_PASSIVE;
	if (o->mode == WS_SEG_ACTIVE) {
		if ((flags & 2) && ws_read_u32(r, &table, "table index") != 0)
			return -1;
		o->target = table;
		if (ws_parse_ref(p, o->entry, WS_REF_TABLE, table) != 0 ||
		    ws_parse_const_expr(p, o->entry, "offset") != 0)
			return -1;
	}
	if ((flags & 3) != 0) {
		if (flags & 4) {
			if (ws_read_reftype(r, &type, "element type") != 0)
				return -1;
		} else {
			if (ws_read_u8(r, &elemkind, "element kind") != 0)
				return -1;
			if (elemkind != 0)
				return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
				    "invalid element kind 0x%02x", elemkind);
		}
	}
	if (read_elem_items(p, o->entry, flags & 4) != 0)
		return -1;
	return ws_parse_entry(p, start, WS_ENT_ELEMENT, index, 0) < 0 ? -1 : 0;
}

int
ws_parse_elements(struct ws_parse *p)
{
	uint32_t	 n;

	if (ws_read_count(p->r, &n, 2, "element segment count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (parse_elem(p, i) != 0)
			return -1;
	return ws_parse_count(p, n);
}

static int
parse_data_segment(struct ws_parse *p, uint32_t index)
{
	struct ws_reader *r = p->r;
	struct ws_object *o;
	size_t		 start = ws_reader_offset(r);
	uint32_t	 flags, mem = 0;

	if (ws_read_u32(r, &flags, "data segment flags") != 0)
		return -1;
	if (flags > 2)
		return ws_fail(r, r->base + start, WS_ERR_MALFORMED,
		    "invalid data segment flags %u", flags);
	if ((o = ws_parse_object(p, &p->m->datas)) == NULL)
		return -1;
	o->entry = (uint32_t)p->m->entries.n;
	o->mode = flags == 1 ? WS_SEG_PASSIVE : WS_SEG_ACTIVE;
	if (flags != 1) {
		if (flags == 2 && ws_read_u32(r, &mem, "memory index") != 0)
			return -1;
		o->target = mem;
		if (ws_parse_ref(p, o->entry, WS_REF_MEMORY, mem) != 0 ||
		    ws_parse_const_expr(p, o->entry, "offset") != 0)
			return -1;
	}
	if (ws_read_name(r, &o->init, "data segment bytes") != 0)
		return -1;
	return ws_parse_entry(p, start, WS_ENT_DATA, index, 0) < 0 ? -1 : 0;
}

int
ws_parse_data(struct ws_parse *p)
{
	uint32_t	 n;

	if (ws_read_count(p->r, &n, 2, "data segment count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (parse_data_segment(p, i) != 0)
			return -1;
	return ws_parse_count(p, n);
}

/* SPDX-License-Identifier: MIT */
/*
 * parse_segments.c - element segments in all eight encodings and data
 * segments in all three modes, with the tables, memories and functions
 * they reference.
 */
#include "module.h"
#include "opcodes.h"
#include "parse.h"
#include "valtype.h"

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
		/* the table keeps the segment, not the other way round */
		if (ws_parse_const_expr(p, o->entry, "offset") != 0)
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
		/* the memory keeps the segment, not the other way round */
		if (ws_parse_const_expr(p, o->entry, "offset") != 0)
			return -1;
	}
	if (ws_read_name(r, &o->init, "data segment bytes") != 0)
		return -1;
	return ws_parse_entry(p, start, WS_ENT_DATA, index, 0) < 0 ? -1 : 0;
}

int
ws_parse_data(struct ws_parse *p)
{
	const uint8_t	*count_at = p->r->pos;
	uint32_t	 n;

	if (ws_read_count(p->r, &n, 2, "data segment count") != 0)
		return -1;
	if (p->m->datacount != UINT32_MAX && n != p->m->datacount)
		return ws_fail(p->r, count_at, WS_ERR_MALFORMED,
		    "%u data segments, but the data count section says %u", n,
		    p->m->datacount);
	for (uint32_t i = 0; i < n; i++)
		if (parse_data_segment(p, i) != 0)
			return -1;
	return ws_parse_count(p, n);
}

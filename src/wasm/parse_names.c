/* SPDX-License-Identifier: MIT */
/*
 * parse_names.c - after the section walk, gives functions, tables,
 * memories, globals, element and data segments and tags the names the
 * `name` section holds for them.  Indices out of range are ignored, as
 * engines do; the first name for an index wins.
 */
#include "module.h"
#include "parse.h"

static struct ws_span *
name_slot(struct ws_module *m, uint8_t sub, uint32_t index)
{
	struct ws_objects *space;

	switch (sub) {
	case 1:
		return index < m->funcs.n ? &m->funcs.v[index].name : NULL;
	case 5: space = &m->tables; break;
	case 6: space = &m->memories; break;
	case 7: space = &m->globals; break;
	case 8: space = &m->elems; break;
	case 9: space = &m->datas; break;
	case 11: space = &m->tags; break;
	default: return NULL;
	}
	return index < space->n ? &space->v[index].name : NULL;
}

/* Decodes one namemap subsection (already validated by the walk). */
static void
assign(struct ws_module *m, const struct ws_entry *e)
{
	struct ws_diag	 d = { 0 };
	struct ws_reader r;
	struct ws_span	 name, *slot;
	uint8_t		 id;
	uint32_t	 size, n, index;

	ws_reader_init(&r, m->base, e->span.off + e->span.len, &d);
	r.pos = m->base + e->span.off;
	if (ws_read_u8(&r, &id, "id") != 0 || ws_read_u32(&r, &size, "size") ||
	    ws_read_u32(&r, &n, "count") != 0)
		return;
	for (uint32_t i = 0; i < n; i++) {
		if (ws_read_u32(&r, &index, "index") != 0 ||
		    ws_read_name(&r, &name, "name") != 0)
			return;
		slot = name_slot(m, id, index);
		if (slot != NULL && slot->len == 0 && name.len > 0)
			*slot = name;
	}
}

void
ws_parse_assign_names(struct ws_module *m)
{
	for (size_t i = 0; i < m->entries.n; i++) {
		const struct ws_entry *e = &m->entries.v[i];

		if (e->kind == WS_ENT_NAME_SUB && name_slot(m, e->sub, 0) !=
		    NULL)
			assign(m, e);
	}
}

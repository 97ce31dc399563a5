/* SPDX-License-Identifier: MIT */
/*
 * refs.c - recording what entries reference: the visitor that the
 * instruction walker calls for every index immediate, constant expressions,
 * and references that sections state directly (exports, start, segments).
 */
#include <stdio.h>
#include <string.h>

#include "module.h"
#include "opcodes.h"
#include "parse.h"
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
	if ((ref = WS_VEC_PUSH(*rec->out)) == NULL) {
		rec->oom = 1;
		return;
	}
	ref->from = rec->from;
	ref->kind = (uint8_t)kind;
	ref->index = index;
}

void
ws_ref_recorder_init(struct ws_ref_recorder *rec, struct ws_code_visitor *v,
    struct ws_refs *out)
{
	rec->out = out;
	rec->from = UINT32_MAX;
	rec->oom = 0;
	for (size_t i = 0; i < WS_REF_CACHE; i++)
		rec->seen[i].from = UINT32_MAX;
	v->ref = record_ref;
	v->op = NULL;
	v->ctx = rec;
	v->stats = NULL;
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

	ws_ref_recorder_init(&rec, &v, &p->m->refs);
	rec.from = from;
	snprintf(buf, sizeof buf, "%s: %s", ctx ? ctx : "", what);
	p->r->ctx = buf;
	int rc = ws_expr_walk(p->r, &v);
	p->r->ctx = ctx;
	return rc != 0 ? -1 : check_oom(p->r, &rec);
}

int
ws_parse_ref(struct ws_parse *p, uint32_t from, uint8_t kind, uint32_t index)
{
	struct ws_ref	*ref;

	if ((ref = WS_VEC_PUSH(p->m->refs)) == NULL)
		return ws_fail(p->r, p->r->pos, WS_ERR_NOMEM, "out of memory");
	ref->from = from;
	ref->kind = kind;
	ref->index = index;
	return 0;
}

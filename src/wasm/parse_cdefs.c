/* SPDX-License-Identifier: MIT */
/*
 * parse_cdefs.c - the contents of a component's definition sections: core
 * instance, core type, instance, alias, type, canon, start, import, export
 * and value.  Counts every vector, keeps imports and exports as ws_cextern;
 * the types in them are parse_ctypes.c's.  An opcode newer than we know
 * ends its section and is noted in ws_component.undecoded, not failed.
 */
#include <stdint.h>
#include <stdio.h>

#include "cdefs_impl.h"
#include "component.h"
#include "valtype.h"
#include "vec.h"

/* --- canon ---------------------------------------------------------------- */

static int
canonopts(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	uint32_t	 n;
	uint8_t		 b;

	if (ws_read_count(r, &n, 1, "canon option count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (ws_read_u8(r, &b, "canon option") != 0)
			return -1;
		/*
		 * utf8 utf16 latin1+utf16 0x00-0x02, async 0x06, gc 0x09;
		 * memory realloc post-return 0x03-0x05, callback 0x07 and
		 * core-type 0x08 take an index.  gc and core-type are
		 * wasm-tools' (component model + GC).
		 */
		switch (b) {
		case 0x00: case 0x01: case 0x02: case 0x06: case 0x09:
			break;
		case 0x03: case 0x04: case 0x05: case 0x07: case 0x08:
			if (read_idx(d, "canon option index") != 0)
				return -1;
			break;
		default:
			return unknown(d, r->pos - 1, "canon option", b);
		}
	}
	return 0;
}

/*
 * Where the format reused an opcode, the newest meaning wins (0x05 was
 * thread.spawn, 0x0a/0x0b task.wait/poll, 0x28/0x2a other thread built-ins);
 * withdrawn opcodes still read: 0x07 resource.drop async, 0x08
 * backpressure.set.  Binary.md gives 0x40-0x42 a `shared?` byte that
 * wasm-tools, their only writer, has never written: we read what it writes.
 */
static int
canon(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	uint8_t		 op, b;
	int		 set = 0;

	if (ws_read_u8(r, &op, "canon opcode") != 0)
		return -1;
	switch (op) {
	case 0x00:	/* lift: 0x00 (core func) f opts type */
	case 0x01:	/* lower: 0x00 (func) f opts */
		if (ws_read_u8(r, &b, "canon sort") != 0)
			return -1;
		if (b != 0x00)
			return unknown(d, r->pos - 1, "canon sort", b);
		if (read_idx(d, "function index") != 0 || canonopts(d) != 0)
			return -1;
		return op == 0x00 ? read_idx(d, "type index") : 0;
	case 0x02: case 0x03: case 0x04:	/* resource.new/drop/rep */
	case 0x07:				/* resource.drop async */
	case 0x0e: case 0x13: case 0x14:	/* stream.new/drop-* */
	case 0x15: case 0x1a: case 0x1b:	/* future.new/drop-* */
	case 0x40:				/* thread.spawn-ref */
		return read_idx(d, "type index");
	case 0x05:				/* task.cancel */
	case 0x08:				/* backpressure.set */
	case 0x0d:				/* subtask.drop */
	case 0x1e:				/* error-context.drop */
	case 0x1f: case 0x22: case 0x23:	/* waitable-set.*, join */
	case 0x24: case 0x25:			/* backpressure.inc/dec */
	case 0x26: case 0x28:			/* thread.index/resume-later */
	case 0x42:				/* available-parallelism */
		return 0;
	case 0x06:				/* subtask.cancel async? */
	case 0x0c:				/* thread.yield cancel? */
	case 0x29: case 0x2a: case 0x2b:	/* thread.suspend... cancel? */
	case 0x2c: case 0x2d:
		return read_flag(d, &set, "canon flag");
	case 0x09:				/* task.return */
		return ws_ctypes_resultlist(d) != 0 || canonopts(d) != 0 ?
		    -1 : 0;
	case 0x0a: case 0x0b:			/* context.get/set t i */
		return core_rc(d, ws_read_valtype(r, NULL, "context type")) !=
		    0 || read_idx(d, "context slot") != 0 ? -1 : 0;
	case 0x0f: case 0x10:			/* stream.read/write t opts */
	case 0x16: case 0x17:			/* future.read/write t opts */
		return read_idx(d, "type index") != 0 || canonopts(d) != 0 ?
		    -1 : 0;
	case 0x11: case 0x12:			/* stream.cancel-* t async? */
	case 0x18: case 0x19:			/* future.cancel-* t async? */
		return read_idx(d, "type index") != 0 ||
		    read_flag(d, &set, "canon flag") != 0 ? -1 : 0;
	case 0x1c: case 0x1d:			/* error-context.new/debug */
		return canonopts(d);
	case 0x20: case 0x21:			/* waitable-set.wait/poll */
		return read_flag(d, &set, "canon flag") != 0 ||
		    read_idx(d, "memory index") != 0 ? -1 : 0;
	case 0x27:				/* thread.new-indirect */
	case 0x41:				/* thread.spawn-indirect */
		return read_idx(d, "type index") != 0 ||
		    read_idx(d, "table index") != 0 ? -1 : 0;
	default:
		return unknown(d, r->pos - 1, "canon opcode", op);
	}
}

/* --- the sections' entries ---------------------------------------------- */

static int
add_extern(struct cdefs *d, const uint8_t *start, struct ws_span name,
    uint8_t sort, uint8_t core_sort, uint8_t is_export)
{
	struct ws_component *c = d->c;

	if (ws_vec_grow((void **)&c->externs, &c->externs_cap, c->nexterns,
	    sizeof *c->externs) != 0)
		return ws_fail(&d->r, start, WS_ERR_NOMEM, "out of memory");
	c->externs[c->nexterns++] = (struct ws_cextern){
		.section = d->section,
		.whole = { (size_t)(start - c->base),
		    (size_t)(d->r.pos - start) },
		.name = name, .sort = sort, .core_sort = core_sort,
		.is_export = is_export };
	return 0;
}

/* 0x00 instantiate m with (name 0x12 instance)*, or 0x01 inline exports. */
static int
core_instance(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	uint32_t	 n;
	uint8_t		 form, b;

	if (ws_read_u8(r, &form, "core instance form") != 0)
		return -1;
	if (form > 0x01)
		return unknown(d, r->pos - 1, "core instance form", form);
	if (form == 0x00 && read_idx(d, "module index") != 0)
		return -1;
	if (ws_read_count(r, &n, 2, form == 0x00 ? "argument count" :
	    "export count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (read_str(d, "name") != 0 ||
		    ws_read_u8(r, &b, "core sort") != 0)
			return -1;
		/* arguments are instances; exports any core sort */
		if (form == 0x00 ? b != 0x12 : !ws_ctypes_is_core_sort(b))
			return unknown(d, r->pos - 1, "core sort", b);
		if (read_idx(d, "index") != 0)
			return -1;
	}
	return 0;
}

/* 0x00 instantiate c with (name sortidx)*, or 0x01 inline exports. */
static int
instance(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	struct ws_span	 name;
	uint32_t	 n;
	uint8_t		 form, s, core;

	if (ws_read_u8(r, &form, "instance form") != 0)
		return -1;
	if (form > 0x01)
		return unknown(d, r->pos - 1, "instance form", form);
	if (form == 0x00 && read_idx(d, "component index") != 0)
		return -1;
	if (ws_read_count(r, &n, 3, form == 0x00 ? "argument count" :
	    "export count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if ((form == 0x00 ? read_str(d, "argument name") :
		    ws_ctypes_externname(d, &name)) != 0 ||
		    ws_ctypes_sortidx(d, &s, &core) != 0)
			return -1;
	}
	return 0;
}

/* start: f, vec(value index), result count. */
static int
start(struct cdefs *d)
{
	uint32_t	 n;

	if (read_idx(d, "start function") != 0 ||
	    ws_read_count(&d->r, &n, 1, "argument count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (read_idx(d, "argument value index") != 0)
			return -1;
	return read_idx(d, "result count");
}

static int
import(struct cdefs *d)
{
	const uint8_t	*at = d->r.pos;
	struct ws_span	 name;
	uint8_t		 s, core;

	if (ws_ctypes_externname(d, &name) != 0 ||
	    ws_ctypes_externtype(d, &s, &core) != 0)
		return -1;
	return add_extern(d, at, name, s, core, 0);
}

/* export: name, sortidx, externtype? */
static int
export(struct cdefs *d)
{
	const uint8_t	*at = d->r.pos;
	struct ws_span	 name;
	uint8_t		 s, core, ts, tcore;
	int		 typed = 0;

	if (ws_ctypes_externname(d, &name) != 0 ||
	    ws_ctypes_sortidx(d, &s, &core) != 0 ||
	    read_flag(d, &typed, "export type flag") != 0 ||
	    (typed && ws_ctypes_externtype(d, &ts, &tcore) != 0))
		return -1;
	return add_extern(d, at, name, s, core, 1);
}

/* value: its type and len bytes of value, not decoded further. */
static int
value(struct cdefs *d)
{
	uint32_t	 len;

	if (ws_ctypes_valtype(d, "value type") != 0 ||
	    ws_read_u32(&d->r, &len, "value length") != 0)
		return -1;
	return ws_read_skip(&d->r, len, "value");
}

static const struct cdef_kind {
	const char	*ctx;		/* "canon section" */
	const char	*count;		/* "canon count"; NULL: one entry */
	int		(*entry)(struct cdefs *);
} cdef_kinds[WS_CSEC_MAX] = {
	[WS_CSEC_CORE_INSTANCE] = { "core instance section",
	    "core instance count", core_instance },
	[WS_CSEC_CORE_TYPE] = { "core type section", "core type count",
	    ws_ctypes_core_type },
	[WS_CSEC_INSTANCE] = { "instance section", "instance count",
	    instance },
	[WS_CSEC_ALIAS] = { "alias section", "alias count",
	    ws_ctypes_alias },
	[WS_CSEC_TYPE] = { "type section", "type count", ws_ctypes_deftype },
	[WS_CSEC_CANON] = { "canon section", "canon count", canon },
	[WS_CSEC_START] = { "start section", NULL, start },
	[WS_CSEC_IMPORT] = { "import section", "import count", import },
	[WS_CSEC_EXPORT] = { "export section", "export count", export },
	[WS_CSEC_VALUE] = { "value section", "value count", value },
};

/*
 * Moves the problem in d->first to where it belongs: a newer encoding to
 * c->undecoded (returns 0), anything else to diag, with the section and
 * entry i named (returns -1).  i is UINT32_MAX for the count.
 */
static int
place(struct cdefs *d, const struct cdef_kind *k, uint32_t i,
    struct ws_diag *diag)
{
	const struct ws_diag *f = &d->first;
	char		 entry[24] = "";

	if (i != UINT32_MAX && k->count != NULL)
		snprintf(entry, sizeof entry, ": entry %u", i);
	if (d->unknown) {
		ws_diag_set(&d->c->undecoded, f->offset, f->code, "%s%s: %s",
		    k->ctx, entry, f->text);
		return 0;
	}
	if (f->code == WS_ERR_TRUNCATED && i != UINT32_MAX)
		return ws_diag_set(diag, f->offset, f->code,
		    "%s%s runs past the section end (%s)", k->ctx, entry,
		    f->text);
	return ws_diag_set(diag, f->offset, f->code, "%s%s: %s", k->ctx,
	    entry, f->text);
}

int
ws_cdefs_parse(struct ws_component *c, uint32_t section, struct ws_diag *diag)
{
	struct ws_section *s = &c->sections[section];
	const struct cdef_kind *k;
	struct cdefs	 d = { .c = c, .section = section };
	uint32_t	 n = 1;

	if (s->id >= WS_CSEC_MAX || cdef_kinds[s->id].entry == NULL)
		return 0;
	k = &cdef_kinds[s->id];
	ws_reader_init(&d.r, c->base, s->payload.off + s->payload.len,
	    &d.first);
	d.r.pos = c->base + s->payload.off;
	if (k->count != NULL && ws_read_count(&d.r, &n, 1, k->count) != 0)
		return place(&d, k, UINT32_MAX, diag);
	s->has_count = 1;
	s->count = n;
	for (uint32_t i = 0; i < n; i++)
		if (k->entry(&d) != 0)
			return place(&d, k, i, diag);
	if (d.r.pos != d.r.end)
		return ws_diag_set(diag, ws_reader_offset(&d.r),
		    WS_ERR_MALFORMED, "%s: %zu trailing bytes", k->ctx,
		    ws_reader_left(&d.r));
	return 0;
}

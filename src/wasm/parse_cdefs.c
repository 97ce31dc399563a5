/* SPDX-License-Identifier: MIT */
/*
 * parse_cdefs.c - the contents of a component's definition sections: core
 * instance, core type, instance, alias, type, canon, start, import, export
 * and value.  Counts every vector, keeps imports and exports as ws_cextern,
 * and bounds the nesting of type declarators; an opcode newer than we know
 * ends its section and is noted in ws_component.undecoded, not failed.
 */
#include <stdint.h>
#include <stdio.h>

#include "component.h"
#include "parse.h"
#include "valtype.h"
#include "vec.h"

/* One section's decode: a reader over its payload that reports into first. */
struct cdefs {
	struct ws_component	*c;
	struct ws_reader	 r;
	struct ws_diag		 first;		/* the problem, until placed */
	uint32_t		 section;	/* index in c->sections */
	uint32_t		 depth;		/* type declarators open */
	uint8_t			 unknown;	/* first is a newer encoding */
};

/*
 * A discriminant we do not know: a newer encoding, not a broken file.  The
 * section's decode stops here; ws_cdefs_parse() notes it in undecoded.
 */
static int
unknown(struct cdefs *d, const uint8_t *at, const char *what, uint8_t b)
{
	d->unknown = 1;
	return ws_fail(&d->r, at, WS_ERR_MALFORMED, "unknown %s 0x%02x", what,
	    b);
}

/* The core readers call a byte they do not know "invalid": same thing. */
static int
core_rc(struct cdefs *d, int rc)
{
	if (rc != 0 && d->first.code == WS_ERR_MALFORMED)
		d->unknown = 1;
	return rc;
}

static int
read_idx(struct cdefs *d, const char *what)
{
	uint32_t	 v;

	return ws_read_u32(&d->r, &v, what);
}

static int
read_str(struct cdefs *d, const char *what)
{
	struct ws_span	 s;

	return ws_read_name(&d->r, &s, what);
}

/* <T>?, async?, cancel?: 0x00 (absent) or 0x01 (present). */
static int
read_flag(struct cdefs *d, int *set, const char *what)
{
	uint8_t		 b;

	if (ws_read_u8(&d->r, &b, what) != 0)
		return -1;
	if (b > 1)
		return unknown(d, d->r.pos - 1, what, b);
	*set = b;
	return 0;
}

/* Opens one more component, instance or module type. */
static int
enter(struct cdefs *d, const uint8_t *at)
{
	if (d->depth >= WS_CTYPE_MAX_DEPTH)
		return ws_fail(&d->r, at, WS_ERR_LIMIT,
		    "types nested more than %d deep", WS_CTYPE_MAX_DEPTH);
	d->depth++;
	return 0;
}

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

/* --- core types: rec groups, subtypes, module types ---------------------- */

static int	core_type(struct cdefs *);

static int
core_valtypes(struct cdefs *d, const char *what)
{
	uint32_t	 n;

	if (ws_read_count(&d->r, &n, 1, what) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (core_rc(d, ws_read_valtype(&d->r, NULL, what)) != 0)
			return -1;
	return 0;
}

/* storagetype mut: a value type or packed i8 0x78 / i16 0x77, then 0/1. */
static int
core_fieldtype(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	int		 mut = 0;

	if (r->pos != r->end && (*r->pos == 0x78 || *r->pos == 0x77))
		r->pos++;
	else if (core_rc(d, ws_read_valtype(r, NULL, "field type")) != 0)
		return -1;
	return read_flag(d, &mut, "field mutability");
}

/* func 0x60, struct 0x5f, array 0x5e, cont 0x5d; 0x65 marks it shared. */
static int
core_comptype(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	uint8_t		 form;
	uint32_t	 n;

	if (ws_read_u8(r, &form, "core type form") != 0)
		return -1;
	if (form == 0x65 && ws_read_u8(r, &form, "core type form") != 0)
		return -1;
	switch (form) {
	case 0x60:
		return core_valtypes(d, "parameter types") != 0 ||
		    core_valtypes(d, "result types") != 0 ? -1 : 0;
	case 0x5f:
		if (ws_read_count(r, &n, 2, "struct field count") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++)
			if (core_fieldtype(d) != 0)
				return -1;
		return 0;
	case 0x5e:
		return core_fieldtype(d);
	case 0x5d:
		return read_idx(d, "continuation type index");
	default:
		return unknown(d, r->pos - 1, "core type form", form);
	}
}

/* sub 0x50 / sub final 0x4f with supertypes, or a bare composite type. */
static int
core_subtype(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	uint32_t	 n;

	if (r->pos != r->end && (*r->pos == 0x50 || *r->pos == 0x4f)) {
		r->pos++;
		if (ws_read_count(r, &n, 1, "supertype count") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++)
			if (read_idx(d, "supertype index") != 0)
				return -1;
	}
	return core_comptype(d);
}

/* core:externtype: func, table, memory, global, tag; 0x20 is an exact func. */
static int
core_externtype(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	struct ws_limits l;
	uint8_t		 kind, b;

	if (ws_read_u8(r, &kind, "core extern type") != 0)
		return -1;
	switch (kind) {
	case 0x00:
	case 0x20:
		return read_idx(d, "function type index");
	case 0x01:
		return core_rc(d, ws_read_reftype(r, NULL,
		    "table element type")) != 0 ||
		    core_rc(d, ws_parse_limits(r, &l, "table limits")) != 0 ?
		    -1 : 0;
	case 0x02:
		return core_rc(d, ws_parse_limits(r, &l, "memory limits"));
	case 0x03:
		if (core_rc(d, ws_read_valtype(r, NULL, "global type")) != 0 ||
		    ws_read_u8(r, &b, "global mutability") != 0)
			return -1;
		return (b & ~3) ? unknown(d, r->pos - 1, "global mutability",
		    b) : 0;
	case 0x04:
		if (ws_read_u8(r, &b, "tag attribute") != 0)
			return -1;
		if (b != 0)
			return unknown(d, r->pos - 1, "tag attribute", b);
		return read_idx(d, "tag type index");
	default:
		return unknown(d, r->pos - 1, "core extern type", kind);
	}
}

/* moduletype: 0x50 (already read) vec(moduledecl). */
static int
module_type(struct cdefs *d, const uint8_t *at)
{
	struct ws_reader *r = &d->r;
	uint32_t	 n;
	uint8_t		 b;
	int		 rc;

	if (enter(d, at) != 0 ||
	    ws_read_count(r, &n, 1, "module type declaration count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (ws_read_u8(r, &b, "module type declaration") != 0)
			return -1;
		switch (b) {
		case 0x00:	/* import */
			rc = read_str(d, "import module name") != 0 ||
			    read_str(d, "import field name") != 0 ||
			    core_externtype(d) != 0 ? -1 : 0;
			break;
		case 0x01:
			rc = core_type(d);
			break;
		case 0x02:	/* alias: type sort 0x10, outer 0x01 */
			if (ws_read_u8(r, &b, "core alias sort") != 0)
				return -1;
			if (b != 0x10)
				return unknown(d, r->pos - 1, "core alias sort",
				    b);
			if (ws_read_u8(r, &b, "core alias target") != 0)
				return -1;
			if (b != 0x01)
				return unknown(d, r->pos - 1,
				    "core alias target", b);
			rc = read_idx(d, "outer count") != 0 ||
			    read_idx(d, "outer index") != 0 ? -1 : 0;
			break;
		case 0x03:	/* export */
			rc = read_str(d, "export name") != 0 ||
			    core_externtype(d) != 0 ? -1 : 0;
			break;
		default:
			return unknown(d, r->pos - 1,
			    "module type declaration", b);
		}
		if (rc != 0)
			return -1;
	}
	d->depth--;
	return 0;
}

/*
 * core:type: 0x50 is a module type here, so a non-final sub is written
 * 0x00 0x50; otherwise a rec group 0x4e or a single subtype.
 */
static int
core_type(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	const uint8_t	*at = r->pos;
	uint32_t	 n;

	if (at == r->end)
		return ws_fail(r, at, WS_ERR_TRUNCATED,
		    "core type: unexpected end");
	switch (*at) {
	case 0x00:
		r->pos++;
		if (r->pos == r->end)
			return ws_fail(r, r->pos, WS_ERR_TRUNCATED,
			    "core type form: unexpected end");
		if (*r->pos != 0x50)
			return unknown(d, r->pos, "non-final sub type form",
			    *r->pos);
		return core_subtype(d);
	case 0x50:
		r->pos++;
		return module_type(d, at);
	case 0x4e:
		r->pos++;
		if (ws_read_count(r, &n, 1, "rec group size") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++)
			if (core_subtype(d) != 0)
				return -1;
		return 0;
	default:
		return core_subtype(d);
	}
}

/* --- component types ------------------------------------------------------ */

static int	deftype(struct cdefs *);
static int	alias(struct cdefs *);

/* bool 0x7f ... string 0x73, error-context 0x64 */
static int
is_primitive(uint8_t b)
{
	return (b >= 0x73 && b <= 0x7f) || b == 0x64;
}

/* valtype: a primitive type, or a type index as a non-negative s33. */
static int
valtype(struct cdefs *d, const char *what)
{
	struct ws_reader *r = &d->r;
	const uint8_t	*at = r->pos;
	int64_t		 v;

	if (at != r->end && is_primitive(*at)) {
		r->pos++;
		return 0;
	}
	if (ws_read_s33(r, &v, what) != 0)
		return -1;
	if (v < 0) {
		r->pos = at;
		return unknown(d, at, what, *at);
	}
	return 0;
}

static int
opt_valtype(struct cdefs *d, const char *what)
{
	int		 set = 0;

	if (read_flag(d, &set, what) != 0)
		return -1;
	return set ? valtype(d, what) : 0;
}

/* vec(labelvaltype): record fields, parameters, (old) named results. */
static int
labelvaltypes(struct cdefs *d, const char *count, const char *label)
{
	uint32_t	 n;

	if (ws_read_count(&d->r, &n, 2, count) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (read_str(d, label) != 0 || valtype(d, "value type") != 0)
			return -1;
	return 0;
}

static int
labels(struct cdefs *d, const char *count)
{
	uint32_t	 n;

	if (ws_read_count(&d->r, &n, 1, count) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (read_str(d, "label") != 0)
			return -1;
	return 0;
}

/* resultlist: 0x00 t, or 0x01 and (before 2024) named results, now none. */
static int
resultlist(struct cdefs *d)
{
	uint8_t		 b;

	if (ws_read_u8(&d->r, &b, "result list") != 0)
		return -1;
	if (b == 0x00)
		return valtype(d, "result type");
	if (b == 0x01)
		return labelvaltypes(d, "result count", "result name");
	return unknown(d, d->r.pos - 1, "result list", b);
}

/* defvaltype, its opcode b already read. */
static int
defvaltype(struct cdefs *d, uint8_t b)
{
	struct ws_reader *r = &d->r;
	uint32_t	 n;
	uint8_t		 end;

	switch (b) {
	case 0x72:	/* record */
		return labelvaltypes(d, "record field count", "field name");
	case 0x71:	/* variant */
		if (ws_read_count(r, &n, 3, "variant case count") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++) {
			if (read_str(d, "case name") != 0 ||
			    opt_valtype(d, "case type") != 0 ||
			    ws_read_u8(r, &end, "case end") != 0)
				return -1;
			/* 0x01 idx: `refines`, dropped from the format */
			if (end == 0x01 && read_idx(d, "case refines") != 0)
				return -1;
			if (end > 0x01)
				return unknown(d, r->pos - 1, "case end", end);
		}
		return 0;
	case 0x70:	/* list */
	case 0x6b:	/* option */
		return valtype(d, "element type");
	case 0x67:	/* fixed-length list */
		return valtype(d, "element type") != 0 ||
		    read_idx(d, "list length") != 0 ? -1 : 0;
	case 0x6f:	/* tuple */
		if (ws_read_count(r, &n, 1, "tuple size") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++)
			if (valtype(d, "tuple element type") != 0)
				return -1;
		return 0;
	case 0x6e:
		return labels(d, "flag count");
	case 0x6d:
		return labels(d, "enum case count");
	case 0x6a:	/* result */
		return opt_valtype(d, "ok type") != 0 ||
		    opt_valtype(d, "error type") != 0 ? -1 : 0;
	case 0x69:	/* own */
	case 0x68:	/* borrow */
		return read_idx(d, "resource type index");
	case 0x66:	/* stream */
	case 0x65:	/* future */
		return opt_valtype(d, "element type");
	case 0x63:	/* map */
		return valtype(d, "key type") != 0 ||
		    valtype(d, "value type") != 0 ? -1 : 0;
	default:
		if (is_primitive(b))
			return 0;
		return unknown(d, r->pos - 1, "type", b);
	}
}

/*
 * core:sort: func, table, memory, global, tag 0x00-0x04; type, module,
 * instance 0x10-0x12.
 */
static int
is_core_sort(uint8_t b)
{
	return b <= 0x04 || (b >= 0x10 && b <= 0x12);
}

/* sort: 0x00 and a core sort, or func, value, type, component, instance. */
static int
sort(struct cdefs *d, uint8_t *s, uint8_t *core)
{
	struct ws_reader *r = &d->r;

	*core = 0;
	if (ws_read_u8(r, s, "sort") != 0)
		return -1;
	if (*s > 0x05)
		return unknown(d, r->pos - 1, "sort", *s);
	if (*s != 0x00)
		return 0;
	if (ws_read_u8(r, core, "core sort") != 0)
		return -1;
	if (!is_core_sort(*core))
		return unknown(d, r->pos - 1, "core sort", *core);
	return 0;
}

static int
sortidx(struct cdefs *d, uint8_t *s, uint8_t *core)
{
	return sort(d, s, core) != 0 || read_idx(d, "index") != 0 ? -1 : 0;
}

/*
 * nameattributes: 0x00 or 0x01 (wasm-tools wrote 0x01 for interface names
 * until 2024) and the name, or 0x02, the name and vec(attribute):
 * implements 0x00, versionsuffix 0x01, external-id 0x02.
 */
static int
externname(struct cdefs *d, struct ws_span *name)
{
	struct ws_reader *r = &d->r;
	uint32_t	 n;
	uint8_t		 b;

	if (ws_read_u8(r, &b, "name form") != 0)
		return -1;
	if (b > 0x02)
		return unknown(d, r->pos - 1, "name form", b);
	if (ws_read_name(r, name, "name") != 0)
		return -1;
	if (b != 0x02)
		return 0;
	if (ws_read_count(r, &n, 2, "name attribute count") != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (ws_read_u8(r, &b, "name attribute") != 0)
			return -1;
		if (b > 0x02)
			return unknown(d, r->pos - 1, "name attribute", b);
		if (read_str(d, "name attribute value") != 0)
			return -1;
	}
	return 0;
}

/* externtype; stores the sort it describes. */
static int
externtype(struct cdefs *d, uint8_t *s, uint8_t *core)
{
	struct ws_reader *r = &d->r;
	uint8_t		 b;

	*core = 0;
	if (ws_read_u8(r, s, "extern type") != 0)
		return -1;
	switch (*s) {
	case 0x00:	/* core module: 0x00 0x11 */
		if (ws_read_u8(r, core, "core sort") != 0)
			return -1;
		if (*core != 0x11)
			return unknown(d, r->pos - 1,
			    "core sort in extern type", *core);
		return read_idx(d, "core type index");
	case 0x01:
	case 0x04:
	case 0x05:
		return read_idx(d, "type index");
	case 0x02:	/* value bound: eq i, or a value type */
		if (ws_read_u8(r, &b, "value bound") != 0)
			return -1;
		if (b == 0x00)
			return read_idx(d, "value index");
		if (b == 0x01)
			return valtype(d, "value type");
		return unknown(d, r->pos - 1, "value bound", b);
	case 0x03:	/* type bound: eq i, or sub resource */
		if (ws_read_u8(r, &b, "type bound") != 0)
			return -1;
		if (b == 0x00)
			return read_idx(d, "type index");
		return b == 0x01 ? 0 : unknown(d, r->pos - 1, "type bound", b);
	default:
		return unknown(d, r->pos - 1, "extern type", *s);
	}
}

/* componenttype 0x41 / instancetype 0x42 (already read): their decls. */
static int
decls(struct cdefs *d, int component, const uint8_t *at)
{
	struct ws_reader *r = &d->r;
	const char	*what = component ? "component type declaration" :
			    "instance type declaration";
	const char	*count = component ? "component type declaration "
			    "count" : "instance type declaration count";
	struct ws_span	 name;
	uint32_t	 n;
	uint8_t		 b, s, core;
	int		 rc;

	if (enter(d, at) != 0 || ws_read_count(r, &n, 1, count) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (ws_read_u8(r, &b, what) != 0)
			return -1;
		switch (b) {
		case 0x00:
			rc = core_type(d);
			break;
		case 0x01:
			rc = deftype(d);
			break;
		case 0x02:
			rc = alias(d);
			break;
		case 0x03:	/* import: component types only */
		case 0x04:	/* export */
			if (b == 0x03 && !component)
				return unknown(d, r->pos - 1, what, b);
			rc = externname(d, &name) != 0 ||
			    externtype(d, &s, &core) != 0 ? -1 : 0;
			break;
		default:
			return unknown(d, r->pos - 1, what, b);
		}
		if (rc != 0)
			return -1;
	}
	d->depth--;
	return 0;
}

/* type ::= deftype: resource, func, component, instance or value type. */
static int
deftype(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	const uint8_t	*at = r->pos;
	uint8_t		 b;
	int		 set = 0;

	if (ws_read_u8(r, &b, "type") != 0)
		return -1;
	switch (b) {
	case 0x3f:	/* resource: rep, dtor? */
		if (core_rc(d, ws_read_valtype(r, NULL, "resource rep")) != 0 ||
		    read_flag(d, &set, "resource destructor") != 0)
			return -1;
		return set ? read_idx(d, "destructor index") : 0;
	case 0x3e:	/* withdrawn: resource, async dtor, callback? */
		if (core_rc(d, ws_read_valtype(r, NULL, "resource rep")) != 0 ||
		    read_idx(d, "destructor index") != 0 ||
		    read_flag(d, &set, "destructor callback") != 0)
			return -1;
		return set ? read_idx(d, "callback index") : 0;
	case 0x40:	/* func */
	case 0x43:	/* async func */
		return labelvaltypes(d, "parameter count", "parameter name") !=
		    0 || resultlist(d) != 0 ? -1 : 0;
	case 0x41:
		return decls(d, 1, at);
	case 0x42:
		return decls(d, 0, at);
	default:
		return defvaltype(d, b);
	}
}

/* alias: sort, then export 0x00, core export 0x01 or outer 0x02. */
static int
alias(struct cdefs *d)
{
	struct ws_reader *r = &d->r;
	uint8_t		 s, core, target;

	if (sort(d, &s, &core) != 0 ||
	    ws_read_u8(r, &target, "alias target") != 0)
		return -1;
	switch (target) {
	case 0x00:
	case 0x01:
		return read_idx(d, "instance index") != 0 ||
		    read_str(d, "export name") != 0 ? -1 : 0;
	case 0x02:
		return read_idx(d, "outer count") != 0 ||
		    read_idx(d, "outer index") != 0 ? -1 : 0;
	default:
		return unknown(d, r->pos - 1, "alias target", target);
	}
}

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
		return resultlist(d) != 0 || canonopts(d) != 0 ? -1 : 0;
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
		if (form == 0x00 ? b != 0x12 : !is_core_sort(b))
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
		    externname(d, &name)) != 0 || sortidx(d, &s, &core) != 0)
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

	if (externname(d, &name) != 0 || externtype(d, &s, &core) != 0)
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

	if (externname(d, &name) != 0 || sortidx(d, &s, &core) != 0 ||
	    read_flag(d, &typed, "export type flag") != 0 ||
	    (typed && externtype(d, &ts, &tcore) != 0))
		return -1;
	return add_extern(d, at, name, s, core, 1);
}

/* value: its type and len bytes of value, not decoded further. */
static int
value(struct cdefs *d)
{
	uint32_t	 len;

	if (valtype(d, "value type") != 0 ||
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
	    core_type },
	[WS_CSEC_INSTANCE] = { "instance section", "instance count",
	    instance },
	[WS_CSEC_ALIAS] = { "alias section", "alias count", alias },
	[WS_CSEC_TYPE] = { "type section", "type count", deftype },
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

/* SPDX-License-Identifier: MIT */
/*
 * parse_ctypes.c - the types in a component's sections: core types (rec
 * groups, subtypes, module types) and component types (defvaltypes; func,
 * component and instance types with their declarations), and the sorts,
 * names and extern types in them.  Bounds the nesting of type declarators.
 */
#include <stdint.h>

#include "cdefs_impl.h"
#include "parse.h"
#include "valtype.h"

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

/* --- core types: rec groups, subtypes, module types ---------------------- */

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
			rc = ws_ctypes_core_type(d);
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
int
ws_ctypes_core_type(struct cdefs *d)
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

/* bool 0x7f ... string 0x73, error-context 0x64 */
static int
is_primitive(uint8_t b)
{
	return (b >= 0x73 && b <= 0x7f) || b == 0x64;
}

/* valtype: a primitive type, or a type index as a non-negative s33. */
int
ws_ctypes_valtype(struct cdefs *d, const char *what)
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
	return set ? ws_ctypes_valtype(d, what) : 0;
}

/* vec(labelvaltype): record fields, parameters, (old) named results. */
static int
labelvaltypes(struct cdefs *d, const char *count, const char *label)
{
	uint32_t	 n;

	if (ws_read_count(&d->r, &n, 2, count) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (read_str(d, label) != 0 ||
		    ws_ctypes_valtype(d, "value type") != 0)
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
int
ws_ctypes_resultlist(struct cdefs *d)
{
	uint8_t		 b;

	if (ws_read_u8(&d->r, &b, "result list") != 0)
		return -1;
	if (b == 0x00)
		return ws_ctypes_valtype(d, "result type");
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
		return ws_ctypes_valtype(d, "element type");
	case 0x67:	/* fixed-length list */
		return ws_ctypes_valtype(d, "element type") != 0 ||
		    read_idx(d, "list length") != 0 ? -1 : 0;
	case 0x6f:	/* tuple */
		if (ws_read_count(r, &n, 1, "tuple size") != 0)
			return -1;
		for (uint32_t i = 0; i < n; i++)
			if (ws_ctypes_valtype(d, "tuple element type") != 0)
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
		return ws_ctypes_valtype(d, "key type") != 0 ||
		    ws_ctypes_valtype(d, "value type") != 0 ? -1 : 0;
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
int
ws_ctypes_is_core_sort(uint8_t b)
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
	if (!ws_ctypes_is_core_sort(*core))
		return unknown(d, r->pos - 1, "core sort", *core);
	return 0;
}

int
ws_ctypes_sortidx(struct cdefs *d, uint8_t *s, uint8_t *core)
{
	return sort(d, s, core) != 0 || read_idx(d, "index") != 0 ? -1 : 0;
}

/*
 * nameattributes: 0x00 or 0x01 (wasm-tools wrote 0x01 for interface names
 * until 2024) and the name, or 0x02, the name and vec(attribute):
 * implements 0x00, versionsuffix 0x01, external-id 0x02.
 */
int
ws_ctypes_externname(struct cdefs *d, struct ws_span *name)
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
int
ws_ctypes_externtype(struct cdefs *d, uint8_t *s, uint8_t *core)
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
			return ws_ctypes_valtype(d, "value type");
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
			rc = ws_ctypes_core_type(d);
			break;
		case 0x01:
			rc = ws_ctypes_deftype(d);
			break;
		case 0x02:
			rc = ws_ctypes_alias(d);
			break;
		case 0x03:	/* import: component types only */
		case 0x04:	/* export */
			if (b == 0x03 && !component)
				return unknown(d, r->pos - 1, what, b);
			rc = ws_ctypes_externname(d, &name) != 0 ||
			    ws_ctypes_externtype(d, &s, &core) != 0 ? -1 : 0;
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
int
ws_ctypes_deftype(struct cdefs *d)
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
		    0 || ws_ctypes_resultlist(d) != 0 ? -1 : 0;
	case 0x41:
		return decls(d, 1, at);
	case 0x42:
		return decls(d, 0, at);
	default:
		return defvaltype(d, b);
	}
}

/* alias: sort, then export 0x00, core export 0x01 or outer 0x02. */
int
ws_ctypes_alias(struct cdefs *d)
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

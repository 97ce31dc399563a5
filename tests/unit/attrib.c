/* SPDX-License-Identifier: MIT */
/*
 * attrib.c - unit tests of parsing plus byte attribution on a module built
 * here byte by byte: every item's kind, offset, size and name, the sum, and
 * demangling of Rust legacy, Rust v0 and C++ names.
 */
#include <string.h>

#include "analysis/attrib.h"
#include "bytes.h"
#include "tap.h"
#include "wasm/module.h"

static void
put_section(struct buf *b, uint8_t id, const struct buf *payload)
{
	put_u8(b, id);
	put_uleb(b, (uint32_t)payload->n);
	put(b, payload->b, payload->n);
}

static const char *const mangled[3] = {
	"_ZN4core9panicking5panic17h0123456789abcdefE",
	"_RNvNtCs1234_4core9panicking9panic_fmt",
	"_ZN3foo3barEi",
};

static void
build(struct buf *m)
{
	struct buf p = { 0 }, names = { 0 };

	m->n = 0;
	put(m, "\0asm\1\0\0\0", 8);
	p.n = 0; put(&p, "\x01\x60\x00\x00", 4);		/* one type */
	put_section(m, WS_SEC_TYPE, &p);
	p.n = 0; put(&p, "\x04\x00\x00\x00\x00", 5);		/* 4 functions */
	put_section(m, WS_SEC_FUNCTION, &p);
	p.n = 0; put_u8(&p, 1); put_name(&p, "run"); put(&p, "\x00\x03", 2);
	put_section(m, WS_SEC_EXPORT, &p);
	p.n = 0; put_u8(&p, 4);
	for (int i = 0; i < 4; i++)
		put(&p, "\x02\x00\x0b", 3);			/* empty bodies */
	put_section(m, WS_SEC_CODE, &p);
	names.n = 0; put_u8(&names, 3);
	for (int i = 0; i < 3; i++) {
		put_u8(&names, (uint8_t)i);
		put_name(&names, mangled[i]);
	}
	p.n = 0; put_name(&p, "name"); put_u8(&p, 1);	/* function names */
	put_uleb(&p, (uint32_t)names.n); put(&p, names.b, names.n);
	put_section(m, WS_SEC_CUSTOM, &p);
	buf_free(&p);
	buf_free(&names);
}

static int
is(const struct ws_item *it, uint8_t kind, size_t off, size_t size,
    const char *name)
{
	return it->kind == kind && it->off == off && it->size == size &&
	    it->name.len == strlen(name) &&
	    memcmp(it->name.s, name, it->name.len) == 0;
}

int
main(void)
{
	struct buf	 m = { 0 };
	struct ws_diag	 d = { 0 };
	struct ws_module mod;
	struct ws_attrib a;
	const struct ws_item *it;

	build(&m);
	ok(m.n == 156, "module is 156 bytes");
	ok(ws_module_parse(&mod, m.b, (struct ws_span){ 0, m.n }, &d) == 0,
	    "parses: %s", d.text);
	ok(ws_attrib_build(&a, &mod, 1, &d) == 0, "attributes: %s", d.text);
	ok(a.n == 14 && a.total == m.n, "14 items add up to %zu", a.total);
	it = a.items;
	ok(is(&it[0], WS_ENT_HEADER, 0, 8, "preamble"), "preamble");
	ok(is(&it[1], WS_ENT_OVERHEAD, 8, 3, "type section header"),
	    "type section: id, size, count");
	ok(is(&it[2], WS_ENT_TYPE, 11, 3, "type[0]"), "type[0]");
	ok(is(&it[3], WS_ENT_OVERHEAD, 14, 3, "function section header"),
	    "function section header");
	ok(is(&it[4], WS_ENT_FUNC_DECLS, 17, 4, "function declarations"),
	    "function declarations");
	ok(is(&it[5], WS_ENT_OVERHEAD, 21, 3, "export section header"),
	    "export section header");
	ok(is(&it[6], WS_ENT_EXPORT, 24, 6, "run"), "export run");
	ok(is(&it[7], WS_ENT_OVERHEAD, 30, 3, "code section header"),
	    "code section header");
	ok(is(&it[8], WS_ENT_FUNCTION, 33, 3, "core::panicking::panic") &&
	    it[8].raw_name.len == strlen(mangled[0]),
	    "Rust legacy demangled, hash dropped: %.*s", (int)it[8].name.len,
	    it[8].name.s);
	ok(is(&it[9], WS_ENT_FUNCTION, 36, 3, "core::panicking::panic_fmt"),
	    "Rust v0 demangled: %.*s", (int)it[9].name.len, it[9].name.s);
	ok(is(&it[10], WS_ENT_FUNCTION, 39, 3, "foo::bar(int)"),
	    "C++ demangled: %.*s", (int)it[10].name.len, it[10].name.s);
	ok(is(&it[11], WS_ENT_FUNCTION, 42, 3, "func[3] (export run)"),
	    "unnamed exported function: %.*s", (int)it[11].name.len,
	    it[11].name.s);
	ok(is(&it[12], WS_ENT_OVERHEAD, 45, 7, "name section header"),
	    "name section: id, size, \"name\"");
	ok(is(&it[13], WS_ENT_NAME_SUB, 52, 104, "function names"),
	    "function names subsection");
	ws_attrib_free(&a);

	ok(ws_attrib_build(&a, &mod, 0, &d) == 0 &&
	    is(&a.items[8], WS_ENT_FUNCTION, 33, 3, mangled[0]) &&
	    a.items[8].raw_name.s == NULL, "--no-demangle keeps raw names");
	ws_attrib_free(&a);
	ws_module_free(&mod);

	/* a body one byte short of its declared size */
	m.b[33] = 0x03;
	memset(&d, 0, sizeof d);
	int rc = ws_module_parse(&mod, m.b, (struct ws_span){ 0, m.n }, &d);
	ok(rc == -1 && d.offset == 36,
	    "body running into the next one fails at 0x%zx: %s", d.offset,
	    d.text);
	ws_module_free(&mod);
	buf_free(&m);
	return tap_done();
}

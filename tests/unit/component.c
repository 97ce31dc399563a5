/* SPDX-License-Identifier: MIT */
/*
 * component.c - unit tests of the component sections' decoding
 * (parse_cdefs.c) on components assembled byte by byte: counts, imports
 * and exports with their names, sorts and spans, every section kind with
 * several forms each; truncation, trailing bytes, unknown opcodes (noted,
 * not fatal) and types nested too deep.
 */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "tap.h"
#include "wasm/component.h"

static void
preamble(struct buf *o)
{
	o->n = 0;
	PUT(o, 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00);
}

/* A section with a 2-byte size field, patched by sec_end(). */
static size_t
sec_begin(struct buf *o, uint8_t id)
{
	PUT(o, id, 0x80, 0x00);
	return o->n - 2;
}

static void
sec_end(struct buf *o, size_t at)
{
	size_t	 len = o->n - at - 2;

	if (len >= 1 << 14)
		abort();
	o->b[at] = (uint8_t)(0x80 | (len & 0x7f));
	o->b[at + 1] = (uint8_t)(len >> 7);
}

static int
parse(const struct buf *o, struct ws_component *c, struct ws_diag *d)
{
	memset(d, 0, sizeof *d);
	return ws_component_parse(c, o->b, (struct ws_span){ 0, o->n }, 0, d);
}

static const struct ws_section *
section(const struct ws_component *c, uint8_t id)
{
	for (size_t i = 0; i < c->nsections; i++)
		if (c->sections[i].id == id)
			return &c->sections[i];
	return NULL;
}

static int
counted(const struct ws_component *c, uint8_t id, uint32_t n)
{
	const struct ws_section *s = section(c, id);

	return s != NULL && s->has_count && s->count == n;
}

static int
name_is(const struct ws_component *c, struct ws_span sp, const char *s)
{
	return sp.len == strlen(s) && memcmp(c->base + sp.off, s, sp.len) == 0;
}

struct want {
	const char	*name;
	uint8_t		 sort, core_sort, is_export;
	size_t		 off, len;	/* the entry */
};

static void
check_externs(const struct ws_component *c, const struct want *w, size_t n,
    const char *what)
{
	int	 good = c->nexterns == n;

	ok(good, "%s: %zu externs (%zu)", what, n, c->nexterns);
	for (size_t i = 0; good && i < n; i++) {
		const struct ws_cextern *e = &c->externs[i];

		ok(name_is(c, e->name, w[i].name) && e->sort == w[i].sort &&
		    e->core_sort == w[i].core_sort &&
		    e->is_export == w[i].is_export &&
		    e->whole.off == w[i].off && e->whole.len == w[i].len &&
		    c->sections[e->section].id == (w[i].is_export ?
		    WS_CSEC_EXPORT : WS_CSEC_IMPORT),
		    "%s: %s %s \"%s\" at 0x%zx+%zu", what, w[i].is_export ?
		    "export" : "import", ws_csort_name(w[i].sort,
		    w[i].core_sort), w[i].name, w[i].off, w[i].len);
	}
}

/* Every section kind, several forms of each. */
static void
test_all_sections(void)
{
	static struct buf o;
	struct ws_component c;
	struct ws_diag	 d;
	int		 rc;
	struct want	 w[16];
	size_t		 s, nw = 0, at;

	preamble(&o);

	s = sec_begin(&o, WS_CSEC_CORE_INSTANCE);
	PUT(&o, 0x03,
	    /* instantiate module 0 with "env" = core instance 0 */
	    0x00, 0x00, 0x01, 0x03, 'e', 'n', 'v', 0x12, 0x00,
	    0x01, 0x02, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00,
	    0x01, 'f', 0x00, 0x01,				/* exports */
	    0x01, 0x01, 0x01, 't', 0x10, 0x00);
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_CORE_TYPE);
	PUT(&o, 0x05,
	    0x60, 0x01, 0x7f, 0x01, 0x7e,		/* func [i32] [i64] */
	    0x00, 0x50, 0x00, 0x5f, 0x01, 0x7f, 0x01,	/* 0x00 0x50: sub */
	    0x4e, 0x02, 0x4f, 0x00, 0x5e, 0x78, 0x00,	/* rec: array i8 */
	    0x60, 0x00, 0x00,				/*      func */
	    0x50, 0x05,					/* module type */
	    0x00, 0x03, 'e', 'n', 'v', 0x01, 'f', 0x00, 0x00,	/* import */
	    0x01, 0x60, 0x00, 0x00,				/* type */
	    0x02, 0x10, 0x01, 0x01, 0x00,			/* alias */
	    0x03, 0x03, 'm', 'e', 'm', 0x02, 0x00, 0x01,	/* export */
	    0x03, 0x01, 'g', 0x03, 0x7f, 0x01,			/* export */
	    0x65, 0x60, 0x00, 0x00);			/* shared func */
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_INSTANCE);
	PUT(&o, 0x02,
	    0x00, 0x00, 0x02, 0x01, 'a', 0x01, 0x02,	/* instantiate */
	    0x01, 'b', 0x00, 0x11, 0x00,
	    0x01, 0x02, 0x00, 0x01, 'x', 0x01, 0x00,	/* exports */
	    0x02, 0x01, 'y', 0x01, 0x01, 0x02, '.', '1', 0x05, 0x01);
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_ALIAS);
	PUT(&o, 0x03,
	    0x01, 0x00, 0x00, 0x01, 'f',		/* export */
	    0x00, 0x00, 0x01, 0x00, 0x01, 'g',		/* core export */
	    0x03, 0x02, 0x01, 0x00);			/* outer */
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_TYPE);
	PUT(&o, 21,
	    0x73,					/* string */
	    0x72, 0x01, 0x01, 'a', 0x79,		/* record */
	    0x71, 0x02, 0x04, 'n', 'o', 'n', 'e', 0x00, 0x00,	/* variant */
	    0x04, 's', 'o', 'm', 'e', 0x01, 0x7d, 0x00,
	    0x70, 0x7d,					/* list */
	    0x67, 0x79, 0x04,				/* fixed list */
	    0x6f, 0x02, 0x7f, 0x00,			/* tuple */
	    0x6e, 0x02, 0x01, 'r', 0x01, 'w',		/* flags */
	    0x6d, 0x01, 0x01, 'e',			/* enum */
	    0x6b, 0x73,					/* option */
	    0x6a, 0x01, 0x79, 0x00,			/* result */
	    0x69, 0x00, 0x68, 0x00,			/* own, borrow */
	    0x66, 0x00, 0x65, 0x01, 0x73,		/* stream, future */
	    0x63, 0x73, 0x79,				/* map */
	    0x64,					/* error-context */
	    0x3f, 0x7f, 0x01, 0x05,			/* resource */
	    0x40, 0x01, 0x01, 'x', 0x7a, 0x00, 0x73,	/* func */
	    0x43, 0x00, 0x01, 0x00,			/* async func */
	    0x41, 0x03,					/* component type */
	    0x03, 0x00, 0x0a, 'w', 'a', 's', 'i', ':', 'x', '/', 'y', '@', '1',
	    0x05, 0x00,
	    0x01, 0x42, 0x01, 0x04, 0x00, 0x01, 'f', 0x01, 0x00,
	    0x04, 0x00, 0x01, 'i', 0x05, 0x01,
	    0x42, 0x04,					/* instance type */
	    0x00, 0x60, 0x00, 0x00,
	    0x02, 0x03, 0x02, 0x01, 0x00,
	    0x01, 0x70, 0x79,
	    0x04, 0x00, 0x01, 'r', 0x03, 0x01);
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_CANON);
	PUT(&o, 17,
	    /* lift core func 0, utf8 (memory 0) (realloc 1), type 2 */
	    0x00, 0x00, 0x00, 0x03, 0x00, 0x03, 0x00, 0x04, 0x01, 0x02,
	    0x01, 0x00, 0x01, 0x02, 0x06, 0x07, 0x03,	/* lower */
	    0x02, 0x00, 0x03, 0x00, 0x04, 0x00,		/* resource.* */
	    0x09, 0x01, 0x00, 0x00,			/* task.return */
	    0x0a, 0x7f, 0x00,				/* context.get */
	    0x20, 0x00, 0x00,				/* waitable-set.wait */
	    0x0f, 0x01, 0x01, 0x01,			/* stream.read */
	    0x18, 0x01, 0x01,				/* future.cancel-read */
	    0x1c, 0x00,					/* error-context.new */
	    0x27, 0x00, 0x00,				/* new-indirect */
	    0x24,					/* backpressure.inc */
	    0x0c, 0x00,					/* thread.yield */
	    0x41, 0x00, 0x00,				/* spawn-indirect */
	    0x07, 0x00,					/* drop async */
	    0x08);					/* backpressure.set */
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_START);
	PUT(&o, 0x00, 0x02, 0x00, 0x01, 0x01);
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_IMPORT);
	PUT(&o, 7);
	at = o.n;
	PUT(&o, 0x00);
	put_name(&o, "wasi:cli/environment@0.2.3");
	PUT(&o, 0x05, 0x00);
	w[nw++] = (struct want){ "wasi:cli/environment@0.2.3", 0x05, 0, 0,
	    at, o.n - at };
	at = o.n;
	PUT(&o, 0x01);			/* wasm-tools' old interface form */
	put_name(&o, "wasi:io/streams@0.2.0");
	PUT(&o, 0x05, 0x01);
	w[nw++] = (struct want){ "wasi:io/streams@0.2.0", 0x05, 0, 0, at,
	    o.n - at };
	at = o.n;
	PUT(&o, 0x02, 0x01, 'a', 0x03,	/* three attributes */
	    0x00, 0x01, 'I', 0x01, 0x02, '.', '1', 0x02, 0x02, 'i', 'd',
	    0x01, 0x02);
	w[nw++] = (struct want){ "a", 0x01, 0, 0, at, o.n - at };
	at = o.n;
	PUT(&o, 0x00, 0x03, 'm', 'o', 'd', 0x00, 0x11, 0x03);
	w[nw++] = (struct want){ "mod", 0x00, 0x11, 0, at, o.n - at };
	at = o.n;
	PUT(&o, 0x00, 0x01, 'v', 0x02, 0x01, 0x73);
	w[nw++] = (struct want){ "v", 0x02, 0, 0, at, o.n - at };
	at = o.n;
	PUT(&o, 0x00, 0x01, 'T', 0x03, 0x01);
	w[nw++] = (struct want){ "T", 0x03, 0, 0, at, o.n - at };
	at = o.n;
	PUT(&o, 0x00, 0x01, 'c', 0x04, 0x00);
	w[nw++] = (struct want){ "c", 0x04, 0, 0, at, o.n - at };
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_EXPORT);
	PUT(&o, 3);
	at = o.n;
	PUT(&o, 0x00, 0x03, 'r', 'u', 'n', 0x01, 0x00, 0x00);
	w[nw++] = (struct want){ "run", 0x01, 0, 1, at, o.n - at };
	at = o.n;
	PUT(&o, 0x01, 0x05, 'i', 'f', 'a', 'c', 'e', 0x05, 0x00,
	    0x01, 0x05, 0x01);		/* with its type */
	w[nw++] = (struct want){ "iface", 0x05, 0, 1, at, o.n - at };
	at = o.n;
	PUT(&o, 0x00, 0x01, 'm', 0x00, 0x11, 0x00, 0x00);
	w[nw++] = (struct want){ "m", 0x00, 0x11, 1, at, o.n - at };
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_VALUE);
	PUT(&o, 0x03,
	    0x73, 0x04, 0x03, 'a', 'b', 'c',		/* string */
	    0x79, 0x01, 0x05,				/* u32 */
	    0x00, 0x02, 0x01, 0x02);			/* type 0 */
	sec_end(&o, s);

	s = sec_begin(&o, WS_CSEC_COMPONENT);		/* imports its own */
	PUT(&o, 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00,
	    0x0a, 0x06, 0x01, 0x00, 0x01, 'n', 0x01, 0x00,
	    0x0b, 0x07, 0x01, 0x00, 0x01, 'o', 0x01, 0x00, 0x00);
	sec_end(&o, s);

	rc = parse(&o, &c, &d);
	ok(rc == 0, "all sections: parses (%s)", d.text);
	ok(counted(&c, WS_CSEC_CORE_INSTANCE, 3), "core instance count 3");
	ok(counted(&c, WS_CSEC_CORE_TYPE, 5), "core type count 5");
	ok(counted(&c, WS_CSEC_INSTANCE, 2), "instance count 2");
	ok(counted(&c, WS_CSEC_ALIAS, 3), "alias count 3");
	ok(counted(&c, WS_CSEC_TYPE, 21), "type count 21");
	ok(counted(&c, WS_CSEC_CANON, 17), "canon count 17");
	ok(counted(&c, WS_CSEC_START, 1), "start count 1");
	ok(counted(&c, WS_CSEC_IMPORT, 7), "import count 7");
	ok(counted(&c, WS_CSEC_EXPORT, 3), "export count 3");
	ok(counted(&c, WS_CSEC_VALUE, 3), "value count 3");
	ok(!section(&c, WS_CSEC_COMPONENT)->has_count,
	    "a component section has no count");
	ok(c.undecoded.code == WS_OK, "nothing undecoded (%s)",
	    c.undecoded.text);
	check_externs(&c, w, nw, "all sections");
	ok(c.nnested == 1 && c.nested[0].component->nexterns == 2 &&
	    name_is(&c, c.nested[0].component->externs[0].name, "n") &&
	    !c.nested[0].component->externs[0].is_export &&
	    name_is(&c, c.nested[0].component->externs[1].name, "o") &&
	    c.nested[0].component->externs[1].is_export,
	    "a nested component has its own imports and exports");
	ws_component_free(&c);
}

/* One of each error; exact offset and message. */
static void
test_errors(void)
{
	static struct buf o;
	struct ws_component c;
	struct ws_diag	 d;
	int		 rc;

	preamble(&o);	/* canon: entry 1 (lift) ends before its options */
	PUT(&o, 0x08, 0x06, 0x02, 0x02, 0x00, 0x00, 0x00, 0x05,
	    0x0b, 0x01, 0x00);
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.code == WS_ERR_TRUNCATED &&
	    d.offset == 0x10 && strcmp(d.text, "canon section: entry 1 runs "
	    "past the section end (canon option count: truncated LEB128)") ==
	    0, "truncated canon entry: 0x%zx: %s", d.offset, d.text);
	ws_component_free(&c);

	preamble(&o);	/* import: a name longer than what is left */
	PUT(&o, 0x0a, 0x05, 0x01, 0x00, 0x05, 'a', 'b');
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.code == WS_ERR_TRUNCATED &&
	    d.offset == 0x0c && strcmp(d.text, "import section: entry 0 runs "
	    "past the section end (name: length 5 runs past the end)") == 0,
	    "truncated import name: 0x%zx: %s", d.offset, d.text);
	ws_component_free(&c);

	preamble(&o);	/* import: one byte after the last entry */
	PUT(&o, 0x0a, 0x07, 0x01, 0x00, 0x01, 'a', 0x01, 0x00, 0xff);
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.code == WS_ERR_MALFORMED &&
	    d.offset == 0x10 &&
	    strcmp(d.text, "import section: 1 trailing bytes") == 0,
	    "trailing bytes: 0x%zx: %s", d.offset, d.text);
	ws_component_free(&c);

	preamble(&o);	/* alias: an outer count of six LEB bytes */
	PUT(&o, 0x06, 0x09, 0x01, 0x03, 0x02, 0x80, 0x80, 0x80, 0x80, 0x80,
	    0x00);
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.code == WS_ERR_LEB &&
	    d.offset == 0x0d && strcmp(d.text, "alias section: entry 0: "
	    "outer count: LEB128 exceeds 32 bits") == 0,
	    "bad LEB: 0x%zx: %s", d.offset, d.text);
	ws_component_free(&c);

	preamble(&o);	/* canon: 5 entries in 1 byte */
	PUT(&o, 0x08, 0x02, 0x05, 0x00);
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.offset == 0x0a &&
	    strcmp(d.text, "canon section: canon count 5 does not fit in the "
	    "1 bytes left") == 0, "count too big: 0x%zx: %s", d.offset,
	    d.text);
	ws_component_free(&c);

	preamble(&o);	/* start: no result count */
	PUT(&o, 0x09, 0x02, 0x00, 0x00);
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.offset == 0x0c &&
	    strcmp(d.text, "start section runs past the section end (result "
	    "count: truncated LEB128)") == 0, "truncated start: 0x%zx: %s",
	    d.offset, d.text);
	ws_component_free(&c);
}

/* Unknown opcodes: noted where they are, the file still parses. */
static void
test_undecoded(void)
{
	static struct buf o;
	struct ws_component c;
	struct ws_diag	 d;
	int		 rc;

	preamble(&o);
	PUT(&o, 0x08, 0x06, 0x03, 0x02, 0x00, 0x7e, 0x03, 0x00,	/* canon */
	    0x0a, 0x0b, 0x02, 0x00, 0x01, 'a', 0x01, 0x00,	/* import */
	    0x03, 0x01, 'b', 0x01, 0x00,
	    0x0b, 0x07, 0x01, 0x00, 0x01, 'r', 0x01, 0x00, 0x00); /* export */
	rc = parse(&o, &c, &d);
	ok(rc == 0, "unknown opcode: the file parses (%s)",
	    d.text);
	ok(c.undecoded.code != WS_OK && c.undecoded.offset == 0x0d &&
	    strcmp(c.undecoded.text, "canon section: entry 1: unknown canon "
	    "opcode 0x7e") == 0, "undecoded: 0x%zx: %s", c.undecoded.offset,
	    c.undecoded.text);
	ok(counted(&c, WS_CSEC_CANON, 3) && counted(&c, WS_CSEC_IMPORT, 2) &&
	    counted(&c, WS_CSEC_EXPORT, 1), "counts as declared");
	ok(c.nexterns == 2 && name_is(&c, c.externs[0].name, "a") &&
	    name_is(&c, c.externs[1].name, "r") && c.externs[1].is_export,
	    "imports before an unknown name form stay; later sections decode");
	ok(c.nexterns == 2 && c.externs[0].whole.off == 19 &&
	    c.externs[0].whole.len == 5 && c.externs[0].name.off == 21 &&
	    c.externs[1].whole.off == 32 && c.externs[1].whole.len == 6 &&
	    c.externs[1].name.off == 34 && c.externs[1].section == 2,
	    "their spans, absolute");
	ws_component_free(&c);

	preamble(&o);	/* in a nested component: noted there and here */
	PUT(&o, 0x04, 0x10, 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00,
	    0x08, 0x02, 0x01, 0x50,
	    0x08, 0x02, 0x01, 0x51);
	rc = parse(&o, &c, &d);
	ok(rc == 0 && c.nnested == 1 &&
	    c.nested[0].component->undecoded.offset == 0x15 &&
	    c.undecoded.offset == 0x15 && strcmp(c.undecoded.text,
	    "canon section: entry 0: unknown canon opcode 0x50") == 0,
	    "nested unknown opcode: 0x%zx: %s", c.undecoded.offset,
	    c.undecoded.text);
	ws_component_free(&c);

	preamble(&o);	/* an unknown extern type inside an instance type */
	PUT(&o, 0x07, 0x08, 0x01, 0x42, 0x01, 0x04, 0x00, 0x01, 'x', 0x09);
	rc = parse(&o, &c, &d);
	ok(rc == 0 && c.undecoded.offset == 0x11 &&
	    strcmp(c.undecoded.text, "type section: entry 0: unknown extern "
	    "type 0x09") == 0, "nested unknown: 0x%zx: %s",
	    c.undecoded.offset, c.undecoded.text);
	ws_component_free(&c);

	preamble(&o);	/* a value type beyond the known primitives */
	PUT(&o, 0x07, 0x03, 0x01, 0x70, 0x60);
	rc = parse(&o, &c, &d);
	ok(rc == 0 && c.undecoded.offset == 0x0c &&
	    strcmp(c.undecoded.text, "type section: entry 0: unknown element "
	    "type 0x60") == 0, "unknown value type: 0x%zx: %s",
	    c.undecoded.offset, c.undecoded.text);
	ws_component_free(&c);

	preamble(&o);	/* a name form beyond 0x02 */
	PUT(&o, 0x0b, 0x06, 0x01, 0x03, 0x01, 'r', 0x01, 0x00);
	rc = parse(&o, &c, &d);
	ok(rc == 0 && c.undecoded.offset == 0x0b &&
	    c.nexterns == 0 && strcmp(c.undecoded.text, "export section: "
	    "entry 0: unknown name form 0x03") == 0,
	    "unknown name form: 0x%zx: %s", c.undecoded.offset,
	    c.undecoded.text);
	ws_component_free(&c);
}

/*
 * A type section of one entry: `levels` of (open 0x01 0x01), a type that
 * holds one type, around (open 0x00), an empty one: levels + 1 deep.
 */
static void
nest(struct buf *o, uint8_t id, uint8_t open, size_t levels)
{
	size_t	 s = sec_begin(o, id);

	PUT(o, 0x01);
	for (size_t i = 0; i < levels; i++)
		PUT(o, open, 0x01, 0x01);
	PUT(o, open, 0x00);
	sec_end(o, s);
}

static void
test_depth(void)
{
	static struct buf o;
	struct ws_component c;
	struct ws_diag	 d;
	int		 rc;

	preamble(&o);
	nest(&o, WS_CSEC_TYPE, 0x42, WS_CTYPE_MAX_DEPTH - 1);
	nest(&o, WS_CSEC_CORE_TYPE, 0x50, WS_CTYPE_MAX_DEPTH - 1);
	rc = parse(&o, &c, &d);
	ok(rc == 0 && counted(&c, WS_CSEC_TYPE, 1) &&
	    counted(&c, WS_CSEC_CORE_TYPE, 1),
	    "instance and module types %d deep: fine (%s)",
	    WS_CTYPE_MAX_DEPTH, d.text);
	ws_component_free(&c);

	preamble(&o);
	nest(&o, WS_CSEC_TYPE, 0x42, 40);
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.code == WS_ERR_LIMIT &&
	    d.offset == 12 + 3 * WS_CTYPE_MAX_DEPTH &&
	    strcmp(d.text, "type section: entry 0: types nested more than 32 "
	    "deep") == 0, "instance types 40 deep: 0x%zx: %s", d.offset,
	    d.text);
	ws_component_free(&c);

	preamble(&o);
	nest(&o, WS_CSEC_CORE_TYPE, 0x50, 40);
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.code == WS_ERR_LIMIT &&
	    strcmp(d.text, "core type section: entry 0: types nested more "
	    "than 32 deep") == 0, "module types 40 deep: %s", d.text);
	ws_component_free(&c);

	preamble(&o);		/* too big for the stack, were it recursion */
	nest(&o, WS_CSEC_TYPE, 0x42, 5000);
	rc = parse(&o, &c, &d);
	ok(rc == -1 && d.code == WS_ERR_LIMIT,
	    "instance types 5000 deep: %s", d.text);
	ws_component_free(&c);
}

static void
test_sort_names(void)
{
	ok(strcmp(ws_csort_name(0x01, 0), "func") == 0 &&
	    strcmp(ws_csort_name(0x02, 0), "value") == 0 &&
	    strcmp(ws_csort_name(0x03, 0), "type") == 0 &&
	    strcmp(ws_csort_name(0x04, 0), "component") == 0 &&
	    strcmp(ws_csort_name(0x05, 0), "instance") == 0,
	    "sort names");
	ok(strcmp(ws_csort_name(0x00, 0x00), "core func") == 0 &&
	    strcmp(ws_csort_name(0x00, 0x04), "core tag") == 0 &&
	    strcmp(ws_csort_name(0x00, 0x11), "core module") == 0 &&
	    strcmp(ws_csort_name(0x00, 0x12), "core instance") == 0,
	    "core sort names");
	ok(strcmp(ws_csort_name(0x06, 0), "unknown") == 0 &&
	    strcmp(ws_csort_name(0x00, 0x05), "unknown") == 0,
	    "unknown sorts");
}

int
main(void)
{
	test_all_sections();
	test_errors();
	test_undecoded();
	test_depth();
	test_sort_names();
	return tap_done();
}

/* SPDX-License-Identifier: MIT */
/*
 * attrib.c - items from the entries of a module: names from the name
 * section (demangled where mangled), from exports and imports as written,
 * generated names otherwise; and the check that the items tile the module.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "demangle.h"

static const char *const kind_names[WS_ENT_MAX] = {
	[WS_ENT_HEADER] = "header",
	[WS_ENT_OVERHEAD] = "section-overhead",
	[WS_ENT_TYPE] = "type",
	[WS_ENT_IMPORT] = "import",
	[WS_ENT_FUNC_DECLS] = "func-decls",
	[WS_ENT_TABLE] = "table",
	[WS_ENT_MEMORY] = "memory",
	[WS_ENT_GLOBAL] = "global",
	[WS_ENT_EXPORT] = "export",
	[WS_ENT_START] = "start",
	[WS_ENT_ELEMENT] = "element",
	[WS_ENT_FUNCTION] = "function",
	[WS_ENT_DATA] = "data",
	[WS_ENT_DATACOUNT] = "datacount",
	[WS_ENT_TAG] = "tag",
	[WS_ENT_CUSTOM] = "custom",
	[WS_ENT_NAME_SUB] = "name-subsection",
	[WS_ENT_UNKNOWN] = "unknown-section",
};

static const char *const name_subsections[] = {
	"module name", "function names", "local names", "label names",
	"type names", "table names", "memory names", "global names",
	"elem names", "data names", "field names", "tag names",
};

const char *
ws_item_kind_name(uint8_t kind)
{
	return kind < WS_ENT_MAX ? kind_names[kind] : "unknown";
}

struct namer {
	const struct ws_module	*m;
	struct ws_attrib	*a;
	int			 demangle;
};

static struct ws_str
str(const char *s)
{
	return (struct ws_str){ s, s != NULL ? strlen(s) : 0 };
}

static struct ws_str
span_str(const struct ws_module *m, struct ws_span sp)
{
	return (struct ws_str){ (const char *)m->base + sp.off, sp.len };
}

/* A name from the file: demangled into item->name when mangled. */
static void
set_file_name(struct namer *nm, struct ws_item *it, struct ws_span sp)
{
	struct ws_str	 raw = span_str(nm->m, sp);
	const char	*d = ws_demangle(&nm->a->names, raw.s, raw.len);

	it->name = raw;
	it->sym = d != NULL ? str(d) : raw;
	it->mangled = d != NULL;
	it->named = 1;
	if (d != NULL && nm->demangle) {
		it->name = it->sym;
		it->raw_name = raw;
	}
}

static const struct ws_object *
object_of(const struct ws_module *m, uint8_t kind, uint32_t index)
{
	const struct ws_objects *space;

	switch (kind) {
	case WS_ENT_TABLE: space = &m->tables; break;
	case WS_ENT_MEMORY: space = &m->memories; break;
	case WS_ENT_GLOBAL: space = &m->globals; break;
	case WS_ENT_ELEMENT: space = &m->elems; break;
	case WS_ENT_DATA: space = &m->datas; break;
	case WS_ENT_TAG: space = &m->tags; break;
	default: return NULL;
	}
	return index < space->n ? &space->v[index] : NULL;
}

/* "a" sep "b" in the arena, for names that hold bytes from the file. */
static struct ws_str
join(struct ws_strbuf *sb, struct ws_str a, const char *sep, struct ws_str b)
{
	size_t	 seplen = strlen(sep), len = a.len + seplen + b.len;
	char	*buf;
	const char *res;

	if ((buf = malloc(len + 1)) == NULL)
		return str(NULL);
	memcpy(buf, a.s, a.len);
	memcpy(buf + a.len, sep, seplen);
	memcpy(buf + a.len + seplen, b.s, b.len);
	res = ws_strbuf_add(sb, buf, len);
	free(buf);
	return (struct ws_str){ res, res != NULL ? len : 0 };
}

static void
name_function(struct namer *nm, struct ws_item *it)
{
	const struct ws_module	*m = nm->m;
	const struct ws_func	*f = &m->funcs.v[it->index];
	struct ws_str		 prefix;

	if (f->name.len > 0) {
		set_file_name(nm, it, f->name);
		return;
	}
	prefix = str(ws_strbuf_printf(&nm->a->names, f->export != UINT32_MAX ?
	    "func[%u] (export " : "func[%u]", it->index));
	if (f->export == UINT32_MAX) {
		it->name = prefix;
		return;
	}
	it->name = join(&nm->a->names, prefix, "",
	    span_str(m, m->exports.v[f->export].name));
	it->name = join(&nm->a->names, it->name, ")", str(""));
}

/* Tables, memories, globals, segments and tags: their name or kind[N]. */
static void
name_object(struct namer *nm, struct ws_item *it)
{
	const struct ws_object	*o = object_of(nm->m, it->kind, it->index);
	static const char *const short_names[WS_ENT_MAX] = {
		[WS_ENT_TABLE] = "table", [WS_ENT_MEMORY] = "memory",
		[WS_ENT_GLOBAL] = "global", [WS_ENT_ELEMENT] = "elem",
		[WS_ENT_DATA] = "data", [WS_ENT_TAG] = "tag",
	};

	if (o != NULL && o->name.len > 0)
		set_file_name(nm, it, o->name);
	else
		it->name = str(ws_strbuf_printf(&nm->a->names, "%s[%u]",
		    short_names[it->kind], it->index));
}

static void
name_section_item(struct namer *nm, struct ws_item *it,
    const struct ws_entry *e)
{
	const struct ws_section *s = &nm->m->sections.v[e->section];

	if (s->id == WS_SEC_CUSTOM)
		it->name = join(&nm->a->names, span_str(nm->m, s->name),
		    " section header", str(""));
	else
		it->name = str(ws_strbuf_printf(&nm->a->names,
		    "%s section header", ws_section_name(s->id)));
}

static void
name_item(struct namer *nm, struct ws_item *it, const struct ws_entry *e,
    const struct ws_import *im)
{
	const struct ws_module	*m = nm->m;
	const struct ws_section	*s;

	switch (e->kind) {
	case WS_ENT_HEADER:
		it->name = str("preamble");
		break;
	case WS_ENT_OVERHEAD:
		name_section_item(nm, it, e);
		break;
	case WS_ENT_TYPE:
		it->name = str(ws_strbuf_printf(&nm->a->names, "type[%u]",
		    e->index));
		break;
	case WS_ENT_IMPORT:
		it->name = join(&nm->a->names, span_str(m, im->module), ".",
		    span_str(m, im->field));
		break;
	case WS_ENT_FUNC_DECLS:
		it->name = str("function declarations");
		break;
	case WS_ENT_EXPORT:
		it->name = span_str(m, m->exports.v[e->index].name);
		break;
	case WS_ENT_START:
		it->name = str(ws_strbuf_printf(&nm->a->names,
		    "start: func[%u]", e->index));
		break;
	case WS_ENT_FUNCTION:
		name_function(nm, it);
		break;
	case WS_ENT_DATACOUNT:
		it->name = str("data count");
		break;
	case WS_ENT_CUSTOM:
		s = &m->sections.v[e->section];
		it->name = span_str(m, s->name);
		break;
	case WS_ENT_NAME_SUB:
		it->name = e->sub < sizeof name_subsections /
		    sizeof *name_subsections ? str(name_subsections[e->sub]) :
		    str(ws_strbuf_printf(&nm->a->names, "name subsection %u",
		    e->sub));
		break;
	case WS_ENT_UNKNOWN:
		s = &m->sections.v[e->section];
		it->name = str(ws_strbuf_printf(&nm->a->names,
		    "unknown section %u", s->id));
		break;
	default:
		name_object(nm, it);
	}
}

/* The items must tile [m->span.off, m->span.off + m->span.len). */
static int
check_tiling(const struct ws_attrib *a, const struct ws_module *m,
    struct ws_diag *diag)
{
	size_t	 at = m->span.off;

	for (size_t i = 0; i < a->n; i++) {
		if (a->items[i].off != at)
			return ws_diag_set(diag, at, WS_ERR_MALFORMED,
			    "internal error: attribution %s at item %zu (%s)",
			    a->items[i].off > at ? "gap" : "overlap", i,
			    ws_item_kind_name(a->items[i].kind));
		at += a->items[i].size;
	}
	if (at != m->span.off + m->span.len || a->total != m->span.len)
		return ws_diag_set(diag, at, WS_ERR_MALFORMED,
		    "internal error: items add up to %zu bytes, module has %zu",
		    a->total, m->span.len);
	return 0;
}

int
ws_attrib_build(struct ws_attrib *a, const struct ws_module *m, int demangle,
    struct ws_diag *diag)
{
	struct namer	 nm = { m, a, demangle };
	size_t		 nimports = 0;

	memset(a, 0, sizeof *a);
	if (m->entries.n == 0)
		return check_tiling(a, m, diag);
	if ((a->items = calloc(m->entries.n, sizeof *a->items)) == NULL)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < m->entries.n; i++) {
		const struct ws_entry *e = &m->entries.v[i];
		struct ws_item *it = &a->items[i];
		const struct ws_import *im = NULL;

		if (e->kind == WS_ENT_IMPORT)
			im = &m->imports.v[nimports++];
		it->off = e->span.off;
		it->size = e->span.len;
		it->entry = (uint32_t)i;
		it->index = e->index;
		it->kind = e->kind;
		it->section = e->section;
		name_item(&nm, it, e, im);
		if (it->sym.s == NULL)
			it->sym = it->name;
		a->total += it->size;
	}
	a->n = m->entries.n;
	return check_tiling(a, m, diag);
}

void
ws_attrib_free(struct ws_attrib *a)
{
	free(a->items);
	ws_strbuf_free(&a->names);
	memset(a, 0, sizeof *a);
}

/* SPDX-License-Identifier: MIT */
/*
 * json.c - JSON objects for the head, sections, items and producers of a
 * report, built with jansson's _new setters only.
 */
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "json.h"

/* Sets key to v, which may be NULL after an OOM: then o is poisoned. */
static int
set(json_t *o, const char *key, json_t *v)
{
	return v == NULL ? -1 : json_object_set_new(o, key, v);
}

static json_t *
span_json(const struct ws_module *m, struct ws_span sp)
{
	return ws_json_bytes((const char *)m->base + sp.off, sp.len);
}

json_t *
ws_json_head(const struct ws_analysis *a)
{
	json_t	*o = json_object();
	int	 rc = 0;

	if (o == NULL)
		return NULL;
	rc |= set(o, "schema", json_string("wasmsize/1"));
	rc |= set(o, "file", ws_json_bytes(a->path, strlen(a->path)));
	rc |= set(o, "size", json_integer((json_int_t)a->m->span.len));
	rc |= set(o, "kind", json_string("module"));
	rc |= set(o, "version", json_integer(a->m->version));
	if (a->gzip >= 0) {
		rc |= set(o, "gzip", json_integer(a->gzip));
		rc |= set(o, "brotli", json_integer(a->brotli));
	}
	if (rc != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
section_json(const struct ws_analysis *a, size_t i)
{
	const struct ws_module *m = a->m;
	const struct ws_section *s = &m->sections.v[i];
	json_t	*o = json_object();
	int	 rc = 0;

	if (o == NULL)
		return NULL;
	rc |= set(o, "id", json_integer(s->id));
	rc |= set(o, "name", s->id == WS_SEC_CUSTOM ? span_json(m, s->name) :
	    json_string(ws_section_name(s->id)));
	rc |= set(o, "offset", json_integer((json_int_t)s->whole.off));
	rc |= set(o, "size", json_integer((json_int_t)s->whole.len));
	rc |= set(o, "payload_size", json_integer((json_int_t)s->payload.len));
	if (s->has_count)
		rc |= set(o, "count", json_integer(s->count));
	if (a->sec_gzip != NULL) {
		rc |= set(o, "gzip", json_integer(a->sec_gzip[i]));
		rc |= set(o, "brotli", json_integer(a->sec_brotli[i]));
	}
	if (rc != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *
ws_json_sections(const struct ws_analysis *a)
{
	const struct ws_module *m = a->m;
	json_t	*arr = json_array();

	for (size_t i = 0; arr != NULL && i < m->sections.n; i++)
		if (json_array_append_new(arr, section_json(a, i)) != 0) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

json_t *
ws_json_item(const struct ws_analysis *a, size_t i)
{
	const struct ws_item	*it = &a->attrib.items[i];
	const struct ws_module	*m = a->m;
	json_t			*o = json_object();
	int			 rc = 0;

	if (o == NULL)
		return NULL;
	rc |= set(o, "kind", json_string(ws_item_kind_name(it->kind)));
	if (it->index != UINT32_MAX)
		rc |= set(o, "index", json_integer(it->index));
	rc |= set(o, "name", ws_json_bytes(it->name.s, it->name.len));
	if (it->raw_name.s != NULL)
		rc |= set(o, "raw_name",
		    ws_json_bytes(it->raw_name.s, it->raw_name.len));
	if (it->section != UINT16_MAX) {
		const struct ws_section *s = &m->sections.v[it->section];
		rc |= set(o, "section", s->id == WS_SEC_CUSTOM ?
		    span_json(m, s->name) : json_string(ws_section_name(s->id)));
	}
	rc |= set(o, "offset", json_integer((json_int_t)it->off));
	rc |= set(o, "size", json_integer((json_int_t)it->size));
	rc |= set(o, "retained", json_integer((json_int_t)a->dom.retained[i]));
	if (a->dom.garbage[i])
		rc |= set(o, "garbage", json_true());
	if (rc != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *
ws_json_producers(const struct ws_analysis *a)
{
	const struct ws_module *m = a->m;
	json_t	*arr = json_array(), *o;

	for (size_t i = 0; arr != NULL && i < m->producers.n; i++) {
		const struct ws_producer *p = &m->producers.v[i];
		int rc = 0;

		if ((o = json_object()) == NULL) {
			json_decref(arr);
			return NULL;
		}
		rc |= set(o, "field", span_json(m, p->field));
		rc |= set(o, "name", span_json(m, p->name));
		rc |= set(o, "version", span_json(m, p->version));
		if (rc != 0 || json_array_append_new(arr, o) != 0) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

int
ws_json_emit(FILE *fp, json_t *o)
{
	int	 rc;

	if (o == NULL)
		return -1;
	rc = json_dumpf(o, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (rc != 0 || fputc('\n', fp) == EOF)
		return -1;
	return 0;
}

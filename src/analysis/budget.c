/* SPDX-License-Identifier: MIT */
/*
 * budget.c - sizes with units, limits from flags and from JSON configs
 * (parsed with jansson, errors with line and column), and their
 * evaluation: every limit against one analysed module.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "budget.h"
#include "compress.h"

static const char *const limit_names[] = {
	[WS_LIM_SIZE] = "size", [WS_LIM_GZIP] = "gzip",
	[WS_LIM_BROTLI] = "brotli", [WS_LIM_DEBUG] = "debug",
	[WS_LIM_CUSTOM] = "custom", [WS_LIM_GARBAGE] = "garbage",
	[WS_LIM_PANIC] = "panic", [WS_LIM_SECTION] = "section",
	[WS_LIM_FUNCTION] = "function",
	[WS_LIM_MEMORY_INITIAL] = "memory-initial",
	[WS_LIM_MEMORY_MAXIMUM] = "memory-maximum",
};

const char *
ws_limit_name(enum ws_limit_kind k)
{
	return limit_names[k];
}

static const struct unit {
	const char	*name;
	uint64_t	 scale;
} units[] = {
	{ "B", 1 }, { "kB", 1000 }, { "KB", 1000 }, { "KiB", 1024 },
	{ "MB", 1000000 }, { "MiB", 1 << 20 }, { "GB", 1000000000 },
	{ "GiB", 1 << 30 },
};

int
ws_size_parse(const char *s, struct ws_size *out, char *err, size_t len)
{
	const char	*p = s;
	uint64_t	 whole = 0, frac = 0, fdiv = 1, scale = 0;

	memset(out, 0, sizeof *out);
	if (*p < '0' || *p > '9')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (whole > (UINT64_MAX - 9) / 10)
			goto bad;
		whole = whole * 10 + (uint64_t)(*p - '0');
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			if (fdiv == 1000)
				goto bad;	/* three decimals at most */
			frac = frac * 10 + (uint64_t)(*p - '0');
			fdiv *= 10;
		}
		if (fdiv == 1)
			goto bad;
	}
	while (*p == ' ')
		p++;
	if (strcmp(p, "%") == 0) {
		uint64_t pct100 = whole * 100 + frac * 100 / fdiv;
		if (whole > 100 || pct100 > 10000)
			goto bad;
		out->is_pct = 1;
		out->pct100 = (uint32_t)pct100;
		return 0;
	}
	if (*p == '\0')
		scale = 1;
	for (size_t i = 0; i < sizeof units / sizeof *units && !scale; i++)
		if (strcmp(p, units[i].name) == 0)
			scale = units[i].scale;
	if (scale == 0 || whole > UINT64_MAX / scale / 2)
		goto bad;
	out->bytes = whole * scale + frac * scale / fdiv;
	if (frac * scale % fdiv != 0)	/* "1.5 B" */
		goto bad;
	return 0;
bad:
	snprintf(err, len, "invalid size '%s' (a number with up to three "
	    "decimals and B, kB, KiB, MB, MiB, GB, GiB or %%)", s);
	return -1;
}

static int
percent_allowed(enum ws_limit_kind k)
{
	return k == WS_LIM_DEBUG || k == WS_LIM_CUSTOM || k == WS_LIM_GARBAGE ||
	    k == WS_LIM_PANIC || k == WS_LIM_SECTION || k == WS_LIM_FUNCTION;
}

static int
memory_limit(enum ws_limit_kind k)
{
	return k == WS_LIM_MEMORY_INITIAL || k == WS_LIM_MEMORY_MAXIMUM;
}

/* A page count: a plain non-negative integer. */
static int
parse_pages(const char *s, struct ws_size *out, char *err, size_t len)
{
	char			*end;
	unsigned long long	 v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0) {
		snprintf(err, len, "invalid page count '%s'", s);
		return -1;
	}
	memset(out, 0, sizeof *out);
	out->bytes = v;
	return 0;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

int
ws_budget_add(struct ws_budget *b, enum ws_limit_kind kind, const char *target,
    int regex, const char *spec, const char *message, struct ws_diag *diag)
{
	struct ws_limit	 l = { .kind = kind, .regex = regex };
	char		 err[200];
	regex_t		 re;

	if ((memory_limit(kind) ? parse_pages(spec, &l.max, err, sizeof err) :
	    ws_size_parse(spec, &l.max, err, sizeof err)) != 0)
		return ws_diag_set(diag, 0, WS_ERR_MALFORMED, "%s limit: %s",
		    limit_names[kind], err);
	if (l.max.is_pct && !percent_allowed(kind))
		return ws_diag_set(diag, 0, WS_ERR_MALFORMED, "%s limit: a "
		    "percentage of the file makes no sense here", limit_names[kind]);
	if (regex && target != NULL) {
		int rc = regcomp(&re, target, REG_EXTENDED | REG_NOSUB);
		if (rc != 0) {
			regerror(rc, &re, err, sizeof err);
			return ws_diag_set(diag, 0, WS_ERR_MALFORMED,
			    "%s limit: invalid regular expression '%s': %s",
			    limit_names[kind], target, err);
		}
		regfree(&re);
	}
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;
		struct ws_limit *v = realloc(b->v, cap * sizeof *v);
		if (v == NULL)
			return ws_diag_set(diag, 0, WS_ERR_NOMEM,
			    "out of memory");
		b->v = v;
		b->cap = cap;
	}
	l.target = dup_or_null(target);
	l.spec = strdup(spec);
	l.message = dup_or_null(message);
	b->v[b->n++] = l;
	return 0;
}

void
ws_budget_free(struct ws_budget *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].target);
		free(b->v[i].spec);
		free(b->v[i].message);
	}
	free(b->v);
	memset(b, 0, sizeof *b);
}

/* ---- the config file ----------------------------------------------- */

/* "500 kB", 42, or { "max": ..., "message": "..." } */
static int
config_limit(struct ws_budget *b, const char *path, enum ws_limit_kind kind,
    const char *target, int regex, json_t *v, struct ws_diag *diag)
{
	const char	*message = NULL;
	char		 num[32];
	json_t		*max = v;

	if (json_is_object(v)) {
		max = json_object_get(v, "max");
		message = json_string_value(json_object_get(v, "message"));
		const char *key;
		json_t *val;
		json_object_foreach(v, key, val)
			if (strcmp(key, "max") != 0 &&
			    strcmp(key, "message") != 0 &&
			    strcmp(key, "name") != 0 &&
			    strcmp(key, "regex") != 0)
				return ws_diag_set(diag, 0, WS_ERR_MALFORMED,
				    "%s: %s limit: unknown key '%s'", path,
				    limit_names[kind], key);
	}
	if (json_is_integer(max))
		snprintf(num, sizeof num, "%lld",
		    (long long)json_integer_value(max));
	else if (!json_is_string(max))
		return ws_diag_set(diag, 0, WS_ERR_MALFORMED, "%s: %s limit: "
		    "expected a size such as \"500 kB\"", path, limit_names[kind]);
	if (ws_budget_add(b, kind, target, regex, json_is_integer(max) ? num :
	    json_string_value(max), message, diag) != 0) {
		char text[sizeof diag->text];
		memcpy(text, diag->text, sizeof text);
		snprintf(diag->text, sizeof diag->text, "%s: %.200s", path, text);
		return -1;
	}
	return 0;
}

static const struct { const char *key; enum ws_limit_kind kind; } simple[] = {
	{ "size", WS_LIM_SIZE }, { "gzip", WS_LIM_GZIP },
	{ "brotli", WS_LIM_BROTLI }, { "debug", WS_LIM_DEBUG },
	{ "custom", WS_LIM_CUSTOM }, { "garbage", WS_LIM_GARBAGE },
	{ "panic", WS_LIM_PANIC },
};

static int
config_key(struct ws_budget *b, const char *path, const char *key, json_t *v,
    struct ws_diag *diag)
{
	const char	*k2;
	json_t		*v2;
	size_t		 i;

	for (i = 0; i < sizeof simple / sizeof *simple; i++)
		if (strcmp(key, simple[i].key) == 0)
			return config_limit(b, path, simple[i].kind, NULL, 0, v,
			    diag);
	if ((strcmp(key, "sections") == 0 && !json_is_object(v)) ||
	    (strcmp(key, "memory") == 0 && !json_is_object(v)) ||
	    (strcmp(key, "functions") == 0 && !json_is_array(v)))
		return ws_diag_set(diag, 0, WS_ERR_MALFORMED, "%s: %s: expected "
		    "%s", path, key, strcmp(key, "functions") == 0 ?
		    "an array of {\"name\", \"max\"}" : strcmp(key, "memory") == 0 ?
		    "an object with initial and maximum" :
		    "an object of section names and sizes");
	if (strcmp(key, "sections") == 0) {
		json_object_foreach(v, k2, v2)
			if (config_limit(b, path, WS_LIM_SECTION, k2, 0, v2,
			    diag) != 0)
				return -1;
		return 0;
	}
	if (strcmp(key, "memory") == 0) {
		json_object_foreach(v, k2, v2) {
			enum ws_limit_kind k = strcmp(k2, "initial") == 0 ?
			    WS_LIM_MEMORY_INITIAL : WS_LIM_MEMORY_MAXIMUM;
			if (strcmp(k2, "initial") != 0 &&
			    strcmp(k2, "maximum") != 0)
				return ws_diag_set(diag, 0, WS_ERR_MALFORMED,
				    "%s: memory: unknown key '%s' (initial or "
				    "maximum)", path, k2);
			if (config_limit(b, path, k, NULL, 0, v2, diag) != 0)
				return -1;
		}
		return 0;
	}
	if (strcmp(key, "functions") == 0) {
		json_array_foreach(v, i, v2) {
			const char *name = json_string_value(
			    json_object_get(v2, "name"));
			if (name == NULL)
				return ws_diag_set(diag, 0, WS_ERR_MALFORMED,
				    "%s: functions[%zu]: needs a \"name\"",
				    path, i);
			if (config_limit(b, path, WS_LIM_FUNCTION, name,
			    json_is_true(json_object_get(v2, "regex")), v2,
			    diag) != 0)
				return -1;
		}
		return 0;
	}
	return ws_diag_set(diag, 0, WS_ERR_MALFORMED, "%s: unknown key '%s' "
	    "(size, gzip, brotli, debug, custom, garbage, panic, sections, "
	    "functions, memory)", path, key);
}

int
ws_budget_load(struct ws_budget *b, const char *path, struct ws_diag *diag)
{
	json_error_t	 e;
	json_t		*root = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	const char	*key;
	json_t		*v;
	int		 rc = 0;

	if (root == NULL && e.line < 0)		/* not even read */
		return ws_diag_set(diag, 0, WS_ERR_IO, "%s: %s", path,
		    access(path, R_OK) != 0 ? strerror(errno) : e.text);
	if (root == NULL)
		return ws_diag_set(diag, 0, WS_ERR_MALFORMED, "%s: line %d, "
		    "column %d: %s", path, e.line, e.column, e.text);
	if (!json_is_object(root)) {
		json_decref(root);
		return ws_diag_set(diag, 0, WS_ERR_MALFORMED, "%s: expected an "
		    "object of limits", path);
	}
	json_object_foreach(root, key, v)
		if (rc == 0 && strcmp(key, "$schema") != 0)
			rc = config_key(b, path, key, v, diag);
	json_decref(root);
	return rc;
}

char *
ws_budget_find(void)
{
	char		 dir[PATH_MAX], path[PATH_MAX + 32];
	struct stat	 st;

	if (getcwd(dir, sizeof dir) == NULL)
		return NULL;
	for (;;) {
		snprintf(path, sizeof path, "%s/.wasmsize.json",
		    strcmp(dir, "/") == 0 ? "" : dir);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			return strdup(path);
		char *slash = strrchr(dir, '/');
		if (slash == NULL || strcmp(dir, "/") == 0)
			return NULL;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
}

/* ---- evaluation ----------------------------------------------------- */

static uint64_t
allowed(const struct ws_limit *l, uint64_t file)
{
	if (!l->max.is_pct)
		return l->max.bytes;
	return file * l->max.pct100 / 10000;
}

static int
name_matches(const struct ws_limit *l, const regex_t *re, struct ws_str name,
    char *buf, size_t cap)
{
	if (!l->regex)
		return name.len == strlen(l->target) &&
		    memcmp(name.s, l->target, name.len) == 0;
	if (name.len >= cap || memchr(name.s, '\0', name.len) != NULL)
		return 0;
	memcpy(buf, name.s, name.len);
	buf[name.len] = '\0';
	return regexec(re, buf, 0, NULL, 0) == 0;
}

/* The largest function the limit names; its size and name. */
static void
check_functions(const struct ws_limit *l, const struct ws_analysis *a,
    struct ws_check *c)
{
	regex_t	 re;
	char	 buf[4096];

	if (l->regex && regcomp(&re, l->target, REG_EXTENDED | REG_NOSUB) != 0)
		return;
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];

		if (it->kind != WS_ENT_FUNCTION || (!name_matches(l, &re,
		    it->name, buf, sizeof buf) && !(it->raw_name.s != NULL &&
		    name_matches(l, &re, it->raw_name, buf, sizeof buf))))
			continue;
		if (!c->applies || it->size > c->actual) {
			c->applies = 1;
			c->actual = it->size;
			snprintf(c->subject, sizeof c->subject, "%.*s",
			    (int)(it->name.len < 150 ? it->name.len : 150),
			    it->name.s);
		}
	}
	if (l->regex)
		regfree(&re);
}

static void
check_sections(const struct ws_limit *l, const struct ws_module *m,
    struct ws_check *c)
{
	for (size_t i = 0; i < m->sections.n; i++) {
		const struct ws_section *s = &m->sections.v[i];
		const char *name = s->id == WS_SEC_CUSTOM ? NULL :
		    ws_section_name(s->id);
		int hit = name != NULL ? strcmp(name, l->target) == 0 :
		    s->name.len == strlen(l->target) &&
		    memcmp(m->base + s->name.off, l->target, s->name.len) == 0;

		if (hit) {
			c->applies = 1;
			c->actual += s->whole.len;
		}
	}
	snprintf(c->subject, sizeof c->subject, "%s", l->target);
}

/* The largest initial or maximum page count over the memories. */
static void
check_memory(const struct ws_limit *l, const struct ws_module *m,
    struct ws_check *c)
{
	for (size_t i = 0; i < m->memories.n; i++) {
		const struct ws_limits *lim = &m->memories.v[i].limits;
		uint64_t pages = l->kind == WS_LIM_MEMORY_INITIAL ? lim->min :
		    lim->max;

		if (l->kind == WS_LIM_MEMORY_MAXIMUM && !lim->has_max)
			c->unbounded = 1;	/* it may grow without bound */
		else if (!c->applies || pages > c->actual)
			c->actual = pages;
		c->applies = 1;
	}
}

/* A limit that adds up over the parts: their sum. */
static uint64_t
summed(const struct ws_limit *l, const struct ws_budget_part *p, size_t np)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < np; i++)
		switch (l->kind) {
		case WS_LIM_DEBUG: sum += p[i].f->debug.total; break;
		case WS_LIM_GARBAGE: sum += p[i].a->garbage_bytes; break;
		case WS_LIM_PANIC: sum += p[i].f->panic.own; break;
		default: break;
		}
	return sum;
}

static int
measure(const struct ws_limit *l, const struct ws_budget_part *p, size_t np,
    uint64_t custom, const uint8_t *file, size_t n, struct ws_check *c,
    int64_t *gz, int64_t *br)
{
	c->applies = 1;
	switch (l->kind) {
	case WS_LIM_SIZE: c->actual = n; break;
	case WS_LIM_GZIP:
		if (*gz < 0 && (*gz = ws_gzip_size(file, n)) < 0)
			return -1;
		c->actual = (uint64_t)*gz;
		break;
	case WS_LIM_BROTLI:
		if (*br < 0 && (*br = ws_brotli_size(file, n)) < 0)
			return -1;
		c->actual = (uint64_t)*br;
		break;
	case WS_LIM_CUSTOM: c->actual = custom; break;
	case WS_LIM_DEBUG:
	case WS_LIM_GARBAGE:
	case WS_LIM_PANIC:
		c->actual = summed(l, p, np);
		break;
	case WS_LIM_SECTION:
	case WS_LIM_FUNCTION:
	case WS_LIM_MEMORY_INITIAL:
	case WS_LIM_MEMORY_MAXIMUM:
		c->applies = 0;
		for (size_t i = 0; i < np; i++)
			if (l->kind == WS_LIM_SECTION)
				check_sections(l, p[i].a->m, c);
			else if (l->kind == WS_LIM_FUNCTION)
				check_functions(l, p[i].a, c);
			else
				check_memory(l, p[i].a->m, c);
		break;
	}
	return 0;
}

int
ws_budget_check(const struct ws_budget *b, const struct ws_analysis *a,
    const struct ws_findings *f, const uint8_t *file, size_t n,
    struct ws_check **out, struct ws_diag *diag)
{
	struct ws_budget_part p = { a, f };

	return ws_budget_check_parts(b, &p, 1, a->custom_bytes, file, n, out,
	    diag);
}

int
ws_budget_check_parts(const struct ws_budget *b,
    const struct ws_budget_part *parts, size_t nparts, uint64_t custom,
    const uint8_t *file, size_t n, struct ws_check **out,
    struct ws_diag *diag)
{
	struct ws_check	*c = calloc(b->n ? b->n : 1, sizeof *c);
	int64_t		 gz = -1, br = -1;

	if (c == NULL)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < b->n; i++) {
		c[i].limit = &b->v[i];
		c[i].allowed = allowed(&b->v[i], n);
		if (measure(&b->v[i], parts, nparts, custom, file, n, &c[i], &gz,
		    &br) != 0) {
			free(c);
			return ws_diag_set(diag, 0, WS_ERR_NOMEM,
			    "compression failed (out of memory)");
		}
		c[i].pass = !c[i].applies || (!c[i].unbounded &&
		    c[i].actual <= c[i].allowed);
	}
	*out = c;
	return 0;
}

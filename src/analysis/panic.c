/* SPDX-License-Identifier: MIT */
/*
 * panic.c - panic machinery: functions that exist to report a panic or an
 * exception and abort, found by their demangled names (Rust, C++, Go,
 * AssemblyScript); and the bytes that replacing their bodies with
 * `unreachable` would let go, found on the reference graph: what the root
 * still reaches when those functions reference nothing.  Without names,
 * panic messages in the data hint at what cannot be attributed.
 */
#include <stdlib.h>
#include <string.h>

#include "findings_impl.h"

/* The size of a snipped function: size LEB, no locals, unreachable, end. */
enum { SNIPPED_SIZE = 4 };

static const struct pattern {
	const char	*s;
	int		 prefix;
} patterns[] = {
	/* Rust */
	{ "core::panicking::", 1 }, { "std::panicking::", 1 },
	{ "core::panic::", 1 }, { "std::panic::", 1 },
	{ "rust_begin_unwind", 0 }, { "rust_panic", 0 },
	{ "__rust_start_panic", 0 }, { "__rust_panic_cleanup", 0 },
	{ "core::result::unwrap_failed", 0 },
	{ "core::option::unwrap_failed", 0 },
	{ "core::option::expect_failed", 0 },
	{ "core::slice::index::slice_", 1 },
	{ "core::str::slice_error_fail", 1 },
	{ "core::cell::panic_already_", 1 },
	{ "alloc::raw_vec::capacity_overflow", 0 },
	{ "alloc::raw_vec::handle_error", 0 },
	{ "alloc::alloc::handle_alloc_error", 1 },
	{ "std::alloc::default_alloc_error_hook", 0 },
	/* C++ exceptions */
	{ "__cxa_throw", 0 }, { "__cxa_rethrow", 0 },
	{ "__cxa_begin_catch", 0 }, { "__cxa_end_catch", 0 },
	{ "__cxa_allocate_exception", 0 }, { "__cxa_free_exception", 0 },
	{ "__cxa_call_unexpected", 0 }, { "__gxx_personality_", 1 },
	{ "_Unwind_", 1 }, { "std::__throw_", 1 }, { "std::__1::__throw_", 1 },
	{ "std::terminate()", 0 },
	/* Go */
	{ "runtime.gopanic", 0 }, { "runtime.panic", 1 },
	{ "runtime.throw", 0 }, { "runtime.fatalpanic", 0 },
	{ "runtime.printpanics", 0 },
	/* AssemblyScript */
	{ "~lib/builtins/abort", 0 },
};

/* Messages the Rust standard library panics with. */
static const char *const messages[] = {
	"panicked at", "called `Option::unwrap()` on a `None` value",
	"called `Result::unwrap()` on an `Err` value",
	"index out of bounds: the len is", "attempt to add with overflow",
	"attempt to subtract with overflow", "attempt to multiply with overflow",
	"capacity overflow", "already borrowed", "already mutably borrowed",
};

static int
matches(struct ws_str name)
{
	for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++) {
		size_t n = strlen(patterns[i].s);

		if ((patterns[i].prefix ? name.len >= n : name.len == n) &&
		    memcmp(name.s, patterns[i].s, n) == 0)
			return 1;
	}
	return 0;
}

static int
mentions_fmt(struct ws_str name)
{
	static const char fmt[] = "core::fmt::";

	for (size_t i = 0; i + sizeof fmt - 1 <= name.len; i++)
		if (memcmp(name.s + i, fmt, sizeof fmt - 1) == 0)
			return 1;
	return 0;
}

/* What the root reaches when the panic functions reference nothing. */
static uint8_t *
reach_without(const struct ws_analysis *a, const uint8_t *snipped)
{
	const struct ws_graph *g = &a->graph;
	uint8_t		*seen = calloc(g->n, 1);
	uint32_t	*stack = malloc((size_t)g->n * sizeof *stack);
	size_t		 top = 0;

	if (seen == NULL || stack == NULL) {
		free(seen);
		free(stack);
		return NULL;
	}
	seen[g->root] = 1;
	stack[top++] = g->root;
	while (top > 0) {
		uint32_t v = stack[--top];

		for (uint32_t j = g->out_at[v]; j < g->out_at[v + 1]; j++)
			/* a snipped body keeps its type and nothing else */
			if (!seen[g->out[j]] && (v == g->root || !snipped[v] ||
			    a->attrib.items[g->out[j]].kind == WS_ENT_TYPE)) {
				seen[g->out[j]] = 1;
				stack[top++] = g->out[j];
			}
	}
	free(stack);
	return seen;
}

static void
snip_savings(struct ws_panic *p, const struct ws_analysis *a,
    const uint8_t *snipped, const uint8_t *seen)
{
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];

		if (a->dom.garbage[i])
			continue;
		if (!seen[i]) {
			p->snip += it->size;
			if (mentions_fmt(it->sym))
				p->snip_fmt += it->size;
		} else if (snipped[i] && it->size > SNIPPED_SIZE) {
			p->snip += it->size - SNIPPED_SIZE;
		}
	}
}

/* The first occurrence of needle in hay, or NULL. */
static const uint8_t *
find(const uint8_t *hay, size_t n, const char *needle, size_t len)
{
	for (size_t i = 0; len <= n && i <= n - len; i++)
		if (hay[i] == (uint8_t)needle[0] && memcmp(hay + i, needle, len)
		    == 0)
			return hay + i;
	return NULL;
}

static void
count_messages(struct ws_panic *p, const struct ws_module *m)
{
	for (size_t i = 0; i < m->datas.n; i++) {
		const uint8_t *d = m->base + m->datas.v[i].init.off;
		size_t n = m->datas.v[i].init.len;

		for (size_t k = 0; k < sizeof messages / sizeof *messages; k++) {
			size_t len = strlen(messages[k]);
			const uint8_t *q = d;

			while ((q = find(q, (size_t)(d + n - q), messages[k],
			    len)) != NULL) {
				p->messages++;
				p->message_bytes += len;
				q += len;
			}
		}
	}
}

int
ws_find_panic(struct ws_panic *p, const struct ws_analysis *a,
    struct ws_diag *diag)
{
	uint8_t	*snipped = calloc(a->graph.n, 1), *seen;

	if (snipped == NULL || (p->items = malloc((a->attrib.n ? a->attrib.n :
	    1) * sizeof *p->items)) == NULL) {
		free(snipped);
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];

		if (it->kind == WS_ENT_FUNCTION && matches(it->sym)) {
			p->items[p->n++] = (uint32_t)i;
			p->own += it->size;
			snipped[i] = 1;
		}
	}
	if ((seen = reach_without(a, snipped)) == NULL) {
		free(snipped);
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	}
	snip_savings(p, a, snipped, seen);
	count_messages(p, a->m);
	free(seen);
	free(snipped);
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * dominators.c - unit tests of the dominator tree: semi-NCA against the
 * textbook iterative data-flow definition (dom(v) = {v} + the intersection
 * of dom(p) over predecessors p) on thousands of random graphs, retained
 * sizes against brute force (the bytes that become unreachable when a node
 * is removed), and the generic names behind `monos`.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/dominators.h"
#include "analysis/monos.h"
#include "tap.h"

enum { MAXN = 40 };

static uint32_t rng = 12345;

static uint32_t
rnd(uint32_t n)
{
	rng = rng * 1103515245 + 12345;
	return (rng >> 8) % n;
}

/* A graph from an adjacency matrix; node n-1 is the root. */
static void
make_graph(struct ws_graph *g, uint32_t n, uint8_t adj[MAXN][MAXN])
{
	uint32_t k = 0, m = 0;

	for (uint32_t a = 0; a < n; a++)
		for (uint32_t b = 0; b < n; b++)
			m += adj[a][b];
	g->n = n;
	g->root = n - 1;
	g->out_at = calloc(n + 1, sizeof *g->out_at);
	g->in_at = calloc(n + 1, sizeof *g->in_at);
	g->out = malloc((m + 1) * sizeof *g->out);
	g->in = malloc((m + 1) * sizeof *g->in);
	for (uint32_t a = 0; a < n; a++) {
		g->out_at[a] = k;
		for (uint32_t b = 0; b < n; b++)
			if (adj[a][b])
				g->out[k++] = b;
	}
	g->out_at[n] = k;
	k = 0;
	for (uint32_t b = 0; b < n; b++) {
		g->in_at[b] = k;
		for (uint32_t a = 0; a < n; a++)
			if (adj[a][b])
				g->in[k++] = a;
	}
	g->in_at[n] = k;
}

/* Nodes reachable from start when node `removed` is taken out. */
static void
reach(uint32_t n, uint8_t adj[MAXN][MAXN], uint32_t start, uint32_t removed,
    uint8_t *seen)
{
	uint32_t stack[MAXN], top = 0;

	memset(seen, 0, n);
	if (start == removed)
		return;
	seen[start] = 1;
	stack[top++] = start;
	while (top > 0) {
		uint32_t v = stack[--top];
		for (uint32_t w = 0; w < n; w++)
			if (adj[v][w] && !seen[w] && w != removed) {
				seen[w] = 1;
				stack[top++] = w;
			}
	}
}

/*
 * Checks one random graph: for reachable nodes, d dominates v exactly when
 * removing d makes v unreachable; idom is the dominator that all others
 * dominate; retained(d) is the size of what removing d cuts off.
 */
static int
check_graph(uint32_t n, uint8_t adj[MAXN][MAXN])
{
	struct ws_graph	 g;
	struct ws_domtree t;
	struct ws_diag	 d = { 0 };
	uint64_t	 size[MAXN];
	uint8_t		 live[MAXN], cut[MAXN][MAXN];
	int		 good = 1;

	for (uint32_t v = 0; v < n; v++)
		size[v] = v == n - 1 ? 0 : 1 + rnd(100);
	make_graph(&g, n, adj);
	if (ws_dominators(&t, &g, size, &d) != 0)
		return 0;
	reach(n, adj, n - 1, UINT32_MAX, live);
	for (uint32_t x = 0; x < n; x++)
		reach(n, adj, n - 1, x, cut[x]);	/* cut[x][v]: v survives */
	for (uint32_t v = 0; v < n; v++) {
		good &= t.garbage[v] == !live[v];
		if (!live[v] || v == n - 1)
			continue;
		/* idom: a strict dominator dominated by every other one */
		uint32_t i = t.idom[v];
		good &= i != v && (i == n - 1 || !cut[i][v]);
		for (uint32_t x = 0; x < n - 1; x++)
			if (x != v && !cut[x][v])	/* x dominates v */
				good &= x == i || !cut[x][i];
		uint64_t gone = size[v];
		for (uint32_t w = 0; w < n - 1; w++)
			if (w != v && live[w] && !cut[v][w])
				gone += size[w];
		good &= t.retained[v] == gone;
	}
	uint64_t total = 0;
	for (uint32_t v = 0; v < n; v++)
		total += size[v];
	good &= t.retained[n - 1] == total;
	ws_domtree_free(&t);
	free(g.out_at); free(g.out); free(g.in_at); free(g.in);
	return good;
}

static void
test_random_graphs(void)
{
	static uint8_t adj[MAXN][MAXN];
	int	 bad = 0, graphs = 3000;

	for (int k = 0; k < graphs; k++) {
		uint32_t n = 2 + rnd(MAXN - 1);
		uint32_t density = 1 + rnd(4);

		memset(adj, 0, sizeof adj);
		for (uint32_t a = 0; a < n; a++)
			for (uint32_t b = 0; b < n - 1; b++)
				adj[a][b] = a != b && rnd(n) < density;
		if (!check_graph(n, adj) && bad++ == 0)
			printf("# first bad graph: %d (n=%u)\n", k, n);
	}
	ok(bad == 0, "semi-NCA agrees with removal on %d random graphs "
	    "(%d bad)", graphs, bad);
}

static void
test_deep_chain(void)
{
	enum { N = 200000 };
	struct ws_graph	 g = { .n = N, .root = N - 1 };
	struct ws_domtree t;
	struct ws_diag	 d = { 0 };
	uint64_t	*size = malloc(N * sizeof *size);

	/* root -> 0 -> 1 -> ... -> N-2: a chain too deep for recursion */
	g.out_at = malloc((N + 1) * sizeof *g.out_at);
	g.in_at = malloc((N + 1) * sizeof *g.in_at);
	g.out = malloc(N * sizeof *g.out);
	g.in = malloc(N * sizeof *g.in);
	for (uint32_t v = 0; v < N; v++) {
		g.out_at[v] = v;
		g.out[v] = v == N - 1 ? 0 : v + 1;
		g.in_at[v] = v;
		g.in[v] = v == 0 ? N - 1 : v - 1;
		size[v] = v == N - 1 ? 0 : 1;
	}
	g.out_at[N] = g.in_at[N] = N;
	g.out_at[N - 2 + 1] = g.out_at[N - 2];	/* N-2 has no successor */
	for (uint32_t v = N - 1; v < N; v++)
		g.out_at[v] = N - 2, g.out[N - 2] = 0;
	ok(ws_dominators(&t, &g, size, &d) == 0 && t.retained[0] == N - 1 &&
	    t.idom[N - 2] == N - 3, "a chain of %d nodes", N);
	ws_domtree_free(&t);
	free(g.out_at); free(g.out); free(g.in_at); free(g.in); free(size);
}

static void
generic(const char *in, const char *want)
{
	char	 out[256];

	ws_mono_generic(in, strlen(in), out, sizeof out);
	ok(strcmp(out, want) == 0, "generic(%s) = %s", in, out);
}

int
main(void)
{
	test_random_graphs();
	test_deep_chain();
	generic("alloc::raw_vec::RawVec<T,A>::reserve_for_push",
	    "alloc::raw_vec::RawVec::reserve_for_push");
	generic("core::ptr::drop_in_place::<alloc::vec::Vec<u8>>",
	    "core::ptr::drop_in_place");
	generic("<alloc::vec::Vec<T,A> as core::ops::drop::Drop>::drop",
	    "<alloc::vec::Vec as core::ops::drop::Drop>::drop");
	generic("std::vector<int, std::allocator<int> >::push_back(int const&)",
	    "std::vector::push_back");
	generic("bool std::operator< <char>(std::string const&)",
	    "bool std::operator<");
	generic("foo::bar(int) const", "foo::bar");
	generic("plain_c_function", "plain_c_function");
	generic("core::ops::function::FnOnce::call_once<fn() -> u8>",
	    "core::ops::function::FnOnce::call_once");
	generic("core::fmt::num::imp::<impl core::fmt::Display for i32>::fmt",
	    "core::fmt::num::imp::<impl core::fmt::Display for i32>::fmt");
	generic("<impl Foo for alloc::vec::Vec<u8>>::go",
	    "<impl Foo for alloc::vec::Vec>::go");
	return tap_done();
}

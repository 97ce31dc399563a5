/* SPDX-License-Identifier: MIT */
/*
 * analysis.c - runs attribution and derives what the overview needs: items
 * ranked by size and the bytes in custom sections.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "compress.h"

struct rank_key {
	uint64_t	 size;
	uint32_t	 item;
};

static int
cmp_rank(const void *x, const void *y)
{
	const struct rank_key *a = x, *b = y;

	if (a->size != b->size)
		return a->size < b->size ? 1 : -1;
	return a->item < b->item ? -1 : a->item > b->item;
}

/* Items ranked by key, largest first; ties in file order. */
static uint32_t *
rank(size_t n, const uint64_t *key, struct ws_diag *diag)
{
	uint32_t	*order = malloc((n ? n : 1) * sizeof *order);
	struct rank_key	*keys = malloc((n ? n : 1) * sizeof *keys);

	if (order == NULL || keys == NULL) {
		free(order);
		free(keys);
		ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		keys[i] = (struct rank_key){ key[i], (uint32_t)i };
	qsort(keys, n, sizeof *keys, cmp_rank);
	for (size_t i = 0; i < n; i++)
		order[i] = keys[i].item;
	free(keys);
	return order;
}

static void
sum_custom(struct ws_analysis *a)
{
	const struct ws_module *m = a->m;

	for (size_t i = 0; i < m->sections.n; i++)
		if (m->sections.v[i].id == WS_SEC_CUSTOM) {
			a->custom_bytes += m->sections.v[i].whole.len;
			a->ncustom++;
		}
}

/*
 * The reference graph, its dominator tree, the garbage totals, and the
 * items ranked by shallow and by retained size.
 */
static int
retention(struct ws_analysis *a, struct ws_diag *diag)
{
	uint64_t	*shallow;
	size_t		 n = a->attrib.n;
	int		 rc;

	if (ws_graph_build(&a->graph, a->m, &a->attrib, diag) != 0)
		return -1;
	if ((shallow = malloc((n + 1) * sizeof *shallow)) == NULL)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		shallow[i] = a->attrib.items[i].size;
	shallow[n] = 0;
	rc = ws_dominators(&a->dom, &a->graph, shallow, diag);
	if (rc == 0 && ((a->by_size = rank(n, shallow, diag)) == NULL ||
	    (a->by_retained = rank(n, a->dom.retained, diag)) == NULL))
		rc = -1;
	free(shallow);
	if (rc != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (a->dom.garbage[i]) {
			a->garbage_bytes += a->attrib.items[i].size;
			a->ngarbage++;
		}
	return 0;
}

int
ws_analyze(struct ws_analysis *a, const char *path, const struct ws_module *m,
    const struct ws_analysis_opts *opts, struct ws_diag *diag)
{
	memset(a, 0, sizeof *a);
	a->path = path;
	a->m = m;
	a->gzip = a->brotli = -1;
	if (ws_attrib_build(&a->attrib, m, opts->demangle, diag) != 0 ||
	    retention(a, diag) != 0)
		return -1;
	sum_custom(a);
	return 0;
}

int
ws_analysis_compress(struct ws_analysis *a, struct ws_diag *diag)
{
	const struct ws_module *m = a->m;
	size_t	 n = m->sections.n ? m->sections.n : 1;

	a->gzip = ws_gzip_size(m->base + m->span.off, m->span.len);
	a->brotli = ws_brotli_size(m->base + m->span.off, m->span.len);
	a->sec_gzip = malloc(n * sizeof *a->sec_gzip);
	a->sec_brotli = malloc(n * sizeof *a->sec_brotli);
	if (a->gzip < 0 || a->brotli < 0 || a->sec_gzip == NULL ||
	    a->sec_brotli == NULL)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < m->sections.n; i++) {
		struct ws_span w = m->sections.v[i].whole;

		a->sec_gzip[i] = ws_gzip_size(m->base + w.off, w.len);
		a->sec_brotli[i] = ws_brotli_size(m->base + w.off, w.len);
	}
	return 0;
}

void
ws_analysis_free(struct ws_analysis *a)
{
	free(a->sec_gzip);
	free(a->sec_brotli);
	a->sec_gzip = a->sec_brotli = NULL;
	ws_attrib_free(&a->attrib);
	ws_graph_free(&a->graph);
	ws_domtree_free(&a->dom);
	free(a->by_size);
	free(a->by_retained);
	a->by_size = a->by_retained = NULL;
}

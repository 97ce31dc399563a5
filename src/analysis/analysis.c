/* SPDX-License-Identifier: MIT */
/*
 * analysis.c - runs attribution and derives what the overview needs: items
 * ranked by size and the bytes in custom sections.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

struct rank_key {
	size_t		 size;
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

/* Items ranked by size, largest first; ties in file order. */
static int
rank_items(struct ws_analysis *a, struct ws_diag *diag)
{
	size_t		 n = a->attrib.n;
	struct rank_key	*keys;

	a->by_size = malloc((n ? n : 1) * sizeof *a->by_size);
	keys = malloc((n ? n : 1) * sizeof *keys);
	if (a->by_size == NULL || keys == NULL) {
		free(keys);
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		keys[i] = (struct rank_key){ a->attrib.items[i].size,
		    (uint32_t)i };
	qsort(keys, n, sizeof *keys, cmp_rank);
	for (size_t i = 0; i < n; i++)
		a->by_size[i] = keys[i].item;
	free(keys);
	return 0;
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

int
ws_analyze(struct ws_analysis *a, const char *path, const struct ws_module *m,
    const struct ws_analysis_opts *opts, struct ws_diag *diag)
{
	memset(a, 0, sizeof *a);
	a->path = path;
	a->m = m;
	if (ws_attrib_build(&a->attrib, m, opts->demangle, diag) != 0 ||
	    rank_items(a, diag) != 0)
		return -1;
	sum_custom(a);
	return 0;
}

void
ws_analysis_free(struct ws_analysis *a)
{
	ws_attrib_free(&a->attrib);
	free(a->by_size);
	a->by_size = NULL;
}

/* SPDX-License-Identifier: MIT */
/*
 * parse_code.c - the code section.  A first pass reads each body's size
 * field and makes its entry; a second decodes every instruction of every
 * body, recording what each references.  Bodies are independent, so on a
 * large section the second pass runs on several threads, each over a run
 * of consecutive bodies with its own references, joined in file order.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "module.h"
#include "opcodes.h"
#include "parse.h"
#include "vec.h"

enum {
	MIN_BYTES_PER_THREAD = 1 << 20,	/* below this, one thread */
	MAX_THREADS = 8
};

/* One run of bodies [first, last) and what decoding them found. */
struct body_run {
	struct ws_module	*m;	/* each run writes only its functions */
	uint32_t		 first, last;	/* defined-function numbers */
	struct ws_refs		 refs;
	struct ws_diag		 diag;
	int			 rc;
};

/* Puts "code section: body of function N: " before the walker's error. */
static void
prefix_body_error(struct ws_diag *d, uint32_t func)
{
	char	 text[sizeof d->text];

	snprintf(text, sizeof text, "code section: body of function %u: %.200s",
	    func, d->text);
	memcpy(d->text, text, sizeof text);
}

static void *
decode_run(void *arg)
{
	struct body_run		*run = arg;
	struct ws_module	*m = run->m;
	struct ws_ref_recorder	 rec;
	struct ws_code_visitor	 v;
	struct ws_code_stats	 stats;
	struct ws_reader	 body;

	ws_ref_recorder_init(&rec, &v, &run->refs);
	v.stats = &stats;
	for (uint32_t i = run->first; i < run->last; i++) {
		struct ws_func *f = &m->funcs.v[m->nfunc_imports + i];

		ws_reader_init(&body, m->base, f->body.off + f->body.len,
		    &run->diag);
		body.pos = m->base + f->body.off;
		rec.from = f->entry;
		if (ws_func_body_walk(&body, &v) != 0) {
			prefix_body_error(&run->diag, m->nfunc_imports + i);
			run->rc = -1;
			return NULL;
		}
		if (rec.oom) {
			ws_diag_set(&run->diag, f->body.off, WS_ERR_NOMEM,
			    "out of memory");
			run->rc = -1;
			return NULL;
		}
		f->instructions = stats.instructions;
		f->local_ops = stats.local_ops;
	}
	return NULL;
}

/* Splits bodies [0, n) into at most nruns runs of about equal bytes. */
static size_t
split_runs(struct ws_module *m, uint32_t n, size_t bytes,
    struct body_run *runs, size_t nruns)
{
	size_t		 k = 0, acc = 0;
	uint32_t	 first = 0;

	for (uint32_t i = 0; i < n && k + 1 < nruns; i++) {
		acc += m->funcs.v[m->nfunc_imports + i].body.len;
		if (acc >= bytes / nruns * (k + 1)) {
			runs[k++] = (struct body_run){ .m = m, .first = first,
			    .last = i + 1 };
			first = i + 1;
		}
	}
	runs[k++] = (struct body_run){ .m = m, .first = first, .last = n };
	return k;
}

static size_t
thread_count(size_t bytes)
{
	long	 cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t	 n = bytes / MIN_BYTES_PER_THREAD;

	if (cpus < 1)
		cpus = 1;
	if (n > (size_t)cpus)
		n = (size_t)cpus;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	return n ? n : 1;
}

/* Appends run->refs to all; frees run->refs.  -1 on OOM. */
static int
join_refs(struct ws_refs *all, struct body_run *run)
{
	struct ws_ref	*v;

	if (all->n == 0 && all->v == NULL) {
		*all = run->refs;
		run->refs = (struct ws_refs){ 0 };
		return 0;
	}
	if (run->refs.n > 0) {
		v = realloc(all->v, (all->n + run->refs.n) * sizeof *v);
		if (v == NULL)
			return -1;
		memcpy(v + all->n, run->refs.v, run->refs.n * sizeof *v);
		all->v = v;
		all->n += run->refs.n;
		all->cap = all->n;
	}
	WS_VEC_FREE(run->refs);
	return 0;
}

/*
 * Decodes bodies [0, n), on threads when there are enough bytes.  On
 * failure copies the first error (in file order) into diag.
 */
static int
decode_bodies(struct ws_module *m, uint32_t n, size_t bytes,
    struct ws_diag *diag)
{
	struct body_run	 runs[MAX_THREADS];
	pthread_t	 tids[MAX_THREADS];
	size_t		 nruns = split_runs(m, n, bytes, runs, thread_count(bytes));
	size_t		 started = 1;
	int		 rc = 0;

	for (size_t k = 1; k < nruns; k++, started++)
		if (pthread_create(&tids[k], NULL, decode_run, &runs[k]) != 0)
			break;
	decode_run(&runs[0]);
	for (size_t k = started; k < nruns; k++)	/* no thread: do it here */
		decode_run(&runs[k]);
	for (size_t k = 1; k < started; k++)
		pthread_join(tids[k], NULL);
	for (size_t k = 0; k < nruns; k++) {
		if (rc == 0 && runs[k].rc != 0) {
			*diag = runs[k].diag;
			rc = -1;
		}
		if (rc == 0 && join_refs(&m->refs, &runs[k]) != 0)
			rc = ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
		WS_VEC_FREE(runs[k].refs);
	}
	return rc;
}

/* The size field of one body: makes its entry and notes its span. */
static int
frame_body(struct ws_parse *p, uint32_t func)
{
	struct ws_reader *r = p->r;
	struct ws_func	*f = &p->m->funcs.v[func];
	size_t		 start = ws_reader_offset(r);
	uint32_t	 size;
	int64_t		 e;

	if (ws_read_u32(r, &size, "function body size") != 0)
		return -1;
	if (size > ws_reader_left(r)) {
		ws_fail(r, r->base + start, WS_ERR_TRUNCATED,
		    "body of function %u (%u bytes) runs past the section end "
		    "(%zu bytes left)", func, size, ws_reader_left(r));
		r->pos = r->base + start;
		return -1;
	}
	f->body.off = ws_reader_offset(r);
	f->body.len = size;
	r->pos += size;
	if ((e = ws_parse_entry(p, start, WS_ENT_FUNCTION, func, 0)) < 0)
		return -1;
	f->entry = (uint32_t)e;
	return 0;
}

int
ws_parse_code(struct ws_parse *p)
{
	struct ws_reader *r = p->r;
	struct ws_diag	 framing = { 0 }, *diag = r->diag;
	uint32_t	 n, framed = 0;
	size_t		 bytes = 0;
	int		 rc;

	const uint8_t	*count_at = r->pos;

	if (ws_read_count(r, &n, 2, "function body count") != 0)
		return -1;
	if (n != p->m->ndefined)
		return ws_fail(r, count_at, WS_ERR_MALFORMED,
		    "%u function bodies, but the function section declares %u",
		    n, p->m->ndefined);
	/* a framing error counts only if no body before it is malformed */
	r->diag = &framing;
	while (framed < n && frame_body(p, p->m->nfunc_imports + framed) == 0)
		bytes += p->m->funcs.v[p->m->nfunc_imports + framed++].body.len;
	r->diag = diag;
	rc = decode_bodies(p->m, framed, bytes, diag);
	if (rc == 0 && framed < n) {
		*diag = framing;
		rc = -1;
	}
	return rc != 0 ? -1 : ws_parse_count(p, n);
}

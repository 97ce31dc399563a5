/* SPDX-License-Identifier: MIT */
/*
 * findings.c - runs every finding over one analysis; the debug-info and
 * data findings live here, the others in dups.c, panic.c and buildmode.c.
 */
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "findings_impl.h"

void
ws_findings_debuginfo(struct ws_debuginfo *d, const struct ws_module *m)
{
	for (size_t i = 0; i < m->sections.n; i++) {
		const struct ws_section *s = &m->sections.v[i];
		uint64_t len = s->whole.len;

		if (s->id != WS_SEC_CUSTOM)
			continue;
		switch (s->custom) {
		case WS_CUSTOM_DEBUG: d->dwarf += len; d->ndwarf++; break;
		case WS_CUSTOM_NAME: d->names += len; break;
		case WS_CUSTOM_SOURCE_MAP: d->source_map += len; break;
		case WS_CUSTOM_EXTERNAL_DEBUG: d->external += len; break;
		case WS_CUSTOM_PRODUCERS: d->producers += len; break;
		case WS_CUSTOM_TARGET_FEATURES: d->features += len; break;
		case WS_CUSTOM_LINKING:
		case WS_CUSTOM_RELOC: d->linking += len; break;
		default: continue;
		}
		d->total += len;
	}
}

/* Zero runs inside active data segments, and zeros at their ends. */
static void
data_zeros(struct ws_data_finding *d, const struct ws_module *m)
{
	for (size_t i = 0; i < m->datas.n; i++) {
		const struct ws_object *o = &m->datas.v[i];
		const uint8_t *p = m->base + o->init.off;
		size_t n = o->init.len, run = 0;

		if (o->mode != WS_SEG_ACTIVE)
			continue;
		d->active += n;
		for (size_t j = 0; j <= n; j++) {
			if (j < n && p[j] == 0) {
				run++;
				continue;
			}
			if (run >= WS_ZERO_RUN) {
				d->zero_runs += run;
				d->nzero_runs++;
			}
			if (j == n)
				d->trailing_zeros += run;
			run = 0;
		}
	}
}

int
ws_findings_build(struct ws_findings *f, const struct ws_analysis *a,
    struct ws_diag *diag)
{
	memset(f, 0, sizeof *f);
	ws_toolchain_detect(&f->toolchain, a);
	ws_findings_debuginfo(&f->debug, a->m);
	data_zeros(&f->data, a->m);
	if (ws_find_dups(f, a, diag) != 0 || ws_find_panic(&f->panic, a,
	    diag) != 0 || ws_find_build_mode(&f->build, a, diag) != 0)
		return -1;
	return 0;
}

void
ws_findings_free(struct ws_findings *f)
{
	free(f->dups);
	free(f->dup_members);
	free(f->panic.items);
	memset(f, 0, sizeof *f);
}

/* SPDX-License-Identifier: MIT */
/*
 * load.c - a file as every command starts from it: mapped, parsed as a
 * module or a component (every module analysed, --module N picked), or
 * opened as a saved JSON report; its warnings printed; --names-from's
 * other build loaded beside it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/names_from.h"
#include "cli.h"
#include "report/escape.h"

/* The file name as it may reach a terminal: escaped. */
static char *
shown_name(const char *file)
{
	char	*buf = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&buf, &n);

	if (fp == NULL)
		return NULL;
	ws_put_escaped(fp, file, strlen(file));
	fclose(fp);
	return buf;
}

static void
print_warnings(const struct ws_module *m, const char *file)
{
	for (size_t i = 0; i < m->nwarnings && i < WS_MAX_WARNINGS; i++)
		fprintf(stderr, "wasmsize: %s: warning: offset 0x%zx: %s\n",
		    file, m->warnings[i].offset, m->warnings[i].text);
	if (m->nwarnings > WS_MAX_WARNINGS)
		fprintf(stderr, "wasmsize: %s: warning: %zu more warnings\n",
		    file, m->nwarnings - WS_MAX_WARNINGS);
}

/* Whether a file is a saved JSON report: its first non-blank is '{'. */
static int
is_json(const struct ws_file *f)
{
	for (size_t i = 0; i < f->size; i++)
		if (f->data[i] != ' ' && f->data[i] != '\t' &&
		    f->data[i] != '\n' && f->data[i] != '\r')
			return f->data[i] == '{';
	return 0;
}

/* A component: every module analysed; --module N picks one. */
static int
load_component(const struct ws_opts *o, const char *path, struct loaded *l,
    const struct ws_analysis_opts *aopts)
{
	l->is_component = 1;
	if (ws_component_parse(&l->comp, l->f.data, (struct ws_span){ 0,
	    l->f.size }, 0, &l->diag) != 0 || ws_canalyze(&l->ca, path,
	    &l->comp, aopts, &l->diag) != 0) {
		ws_diag_print(&l->diag, l->shown, stderr);
		return -1;
	}
	for (size_t i = 0; i < l->ca.nmodules; i++)
		print_warnings(l->ca.modules[i].m, l->shown);
	if (o->module < 0)
		return 0;
	if ((size_t)o->module >= l->ca.nmodules) {
		fprintf(stderr, "wasmsize: %s: --module %ld: the component has "
		    "%zu core modules\n", l->shown, o->module, l->ca.nmodules);
		return -1;
	}
	l->ap = &l->ca.modules[o->module].a;
	if (o->compressed && ws_analysis_compress(l->ap, &l->diag) != 0) {
		ws_diag_print(&l->diag, l->shown, stderr);
		return -1;
	}
	return 0;
}

/*
 * --names-from: the names of another build of the same code, for the
 * module l analysed.  The other build stays loaded as l->donor.
 */
static int
borrow_names(const struct ws_opts *o, struct loaded *l)
{
	struct ws_opts	 plain = *o;
	struct ws_names_match mt;
	struct ws_diag	 d = { 0 };
	int		 rc;

	plain.names_from = NULL;
	plain.compressed = 0;
	plain.module = -1;
	if ((l->donor = calloc(1, sizeof *l->donor)) == NULL ||
	    ws_cli_load(&plain, o->names_from, 0, l->donor) != 0)
		return -1;
	if (l->donor->ap == NULL) {
		fprintf(stderr, "wasmsize: %s: --names-from: a component; "
		    "extract the module first (wasmsize extract)\n",
		    l->donor->shown);
		return -1;
	}
	if ((rc = ws_names_from(l->ap, l->donor->ap, &mt, &d)) != 0) {
		fprintf(stderr, "wasmsize: %s: --names-from=%s: %s\n", l->shown,
		    l->donor->shown, d.text);
		return -1;
	}
	fprintf(stderr, "wasmsize: %s: names from %s: %u of %u functions "
	    "matched, %u of %u imported functions, %u of %u data segments; "
	    "%u items named\n", l->shown, l->donor->shown, mt.functions_matched,
	    mt.functions, mt.imports_matched, mt.imports, mt.datas_matched,
	    mt.datas, mt.named);
	return 0;
}

int
ws_cli_load(const struct ws_opts *o, const char *path, int json_ok, struct loaded *l)
{
	struct ws_analysis_opts aopts = { o->demangle };

	memset(l, 0, sizeof *l);
	if ((l->shown = shown_name(path)) == NULL) {
		fputs("wasmsize: out of memory\n", stderr);
		return -1;
	}
	if (ws_file_open(&l->f, path, &l->diag) != 0)
		goto fail;
	if (json_ok && is_json(&l->f)) {
		l->json = 1;
		return 0;
	}
	if (ws_is_component(l->f.data, l->f.size)) {
		if (load_component(o, path, l, &aopts) != 0)
			return -1;
		return o->names_from != NULL && l->ap != NULL ?
		    borrow_names(o, l) : 0;
	}
	l->ap = &l->a;
	if (ws_module_parse(&l->m, l->f.data, (struct ws_span){ 0, l->f.size },
	    &l->diag) != 0 || ws_analyze(&l->a, path, &l->m, &aopts,
	    &l->diag) != 0 || (o->compressed &&
	    ws_analysis_compress(&l->a, &l->diag) != 0))
		goto fail;
	print_warnings(&l->m, l->shown);
	return o->names_from != NULL ? borrow_names(o, l) : 0;
fail:
	ws_diag_print(&l->diag, l->shown, stderr);
	return -1;
}

void
ws_cli_unload(struct loaded *l)
{
	if (l->donor != NULL) {
		ws_cli_unload(l->donor);
		free(l->donor);
	}
	ws_canalysis_free(&l->ca);
	ws_component_free(&l->comp);
	ws_analysis_free(&l->a);
	ws_module_free(&l->m);
	ws_file_close(&l->f);
	free(l->shown);
}

/* SPDX-License-Identifier: MIT */
/*
 * advice.c - one function per recommendation: each looks at the findings,
 * and when they call for it, adds a recommendation with its action for
 * the detected toolchain and an honest estimate.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "dominators.h"

static const char *const confidence_names[] = {
	[WS_EXACT] = "exact", [WS_ESTIMATE] = "estimate",
	[WS_HEURISTIC] = "heuristic",
};

/* Rules of thumb, stated where they are used. */
enum {
	OZ_PERCENT = 10,		/* -Oz on code binaryen never saw */
	O0_PERCENT = 50,		/* -O2 over -O0 code */
	SMALL_ALLOCATOR = 1024,		/* bytes a minimal allocator takes */
	SEGMENT_OVERHEAD = 8,		/* a data segment's header, about */
	ALLOCATOR_MIN = 4096,		/* worth replacing from this size */
	MONOS_PERCENT = 2,		/* of the code, for lto advice */
};

const char *
ws_confidence_name(enum ws_confidence c)
{
	return confidence_names[c];
}

struct ctx {
	struct ws_advice		*adv;
	const struct ws_analysis	*a;
	const struct ws_findings	*f;
	const char			*file;
	enum ws_lang			 lang;
	int				 oom;
};

static struct ws_rec *
add(struct ctx *c, const char *id, const char *title, uint64_t saving,
    enum ws_confidence conf, const char *wasm_opt)
{
	struct ws_rec *r;

	if (c->adv->n == sizeof c->adv->recs / sizeof *c->adv->recs)
		return NULL;
	r = &c->adv->recs[c->adv->n++];
	*r = (struct ws_rec){ .id = id, .title = title, .saving = saving,
	    .confidence = conf, .wasm_opt = wasm_opt };
	return r;
}

/* printf into the advice's arena; marks OOM. */
#define TEXT(c, ...)	text_or_oom((c), ws_strbuf_printf(&(c)->adv->text, \
			    __VA_ARGS__))

static const char *
text_or_oom(struct ctx *c, const char *s)
{
	if (s == NULL)
		c->oom = 1;
	return s != NULL ? s : "";
}

static int
is_rust(const struct ctx *c)
{
	return c->lang == WS_LANG_RUST;
}

static int
is_c(const struct ctx *c)
{
	return c->lang == WS_LANG_C || c->lang == WS_LANG_CXX ||
	    c->lang == WS_LANG_C_OR_CXX;
}

static void
strip_dwarf(struct ctx *c)
{
	const struct ws_debuginfo *d = &c->f->debug;
	struct ws_rec *r;

	if (d->dwarf == 0 || (r = add(c, "strip-dwarf", "Strip DWARF debug "
	    "information", d->dwarf, WS_EXACT, "-g --strip-dwarf")) == NULL)
		return;
	r->finding = TEXT(c, "%zu .debug_* sections hold %" PRIu64 " bytes",
	    d->ndwarf, d->dwarf);
	r->action = TEXT(c, "wasm-opt --strip-dwarf %s -o OUT.wasm%s", c->file,
	    is_rust(c) ? "; or in Cargo.toml: [profile.release] debug = false "
	    "and strip = \"debuginfo\"" : is_c(c) ? "; or compile without -g "
	    "(Emscripten: -g0)" : "");
}

static void
strip_debug(struct ctx *c)
{
	const struct ws_debuginfo *d = &c->f->debug;
	uint64_t bytes = d->dwarf + d->names + d->source_map;
	struct ws_rec *r;

	if (d->names == 0 || (r = add(c, "strip-debug", "Strip names and all "
	    "debug information", bytes, WS_EXACT, "--strip-debug")) == NULL)
		return;
	r->finding = TEXT(c, "the name section (%" PRIu64 " bytes), DWARF "
	    "(%" PRIu64 "), sourceMappingURL (%" PRIu64 ")", d->names,
	    d->dwarf, d->source_map);
	r->action = TEXT(c, "wasm-opt --strip-debug %s -o OUT.wasm%s; "
	    "profilers, stack traces and wasmsize itself then see no names",
	    c->file, is_rust(c) ? "; or in Cargo.toml: [profile.release] "
	    "strip = true" : is_c(c) ? "; or link with -s (wasm-ld "
	    "--strip-all)" : "");
}

static void
strip_small(struct ctx *c)
{
	const struct ws_debuginfo *d = &c->f->debug;
	struct ws_rec *r;

	if (d->producers > 0 && (r = add(c, "strip-producers", "Strip the "
	    "producers section", d->producers, WS_EXACT,
	    "-g --strip-producers")) != NULL) {
		r->finding = TEXT(c, "producers: %" PRIu64 " bytes",
		    d->producers);
		r->action = TEXT(c, "wasm-opt --strip-producers %s -o OUT.wasm",
		    c->file);
	}
	if (d->features > 0 && (r = add(c, "strip-target-features", "Strip "
	    "the target_features section", d->features, WS_EXACT,
	    "-g --strip-target-features")) != NULL) {
		r->finding = TEXT(c, "target_features: %" PRIu64 " bytes",
		    d->features);
		r->action = TEXT(c, "wasm-opt --strip-target-features %s -o "
		    "OUT.wasm, as the last step: a later wasm-opt then needs "
		    "the features given explicitly (--enable-... or -all)",
		    c->file);
	}
	if (d->linking > 0 && (r = add(c, "strip-linking", "Remove linker "
	    "sections left in a final module", d->linking, WS_EXACT,
	    NULL)) != NULL) {
		r->finding = TEXT(c, "linking and reloc.* sections: %" PRIu64
		    " bytes: this looks like an object file, or a module "
		    "linked with --emit-relocs", d->linking);
		r->action = TEXT(c, "link it (wasm-ld) without --emit-relocs, "
		    "or wasm-strip %s", c->file);
		r->measure_note = "wasm-opt does not remove these sections";
	}
}

static void
strip_custom(struct ctx *c)
{
	const struct ws_debuginfo *d = &c->f->debug;
	struct ws_rec *r;


	/* only when it removes more than strip-debug would */
	if (c->a->custom_bytes <= d->dwarf + d->names + d->source_map ||
	    (r = add(c, "strip-custom", "Remove every custom "
	    "section",
	    c->a->custom_bytes, WS_EXACT, NULL)) == NULL)
		return;
	r->finding = TEXT(c, "%zu custom sections hold %zu bytes",
	    c->a->ncustom, c->a->custom_bytes);
	r->action = TEXT(c, "wasm-strip %s (wabt); hosts do not need custom "
	    "sections, unless they read them (component-type:*, dylink.0)",
	    c->file);
	r->measure_note = "wasm-strip, not wasm-opt, does this";
}

static void
optimize(struct ctx *c)
{
	const struct ws_build_mode *b = &c->f->build;
	uint64_t code = b->code_bytes;
	struct ws_rec *r;

	if (b->unoptimized && (r = add(c, "optimize-build", "Build with "
	    "optimizations", b->o0_bytes * O0_PERCENT / 100, WS_HEURISTIC,
	    NULL)) != NULL) {
		r->finding = TEXT(c, "%u functions (%" PRIu64 " bytes) look "
		    "like -O0 code: locals carry every value", b->o0_functions,
		    b->o0_bytes);
		r->action = is_rust(c) ? "cargo build --release" : is_c(c) ?
		    "compile with -Oz or -Os (or -O2)" :
		    "turn on the compiler's optimizations";
		r->measure_note = "needs a rebuild from source";
	}
	if (c->f->toolchain.binaryen || code == 0 ||
	    (r = add(c, "wasm-opt-Oz", "Optimize with binaryen", code *
	    OZ_PERCENT / 100, WS_HEURISTIC, "-g -Oz")) == NULL)
		return;
	r->finding = TEXT(c, "no sign that wasm-opt ran (%" PRIu64 " bytes "
	    "of code)", code);
	r->action = TEXT(c, "wasm-opt -Oz %s -o OUT.wasm (or -Os; add "
	    "--converge for a little more)%s", c->file, is_rust(c) ?
	    "; wasm-pack runs it for you in release builds" : "");
}

static void
duplicates(struct ctx *c)
{
	const struct ws_findings *f = c->f;
	struct ws_rec *r;

	if (f->dup_savings == 0 || (r = add(c, "merge-duplicates", "Merge "
	    "duplicate functions", f->dup_savings, WS_ESTIMATE,
	    "-g --duplicate-function-elimination")) == NULL)
		return;
	r->finding = TEXT(c, "%zu groups of byte-identical functions",
	    f->ndups);
	r->action = TEXT(c, "wasm-opt --duplicate-function-elimination %s -o "
	    "OUT.wasm (part of -Oz)", c->file);
}

static void
panics(struct ctx *c)
{
	const struct ws_panic *p = &c->f->panic;
	struct ws_rec *r;

	if (p->n == 0 || p->snip == 0 || (r = add(c, "remove-panics",
	    is_c(c) ? "Remove exception support" : "Remove panic machinery",
	    p->snip, WS_ESTIMATE, NULL)) == NULL)
		return;
	r->finding = TEXT(c, "%zu functions (%" PRIu64 " bytes) report "
	    "panics or exceptions; snipping them lets %" PRIu64 " bytes go, "
	    "%" PRIu64 " of them core::fmt", p->n, p->own, p->snip, p->snip_fmt);
	r->action = is_rust(c) ? "in Cargo.toml: [profile.release] panic = "
	    "\"abort\"; on nightly: -Zbuild-std=std,panic_abort "
	    "-Zbuild-std-features=panic_immediate_abort; or wasm-snip "
	    "--snip-rust-panicking-code, then wasm-opt -Oz" : is_c(c) ?
	    "compile with -fno-exceptions (Emscripten: -sDISABLE_EXCEPTION_"
	    "CATCHING=1)" : "replace the panic entry points' bodies with "
	    "unreachable (wasm-snip), then wasm-opt -Oz";
	r->measure_note = "needs wasm-snip or a rebuild";
}

/* Generic code copied per type: Rust's LTO and one codegen unit help. */
static void
rust_profile(struct ctx *c, uint64_t monos_savings)
{
	uint64_t code = c->f->build.code_bytes;
	struct ws_rec *r;

	if (!is_rust(c))
		return;
	if (monos_savings * 100 >= code * MONOS_PERCENT && code > 0 &&
	    (r = add(c, "rust-lto", "Link-time optimization in one codegen "
	    "unit", monos_savings, WS_HEURISTIC, NULL)) != NULL) {
		r->finding = TEXT(c, "monomorphized copies take %" PRIu64
		    " bytes more than one copy each would", monos_savings);
		r->action = "in Cargo.toml: [profile.release] lto = true and "
		    "codegen-units = 1";
		r->measure_note = "needs a rebuild";
	}
	if ((r = add(c, "rust-opt-level", "Try opt-level \"z\" and \"s\"", 0,
	    WS_HEURISTIC, NULL)) != NULL) {
		r->finding = "a Rust build: which opt-level is smaller "
		    "depends on the code";
		r->action = "in Cargo.toml: [profile.release] opt-level = "
		    "\"z\", then \"s\"; keep the smaller (measure both)";
		r->measure_note = "needs two rebuilds";
	}
}

static int
is_dlmalloc(struct ws_str name)
{
	static const char *const names[] = { "dlmalloc", "dlfree",
	    "dlrealloc", "dlcalloc", "dispose_chunk", "internal_memalign",
	    "prepend_alloc", "tmalloc_small", "tmalloc_large", "sys_alloc",
	    "sys_trim", "release_unused_segments" };

	for (size_t i = 0; i + 8 <= name.len; i++)
		if (memcmp(name.s + i, "dlmalloc", 8) == 0)
			return 1;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (name.len == strlen(names[i]) &&
		    memcmp(name.s, names[i], name.len) == 0)
			return 1;
	return 0;
}

static void
allocator(struct ctx *c)
{
	uint64_t bytes = 0;
	size_t n = 0;
	struct ws_rec *r;

	for (size_t i = 0; i < c->a->attrib.n; i++)
		if (c->a->attrib.items[i].kind == WS_ENT_FUNCTION &&
		    is_dlmalloc(c->a->attrib.items[i].sym)) {
			bytes += c->a->attrib.items[i].size;
			n++;
		}
	if (bytes < ALLOCATOR_MIN || (r = add(c, "small-allocator", "Use a "
	    "smaller allocator", bytes - SMALL_ALLOCATOR, WS_HEURISTIC,
	    NULL)) == NULL)
		return;
	r->finding = TEXT(c, "dlmalloc: %zu functions, %" PRIu64 " bytes",
	    n, bytes);
	r->action = is_rust(c) ? "a #[global_allocator] such as talc or "
	    "lol_alloc (or a bump allocator, if the module is short-lived)" :
	    c->f->toolchain.flavor == WS_FLAVOR_EMSCRIPTEN ?
	    "link with -sMALLOC=emmalloc" : "a smaller malloc, such as "
	    "emmalloc or a bump allocator";
	r->measure_note = "needs a rebuild";
}

static void
data(struct ctx *c)
{
	const struct ws_data_finding *d = &c->f->data;
	uint64_t overhead = (uint64_t)d->nzero_runs * SEGMENT_OVERHEAD;
	int imported = c->a->m->memories.n > 0 &&
	    c->a->m->memories.v[0].imported;
	struct ws_rec *r;

	if (d->zero_runs <= overhead || (r = add(c, "memory-packing", "Drop "
	    "zero runs from data segments", d->zero_runs - overhead,
	    WS_ESTIMATE, imported ? "-g --memory-packing" :
	    "-g --memory-packing --zero-filled-memory")) == NULL)
		return;
	r->finding = TEXT(c, "%" PRIu64 " zero bytes in %zu runs of %d or "
	    "more inside active data segments", d->zero_runs, d->nzero_runs,
	    WS_ZERO_RUN);
	r->action = TEXT(c, "wasm-opt --memory-packing%s %s -o OUT.wasm%s",
	    imported ? "" : " --zero-filled-memory", c->file, imported ?
	    " (the memory is imported, so --zero-filled-memory is not safe)" :
	    "");
}

static int
by_saving(const void *x, const void *y)
{
	const struct ws_rec *a = x, *b = y;

	if (a->saving != b->saving)
		return a->saving < b->saving ? 1 : -1;
	return strcmp(a->id, b->id);
}

/* The file as a shell word: 'quoted' unless plain; FILE.wasm for stdin. */
static const char *
shell_word(struct ctx *c, const char *path)
{
	size_t	 n = strlen(path);
	char	*q;
	const char *res;
	size_t	 k = 0;

	if (strcmp(path, "-") == 0)
		return "FILE.wasm";
	if (strspn(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_./-+,:@%") == n && path[0] != '-')
		return path;
	if ((q = malloc(4 * n + 3)) == NULL) {
		c->oom = 1;
		return path;
	}
	q[k++] = '\'';
	for (size_t i = 0; i < n; i++) {
		if (path[i] == '\'') {
			memcpy(q + k, "'\\''", 4);
			k += 4;
		} else {
			q[k++] = path[i];
		}
	}
	q[k++] = '\'';
	res = ws_strbuf_add(&c->adv->text, q, k);
	free(q);
	if (res == NULL)
		c->oom = 1;
	return res != NULL ? res : path;
}

int
ws_advice_build(struct ws_advice *adv, const struct ws_analysis *a,
    const struct ws_findings *f, uint64_t monos_savings, struct ws_diag *diag)
{
	struct ctx c = { adv, a, f, a->path, f->toolchain.lang, 0 };

	memset(adv, 0, sizeof *adv);
	c.file = shell_word(&c, a->path);
	strip_dwarf(&c);
	strip_debug(&c);
	strip_small(&c);
	strip_custom(&c);
	optimize(&c);
	duplicates(&c);
	panics(&c);
	rust_profile(&c, monos_savings);
	allocator(&c);
	data(&c);
	qsort(adv->recs, adv->n, sizeof *adv->recs, by_saving);
	if (c.oom)
		return ws_diag_set(diag, 0, WS_ERR_NOMEM, "out of memory");
	return 0;
}

void
ws_advice_free(struct ws_advice *adv)
{
	ws_strbuf_free(&adv->text);
	memset(adv, 0, sizeof *adv);
}

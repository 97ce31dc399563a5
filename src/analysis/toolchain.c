/* SPDX-License-Identifier: MIT */
/*
 * toolchain.c - producers first (language, processed-by, sdk); then the
 * import modules and names that toolchains leave behind; then mangled
 * function names.
 */
#include <string.h>

#include "toolchain.h"

static const char *const lang_names[] = {
	[WS_LANG_UNKNOWN] = "unknown", [WS_LANG_RUST] = "Rust",
	[WS_LANG_C] = "C", [WS_LANG_CXX] = "C++", [WS_LANG_C_OR_CXX] = "C/C++",
	[WS_LANG_GO] = "Go",
	[WS_LANG_ASSEMBLYSCRIPT] = "AssemblyScript",
};

static const char *const flavor_names[] = {
	[WS_FLAVOR_NONE] = NULL, [WS_FLAVOR_WASM_BINDGEN] = "wasm-bindgen",
	[WS_FLAVOR_WIT_BINDGEN] = "wit-bindgen", [WS_FLAVOR_EMSCRIPTEN] =
	"Emscripten", [WS_FLAVOR_WASI] = "WASI",
};

const char *
ws_lang_name(enum ws_lang l)
{
	return lang_names[l];
}

const char *
ws_flavor_name(enum ws_flavor f)
{
	return flavor_names[f];
}

static int
eq(const struct ws_module *m, struct ws_span sp, const char *s)
{
	return sp.len == strlen(s) && memcmp(m->base + sp.off, s, sp.len) == 0;
}

static int
starts(const struct ws_module *m, struct ws_span sp, const char *s)
{
	size_t n = strlen(s);

	return sp.len >= n && memcmp(m->base + sp.off, s, n) == 0;
}

static int
contains(const struct ws_module *m, struct ws_span sp, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= sp.len; i++)
		if (memcmp(m->base + sp.off + i, s, n) == 0)
			return 1;
	return 0;
}

static enum ws_lang
lang_of(const struct ws_module *m, struct ws_span name)
{
	if (eq(m, name, "Rust"))
		return WS_LANG_RUST;
	if (starts(m, name, "C++"))
		return WS_LANG_CXX;
	if (starts(m, name, "C"))	/* C89, C99, C11, ... */
		return WS_LANG_C;
	if (eq(m, name, "Go"))
		return WS_LANG_GO;
	if (eq(m, name, "AssemblyScript"))
		return WS_LANG_ASSEMBLYSCRIPT;
	return WS_LANG_UNKNOWN;
}

static void
from_producers(struct ws_toolchain *t, const struct ws_module *m)
{
	for (size_t i = 0; i < m->producers.n; i++) {
		const struct ws_producer *p = &m->producers.v[i];

		if (eq(m, p->field, "language") && t->lang == WS_LANG_UNKNOWN)
			t->lang = lang_of(m, p->name);
		if (eq(m, p->field, "processed-by")) {
			if (eq(m, p->name, "rustc") && !t->lang)
				t->lang = WS_LANG_RUST;
			if (eq(m, p->name, "wasm-bindgen"))
				t->flavor = WS_FLAVOR_WASM_BINDGEN;
			if (starts(m, p->name, "wit-bindgen")) {
				t->flavor = WS_FLAVOR_WIT_BINDGEN;
				if (contains(m, p->name, "rust") && !t->lang)
					t->lang = WS_LANG_RUST;
			}
			if (eq(m, p->name, "binaryen") ||
			    eq(m, p->name, "wasm-opt"))
				t->binaryen = 1;
		}
		if (eq(m, p->field, "sdk") && contains(m, p->name, "Emscripten"))
			t->flavor = WS_FLAVOR_EMSCRIPTEN;
	}
	if (t->lang != WS_LANG_UNKNOWN)
		t->lang_evidence = "producers section";
	if (t->flavor != WS_FLAVOR_NONE)
		t->flavor_evidence = "producers section";
}

/* Emscripten's minifier renames import modules and fields to a, b, ... */
static int
minified(const struct ws_module *m)
{
	if (m->imports.n < 3)
		return 0;
	for (size_t i = 0; i < m->imports.n; i++)
		if (m->imports.v[i].module.len > 2 ||
		    m->imports.v[i].field.len > 3)
			return 0;
	return 1;
}

static void
from_imports(struct ws_toolchain *t, const struct ws_module *m)
{
	enum ws_flavor	 f = WS_FLAVOR_NONE;
	enum ws_lang	 l = WS_LANG_UNKNOWN;
	const char	*why = NULL, *lwhy = NULL;

	for (size_t i = 0; i < m->imports.n && f == WS_FLAVOR_NONE; i++) {
		const struct ws_import *im = &m->imports.v[i];

		if (eq(m, im->module, "__wbindgen_placeholder__") ||
		    starts(m, im->field, "__wbindgen_") ||
		    starts(m, im->field, "__wbg_")) {
			f = WS_FLAVOR_WASM_BINDGEN;
			why = "imports named __wbindgen_* / __wbg_*";
		} else if (starts(m, im->field, "emscripten_") ||
		    starts(m, im->field, "_embind_") ||
		    starts(m, im->field, "_emval_") ||
		    starts(m, im->field, "__syscall_") ||
		    eq(m, im->module, "GOT.func") || eq(m, im->module, "GOT.mem")) {
			f = WS_FLAVOR_EMSCRIPTEN;
			why = "Emscripten's imports (emscripten_*, __syscall_*, "
			    "embind, GOT.*)";
			if (starts(m, im->field, "_embind_") ||
			    starts(m, im->field, "_emval_")) {
				l = WS_LANG_CXX;
				lwhy = "embind imports";
			}
		} else if (eq(m, im->module, "gojs") || eq(m, im->module, "go")) {
			l = WS_LANG_GO;
			lwhy = "imports from the Go runtime (gojs)";
		}
	}
	/* embind may come after the first Emscripten import */
	for (size_t i = 0; i < m->imports.n && l == WS_LANG_UNKNOWN; i++)
		if (starts(m, m->imports.v[i].field, "_embind_")) {
			l = WS_LANG_CXX;
			lwhy = "embind imports";
		}
	if (f == WS_FLAVOR_NONE && minified(m)) {
		f = WS_FLAVOR_EMSCRIPTEN;
		why = "minified imports (module and field names of 1-3 "
		    "letters), as Emscripten writes them";
	}
	for (size_t i = 0; i < m->imports.n && f == WS_FLAVOR_NONE; i++)
		if (eq(m, m->imports.v[i].module, "wasi_snapshot_preview1") ||
		    eq(m, m->imports.v[i].module, "wasi_unstable")) {
			f = WS_FLAVOR_WASI;
			why = "imports from wasi_snapshot_preview1";
		}
	/* AssemblyScript imports env.abort; so does Emscripten, found above */
	for (size_t i = 0; i < m->imports.n && l == WS_LANG_UNKNOWN &&
	    f == WS_FLAVOR_NONE; i++)
		if (eq(m, m->imports.v[i].module, "env") &&
		    eq(m, m->imports.v[i].field, "abort") &&
		    m->imports.v[i].kind == WS_EXT_FUNC) {
			l = WS_LANG_ASSEMBLYSCRIPT;
			lwhy = "env.abort, AssemblyScript's abort hook";
		}
	if (t->flavor == WS_FLAVOR_NONE && f != WS_FLAVOR_NONE) {
		t->flavor = f;
		t->flavor_inferred = 1;
		t->flavor_evidence = why;
	}
	if (t->lang == WS_LANG_UNKNOWN && l != WS_LANG_UNKNOWN) {
		t->lang = l;
		t->lang_inferred = 1;
		t->lang_evidence = lwhy;
	}
}

/* Mangled names: Rust's _ZN...17h<hash>E or _R..., C++'s other _Z... */
static void
from_names(struct ws_toolchain *t, const struct ws_analysis *a)
{
	size_t	 rust = 0, cxx = 0;

	for (size_t i = 0; i < a->attrib.n; i++) {
		const struct ws_item *it = &a->attrib.items[i];
		struct ws_str r = it->raw_name.s != NULL ? it->raw_name :
		    it->name;

		if (it->kind != WS_ENT_FUNCTION || !it->mangled)
			continue;
		if ((r.len > 2 && memcmp(r.s, "_R", 2) == 0) ||
		    (r.len > 20 && r.s[r.len - 1] == 'E' &&
		    memcmp(r.s + r.len - 20, "17h", 3) == 0))
			rust++;
		else if (r.len > 2 && memcmp(r.s, "_Z", 2) == 0)
			cxx++;
	}
	if (t->lang != WS_LANG_UNKNOWN || rust + cxx == 0)
		return;
	t->lang = rust >= cxx ? WS_LANG_RUST : WS_LANG_CXX;
	t->lang_inferred = 1;
	t->lang_evidence = rust >= cxx ? "Rust-mangled function names" :
	    "C++-mangled function names";
}

void
ws_toolchain_detect(struct ws_toolchain *t, const struct ws_analysis *a)
{
	memset(t, 0, sizeof *t);
	from_producers(t, a->m);
	from_imports(t, a->m);
	from_names(t, a);
	if (t->lang == WS_LANG_UNKNOWN && (t->flavor == WS_FLAVOR_WASM_BINDGEN ||
	    t->flavor == WS_FLAVOR_WIT_BINDGEN)) {
		t->lang = WS_LANG_RUST;
		t->lang_inferred = 1;
		t->lang_evidence = "wasm-bindgen and wit-bindgen's Rust output";
	}
	if (t->lang == WS_LANG_UNKNOWN && t->flavor == WS_FLAVOR_EMSCRIPTEN) {
		t->lang = WS_LANG_C_OR_CXX;
		t->lang_inferred = 1;
		t->lang_evidence = "Emscripten, which compiles C and C++";
	}
}

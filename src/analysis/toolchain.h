/* SPDX-License-Identifier: MIT */
/*
 * toolchain.h - what built a module: read from its producers section, or,
 * where that says too little, inferred from its imports and names (and
 * said to be inferred).  Advice picks its actions by this.
 */
#ifndef WS_TOOLCHAIN_H
#define WS_TOOLCHAIN_H

#include "analysis.h"

enum ws_lang {
	WS_LANG_UNKNOWN = 0, WS_LANG_RUST, WS_LANG_C, WS_LANG_CXX,
	WS_LANG_C_OR_CXX,	/* Emscripten output that does not say which */
	WS_LANG_GO, WS_LANG_ASSEMBLYSCRIPT
};

enum ws_flavor {
	WS_FLAVOR_NONE = 0,
	WS_FLAVOR_WASM_BINDGEN,	/* Rust for JS hosts */
	WS_FLAVOR_WIT_BINDGEN,	/* Rust for the component model */
	WS_FLAVOR_EMSCRIPTEN,
	WS_FLAVOR_WASI,		/* wasi-libc / wasm32-wasi(p1) */
};

struct ws_toolchain {
	enum ws_lang	 lang;
	enum ws_flavor	 flavor;
	int		 lang_inferred;		/* not from producers */
	int		 flavor_inferred;
	const char	*lang_evidence;		/* what the guess rests on */
	const char	*flavor_evidence;
	int		 binaryen;		/* wasm-opt ran (producers) */
};

/* Detects the toolchain of a's module. */
void	ws_toolchain_detect(struct ws_toolchain *, const struct ws_analysis *a);

/* "Rust", "C", "C++", ... or "unknown". */
const char *ws_lang_name(enum ws_lang);

/* "wasm-bindgen", "Emscripten", ... or NULL for none. */
const char *ws_flavor_name(enum ws_flavor);

#endif

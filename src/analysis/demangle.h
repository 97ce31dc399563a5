/* SPDX-License-Identifier: MIT */
/*
 * demangle.h - Rust (legacy and v0) and Itanium C++ symbol names made
 * readable, through libiberty's cplus_demangle.
 */
#ifndef WS_DEMANGLE_H
#define WS_DEMANGLE_H

#include <stddef.h>

#include "strbuf.h"

/*
 * If name (len bytes, not NUL-terminated) is a mangled Rust or C++ symbol,
 * stores its demangled form in sb and returns it; otherwise returns NULL.
 * Rust legacy names lose their trailing ::h<hash>.
 */
const char *ws_demangle(struct ws_strbuf *sb, const char *name, size_t len);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * select.h - finding the items a user names on the command line: by name
 * (demangled or as in the file), as func[N], or by regular expression.
 */
#ifndef WS_SELECT_H
#define WS_SELECT_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "wasm/diag.h"

/*
 * Appends to *out (growing it; *n items so far) the indices of the items
 * that pattern names: with regex set, every item whose name or raw name
 * matches the POSIX extended regular expression; otherwise every item
 * whose name or raw name is pattern, or the function func[N].  Returns
 * the number of items found, or -1 with a message in diag (a bad regular
 * expression, OOM).
 */
int	ws_select(const struct ws_analysis *, const char *pattern, int regex,
	    uint32_t **out, size_t *n, struct ws_diag *);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * diag.c - recording and printing the first parse error.  This is the only
 * file of wasm/ that prints.
 */
#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

int
ws_diag_set(struct ws_diag *d, size_t offset, enum ws_err code,
    const char *fmt, ...)
{
	va_list	 ap;

	if (d->code != WS_OK)
		return -1;
	d->code = code;
	d->offset = offset;
	va_start(ap, fmt);
	vsnprintf(d->text, sizeof d->text, fmt, ap);
	va_end(ap);
	return -1;
}

void
ws_diag_print(const struct ws_diag *d, const char *file, FILE *fp)
{
	if (d->code == WS_ERR_IO || d->code == WS_ERR_NOMEM ||
	    d->code == WS_ERR_TEXT)
		fprintf(fp, "wasmsize: %s: %s\n", file, d->text);
	else
		fprintf(fp, "wasmsize: %s: offset 0x%zx: %s\n", file,
		    d->offset, d->text);
}

/* SPDX-License-Identifier: MIT */
/*
 * diag.h - the first error of a parse: where it happened and what it was.
 * The parser fills one struct ws_diag and returns -1; the CLI formats it as
 * "wasmsize: FILE: offset 0x1f3a: code section: ...".
 */
#ifndef WS_DIAG_H
#define WS_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum ws_err {
	WS_OK = 0,
	WS_ERR_TRUNCATED,	/* input ends inside a field */
	WS_ERR_LEB,		/* over-long or out-of-range LEB128 */
	WS_ERR_MALFORMED,	/* a value the format does not allow */
	WS_ERR_LIMIT,		/* nesting or count beyond what we accept */
	WS_ERR_NOMEM,		/* allocation failed */
	WS_ERR_IO,		/* the file could not be read */
	WS_ERR_TEXT,		/* a text input (JSON) is wrong: no offset */
};

struct ws_diag {
	enum ws_err	 code;		/* WS_OK until the first error */
	size_t		 offset;	/* byte offset into the file */
	char		 text[256];	/* "code section: body of function 12 ..." */
};

/*
 * Records an error at offset unless one is already recorded (the first error
 * wins).  Always returns -1, so callers can `return ws_diag_set(...)`.
 */
int	ws_diag_set(struct ws_diag *, size_t offset, enum ws_err,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Writes "wasmsize: FILE: offset 0xN: TEXT\n" to fp. */
void	ws_diag_print(const struct ws_diag *, const char *file, FILE *fp);

#endif

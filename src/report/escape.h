/* SPDX-License-Identifier: MIT */
/*
 * escape.h - names from a binary are untrusted: these write them so that
 * no control character or invalid UTF-8 reaches a terminal, a CSV reader or
 * a JSON parser raw.
 */
#ifndef WS_ESCAPE_H
#define WS_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

/*
 * Writes len bytes of s to fp: valid printable UTF-8 as is; C0 and C1
 * control characters, DEL, invisible format characters (bidirectional
 * controls, zero-width ones, the BOM) and bytes of invalid UTF-8 as \xNN;
 * a backslash as \\.  Returns the number of columns written, counting one per
 * character (an estimate for wide characters).
 */
size_t	ws_put_escaped(FILE *fp, const char *s, size_t len);

/*
 * The escaped form of s (as ws_put_escaped writes it) into out, cropped to
 * at most cols display columns and cap - 1 bytes, never inside a UTF-8
 * sequence or an escape; NUL-terminated.  With ascii set, every non-ASCII
 * byte is escaped too (for terminals without UTF-8).  Returns the columns
 * used.
 */
size_t	ws_escape_crop(const char *s, size_t len, int ascii, size_t cols,
	    char *out, size_t cap);

/*
 * Writes one CSV field: escaped as above, and quoted (RFC 4180) when it
 * holds a comma, a double quote, or leading or trailing spaces; a field
 * that a spreadsheet would take for a formula (=, +, @, or - not before a
 * digit) gets a ' in front.
 */
void	ws_put_csv_field(FILE *fp, const char *s, size_t len);

/*
 * A new JSON string holding s: invalid UTF-8 bytes become U+FFFD, every
 * other byte (NUL and controls included) is kept; jansson escapes them.
 * Returns a new reference, or NULL on OOM.
 */
json_t	*ws_json_bytes(const char *s, size_t len);

#endif

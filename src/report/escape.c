/* SPDX-License-Identifier: MIT */
/*
 * escape.c - escaping untrusted names for text, CSV and JSON output.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "utf8.h"

/*
 * Printable: not C0, DEL or C1, not the line and paragraph separators,
 * and not the invisible format characters that reorder or hide text on a
 * terminal (bidirectional controls, zero-width characters, the BOM).
 */
static int
printable(uint32_t cp)
{
	return cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0) &&
	    cp != 0x061c && !(cp >= 0x200b && cp <= 0x200f) &&
	    !(cp >= 0x2028 && cp <= 0x202e) && !(cp >= 0x2060 &&
	    cp <= 0x2069) && cp != 0xfeff;
}

size_t
ws_put_escaped(FILE *fp, const char *s, size_t len)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + len;
	size_t		 cols = 0, n;
	uint32_t	 cp;

	while (p < end) {
		n = ws_utf8_seq(p, (size_t)(end - p), &cp);
		if (n == 0 || !printable(cp)) {
			for (size_t i = 0; i < (n ? n : 1); i++)
				fprintf(fp, "\\x%02x", p[i]);
			cols += 4 * (n ? n : 1);
			p += n ? n : 1;
			continue;
		}
		if (cp == '\\') {
			fputs("\\\\", fp);
			cols += 2;
		} else {
			fwrite(p, 1, n, fp);
			cols++;
		}
		p += n;
	}
	return cols;
}

/*
 * A field a spreadsheet would run as a formula: one that starts with =,
 * +, @, a tab or carriage return, or a - that does not begin a number.
 */
static int
formula(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (s[0] == '-')
		return len == 1 || s[1] < '0' || s[1] > '9';
	return s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' ||
	    s[0] == '\r';
}

size_t
ws_escape_crop(const char *s, size_t len, int ascii, size_t cols, char *out,
    size_t cap)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + len;
	size_t		 used = 0, k = 0, n;
	uint32_t	 cp;

	while (p < end && cap > 0) {
		char	 esc[16];
		size_t	 elen, w;

		n = ws_utf8_seq(p, (size_t)(end - p), &cp);
		if (n == 0 || !printable(cp) || (ascii && cp >= 0x80)) {
			size_t nb = n ? n : 1;
			elen = 0;
			for (size_t i = 0; i < nb; i++)
				elen += (size_t)snprintf(esc + elen,
				    sizeof esc - elen, "\\x%02x", p[i]);
			w = elen;
			n = nb;
		} else if (cp == '\\') {
			memcpy(esc, "\\\\", 2);
			elen = w = 2;
		} else {
			memcpy(esc, p, n);
			elen = n;
			w = (size_t)ws_utf8_width(cp);
		}
		if (used + w > cols || k + elen >= cap)
			break;
		memcpy(out + k, esc, elen);
		k += elen;
		used += w;
		p += n;
	}
	if (cap > 0)
		out[k] = '\0';
	return used;
}

void
ws_put_csv_field(FILE *fp, const char *s, size_t len)
{
	int	 quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');

	if (formula(s, len))
		fputc('\'', fp);	/* OWASP's advice: text, not a formula */
	for (size_t i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"';
	if (!quote) {
		ws_put_escaped(fp, s, len);
		return;
	}
	fputc('"', fp);
	for (const char *q; len > 0 && (q = memchr(s, '"', len)) != NULL;) {
		ws_put_escaped(fp, s, (size_t)(q - s));
		fputs("\"\"", fp);
		len -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	ws_put_escaped(fp, s, len);
	fputc('"', fp);
}

json_t *
ws_json_bytes(const char *s, size_t len)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + len;
	char		*buf, *o;
	json_t		*j;
	size_t		 n;
	uint32_t	 cp;

	/* fast path: already valid */
	for (n = 1; p < end && n != 0; p += n)
		n = ws_utf8_seq(p, (size_t)(end - p), &cp);
	if (p == end && n != 0)
		return json_stringn(s, len);
	if (len > (SIZE_MAX - 1) / 3 || (buf = malloc(len * 3 + 1)) == NULL)
		return NULL;
	o = buf;
	for (p = (const uint8_t *)s; p < end; p += n ? n : 1) {
		n = ws_utf8_seq(p, (size_t)(end - p), &cp);
		if (n == 0) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
		} else {
			memcpy(o, p, n);
			o += n;
		}
	}
	j = json_stringn(buf, (size_t)(o - buf));
	free(buf);
	return j;
}

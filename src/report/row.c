/* SPDX-License-Identifier: MIT */
/*
 * row.c - cells and their text and CSV forms.
 */
#include <string.h>

#include "escape.h"
#include "fmt.h"
#include "row.h"

void
ws_cell_str(struct ws_cell *c, const char *s, int width)
{
	ws_cell_bytes(c, s, strlen(s), width);
}

void
ws_cell_bytes(struct ws_cell *c, const char *s, size_t len, int width)
{
	c->s = s;
	c->len = len;
	c->width = width;
}

void
ws_cell_u64(struct ws_cell *c, uint64_t v, int width)
{
	snprintf(c->buf, sizeof c->buf, "%llu", (unsigned long long)v);
	ws_cell_bytes(c, c->buf, strlen(c->buf), width);
}

void
ws_cell_hex(struct ws_cell *c, uint64_t v, int width)
{
	snprintf(c->buf, sizeof c->buf, "0x%06llx", (unsigned long long)v);
	ws_cell_bytes(c, c->buf, strlen(c->buf), width);
}

void
ws_cell_pct(struct ws_cell *c, uint64_t part, uint64_t whole, int width)
{
	ws_fmt_pct(c->buf, sizeof c->buf, part, whole);
	ws_cell_bytes(c, c->buf, strlen(c->buf), width);
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

static void
print_text_cell(FILE *fp, const struct ws_cell *c)
{
	size_t	 w = (size_t)(c->width < 0 ? -c->width : c->width);
	size_t	 cols;

	if (c->width > 0 && c->len < w)
		pad(fp, w - c->len);
	cols = ws_put_escaped(fp, c->s, c->len);
	if (c->width < 0 && cols < w)
		pad(fp, w - cols);
}

void
ws_row_print(FILE *fp, enum ws_format f, const struct ws_cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (f == WS_FORMAT_CSV) {
			if (i > 0)
				fputc(',', fp);
			ws_put_csv_field(fp, cells[i].s, cells[i].len);
			continue;
		}
		if (i > 0)
			fputs("  ", fp);
		/* no trailing blanks: the last cell is never padded */
		struct ws_cell last = cells[i];
		if (i + 1 == n && last.width < 0)
			last.width = 0;
		print_text_cell(fp, &last);
	}
	fputc('\n', fp);
}

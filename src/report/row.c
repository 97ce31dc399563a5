/* SPDX-License-Identifier: MIT */
/*
 * row.c - cells and their text and CSV forms.
 */
#include <inttypes.h>
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
	*c = (struct ws_cell){ .kind = WS_CELL_STR, .s = s, .len = len,
	    .width = width };
}

void
ws_cell_u64(struct ws_cell *c, uint64_t v, int width)
{
	*c = (struct ws_cell){ .kind = WS_CELL_U64, .a = v, .width = width };
}

void
ws_cell_i64(struct ws_cell *c, int64_t v, int width)
{
	*c = (struct ws_cell){ .kind = WS_CELL_I64, .a = (uint64_t)v,
	    .width = width };
}

void
ws_cell_hex(struct ws_cell *c, uint64_t v, int width)
{
	*c = (struct ws_cell){ .kind = WS_CELL_HEX, .a = v, .width = width };
}

void
ws_cell_pct(struct ws_cell *c, uint64_t part, uint64_t whole, int width)
{
	*c = (struct ws_cell){ .kind = WS_CELL_PCT, .a = part, .b = whole,
	    .width = width };
}

/* The cell as characters: numbers into buf, strings as they are. */
static const char *
cell_text(const struct ws_cell *c, enum ws_format f, char *buf, size_t len,
    size_t *n)
{
	switch (c->kind) {
	case WS_CELL_STR:
		*n = c->len;
		return c->s;
	case WS_CELL_U64:
		snprintf(buf, len, "%" PRIu64, c->a);
		break;
	case WS_CELL_I64:
		snprintf(buf, len, "%" PRId64, (int64_t)c->a);
		break;
	case WS_CELL_HEX:
		snprintf(buf, len, f == WS_FORMAT_CSV ? "%" PRIu64 :
		    "0x%06" PRIx64, c->a);
		break;
	case WS_CELL_PCT:
		ws_fmt_pct(buf, len, c->a, c->b);
		if (f == WS_FORMAT_CSV)
			buf[strlen(buf) - 1] = '\0';	/* no % sign */
		break;
	}
	*n = strlen(buf);
	return buf;
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

void
ws_row_print(FILE *fp, enum ws_format f, const struct ws_cell *cells, size_t n)
{
	char		 buf[48];
	const char	*s;
	size_t		 len, w, cols;

	for (size_t i = 0; i < n; i++) {
		s = cell_text(&cells[i], f, buf, sizeof buf, &len);
		if (f == WS_FORMAT_CSV) {
			if (i > 0)
				fputc(',', fp);
			ws_put_csv_field(fp, s, len);
			continue;
		}
		if (i > 0)
			fputs("  ", fp);
		w = (size_t)(cells[i].width < 0 ? -cells[i].width :
		    cells[i].width);
		if (cells[i].width > 0 && len < w)
			pad(fp, w - len);
		cols = ws_put_escaped(fp, s, len);
		/* no trailing blanks: the last cell is never padded */
		if (cells[i].width < 0 && cols < w && i + 1 < n)
			pad(fp, w - cols);
	}
	fputc('\n', fp);
}

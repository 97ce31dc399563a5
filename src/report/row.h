/* SPDX-License-Identifier: MIT */
/*
 * row.h - one row of a table as cells, printed as aligned text or as CSV.
 * Text and CSV reports share their rows through this.
 */
#ifndef WS_ROW_H
#define WS_ROW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "report.h"

enum ws_cell_kind { WS_CELL_STR, WS_CELL_U64, WS_CELL_I64, WS_CELL_HEX,
	WS_CELL_PCT };

/*
 * A cell holds a value, formatted when the row is printed: text shows
 * offsets in hex and percentages with a %, CSV plain decimal numbers.
 */
struct ws_cell {
	enum ws_cell_kind kind;
	const char	*s;		/* WS_CELL_STR: any bytes */
	size_t		 len;
	uint64_t	 a, b;		/* the number, or part and whole */
	int		 width;		/* text: >0 right-aligned in width
					   columns, <0 left-aligned, 0 as is */
};

/* Cell setters: a string, bytes from the file, a number, a percentage. */
void	ws_cell_str(struct ws_cell *, const char *, int width);
void	ws_cell_bytes(struct ws_cell *, const char *, size_t, int width);
void	ws_cell_u64(struct ws_cell *, uint64_t, int width);
void	ws_cell_i64(struct ws_cell *, int64_t, int width);
void	ws_cell_hex(struct ws_cell *, uint64_t, int width);
void	ws_cell_pct(struct ws_cell *, uint64_t part, uint64_t whole,
	    int width);

/*
 * Prints n cells as one line: text separates them with two spaces, pads
 * all but the last, and escapes names; CSV separates with commas and
 * quotes where needed.
 */
void	ws_row_print(FILE *, enum ws_format, const struct ws_cell *, size_t n);

#endif

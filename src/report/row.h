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

struct ws_cell {
	const char	*s;		/* text; may hold any bytes */
	size_t		 len;
	int		 width;		/* text: >0 right-aligned in width
					   columns, <0 left-aligned, 0 as is */
	char		 buf[48];	/* storage for numbers */
};

/* Cell setters: a string, bytes from the file, a number, a percentage. */
void	ws_cell_str(struct ws_cell *, const char *, int width);
void	ws_cell_bytes(struct ws_cell *, const char *, size_t, int width);
void	ws_cell_u64(struct ws_cell *, uint64_t, int width);
void	ws_cell_hex(struct ws_cell *, uint64_t, int width);
void	ws_cell_pct(struct ws_cell *, uint64_t part, uint64_t whole,
	    int width);

/*
 * Prints n cells as one line: text separates them with two spaces and
 * escapes the last one (names); CSV separates with commas and quotes.
 */
void	ws_row_print(FILE *, enum ws_format, const struct ws_cell *, size_t n);

#endif

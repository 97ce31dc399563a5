/* SPDX-License-Identifier: MIT */
/*
 * fmt.c - size and percentage formatting without floating point, so the
 * same input prints the same digits everywhere.
 */
#include <stdio.h>

#include "fmt.h"

char *
ws_fmt_size(char *buf, size_t len, uint64_t bytes)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
	uint64_t	 scale = 1024;
	size_t		 u = 0;

	if (bytes < 1024) {
		snprintf(buf, len, "%llu B", (unsigned long long)bytes);
		return buf;
	}
	while (u + 1 < sizeof units / sizeof *units &&
	    bytes / scale >= 1024) {
		scale *= 1024;
		u++;
	}
	/* tenths, rounded half up; 1023.95 KiB prints as 1024.0 KiB */
	uint64_t tenths = (bytes * 10 + scale / 2) / scale;
	snprintf(buf, len, "%llu.%llu %s", (unsigned long long)(tenths / 10),
	    (unsigned long long)(tenths % 10), units[u]);
	return buf;
}

char *
ws_fmt_pct(char *buf, size_t len, uint64_t part, uint64_t whole)
{
	uint64_t	 hundredths = 0;

	if (whole != 0)
		hundredths = (part * 10000 + whole / 2) / whole;
	snprintf(buf, len, "%llu.%02llu%%",
	    (unsigned long long)(hundredths / 100),
	    (unsigned long long)(hundredths % 100));
	return buf;
}

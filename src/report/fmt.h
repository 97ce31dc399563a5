/* SPDX-License-Identifier: MIT */
/*
 * fmt.h - numbers for people, into caller buffers, in integer math:
 * sizes in IEC units and percentages with two decimals.
 */
#ifndef WS_FMT_H
#define WS_FMT_H

#include <stddef.h>
#include <stdint.h>

/* "980 B", "1.5 KiB", "17.2 MiB" (one decimal, rounded half up). */
char	*ws_fmt_size(char *buf, size_t len, uint64_t bytes);

/* part/whole as "12.34%", rounded half up; "0.00%" when whole is 0. */
char	*ws_fmt_pct(char *buf, size_t len, uint64_t part, uint64_t whole);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * file.h - the bytes of one input file.  A ws_file owns them: a read-only
 * memory mapping for regular files, a heap buffer for pipes and "-".
 */
#ifndef WS_FILE_H
#define WS_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct ws_file {
	const char	*path;		/* as given; "-" is standard input */
	const uint8_t	*data;
	size_t		 size;
	int		 mapped;	/* 1: munmap on close; 0: free */
};

/*
 * Opens path ("-" for standard input) and makes its bytes available.
 * Returns 0, or -1 with the reason in diag.  Always pair with ws_file_close.
 */
int	ws_file_open(struct ws_file *, const char *path, struct ws_diag *);

/* Releases the bytes.  Safe on a file whose open failed. */
void	ws_file_close(struct ws_file *);

#endif

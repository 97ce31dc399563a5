/* SPDX-License-Identifier: MIT */
/*
 * file.c - open + fstat + mmap, with a read() loop for pipes, terminals and
 * other files that cannot be mapped.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"

/* What an empty regular file points at: never NULL, never freed. */
static const uint8_t empty[1];

static int
read_all(struct ws_file *f, int fd, struct ws_diag *diag)
{
	uint8_t	*buf = NULL, *nbuf;
	size_t	 len = 0, cap = 0;
	ssize_t	 n;

	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			if ((nbuf = realloc(buf, cap)) == NULL) {
				free(buf);
				return ws_diag_set(diag, 0, WS_ERR_NOMEM,
				    "out of memory reading input");
			}
			buf = nbuf;
		}
		n = read(fd, buf + len, cap - len);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return ws_diag_set(diag, 0, WS_ERR_IO, "%s",
			    strerror(errno));
		}
		len += (size_t)n;
	}
	f->data = buf;
	f->size = len;
	f->mapped = 0;
	return 0;
}

static int
map_file(struct ws_file *f, int fd, size_t size)
{
	void	*p;

	if (size == 0) {
		f->data = empty;
		f->size = 0;
		f->mapped = 0;
		return 0;
	}
	p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		return -1;
	f->data = p;
	f->size = size;
	f->mapped = 1;
	return 0;
}

int
ws_file_open(struct ws_file *f, const char *path, struct ws_diag *diag)
{
	struct stat	 st;
	int		 fd, rc;

	memset(f, 0, sizeof *f);
	f->path = path;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1)
		return ws_diag_set(diag, 0, WS_ERR_IO, "%s", strerror(errno));
	if (fstat(fd, &st) == -1) {
		rc = ws_diag_set(diag, 0, WS_ERR_IO, "%s", strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		rc = ws_diag_set(diag, 0, WS_ERR_IO, "is a directory");
	} else if (S_ISREG(st.st_mode) &&
	    map_file(f, fd, (size_t)st.st_size) == 0) {
		rc = 0;
	} else {
		rc = read_all(f, fd, diag);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

void
ws_file_close(struct ws_file *f)
{
	if (f->mapped)
		munmap((void *)f->data, f->size);
	else if (f->data != empty)
		free((void *)f->data);
	f->data = NULL;
	f->size = 0;
	f->mapped = 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * vec.c - amortized growth of the model's arrays, with overflow checks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vec.h"

int
ws_vec_grow(void **v, size_t *cap, size_t n, size_t elsize)
{
	size_t	 ncap;
	void	*p;

	if (n < *cap) {
		memset((char *)*v + n * elsize, 0, elsize);
		return 0;
	}
	ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / elsize)
		return -1;
	if ((p = realloc(*v, ncap * elsize)) == NULL)
		return -1;
	memset((char *)p + n * elsize, 0, elsize);
	*v = p;
	*cap = ncap;
	return 0;
}

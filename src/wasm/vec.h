/* SPDX-License-Identifier: MIT */
/*
 * vec.h - growth for the WS_VEC arrays of the model.  Capacity doubles, so
 * appending n items costs O(n) in all.
 */
#ifndef WS_VEC_H
#define WS_VEC_H

#include <stddef.h>

/*
 * Makes room for one more element of elsize bytes in *v (n in use, *cap
 * allocated).  Returns 0, or -1 when memory runs out (*v is unchanged).
 */
int	ws_vec_grow(void **v, size_t *cap, size_t n, size_t elsize);

/* A pointer to a new zeroed last element of vec, or NULL on OOM. */
#define WS_VEC_PUSH(vec)						\
	(ws_vec_grow((void **)&(vec).v, &(vec).cap, (vec).n,		\
	    sizeof *(vec).v) == 0 ? &(vec).v[(vec).n++] : NULL)

/* Frees the array and resets it to empty. */
#define WS_VEC_FREE(vec)						\
	do { free((vec).v); (vec).v = NULL; (vec).n = (vec).cap = 0; } while (0)

#endif

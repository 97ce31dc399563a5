/* SPDX-License-Identifier: MIT */
/*
 * valtype.h - reading value, heap, reference and block types: the numeric
 * and vector types, every abbreviated reference type of the reference-types,
 * GC, exception-handling and stringref proposals, (ref null? ht), and block
 * types that name a type index.
 */
#ifndef WS_VALTYPE_H
#define WS_VALTYPE_H

#include <stdint.h>

#include "reader.h"

/*
 * In all four readers below, typeidx may be NULL; otherwise it receives the
 * type index the type names ((ref $t), (ref null $t), or a block type given
 * by index), or UINT32_MAX when it names none.  On failure nothing is
 * stored, the reader does not advance, and the error names `what` and the
 * offending byte: "local type: invalid value type 0x55".
 */

/*
 * A value type: i32 0x7f, i64 0x7e, f32 0x7d, f64 0x7c, v128 0x7b, an
 * abbreviated reference type (funcref 0x70 ... nullexnref 0x74, stringref
 * 0x67, ...), or 0x64 (ref ht) / 0x63 (ref null ht) followed by a heap type.
 */
int	ws_read_valtype(struct ws_reader *, uint32_t *typeidx,
	    const char *what);

/*
 * A heap type: one abstract heap type byte (func 0x70, extern 0x6f, any
 * 0x6e, eq 0x6d, i31 0x6c, struct 0x6b, array 0x6a, exn 0x69, noexn 0x74,
 * nofunc 0x73, noextern 0x72, none 0x71, and stringref's string 0x67,
 * stringview_wtf8 0x66, stringview_wtf16 0x62, stringview_iter 0x61), or a
 * non-negative s33 type index.
 */
int	ws_read_heaptype(struct ws_reader *, uint32_t *typeidx,
	    const char *what);

/* A reference type: an abbreviated one, or 0x64/0x63 and a heap type. */
int	ws_read_reftype(struct ws_reader *, uint32_t *typeidx,
	    const char *what);

/* A block type: 0x40 (empty), a value type, or a non-negative s33 index. */
int	ws_read_blocktype(struct ws_reader *, uint32_t *typeidx,
	    const char *what);

#endif

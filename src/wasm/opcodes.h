/* SPDX-License-Identifier: MIT */
/*
 * opcodes.h - decoding instruction sequences: constant expressions and
 * function bodies.  One table describes the immediates of every instruction
 * of Wasm 3.0 plus threads and legacy exception handling; a visitor sees
 * each index an instruction carries, which is what a call graph or a
 * "what uses this data segment" analysis needs.
 */
#ifndef WS_OPCODES_H
#define WS_OPCODES_H

#include <stddef.h>
#include <stdint.h>

#include "reader.h"

enum ws_ref_kind {
	WS_REF_CALL,		/* call: function index */
	WS_REF_RETURN_CALL,	/* return_call: function index */
	WS_REF_CALL_INDIRECT,	/* (return_)call_indirect: type index */
	WS_REF_FUNC,		/* ref.func: function index */
	WS_REF_GLOBAL,
	WS_REF_TABLE,
	WS_REF_MEMORY,		/* reported for memory 0 too; a load or
				   store naming the same memory as the
				   load or store before it is not */
	WS_REF_DATA,
	WS_REF_ELEM,
	WS_REF_TYPE,		/* any other type index: call_ref, GC, block
				   types, (ref $t) in locals, select, casts */
	WS_REF_TAG,
};

/* Counts a walk keeps as it goes: enough to judge how code was compiled. */
struct ws_code_stats {
	uint32_t	 instructions;
	uint32_t	 local_ops;	/* local.get, local.set, local.tee */
};

struct ws_code_visitor {
	/*
	 * Called for every index immediate an instruction carries; offset
	 * is the file offset of the opcode (for a (ref $t) local, of its
	 * type).  May be NULL.
	 */
	void	(*ref)(void *ctx, enum ws_ref_kind, uint32_t index,
		    size_t offset);
	/*
	 * Called once per instruction with its opcode (prefix << 16 |
	 * sub-opcode, e.g. 0xfc0008; a plain byte for one-byte opcodes),
	 * before its refs.  May be NULL.
	 */
	void	(*op)(void *ctx, uint32_t opcode);
	void	*ctx;
	/* when not NULL, receives the counts of a successful walk */
	struct ws_code_stats *stats;
};

/*
 * Decodes one expression: instructions up to and including the `end` that
 * closes it (depth 0).  Used for constant expressions (global init,
 * data/elem offsets) and function bodies.  v may be NULL.  Returns 0, with
 * r just past that `end`, or -1 (error recorded in r->diag with the offset;
 * r does not move).  Never recurses: nesting is a counter, so any depth
 * the input can describe is fine.  Decodes only: types, indices and stack
 * shapes are not validated.
 */
int	ws_expr_walk(struct ws_reader *r, const struct ws_code_visitor *v);

/*
 * Decodes a function body (the bytes after its size LEB, so body->end is
 * the end of the body): the local declarations (vec of (u32 count,
 * valtype), at most 2^32-1 locals in total, else "too many locals"), then
 * the expression, which must end exactly at body->end; otherwise "function
 * body: N trailing bytes after the final end" or "function body: missing
 * end", at the offset where it goes wrong.  v may be NULL.  Returns 0 or -1
 * like ws_expr_walk.
 */
int	ws_func_body_walk(struct ws_reader *body,
	    const struct ws_code_visitor *v);

/*
 * The text-format mnemonic of an opcode (as above: 0x6a is "i32.add",
 * 0xfd000c "v128.const"), or NULL if unknown.  Opcodes that differ only in
 * their immediates share the mnemonic: 0x1b and 0x1c are both "select",
 * 0xfb0014 and 0xfb0015 both "ref.test".  The string is static.
 */
const char *ws_opcode_name(uint32_t opcode);

#endif

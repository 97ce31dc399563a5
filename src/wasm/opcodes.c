/* SPDX-License-Identifier: MIT */
/*
 * opcodes.c - the immediates of every instruction, one table per opcode
 * space (one byte, 0xfb GC, 0xfc misc, 0xfd SIMD, 0xfe threads), and the
 * loop that decodes expressions and function bodies with them.  Sources:
 * Wasm 3.0 (specification/wasm-3.0/5.3-binary.instructions.spectec), the
 * threads Overview, and the legacy exception-handling proposal.
 */
#include <stddef.h>
#include <stdint.h>

#include "opcodes.h"
#include "valtype.h"

#define nitems(a)	(sizeof(a) / sizeof((a)[0]))

/* The shape of an instruction's immediates. */
enum imm {
	IMM_NONE = 0,
	IMM_BLOCKTYPE,		/* block, loop, if, try */
	IMM_LABEL,		/* br, br_if, rethrow, delegate, br_on_null */
	IMM_BR_TABLE,		/* vec(label) label */
	IMM_CALL,		/* funcidx */
	IMM_RETURN_CALL,	/* funcidx */
	IMM_CALL_INDIRECT,	/* typeidx tableidx */
	IMM_FUNC,		/* ref.func funcidx */
	IMM_LOCAL,
	IMM_GLOBAL,
	IMM_TABLE,
	IMM_MEMARG,		/* align|0x40 [memidx] u64 offset */
	IMM_MEMARG_LANE,	/* memarg laneidx */
	IMM_I32,		/* s32 */
	IMM_I64,		/* s64 */
	IMM_F32,		/* 4 bytes */
	IMM_F64,		/* 8 bytes */
	IMM_V128,		/* 16 bytes */
	IMM_SHUFFLE,		/* 16 lane indices */
	IMM_LANE,		/* laneidx byte */
	IMM_MEM,		/* memidx */
	IMM_MEM_MEM,		/* memory.copy: dst src */
	IMM_DATA_MEM,		/* memory.init: dataidx memidx */
	IMM_DATA,
	IMM_ELEM_TABLE,		/* table.init: elemidx tableidx */
	IMM_TABLE_TABLE,	/* table.copy: dst src */
	IMM_ELEM,
	IMM_HEAPTYPE,		/* ref.null, ref.test, ref.cast */
	IMM_SELECT_T,		/* vec(valtype) */
	IMM_TAG,		/* throw, legacy catch */
	IMM_TRY_TABLE,		/* blocktype vec(catch) */
	IMM_TYPE,		/* typeidx */
	IMM_TYPE_FIELD,		/* typeidx fieldidx */
	IMM_TYPE_TYPE,		/* array.copy */
	IMM_TYPE_DATA,		/* array.new_data, array.init_data */
	IMM_TYPE_ELEM,		/* array.new_elem, array.init_elem */
	IMM_TYPE_U32,		/* array.new_fixed: typeidx count */
	IMM_BR_ON_CAST,		/* castflags label heaptype heaptype */
	IMM_ZERO_BYTE,		/* atomic.fence: a reserved 0x00 */
};

/* What an instruction does to the nesting of blocks. */
enum ctl {
	CTL_NONE = 0,
	CTL_OPEN,		/* block, loop, if, try, try_table */
	CTL_MID,		/* else, catch, catch_all: within a block */
	CTL_CLOSE,		/* end, delegate */
};

struct op {
	const char	*name;	/* NULL: no such opcode */
	uint8_t		 imm;	/* enum imm */
	uint8_t		 ctl;	/* enum ctl */
};

static const struct op ops[256] = {
	[0x00] = { "unreachable", IMM_NONE, CTL_NONE },
	[0x01] = { "nop", IMM_NONE, CTL_NONE },
	[0x02] = { "block", IMM_BLOCKTYPE, CTL_OPEN },
	[0x03] = { "loop", IMM_BLOCKTYPE, CTL_OPEN },
	[0x04] = { "if", IMM_BLOCKTYPE, CTL_OPEN },
	[0x05] = { "else", IMM_NONE, CTL_MID },
	[0x06] = { "try", IMM_BLOCKTYPE, CTL_OPEN },	/* legacy EH */
	[0x07] = { "catch", IMM_TAG, CTL_MID },		/* legacy EH */
	[0x08] = { "throw", IMM_TAG, CTL_NONE },
	[0x09] = { "rethrow", IMM_LABEL, CTL_NONE },		/* legacy EH */
	[0x0a] = { "throw_ref", IMM_NONE, CTL_NONE },
	[0x0b] = { "end", IMM_NONE, CTL_CLOSE },
	[0x0c] = { "br", IMM_LABEL, CTL_NONE },
	[0x0d] = { "br_if", IMM_LABEL, CTL_NONE },
	[0x0e] = { "br_table", IMM_BR_TABLE, CTL_NONE },
	[0x0f] = { "return", IMM_NONE, CTL_NONE },
	[0x10] = { "call", IMM_CALL, CTL_NONE },
	[0x11] = { "call_indirect", IMM_CALL_INDIRECT, CTL_NONE },
	[0x12] = { "return_call", IMM_RETURN_CALL, CTL_NONE },
	[0x13] = { "return_call_indirect", IMM_CALL_INDIRECT, CTL_NONE },
	[0x14] = { "call_ref", IMM_TYPE, CTL_NONE },
	[0x15] = { "return_call_ref", IMM_TYPE, CTL_NONE },
	[0x18] = { "delegate", IMM_LABEL, CTL_CLOSE },	/* legacy EH */
	[0x19] = { "catch_all", IMM_NONE, CTL_MID },	/* legacy EH */
	[0x1a] = { "drop", IMM_NONE, CTL_NONE },
	[0x1b] = { "select", IMM_NONE, CTL_NONE },
	[0x1c] = { "select", IMM_SELECT_T, CTL_NONE },
	[0x1f] = { "try_table", IMM_TRY_TABLE, CTL_OPEN },
	[0x20] = { "local.get", IMM_LOCAL, CTL_NONE },
	[0x21] = { "local.set", IMM_LOCAL, CTL_NONE },
	[0x22] = { "local.tee", IMM_LOCAL, CTL_NONE },
	[0x23] = { "global.get", IMM_GLOBAL, CTL_NONE },
	[0x24] = { "global.set", IMM_GLOBAL, CTL_NONE },
	[0x25] = { "table.get", IMM_TABLE, CTL_NONE },
	[0x26] = { "table.set", IMM_TABLE, CTL_NONE },
	[0x28] = { "i32.load", IMM_MEMARG, CTL_NONE },
	[0x29] = { "i64.load", IMM_MEMARG, CTL_NONE },
	[0x2a] = { "f32.load", IMM_MEMARG, CTL_NONE },
	[0x2b] = { "f64.load", IMM_MEMARG, CTL_NONE },
	[0x2c] = { "i32.load8_s", IMM_MEMARG, CTL_NONE },
	[0x2d] = { "i32.load8_u", IMM_MEMARG, CTL_NONE },
	[0x2e] = { "i32.load16_s", IMM_MEMARG, CTL_NONE },
	[0x2f] = { "i32.load16_u", IMM_MEMARG, CTL_NONE },
	[0x30] = { "i64.load8_s", IMM_MEMARG, CTL_NONE },
	[0x31] = { "i64.load8_u", IMM_MEMARG, CTL_NONE },
	[0x32] = { "i64.load16_s", IMM_MEMARG, CTL_NONE },
	[0x33] = { "i64.load16_u", IMM_MEMARG, CTL_NONE },
	[0x34] = { "i64.load32_s", IMM_MEMARG, CTL_NONE },
	[0x35] = { "i64.load32_u", IMM_MEMARG, CTL_NONE },
	[0x36] = { "i32.store", IMM_MEMARG, CTL_NONE },
	[0x37] = { "i64.store", IMM_MEMARG, CTL_NONE },
	[0x38] = { "f32.store", IMM_MEMARG, CTL_NONE },
	[0x39] = { "f64.store", IMM_MEMARG, CTL_NONE },
	[0x3a] = { "i32.store8", IMM_MEMARG, CTL_NONE },
	[0x3b] = { "i32.store16", IMM_MEMARG, CTL_NONE },
	[0x3c] = { "i64.store8", IMM_MEMARG, CTL_NONE },
	[0x3d] = { "i64.store16", IMM_MEMARG, CTL_NONE },
	[0x3e] = { "i64.store32", IMM_MEMARG, CTL_NONE },
	[0x3f] = { "memory.size", IMM_MEM, CTL_NONE },
	[0x40] = { "memory.grow", IMM_MEM, CTL_NONE },
	[0x41] = { "i32.const", IMM_I32, CTL_NONE },
	[0x42] = { "i64.const", IMM_I64, CTL_NONE },
	[0x43] = { "f32.const", IMM_F32, CTL_NONE },
	[0x44] = { "f64.const", IMM_F64, CTL_NONE },
	[0x45] = { "i32.eqz", IMM_NONE, CTL_NONE },
	[0x46] = { "i32.eq", IMM_NONE, CTL_NONE },
	[0x47] = { "i32.ne", IMM_NONE, CTL_NONE },
	[0x48] = { "i32.lt_s", IMM_NONE, CTL_NONE },
	[0x49] = { "i32.lt_u", IMM_NONE, CTL_NONE },
	[0x4a] = { "i32.gt_s", IMM_NONE, CTL_NONE },
	[0x4b] = { "i32.gt_u", IMM_NONE, CTL_NONE },
	[0x4c] = { "i32.le_s", IMM_NONE, CTL_NONE },
	[0x4d] = { "i32.le_u", IMM_NONE, CTL_NONE },
	[0x4e] = { "i32.ge_s", IMM_NONE, CTL_NONE },
	[0x4f] = { "i32.ge_u", IMM_NONE, CTL_NONE },
	[0x50] = { "i64.eqz", IMM_NONE, CTL_NONE },
	[0x51] = { "i64.eq", IMM_NONE, CTL_NONE },
	[0x52] = { "i64.ne", IMM_NONE, CTL_NONE },
	[0x53] = { "i64.lt_s", IMM_NONE, CTL_NONE },
	[0x54] = { "i64.lt_u", IMM_NONE, CTL_NONE },
	[0x55] = { "i64.gt_s", IMM_NONE, CTL_NONE },
	[0x56] = { "i64.gt_u", IMM_NONE, CTL_NONE },
	[0x57] = { "i64.le_s", IMM_NONE, CTL_NONE },
	[0x58] = { "i64.le_u", IMM_NONE, CTL_NONE },
	[0x59] = { "i64.ge_s", IMM_NONE, CTL_NONE },
	[0x5a] = { "i64.ge_u", IMM_NONE, CTL_NONE },
	[0x5b] = { "f32.eq", IMM_NONE, CTL_NONE },
	[0x5c] = { "f32.ne", IMM_NONE, CTL_NONE },
	[0x5d] = { "f32.lt", IMM_NONE, CTL_NONE },
	[0x5e] = { "f32.gt", IMM_NONE, CTL_NONE },
	[0x5f] = { "f32.le", IMM_NONE, CTL_NONE },
	[0x60] = { "f32.ge", IMM_NONE, CTL_NONE },
	[0x61] = { "f64.eq", IMM_NONE, CTL_NONE },
	[0x62] = { "f64.ne", IMM_NONE, CTL_NONE },
	[0x63] = { "f64.lt", IMM_NONE, CTL_NONE },
	[0x64] = { "f64.gt", IMM_NONE, CTL_NONE },
	[0x65] = { "f64.le", IMM_NONE, CTL_NONE },
	[0x66] = { "f64.ge", IMM_NONE, CTL_NONE },
	[0x67] = { "i32.clz", IMM_NONE, CTL_NONE },
	[0x68] = { "i32.ctz", IMM_NONE, CTL_NONE },
	[0x69] = { "i32.popcnt", IMM_NONE, CTL_NONE },
	[0x6a] = { "i32.add", IMM_NONE, CTL_NONE },
	[0x6b] = { "i32.sub", IMM_NONE, CTL_NONE },
	[0x6c] = { "i32.mul", IMM_NONE, CTL_NONE },
	[0x6d] = { "i32.div_s", IMM_NONE, CTL_NONE },
	[0x6e] = { "i32.div_u", IMM_NONE, CTL_NONE },
	[0x6f] = { "i32.rem_s", IMM_NONE, CTL_NONE },
	[0x70] = { "i32.rem_u", IMM_NONE, CTL_NONE },
	[0x71] = { "i32.and", IMM_NONE, CTL_NONE },
	[0x72] = { "i32.or", IMM_NONE, CTL_NONE },
	[0x73] = { "i32.xor", IMM_NONE, CTL_NONE },
	[0x74] = { "i32.shl", IMM_NONE, CTL_NONE },
	[0x75] = { "i32.shr_s", IMM_NONE, CTL_NONE },
	[0x76] = { "i32.shr_u", IMM_NONE, CTL_NONE },
	[0x77] = { "i32.rotl", IMM_NONE, CTL_NONE },
	[0x78] = { "i32.rotr", IMM_NONE, CTL_NONE },
	[0x79] = { "i64.clz", IMM_NONE, CTL_NONE },
	[0x7a] = { "i64.ctz", IMM_NONE, CTL_NONE },
	[0x7b] = { "i64.popcnt", IMM_NONE, CTL_NONE },
	[0x7c] = { "i64.add", IMM_NONE, CTL_NONE },
	[0x7d] = { "i64.sub", IMM_NONE, CTL_NONE },
	[0x7e] = { "i64.mul", IMM_NONE, CTL_NONE },
	[0x7f] = { "i64.div_s", IMM_NONE, CTL_NONE },
	[0x80] = { "i64.div_u", IMM_NONE, CTL_NONE },
	[0x81] = { "i64.rem_s", IMM_NONE, CTL_NONE },
	[0x82] = { "i64.rem_u", IMM_NONE, CTL_NONE },
	[0x83] = { "i64.and", IMM_NONE, CTL_NONE },
	[0x84] = { "i64.or", IMM_NONE, CTL_NONE },
	[0x85] = { "i64.xor", IMM_NONE, CTL_NONE },
	[0x86] = { "i64.shl", IMM_NONE, CTL_NONE },
	[0x87] = { "i64.shr_s", IMM_NONE, CTL_NONE },
	[0x88] = { "i64.shr_u", IMM_NONE, CTL_NONE },
	[0x89] = { "i64.rotl", IMM_NONE, CTL_NONE },
	[0x8a] = { "i64.rotr", IMM_NONE, CTL_NONE },
	[0x8b] = { "f32.abs", IMM_NONE, CTL_NONE },
	[0x8c] = { "f32.neg", IMM_NONE, CTL_NONE },
	[0x8d] = { "f32.ceil", IMM_NONE, CTL_NONE },
	[0x8e] = { "f32.floor", IMM_NONE, CTL_NONE },
	[0x8f] = { "f32.trunc", IMM_NONE, CTL_NONE },
	[0x90] = { "f32.nearest", IMM_NONE, CTL_NONE },
	[0x91] = { "f32.sqrt", IMM_NONE, CTL_NONE },
	[0x92] = { "f32.add", IMM_NONE, CTL_NONE },
	[0x93] = { "f32.sub", IMM_NONE, CTL_NONE },
	[0x94] = { "f32.mul", IMM_NONE, CTL_NONE },
	[0x95] = { "f32.div", IMM_NONE, CTL_NONE },
	[0x96] = { "f32.min", IMM_NONE, CTL_NONE },
	[0x97] = { "f32.max", IMM_NONE, CTL_NONE },
	[0x98] = { "f32.copysign", IMM_NONE, CTL_NONE },
	[0x99] = { "f64.abs", IMM_NONE, CTL_NONE },
	[0x9a] = { "f64.neg", IMM_NONE, CTL_NONE },
	[0x9b] = { "f64.ceil", IMM_NONE, CTL_NONE },
	[0x9c] = { "f64.floor", IMM_NONE, CTL_NONE },
	[0x9d] = { "f64.trunc", IMM_NONE, CTL_NONE },
	[0x9e] = { "f64.nearest", IMM_NONE, CTL_NONE },
	[0x9f] = { "f64.sqrt", IMM_NONE, CTL_NONE },
	[0xa0] = { "f64.add", IMM_NONE, CTL_NONE },
	[0xa1] = { "f64.sub", IMM_NONE, CTL_NONE },
	[0xa2] = { "f64.mul", IMM_NONE, CTL_NONE },
	[0xa3] = { "f64.div", IMM_NONE, CTL_NONE },
	[0xa4] = { "f64.min", IMM_NONE, CTL_NONE },
	[0xa5] = { "f64.max", IMM_NONE, CTL_NONE },
	[0xa6] = { "f64.copysign", IMM_NONE, CTL_NONE },
	[0xa7] = { "i32.wrap_i64", IMM_NONE, CTL_NONE },
	[0xa8] = { "i32.trunc_f32_s", IMM_NONE, CTL_NONE },
	[0xa9] = { "i32.trunc_f32_u", IMM_NONE, CTL_NONE },
	[0xaa] = { "i32.trunc_f64_s", IMM_NONE, CTL_NONE },
	[0xab] = { "i32.trunc_f64_u", IMM_NONE, CTL_NONE },
	[0xac] = { "i64.extend_i32_s", IMM_NONE, CTL_NONE },
	[0xad] = { "i64.extend_i32_u", IMM_NONE, CTL_NONE },
	[0xae] = { "i64.trunc_f32_s", IMM_NONE, CTL_NONE },
	[0xaf] = { "i64.trunc_f32_u", IMM_NONE, CTL_NONE },
	[0xb0] = { "i64.trunc_f64_s", IMM_NONE, CTL_NONE },
	[0xb1] = { "i64.trunc_f64_u", IMM_NONE, CTL_NONE },
	[0xb2] = { "f32.convert_i32_s", IMM_NONE, CTL_NONE },
	[0xb3] = { "f32.convert_i32_u", IMM_NONE, CTL_NONE },
	[0xb4] = { "f32.convert_i64_s", IMM_NONE, CTL_NONE },
	[0xb5] = { "f32.convert_i64_u", IMM_NONE, CTL_NONE },
	[0xb6] = { "f32.demote_f64", IMM_NONE, CTL_NONE },
	[0xb7] = { "f64.convert_i32_s", IMM_NONE, CTL_NONE },
	[0xb8] = { "f64.convert_i32_u", IMM_NONE, CTL_NONE },
	[0xb9] = { "f64.convert_i64_s", IMM_NONE, CTL_NONE },
	[0xba] = { "f64.convert_i64_u", IMM_NONE, CTL_NONE },
	[0xbb] = { "f64.promote_f32", IMM_NONE, CTL_NONE },
	[0xbc] = { "i32.reinterpret_f32", IMM_NONE, CTL_NONE },
	[0xbd] = { "i64.reinterpret_f64", IMM_NONE, CTL_NONE },
	[0xbe] = { "f32.reinterpret_i32", IMM_NONE, CTL_NONE },
	[0xbf] = { "f64.reinterpret_i64", IMM_NONE, CTL_NONE },
	[0xc0] = { "i32.extend8_s", IMM_NONE, CTL_NONE },
	[0xc1] = { "i32.extend16_s", IMM_NONE, CTL_NONE },
	[0xc2] = { "i64.extend8_s", IMM_NONE, CTL_NONE },
	[0xc3] = { "i64.extend16_s", IMM_NONE, CTL_NONE },
	[0xc4] = { "i64.extend32_s", IMM_NONE, CTL_NONE },
	[0xd0] = { "ref.null", IMM_HEAPTYPE, CTL_NONE },
	[0xd1] = { "ref.is_null", IMM_NONE, CTL_NONE },
	[0xd2] = { "ref.func", IMM_FUNC, CTL_NONE },
	[0xd3] = { "ref.eq", IMM_NONE, CTL_NONE },
	[0xd4] = { "ref.as_non_null", IMM_NONE, CTL_NONE },
	[0xd5] = { "br_on_null", IMM_LABEL, CTL_NONE },
	[0xd6] = { "br_on_non_null", IMM_LABEL, CTL_NONE },
	/* 0xfb-0xfe are prefixes: see the tables below. */
};

/* 0xfb: GC (Wasm 3.0). */
static const struct op ops_fb[] = {
	[0x00] = { "struct.new", IMM_TYPE, CTL_NONE },
	[0x01] = { "struct.new_default", IMM_TYPE, CTL_NONE },
	[0x02] = { "struct.get", IMM_TYPE_FIELD, CTL_NONE },
	[0x03] = { "struct.get_s", IMM_TYPE_FIELD, CTL_NONE },
	[0x04] = { "struct.get_u", IMM_TYPE_FIELD, CTL_NONE },
	[0x05] = { "struct.set", IMM_TYPE_FIELD, CTL_NONE },
	[0x06] = { "array.new", IMM_TYPE, CTL_NONE },
	[0x07] = { "array.new_default", IMM_TYPE, CTL_NONE },
	[0x08] = { "array.new_fixed", IMM_TYPE_U32, CTL_NONE },
	[0x09] = { "array.new_data", IMM_TYPE_DATA, CTL_NONE },
	[0x0a] = { "array.new_elem", IMM_TYPE_ELEM, CTL_NONE },
	[0x0b] = { "array.get", IMM_TYPE, CTL_NONE },
	[0x0c] = { "array.get_s", IMM_TYPE, CTL_NONE },
	[0x0d] = { "array.get_u", IMM_TYPE, CTL_NONE },
	[0x0e] = { "array.set", IMM_TYPE, CTL_NONE },
	[0x0f] = { "array.len", IMM_NONE, CTL_NONE },
	[0x10] = { "array.fill", IMM_TYPE, CTL_NONE },
	[0x11] = { "array.copy", IMM_TYPE_TYPE, CTL_NONE },
	[0x12] = { "array.init_data", IMM_TYPE_DATA, CTL_NONE },
	[0x13] = { "array.init_elem", IMM_TYPE_ELEM, CTL_NONE },
	[0x14] = { "ref.test", IMM_HEAPTYPE, CTL_NONE },	/* (ref ht) */
	[0x15] = { "ref.test", IMM_HEAPTYPE, CTL_NONE },	/* ref null */
	[0x16] = { "ref.cast", IMM_HEAPTYPE, CTL_NONE },
	[0x17] = { "ref.cast", IMM_HEAPTYPE, CTL_NONE },
	[0x18] = { "br_on_cast", IMM_BR_ON_CAST, CTL_NONE },
	[0x19] = { "br_on_cast_fail", IMM_BR_ON_CAST, CTL_NONE },
	[0x1a] = { "any.convert_extern", IMM_NONE, CTL_NONE },
	[0x1b] = { "extern.convert_any", IMM_NONE, CTL_NONE },
	[0x1c] = { "ref.i31", IMM_NONE, CTL_NONE },
	[0x1d] = { "i31.get_s", IMM_NONE, CTL_NONE },
	[0x1e] = { "i31.get_u", IMM_NONE, CTL_NONE },
};

/* 0xfc: saturating truncation, bulk memory, tables. */
static const struct op ops_fc[] = {
	[0x00] = { "i32.trunc_sat_f32_s", IMM_NONE, CTL_NONE },
	[0x01] = { "i32.trunc_sat_f32_u", IMM_NONE, CTL_NONE },
	[0x02] = { "i32.trunc_sat_f64_s", IMM_NONE, CTL_NONE },
	[0x03] = { "i32.trunc_sat_f64_u", IMM_NONE, CTL_NONE },
	[0x04] = { "i64.trunc_sat_f32_s", IMM_NONE, CTL_NONE },
	[0x05] = { "i64.trunc_sat_f32_u", IMM_NONE, CTL_NONE },
	[0x06] = { "i64.trunc_sat_f64_s", IMM_NONE, CTL_NONE },
	[0x07] = { "i64.trunc_sat_f64_u", IMM_NONE, CTL_NONE },
	[0x08] = { "memory.init", IMM_DATA_MEM, CTL_NONE },
	[0x09] = { "data.drop", IMM_DATA, CTL_NONE },
	[0x0a] = { "memory.copy", IMM_MEM_MEM, CTL_NONE },
	[0x0b] = { "memory.fill", IMM_MEM, CTL_NONE },
	[0x0c] = { "table.init", IMM_ELEM_TABLE, CTL_NONE },
	[0x0d] = { "elem.drop", IMM_ELEM, CTL_NONE },
	[0x0e] = { "table.copy", IMM_TABLE_TABLE, CTL_NONE },
	[0x0f] = { "table.grow", IMM_TABLE, CTL_NONE },
	[0x10] = { "table.size", IMM_TABLE, CTL_NONE },
	[0x11] = { "table.fill", IMM_TABLE, CTL_NONE },
};

/* 0xfd: SIMD and relaxed SIMD (0x100-0x113). */
static const struct op ops_fd[] = {
	[0x00] = { "v128.load", IMM_MEMARG, CTL_NONE },
	[0x01] = { "v128.load8x8_s", IMM_MEMARG, CTL_NONE },
	[0x02] = { "v128.load8x8_u", IMM_MEMARG, CTL_NONE },
	[0x03] = { "v128.load16x4_s", IMM_MEMARG, CTL_NONE },
	[0x04] = { "v128.load16x4_u", IMM_MEMARG, CTL_NONE },
	[0x05] = { "v128.load32x2_s", IMM_MEMARG, CTL_NONE },
	[0x06] = { "v128.load32x2_u", IMM_MEMARG, CTL_NONE },
	[0x07] = { "v128.load8_splat", IMM_MEMARG, CTL_NONE },
	[0x08] = { "v128.load16_splat", IMM_MEMARG, CTL_NONE },
	[0x09] = { "v128.load32_splat", IMM_MEMARG, CTL_NONE },
	[0x0a] = { "v128.load64_splat", IMM_MEMARG, CTL_NONE },
	[0x0b] = { "v128.store", IMM_MEMARG, CTL_NONE },
	[0x0c] = { "v128.const", IMM_V128, CTL_NONE },
	[0x0d] = { "i8x16.shuffle", IMM_SHUFFLE, CTL_NONE },
	[0x0e] = { "i8x16.swizzle", IMM_NONE, CTL_NONE },
	[0x0f] = { "i8x16.splat", IMM_NONE, CTL_NONE },
	[0x10] = { "i16x8.splat", IMM_NONE, CTL_NONE },
	[0x11] = { "i32x4.splat", IMM_NONE, CTL_NONE },
	[0x12] = { "i64x2.splat", IMM_NONE, CTL_NONE },
	[0x13] = { "f32x4.splat", IMM_NONE, CTL_NONE },
	[0x14] = { "f64x2.splat", IMM_NONE, CTL_NONE },
	[0x15] = { "i8x16.extract_lane_s", IMM_LANE, CTL_NONE },
	[0x16] = { "i8x16.extract_lane_u", IMM_LANE, CTL_NONE },
	[0x17] = { "i8x16.replace_lane", IMM_LANE, CTL_NONE },
	[0x18] = { "i16x8.extract_lane_s", IMM_LANE, CTL_NONE },
	[0x19] = { "i16x8.extract_lane_u", IMM_LANE, CTL_NONE },
	[0x1a] = { "i16x8.replace_lane", IMM_LANE, CTL_NONE },
	[0x1b] = { "i32x4.extract_lane", IMM_LANE, CTL_NONE },
	[0x1c] = { "i32x4.replace_lane", IMM_LANE, CTL_NONE },
	[0x1d] = { "i64x2.extract_lane", IMM_LANE, CTL_NONE },
	[0x1e] = { "i64x2.replace_lane", IMM_LANE, CTL_NONE },
	[0x1f] = { "f32x4.extract_lane", IMM_LANE, CTL_NONE },
	[0x20] = { "f32x4.replace_lane", IMM_LANE, CTL_NONE },
	[0x21] = { "f64x2.extract_lane", IMM_LANE, CTL_NONE },
	[0x22] = { "f64x2.replace_lane", IMM_LANE, CTL_NONE },
	[0x23] = { "i8x16.eq", IMM_NONE, CTL_NONE },
	[0x24] = { "i8x16.ne", IMM_NONE, CTL_NONE },
	[0x25] = { "i8x16.lt_s", IMM_NONE, CTL_NONE },
	[0x26] = { "i8x16.lt_u", IMM_NONE, CTL_NONE },
	[0x27] = { "i8x16.gt_s", IMM_NONE, CTL_NONE },
	[0x28] = { "i8x16.gt_u", IMM_NONE, CTL_NONE },
	[0x29] = { "i8x16.le_s", IMM_NONE, CTL_NONE },
	[0x2a] = { "i8x16.le_u", IMM_NONE, CTL_NONE },
	[0x2b] = { "i8x16.ge_s", IMM_NONE, CTL_NONE },
	[0x2c] = { "i8x16.ge_u", IMM_NONE, CTL_NONE },
	[0x2d] = { "i16x8.eq", IMM_NONE, CTL_NONE },
	[0x2e] = { "i16x8.ne", IMM_NONE, CTL_NONE },
	[0x2f] = { "i16x8.lt_s", IMM_NONE, CTL_NONE },
	[0x30] = { "i16x8.lt_u", IMM_NONE, CTL_NONE },
	[0x31] = { "i16x8.gt_s", IMM_NONE, CTL_NONE },
	[0x32] = { "i16x8.gt_u", IMM_NONE, CTL_NONE },
	[0x33] = { "i16x8.le_s", IMM_NONE, CTL_NONE },
	[0x34] = { "i16x8.le_u", IMM_NONE, CTL_NONE },
	[0x35] = { "i16x8.ge_s", IMM_NONE, CTL_NONE },
	[0x36] = { "i16x8.ge_u", IMM_NONE, CTL_NONE },
	[0x37] = { "i32x4.eq", IMM_NONE, CTL_NONE },
	[0x38] = { "i32x4.ne", IMM_NONE, CTL_NONE },
	[0x39] = { "i32x4.lt_s", IMM_NONE, CTL_NONE },
	[0x3a] = { "i32x4.lt_u", IMM_NONE, CTL_NONE },
	[0x3b] = { "i32x4.gt_s", IMM_NONE, CTL_NONE },
	[0x3c] = { "i32x4.gt_u", IMM_NONE, CTL_NONE },
	[0x3d] = { "i32x4.le_s", IMM_NONE, CTL_NONE },
	[0x3e] = { "i32x4.le_u", IMM_NONE, CTL_NONE },
	[0x3f] = { "i32x4.ge_s", IMM_NONE, CTL_NONE },
	[0x40] = { "i32x4.ge_u", IMM_NONE, CTL_NONE },
	[0x41] = { "f32x4.eq", IMM_NONE, CTL_NONE },
	[0x42] = { "f32x4.ne", IMM_NONE, CTL_NONE },
	[0x43] = { "f32x4.lt", IMM_NONE, CTL_NONE },
	[0x44] = { "f32x4.gt", IMM_NONE, CTL_NONE },
	[0x45] = { "f32x4.le", IMM_NONE, CTL_NONE },
	[0x46] = { "f32x4.ge", IMM_NONE, CTL_NONE },
	[0x47] = { "f64x2.eq", IMM_NONE, CTL_NONE },
	[0x48] = { "f64x2.ne", IMM_NONE, CTL_NONE },
	[0x49] = { "f64x2.lt", IMM_NONE, CTL_NONE },
	[0x4a] = { "f64x2.gt", IMM_NONE, CTL_NONE },
	[0x4b] = { "f64x2.le", IMM_NONE, CTL_NONE },
	[0x4c] = { "f64x2.ge", IMM_NONE, CTL_NONE },
	[0x4d] = { "v128.not", IMM_NONE, CTL_NONE },
	[0x4e] = { "v128.and", IMM_NONE, CTL_NONE },
	[0x4f] = { "v128.andnot", IMM_NONE, CTL_NONE },
	[0x50] = { "v128.or", IMM_NONE, CTL_NONE },
	[0x51] = { "v128.xor", IMM_NONE, CTL_NONE },
	[0x52] = { "v128.bitselect", IMM_NONE, CTL_NONE },
	[0x53] = { "v128.any_true", IMM_NONE, CTL_NONE },
	[0x54] = { "v128.load8_lane", IMM_MEMARG_LANE, CTL_NONE },
	[0x55] = { "v128.load16_lane", IMM_MEMARG_LANE, CTL_NONE },
	[0x56] = { "v128.load32_lane", IMM_MEMARG_LANE, CTL_NONE },
	[0x57] = { "v128.load64_lane", IMM_MEMARG_LANE, CTL_NONE },
	[0x58] = { "v128.store8_lane", IMM_MEMARG_LANE, CTL_NONE },
	[0x59] = { "v128.store16_lane", IMM_MEMARG_LANE, CTL_NONE },
	[0x5a] = { "v128.store32_lane", IMM_MEMARG_LANE, CTL_NONE },
	[0x5b] = { "v128.store64_lane", IMM_MEMARG_LANE, CTL_NONE },
	[0x5c] = { "v128.load32_zero", IMM_MEMARG, CTL_NONE },
	[0x5d] = { "v128.load64_zero", IMM_MEMARG, CTL_NONE },
	[0x5e] = { "f32x4.demote_f64x2_zero", IMM_NONE, CTL_NONE },
	[0x5f] = { "f64x2.promote_low_f32x4", IMM_NONE, CTL_NONE },
	[0x60] = { "i8x16.abs", IMM_NONE, CTL_NONE },
	[0x61] = { "i8x16.neg", IMM_NONE, CTL_NONE },
	[0x62] = { "i8x16.popcnt", IMM_NONE, CTL_NONE },
	[0x63] = { "i8x16.all_true", IMM_NONE, CTL_NONE },
	[0x64] = { "i8x16.bitmask", IMM_NONE, CTL_NONE },
	[0x65] = { "i8x16.narrow_i16x8_s", IMM_NONE, CTL_NONE },
	[0x66] = { "i8x16.narrow_i16x8_u", IMM_NONE, CTL_NONE },
	[0x67] = { "f32x4.ceil", IMM_NONE, CTL_NONE },
	[0x68] = { "f32x4.floor", IMM_NONE, CTL_NONE },
	[0x69] = { "f32x4.trunc", IMM_NONE, CTL_NONE },
	[0x6a] = { "f32x4.nearest", IMM_NONE, CTL_NONE },
	[0x6b] = { "i8x16.shl", IMM_NONE, CTL_NONE },
	[0x6c] = { "i8x16.shr_s", IMM_NONE, CTL_NONE },
	[0x6d] = { "i8x16.shr_u", IMM_NONE, CTL_NONE },
	[0x6e] = { "i8x16.add", IMM_NONE, CTL_NONE },
	[0x6f] = { "i8x16.add_sat_s", IMM_NONE, CTL_NONE },
	[0x70] = { "i8x16.add_sat_u", IMM_NONE, CTL_NONE },
	[0x71] = { "i8x16.sub", IMM_NONE, CTL_NONE },
	[0x72] = { "i8x16.sub_sat_s", IMM_NONE, CTL_NONE },
	[0x73] = { "i8x16.sub_sat_u", IMM_NONE, CTL_NONE },
	[0x74] = { "f64x2.ceil", IMM_NONE, CTL_NONE },
	[0x75] = { "f64x2.floor", IMM_NONE, CTL_NONE },
	[0x76] = { "i8x16.min_s", IMM_NONE, CTL_NONE },
	[0x77] = { "i8x16.min_u", IMM_NONE, CTL_NONE },
	[0x78] = { "i8x16.max_s", IMM_NONE, CTL_NONE },
	[0x79] = { "i8x16.max_u", IMM_NONE, CTL_NONE },
	[0x7a] = { "f64x2.trunc", IMM_NONE, CTL_NONE },
	[0x7b] = { "i8x16.avgr_u", IMM_NONE, CTL_NONE },
	[0x7c] = { "i16x8.extadd_pairwise_i8x16_s", IMM_NONE, CTL_NONE },
	[0x7d] = { "i16x8.extadd_pairwise_i8x16_u", IMM_NONE, CTL_NONE },
	[0x7e] = { "i32x4.extadd_pairwise_i16x8_s", IMM_NONE, CTL_NONE },
	[0x7f] = { "i32x4.extadd_pairwise_i16x8_u", IMM_NONE, CTL_NONE },
	[0x80] = { "i16x8.abs", IMM_NONE, CTL_NONE },
	[0x81] = { "i16x8.neg", IMM_NONE, CTL_NONE },
	[0x82] = { "i16x8.q15mulr_sat_s", IMM_NONE, CTL_NONE },
	[0x83] = { "i16x8.all_true", IMM_NONE, CTL_NONE },
	[0x84] = { "i16x8.bitmask", IMM_NONE, CTL_NONE },
	[0x85] = { "i16x8.narrow_i32x4_s", IMM_NONE, CTL_NONE },
	[0x86] = { "i16x8.narrow_i32x4_u", IMM_NONE, CTL_NONE },
	[0x87] = { "i16x8.extend_low_i8x16_s", IMM_NONE, CTL_NONE },
	[0x88] = { "i16x8.extend_high_i8x16_s", IMM_NONE, CTL_NONE },
	[0x89] = { "i16x8.extend_low_i8x16_u", IMM_NONE, CTL_NONE },
	[0x8a] = { "i16x8.extend_high_i8x16_u", IMM_NONE, CTL_NONE },
	[0x8b] = { "i16x8.shl", IMM_NONE, CTL_NONE },
	[0x8c] = { "i16x8.shr_s", IMM_NONE, CTL_NONE },
	[0x8d] = { "i16x8.shr_u", IMM_NONE, CTL_NONE },
	[0x8e] = { "i16x8.add", IMM_NONE, CTL_NONE },
	[0x8f] = { "i16x8.add_sat_s", IMM_NONE, CTL_NONE },
	[0x90] = { "i16x8.add_sat_u", IMM_NONE, CTL_NONE },
	[0x91] = { "i16x8.sub", IMM_NONE, CTL_NONE },
	[0x92] = { "i16x8.sub_sat_s", IMM_NONE, CTL_NONE },
	[0x93] = { "i16x8.sub_sat_u", IMM_NONE, CTL_NONE },
	[0x94] = { "f64x2.nearest", IMM_NONE, CTL_NONE },
	[0x95] = { "i16x8.mul", IMM_NONE, CTL_NONE },
	[0x96] = { "i16x8.min_s", IMM_NONE, CTL_NONE },
	[0x97] = { "i16x8.min_u", IMM_NONE, CTL_NONE },
	[0x98] = { "i16x8.max_s", IMM_NONE, CTL_NONE },
	[0x99] = { "i16x8.max_u", IMM_NONE, CTL_NONE },
	[0x9b] = { "i16x8.avgr_u", IMM_NONE, CTL_NONE },
	[0x9c] = { "i16x8.extmul_low_i8x16_s", IMM_NONE, CTL_NONE },
	[0x9d] = { "i16x8.extmul_high_i8x16_s", IMM_NONE, CTL_NONE },
	[0x9e] = { "i16x8.extmul_low_i8x16_u", IMM_NONE, CTL_NONE },
	[0x9f] = { "i16x8.extmul_high_i8x16_u", IMM_NONE, CTL_NONE },
	[0xa0] = { "i32x4.abs", IMM_NONE, CTL_NONE },
	[0xa1] = { "i32x4.neg", IMM_NONE, CTL_NONE },
	[0xa3] = { "i32x4.all_true", IMM_NONE, CTL_NONE },
	[0xa4] = { "i32x4.bitmask", IMM_NONE, CTL_NONE },
	[0xa7] = { "i32x4.extend_low_i16x8_s", IMM_NONE, CTL_NONE },
	[0xa8] = { "i32x4.extend_high_i16x8_s", IMM_NONE, CTL_NONE },
	[0xa9] = { "i32x4.extend_low_i16x8_u", IMM_NONE, CTL_NONE },
	[0xaa] = { "i32x4.extend_high_i16x8_u", IMM_NONE, CTL_NONE },
	[0xab] = { "i32x4.shl", IMM_NONE, CTL_NONE },
	[0xac] = { "i32x4.shr_s", IMM_NONE, CTL_NONE },
	[0xad] = { "i32x4.shr_u", IMM_NONE, CTL_NONE },
	[0xae] = { "i32x4.add", IMM_NONE, CTL_NONE },
	[0xb1] = { "i32x4.sub", IMM_NONE, CTL_NONE },
	[0xb5] = { "i32x4.mul", IMM_NONE, CTL_NONE },
	[0xb6] = { "i32x4.min_s", IMM_NONE, CTL_NONE },
	[0xb7] = { "i32x4.min_u", IMM_NONE, CTL_NONE },
	[0xb8] = { "i32x4.max_s", IMM_NONE, CTL_NONE },
	[0xb9] = { "i32x4.max_u", IMM_NONE, CTL_NONE },
	[0xba] = { "i32x4.dot_i16x8_s", IMM_NONE, CTL_NONE },
	[0xbc] = { "i32x4.extmul_low_i16x8_s", IMM_NONE, CTL_NONE },
	[0xbd] = { "i32x4.extmul_high_i16x8_s", IMM_NONE, CTL_NONE },
	[0xbe] = { "i32x4.extmul_low_i16x8_u", IMM_NONE, CTL_NONE },
	[0xbf] = { "i32x4.extmul_high_i16x8_u", IMM_NONE, CTL_NONE },
	[0xc0] = { "i64x2.abs", IMM_NONE, CTL_NONE },
	[0xc1] = { "i64x2.neg", IMM_NONE, CTL_NONE },
	[0xc3] = { "i64x2.all_true", IMM_NONE, CTL_NONE },
	[0xc4] = { "i64x2.bitmask", IMM_NONE, CTL_NONE },
	[0xc7] = { "i64x2.extend_low_i32x4_s", IMM_NONE, CTL_NONE },
	[0xc8] = { "i64x2.extend_high_i32x4_s", IMM_NONE, CTL_NONE },
	[0xc9] = { "i64x2.extend_low_i32x4_u", IMM_NONE, CTL_NONE },
	[0xca] = { "i64x2.extend_high_i32x4_u", IMM_NONE, CTL_NONE },
	[0xcb] = { "i64x2.shl", IMM_NONE, CTL_NONE },
	[0xcc] = { "i64x2.shr_s", IMM_NONE, CTL_NONE },
	[0xcd] = { "i64x2.shr_u", IMM_NONE, CTL_NONE },
	[0xce] = { "i64x2.add", IMM_NONE, CTL_NONE },
	[0xd1] = { "i64x2.sub", IMM_NONE, CTL_NONE },
	[0xd5] = { "i64x2.mul", IMM_NONE, CTL_NONE },
	[0xd6] = { "i64x2.eq", IMM_NONE, CTL_NONE },
	[0xd7] = { "i64x2.ne", IMM_NONE, CTL_NONE },
	[0xd8] = { "i64x2.lt_s", IMM_NONE, CTL_NONE },
	[0xd9] = { "i64x2.gt_s", IMM_NONE, CTL_NONE },
	[0xda] = { "i64x2.le_s", IMM_NONE, CTL_NONE },
	[0xdb] = { "i64x2.ge_s", IMM_NONE, CTL_NONE },
	[0xdc] = { "i64x2.extmul_low_i32x4_s", IMM_NONE, CTL_NONE },
	[0xdd] = { "i64x2.extmul_high_i32x4_s", IMM_NONE, CTL_NONE },
	[0xde] = { "i64x2.extmul_low_i32x4_u", IMM_NONE, CTL_NONE },
	[0xdf] = { "i64x2.extmul_high_i32x4_u", IMM_NONE, CTL_NONE },
	[0xe0] = { "f32x4.abs", IMM_NONE, CTL_NONE },
	[0xe1] = { "f32x4.neg", IMM_NONE, CTL_NONE },
	[0xe3] = { "f32x4.sqrt", IMM_NONE, CTL_NONE },
	[0xe4] = { "f32x4.add", IMM_NONE, CTL_NONE },
	[0xe5] = { "f32x4.sub", IMM_NONE, CTL_NONE },
	[0xe6] = { "f32x4.mul", IMM_NONE, CTL_NONE },
	[0xe7] = { "f32x4.div", IMM_NONE, CTL_NONE },
	[0xe8] = { "f32x4.min", IMM_NONE, CTL_NONE },
	[0xe9] = { "f32x4.max", IMM_NONE, CTL_NONE },
	[0xea] = { "f32x4.pmin", IMM_NONE, CTL_NONE },
	[0xeb] = { "f32x4.pmax", IMM_NONE, CTL_NONE },
	[0xec] = { "f64x2.abs", IMM_NONE, CTL_NONE },
	[0xed] = { "f64x2.neg", IMM_NONE, CTL_NONE },
	[0xef] = { "f64x2.sqrt", IMM_NONE, CTL_NONE },
	[0xf0] = { "f64x2.add", IMM_NONE, CTL_NONE },
	[0xf1] = { "f64x2.sub", IMM_NONE, CTL_NONE },
	[0xf2] = { "f64x2.mul", IMM_NONE, CTL_NONE },
	[0xf3] = { "f64x2.div", IMM_NONE, CTL_NONE },
	[0xf4] = { "f64x2.min", IMM_NONE, CTL_NONE },
	[0xf5] = { "f64x2.max", IMM_NONE, CTL_NONE },
	[0xf6] = { "f64x2.pmin", IMM_NONE, CTL_NONE },
	[0xf7] = { "f64x2.pmax", IMM_NONE, CTL_NONE },
	[0xf8] = { "i32x4.trunc_sat_f32x4_s", IMM_NONE, CTL_NONE },
	[0xf9] = { "i32x4.trunc_sat_f32x4_u", IMM_NONE, CTL_NONE },
	[0xfa] = { "f32x4.convert_i32x4_s", IMM_NONE, CTL_NONE },
	[0xfb] = { "f32x4.convert_i32x4_u", IMM_NONE, CTL_NONE },
	[0xfc] = { "i32x4.trunc_sat_f64x2_s_zero", IMM_NONE, CTL_NONE },
	[0xfd] = { "i32x4.trunc_sat_f64x2_u_zero", IMM_NONE, CTL_NONE },
	[0xfe] = { "f64x2.convert_low_i32x4_s", IMM_NONE, CTL_NONE },
	[0xff] = { "f64x2.convert_low_i32x4_u", IMM_NONE, CTL_NONE },
	[0x100] = { "i8x16.relaxed_swizzle", IMM_NONE, CTL_NONE },
	[0x101] = { "i32x4.relaxed_trunc_f32x4_s", IMM_NONE, CTL_NONE },
	[0x102] = { "i32x4.relaxed_trunc_f32x4_u", IMM_NONE, CTL_NONE },
	[0x103] = { "i32x4.relaxed_trunc_f64x2_s_zero", IMM_NONE, CTL_NONE },
	[0x104] = { "i32x4.relaxed_trunc_f64x2_u_zero", IMM_NONE, CTL_NONE },
	[0x105] = { "f32x4.relaxed_madd", IMM_NONE, CTL_NONE },
	[0x106] = { "f32x4.relaxed_nmadd", IMM_NONE, CTL_NONE },
	[0x107] = { "f64x2.relaxed_madd", IMM_NONE, CTL_NONE },
	[0x108] = { "f64x2.relaxed_nmadd", IMM_NONE, CTL_NONE },
	[0x109] = { "i8x16.relaxed_laneselect", IMM_NONE, CTL_NONE },
	[0x10a] = { "i16x8.relaxed_laneselect", IMM_NONE, CTL_NONE },
	[0x10b] = { "i32x4.relaxed_laneselect", IMM_NONE, CTL_NONE },
	[0x10c] = { "i64x2.relaxed_laneselect", IMM_NONE, CTL_NONE },
	[0x10d] = { "f32x4.relaxed_min", IMM_NONE, CTL_NONE },
	[0x10e] = { "f32x4.relaxed_max", IMM_NONE, CTL_NONE },
	[0x10f] = { "f64x2.relaxed_min", IMM_NONE, CTL_NONE },
	[0x110] = { "f64x2.relaxed_max", IMM_NONE, CTL_NONE },
	[0x111] = { "i16x8.relaxed_q15mulr_s", IMM_NONE, CTL_NONE },
	[0x112] = { "i16x8.relaxed_dot_i8x16_i7x16_s", IMM_NONE,
	    CTL_NONE },
	[0x113] = { "i32x4.relaxed_dot_i8x16_i7x16_add_s", IMM_NONE,
	    CTL_NONE },
};

/* 0xfe: threads. */
static const struct op ops_fe[] = {
	[0x00] = { "memory.atomic.notify", IMM_MEMARG, CTL_NONE },
	[0x01] = { "memory.atomic.wait32", IMM_MEMARG, CTL_NONE },
	[0x02] = { "memory.atomic.wait64", IMM_MEMARG, CTL_NONE },
	[0x03] = { "atomic.fence", IMM_ZERO_BYTE, CTL_NONE },
	[0x10] = { "i32.atomic.load", IMM_MEMARG, CTL_NONE },
	[0x11] = { "i64.atomic.load", IMM_MEMARG, CTL_NONE },
	[0x12] = { "i32.atomic.load8_u", IMM_MEMARG, CTL_NONE },
	[0x13] = { "i32.atomic.load16_u", IMM_MEMARG, CTL_NONE },
	[0x14] = { "i64.atomic.load8_u", IMM_MEMARG, CTL_NONE },
	[0x15] = { "i64.atomic.load16_u", IMM_MEMARG, CTL_NONE },
	[0x16] = { "i64.atomic.load32_u", IMM_MEMARG, CTL_NONE },
	[0x17] = { "i32.atomic.store", IMM_MEMARG, CTL_NONE },
	[0x18] = { "i64.atomic.store", IMM_MEMARG, CTL_NONE },
	[0x19] = { "i32.atomic.store8", IMM_MEMARG, CTL_NONE },
	[0x1a] = { "i32.atomic.store16", IMM_MEMARG, CTL_NONE },
	[0x1b] = { "i64.atomic.store8", IMM_MEMARG, CTL_NONE },
	[0x1c] = { "i64.atomic.store16", IMM_MEMARG, CTL_NONE },
	[0x1d] = { "i64.atomic.store32", IMM_MEMARG, CTL_NONE },
	[0x1e] = { "i32.atomic.rmw.add", IMM_MEMARG, CTL_NONE },
	[0x1f] = { "i64.atomic.rmw.add", IMM_MEMARG, CTL_NONE },
	[0x20] = { "i32.atomic.rmw8.add_u", IMM_MEMARG, CTL_NONE },
	[0x21] = { "i32.atomic.rmw16.add_u", IMM_MEMARG, CTL_NONE },
	[0x22] = { "i64.atomic.rmw8.add_u", IMM_MEMARG, CTL_NONE },
	[0x23] = { "i64.atomic.rmw16.add_u", IMM_MEMARG, CTL_NONE },
	[0x24] = { "i64.atomic.rmw32.add_u", IMM_MEMARG, CTL_NONE },
	[0x25] = { "i32.atomic.rmw.sub", IMM_MEMARG, CTL_NONE },
	[0x26] = { "i64.atomic.rmw.sub", IMM_MEMARG, CTL_NONE },
	[0x27] = { "i32.atomic.rmw8.sub_u", IMM_MEMARG, CTL_NONE },
	[0x28] = { "i32.atomic.rmw16.sub_u", IMM_MEMARG, CTL_NONE },
	[0x29] = { "i64.atomic.rmw8.sub_u", IMM_MEMARG, CTL_NONE },
	[0x2a] = { "i64.atomic.rmw16.sub_u", IMM_MEMARG, CTL_NONE },
	[0x2b] = { "i64.atomic.rmw32.sub_u", IMM_MEMARG, CTL_NONE },
	[0x2c] = { "i32.atomic.rmw.and", IMM_MEMARG, CTL_NONE },
	[0x2d] = { "i64.atomic.rmw.and", IMM_MEMARG, CTL_NONE },
	[0x2e] = { "i32.atomic.rmw8.and_u", IMM_MEMARG, CTL_NONE },
	[0x2f] = { "i32.atomic.rmw16.and_u", IMM_MEMARG, CTL_NONE },
	[0x30] = { "i64.atomic.rmw8.and_u", IMM_MEMARG, CTL_NONE },
	[0x31] = { "i64.atomic.rmw16.and_u", IMM_MEMARG, CTL_NONE },
	[0x32] = { "i64.atomic.rmw32.and_u", IMM_MEMARG, CTL_NONE },
	[0x33] = { "i32.atomic.rmw.or", IMM_MEMARG, CTL_NONE },
	[0x34] = { "i64.atomic.rmw.or", IMM_MEMARG, CTL_NONE },
	[0x35] = { "i32.atomic.rmw8.or_u", IMM_MEMARG, CTL_NONE },
	[0x36] = { "i32.atomic.rmw16.or_u", IMM_MEMARG, CTL_NONE },
	[0x37] = { "i64.atomic.rmw8.or_u", IMM_MEMARG, CTL_NONE },
	[0x38] = { "i64.atomic.rmw16.or_u", IMM_MEMARG, CTL_NONE },
	[0x39] = { "i64.atomic.rmw32.or_u", IMM_MEMARG, CTL_NONE },
	[0x3a] = { "i32.atomic.rmw.xor", IMM_MEMARG, CTL_NONE },
	[0x3b] = { "i64.atomic.rmw.xor", IMM_MEMARG, CTL_NONE },
	[0x3c] = { "i32.atomic.rmw8.xor_u", IMM_MEMARG, CTL_NONE },
	[0x3d] = { "i32.atomic.rmw16.xor_u", IMM_MEMARG, CTL_NONE },
	[0x3e] = { "i64.atomic.rmw8.xor_u", IMM_MEMARG, CTL_NONE },
	[0x3f] = { "i64.atomic.rmw16.xor_u", IMM_MEMARG, CTL_NONE },
	[0x40] = { "i64.atomic.rmw32.xor_u", IMM_MEMARG, CTL_NONE },
	[0x41] = { "i32.atomic.rmw.xchg", IMM_MEMARG, CTL_NONE },
	[0x42] = { "i64.atomic.rmw.xchg", IMM_MEMARG, CTL_NONE },
	[0x43] = { "i32.atomic.rmw8.xchg_u", IMM_MEMARG, CTL_NONE },
	[0x44] = { "i32.atomic.rmw16.xchg_u", IMM_MEMARG, CTL_NONE },
	[0x45] = { "i64.atomic.rmw8.xchg_u", IMM_MEMARG, CTL_NONE },
	[0x46] = { "i64.atomic.rmw16.xchg_u", IMM_MEMARG, CTL_NONE },
	[0x47] = { "i64.atomic.rmw32.xchg_u", IMM_MEMARG, CTL_NONE },
	[0x48] = { "i32.atomic.rmw.cmpxchg", IMM_MEMARG, CTL_NONE },
	[0x49] = { "i64.atomic.rmw.cmpxchg", IMM_MEMARG, CTL_NONE },
	[0x4a] = { "i32.atomic.rmw8.cmpxchg_u", IMM_MEMARG, CTL_NONE },
	[0x4b] = { "i32.atomic.rmw16.cmpxchg_u", IMM_MEMARG, CTL_NONE },
	[0x4c] = { "i64.atomic.rmw8.cmpxchg_u", IMM_MEMARG, CTL_NONE },
	[0x4d] = { "i64.atomic.rmw16.cmpxchg_u", IMM_MEMARG, CTL_NONE },
	[0x4e] = { "i64.atomic.rmw32.cmpxchg_u", IMM_MEMARG, CTL_NONE },
};

/* The entry for prefix:sub, or NULL. */
static const struct op *
lookup(uint32_t prefix, uint32_t sub)
{
	const struct op	*t;
	size_t		 n;

	switch (prefix) {
	case 0xfb:
		t = ops_fb;
		n = nitems(ops_fb);
		break;
	case 0xfc:
		t = ops_fc;
		n = nitems(ops_fc);
		break;
	case 0xfd:
		t = ops_fd;
		n = nitems(ops_fd);
		break;
	case 0xfe:
		t = ops_fe;
		n = nitems(ops_fe);
		break;
	default:
		return NULL;
	}
	if (sub >= n || t[sub].name == NULL)
		return NULL;
	return &t[sub];
}

const char *
ws_opcode_name(uint32_t opcode)
{
	const struct op	*op;

	if (opcode <= 0xff)
		return ops[opcode].name;
	op = lookup(opcode >> 16, opcode & 0xffff);
	return op != NULL ? op->name : NULL;
}

/* u32 LEB128 with the one-byte case inline: most indices are small. */
static inline int
rd_u32(struct ws_reader *r, uint32_t *out, const char *what)
{
	if (r->pos != r->end && *r->pos < 0x80) {
		*out = *r->pos++;
		return 0;
	}
	return ws_read_u32(r, out, what);
}

/* Signed constants, with the one-byte case inline (-64..63). */
static inline int
rd_s32(struct ws_reader *r, int32_t *out, const char *what)
{
	if (r->pos != r->end && *r->pos < 0x80) {
		*out = *r->pos & 0x40 ? (int32_t)*r->pos - 0x80 : *r->pos;
		r->pos++;
		return 0;
	}
	return ws_read_s32(r, out, what);
}

static inline int
rd_s64(struct ws_reader *r, int64_t *out, const char *what)
{
	if (r->pos != r->end && *r->pos < 0x80) {
		*out = *r->pos & 0x40 ? (int64_t)*r->pos - 0x80 : *r->pos;
		r->pos++;
		return 0;
	}
	return ws_read_s64(r, out, what);
}

static inline int
rd_u64(struct ws_reader *r, uint64_t *out, const char *what)
{
	if (r->pos != r->end && *r->pos < 0x80) {
		*out = *r->pos++;
		return 0;
	}
	return ws_read_u64(r, out, what);
}

/* align flags (bit 6: a memory index follows), [memidx], u64 offset. */
static int
read_memarg(struct ws_reader *r, uint32_t *mem)
{
	const uint8_t	*at = r->pos;
	uint32_t	 flags;
	uint64_t	 offset;

	if (rd_u32(r, &flags, "memarg alignment") != 0)
		return -1;
	if (flags >= 0x80)
		return ws_fail(r, at, WS_ERR_MALFORMED,
		    "memarg: invalid alignment flags 0x%x", flags);
	*mem = 0;
	if ((flags & 0x40) != 0 &&
	    rd_u32(r, mem, "memarg memory index") != 0)
		return -1;
	return rd_u64(r, &offset, "memarg offset");
}

/*
 * The loop behind ws_expr_walk and ws_func_body_walk.  On failure r is left
 * where the error was found; the callers put it back.
 */
static int
walk(struct ws_reader *r, const struct ws_code_visitor *v, const char *what)
{
	void		(*ref)(void *, enum ws_ref_kind, uint32_t, size_t);
	void		(*opfn)(void *, uint32_t);
	void		*ctx;
	size_t		 depth = 0;
	uint32_t	 last_mem = UINT32_MAX;	/* of the previous memarg */
	uint32_t	 count = 0, locals = 0;

	ref = v != NULL ? v->ref : NULL;
	opfn = v != NULL ? v->op : NULL;
	ctx = v != NULL ? v->ctx : NULL;

	for (;;) {
		const uint8_t	*at = r->pos;
		const struct op	*op;
		uint32_t	 code, sub, a, b, n;
		int64_t		 s64;
		int32_t		 s32;
		uint8_t		 byte;
		size_t		 off;

		if (at == r->end)
			return ws_fail(r, at, WS_ERR_TRUNCATED,
			    "%s: missing end", what);
		code = *r->pos++;
		count++;
		locals += code - 0x20u <= 2u;	/* local.get, .set, .tee */
		if (code < 0xfb || code == 0xff) {
			op = &ops[code];
			/* most instructions: no immediate, or one small index
			   or constant that names nothing the visitor wants */
			if (opfn == NULL && op->ctl == CTL_NONE) {
				if (op->imm == IMM_NONE && op->name != NULL)
					continue;
				if ((op->imm == IMM_LOCAL ||
				    op->imm == IMM_LABEL ||
				    op->imm == IMM_I32 || op->imm == IMM_I64) &&
				    r->pos != r->end && *r->pos < 0x80) {
					r->pos++;
					continue;
				}
				if (op->imm == IMM_MEMARG && r->end - r->pos >= 2 &&
				    r->pos[0] < 0x40 && r->pos[1] < 0x80) {
					r->pos += 2;	/* memory 0, small offset */
					if (ref != NULL && last_mem != 0)
						ref(ctx, WS_REF_MEMORY, 0,
						    (size_t)(at - r->base));
					last_mem = 0;
					continue;
				}
			}
			if (op->name == NULL)
				return ws_fail(r, at, WS_ERR_MALFORMED,
				    "invalid opcode 0x%02x", code);
		} else {
			if (rd_u32(r, &sub, "opcode") != 0)
				return -1;
			op = lookup(code, sub);
			if (op == NULL)
				return ws_fail(r, at, WS_ERR_MALFORMED,
				    "invalid opcode 0x%02x 0x%x", code, sub);
			code = code << 16 | sub;
		}
		if (opfn != NULL)
			opfn(ctx, code);
		off = (size_t)(at - r->base);

		switch ((enum imm)op->imm) {
		case IMM_NONE:
			break;
		case IMM_BLOCKTYPE:
			if (ws_read_blocktype(r, &a, "block type") != 0)
				return -1;
			if (ref != NULL && a != UINT32_MAX)
				ref(ctx, WS_REF_TYPE, a, off);
			break;
		case IMM_LABEL:
		case IMM_LOCAL:
			if (rd_u32(r, &a, op->imm == IMM_LABEL ?
			    "label index" : "local index") != 0)
				return -1;
			break;
		case IMM_BR_TABLE:
			if (ws_read_count(r, &n, 1, "br_table label count")
			    != 0)
				return -1;
			for (uint32_t i = 0; i < n; i++)
				if (rd_u32(r, &a, "br_table label") != 0)
					return -1;
			if (rd_u32(r, &a, "br_table default label") != 0)
				return -1;
			break;
		case IMM_CALL:
		case IMM_RETURN_CALL:
		case IMM_FUNC:
			if (rd_u32(r, &a, "function index") != 0)
				return -1;
			if (ref != NULL)
				ref(ctx, op->imm == IMM_CALL ? WS_REF_CALL :
				    op->imm == IMM_RETURN_CALL ?
				    WS_REF_RETURN_CALL : WS_REF_FUNC, a, off);
			break;
		case IMM_CALL_INDIRECT:
			if (rd_u32(r, &a, "type index") != 0 ||
			    rd_u32(r, &b, "table index") != 0)
				return -1;
			if (ref != NULL) {
				ref(ctx, WS_REF_CALL_INDIRECT, a, off);
				ref(ctx, WS_REF_TABLE, b, off);
			}
			break;
		case IMM_GLOBAL:
			if (rd_u32(r, &a, "global index") != 0)
				return -1;
			if (ref != NULL)
				ref(ctx, WS_REF_GLOBAL, a, off);
			break;
		case IMM_TABLE:
			if (rd_u32(r, &a, "table index") != 0)
				return -1;
			if (ref != NULL)
				ref(ctx, WS_REF_TABLE, a, off);
			break;
		case IMM_MEMARG:
		case IMM_MEMARG_LANE:
			if (read_memarg(r, &a) != 0)
				return -1;
			if (op->imm == IMM_MEMARG_LANE &&
			    ws_read_u8(r, &byte, "lane index") != 0)
				return -1;
			if (ref != NULL && a != last_mem)
				ref(ctx, WS_REF_MEMORY, a, off);
			last_mem = a;
			break;
		case IMM_I32:
			if (rd_s32(r, &s32, "i32 constant") != 0)
				return -1;
			break;
		case IMM_I64:
			if (rd_s64(r, &s64, "i64 constant") != 0)
				return -1;
			break;
		case IMM_F32:
			if (ws_read_skip(r, 4, "f32 constant") != 0)
				return -1;
			break;
		case IMM_F64:
			if (ws_read_skip(r, 8, "f64 constant") != 0)
				return -1;
			break;
		case IMM_V128:
			if (ws_read_skip(r, 16, "v128 constant") != 0)
				return -1;
			break;
		case IMM_SHUFFLE:
			if (ws_read_skip(r, 16, "shuffle lane indices") != 0)
				return -1;
			break;
		case IMM_LANE:
			if (ws_read_u8(r, &byte, "lane index") != 0)
				return -1;
			break;
		case IMM_MEM:
			if (rd_u32(r, &a, "memory index") != 0)
				return -1;
			if (ref != NULL)
				ref(ctx, WS_REF_MEMORY, a, off);
			break;
		case IMM_MEM_MEM:
			if (rd_u32(r, &a, "destination memory index") != 0 ||
			    rd_u32(r, &b, "source memory index") != 0)
				return -1;
			if (ref != NULL) {
				ref(ctx, WS_REF_MEMORY, a, off);
				ref(ctx, WS_REF_MEMORY, b, off);
			}
			break;
		case IMM_DATA_MEM:
			if (rd_u32(r, &a, "data index") != 0 ||
			    rd_u32(r, &b, "memory index") != 0)
				return -1;
			if (ref != NULL) {
				ref(ctx, WS_REF_DATA, a, off);
				ref(ctx, WS_REF_MEMORY, b, off);
			}
			break;
		case IMM_DATA:
			if (rd_u32(r, &a, "data index") != 0)
				return -1;
			if (ref != NULL)
				ref(ctx, WS_REF_DATA, a, off);
			break;
		case IMM_ELEM_TABLE:
			if (rd_u32(r, &a, "element index") != 0 ||
			    rd_u32(r, &b, "table index") != 0)
				return -1;
			if (ref != NULL) {
				ref(ctx, WS_REF_ELEM, a, off);
				ref(ctx, WS_REF_TABLE, b, off);
			}
			break;
		case IMM_TABLE_TABLE:
			if (rd_u32(r, &a, "destination table index") != 0 ||
			    rd_u32(r, &b, "source table index") != 0)
				return -1;
			if (ref != NULL) {
				ref(ctx, WS_REF_TABLE, a, off);
				ref(ctx, WS_REF_TABLE, b, off);
			}
			break;
		case IMM_ELEM:
			if (rd_u32(r, &a, "element index") != 0)
				return -1;
			if (ref != NULL)
				ref(ctx, WS_REF_ELEM, a, off);
			break;
		case IMM_HEAPTYPE:
			if (ws_read_heaptype(r, &a, "heap type") != 0)
				return -1;
			if (ref != NULL && a != UINT32_MAX)
				ref(ctx, WS_REF_TYPE, a, off);
			break;
		case IMM_SELECT_T:
			if (ws_read_count(r, &n, 1, "select type count") != 0)
				return -1;
			for (uint32_t i = 0; i < n; i++) {
				if (ws_read_valtype(r, &a, "select type") != 0)
					return -1;
				if (ref != NULL && a != UINT32_MAX)
					ref(ctx, WS_REF_TYPE, a, off);
			}
			break;
		case IMM_TAG:
			if (rd_u32(r, &a, "tag index") != 0)
				return -1;
			if (ref != NULL)
				ref(ctx, WS_REF_TAG, a, off);
			break;
		case IMM_TRY_TABLE:
			if (ws_read_blocktype(r, &a, "block type") != 0)
				return -1;
			if (ref != NULL && a != UINT32_MAX)
				ref(ctx, WS_REF_TYPE, a, off);
			if (ws_read_count(r, &n, 2, "try_table catch count")
			    != 0)
				return -1;
			for (uint32_t i = 0; i < n; i++) {
				const uint8_t *kind_at = r->pos;

				if (ws_read_u8(r, &byte, "catch kind") != 0)
					return -1;
				if (byte > 0x03)
					return ws_fail(r, kind_at,
					    WS_ERR_MALFORMED,
					    "try_table: invalid catch kind "
					    "0x%02x", byte);
				if (byte <= 0x01) {	/* catch, catch_ref */
					if (rd_u32(r, &a, "tag index") != 0)
						return -1;
					if (ref != NULL)
						ref(ctx, WS_REF_TAG, a, off);
				}
				if (rd_u32(r, &b, "catch label") != 0)
					return -1;
			}
			break;
		case IMM_TYPE:
		case IMM_TYPE_U32:
		case IMM_TYPE_FIELD:
			if (rd_u32(r, &a, "type index") != 0)
				return -1;
			if (op->imm == IMM_TYPE_FIELD &&
			    rd_u32(r, &b, "field index") != 0)
				return -1;
			if (op->imm == IMM_TYPE_U32 &&
			    rd_u32(r, &b, "array size") != 0)
				return -1;
			if (ref != NULL)
				ref(ctx, WS_REF_TYPE, a, off);
			break;
		case IMM_TYPE_TYPE:
			if (rd_u32(r, &a, "destination type index") != 0 ||
			    rd_u32(r, &b, "source type index") != 0)
				return -1;
			if (ref != NULL) {
				ref(ctx, WS_REF_TYPE, a, off);
				ref(ctx, WS_REF_TYPE, b, off);
			}
			break;
		case IMM_TYPE_DATA:
		case IMM_TYPE_ELEM:
			if (rd_u32(r, &a, "type index") != 0 ||
			    rd_u32(r, &b, op->imm == IMM_TYPE_DATA ?
			    "data index" : "element index") != 0)
				return -1;
			if (ref != NULL) {
				ref(ctx, WS_REF_TYPE, a, off);
				ref(ctx, op->imm == IMM_TYPE_DATA ?
				    WS_REF_DATA : WS_REF_ELEM, b, off);
			}
			break;
		case IMM_BR_ON_CAST:
			if (ws_read_u8(r, &byte, "cast flags") != 0)
				return -1;
			if (byte > 0x03)
				return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
				    "%s: invalid cast flags 0x%02x", op->name,
				    byte);
			if (rd_u32(r, &a, "label index") != 0)
				return -1;
			for (int i = 0; i < 2; i++) {
				if (ws_read_heaptype(r, &a, "heap type") != 0)
					return -1;
				if (ref != NULL && a != UINT32_MAX)
					ref(ctx, WS_REF_TYPE, a, off);
			}
			break;
		case IMM_ZERO_BYTE:
			if (ws_read_u8(r, &byte, op->name) != 0)
				return -1;
			if (byte != 0)
				return ws_fail(r, r->pos - 1, WS_ERR_MALFORMED,
				    "%s: reserved byte 0x%02x is not zero",
				    op->name, byte);
			break;
		}

		if (op->ctl == CTL_NONE)
			continue;
		if (op->ctl == CTL_OPEN) {
			depth++;
		} else if (depth == 0) {
			if (code == 0x0b) {	/* the end of the expression */
				if (v != NULL && v->stats != NULL)
					*v->stats = (struct ws_code_stats){
					    count, locals };
				return 0;
			}
			/* else, catch, catch_all, delegate */
			return ws_fail(r, at, WS_ERR_MALFORMED,
			    "%s: %s outside a block", what, op->name);
		} else if (op->ctl == CTL_CLOSE) {
			depth--;
		}
	}
}

int
ws_expr_walk(struct ws_reader *r, const struct ws_code_visitor *v)
{
	const uint8_t	*start = r->pos;

	if (walk(r, v, "expression") != 0) {
		r->pos = start;
		return -1;
	}
	return 0;
}

/* The locals, then the expression; r is left where an error was found. */
static int
body_walk(struct ws_reader *body, const struct ws_code_visitor *v)
{
	uint64_t	 total = 0;
	uint32_t	 ndecl, count, t;

	if (ws_read_count(body, &ndecl, 2, "local declaration count") != 0)
		return -1;
	for (uint32_t i = 0; i < ndecl; i++) {
		const uint8_t	*at = body->pos;

		if (ws_read_u32(body, &count, "local count") != 0)
			return -1;
		total += count;
		if (total > UINT32_MAX)
			return ws_fail(body, at, WS_ERR_LIMIT,
			    "function body: too many locals (more than %u)",
			    UINT32_MAX);
		at = body->pos;
		if (ws_read_valtype(body, &t, "local type") != 0)
			return -1;
		if (t != UINT32_MAX && v != NULL && v->ref != NULL)
			v->ref(v->ctx, WS_REF_TYPE, t,
			    (size_t)(at - body->base));
	}
	if (walk(body, v, "function body") != 0)
		return -1;
	if (body->pos != body->end)
		return ws_fail(body, body->pos, WS_ERR_MALFORMED,
		    "function body: %zu trailing bytes after the final end",
		    ws_reader_left(body));
	return 0;
}

int
ws_func_body_walk(struct ws_reader *body, const struct ws_code_visitor *v)
{
	const uint8_t	*start = body->pos;

	if (body_walk(body, v) != 0) {
		body->pos = start;
		return -1;
	}
	return 0;
}

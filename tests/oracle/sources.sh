#!/bin/sh
# SPDX-License-Identifier: MIT
# sources.sh - `wasmsize sources` against llvm-dwarfdump, llvm-symbolizer
# and wasm-objdump (the work is in sources.py): on the C sample (DWARF 4),
# the Rust sample, and a small program built here with DWARF 2, 3, 4 and
# 5, once more with a function that wasm-ld drops (its sequence gets a
# tombstone address).
. "$srcdir/tests/lib.sh"
need python3
need llvm-dwarfdump
need llvm-symbolizer
need wasm-objdump
need clang
need wasm-ld
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
files="$samples/hello-c.wasm $samples/rust-debug.wasm"

cat >"$tmp/a.c" <<'EOF'
static int sq(int x) { return x * x; }
int add(int a, int b) { return sq(a) + b; }
EOF
cat >"$tmp/b.h" <<'EOF'
static inline int helper(int x) { return x + 1; }
EOF
cat >"$tmp/b.c" <<'EOF'
#include "b.h"
int mul(int a, int b) { return helper(a) * b; }
EOF
(cd "$tmp" && clang --target=wasm32 -O1 -g -c a.c -o probe.o) ||
    fail "clang cannot compile for wasm32"
for v in 2 3 4 5; do
	# linked by wasm-ld directly: clang -O1 would also run wasm-opt
	(cd "$tmp" &&
	    clang --target=wasm32 -O1 -gdwarf-$v -c a.c -o a$v.o &&
	    clang --target=wasm32 -O1 -gdwarf-$v -c b.c -o b$v.o &&
	    wasm-ld --no-entry --export-all -o v$v.wasm a$v.o b$v.o &&
	    wasm-ld --no-entry --export=mul -o gc$v.wasm a$v.o b$v.o) ||
	    fail "clang --target=wasm32 -gdwarf-$v"
	llvm-dwarfdump --debug-line "$tmp/v$v.wasm" |
	    grep -q "version: $v\$" || fail "v$v.wasm: not DWARF $v"
	files="$files $tmp/v$v.wasm $tmp/gc$v.wasm"
done
# shellcheck disable=SC2086
python3 "$srcdir/tests/oracle/sources.py" "$WASMSIZE" $files

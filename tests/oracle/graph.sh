#!/bin/sh
# SPDX-License-Identifier: MIT
# graph.sh - on every sample: the dominator tree accounts for every byte,
# and garbage functions are the ones wasm-opt removes.  binaryen 108 cannot
# read some samples (named below, with why); the properties still hold.
. "$srcdir/tests/lib.sh"
need wasm-opt
need wasm-objdump
need python3
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
out=$(python3 "$srcdir/tests/oracle/graph.py" "$WASMSIZE" "$tmp" "$samples"/*.wasm) ||
    { echo "$out"; exit 1; }
echo "$out"
# Samples binaryen 108 rejects: GC and new EH encodings (gc, eh-new), two
# memories (features), table.init (table), wabt's tag names as name
# subsection 10 (wabt-tag-names).  Anything else it cannot read is a failure.
unread=$(echo "$out" | sed -n 's/^ok \(.*\)\.wasm: .*wasm-opt cannot read it$/\1/p' |
    tr '\n' ' ')
[ "$unread" = "eh-new features gc table wabt-tag-names " ] ||
    fail "wasm-opt could not read: $unread"
# the graph sample must have garbage for the comparison to mean something
echo "$out" | grep -q '^ok graph.wasm: .*; 3 garbage functions, as wasm-opt$' ||
    fail "graph.wasm: expected 3 garbage functions"

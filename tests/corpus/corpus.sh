#!/bin/sh
# SPDX-License-Identifier: MIT
# corpus.sh - the oracles on the development corpus of real modules, when
# WASMSIZE_CORPUS names a directory filled by tests/corpus/fetch.sh:
# sections, function bodies, data segments and names against wasm-objdump,
# items against the file size, custom bytes against wasm-strip, the
# dominator tree against the file size and garbage against wasm-opt, the
# findings and exact savings against wabt and binaryen, the toolchains.
. "$srcdir/tests/lib.sh"
[ -n "${WASMSIZE_CORPUS:-}" ] || skip "WASMSIZE_CORPUS is not set"
[ -d "$WASMSIZE_CORPUS" ] || fail "WASMSIZE_CORPUS=$WASMSIZE_CORPUS is not a directory"
need wasm-objdump
need wasm-strip
need python3
set -- "$WASMSIZE_CORPUS"/*.wasm
[ -f "$1" ] || fail "no .wasm files in $WASMSIZE_CORPUS"
[ $# -ge 12 ] || fail "only $# corpus files in $WASMSIZE_CORPUS (expected 12)"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
python3 "$srcdir/tests/oracle/objdump.py" "$WASMSIZE" "$@" || exit 1
python3 "$srcdir/tests/oracle/strip.py" "$WASMSIZE" "$tmp" "$@" || exit 1
python3 "$srcdir/tests/oracle/graph.py" "$WASMSIZE" "$tmp" "$@" || exit 1
python3 "$srcdir/tests/advice/check.py" "$WASMSIZE" "$tmp" "$@" || exit 1

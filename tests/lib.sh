# SPDX-License-Identifier: MIT
# lib.sh - shared by the shell tests: where things are, and how to fail.
# Tests run with WASMSIZE (the built binary) and srcdir (the source tree)
# set by `make check`; standalone, they default to the source tree.
: "${srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${WASMSIZE:=$srcdir/wasmsize}"
samples="$srcdir/samples"

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
need() { command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed"; }

# Samples that wabt 1.0.32 cannot read (GC, the new exception handling):
# checked against hand-computed expectations in tests/cli instead.
wabt_unreadable='gc.wasm eh-new.wasm'

# Samples whose names wabt cannot print faithfully (control characters,
# invalid UTF-8: it drops or mangles them): the oracles compare their
# sizes and counts, not their names.
wabt_misnamed='hostile.wasm'
WS_NO_NAMES=$wabt_misnamed
export WS_NO_NAMES

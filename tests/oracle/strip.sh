#!/bin/sh
# SPDX-License-Identifier: MIT
# strip.sh - custom-section bytes equal what wasm-strip removes.
. "$srcdir/tests/lib.sh"
need wasm-strip
need python3
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
files=
for f in "$samples"/*.wasm; do
	case " $wabt_unreadable " in *" ${f##*/} "*) continue;; esac
	files="$files $f"
done
# shellcheck disable=SC2086
python3 "$srcdir/tests/oracle/strip.py" "$WASMSIZE" "$tmp" $files

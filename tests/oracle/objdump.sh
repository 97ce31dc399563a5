#!/bin/sh
# SPDX-License-Identifier: MIT
# objdump.sh - every sample that wabt can read: sections, function bodies,
# data segments and names against wasm-objdump; items against the file size.
. "$srcdir/tests/lib.sh"
need wasm-objdump
need python3
files=
for f in "$samples"/*.wasm; do
	case " $wabt_unreadable " in
	*" ${f##*/} "*)
		# keep this list honest: wabt must still fail on them
		wasm-objdump -h "$f" >/dev/null 2>&1 &&
		    fail "wabt now reads ${f##*/}: move it to the oracle"
		continue;;
	esac
	files="$files $f"
done
[ -n "$files" ] || fail "no samples"
# shellcheck disable=SC2086
python3 "$srcdir/tests/oracle/objdump.py" "$WASMSIZE" $files

#!/bin/sh
# SPDX-License-Identifier: MIT
# goldens.sh - text, CSV and JSON output of every command on small samples,
# against goldens in tests/cli/golden/.  The gc and eh-new goldens were
# checked by hand against the byte-by-byte comments of samples/*.hex (wabt
# cannot read those); the others against wasm-objdump.  WS_REBASE=1
# rewrites the goldens (then review the diff).
. "$srcdir/tests/lib.sh"
golden="$srcdir/tests/cli/golden"
status=0

check() {	# check NAME COMMAND...: run in samples/, compare with NAME
	name=$1
	shift
	out=$(cd "$samples" && "$WASMSIZE" "$@" 2>&1; echo "exit $?")
	if [ "${WS_REBASE:-}" = 1 ]; then
		printf '%s\n' "$out" >"$golden/$name"
		return
	fi
	printf '%s\n' "$out" | diff -u "$golden/$name" - || status=1
}

check names.inspect.txt inspect names.wasm
check names.sections.csv sections --format=csv names.wasm
check names.top.json top -n 5 --json names.wasm
check names.inspect.csv inspect --format=csv names.wasm
check table.top.txt top -n 0 table.wasm
check gc.inspect.csv inspect --format=csv gc.wasm
check eh-new.inspect.csv inspect --format=csv eh-new.wasm
check rust-release.sections.txt sections rust-release.wasm
check rust-release.top.txt top -n 12 rust-release.wasm
check rust-release.top-raw.txt top -n 12 --no-demangle rust-release.wasm
check hello-c.sections.txt sections hello-c.wasm
exit $status

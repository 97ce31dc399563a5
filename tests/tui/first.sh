#!/bin/sh
# SPDX-License-Identifier: MIT
# first.sh - the first screen of `wasmsize inspect` on samples/names.wasm at
# 80x24 and 40x10: header (sizes, gzip once known, toolchain, verdicts,
# where), the sections largest first with percent and bar, '/' on the rows
# that open, '>' on the selection, the status line.  Then colours: none
# with NO_COLOR or --color=never, some with --color=always or by default.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

run 80 24 "$ws inspect names.wasm"
expect first 'gzip'
alive
run 40 10 "$ws inspect names.wasm"
expect first-40x10 'gzip'
alive

# capture-pane -e shows attributes as SGR sequences: 44 is the title's
# blue background, 36 the header's cyan.
esc=$(printf '\033')
colours() {
	wait_for 'gzip'
	tm capture-pane -p -e | grep -q "$esc\[\(44\|36\)m"
}
run 80 24 "$ws inspect names.wasm"
colours && fail "colours with NO_COLOR=1"
run 80 24 "NO_COLOR= $ws inspect names.wasm"
colours || fail "no colours with NO_COLOR empty (--color=auto)"
run 80 24 "NO_COLOR= $ws inspect --color=never names.wasm"
colours && fail "colours with --color=never"
run 80 24 "$ws inspect --color=always names.wasm"
colours || fail "no colours with --color=always and NO_COLOR=1"
run 80 24 "$ws inspect --color=auto names.wasm"
colours && fail "colours with --color=auto and NO_COLOR=1"
exit 0

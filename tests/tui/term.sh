#!/bin/sh
# SPDX-License-Identifier: MIT
# term.sh - a terminal that curses does not know (TERM names no terminfo
# entry) is trouble like any other: wasmsize either says so on standard
# error, prefixed with "wasmsize:", and exits 2, or falls back to the text
# report and exits 0; never curses' own exit 1, which means a failed check.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

run 80 24 "TERM=wasmsize-no-such-term; $ws inspect names.wasm 2>'$tmp/err';
	echo \"exit=\$?\" >'$tmp/status'; exec cat"
i=0
while [ ! -s "$tmp/status" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
case $(cat "$tmp/status" 2>/dev/null) in
exit=2)
	grep -q '^wasmsize: ' "$tmp/err" ||
	    fail "exit 2, but stderr says: $(cat "$tmp/err")" ;;
exit=0)
	screen | grep -q '^Sections' || fail "exit 0 with no text report" ;;
exit=*)
	fail "unknown terminal: $(cat "$tmp/status"), stderr: $(cat "$tmp/err")" ;;
*)
	screen >&2
	fail "unknown terminal: still running" ;;
esac
exit 0

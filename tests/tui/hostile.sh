#!/bin/sh
# SPDX-License-Identifier: MIT
# hostile.sh - samples/hostile.wasm's function names hold ESC sequences,
# BEL, backspace, a C1 control, invalid UTF-8, U+202E, TAB, LF and a wide
# CJK name: on screen each bad byte is \xNN, nothing raw reaches the
# terminal (no red from the ESC sequence, no control or bidi character in
# the pane), and the CJK name is cropped by display width, at 80x24 and
# 40x10, in the header's path and in the why-kept view too.  In the C
# locale, bars are ASCII '#' and every non-ASCII byte is escaped.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

run 80 24 "$ws inspect hostile.wasm"
wait_for 'gzip'
keys j l			# the code section
expect hostile '/ code'
raw_free
keys l				# into the function with the ESC sequences
expect hostile-open 'red'
raw_free
keys h / 2 J Enter p		# why the C1 one is kept
expect hostile-why 'why it is kept'
raw_free
alive

run 40 10 "$ws inspect hostile.wasm"
wait_for 'gzip'
keys j l
expect hostile-40x10 '/ code'
raw_free
alive

locale=C
run 80 24 "$ws inspect hostile.wasm"
wait_for 'gzip'
keys j l
expect hostile-ascii '/ code'
raw_free
LC_ALL=C grep -q "$(printf '[\200-\377]')" "$tmp/raw" &&
    fail "non-ASCII on the screen in the C locale"
alive
exit 0

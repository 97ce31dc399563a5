#!/bin/sh
# SPDX-License-Identifier: MIT
# side.sh - the side views: help (every key of view_keys[], the flags), why
# via_table is kept in samples/graph.wasm (slot, tab, main, main, as
# tests/graph/shapes.sh works out), what main pulls in, an item's details,
# the advice on samples/rust-release.wasm at 80x24 and 40x10; q and Esc
# go back to the tree, where the cursor still is.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

run 80 24 "$ws inspect names.wasm"
expect first 'gzip'
keys '?'
expect help 'keys   q back'
keys q
expect first '? help  q quit'

run 80 24 "$ws inspect graph.wasm"
wait_for 'gzip'
keys / c o d e Enter l / v i a _ t Enter
expect graph-via-table 'filter "via_t"'
keys p
expect why 'why it is kept'
keys q
expect graph-via-table 'filter "via_t"'
keys i
expect details 'details'
keys Escape Escape / m a i n Enter
wait_for 'filter "main"'
keys P
expect pulls 'what it pulls in'
keys h
alive

run 80 24 "$ws inspect rust-release.wasm"
wait_for 'gzip'
keys a
expect advice 'advice   q back'
run 40 10 "$ws inspect rust-release.wasm"
wait_for 'gzip'
keys a
expect advice-40x10 'advice'
end
expect advice-40x10-end 'advice'
alive
exit 0

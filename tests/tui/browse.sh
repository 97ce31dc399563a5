#!/bin/sh
# SPDX-License-Identifier: MIT
# browse.sh - moving around samples/names.wasm at 80x24: open a section and
# come back (the cursor where it was), sort by size both ways and by name,
# search as you type, keep the filter with Enter, clear it with Esc; open
# a row the search found and come back to it.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

run 80 24 "$ws inspect names.wasm"
expect first 'gzip'
keys j Enter			# the data section
expect open '/ data'
keys Left			# back: the cursor on data again
expect back '^> .*/data'
keys j l			# the code section
expect code '/ code'
keys s				# smallest first
expect sort-size-reversed 'smallest first'
keys n n			# by name, Z-A
expect sort-name-reversed 'Z-A'
keys s h			# by size again, then up to the sections
expect back-code '^> .*/code'
home; keys / t a
expect search '/ta_'
keys Enter j
expect search-kept 'filter "ta"'
keys Escape
expect back-to-all '^> '
keys / x y z
expect search-none 'no name contains'
keys Escape
wait_for '? help  q quit'
# open a row found by a search, come back: the cursor is on that row
keys / c o d Enter l
expect code '/ code'
keys h
expect back-code '^> .*/code'
alive
exit 0

#!/bin/sh
# SPDX-License-Identifier: MIT
# small.sh - resizes follow the terminal: shrunk below 40x8 the screen says
# it is too small instead of drawing; grown again it redraws exactly the
# screens of first.sh (80x24 and 40x10); a side view scrolled down at 40x10
# shows from its top once everything fits; started too small it says so
# too, and keys still work once there is room.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

run 80 24 "$ws inspect names.wasm"
expect first 'gzip'
tm resize-window -x 30 -y 6
expect small 'too small'
tm resize-window -x 40 -y 7
expect small-40x7 'too small'
tm resize-window -x 40 -y 10
expect first-40x10 'gzip'
tm resize-window -x 80 -y 24
expect first 'gzip'
alive

run 30 6 "$ws inspect names.wasm"
expect small 'too small'
keys j
tm resize-window -x 80 -y 24
expect small-then-j '^> .*/data'
alive

# a side view scrolled to its end at 40x10, then room for all of it: it
# shows all of it, from the top
tm resize-window -x 40 -y 10
wait_for 'gzip 341 B  names.wasm$'	# the title, at 40 columns
keys '?'
end
expect help-40x10-end 'flags: D'
tm resize-window -x 80 -y 25
expect help-80x25 'Up, k'
tm resize-window -x 80 -y 24
keys q
expect small-then-j '? help  q quit'
alive
exit 0

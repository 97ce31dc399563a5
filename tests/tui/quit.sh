#!/bin/sh
# SPDX-License-Identifier: MIT
# quit.sh - leaving: q in a side view goes back to the tree, q in the tree
# exits 0; after it, and after SIGTERM or Ctrl-C (SIGINT), the terminal is
# as before: the normal screen again (what the shell printed before is
# back, nothing of the TUI is left), the cursor shown, the keypad out of
# application mode, and the same stty settings.  A signal may end it with
# status 0 or 128 + the signal, never with a crash.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

# A shell that notes the terminal settings, runs wasmsize, notes its exit
# status and the settings again, then waits.  The outer shell ignores
# SIGINT (wasmsize sets its own handler), so that Ctrl-C does not end it.
wrap() {
	printf '%s' "trap '' INT; stty -g >'$tmp/before'; echo before;
	sh -c 'echo \$\$ >\"$tmp/pid\"; exec $ws inspect names.wasm'
	echo \"exit=\$?\" >'$tmp/status'; stty -g >'$tmp/after'; echo after;
	exec cat"
}

# restored WHAT [GOLDEN]: the program has exited and the terminal is back
# (a shell says "Terminated" after a child that died of SIGTERM).
restored() {
	i=0
	while [ ! -s "$tmp/after" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -s "$tmp/after" ] || fail "$1: wasmsize did not exit"
	expect "${2:-quit}" 'after'
	[ "$(tm display -p '#{alternate_on}')" = 0 ] ||
	    fail "$1: still on the alternate screen"
	[ "$(tm display -p '#{cursor_flag}')" = 1 ] ||
	    fail "$1: the cursor is still hidden"
	[ "$(tm display -p '#{keypad_cursor_flag}#{keypad_flag}')" = 00 ] ||
	    fail "$1: the keypad is still in application mode"
	cmp -s "$tmp/before" "$tmp/after" ||
	    fail "$1: stty settings differ: $(cat "$tmp/before") $(cat "$tmp/after")"
	rm -f "$tmp/before" "$tmp/after" "$tmp/pid"
}

run 80 24 "$(wrap)"
expect first 'gzip'
keys '?'
expect help 'keys   q back'
keys q
expect first '? help  q quit'
keys q
restored q
[ "$(cat "$tmp/status")" = exit=0 ] || fail "q: $(cat "$tmp/status")"

run 80 24 "$(wrap)"
expect first 'gzip'
kill -TERM "$(cat "$tmp/pid")" || fail "no process to kill"
restored SIGTERM quit-term
case $(cat "$tmp/status") in
exit=0 | exit=143) ;;
*) fail "SIGTERM: $(cat "$tmp/status")" ;;
esac

run 80 24 "$(wrap)"
expect first 'gzip'
keys j l C-c
restored SIGINT
case $(cat "$tmp/status") in
exit=0 | exit=130) ;;
*) fail "SIGINT: $(cat "$tmp/status")" ;;
esac
exit 0

# SPDX-License-Identifier: MIT
# tui/lib.sh - shared by the TUI tests (after tests/lib.sh): a private tmux
# server, `wasmsize inspect` started in it at a fixed size in samples/, and
# screens compared with tests/tui/NAME.screen by polling, never by sleeping
# a fixed time.  WS_REBASE=1 rewrites the goldens instead.
# shellcheck shell=sh disable=SC2034,SC2154 # ws is for, srcdir and samples from, the tests
need tmux
unset TMUX
tmp=$(mktemp -d) || exit 99
TMUX_TMPDIR=$tmp	# the server's socket lives and dies with $tmp
export TMUX_TMPDIR
server=0	# each run gets a server of its own: no waiting for the last to go
tm() { tmux -L "ws$$.$server" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
ws=$(printf "'%s'" "$WASMSIZE")	# for command lines run by sh -c

# Reproducible screens: one locale, one terminal type, no colours.
locale=C.UTF-8

# run COLS ROWS COMMAND: a fresh server whose one pane, COLS x ROWS with no
# status line, runs the sh command line COMMAND in samples/ (so the title
# shows a file name that does not depend on the checkout).
run() {
	tm kill-server 2>/dev/null
	server=$((server + 1))
	tm start-server \; set -g status off \; set -g default-shell /bin/sh \; \
	    set -g remain-on-exit on \; new-session -d -x "$1" -y "$2" \
	    -c "$samples" "LANG=$locale LC_ALL=$locale TERM=xterm-256color \
	    NO_COLOR=1; export LANG LC_ALL TERM NO_COLOR; $3" || exit 99
}

screen() { tm capture-pane -p; }

# wait_for REGEX: polls the screen until a line matches (5 s at most).
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen >&2
	fail "no '$1' on the screen"
}

# expect NAME [REGEX]: polls until the screen is tests/tui/NAME.screen (10 s
# at most), else shows the difference and fails.  With WS_REBASE set, waits
# for REGEX and for the screen to settle, then writes the golden.
expect() {
	golden="$srcdir/tests/tui/$1.screen"
	if [ -n "${WS_REBASE-}" ]; then
		wait_for "${2-.}"
		screen >"$tmp/a"
		while sleep 0.3 && screen >"$tmp/b" && ! cmp -s "$tmp/a" "$tmp/b"; do
			mv "$tmp/b" "$tmp/a"
		done
		mv "$tmp/a" "$golden"
		echo "rebased $1.screen"
		return 0
	fi
	i=0
	while [ $i -lt 100 ]; do
		screen >"$tmp/$1.got"
		cmp -s "$golden" "$tmp/$1.got" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	diff -u "$golden" "$tmp/$1.got"
	fail "the screen is not $1.screen"
}

# keys KEY...: tmux send-keys (key names such as Enter, Escape, Up, C-c).
# tmux sends Home and End as \e[1~ and \e[4~, which are not xterm's; home
# and end send what xterm-256color's terminfo says (khome, kend).
keys() { tm send-keys "$@"; }
home() { tm send-keys -l "$(printf '\033OH')"; }
end() { tm send-keys -l "$(printf '\033OF')"; }

# alive: the program has not died (the pane stays after it exits).
alive() {
	[ "$(tm display -p '#{pane_dead}')" = 0 ] ||
	    fail "wasmsize exited: $(tm display -p '#{pane_dead_status}')"
}

# raw_free: nothing on the screen is a control character, and no colour
# that a name could have set (the ESC sequences in samples/hostile.wasm ask
# for red) reached the terminal.
raw_free() {
	ctl=$(printf '[\001-\010\013-\037\177]')
	c1=$(printf '\302[\200-\237]')
	rlo=$(printf '\342\200\256')
	screen >"$tmp/raw"
	! LC_ALL=C grep -q "$ctl" "$tmp/raw" || fail "a control character on the screen"
	! LC_ALL=C grep -q "$c1" "$tmp/raw" || fail "a C1 control on the screen"
	! LC_ALL=C grep -q "$rlo" "$tmp/raw" || fail "U+202E on the screen"
	esc=$(printf '\033')
	! tm capture-pane -p -e | grep -q "$esc\[31m" || fail "red on the screen"
}

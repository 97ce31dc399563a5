# SPDX-License-Identifier: MIT
# lib.sh - what check.sh and diff.sh share: run a command and compare it
# with a golden, expect an exit status, find a line.  Each sets status=1
# on a failure (the caller exits with it) and needs $tmp and $golden.
case $WASMSIZE in /*) ;; *) WASMSIZE=$(pwd)/$WASMSIZE ;; esac
status=0

# golden NAME DIR COMMAND...: run in DIR; stdout, stderr and the exit
# status must be those in golden/NAME (WS_REBASE=1 rewrites it).
golden() {
	name=$1 dir=$2
	shift 2
	out=$(cd "$dir" && "$@" 2>&1; echo "exit $?")
	if [ "${WS_REBASE:-}" = 1 ]; then
		printf '%s\n' "$out" >"$golden/$name"
		return
	fi
	printf '%s\n' "$out" | diff -u "$golden/$name" - ||
	    { echo "FAIL: $name: $*" >&2; status=1; }
}

# expect WANT-EXIT DIR COMMAND...: run in DIR, check the exit status;
# the output is left in $tmp/out and $tmp/err.
expect() {
	want=$1 dir=$2
	shift 2
	(cd "$dir" && exec "$@") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" = "$want" ] || {
		echo "FAIL: exit $rc, not $want: $*" >&2
		sed 's/^/  stdout: /' "$tmp/out" >&2
		sed 's/^/  stderr: /' "$tmp/err" >&2
		status=1
	}
}

# has FILE LINE WHAT: FILE holds LINE exactly.
has() {
	grep -qxF -- "$2" "$1" || {
		echo "FAIL: $3: no line '$2' in:" >&2
		sed 's/^/  /' "$1" >&2
		status=1
	}
}

ws() { "$WASMSIZE" "$@"; }

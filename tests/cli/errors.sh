#!/bin/sh
# SPDX-License-Identifier: MIT
# errors.sh - malformed input.  Each tests/bad/N-name.hex (xxd -r -p format;
# N-name.txt explains every byte and the expected offset) must give exactly
# the line in N-name.err on stderr, @FILE@ standing for the file name, with
# nothing on stdout and exit 2, for every command and format.  An .err that
# says "warning:" expects exit 0 instead, a report whose items add up to the
# file size, and that one line.  Each run is held to 200 MB of address space
# and 5 seconds, so a count of 2^32-1 must fail at once.  WS_REBASE=1
# rewrites the .err files from what wasmsize prints.
. "$srcdir/tests/lib.sh"
cases="$srcdir/tests/bad"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
case $WASMSIZE in /*) ;; *) WASMSIZE=$(pwd)/$WASMSIZE ;; esac
failed=0

# xxd -r -p, in awk: any other characters are ignored.
hex2bin() {
	# shellcheck disable=SC2059	# the format is octal escapes only
	printf "$(tr -dc '0-9a-fA-F' <"$1" | awk '
	function nib(i) { return index("0123456789abcdef", substr(h, i, 1)) - 1 }
	{
		h = tolower($0)
		for (i = 1; i < length(h); i += 2)
			printf "\\%03o", 16 * nib(i) + nib(i + 1)
	}')"
}

# Under ASan, ulimit -v stops the program from starting: cap single
# allocations instead.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}max_allocation_size_mb=200"
ASAN_OPTIONS="$ASAN_OPTIONS:allocator_may_return_null=0:exitcode=99"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:exitcode=99"
export ASAN_OPTIONS UBSAN_OPTIONS
vlimit=:	# ulimit -v is not POSIX, but dash, bash and busybox have it
# (exit $?: the subshell, not this shell, reports ASan's abort)
# shellcheck disable=SC3045
(ulimit -v 200000 && "$WASMSIZE" --version; exit $?) >/dev/null 2>&1 &&
    vlimit='ulimit -v 200000'
tlimit=
command -v timeout >/dev/null 2>&1 && tlimit='timeout 5'

bad() { echo "FAIL: $*" >&2; failed=1; }

# run FILE ARGS...: wasmsize ARGS FILE in $tmp, under the limits
run() {
	f=$1
	shift
	# shellcheck disable=SC2086
	(cd "$tmp" && eval "$vlimit" && exec $tlimit "$WASMSIZE" "$@" "$f") \
	    >"$tmp/out" 2>"$tmp/err"
}

ncases=0
for hex in "$cases"/*.hex; do
	[ -e "$hex" ] || fail "no cases in $cases"
	n=${hex##*/}
	n=${n%.hex}
	ncases=$((ncases + 1))
	hex2bin "$hex" >"$tmp/$n.wasm"
	if [ ! -f "$cases/$n.txt" ]; then
		bad "$n: no $n.txt explaining the bytes"
	elif [ "$(sed 's/#.*//' "$cases/$n.txt" | tr -dc '0-9a-fA-F')" != \
	    "$(tr -dc '0-9a-fA-F' <"$hex")" ]; then
		bad "$n: the bytes of $n.txt and $n.hex differ"
	fi
	if [ "${WS_REBASE:-0}" = 1 ]; then
		run "$n.wasm" inspect
		sed "s|$n\\.wasm|@FILE@|" "$tmp/err" >"$cases/$n.err"
		continue
	fi
	if [ ! -f "$cases/$n.err" ]; then
		bad "$n: no $n.err"
		continue
	fi
	sed "s|@FILE@|$n.wasm|" "$cases/$n.err" >"$tmp/expected"
	want=2
	shown=0
	grep -q '^wasmsize: [^:]*: warning: ' "$tmp/expected" && want=0
	for cmd in 'inspect --format=csv' 'sections --json' 'top'; do
		# shellcheck disable=SC2086
		run "$n.wasm" $cmd
		rc=$?
		what="$n: wasmsize $cmd"
		[ $rc -eq 124 ] && { bad "$what: timed out"; continue; }
		[ $rc -eq $want ] || bad "$what: exit $rc, expected $want"
		if ! cmp -s "$tmp/expected" "$tmp/err"; then
			bad "$what: stderr differs"
			[ $shown -eq 1 ] ||
			    diff -u "$tmp/expected" "$tmp/err" | sed 1,3d >&2
			shown=1
		fi
		if [ $want -eq 2 ]; then
			[ -s "$tmp/out" ] && bad "$what: wrote to stdout"
		elif [ "$cmd" = 'inspect --format=csv' ]; then
			sum=$(awk -F, 'NR > 1 { s += $2 } END { print s + 0 }' \
			    "$tmp/out")
			size=$(wc -c <"$tmp/$n.wasm")
			[ "$sum" -eq "$size" ] ||
			    bad "$what: items add up to $sum, file has $size"
		else
			[ -s "$tmp/out" ] || bad "$what: no report"
		fi
	done
done
[ $failed -eq 0 ] || exit 1
[ "${WS_REBASE:-0}" = 1 ] && echo "rebased $ncases .err files" >&2
exit 0

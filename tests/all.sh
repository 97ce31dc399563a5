#!/bin/sh
# SPDX-License-Identifier: MIT
# all.sh - the whole test suite, as CI runs it, from the top of a checkout
# that has been bootstrapped (autoreconf -fi):
#   1. fetch the development corpus (tests/corpus/fetch.sh) into
#      $WASMSIZE_CORPUS (default: .corpus/), and build its components
#      (tests/corpus/components.sh) into $WASMSIZE_CORPUS/components, so
#      the corpus tests run;
#   2. `make check` in build/ (-Werror);
#   3. `make check` in build-san/ with ASan and UBSan;
#   4. the libFuzzer target for $FUZZ_SECONDS (default 60) seconds.
# Ends with the line "N passed, N failed"; exits 1 if anything failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
: "${WASMSIZE_CORPUS:=$top/.corpus}"
: "${FUZZ_SECONDS:=60}"
export WASMSIZE_CORPUS
jobs=$(nproc 2>/dev/null || echo 2)
passed=0 failed=0 skipped=0

count() {	# adds the automake summary in $1 to the totals
	p=$(sed -n 's/^# PASS: *//p' "$1")
	f=$(sed -n 's/^# \(FAIL\|ERROR\|XPASS\): *//p' "$1" |
	    awk '{ s += $1 } END { print s + 0 }')
	s=$(sed -n 's/^# SKIP: *//p' "$1")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	skipped=$((skipped + ${s:-0}))
	[ -n "$p" ] || failed=$((failed + 1))	# the build itself failed
}

suite() {	# suite DIR CONFIGURE-ARGS...: configure, build, make check
	dir=$1
	shift
	mkdir -p "$dir"
	(cd "$dir" && "$top/configure" -q "$@" && make -s -j"$jobs" &&
	    make -s -j"$jobs" check) >"$dir/check.out" 2>&1
	grep -E '^# [A-Z]+: +[0-9]+$' "$dir/check.out" >"$dir/summary"
	grep -E '^(FAIL|ERROR|XPASS):' "$dir/check.out"
	grep -E '^(FAIL|ERROR|XPASS|SKIP):' "$dir/check.out" >/dev/null &&
	    find "$dir/tests" -name '*.log' -exec grep -l -E \
	    '^(not ok|FAIL)' {} + 2>/dev/null | head -5 | xargs -r tail -20
	echo "$dir: $(tr '\n' ' ' <"$dir/summary")"
	count "$dir/summary"
}

if ! sh tests/corpus/fetch.sh "$WASMSIZE_CORPUS" >/dev/null; then
	echo "corpus: fetch failed"
	failed=$((failed + 1))
fi
if ! sh tests/corpus/components.sh "$WASMSIZE_CORPUS/components"; then
	echo "corpus: components failed"
	failed=$((failed + 1))
fi
suite build --enable-werror
suite build-san --enable-sanitizers --enable-werror CC=clang
if sh tests/fuzz/run.sh "$FUZZ_SECONDS" >build/fuzz.out 2>&1; then
	echo "fuzz: ${FUZZ_SECONDS}s, no finding"
	passed=$((passed + 1))
else
	tail -30 build/fuzz.out
	echo "fuzz: FAILED"
	failed=$((failed + 1))
fi
[ "$skipped" -eq 0 ] || echo "$skipped skipped"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

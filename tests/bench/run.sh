#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh [FILE...] - times `wasmsize top` (which decodes every instruction)
# against `wasm-objdump -x` (every section, no code decoding) and
# `wasm-objdump -h` (headers only), interleaved, RUNS times each (default
# 7), and prints per module the median times, the ratios
# wasmsize/objdump-x and wasmsize/objdump-h, and peak RSS against the file
# size.  Default inputs: the largest modules of $WASMSIZE_CORPUS.
# A measurement, not a test: nothing here passes or fails.
set -eu
: "${WASMSIZE:=$(cd "$(dirname "$0")/../.." && pwd)/wasmsize}"
: "${RUNS:=7}"
command -v wasm-objdump >/dev/null || { echo "needs wasm-objdump" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: time)" >&2; exit 2; }
if [ $# -eq 0 ]; then
	: "${WASMSIZE_CORPUS:?set WASMSIZE_CORPUS or name files}"
	# shellcheck disable=SC2046
	set -- $(ls -S "$WASMSIZE_CORPUS"/*.wasm | head -5)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one run: "seconds maxrss_kb" (wall clock in ns, RSS from time(1))
measure() {
	t0=$(date +%s%N)
	/usr/bin/time -f '%M' -o "$tmp/t" "$@" >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	echo "$(((t1 - t0) / 1000)) $(cat "$tmp/t")"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-32s %9s %9s %9s %9s %6s %6s %8s %8s\n' module bytes wasmsize \
    objdump-x objdump-h ws/x ws/h rss-MiB rss/size
for f in "$@"; do
	: >"$tmp/ws"; : >"$tmp/x"; : >"$tmp/h"
	i=0
	while [ $i -lt "$RUNS" ]; do
		measure "$WASMSIZE" top -n 10 "$f" >>"$tmp/ws"
		measure wasm-objdump -x "$f" >>"$tmp/x"
		measure wasm-objdump -h "$f" >>"$tmp/h"
		i=$((i + 1))
	done
	ws=$(cut -d' ' -f1 "$tmp/ws" | median)
	x=$(cut -d' ' -f1 "$tmp/x" | median)
	h=$(cut -d' ' -f1 "$tmp/h" | median)
	rss=$(cut -d' ' -f2 "$tmp/ws" | median)
	size=$(wc -c <"$f")
	awk -v n="${f##*/}" -v s="$size" -v ws="$ws" -v x="$x" -v h="$h" \
	    -v rss="$rss" 'BEGIN {
		printf "%-32s %9d %7.1fms %7.1fms %7.1fms %6.2f %6.2f %8.1f %8.2f\n",
		    n, s, ws / 1000, x / 1000, h / 1000, ws / x, ws / h,
		    rss / 1024, rss * 1024 / s }'
done

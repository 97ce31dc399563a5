#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh [FILE...] - times wasmsize against wasm-objdump on big modules:
#   top          wasmsize top -n 10 (decodes every instruction)
#   retained     wasmsize top --retained -n 10 (plus graph and dominators)
#   dominators   wasmsize dominators (the tree, 50 rows)
#   crates       wasmsize top --group-by=crate (names, demangled, grouped)
# against `wasm-objdump -x` (every section, no code decoding) and
# `wasm-objdump -h` (headers only), interleaved, RUNS times each (default
# 7).  Prints median wall times, each wasmsize figure as a ratio to
# objdump -x and -h, and wasmsize's peak RSS against the file size.
# Default inputs: the five largest modules of $WASMSIZE_CORPUS.
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

# one run: "microseconds maxrss_kb" (wall clock; RSS from time(1))
measure() {
	t0=$(date +%s%N)
	/usr/bin/time -f '%M' -o "$tmp/t" "$@" >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	echo "$(((t1 - t0) / 1000)) $(cat "$tmp/t")"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-28s %6s  %-10s %8s %8s %8s %6s %6s %8s\n' module MB command \
    wasmsize objdump-x objdump-h ws/x ws/h rss/size
for f in "$@"; do
	for k in top retained dominators crates x h; do : >"$tmp/$k"; done
	i=0
	while [ $i -lt "$RUNS" ]; do
		measure "$WASMSIZE" top -n 10 "$f" >>"$tmp/top"
		measure wasm-objdump -x "$f" >>"$tmp/x"
		measure "$WASMSIZE" top --retained -n 10 "$f" >>"$tmp/retained"
		measure wasm-objdump -h "$f" >>"$tmp/h"
		measure "$WASMSIZE" dominators "$f" >>"$tmp/dominators"
		measure "$WASMSIZE" top --group-by=crate "$f" >>"$tmp/crates"
		i=$((i + 1))
	done
	x=$(cut -d' ' -f1 "$tmp/x" | median)
	h=$(cut -d' ' -f1 "$tmp/h" | median)
	size=$(wc -c <"$f")
	for k in top retained dominators crates; do
		ws=$(cut -d' ' -f1 "$tmp/$k" | median)
		rss=$(cut -d' ' -f2 "$tmp/$k" | median)
		awk -v n="${f##*/}" -v s="$size" -v k="$k" -v ws="$ws" \
		    -v x="$x" -v h="$h" -v rss="$rss" 'BEGIN {
			printf "%-28s %6.1f  %-10s %6.1fms %6.1fms %6.1fms %6.2f %6.2f %8.2f\n",
			    n, s / 1048576, k, ws / 1000, x / 1000, h / 1000,
			    ws / x, ws / h, rss * 1024 / s }'
	done
done

#!/bin/sh
# SPDX-License-Identifier: MIT
# check.sh - `wasmsize check`: budgets that pass (exit 0) and fail (exit 1)
# with their exact lines in text, CSV, JSON and Markdown (goldens in
# tests/cli/golden/check.*); limits from tests/cli/budget.json given with
# --config and found as .wasmsize.json from a subdirectory; several files
# at once; GitHub Actions annotations; and the errors (exit 2): no limits,
# bad sizes, a config with a syntax error (file, line and column).
# WS_REBASE=1 rewrites the goldens (then review the diff).
. "$srcdir/tests/lib.sh"
golden="$srcdir/tests/cli/golden"
budget="$srcdir/tests/cli/budget.json"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
. "$srcdir/tests/cli/lib.sh"
unset GITHUB_ACTIONS

# --- limits from flags: all pass, exit 0 -----------------------------------
golden check.pass.txt "$samples" ws check --max-size=40kB \
    --max-gzip=14KiB --max-brotli='12 kB' --max-debug=5% --max-custom=1.5KiB \
    --max-garbage=0 --max-panic=0 --max-section=code=30KiB \
    --max-section=producers=100B --max-function=main=1KiB \
    --regex --max-function='^dl.*=7.5 KiB' --max-memory-initial=2 \
    hello-c-release.wasm

# --- the config: some fail with their messages, exit 1 --------------------
golden check.fail.txt "$samples" ws check --config "$budget" \
    hello-c-release.wasm
golden check.fail.csv "$samples" ws check --format=csv --config "$budget" \
    hello-c-release.wasm
golden check.fail.json "$samples" ws check --json --config "$budget" \
    hello-c-release.wasm

# --- several files at once: each line names its file ----------------------
golden check.several.txt "$samples" ws check --config "$budget" \
    hello-c-release.wasm rust-release.wasm hello-c-stripped.wasm
golden check.several.md "$samples" ws check --format=markdown \
    --config "$budget" hello-c-release.wasm rust-release.wasm hello-c-stripped.wasm

# --- GitHub Actions: the same lines, then one ::error per failure ---------
golden check.github.txt "$samples" env GITHUB_ACTIONS=true "$WASMSIZE" \
    check --config "$budget" hello-c-release.wasm rust-release.wasm
golden check.github.md "$samples" env GITHUB_ACTIONS=true "$WASMSIZE" \
    check --format=markdown --max-size=30kB --max-panic=0 \
    hello-c-release.wasm rust-release.wasm
for v in false 1 TRUE ''; do
	expect 1 . env GITHUB_ACTIONS="$v" "$WASMSIZE" check --max-size=1kB \
	    "$samples/names.wasm" "$samples/hello-c.wasm"
	! grep -q '::error' "$tmp/out" "$tmp/err" ||
	    { echo "FAIL: GITHUB_ACTIONS='$v' gave annotations" >&2; status=1; }
done
# only failures are annotated; nothing when all pass
expect 0 . env GITHUB_ACTIONS=true "$WASMSIZE" check --max-size=1MB \
    "$samples/names.wasm"
! grep -q '::error' "$tmp/out" "$tmp/err" ||
    { echo "FAIL: annotations when all limits pass" >&2; status=1; }
# a workflow command's properties escape % \r \n : and , (as %25 ...),
# or GitHub cuts the file name short
cp "$samples/names.wasm" "$tmp/a,b:c.wasm"
expect 1 "$tmp" env GITHUB_ACTIONS=true "$WASMSIZE" check \
    --max-size=100B 'a,b:c.wasm'
cat "$tmp/out" "$tmp/err" >"$tmp/both"
has "$tmp/both" '::error file=a%2Cb%3Ac.wasm::size is 434 B, over the limit of 100B by 334 B' \
    'annotation of a file name with a comma and a colon'

# --- exact boundaries, percentages, SKIP ---------------------------------
expect 0 "$samples" "$WASMSIZE" check --max-size=434 names.wasm
has "$tmp/out" 'PASS  size: 434 B <= 434 B (434)' 'size at the limit'
expect 1 "$samples" "$WASMSIZE" check --max-size=433B names.wasm
has "$tmp/out" 'FAIL  size: 434 B > 433 B (433B), 1 B over' 'one byte over'
has "$tmp/out" '0 of 1 limits passed' 'summary'
# 80% of 32228 is 25782.4: the allowed bytes round down
expect 1 "$samples" "$WASMSIZE" check --max-section=code=80% \
    hello-c-release.wasm
has "$tmp/out" 'FAIL  section code: 27548 B > 25782 B (80%), 1766 B over' \
    'a percentage of the file'
expect 0 "$samples" "$WASMSIZE" check --max-section=code=85.5% \
    hello-c-release.wasm
has "$tmp/out" 'PASS  section code: 27548 B <= 27554 B (85.5%)' \
    'a percentage with a decimal'
# a custom section by name; a section that is not there is skipped
expect 0 "$samples" "$WASMSIZE" check --max-section=.debug_info=40kB \
    --max-section=.debug_info=1% hello-c-release.wasm
has "$tmp/out" 'SKIP  section .debug_info: nothing to measure' 'SKIP'
expect 1 "$samples" "$WASMSIZE" check --max-section=.debug_info=39201 \
    hello-c.wasm
has "$tmp/out" 'FAIL  section .debug_info: 39202 B > 39201 B (39201), 1 B over' \
    'a custom section'
# a regular expression measures the largest function it matches
expect 1 "$samples" "$WASMSIZE" check --regex \
    --max-function='^(main|print_table)$=400B' hello-c.wasm
has "$tmp/out" 'FAIL  function ^(main|print_table)$: 588 B > 400 B (400B), largest: main, 188 B over' \
    'the largest function a regex matches'
# raw (mangled) names match too
expect 1 "$samples" "$WASMSIZE" check --regex \
    --max-function='^_ZN8dlmalloc=1kB' rust-release.wasm
has "$tmp/out" 'FAIL  function ^_ZN8dlmalloc: 4353 B > 1000 B (1kB), largest: dlmalloc::dlmalloc::Dlmalloc<A>::malloc, 3353 B over' \
    'a regex on mangled names'
# memory: a memory without a maximum can grow without bound; it fails
# every maximum, and says so rather than printing 2^64-1 pages
expect 1 "$samples" "$WASMSIZE" check --max-memory-maximum=100 \
    hello-c-release.wasm
grep -q '^FAIL  memory-maximum: ' "$tmp/out" &&
    ! grep -q '18446744073709551' "$tmp/out" ||
    { echo "FAIL: memory without a maximum:" >&2; cat "$tmp/out" >&2; status=1; }
expect 0 "$samples" "$WASMSIZE" check --max-memory-initial=1 \
    --max-memory-maximum=1 graph.wasm
has "$tmp/out" 'SKIP  memory-maximum: nothing to measure' 'no memory'

# --- the config found from a subdirectory ---------------------------------
mkdir -p "$tmp/proj/build/wasm" || exit 99
cp "$budget" "$tmp/proj/.wasmsize.json" || exit 99
golden check.fail.txt "$tmp/proj/build/wasm" ws check \
    "$samples/hello-c-release.wasm"
# flags replace the config that would be found ...
expect 0 "$tmp/proj/build/wasm" "$WASMSIZE" check --max-size=1MB \
    "$samples/hello-c-release.wasm"
has "$tmp/out" '1 of 1 limits passed' 'flags: no .wasmsize.json'
# ... but add to one given with --config
expect 1 "$tmp/proj/build/wasm" "$WASMSIZE" check --max-size=1MB \
    --config ../../.wasmsize.json "$samples/hello-c-release.wasm"
has "$tmp/out" '11 of 14 limits passed' 'flags and --config'
# a nearer .wasmsize.json wins
printf '{ "size": "1 MB" }\n' >"$tmp/proj/build/.wasmsize.json"
expect 0 "$tmp/proj/build/wasm" "$WASMSIZE" check \
    "$samples/hello-c-release.wasm"
has "$tmp/out" '1 of 1 limits passed' 'the nearest .wasmsize.json'
# a found config with an error names its full path
printf '{ "size": "1 MB",\n  "gzip": }\n' >"$tmp/proj/build/.wasmsize.json"
expect 2 "$tmp/proj/build/wasm" "$WASMSIZE" check \
    "$samples/hello-c-release.wasm"
dir=$(cd "$tmp/proj/build" && pwd -P)
grep -q "^wasmsize: $dir/.wasmsize.json: line 2, column 11: " "$tmp/err" ||
    { echo "FAIL: found config with an error:" >&2; cat "$tmp/err" >&2; status=1; }

# --- errors: exit 2, nothing on stdout ------------------------------------
mkdir "$tmp/empty" || exit 99
printf '{\n  "size": "40 kB",\n  "gzip" "12 KiB"\n}\n' >"$tmp/syntax.json"
golden check.syntax.txt "$tmp" ws check --config syntax.json \
    "$samples/names.wasm"
golden check.errors.txt "$samples" sh -c '
	w=$1
	$w check --max-size=12XB names.wasm; echo "exit $?"
	$w check --max-size=5% names.wasm; echo "exit $?"
	$w check --max-gzip=1.5B names.wasm; echo "exit $?"
	$w check --max-section=code names.wasm; echo "exit $?"
	$w check --max-memory-initial=1kB names.wasm; echo "exit $?"
	$w check --regex --max-function="(=1kB" names.wasm; echo "exit $?"
	$w check --max-size=1MB names.wasm missing.wasm; echo "exit $?"
	$w check --max-size=1MB ../tests/bad/02-bad-magic.hex; echo "exit $?"
	' sh "$WASMSIZE"
expect 2 "$tmp/empty" "$WASMSIZE" check "$samples/names.wasm"
has "$tmp/err" 'wasmsize: check: no limits: give --max-* options, --config, or a .wasmsize.json' \
    'no limits'
[ -s "$tmp/out" ] && { echo "FAIL: output with no limits" >&2; status=1; }
# an error in any file: no report at all
expect 2 . "$WASMSIZE" check --max-size=1 "$samples/names.wasm" "$tmp/none.wasm"
[ -s "$tmp/out" ] && { echo "FAIL: a report despite an error" >&2; status=1; }
# a missing config: the system's reason, no made-up line or column
expect 2 "$tmp" "$WASMSIZE" check --config nosuch.json \
    "$samples/names.wasm"
has "$tmp/err" 'wasmsize: nosuch.json: No such file or directory' \
    'missing config'

# the man page's complete example of a config is tests/cli/budget.json
sed -n '/^\.\\" check.sh compares this block/,/^\.Ed/p' \
    "$srcdir/man/wasmsize.1" | sed '1,2d;$d' | sed 's/\\e/\\/g; s/\\&//g' |
    diff -u "$budget" - ||
    { echo "FAIL: the man page's example is not tests/cli/budget.json" >&2; status=1; }

# -o writes the report to a file, the exit status stays
expect 1 . "$WASMSIZE" check -o "$tmp/report.md" --format=markdown \
    --config "$budget" "$samples/hello-c-release.wasm"
[ -s "$tmp/out" ] && { echo "FAIL: -o: output on stdout" >&2; status=1; }
grep -q '^| ❌ |' "$tmp/report.md" || { echo "FAIL: -o: no report" >&2; status=1; }
exit $status

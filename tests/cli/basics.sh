#!/bin/sh
# SPDX-License-Identifier: MIT
# basics.sh - the command line: help, version, usage errors (exit 2, nothing
# on stdout), standard input, -o, row limits, deterministic JSON, and items
# that add up to the file size on every sample (wabt-unreadable ones too).
. "$srcdir/tests/lib.sh"
need python3
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
names="$samples/names.wasm"

# usage errors: exit 2, a message on stderr, nothing on stdout
usage_error() {
	"$WASMSIZE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || fail "wasmsize $*: exit $rc, expected 2"
	[ -s "$tmp/out" ] && fail "wasmsize $*: wrote to stdout"
	grep -q '^wasmsize: ' "$tmp/err" || fail "wasmsize $*: no message"
}
usage_error
usage_error inspect
usage_error frobnicate "$names"
usage_error inspect --format=xml "$names"
usage_error top -n -3 "$names"
usage_error top -n 12x "$names"
usage_error inspect "$names" extra
usage_error --bogus
usage_error inspect "$tmp/missing.wasm"
grep -q "missing.wasm: No such file or directory" "$tmp/err" ||
    fail "missing file: $(cat "$tmp/err")"
usage_error inspect "$tmp"
grep -q "is a directory" "$tmp/err" || fail "directory: $(cat "$tmp/err")"

"$WASMSIZE" --help >"$tmp/help" || fail "--help exit"
for cmd in inspect sections top; do
	grep -q "^  $cmd " "$tmp/help" || fail "--help lacks $cmd"
done
"$WASMSIZE" --version | grep -q '^wasmsize [0-9]' || fail "--version"

# standard input gives the same report as the file
# (the path appears in "file" and in the recommended command lines, which
# say FILE.wasm for standard input)
"$WASMSIZE" inspect --json "$names" | sed "s|$names|-|g" >"$tmp/file.json"
"$WASMSIZE" inspect --json - <"$names" | sed 's|FILE\.wasm|-|g' \
    >"$tmp/stdin.json" || fail "inspect -"
cmp -s "$tmp/file.json" "$tmp/stdin.json" || fail "stdin report differs"
cat "$names" | "$WASMSIZE" top - >/dev/null || fail "top from a pipe"

# -o writes what stdout would
"$WASMSIZE" sections --format=csv -o "$tmp/o.csv" "$names" || fail "-o"
"$WASMSIZE" sections --format=csv "$names" | cmp -s - "$tmp/o.csv" ||
    fail "-o output differs"

# row limits: header + N rows; 0 means all items
[ "$("$WASMSIZE" top -n 3 "$names" | wc -l)" -eq 4 ] || fail "top -n 3"
all=$("$WASMSIZE" inspect --format=csv "$names" | wc -l)
[ "$("$WASMSIZE" top --number=0 --format=csv "$names" | wc -l)" -eq "$all" ] ||
    fail "top -n 0 lists every item"

# deterministic JSON, items in file order adding up to the file size
for f in "$samples"/*.wasm; do
	"$WASMSIZE" inspect --json "$f" >"$tmp/a.json" || fail "inspect $f"
	"$WASMSIZE" inspect --json "$f" >"$tmp/b.json"
	cmp -s "$tmp/a.json" "$tmp/b.json" || fail "$f: JSON not deterministic"
	python3 - "$f" "$tmp/a.json" <<'PY' || exit 1
import json, os, sys
path, rep = sys.argv[1], json.load(open(sys.argv[2]))
size = os.path.getsize(path)
at = 0
for it in rep['items']:
    assert it['offset'] == at, f"{path}: {it} at {at}"
    at += it['size']
assert at == size == rep['size'], f"{path}: {at} / {rep['size']} / {size}"
assert rep['schema'] == 'wasmsize/1' and rep['kind'] == 'module'
top = [it['size'] for it in rep['items']]
PY
done
exit 0

#!/bin/sh
# SPDX-License-Identifier: MIT
# diff.sh - `wasmsize diff OLD NEW`: the debug and release builds of
# samples/hello.c in text, Markdown and JSON (goldens in
# tests/cli/golden/diff.*), each section's delta against `wasm-objdump -h`;
# every sample against its own saved `inspect --json` (nothing changed);
# --max-growth passing (exit 0) and failing (exit 1); and bad sides
# (exit 2).  WS_REBASE=1 rewrites the goldens (then review the diff).
. "$srcdir/tests/lib.sh"
golden="$srcdir/tests/cli/golden"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
. "$srcdir/tests/cli/lib.sh"

# --- debug against release build ------------------------------------------
golden diff.hello-c.txt "$samples" ws diff hello-c.wasm hello-c-release.wasm
golden diff.hello-c.md "$samples" ws diff --format=markdown -n 8 \
    hello-c.wasm hello-c-release.wasm
golden diff.hello-c.json "$samples" ws diff --json hello-c.wasm \
    hello-c-release.wasm
golden diff.names-graph.csv "$samples" ws diff --format=csv names.wasm \
    graph.wasm

# --- every sample against its own saved report: nothing changed -----------
need python3
for f in "$samples"/*.wasm; do
	b=$(basename "$f" .wasm)
	"$WASMSIZE" inspect --json "$f" >"$tmp/$b.json" 2>/dev/null ||
	    { echo "FAIL: inspect --json $b.wasm" >&2; status=1; continue; }
	for pair in "$f $tmp/$b.json" "$tmp/$b.json $f" \
	    "$tmp/$b.json $tmp/$b.json"; do
		# shellcheck disable=SC2086	# two paths without spaces
		"$WASMSIZE" diff --json $pair >"$tmp/d.json" 2>"$tmp/err" ||
		    { echo "FAIL: diff $pair: $(cat "$tmp/err")" >&2; status=1; }
		python3 - "$tmp/d.json" "$b: $pair" <<'EOF' || status=1
import json, sys
d = json.load(open(sys.argv[1]))
what = sys.argv[2]
bad = [x for x in d['sections'] + d['items']
       if x['delta'] != 0 or x['status'] != 'same' or x['old'] != x['new']]
if d['size_delta'] != 0 or d['old_size'] != d['new_size'] or d['items'] or bad:
    sys.exit(f"FAIL: {what}: changes against itself: {bad[:3]} "
             f"{d['items'][:3]} size {d['size_delta']}")
if not d['sections']:
    sys.exit(f"FAIL: {what}: no sections")
EOF
	done
done
golden diff.self.txt "$samples" ws diff hello-c-release.wasm \
    "$tmp/hello-c-release.json"
# with --compressed, the saved report holds the gzip size too
"$WASMSIZE" inspect --compressed --json -o "$tmp/hcr.json" \
    "$samples/hello-c-release.wasm" || status=1
expect 0 "$samples" "$WASMSIZE" diff "$tmp/hcr.json" hello-c.wasm
has "$tmp/out" 'size:  32228 -> 150186 B (+117958 B, +366.01%)' 'size from JSON'
has "$tmp/out" 'gzip:  13317 -> 59452 B (+46135 B, +346.44%)' 'gzip from JSON'
# without it, no gzip line
expect 0 "$samples" "$WASMSIZE" diff "$tmp/hello-c-release.json" hello-c.wasm
grep -q '^gzip:' "$tmp/out" &&
    { echo "FAIL: a gzip line without the old gzip size" >&2; status=1; }

# --- each section's delta: the difference of wasm-objdump -h sizes -------
if command -v wasm-objdump >/dev/null 2>&1; then
	"$WASMSIZE" diff --json "$samples/hello-c.wasm" \
	    "$samples/hello-c-release.wasm" >"$tmp/hc.json" || status=1
	wasm-objdump -h "$samples/hello-c.wasm" >"$tmp/old.h" &&
	    wasm-objdump -h "$samples/hello-c-release.wasm" >"$tmp/new.h" ||
	    status=1
	python3 - "$tmp/hc.json" "$tmp/old.h" "$tmp/new.h" <<'EOF' || status=1
import json, re, sys
import os
sys.path.insert(0, os.path.join(os.environ['srcdir'], 'tests'))
from wasmbytes import leb_len
SEC = re.compile(r'^\s*(\w+) start=0x([0-9a-f]+) end=0x([0-9a-f]+) '
                 r'\(size=0x([0-9a-f]+)\)(?: count: \d+)?(?: "(.*)")?')
NAMES = {'Elem': 'element', 'DataCount': 'datacount'}


def sections(path):
    """name -> whole size: the id byte, the size LEB and the payload."""
    out, prev_end = {}, 8
    for line in open(path):
        m = SEC.match(line)
        if not m:
            continue
        kind, start, end, size, custom = m.groups()
        start, end, size = int(start, 16), int(end, 16), int(size, 16)
        name = custom if kind == 'Custom' else NAMES.get(kind, kind.lower())
        whole = end - prev_end          # sections tile the file
        if whole != 1 + (start - prev_end - 1) + size or end - start != size:
            sys.exit(f"FAIL: objdump: {name}: bad span")
        if start - prev_end - 1 != leb_len(size):
            print(f"note: {name}: padded size field")
        assert name not in out, name
        out[name] = whole
        prev_end = end
    return out

d = json.load(open(sys.argv[1]))
old, new = sections(sys.argv[2]), sections(sys.argv[3])
seen = set()
for s in d['sections']:
    n = s['name']
    seen.add(n)
    want = (new.get(n, 0)) - (old.get(n, 0))
    status = ('added' if n not in old else 'removed' if n not in new else
              'same' if want == 0 else 'changed')
    if (s['kind'] != 'section' or s['delta'] != want or s.get('old') != old.get(n)
            or s.get('new') != new.get(n) or s['status'] != status):
        sys.exit(f"FAIL: section {n}: {s}, objdump {old.get(n)} -> {new.get(n)}")
if seen != set(old) | set(new):
    sys.exit(f"FAIL: sections {sorted(seen)} vs objdump {sorted(set(old) | set(new))}")
if d['size_delta'] != sum(new.values()) - sum(old.values()):
    sys.exit("FAIL: size_delta is not the sum of the section deltas")
print(f"{len(seen)} section deltas match wasm-objdump -h")
EOF
fi

# --- --max-growth ---------------------------------------------------------
# release -> debug grows by 117958 B
expect 1 "$samples" "$WASMSIZE" diff --max-growth=5% hello-c-release.wasm \
    hello-c.wasm
has "$tmp/err" 'wasmsize: diff: grew by 117958 B, more than --max-growth=5% (1611 B)' \
    '--max-growth=5%'
grep -q '^size:  32228 -> 150186 B' "$tmp/out" ||
    { echo "FAIL: --max-growth: no report" >&2; status=1; }
expect 1 "$samples" "$WASMSIZE" diff --max-growth=117957 \
    hello-c-release.wasm hello-c.wasm
has "$tmp/err" 'wasmsize: diff: grew by 117958 B, more than --max-growth=117957 (117957 B)' \
    'one byte over'
expect 0 "$samples" "$WASMSIZE" diff --max-growth=117958 \
    hello-c-release.wasm hello-c.wasm
[ -s "$tmp/err" ] && { echo "FAIL: --max-growth at the limit: $(cat "$tmp/err")" >&2; status=1; }
expect 0 "$samples" "$WASMSIZE" diff --max-growth='120 kB' --json \
    hello-c-release.wasm hello-c.wasm
expect 1 "$samples" "$WASMSIZE" diff --max-growth=100% --format=markdown \
    hello-c-release.wasm hello-c.wasm
has "$tmp/err" 'wasmsize: diff: grew by 117958 B, more than --max-growth=100% (32228 B)' \
    '--max-growth=100%'
# a saved report as the baseline
expect 1 "$samples" "$WASMSIZE" diff --max-growth=10KiB \
    "$tmp/hello-c-release.json" hello-c.wasm
# shrinking never fails, not even against 0
expect 0 "$samples" "$WASMSIZE" diff --max-growth=0 hello-c.wasm \
    hello-c-release.wasm
expect 0 "$samples" "$WASMSIZE" diff --max-growth=0% names.wasm names.wasm
# a bad --max-growth is a usage error, found before any report is written
expect 2 "$samples" "$WASMSIZE" diff --max-growth='5 XB' names.wasm graph.wasm
expect 2 "$samples" "$WASMSIZE" diff --max-growth=abc names.wasm graph.wasm
has "$tmp/err" "wasmsize: --max-growth: invalid size 'abc' (a number with up to three decimals and B, kB, KiB, MB, MiB, GB, GiB or %)" \
    'bad --max-growth'
[ -s "$tmp/out" ] && { echo "FAIL: a report despite a bad --max-growth" >&2; status=1; }

# --- bad sides: exit 2 ----------------------------------------------------
printf '{\n  "schema": "wasmsize/1",\n  "size": 12,\n}\n' >"$tmp/syntax.json"
expect 2 "$tmp" "$WASMSIZE" diff syntax.json "$samples/names.wasm"
has "$tmp/err" "wasmsize: syntax.json: line 4, column 1: string or '}' expected near '}'" \
    'a side with a syntax error: file, line and column'
[ -s "$tmp/out" ] && { echo "FAIL: a report despite a bad side" >&2; status=1; }
expect 2 "$tmp" "$WASMSIZE" diff "$samples/names.wasm" syntax.json
grep -q '^wasmsize: syntax.json: .*line 4, column 1: ' "$tmp/err" ||
    { echo "FAIL: a bad NEW side: $(cat "$tmp/err")" >&2; status=1; }
"$WASMSIZE" top --json "$samples/names.wasm" >"$tmp/top.json"
expect 2 "$tmp" "$WASMSIZE" diff top.json "$samples/names.wasm"
grep -q '^wasmsize: top.json: .*a report without sections and items (save it with wasmsize inspect --json)$' \
    "$tmp/err" || { echo "FAIL: top --json side: $(cat "$tmp/err")" >&2; status=1; }
printf '{ "schema": "other/2", "size": 1 }\n' >"$tmp/other.json"
expect 2 "$tmp" "$WASMSIZE" diff other.json "$samples/names.wasm"
grep -q '^wasmsize: other.json: .*not a wasmsize/1 report$' "$tmp/err" ||
    { echo "FAIL: another schema: $(cat "$tmp/err")" >&2; status=1; }
expect 2 "$tmp" "$WASMSIZE" diff "$samples/names.wasm" missing.wasm
has "$tmp/err" 'wasmsize: missing.wasm: No such file or directory' 'missing'
expect 2 "$tmp" "$WASMSIZE" diff "$samples/names.wasm"
has "$tmp/err" 'wasmsize: diff needs two files, OLD and NEW' 'one side'
exit $status

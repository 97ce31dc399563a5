#!/bin/sh
# SPDX-License-Identifier: MIT
# names_from.sh - --names-from: hello-c-stripped.wasm (wasm-strip of the
# release build) analysed with the names of hello-c-release.wasm gets, for
# every function and data segment, the name the release build gives it,
# while sizes stay its own (wasm-objdump -x of the stripped file); the
# count of matches equals wasm-objdump's function count; another build
# (the -O0 one) is refused with a clear message, as are a missing file and
# a component.
. "$srcdir/tests/lib.sh"
need python3
need wasm-objdump
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
stripped="$samples/hello-c-stripped.wasm"
release="$samples/hello-c-release.wasm"

"$WASMSIZE" top -n 0 --json --names-from="$release" "$stripped" \
    >"$tmp/named.json" 2>"$tmp/note" || fail "--names-from: $(cat "$tmp/note")"
"$WASMSIZE" top -n 0 --json "$release" >"$tmp/release.json" || fail "release"
wasm-objdump -x "$stripped" >"$tmp/objdump" || fail "objdump"
n=$(sed -n 's/^Code\[\([0-9]*\)\]:$/\1/p' "$tmp/objdump")
d=$(sed -n 's/^Data\[\([0-9]*\)\]:$/\1/p' "$tmp/objdump")
i=$(grep -c '^ - func\[[0-9]*\] sig=[0-9]* <.*> <- ' "$tmp/objdump")
want="wasmsize: $stripped: names from $release: $n of $n functions matched, $i of $i imported functions, $d of $d data segments; $((n + d)) items named"
[ "$(cat "$tmp/note")" = "$want" ] ||
    fail "note: $(cat "$tmp/note"), expected: $want"

python3 - "$tmp" <<'PY' || exit 1
import json, re, sys
tmp = sys.argv[1]
named = json.load(open(f"{tmp}/named.json"))['items']
release = {(i['kind'], i.get('index')): i['name']
           for i in json.load(open(f"{tmp}/release.json"))['items']}
sizes = {int(m[1]): int(m[2]) for m in
         re.finditer(r'^ - func\[(\d+)\] size=(\d+)', open(f"{tmp}/objdump").read(), re.M)}
bad = []
seen = 0
for it in named:
    if it['kind'] not in ('function', 'data'):
        continue
    seen += 1
    if it['name'] != release[(it['kind'], it['index'])]:
        bad.append(f"{it['kind']} {it['index']}: {it['name']!r} vs {release[(it['kind'], it['index'])]!r}")
    if it['name'].startswith(('func[', 'data[')):
        bad.append(f"{it['kind']} {it['index']} left unnamed")
    if it['kind'] == 'function' and not (sizes[it['index']] < it['size'] <= sizes[it['index']] + 5):
        bad.append(f"func {it['index']}: size {it['size']}, objdump body {sizes[it['index']]}")
if seen != len(sizes) + 2:
    bad.append(f"{seen} functions and data segments, objdump has {len(sizes)} functions")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# the -O0 build is other code: refused, nothing on stdout
"$WASMSIZE" top --names-from="$samples/hello-c.wasm" "$stripped" \
    >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "another build: exit status"
[ -s "$tmp/out" ] && fail "another build: a report was written"
grep -qx "wasmsize: $stripped: --names-from=$samples/hello-c.wasm: only [0-9]* of $n function bodies match: not a build of the same code" "$tmp/err" ||
    fail "another build: $(cat "$tmp/err")"
"$WASMSIZE" top --names-from="$tmp/none.wasm" "$stripped" 2>"$tmp/err"
[ $? -eq 2 ] || fail "missing file: exit status"
grep -q "none.wasm" "$tmp/err" || fail "missing file: $(cat "$tmp/err")"
"$WASMSIZE" top --names-from="$samples/components/sample.wasm" "$stripped" \
    2>"$tmp/err"
[ $? -eq 2 ] || fail "component: exit status"
grep -q "a component; extract the module first" "$tmp/err" ||
    fail "component: $(cat "$tmp/err")"
exit 0

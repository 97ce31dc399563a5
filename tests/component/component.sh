#!/bin/sh
# SPDX-License-Identifier: MIT
# component.sh - components: samples/components/sample.wasm (built by
# samples/components/component.py from names, table and, one level deeper,
# graph) is attributed byte for byte; every nested module that `extract`
# writes is the sample it was built from, passes wasm-validate, and its
# wasm-objdump -h sizes equal what `--module N sections --json` reports;
# module commands work on a module of a component; a component nested
# too deep, and one whose module is broken, are refused with an offset.
. "$srcdir/tests/lib.sh"
need python3
need wasm-objdump
need wasm-validate
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
c="$samples/components/sample.wasm"

"$WASMSIZE" inspect --json "$c" >"$tmp/c.json" || fail "inspect"
i=0
for m in names table graph; do
	"$WASMSIZE" extract --module $i -o "$tmp/$i.wasm" "$c" ||
	    fail "extract --module $i"
	cmp -s "$tmp/$i.wasm" "$samples/$m.wasm" ||
	    fail "module $i is not $m.wasm"
	wasm-validate --enable-all "$tmp/$i.wasm" 2>/dev/null ||
	    [ $m = graph ] ||	# wabt 1.0.32 and ref.func in a global
	    fail "module $i does not validate"
	wasm-objdump -h "$tmp/$i.wasm" >"$tmp/$i.objdump" || fail "objdump $i"
	"$WASMSIZE" sections --json --module $i "$c" >"$tmp/$i.json" ||
	    fail "sections --module $i"
	i=$((i + 1))
done
"$WASMSIZE" top -n 1 --module 5 "$c" 2>"$tmp/err" && fail "--module 5"
grep -q "the component has 3 core modules" "$tmp/err" || fail "--module 5"
"$WASMSIZE" top "$c" 2>"$tmp/err" && fail "top on a component"
grep -q "choose one with --module N" "$tmp/err" || fail "top on a component"
"$WASMSIZE" garbage --json --module 2 "$c" >"$tmp/garbage.json" ||
    fail "garbage --module 2"
"$WASMSIZE" sections --json "$c" >"$tmp/sections.json" || fail "sections"
"$WASMSIZE" advise --json --module 0 "$c" >"$tmp/advise.json" ||
    fail "advise --module 0"
"$WASMSIZE" inspect --json "$c" | cmp -s - "$tmp/c.json" ||
    fail "inspect --json is not deterministic"

python3 - "$tmp" "$c" <<'PY'
import json, os, re, sys
tmp, path = sys.argv[1:3]
def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)
rep = json.load(open(f"{tmp}/c.json"))
sys.path.insert(0, os.path.join(os.environ['srcdir'], 'tests', 'component'))
from tiling import modules, nodes, problems
mods = modules(rep)
for p in problems(rep, path):
    check(False, p)
check([c['depth'] for c in nodes(rep)] == [0, 1], "component depths")
check((rep['summary']['modules'], rep['summary']['components']) == (3, 2),
      "summary counts")
check([m['depth'] for m in mods] == [0, 0, 1], "depths")
# names from component-name (the component, modules 0 and 1), else the
# module's own name section (module 2); wit-component's adapter name
check(rep['name'] == 'sample', f"component name {rep['name']!r}")
check([m['name'] for m in mods] == ['main',
      'wit-component:adapter:wasi_snapshot_preview1', 'graph'],
      f"module names {[m['name'] for m in mods]}")
check([m['adapter'] for m in mods] == [False, True, False], "adapters")
# every report validates against the schema (when jsonschema is there)
try:
    import jsonschema
    schema = json.load(open(os.path.join(os.environ['srcdir'], 'schema',
                                         'wasmsize-1.schema.json')))
    v = jsonschema.Draft202012Validator(schema)
    for f in ('c', 'sections', 'advise', 'garbage', '0', '1', '2'):
        v.validate(json.load(open(f"{tmp}/{f}.json")))
except ImportError:
    pass
# each module's sections against wasm-objdump -h of the extracted copy
SEC = re.compile(r'size=0x([0-9a-f]+)')
for i in range(3):
    ours = [s['payload_size'] for s in json.load(open(f"{tmp}/{i}.json"))['sections']]
    theirs = [int(m[1], 16) for m in map(SEC.search, open(f"{tmp}/{i}.objdump")) if m]
    check(ours == theirs, f"module {i}: sections {ours} vs objdump {theirs}")
g = json.load(open(f"{tmp}/garbage.json"))
check(sorted(x['name'] for x in g['items']) == ['dead_a', 'dead_b', 'dead_leaf'],
      "garbage of the nested graph module")

# a component nested too deep: refused, no stack overflow
def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7f; n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n: return bytes(out)
pre = b'\0asm\x0d\x00\x01\x00'
deep = pre
for _ in range(100):
    deep = pre + bytes([4]) + leb(len(deep)) + deep
open(f"{tmp}/deep.wasm", 'wb').write(deep)
# a module inside a component, broken at its code section
mod = bytearray(open(os.path.join(os.path.dirname(path), '..', 'names.wasm'), 'rb').read())
open(f"{tmp}/broken.wasm", 'wb').write(pre + bytes([1]) + leb(len(mod) - 20) + mod[:-20])
# a core module section that holds a component
open(f"{tmp}/inside.wasm", 'wb').write(pre + bytes([1, len(pre)]) + pre)
PY
[ $? -eq 0 ] || exit 1
"$WASMSIZE" inspect "$tmp/deep.wasm" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "a deep component: exit status"
grep -q "components nested more than 32 deep" "$tmp/err" ||
    fail "a deep component: $(cat "$tmp/err")"
"$WASMSIZE" inspect "$tmp/broken.wasm" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "a broken nested module: exit status"
grep -q '^wasmsize: .*broken.wasm: offset 0x[0-9a-f]*: ' "$tmp/err" ||
    fail "a broken nested module: $(cat "$tmp/err")"
"$WASMSIZE" inspect "$tmp/inside.wasm" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "a component as a core module: exit status"
grep -qx 'wasmsize: .*inside.wasm: offset 0xe: preamble: a component (version 0x0d, layer 1) where a core module must be' "$tmp/err" ||
    fail "a component as a core module: $(cat "$tmp/err")"
exit 0

#!/bin/sh
# SPDX-License-Identifier: MIT
# real.sh - components made by real toolchains: the jco-built samples
# (samples/components/*.component.wasm: C and Rust with the WASI adapters)
# and, when WASMSIZE_CORPUS is set, the JavaScript ones (componentize-js
# and componentize-qjs) that tests/corpus/components.sh builds into
# $WASMSIZE_CORPUS/components.  For
# each: the report validates, its pieces tile the file and its summary adds
# up (tiling.py); every core module `extract` writes passes wasm-validate
# and its wasm-objdump -h sizes equal `--module N sections`; where `jco
# transpile` wrote the core modules out, each is byte for byte one that
# `extract` wrote; imports and exports equal jco wit's world, and the
# section entries of each kind the top-level forms jco print writes.
. "$srcdir/tests/lib.sh"
need python3
need wasm-objdump
need wasm-validate
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
set -- "$samples"/components/*.component.wasm
[ -f "$1" ] || fail "no component samples"
[ $# -ge 3 ] || fail "only $# component samples"
if [ -n "${WASMSIZE_CORPUS:-}" ]; then
	corpus="$WASMSIZE_CORPUS/components"
	for c in hello-js hello-qjs hello-qjs-sync; do
		[ -f "$corpus/$c.component.wasm" ] ||
		    fail "no $corpus/$c.component.wasm (tests/corpus/components.sh)"
		set -- "$@" "$corpus/$c.component.wasm"
	done
fi

for c in "$@"; do
	name=$(basename "$c" .wasm)
	out="$tmp/$name"
	mkdir "$out"
	"$WASMSIZE" inspect --json "$c" >"$out/c.json" || fail "$name: inspect"
	n=$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["summary"]["modules"])' "$out/c.json") ||
	    fail "$name: no summary"
	[ "$n" -gt 0 ] || fail "$name: no modules"
	i=0
	while [ $i -lt "$n" ]; do
		m="$out/$i.wasm"
		"$WASMSIZE" extract --module $i -o "$m" "$c" ||
		    fail "$name: extract --module $i"
		# wit-component's adapters name more functions than they
		# keep, which wabt counts as an error in the name section
		wasm-validate --enable-all --ignore-custom-section-errors "$m" 2>/dev/null ||
		    fail "$name: module $i does not validate"
		wasm-objdump -h "$m" >"$out/$i.objdump" ||
		    fail "$name: objdump module $i"
		"$WASMSIZE" sections --json --module $i "$c" >"$out/$i.json" ||
		    fail "$name: sections --module $i"
		i=$((i + 1))
	done
	python3 - "$c" "$out" "$n" "${corpus:-}" <<'PY' || exit 1
import json, os, re, sys
sys.path.insert(0, os.path.join(os.environ['srcdir'], 'tests', 'component'))
from tiling import problems
path, out, n, corpus = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
name = os.path.basename(path)[:-5]
bad = [f"{name}: {p}" for p in problems(json.load(open(f"{out}/c.json")), path)]
SEC = re.compile(r'size=0x([0-9a-f]+)')
for i in range(n):
    ours = [s['payload_size'] for s in json.load(open(f"{out}/{i}.json"))['sections']]
    theirs = [int(m[1], 16) for m in map(SEC.search, open(f"{out}/{i}.objdump")) if m]
    if ours != theirs:
        bad.append(f"{name}: module {i}: sections {ours} vs objdump {theirs}")
try:
    import jsonschema
    schema = json.load(open(os.path.join(os.environ['srcdir'], 'schema',
                                         'wasmsize-1.schema.json')))
    v = jsonschema.Draft202012Validator(schema)
    for f in ['c'] + [str(i) for i in range(n)]:
        for e in v.iter_errors(json.load(open(f"{out}/{f}.json"))):
            bad.append(f"{name}: {f}.json: schema: {e.message[:200]} at {list(e.absolute_path)}")
            break
except ImportError:
    pass
tdir = os.path.join(corpus, 'transpiled', name) if corpus else ''
if os.path.isdir(tdir):
    ours = {open(f"{out}/{i}.wasm", 'rb').read() for i in range(n)}
    theirs = [f for f in os.listdir(tdir) if f.endswith('.wasm')]
    if not theirs:
        bad.append(f"{name}: jco transpile wrote no core modules")
    for f in theirs:
        if open(os.path.join(tdir, f), 'rb').read() not in ours:
            bad.append(f"{name}: jco's {f} is none of the extracted modules")
# imports and exports, in order, against the world jco reads: the
# committed NAME.wit next to a sample, or the corpus's world.wit
WIT = re.compile(r'^\s*(import|export) (.+?)(?:;|: )', re.M)
for wit in (path[:-5] + '.wit', os.path.join(tdir, 'world.wit') if tdir else ''):
    if not os.path.isfile(wit):
        continue
    rep = json.load(open(f"{out}/c.json"))
    ours = [('import', x['name']) for x in rep['imports']] + \
           [('export', x['name']) for x in rep['exports']]
    theirs = WIT.findall(open(wit).read())
    if ours != theirs:
        bad.append(f"{name}: imports and exports {ours} vs jco wit {theirs}")
# the outermost component's section entries, by kind, against the
# top-level forms jco print writes (counted by wat_forms.py)
for forms in (path[:-5] + '.forms.json', os.path.join(tdir, 'forms.json') if tdir else ''):
    if not os.path.isfile(forms):
        continue
    rep = json.load(open(f"{out}/c.json"))
    ours = {}
    for sec in rep['sections']:
        if sec['kind'] != 'custom':
            ours[sec['kind']] = ours.get(sec['kind'], 0) + sec.get('count', 1)
    theirs = json.load(open(forms))
    if ours != theirs:
        bad.append(f"{name}: section entries {ours} vs jco print {theirs}")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done

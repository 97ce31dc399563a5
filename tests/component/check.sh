#!/bin/sh
# SPDX-License-Identifier: MIT
# check.sh - `check` on a component as a whole, for every component
# sample: its size is the file's, its gzip and brotli sizes those of
# Python's gzip.compress(data, 9, mtime=0) and `brotli -q 11 -c` on the
# whole file; debug, garbage, panic and a section limit add up the same
# limit checked on each module (--module N); function and memory limits
# take the largest module's; custom adds the modules' custom bytes to the
# components' own custom sections.
. "$srcdir/tests/lib.sh"
need python3
need brotli
python3 - "$WASMSIZE" "$samples"/components/*.wasm <<'PY'
import gzip, json, os, subprocess, sys

ws, files = sys.argv[1], sys.argv[2:]
LIMITS = ['--max-size=1', '--max-gzip=1', '--max-brotli=1', '--max-debug=1',
          '--max-custom=1', '--max-garbage=0', '--max-panic=0',
          '--max-section=code=1', '--max-section=name=1', '--regex',
          '--max-function=.=1', '--max-memory-initial=0']
SUMMED = ('debug', 'garbage', 'panic', 'section')
LARGEST = ('function', 'memory-initial')
bad = []

def check(path, *extra):
    p = subprocess.run([ws, 'check', '--json'] + LIMITS + list(extra) + [path],
                       capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f"FAIL: check {' '.join(extra)} {path}: exit {p.returncode}: "
                 f"{p.stderr.decode(errors='replace')}")
    return json.loads(p.stdout)['checks']

def key(c):
    return (c['limit'], c.get('target', ''))

for path in files:
    name = os.path.basename(path)
    data = open(path, 'rb').read()
    rep = json.loads(subprocess.run([ws, 'inspect', '--json', path],
                                    capture_output=True, check=True).stdout)
    whole = {key(c): c for c in check(path)}
    mods = [{key(c): c for c in check(path, '--module', str(i))}
            for i in range(rep['summary']['modules'])]
    def nodes(c):
        yield c
        for k in c['components']:
            yield from nodes(k)
    own_custom = sum(i['size'] for c in nodes(rep) for i in c['items']
                     if i['kind'] == 'custom')
    want = {
        ('size', ''): len(data),
        ('gzip', ''): len(gzip.compress(data, 9, mtime=0)),
        ('brotli', ''): len(subprocess.run(['brotli', '-q', '11', '-c'],
                            input=data, capture_output=True, check=True).stdout),
        ('custom', ''): sum(m[('custom', '')]['actual'] for m in mods) + own_custom,
    }
    for k in whole:
        if k[0] in SUMMED:
            want[k] = sum(m[k].get('actual', 0) for m in mods if k in m)
        elif k[0] in LARGEST:
            got = [m[k]['actual'] for m in mods if k in m and 'actual' in m[k]]
            want[k] = max(got) if got else None
    if set(whole) != set(want):
        bad.append(f"{name}: limits {sorted(whole)} vs {sorted(want)}")
    for k, v in want.items():
        if whole.get(k, {}).get('actual') != v:
            bad.append(f"{name}: {k}: {whole.get(k, {}).get('actual')}, expected {v}")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
print(f"{len(files)} components checked")
sys.exit(1 if bad else 0)
PY

# diff of two components: hello-c (release) against hello-c-debug
old="$samples/components/hello-c.component.wasm"
new="$samples/components/hello-c-debug.component.wasm"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
"$WASMSIZE" diff --json "$old" "$new" >"$tmp/d.json" || fail "diff"
"$WASMSIZE" diff --json --module 0 "$old" "$new" >"$tmp/d0.json" ||
    fail "diff --module 0"
"$WASMSIZE" inspect --json "$old" >"$tmp/old.json" || fail "inspect old"
"$WASMSIZE" inspect --json "$new" >"$tmp/new.json" || fail "inspect new"
# a component against its own saved report: nothing changed
for c in "$samples"/components/*.wasm; do
	"$WASMSIZE" inspect --json "$c" >"$tmp/saved.json" || fail "inspect $c"
	"$WASMSIZE" diff --json "$tmp/saved.json" "$c" >"$tmp/same.json" ||
	    fail "diff saved $c"
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
ok = d["size_delta"] == 0 and not d["items"] and d["sections"] and all(
    s["status"] == "same" for s in d["sections"])
sys.exit(0 if ok else 1)' "$tmp/same.json" || fail "$c: its saved report differs"
done
python3 - "$tmp" "$old" "$new" <<'PY' || exit 1
import json, os, sys
tmp, old, new = sys.argv[1:4]
sys.path.insert(0, os.path.join(os.environ['srcdir'], 'tests', 'component'))
from tiling import modules
d = json.load(open(f"{tmp}/d.json"))
d0 = json.load(open(f"{tmp}/d0.json"))
bad = []
if (d['old_size'], d['new_size']) != (os.path.getsize(old), os.path.getsize(new)):
    bad.append("sizes are not the files'")
# the sections side: every module by name, and the components' own bytes,
# which together are the whole file on each side
for side, path in (('old', old), ('new', new)):
    rep = json.load(open(f"{tmp}/{side}.json"))
    mods = {m['name']: m['size'] for m in modules(rep)}
    got = {s['name']: s[side] for s in d['sections'] if s['kind'] == 'module' and side in s}
    if got != mods:
        bad.append(f"{side}: modules {got} vs inspect {mods}")
    total = sum(s.get(side, 0) for s in d['sections'])
    if total != os.path.getsize(path):
        bad.append(f"{side}: sections add up to {total}, not the file size")
# module main's items: those of `diff --module 0`, named "main: ..."
items = {(i['kind'], i['name']): (i.get('old'), i.get('new'))
         for i in d['items'] if i['name'].startswith('main: ')}
items0 = {(i['kind'], 'main: ' + i['name']): (i.get('old'), i.get('new'))
          for i in d0['items']}
if items != items0:
    bad.append(f"main's items differ from diff --module 0: "
               f"{sorted(set(items) ^ set(items0))[:5]}")
try:
    import jsonschema
    schema = json.load(open(os.path.join(os.environ['srcdir'], 'schema',
                                         'wasmsize-1.schema.json')))
    for e in jsonschema.Draft202012Validator(schema).iter_errors(d):
        bad.append(f"schema: {e.message[:200]}")
        break
except ImportError:
    pass
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
exit 0

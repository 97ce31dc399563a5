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

#!/bin/sh
# SPDX-License-Identifier: MIT
# advice.sh - findings and recommendations on the samples, against
# independent sources and hand-checked expectations:
#  - check.py on every sample (exact estimates against wasm-strip, DWARF
#    against wasm-objdump -h, strip-dwarf against wasm-opt, duplicates read
#    back from the file, the toolchain of each);
#  - dups.wasm: exactly the planted groups;
#  - rust-release.wasm: the panic functions (hand-checked list), their
#    bytes from wasm-objdump, and the snip estimate against a real snip
#    (bodies replaced by `unreachable` with wasmedit.py, then
#    `wasm-opt --remove-unused-module-elements` on both copies), within
#    SNIP_TOLERANCE: wasm-opt re-encodes code about 10% smaller than rustc,
#    so the estimate may run over, never much under;
#  - the -O0 heuristic on the debug and release builds of hello.c.
. "$srcdir/tests/lib.sh"
need python3
need wasm-objdump
need wasm-opt
need wasm-strip
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
python3 "$srcdir/tests/advice/check.py" "$WASMSIZE" "$tmp" "$samples"/*.wasm ||
    exit 1
for f in dups rust-release hello-c hello-c-release; do
	"$WASMSIZE" advise --json "$samples/$f.wasm" >"$tmp/$f.json" ||
	    fail "advise $f"
done
wasm-objdump -x -j Code "$samples/rust-release.wasm" >"$tmp/code" || exit 1
python3 - "$tmp" "$srcdir/tests/advice" "$samples" <<'PY'
import json, os, re, subprocess, sys
tmp, here, samples = sys.argv[1:4]
sys.path.insert(0, here)
from wasmedit import snip
def load(n):
    return json.load(open(f"{tmp}/{n}.json"))
def find(rep, fid):
    return next(f for f in rep['findings'] if f['id'] == fid)
def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)

d = find(load('dups'), 'duplicates')
sets = [[f['name'] for f in s['functions']] for s in d['sets']]
check(sets == [['inc_a', 'inc_b', 'inc_c'], ['add2_a', 'add2_b']], f"dups: {sets}")
check(d['bytes'] == 2 * 8 + 8, f"dups: {d['bytes']} bytes, 24 expected")
rec = next(r for r in load('dups')['recommendations'] if r['id'] == 'merge-duplicates')
check(rec['saving'] == 24 and rec['confidence'] == 'estimate', f"merge-duplicates: {rec}")

p = find(load('rust-release'), 'panic')
names = sorted(f['name'] for f in p['functions'])
check(names == sorted([
    'alloc::raw_vec::capacity_overflow', 'core::panicking::panic_bounds_check',
    'core::panicking::panic', 'core::panicking::panic_fmt',
    'core::result::unwrap_failed', 'rust_begin_unwind',
    'std::panicking::rust_panic_with_hook', 'rust_panic',
    'std::panicking::begin_panic_handler::{{closure}}']), f"panic functions: {names}")
sizes = {}
for line in open(f"{tmp}/code"):
    m = re.match(r' - func\[(\d+)\] size=(\d+)', line)
    if m:
        sizes[int(m[1])] = int(m[2]) + (1 if int(m[2]) < 128 else 2)
own = sum(sizes[f['index']] for f in p['functions'])
check(p['bytes'] == own, f"panic bytes {p['bytes']}, objdump {own}")

src = f"{samples}/rust-release.wasm"
cut = f"{tmp}/snipped.wasm"
open(cut, 'wb').write(snip(open(src, 'rb').read(), {f['index'] for f in p['functions']}))
def rume(path):
    out = os.path.join(tmp, os.path.basename(path) + '.rume.wasm')
    subprocess.run(['wasm-opt', '-all', '--remove-unused-module-elements',
                    path, '-o', out], check=True)
    return os.path.getsize(out)
actual = rume(src) - rume(cut)
est = p['snip_bytes']
check(0.7 * est <= actual <= 1.05 * est, f"snip estimate {est}, actual {actual}")

check(find(load('hello-c'), 'build-mode')['unoptimized'] is True, "hello-c (-O0) not flagged")
check(find(load('hello-c-release'), 'build-mode')['unoptimized'] is False, "hello-c-release flagged")
print(f"panic: {own} bytes in {len(names)} functions; snip estimate {est}, actual {actual}")
PY

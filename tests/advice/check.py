#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# check.py WASMSIZE TMPDIR FILE... - findings and recommendations against
# independent sources, on every file given:
#  - strip-custom (exact) equals what wasm-strip removes, to the byte;
#  - strip-dwarf (exact) against `wasm-opt --strip-dwarf`, within
#    DWARF_TOLERANCE: wasm-opt re-encodes the rest of the module;
#  - the DWARF total equals the .debug_* sections of `wasm-objdump -h`;
#  - every duplicate group holds byte-identical bodies of one type, read
#    from the file here (not by wasmsize);
#  - the toolchain is the one its package is known to be built with.
import json, os, shutil, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wasmedit import leb, sections, func_imports

DWARF_TOLERANCE = 0.03

# What each file is known to be built with: (language, flavor or None).
KNOWN = {
    'hello-c.wasm': ('C', 'WASI'), 'hello-c-release.wasm': ('C', 'WASI'),
    'hello-c-stripped.wasm': ('unknown', 'WASI'),
    'rust-debug.wasm': ('Rust', None), 'rust-release.wasm': ('Rust', None),
    'brotli.wasm': ('Rust', 'wasm-bindgen'),
    'swc.wasm': ('Rust', 'wasm-bindgen'),
    'tiktoken.wasm': ('Rust', 'wasm-bindgen'),
    'tiktoken-lite.wasm': ('Rust', 'wasm-bindgen'),
    'lightningcss.wasm': ('Rust', None),
    'wasm-tools.core.wasm': ('Rust', 'wit-bindgen'),
    'js-component-bindgen.core.wasm': ('Rust', 'wit-bindgen'),
    'quickjs.wasm': ('C/C++', 'Emscripten'),
    'webp-dec.wasm': ('C/C++', 'Emscripten'),
    'webp-enc-simd.wasm': ('C/C++', 'Emscripten'),
    'vips.wasm': ('C++', 'Emscripten'),
    'vips-resvg.wasm': ('C/C++', 'Emscripten'),
}
for hand in ('names', 'table', 'graph', 'dups', 'features', 'gc', 'eh-new',
             'wabt-tag-names'):
    KNOWN[hand + '.wasm'] = ('unknown', None)

def fail(msg):
    sys.exit("FAIL: " + msg)

def run(*argv, ok=(0,)):
    p = subprocess.run(argv, capture_output=True)
    if p.returncode not in ok:
        fail(f"{' '.join(argv)}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p

def code_bodies(b):
    """{function index: (type index, body bytes)} from the file itself."""
    nimp, types, out = func_imports(b), [], {}
    for sid, _, p, end in sections(b):
        if sid == 3:
            n, i = leb(b, p)
            for _ in range(n):
                t, i = leb(b, i); types.append(t)
        if sid == 10:
            n, i = leb(b, p)
            for k in range(n):
                size, j = leb(b, i)
                out[nimp + k] = (types[k], b[j:j + size])
                i = j + size
    return out

def finding(rep, fid):
    return next(f for f in rep['findings'] if f['id'] == fid)

def rec(rep, rid):
    return next((r for r in rep['recommendations'] if r['id'] == rid), None)

ws, tmp = sys.argv[1], sys.argv[2]
for path in sys.argv[3:]:
    name = os.path.basename(path)
    rep = json.loads(run(ws, 'advise', '--json', path).stdout)
    size = os.path.getsize(path)
    wabt = run('wasm-objdump', '-h', path, ok=(0, 1)).returncode == 0

    # the toolchain
    tc = finding(rep, 'toolchain')
    if name in KNOWN and (tc['language'], tc.get('flavor')) != KNOWN[name]:
        fail(f"{name}: toolchain {tc['language']}/{tc.get('flavor')}, known {KNOWN[name]}")

    # DWARF against wasm-objdump -h (payload size plus id and size field)
    dwarf = 0
    if wabt:
        for line in run('wasm-objdump', '-h', path).stdout.decode().splitlines():
            if '"' in line and '".debug_' in line:
                n = int(line.split('size=')[1].split(')')[0], 16)
                dwarf += 1 + len(bytes(__import__('wasmedit').enc(n))) + n
        if finding(rep, 'debug-info')['dwarf'] != dwarf:
            fail(f"{name}: DWARF {finding(rep, 'debug-info')['dwarf']}, objdump {dwarf}")

    # strip-custom is exact: wasm-strip
    r = rec(rep, 'strip-custom')
    if r and wabt:
        copy = os.path.join(tmp, name)
        shutil.copyfile(path, copy)
        run('wasm-strip', copy)
        if size - os.path.getsize(copy) != r['saving']:
            fail(f"{name}: strip-custom {r['saving']}, wasm-strip {size - os.path.getsize(copy)}")

    # strip-dwarf against wasm-opt, which re-encodes the module
    r = rec(rep, 'strip-dwarf')
    if r:
        out = os.path.join(tmp, 'nodwarf.wasm')
        p = run('wasm-opt', '-all', '-g', '--strip-dwarf', path, '-o', out, ok=(0, 1))
        if p.returncode == 0:
            got = size - os.path.getsize(out)
            if abs(got - r['saving']) > DWARF_TOLERANCE * r['saving']:
                fail(f"{name}: strip-dwarf {r['saving']}, wasm-opt {got}")

    # duplicates: byte-identical bodies of one type, read here
    bodies = code_bodies(open(path, 'rb').read())
    for s in finding(rep, 'duplicates')['sets']:
        first = bodies[s['functions'][0]['index']]
        for f in s['functions'][1:]:
            if bodies[f['index']] != first:
                fail(f"{name}: func[{f['index']}] is not a copy of func[{s['functions'][0]['index']}]")
    print(f"ok {name}: {tc['language']}/{tc.get('flavor')}, DWARF {dwarf}, "
          f"{len(finding(rep, 'duplicates')['sets'])} duplicate groups")

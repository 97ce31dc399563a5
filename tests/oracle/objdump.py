#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# objdump.py WASMSIZE FILE... - checks wasmsize against wasm-objdump and the
# file size: items tile the file and add up to its size; every section's
# offset, payload size and count match `wasm-objdump -h`; every function's
# body size and name match `wasm-objdump -x`; every data segment's size and
# name too.  Prints one line per file; exits 1 on the first mismatch.
import json, os, re, subprocess, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from wasmbytes import leb_len


def run(*argv):
    p = subprocess.run(argv, capture_output=True)
    if p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(argv)}: exit {p.returncode}: "
                 f"{p.stderr.decode(errors='replace')}")
    return p.stdout

def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)

SEC = re.compile(r'^\s*(\w+) start=0x([0-9a-f]+) end=0x([0-9a-f]+) '
                 r'\(size=0x([0-9a-f]+)\)(?: count: (\d+))?(?: "(.*)")?')
FUNC = re.compile(r'^ - func\[(\d+)\] size=(\d+)(?: <(.*)>)?$')
SEG = re.compile(r'^ - segment\[(\d+)\](?: <(.*?)>)?(?: passive)?.*? size=(\d+)')

def sections(ws, path):
    want = []
    for line in run('wasm-objdump', '-h', path).decode(errors='replace').splitlines():
        m = SEC.match(line)
        if m:
            want.append(m.groups())
    rep = json.loads(run(ws, 'inspect', '--json', '--no-demangle', path))
    got = rep['sections']
    check(len(got) == len(want), f"{path}: {len(got)} sections, objdump {len(want)}")
    for s, (kind, start, end, size, count, name) in zip(got, want):
        payload_off = s['offset'] + s['size'] - s['payload_size']
        check(s['payload_size'] == int(size, 16),
              f"{path}: section {s['name']}: payload {s['payload_size']}, objdump {int(size, 16)}")
        check(payload_off == int(start, 16),
              f"{path}: section {s['name']}: payload at {payload_off:#x}, objdump {start}")
        if count is not None and kind != 'Start':
            check(s.get('count') == int(count),
                  f"{path}: section {s['name']}: count {s.get('count')}, objdump {count}")
        if name is not None:
            check(s['name'] == name, f"{path}: custom section {s['name']!r} vs {name!r}")
    return rep

def tiling(rep, path):
    size = os.path.getsize(path)
    check(rep['size'] == size, f"{path}: size {rep['size']}, file {size}")
    at = 0
    for it in rep['items']:
        check(it['offset'] == at, f"{path}: item {it['name']!r} at {it['offset']}, expected {at}")
        at += it['size']
    check(at == size, f"{path}: items add up to {at}, file has {size}")

EXPORT = re.compile(r'^ - func\[(\d+)\] .*-> "(.*)"$')

NO_NAMES = set(os.environ.get('WS_NO_NAMES', '').split())

def functions(rep, path, dump):
    funcs = {it['index']: it for it in rep['items'] if it['kind'] == 'function'}
    exports = {}
    for line in dump:
        m = EXPORT.match(line)
        if m:
            exports.setdefault(int(m[1]), []).append(m[2])
    n = 0
    for line in dump:
        m = FUNC.match(line)
        if not m:
            continue
        idx, size, name = int(m[1]), int(m[2]), m[3]
        it = funcs.get(idx)
        check(it is not None, f"{path}: func[{idx}] missing")
        check(it['size'] == leb_len(size) + size,
              f"{path}: func[{idx}]: size {it['size']}, objdump body {size}")
        ours = it.get('raw_name', it['name'])
        if os.path.basename(path) in NO_NAMES:
            pass
        elif name is None:
            check(ours == f"func[{idx}]", f"{path}: func[{idx}] named {ours!r}, objdump none")
        elif not ours.startswith(f"func[{idx}] (export "):
            check(ours == name, f"{path}: func[{idx}] named {ours!r}, objdump {name!r}")
        else:
            # exported under several names: we name the first export,
            # wabt the last one
            names = exports.get(idx, [])
            check(name in names and ours == f"func[{idx}] (export {names[0]})",
                  f"{path}: func[{idx}] named {ours!r}, objdump {name!r}")
        n += 1
    check(n == len(funcs), f"{path}: {len(funcs)} functions, objdump {n}")
    return n

def segments(rep, path, dump):
    datas = {it['index']: it for it in rep['items'] if it['kind'] == 'data'}
    in_data = False
    n = 0
    for line in dump:
        if line.startswith('Data['):
            in_data = True
            continue
        if in_data and not line.startswith(' '):
            in_data = False
        m = SEG.match(line) if in_data else None
        if not m:
            continue
        idx, name, size = int(m[1]), m[2], int(m[3])
        it = datas.get(idx)
        check(it is not None, f"{path}: data segment {idx} missing")
        check(it['size'] >= size + leb_len(size) + 1,
              f"{path}: data[{idx}]: item {it['size']} bytes holds {size} bytes of data?")
        if name is not None and os.path.basename(path) not in NO_NAMES:
            check(it['name'] == name, f"{path}: data[{idx}] named {it['name']!r}, objdump {name!r}")
        n += 1
    check(n == len(datas), f"{path}: {len(datas)} data segments, objdump {n}")
    return n

ws = sys.argv[1]
for path in sys.argv[2:]:
    rep = sections(ws, path)
    tiling(rep, path)
    dump = run('wasm-objdump', '-x', path).decode(errors='replace').splitlines()
    nf = functions(rep, path, dump)
    nd = segments(rep, path, dump)
    print(f"ok {os.path.basename(path)}: {rep['size']} bytes, "
          f"{len(rep['sections'])} sections, {nf} functions, {nd} data segments")

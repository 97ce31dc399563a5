#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# graph.py WASMSIZE TMPDIR FILE... - retained sizes and garbage against
# their definitions and against binaryen:
#  - the root retains the whole file, the root's children in the dominator
#    tree add up to the file size, and no item retains less than itself;
#  - the functions wasmsize calls garbage are exactly the functions that
#    `wasm-opt -all --remove-unused-module-elements` removes (by name when
#    the module has names, by count otherwise).
import json, os, re, subprocess, sys

def run(*argv, check=True):
    p = subprocess.run(argv, capture_output=True)
    if check and p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(argv)}: {p.stderr.decode(errors='replace')}")
    return p

def fail(msg):
    sys.exit("FAIL: " + msg)

FUNC = re.compile(r'^ - func\[(\d+)\] size=\d+(?: <(.*)>)?')

def defined_functions(path):
    """Names (or indices) of the defined functions, from wasm-objdump -x."""
    out = run('wasm-objdump', '-x', '-j', 'Code', path, check=False)
    names = []
    for line in out.stdout.decode(errors='replace').splitlines():
        m = FUNC.match(line)
        if m:
            names.append(m[2] if m[2] is not None else int(m[1]))
    return names

def properties(ws, path):
    rep = json.loads(run(ws, 'inspect', '--json', path).stdout)
    size = rep['size']
    for it in rep['items']:
        if it['retained'] < it['size']:
            fail(f"{path}: {it['name']!r} retains {it['retained']} < its {it['size']} bytes")
    dom = json.loads(run(ws, 'dominators', '--json', '-d', '1', '-r', '0', path).stdout)
    root = dom['dominators'][0]
    if root['kind'] != 'root' or root['retained'] != size:
        fail(f"{path}: the root retains {root['retained']}, file has {size}")
    kids = sum(c['retained'] for c in root['dominates'])
    if kids != size:
        fail(f"{path}: the root's children retain {kids}, file has {size}")
    return rep

def garbage(ws, tmp, path, rep):
    out = os.path.join(tmp, os.path.basename(path))
    p = run('wasm-opt', '-all', '-g', '--remove-unused-module-elements',
            path, '-o', out, check=False)
    if p.returncode != 0:
        return None
    before, after = defined_functions(path), defined_functions(out)
    ours = [it for it in rep['items'] if it['kind'] == 'function' and it.get('garbage')]
    named = (all(isinstance(n, str) for n in before + after) and
             os.path.basename(path) not in
             os.environ.get('WS_NO_NAMES', '').split())
    if named:
        removed = sorted(set(before) - set(after))
        mine = sorted(it.get('raw_name', it['name']) for it in ours)
        if removed != mine:
            fail(f"{path}: wasm-opt removes {removed}, wasmsize calls garbage {mine}")
    elif len(before) - len(after) != len(ours):
        fail(f"{path}: wasm-opt removes {len(before) - len(after)} functions, "
             f"wasmsize calls {len(ours)} garbage")
    return len(ours)

ws, tmp = sys.argv[1], sys.argv[2]
for path in sys.argv[3:]:
    rep = properties(ws, path)
    n = garbage(ws, tmp, path, rep)
    what = "wasm-opt cannot read it" if n is None else f"{n} garbage functions, as wasm-opt"
    print(f"ok {os.path.basename(path)}: root retains {rep['size']}; {what}")

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# strip.py WASMSIZE TMPDIR FILE... - the bytes wasmsize attributes to custom
# sections are exactly the bytes `wasm-strip` removes, and every other
# section and function keeps its size.
import json, os, shutil, subprocess, sys

def report(ws, path):
    p = subprocess.run([ws, 'inspect', '--json', path], capture_output=True)
    if p.returncode != 0:
        sys.exit(f"FAIL: {path}: {p.stderr.decode(errors='replace')}")
    return json.loads(p.stdout)

ws, tmp = sys.argv[1], sys.argv[2]
for path in sys.argv[3:]:
    copy = os.path.join(tmp, os.path.basename(path))
    shutil.copyfile(path, copy)
    subprocess.run(['wasm-strip', copy], check=True)
    before, after = report(ws, path), report(ws, copy)
    custom = before['custom']['bytes']
    ranges = [(s['offset'], s['offset'] + s['size']) for s in before['sections']
              if s['id'] == 0]
    by_range = sum(it['size'] for it in before['items']
                   if any(a <= it['offset'] < b for a, b in ranges))
    stripped = os.path.getsize(copy)
    if before['size'] - custom != stripped:
        sys.exit(f"FAIL: {path}: {before['size']} - {custom} custom bytes "
                 f"!= {stripped} after wasm-strip")
    if by_range != custom:
        sys.exit(f"FAIL: {path}: items in custom sections add up to "
                 f"{by_range}, custom sections {custom}")
    keep = [(s['id'], s['payload_size']) for s in before['sections'] if s['id'] != 0]
    if keep != [(s['id'], s['payload_size']) for s in after['sections']]:
        sys.exit(f"FAIL: {path}: non-custom sections changed under wasm-strip")
    print(f"ok {os.path.basename(path)}: {custom} custom bytes = "
          f"{before['size']} - {stripped}")

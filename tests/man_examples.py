#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# man_examples.py WASMSIZE PAGE SAMPLES - every literal example in the man
# page that runs wasmsize on a bundled sample ("$ wasmsize ... NAME.wasm"
# followed by its output) prints exactly what the page shows.
import re, shlex, subprocess, sys

ws, page, samples = sys.argv[1:4]
lines = open(page).read().split('\n')
checked = 0
i = 0
while i < len(lines):
    m = re.match(r'^\$ wasmsize (.*)$', lines[i])
    if not m or lines[i].rstrip().endswith('|') or 'app.wasm' in lines[i]:
        i += 1
        continue
    argv = [a.replace('samples/', '') for a in shlex.split(m[1])]
    want = []
    i += 1
    while i < len(lines) and lines[i] != '.Ed':
        want.append(lines[i].replace('\\&', '').replace('\\e', '\\'))
        i += 1
    p = subprocess.run([ws] + argv, cwd=samples, capture_output=True, text=True)
    got = p.stdout.rstrip('\n').split('\n')
    if got != want:
        print(f"FAIL: man page example 'wasmsize {m[1]}' differs:")
        for a, b in zip(want + [''] * len(got), got + [''] * len(want)):
            if a != b:
                print(f"  page: {a!r}\n  real: {b!r}")
                break
        sys.exit(1)
    checked += 1
if checked < 5:
    sys.exit(f"FAIL: only {checked} examples checked")
print(f"{checked} man page examples match")

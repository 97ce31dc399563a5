#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# sources.py WASMSIZE FILE... - checks `wasmsize sources` against LLVM.
# For each file, independently of wasmsize:
#   - the code section's payload (offset, size) and its function bodies
#     come from `wasm-objdump -h` and `-x`;
#   - the rows of every line program come from `llvm-dwarfdump
#     --debug-line`, each compile unit's DW_AT_comp_dir from `--debug-info`;
#   - a row covers [its address, the next row's) within its sequence;
#     sequences that start at a tombstone (0, 0xfffffffe, 0xffffffff) or
#     past the code are left out, rows are cut at the end of the code, and
#     a byte covered twice goes to the range that starts lowest (of equal
#     starts, the first in .debug_line) -- the rule sources.h states;
#   - every file's path is joined as LLVM joins it, and checked against
#     what llvm-symbolizer prints for an address of that file, then
#     normalized lexically (".", "" and ".." components).
# Then wasmsize's bytes per file and per unit must equal these exactly, add
# up to the bytes covered, and covered + uncovered must be the code size;
# every sequence must lie inside one function body (so DWARF addresses
# count from the code section's payload); and the rollups (--depth 0, 1, 3,
# automatic) must add up to the same bytes.  Prints one line per file.
import json, re, subprocess, sys
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from wasmbytes import leb_len

TOMBSTONES = (0, 0xfffffffe, 0xffffffff)


def run(*argv, stdin=None):
    p = subprocess.run(argv, capture_output=True, input=stdin)
    if p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(argv)}: exit {p.returncode}: "
                 f"{p.stderr.decode(errors='replace')}")
    return p.stdout.decode('utf-8', errors='surrogateescape')


def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)




def unquote(s):
    """A string as llvm-dwarfdump prints it: "..." with \\ escapes."""
    s = s.strip()
    check(s.startswith('"') and s.endswith('"'), f"not a string: {s!r}")
    s, out, i = s[1:-1], bytearray(), 0
    raw = s.encode('utf-8', errors='surrogateescape')
    while i < len(raw):
        c = raw[i]
        if c == 0x5c and i + 1 < len(raw):
            n = raw[i + 1]
            if n in b'01234567':
                out.append(int(raw[i + 1:i + 4], 8))
                i += 4
                continue
            out.append({ord('n'): 10, ord('t'): 9}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


def is_absolute(p):
    return p[:1] in (b'/', b'\\') or (
        len(p) >= 3 and chr(p[0]).isalpha() and p[1:2] == b':' and
        p[2:3] in (b'/', b'\\'))


def normalize(p):
    """Lexical normalization, as dwarf_path.c does it."""
    win = (len(p) >= 2 and p[1:2] == b':' and chr(p[0]).isalpha()) or \
        p[:1] == b'\\'
    prefix = b''
    if win and len(p) >= 2 and p[1:2] == b':':
        prefix, p = p[:2], p[2:]
    if win:
        p = p.replace(b'\\', b'/')
    absolute = p[:1] == b'/'
    out = []
    for c in p.split(b'/'):
        if c in (b'', b'.'):
            continue
        if c == b'..':
            if out and out[-1] != b'..':
                out.pop()
                continue
            if not out and absolute:
                continue
        out.append(c)
    r = prefix + (b'/' if absolute else b'') + b'/'.join(out)
    return r if r else b'.'


def code_section(path):
    """(payload offset, payload size, [(start, end) of each body])."""
    code = None
    for line in run('wasm-objdump', '-h', path).splitlines():
        m = re.match(r'^\s*Code start=0x([0-9a-f]+) end=0x([0-9a-f]+) '
                     r'\(size=0x([0-9a-f]+)\) count: (\d+)', line)
        if m:
            code = (int(m[1], 16), int(m[3], 16), int(m[4]))
    check(code is not None, f"{path}: no code section")
    start, size, count = code
    sizes = [int(m[1]) for m in re.finditer(
        r'^ - func\[\d+\] size=(\d+)', run('wasm-objdump', '-x', '-j', 'Code',
                                           path), re.M)]
    check(len(sizes) == count, f"{path}: {len(sizes)} bodies, count {count}")
    bodies, at = [], leb_len(count)
    for n in sizes:
        at += leb_len(n)
        bodies.append((at, at + n))
        at += n
    check(at == size, f"{path}: bodies end at {at}, the code at {size}")
    return start, size, bodies


def comp_dirs(path):
    """DW_AT_stmt_list -> DW_AT_comp_dir of each compile unit."""
    dirs, cur = {}, None
    for line in run('llvm-dwarfdump', '--debug-info', path).splitlines():
        if re.search(r'DW_TAG_(compile|partial|skeleton)_unit', line):
            cur = {}
        elif cur is not None and not line.strip():
            if 'stmt' in cur and cur['stmt'] not in dirs:
                dirs[cur['stmt']] = cur.get('dir', b'')
            cur = None
        elif cur is not None:
            m = re.match(r'\s*DW_AT_stmt_list\s*\((0x[0-9a-f]+)\)', line)
            if m:
                cur['stmt'] = int(m[1], 16)
            m = re.match(r'\s*DW_AT_comp_dir\s*\((".*")\)', line)
            if m:
                cur['dir'] = unquote(m[1])
    return dirs


def programs(path):
    """Every line program: offset, version, directories, files, rows."""
    progs, p, fe, cols = [], None, None, None
    for line in run('llvm-dwarfdump', '--debug-line', path).splitlines():
        m = re.match(r'^debug_line\[(0x[0-9a-f]+)\]', line)
        if m:
            p = {'off': int(m[1], 16), 'dirs': {}, 'files': {}, 'rows': []}
            progs.append(p)
            continue
        if p is None:
            continue
        m = re.match(r'^\s*version: (\d+)', line)
        if m:
            p['version'] = int(m[1])
        m = re.match(r'^include_directories\[\s*(\d+)\] = (.*)$', line)
        if m:
            p['dirs'][int(m[1])] = unquote(m[2])
        m = re.match(r'^file_names\[\s*(\d+)\]:', line)
        if m:
            fe = p['files'][int(m[1])] = {}
        m = re.match(r'^\s+name: (".*")$', line)
        if m and fe is not None:
            fe['name'] = unquote(m[1])
        m = re.match(r'^\s+dir_index: (\d+)', line)
        if m and fe is not None:
            fe['dir'] = int(m[1])
        if line.startswith('Address'):
            cols = line.split()
        m = re.match(r'^0x([0-9a-f]{16}) ', line)
        if m and cols:
            w = line.split()
            p['rows'].append((int(m[1], 16), int(w[cols.index('File')]),
                              'end_sequence' in w[len(cols) - 1:]))
    return progs


def llvm_path(p, idx, comp):
    """The path LLVM builds (DWARFDebugLine getFileNameByIndex)."""
    v, f = p['version'], p['files'][idx]
    name, d = f['name'], f.get('dir', 0)
    if is_absolute(name):
        return name
    inc = b''
    if v >= 5:
        inc = p['dirs'].get(d, b'')
    elif d > 0:
        inc = p['dirs'].get(d, b'')
    parts = []
    if (v < 5 or d != 0) and comp and not is_absolute(inc):
        parts.append(comp)
    parts += [inc, name]
    return b'/'.join(x for x in parts if x)


def expected(path, code_size, bodies):
    """Bytes per file path and per program, by the rules above."""
    dirs = comp_dirs(path)
    ranges, probes = [], {}
    for p in programs(path):
        comp = dirs.get(p['off'], b'')
        if not comp and p['version'] >= 5:
            comp = p['dirs'].get(0, b'')
        seq = []
        for row in p['rows']:
            seq.append(row)
            if not row[2]:
                continue
            start = seq[0][0]
            if start not in TOMBSTONES and start < code_size:
                check(any(a <= start and seq[-1][0] <= b for a, b in bodies),
                      f"{path}: sequence [{start:#x}, {seq[-1][0]:#x}) of "
                      f"the program at {p['off']:#x} is not inside one "
                      f"function body")
                for (a, f, _), (b, _, _) in zip(seq, seq[1:]):
                    if a < b and a < code_size:
                        full = llvm_path(p, f, comp)
                        probes.setdefault(full, a)
                        ranges.append((a, min(b, code_size), len(ranges),
                                       normalize(full), p['off']))
            seq = []
    # what llvm-symbolizer says of one address of each file
    addrs = list(probes.items())
    out = run('llvm-symbolizer', '--no-inlines', '--obj=' + path,
              stdin=''.join(f'{a:#x}\n' for _, a in addrs).encode())
    blocks = [b.split('\n') for b in out.strip('\n').split('\n\n')]
    check(len(blocks) == len(addrs), f"{path}: llvm-symbolizer: "
          f"{len(blocks)} answers for {len(addrs)} addresses")
    for (full, a), b in zip(addrs, blocks):
        said = b[1].rsplit(':', 2)[0].encode('utf-8', 'surrogateescape')
        check(said == full, f"{path}: address {a:#x}: llvm-symbolizer says "
              f"{said!r}, the line table {full!r}")
    owner = bytearray(code_size)
    files, units, covered = {}, {}, 0
    for a, b, _, name, off in sorted(ranges):
        n = 0
        for i in range(a, b):
            if not owner[i]:
                owner[i] = 1
                n += 1
        if n:
            files[name] = files.get(name, 0) + n
            units[off] = units.get(off, 0) + n
            covered += n
    return files, units, covered


def sources(ws, path, *args):
    p = subprocess.run([ws, 'sources', '--json', *args, path],
                       capture_output=True)
    check(p.returncode == 0, f"wasmsize sources {path}: exit {p.returncode}: "
          f"{p.stderr.decode(errors='replace')}")
    return json.loads(p.stdout)


def main():
    ws = sys.argv[1]
    for path in sys.argv[2:]:
        start, size, bodies = code_section(path)
        files, units, covered = expected(path, size, bodies)
        check(files, f"{path}: no line information to compare")
        rep = sources(ws, path, '--depth=0')
        got = {f['path'].encode('utf-8', 'surrogateescape'): f['size']
               for f in rep['files']}
        check(len(got) == len(rep['files']), f"{path}: a path twice")
        for name in sorted(set(files) | set(got)):
            check(files.get(name) == got.get(name),
                  f"{path}: {name!r}: wasmsize {got.get(name)} bytes, "
                  f"llvm-dwarfdump {files.get(name)}")
        gunits = {u['offset']: u['size'] for u in rep['units'] if u['size']}
        check(gunits == units, f"{path}: bytes per unit {gunits}, "
              f"llvm-dwarfdump {units}")
        check(rep['line_info'] is True, f"{path}: line_info")
        check(rep['code_size'] == size, f"{path}: code size "
              f"{rep['code_size']}, objdump {size}")
        check(sum(got.values()) == rep['covered'] == covered,
              f"{path}: files add up to {sum(got.values())}, covered "
              f"{rep['covered']}, llvm-dwarfdump {covered}")
        check(rep['covered'] + rep['uncovered'] == rep['code_size'],
              f"{path}: covered + uncovered != code size")
        check(rep['bodies_size'] == sum(b - a for a, b in bodies),
              f"{path}: bodies size {rep['bodies_size']}")
        for args in ([], ['--depth=1'], ['--depth=3']):
            r = sources(ws, path, *args)
            check(sum(g['size'] for g in r['groups']) == covered and
                  sum(g['files'] for g in r['groups']) == len(files),
                  f"{path}: the groups of {args or 'auto'} do not add up")
            for g in r['groups']:
                under = [f for f in got if f.startswith(
                    g['path'].encode('utf-8', 'surrogateescape'))]
                check(g['kind'] == 'directory' or under == [g['path'].encode(
                    'utf-8', 'surrogateescape')], f"{path}: group {g}")
        print(f"{path}: {len(files)} files, {covered} of {size} code bytes "
              f"with line information, {len(units)} units: as llvm-dwarfdump")


main()

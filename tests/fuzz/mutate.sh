#!/bin/sh
# SPDX-License-Identifier: MIT
# mutate.sh - damaged input never crashes, hangs or lies.  For each
# samples/*.wasm and samples/components/*.wasm: its truncations and $WS_MUTATIONS (default 1000) seeded
# single-byte mutations, each through `inspect --json` and `top`.  A run
# must exit 0 with a report (JSON whose items tile the file; text without
# raw control characters; only warnings on stderr) or exit 2 with exactly
# one line "wasmsize: FILE: offset 0xN: ..." (N within the file, no
# "internal error") and nothing on stdout.  Anything else fails: a signal,
# a sanitizer report (exit 99), a hang (killed after 10 s).
#
# Truncations: every prefix length 0 to size-1 for samples of up to 1 KiB
# (the hand-made ones, where every byte is a feature); for larger ones, the
# first 64 lengths, 16 around the start of every section and lengths
# evenly spread, about $WS_TRUNCATIONS in all (default 512; 0: every
# length, for a long run).  Mutations are drawn with a
# Park-Miller generator seeded from $WS_SEED (default 1) and the sample's
# name: the same inputs on every machine.  $WS_JOBS runs in parallel
# (default: the number of CPUs).  The first failing input of each sample
# is kept in the build directory as tests/fuzz/mutate-fail-SAMPLE-INPUT.wasm.
. "$srcdir/tests/lib.sh"
need python3
case $WASMSIZE in /*) ;; *) WASMSIZE=$(pwd)/$WASMSIZE ;; esac
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=99:abort_on_error=0"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:exitcode=99"
export ASAN_OPTIONS UBSAN_OPTIONS
keep=$(pwd)/tests/fuzz
mkdir -p "$keep" || exit 99
rm -f "$keep"/mutate-fail-*.wasm
work=$(mktemp -d) || exit 99
trap 'rm -rf "$work"' EXIT
set -- "$samples"/*.wasm "$samples"/components/*.wasm
[ -e "$1" ] || fail "no samples in $samples"

python3 - "$WASMSIZE" "$work" "$keep" "${WS_SEED:-1}" \
    "${WS_MUTATIONS:-1000}" "${WS_TRUNCATIONS:-512}" "${WS_JOBS:-0}" \
    "$@" <<'PY'
import concurrent.futures, json, os, re, subprocess, sys

wasmsize, work, keep = sys.argv[1:4]
seed, nmut, ntrunc, jobs = map(int, sys.argv[4:8])
samples = sys.argv[8:]
jobs = jobs or os.cpu_count() or 2
COMMANDS = (('inspect', '--json'), ('top',))
# A component's module commands name a module: its first, if it has one.
COMPONENT_COMMANDS = (('inspect', '--json'), ('top', '--module', '0'))
sys.path.insert(0, os.path.join(os.environ['srcdir'], 'tests', 'component'))
from tiling import problems


class ParkMiller:
    """x = 16807 x mod 2^31-1: tiny, and the same in any language."""
    def __init__(self, seed):
        self.x = seed % 2147483647 or 1

    def below(self, n):
        self.x = self.x * 16807 % 2147483647
        return self.x % n


def section_starts(data):
    """Offsets of the section headers, read without wasmsize."""
    at, starts = 8, []
    while at < len(data):
        starts.append(at)
        size, shift, p = 0, 0, at + 1
        while p < len(data) and shift < 35:
            size |= (data[p] & 0x7f) << shift
            shift += 7
            p += 1
            if data[p - 1] < 0x80:
                break
        at = p + size
    return starts


def truncations(data):
    n = len(data)
    if ntrunc == 0 or n <= 1024:
        return list(range(n))
    near = sorted({k for s in section_starts(data)
                   for k in range(max(s - 2, 0), min(s + 14, n))})
    step = -(-len(near) // (ntrunc // 2 or 1))  # components: many sections
    lens = set(range(64)) | set(near[::step or 1])
    spread = max(ntrunc - len(lens), 1)
    lens.update(i * n // spread for i in range(spread))
    return sorted(lens)


def inputs(name, data):
    """(tag, description, (length, at, byte)) of every input made from one
    sample: its first length bytes, with the one at `at` (if not -1) set
    to byte."""
    for n in truncations(data):
        yield f't{n}', f'truncated to {n} bytes', (n, -1, 0)
    x = seed
    for c in name.encode():
        x = (x * 31 + c) % 2147483647
    rng = ParkMiller(x)
    for i in range(nmut if data else 0):
        at = rng.below(len(data))
        val = (data[at] + 1 + rng.below(255)) % 256
        yield (f'm{i}', f'byte {at:#x}: {data[at]:#04x} -> {val:#04x}',
               (len(data), at, val))


def make(data, how):
    n, at, val = how
    return data[:n] if at < 0 else data[:at] + bytes([val]) + data[at + 1:]


def judge(path, size, cmd, rc, out, err):
    """None if the run behaved, else what went wrong."""
    err = err.decode('utf-8', 'replace')
    lines = err.splitlines()
    f = re.escape(path)
    if rc is None:
        return 'hang: killed after 10 s'
    if rc == 99:
        return 'sanitizer report: ' + ' | '.join(lines[:4])
    if rc < 0:
        return f'killed by signal {-rc}'
    if rc == 2:
        if out:
            return f'exit 2, but {len(out)} bytes on stdout'
        if len(lines) != 1 or not err.endswith('\n'):
            return f'exit 2 with {len(lines)} stderr lines: {err[:300]!r}'
        m = re.fullmatch(rf'wasmsize: {f}: offset 0x([0-9a-f]+): (.+)',
                         lines[0])
        if not m and '--module' in cmd and re.fullmatch(
                rf'wasmsize: {f}: --module 0: the component has 0 core '
                'modules', lines[0]):
            return None
        if not m:
            return f'malformed error line: {lines[0]!r}'
        if int(m.group(1), 16) > size:
            return f'offset past the end ({size} bytes): {lines[0]!r}'
        if 'internal error' in m.group(2):
            return lines[0]
        return None
    if rc != 0:
        return f'exit {rc}: {err[:300]!r}'
    for line in lines:
        m = re.fullmatch(rf'wasmsize: {f}: warning: '
                         r'(?:offset 0x([0-9a-f]+): .+|\d+ more warnings)',
                         line)
        if not m:
            return f'exit 0, but stderr has {line!r}'
        if m.group(1) and int(m.group(1), 16) > size:
            return f'warning offset past the end ({size} bytes): {line!r}'
    if not out:
        return 'exit 0 and no report'
    try:
        text = out.decode('utf-8')
    except UnicodeDecodeError as e:
        return f'report is not UTF-8 (byte {e.start})'
    if cmd[-1] == '--json':
        try:
            rep = json.loads(text)
        except ValueError as e:
            return f'invalid JSON: {e}'
        if rep.get('kind') == 'component':
            bad = problems(rep, path)
            return f'component report: {bad[0]}' if bad else None
        at = 0
        for it in rep['items']:
            if it['offset'] != at:
                return f'items do not tile the file: {it} at {at}'
            at += it['size']
        if not at == rep['size'] == size:
            return f'items add up to {at}, size {rep["size"]}, file {size}'
    else:
        bad = [c for c in text if c != '\n' and
               (ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0)]
        if bad:
            return f'raw control characters in the report: {bad[:5]}'
    return None


def run(sample, tag, data):
    """Runs every command on one input; returns the failures."""
    path = os.path.join(work, f'{sample}-{tag}.wasm')
    with open(path, 'wb') as fp:
        fp.write(data)
    size = len(data)
    fails = []
    component = data[4:8] == b'\x0d\x00\x01\x00'
    for cmd in COMPONENT_COMMANDS if component else COMMANDS:
        try:
            p = subprocess.run([wasmsize, *cmd, path], capture_output=True,
                               timeout=10)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired:
            rc, out, err = None, b'', b''
        why = judge(path, size, cmd, rc, out, err)
        if why:
            fails.append(f'{" ".join(cmd)}: {why}')
    os.remove(path)
    return fails


def job(sample, data, tag, how):
    return run(sample, tag, make(data, how))


status = 0
with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
    for s in samples:
        name = os.path.basename(s)[:-len('.wasm')]
        data = open(s, 'rb').read()
        todo = [(tag, desc, pool.submit(job, name, data, tag, how))
                for tag, desc, how in inputs(name, data)]
        nt = sum(tag[0] == 't' for tag, _, _ in todo)
        failed = [(tag, desc, f.result()) for tag, desc, f in todo
                  if f.result()]
        print(f'{name}: {nt} truncations, {len(todo) - nt} mutations, '
              f'{len(todo) * len(COMMANDS)} runs, {len(failed)} failed')
        if not failed:
            continue
        status = 1
        for tag, desc, fails in failed[:10]:
            for why in fails:
                print(f'FAIL: {name} {tag} ({desc}): {why}', file=sys.stderr)
        tag, desc, _ = failed[0]
        d = make(data, next(how for t, _, how in inputs(name, data)
                            if t == tag))
        kept = os.path.join(keep, f'mutate-fail-{name}-{tag}.wasm')
        with open(kept, 'wb') as fp:
            fp.write(d)
        print(f'kept {kept} ({name}.wasm {desc}); reproduce with:\n'
              f'  {wasmsize} inspect --json {kept}', file=sys.stderr)
        if len(d) <= 256:
            print('  bytes: ' + d.hex(), file=sys.stderr)
sys.exit(status)
PY

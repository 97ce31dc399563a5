#!/bin/sh
# SPDX-License-Identifier: MIT
# compressed.sh - `--compressed` on every sample: the gzip size of the
# module equals Python's gzip.compress(data, 9, mtime=0) (zlib's deflate at
# level 9, as wasmsize uses) and is within 3% of GNU `gzip -9n` (another
# deflate); the brotli size equals `brotli -q 11 -c <FILE | wc -c`
# (Debian's brotli reading standard input: given a file name, it picks a
# smaller window for a small file, and can take a byte more); each
# section's figures equal compressing that section's bytes (id, size field
# and payload, spans read from the JSON) on its own; text, JSON, `inspect`
# and `sections` agree.
. "$srcdir/tests/lib.sh"
need python3
need brotli
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0

for f in "$samples"/*.wasm; do
	b=$(basename "$f" .wasm)
	"$WASMSIZE" inspect --compressed --json "$f" >"$tmp/$b.inspect.json" &&
	    "$WASMSIZE" sections --compressed --json "$f" \
	    >"$tmp/$b.sections.json" &&
	    "$WASMSIZE" inspect --compressed --format=text "$f" \
	    >"$tmp/$b.inspect.txt" &&
	    "$WASMSIZE" sections --compressed "$f" >"$tmp/$b.sections.txt" &&
	    "$WASMSIZE" sections --json "$f" >"$tmp/$b.plain.json" ||
	    { echo "FAIL: $b: wasmsize exited $?" >&2; status=1; continue; }
done
[ $status = 0 ] || exit 1

python3 - "$samples" "$tmp" <<'EOF' || status=1
import glob, gzip, json, os, subprocess, sys

samples, tmp = sys.argv[1:3]
BROTLI = ['brotli', '-q', '11', '-c']   # fed on standard input, as below
failed = 0

def fail(msg):
    global failed
    print('FAIL: ' + msg)
    failed += 1

def gz(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))

def br(data):
    return len(subprocess.run(BROTLI, input=data, capture_output=True,
                              check=True).stdout)

def gnu_gzip(data):
    return len(subprocess.run(['gzip', '-9n', '-c'], input=data,
                              capture_output=True, check=True).stdout)

checked = 0
for path in sorted(glob.glob(os.path.join(samples, '*.wasm'))):
    b = os.path.basename(path)[:-5]
    data = open(path, 'rb').read()
    d = json.load(open(os.path.join(tmp, b + '.inspect.json')))
    s = json.load(open(os.path.join(tmp, b + '.sections.json')))
    plain = json.load(open(os.path.join(tmp, b + '.plain.json')))
    want_gz, want_br = gz(data), br(data)
    if d['gzip'] != want_gz:
        fail(f'{b}: gzip {d["gzip"]}, Python gzip module {want_gz}')
    if d['brotli'] != want_br:
        fail(f'{b}: brotli {d["brotli"]}, {" ".join(BROTLI)} {want_br}')
    g = gnu_gzip(data)
    if abs(d['gzip'] - g) * 100 > 3 * g:
        fail(f'{b}: gzip {d["gzip"]} is more than 3% off gzip -9n ({g})')
    if (s['gzip'], s['brotli']) != (d['gzip'], d['brotli']):
        fail(f'{b}: sections --json and inspect --json disagree')
    if 'gzip' in plain or 'brotli' in plain or any(
            'gzip' in x or 'brotli' in x for x in plain['sections']):
        fail(f'{b}: compressed sizes without --compressed')
    line = f'gzip:      {d["gzip"]} bytes; brotli: {d["brotli"]} bytes'
    text = open(os.path.join(tmp, b + '.inspect.txt')).read().split('\n')
    if line not in text:
        fail(f'{b}: inspect text has no line {line!r}')
    rows = open(os.path.join(tmp, b + '.sections.txt')).read().split('\n')
    head = rows[0].split()
    if head[:8] != ['id', 'offset', 'size', 'payload', 'count', 'percent',
                    'gzip', 'brotli']:
        fail(f'{b}: sections --compressed header {head}')
    if s['sections'] != d['sections']:
        fail(f'{b}: sections of sections --json and inspect --json differ')
    for i, sec in enumerate(d['sections']):
        part = data[sec['offset']:sec['offset'] + sec['size']]
        if len(part) != sec['size'] or part[0] != sec['id']:
            fail(f'{b}: section {sec["name"]}: bad span')
            continue
        wg, wb = gz(part), br(part)
        if (sec['gzip'], sec['brotli']) != (wg, wb):
            fail(f'{b}: section {i} {sec["name"]}: gzip {sec["gzip"]} '
                 f'brotli {sec["brotli"]}, want {wg} {wb}')
        cols = rows[i + 1].split()
        if [int(cols[6 if 'count' in sec else 5]),
                int(cols[7 if 'count' in sec else 6])] != [wg, wb]:
            fail(f'{b}: section {i}: text row {rows[i + 1]!r}')
        checked += 1
    # compressed parts do not add up: say so by example
    if len(d['sections']) > 1 and sum(x['gzip'] for x in d['sections']) == d['gzip']:
        fail(f'{b}: per-section gzip sizes add up to the whole (unlikely)')
print(f'{checked} sections checked')
sys.exit(1 if failed else 0)
EOF
exit $status

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# schema.py WASMSIZE SCHEMA SRCDIR TMPDIR - runs every command with --json
# on every sample (advise --measure on one small sample when wasm-opt is
# installed; check and diff on several), each twice: the two outputs must
# be byte-identical, hold integers only, and validate against SCHEMA both
# as a whole (exactly one command's shape matches) and against that
# command's own definition (for a readable error).  A few facts that JSON
# Schema cannot say are checked too (items add up to the size, check counts
# its failures, diff's deltas are new minus old).  Last, reports broken on
# purpose must be rejected, so that the schema is known to be strict.
import copy, glob, json, os, shutil, subprocess, sys

import jsonschema

ws, schema_path, srcdir, tmp = sys.argv[1:5]
samples = os.path.join(srcdir, 'samples')
schema = json.load(open(schema_path))
Validator = jsonschema.Draft202012Validator
Validator.check_schema(schema)
whole = Validator(schema)
failed = []
runs = 0


def fail(msg):
    failed.append(msg)
    print('FAIL: ' + msg)


def own(cmd):
    """A validator for one command's definition."""
    s = dict(schema)
    del s['oneOf']
    s['$ref'] = '#/$defs/' + cmd
    return Validator(s)


own_validators = {c: own(c) for c in schema['$defs']
                  if c in ('inspect', 'sections', 'top', 'dominators', 'paths',
                           'garbage', 'monos', 'advise', 'check', 'diff',
                           'sources')}


def no_float(s):
    raise ValueError(f'a float in JSON: {s}')


def errors(v, doc):
    return sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))


def validate(cmd, doc, what):
    errs = errors(own_validators[cmd], doc)
    for e in errs[:3]:
        fail(f'{what}: {"/".join(map(str, e.absolute_path))}: {e.message[:300]}')
    if not errs and not whole.is_valid(doc):
        e = jsonschema.exceptions.best_match(whole.iter_errors(doc))
        fail(f'{what}: valid as {cmd} but not against the whole schema: '
             f'{e.message[:300]}')
    return not errs


def facts(cmd, doc, what):
    g = doc.get('groups') if cmd in ('top', 'inspect') else None
    if g is not None and (sum(x['size'] for x in g['groups']) != g['code_bytes']
                          or sum(x['functions'] for x in g['groups']) != g['functions']):
        fail(f'{what}: the groups do not add up')
    if cmd == 'sources':
        if doc['covered'] + doc['uncovered'] != doc['code_size']:
            fail(f'{what}: covered + uncovered is not the code size')
        if sum(x['size'] for x in doc['groups']) != doc['covered'] or \
                sum(x['size'] for x in doc['files']) != doc['covered']:
            fail(f'{what}: files or groups do not add up to the covered bytes')
    if cmd == 'inspect':
        if sum(i['size'] for i in doc['items']) != doc['size']:
            fail(f'{what}: item sizes do not add up to the size')
        at = 0
        for i in doc['items']:
            if i['offset'] != at:
                fail(f'{what}: item {i["name"]!r} at {i["offset"]}, not {at}')
                break
            at += i['size']
        if doc['garbage']['bytes'] != sum(i['size'] for i in doc['items']
                                          if i.get('garbage')):
            fail(f'{what}: garbage bytes are not those of the garbage items')
    if cmd == 'check':
        if doc['limits'] != len(doc['checks']):
            fail(f'{what}: limits {doc["limits"]}, {len(doc["checks"])} results')
        if doc['failed'] != sum(c['status'] == 'fail' for c in doc['checks']):
            fail(f'{what}: failed {doc["failed"]} is not the number of failures')
        for c in doc['checks']:
            if c.get('unbounded'):          # no maximum: always fails
                if c['status'] != 'fail':
                    fail(f'{what}: an unbounded memory passed')
                continue
            if c['status'] != 'skip' and (c['status'] == 'pass') != (
                    c['actual'] <= c['allowed']):
                fail(f'{what}: {c["status"]} with {c["actual"]} against '
                     f'{c["allowed"]}')
    if cmd == 'diff':
        if doc['size_delta'] != doc['new_size'] - doc['old_size']:
            fail(f'{what}: size_delta')
        if 'gzip_delta' in doc and doc['gzip_delta'] != doc['new_gzip'] - doc['old_gzip']:
            fail(f'{what}: gzip_delta')
        for d in doc['sections'] + doc['items']:
            if d['delta'] != d.get('new', 0) - d.get('old', 0):
                fail(f'{what}: delta of {d["name"]!r}')
        ds = [abs(d['delta']) for d in doc['items']]
        if ds != sorted(ds, reverse=True):
            fail(f'{what}: items are not largest change first')


def run(cmd, argv, label, cwd=samples, rc_ok=(0,)):
    """Runs wasmsize twice; checks determinism, JSON, schema and facts."""
    global runs
    out = []
    for _ in range(2):
        p = subprocess.run([ws] + argv, cwd=cwd, capture_output=True)
        if p.returncode not in rc_ok:
            fail(f'{label}: wasmsize {" ".join(argv)}: exit {p.returncode}: '
                 f'{p.stderr.decode(errors="replace").strip()}')
            return None
        out.append(p.stdout)
    runs += 1
    what = f'{label} ({" ".join(argv)})'
    if out[0] != out[1]:
        fail(f'{what}: two runs differ')
    try:
        doc = json.loads(out[0], parse_float=no_float,
                         parse_constant=no_float)
    except ValueError as e:
        fail(f'{what}: not JSON: {e}')
        return None
    if validate(cmd, doc, what):
        facts(cmd, doc, what)
    return doc


paths = sorted(glob.glob(os.path.join(samples, '*.wasm')))
budget = os.path.join(srcdir, 'tests', 'cli', 'budget.json')
for path in paths:
    f = os.path.basename(path)
    b = f[:-5]
    rep = run('inspect', ['inspect', '--json', f], b)
    small = os.path.getsize(path) < 200000     # compressing takes time
    if small:
        run('inspect', ['inspect', '--compressed', '--json', f], b)
    run('inspect', ['inspect', '--no-demangle', '--format=json', f], b)
    run('sections', ['sections', '--json', f], b)
    if small:
        run('sections', ['sections', '--compressed', '--json', f], b)
    run('top', ['top', '--json', f], b)
    run('top', ['top', '-n', '0', '--sort=retained', '--json', f], b)
    run('dominators', ['dominators', '--json', f], b)
    run('dominators', ['dominators', '-d', '0', '-r', '0', '--json', f], b)
    run('garbage', ['garbage', '--json', f], b)
    run('garbage', ['garbage', '-a', '--json', f], b)
    run('monos', ['monos', '--json', f], b)
    run('monos', ['monos', '-n', '0', '--json', f], b)
    run('advise', ['advise', '--json', f], b)
    run('sources', ['sources', '--json', f], b)
    run('sources', ['sources', '-d', '0', '--json', f], b)
    run('sources', ['sources', '-d', '2', '--json', f], b)
    run('top', ['top', '-n', '0', '--group-by=crate', '--json', f], b)
    run('top', ['top', '--group-by=namespace', '--json', f], b)
    run('inspect', ['inspect', '--group-by=crate', '--json', f], b)
    funcs = [i for i in (rep or {'items': []})['items']
             if i['kind'] == 'function']
    if funcs:
        item = f'func[{funcs[len(funcs) // 2]["index"]}]'
        run('dominators', ['dominators', '--json', f, item], b)
        run('paths', ['paths', '--json', f, item], b)
        run('paths', ['paths', '--descending', '--json', f, item], b)
        run('paths', ['paths', '--descending', '-d', '0', '-r', '0', '--json',
                      f, item], b)
    elif rep and len(rep['items']) < 200:
        run('paths', ['paths', '--regex', '--json', f, '.'], b)
        run('paths', ['paths', '--regex', '--descending', '--json', f, '.'], b)

    # every limit, including the memory ones, on every sample
    run('check', ['check', '--json', '--max-size=1MB'] +
        (['--max-gzip=1kB', '--max-brotli=1MiB'] if small else []) +
        ['--max-debug=1%', '--max-custom=50%', '--max-garbage=0',
         '--max-panic=0', '--max-section=code=10%',
         '--max-section=name=1MB', '--max-function=main=100B', '--regex',
         '--max-function=.=1kB', '--max-memory-initial=1',
         '--max-memory-maximum=100', f], b, rc_ok=(0, 1))
    # against its own saved report, both ways
    saved = os.path.join(tmp, b + '.json')
    with open(saved, 'wb') as fp:
        fp.write(subprocess.run([ws, 'inspect', '--json', path],
                                capture_output=True).stdout)
    run('diff', ['diff', '--json', f, saved], b)
    run('diff', ['diff', '--json', saved, f], b)

# check: a config, several files, messages, skips
run('check', ['check', '--json', '--config', budget] +
    [os.path.basename(p) for p in paths], 'all', rc_ok=(1,))
run('check', ['check', '--json', '--max-size=1GB', 'names.wasm'], 'pass')
# diff: between builds, with a saved compressed report, growth limits
compressed = os.path.join(tmp, 'hello-c-release.compressed.json')
subprocess.run([ws, 'inspect', '--compressed', '--json', '-o', compressed,
                os.path.join(samples, 'hello-c-release.wasm')], check=True)
for old, new in [('hello-c.wasm', 'hello-c-release.wasm'),
                 ('hello-c-release.wasm', 'hello-c.wasm'),
                 ('rust-debug.wasm', 'rust-release.wasm'),
                 ('names.wasm', 'graph.wasm'), ('gc.wasm', 'eh-new.wasm'),
                 (compressed, 'hello-c.wasm'),
                 (os.path.join(tmp, 'names.json'), 'rust-release.wasm')]:
    run('diff', ['diff', '--json', old, new], 'diff')
run('diff', ['diff', '--json', '--max-growth=1%', 'hello-c-release.wasm',
             'hello-c.wasm'], 'diff', rc_ok=(1,))

# advise --measure: wasm-opt's numbers vary by version, the shape does not
if shutil.which('wasm-opt'):
    doc = run('advise', ['advise', '--measure', '--json', 'names.wasm'],
              'measure')
    if doc is not None and 'reencode' not in doc:
        fail('advise --measure: no reencode')
    if doc is not None and not any('measured' in r
                                   for r in doc['recommendations']):
        fail('advise --measure: nothing measured')
else:
    print('note: wasm-opt is not installed: advise --measure not run')

# --- the schema is strict: reports broken on purpose are rejected ---------
p = subprocess.run([ws, 'inspect', '--json', 'rust-release.wasm'], cwd=samples,
                   capture_output=True, check=True)
good = json.loads(p.stdout)
p = subprocess.run([ws, 'check', '--json', '--max-size=1kB', '--max-section=code=1',
                    'names.wasm'], cwd=samples, capture_output=True)
good_check = json.loads(p.stdout)


def broken(name, doc, change):
    d = copy.deepcopy(doc)
    change(d)
    if whole.is_valid(d):
        fail(f'the schema accepts a report with {name}')


def setitem(path, value):
    def change(d):
        for k in path[:-1]:
            d = d[k]
        d[path[-1]] = value
    return change


def delitem(path):
    def change(d):
        for k in path[:-1]:
            d = d[k]
        del d[path[-1]]
    return change


broken('a float size', good, setitem(['size'], 20711.5))
broken('a negative size', good, setitem(['size'], -1))
broken('a size as a string', good, setitem(['size'], '20711'))
broken('another schema', good, setitem(['schema'], 'wasmsize/2'))
broken('an unknown key', good, setitem(['sizes'], 1))
broken('no items', good, delitem(['items']))
broken('an unknown key in an item', good, setitem(['items', 3, 'color'], 'red'))
broken('an item without retained', good, delitem(['items', 3, 'retained']))
broken('an unknown item kind', good, setitem(['items', 3, 'kind'], 'widget'))
broken('garbage: false', good, setitem(['items', 3, 'garbage'], False))
broken('a section without payload_size', good,
       delitem(['sections', 0, 'payload_size']))
broken('gzip without brotli', good, setitem(['sections', 0, 'gzip'], 10))
broken('findings out of order', good,
       lambda d: d['findings'].reverse())
broken('a missing finding', good, lambda d: d['findings'].pop())
broken('an unknown confidence', good,
       setitem(['recommendations', 0, 'confidence'], 'sure'))
broken('measured without measured_gzip', good,
       setitem(['recommendations', 0, 'measured'], 5))
broken('a check result with a float', good_check,
       setitem(['checks', 0, 'actual'], 1.5))
broken('a negative actual', good_check, setitem(['checks', 0, 'actual'], -1))
broken('a passing check without actual', good_check,
       delitem(['checks', 0, 'actual']))
broken('a section limit without target', good_check,
       delitem(['checks', 1, 'target']))
broken('an unknown status', good_check, setitem(['checks', 0, 'status'], 'ok'))
broken('memory limits in bytes', good_check,
       lambda d: d['checks'][0].update(limit='memory-initial'))

print(f'{runs} reports validated, each run twice')
sys.exit(1 if failed else 0)

#!/bin/sh
# SPDX-License-Identifier: MIT
# shapes.sh - retained sizes, dominators, paths and garbage on
# samples/graph.wasm, worked out by hand.  Function sizes come from
# wasm-objdump -x (body size plus its one-byte size LEB); the other items'
# sizes are counted from the encoding of graph.wat:
#   table $tab      70 00 01            funcref, min 1          3 bytes
#   elem $slot      00 41 00 0b 01 09   table 0, offset 0, [9]  6 bytes
#   global $fref    70 00 d2 0a 0b      funcref const, ref.func 5 bytes
#   export "main"   04 6d 61 69 6e 00 00                        7 bytes
#   type[0]         60 00 00            (func)                  3 bytes
# Every live function has type 0, and all of them hang below main, so main
# also retains the type (the garbage functions' use of it does not count).
. "$srcdir/tests/lib.sh"
need wasm-objdump
need python3
f="$samples/graph.wasm"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
wasm-objdump -x -j Code "$f" >"$tmp/code" || fail "wasm-objdump"
"$WASMSIZE" inspect --json "$f" >"$tmp/inspect.json" || fail "inspect"
"$WASMSIZE" dominators --json -r 0 -d 0 "$f" >"$tmp/dom.json" || fail "dominators"
"$WASMSIZE" paths --json via_table "$f" >/dev/null 2>&1 &&
    fail "paths: ITEM before FILE must not parse as FILE"
"$WASMSIZE" paths --json "$f" via_table >"$tmp/up.json" || fail "paths"
"$WASMSIZE" paths --json --descending "$f" "func[0]" >"$tmp/down.json" ||
    fail "paths --descending"
"$WASMSIZE" garbage --json -a "$f" >"$tmp/garbage.json" || fail "garbage"
python3 - "$tmp" <<'PY'
import json, re, sys
tmp = sys.argv[1]
size = {}
for line in open(f"{tmp}/code"):
    m = re.match(r' - func\[\d+\] size=(\d+) <(\w+)>', line)
    if m:
        size[m[2]] = int(m[1]) + 1          # every body here is < 128 bytes
size.update(tab=3, slot=6, fref=5)
size['type[0]'] = 3
items = json.load(open(f"{tmp}/inspect.json"))['items']
by = {it['name']: it for it in items if it['kind'] in
      ('function', 'table', 'element', 'global', 'type')}
def check(cond, msg):
    if not cond:
        sys.exit(f"FAIL: {msg}")
for n in ('tab', 'slot', 'fref', 'type[0]'):
    check(by[n]['size'] == size[n], f"{n}: size {by[n]['size']}, counted {size[n]}")
export = next(it for it in items if it['kind'] == 'export')
check(export['size'] == 7, f"export main: size {export['size']}")
def kept(name):
    return by[name]['retained']
s = size
expect = {
    # a chain keeps everything below it
    'chain1': s['chain1'] + s['chain2'] + s['chain3'],
    'chain2': s['chain2'] + s['chain3'],
    'chain3': s['chain3'],
    # a diamond: neither side keeps bottom alone
    'left': s['left'], 'right': s['right'], 'bottom': s['bottom'],
    # a cycle: its entry keeps the rest
    'cyc_a': s['cyc_a'] + s['cyc_b'], 'cyc_b': s['cyc_b'],
    # a table keeps its element segment, which keeps the function
    'tab': s['tab'] + s['slot'] + s['via_table'],
    'slot': s['slot'] + s['via_table'],
    'via_table': s['via_table'],
    # a global's initializer keeps the function it names
    'fref': s['fref'] + s['via_global'],
    # garbage: the dead cycle's first function carries the second
    'dead_a': s['dead_a'] + s['dead_b'], 'dead_leaf': s['dead_leaf'],
}
expect['main'] = (s['main'] + expect['chain1'] + s['left'] + s['right'] +
    s['bottom'] + expect['cyc_a'] + expect['tab'] + expect['fref'] +
    s['type[0]'])
for name, want in expect.items():
    check(kept(name) == want, f"{name}: retains {kept(name)}, expected {want}")
check(export['retained'] == 7 + expect['main'],
      f"export main retains {export['retained']}")

# the dominator tree: who is whose immediate dominator
idom = {}
def walk(node, parent):
    idom[node['name']] = parent
    for c in node['dominates']:
        walk(c, node['name'])
walk(json.load(open(f"{tmp}/dom.json"))['dominators'][0], None)
for child, parent in [('bottom', 'main'), ('chain3', 'chain2'),
                      ('via_table', 'slot'), ('slot', 'tab'), ('tab', 'main'),
                      ('via_global', 'fref'), ('fref', 'main'),
                      ('cyc_b', 'cyc_a'), ('dead_b', 'dead_a'),
                      ('type[0]', 'main'),
                      ('dead_a', '(root)'), ('dead_leaf', '(root)')]:
    check(idom.get(child) == parent,
          f"idom({child}) = {idom.get(child)}, expected {parent}")

# why is via_table kept: slot <- tab <- main <- the export "main"
def chain(tree, key):
    names, node = [], tree
    while node:
        names.append((node['kind'], node['name']))
        node = node[key][0] if node[key] else None
    return names
up = json.load(open(f"{tmp}/up.json"))['paths'][0]
check(chain(up, 'referrers') == [('function', 'via_table'), ('element', 'slot'),
      ('table', 'tab'), ('function', 'main'), ('export', 'main')],
      f"paths via_table: {chain(up, 'referrers')}")
down = json.load(open(f"{tmp}/down.json"))['paths'][0]
refs = sorted(c['name'] for c in down['references'])
check(refs == sorted(['chain1', 'left', 'right', 'cyc_a', 'tab', 'type[0]', 'fref']),
      f"paths --descending main: {refs}")

g = json.load(open(f"{tmp}/garbage.json"))
dead = sorted(it['name'] for it in g['items'])
check(dead == ['dead_a', 'dead_b', 'dead_leaf'], f"garbage: {dead}")
check(g['garbage']['bytes'] == s['dead_a'] + s['dead_b'] + s['dead_leaf'],
      f"garbage bytes {g['garbage']['bytes']}")
PY

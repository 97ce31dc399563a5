# SPDX-License-Identifier: MIT
# tiling.py - checks on `wasmsize inspect --json` of a component, shared by
# the component tests: the tree of components flattened, and the proof that
# the components' own items and the core modules tile the file, that each
# module's items tile the module, and that the summary adds up.
import os


def nodes(c):
    """The component and every component nested in it, outermost first."""
    yield c
    for k in c['components']:
        yield from nodes(k)


def modules(rep):
    """Every core module at any depth, by its number."""
    mods = [m for c in nodes(rep) for m in c['modules']]
    return sorted(mods, key=lambda m: m['module'])


def problems(rep, path):
    """What is wrong with the report of the component at path: a list."""
    out = []
    size = os.path.getsize(path)
    comps, mods = list(nodes(rep)), modules(rep)
    if rep['kind'] != 'component' or rep['size'] != size:
        out.append(f"kind {rep['kind']}, size {rep['size']} of {size}")
    if [m['module'] for m in mods] != list(range(len(mods))):
        out.append("modules are not numbered 0..N-1")
    for c in comps:                  # sections tile a component's body
        at = c['offset'] + 8
        for sec in c['sections']:
            if sec['offset'] != at:
                out.append(f"component at {c['offset']}: section at "
                           f"{sec['offset']}, expected {at}")
            at = sec['offset'] + sec['size']
        if at != c['offset'] + c['size']:
            out.append(f"component at {c['offset']}: sections end at {at}")
    for c in comps:                  # imports and exports in their sections
        for kind in ('import', 'export'):
            secs = [x for x in c['sections'] if x['kind'] == kind]
            for e in c[kind + 's']:
                if not any(x['offset'] < e['offset'] and e['offset'] + e['size']
                           <= x['offset'] + x['size'] for x in secs):
                    out.append(f"{kind} {e['name']!r} at {e['offset']} is "
                               f"in no {kind} section")
            if 'undecoded' not in rep and \
                    sum(x.get('count', 0) for x in secs) != len(c[kind + 's']):
                out.append(f"component at {c['offset']}: {len(c[kind + 's'])}"
                           f" {kind}s, its {kind} sections count "
                           f"{sum(x.get('count', 0) for x in secs)}")
    spans = [(i['offset'], i['size']) for c in comps for i in c['items']]
    for m in mods:
        spans.append((m['offset'], m['size']))
        at = m['offset']
        for it in m['items']:
            if it['offset'] != at:
                out.append(f"module {m['module']}: item at {it['offset']}, "
                           f"expected {at}")
            at = it['offset'] + it['size']
        if at != m['offset'] + m['size']:
            out.append(f"module {m['module']}: items end at {at}")
    at = 0
    for off, n in sorted(spans):
        if off != at:
            out.append(f"gap or overlap at {at} (next piece at {off})")
        at = off + n
    if at != size:
        out.append(f"pieces add up to {at}, the file has {size}")
    s = rep['summary']
    own = sum(i['size'] for c in comps for i in c['items'])
    custom = sum(x['size'] for m in mods for x in m['sections']
                 if x['id'] == 0) + sum(i['size'] for c in comps
                                        for i in c['items']
                                        if i['kind'] == 'custom')
    dwarf = sum(x['size'] for m in mods for x in m['sections']
                if x['id'] == 0 and x['name'].startswith('.debug_'))
    want = {'modules': len(mods), 'components': len(comps),
            'module_bytes': sum(m['size'] for m in mods), 'own_bytes': own,
            'adapter_bytes': sum(m['size'] for m in mods if m['adapter']),
            'custom_bytes': custom, 'dwarf_bytes': dwarf}
    for k, v in want.items():
        if s[k] != v:
            out.append(f"summary {k} is {s[k]}, the parts add up to {v}")
    return out

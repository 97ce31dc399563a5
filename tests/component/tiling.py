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


def tiles(pieces, start, end, what):
    """Whether (offset, size) pieces, in order, cover [start, end) once:
    the problems, as a list."""
    out, at = [], start
    for off, n in pieces:
        if off != at:
            out.append(f"{what}: a piece at {off}, expected {at}")
        at = off + n
    if at != end:
        out.append(f"{what}: the pieces end at {at}, expected {end}")
    return out


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
        out += tiles([(x['offset'], x['size']) for x in c['sections']],
                     c['offset'] + 8, c['offset'] + c['size'],
                     f"sections of the component at {c['offset']}")
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
        out += tiles([(i['offset'], i['size']) for i in m['items']],
                     m['offset'], m['offset'] + m['size'],
                     f"items of module {m['module']}")
    out += tiles(sorted(spans), 0, size, "the file")
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

#!/bin/sh
# SPDX-License-Identifier: MIT
# groups.sh - --group-by: function bytes by C++ namespace on hello-cxx.wasm
# and by Rust crate on rust-release.wasm and rust-debug.wasm, where the
# #[no_mangle] functions get their crate from DWARF.  Which function
# belongs to which group is written out here by hand from the sources
# (for rust-debug's functions without a path, checked with llvm-symbolizer
# on their first instruction); the bytes of each function come from
# wasm-objdump -x (body size plus its size field), so every group's size
# and count is checked against wabt, and the groups add up to all
# function bodies.
. "$srcdir/tests/lib.sh"
need python3
need wasm-objdump
need c++filt
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

for s in hello-cxx:namespace rust-release:crate rust-debug:crate; do
	f=${s%%:*} by=${s#*:}
	wasm-objdump -x "$samples/$f.wasm" >"$tmp/$f.objdump" || fail "objdump $f"
	sed -n 's/^ - func\[\([0-9]*\)\] size=\([0-9]*\) <\(.*\)>$/\1 \2 \3/p' \
	    "$tmp/$f.objdump" | c++filt >"$tmp/$f.funcs"
	"$WASMSIZE" top -n 0 --json --group-by=$by "$samples/$f.wasm" \
	    >"$tmp/$f.json" || fail "top --group-by=$by $f"
	"$WASMSIZE" top -n 0 --group-by=$by "$samples/$f.wasm" >"$tmp/$f.txt" ||
	    fail "top --group-by=$by $f (text)"
done
"$WASMSIZE" top --group-by=module "$samples/names.wasm" 2>"$tmp/err" &&
    fail "--group-by=module accepted"
grep -q "unknown grouping 'module' (crate or namespace)" "$tmp/err" ||
    fail "--group-by=module: $(cat "$tmp/err")"
"$WASMSIZE" garbage --group-by=crate "$samples/names.wasm" 2>"$tmp/err" &&
    fail "garbage --group-by accepted"
grep -q "\-\-group-by is for top and inspect" "$tmp/err" || fail "garbage --group-by"

python3 - "$tmp" <<'PY'
import json, sys
import os
sys.path.insert(0, os.path.join(os.environ['srcdir'], 'tests'))
from wasmbytes import leb_len
tmp = sys.argv[1]
bad = []


def objdump_funcs(f):
    """name -> (bytes, count): C++ destructors can share a name."""
    out = {}
    for line in open(f"{tmp}/{f}.funcs"):
        idx, size, name = line.rstrip('\n').split(' ', 2)
        b, n = out.get(name, (0, 0))
        out[name] = (b + int(size) + leb_len(int(size)), n + 1)
    return out

def check(f, groups, rest):
    funcs = objdump_funcs(f)
    rep = json.load(open(f"{tmp}/{f}.json"))['groups']
    got = {g['name']: (g['size'], g['functions']) for g in rep['groups']}
    placed = set()
    for name, members in groups.items():
        missing = [m for m in members if m not in funcs]
        if missing:
            bad.append(f"{f}: {name}: objdump has no {missing}")
        placed.update(members)
        want = (sum(funcs.get(m, (0, 0))[0] for m in members),
                sum(funcs.get(m, (0, 0))[1] for m in members))
        if got.get(name) != want:
            bad.append(f"{f}: group {name}: {got.get(name)}, expected {want}")
    others = [n for n in funcs if n not in placed]
    want = (sum(funcs[n][0] for n in others), sum(funcs[n][1] for n in others))
    if got.get(rest) != want:
        bad.append(f"{f}: group {rest}: {got.get(rest)}, expected {want}")
    if set(got) != set(groups) | {rest}:
        bad.append(f"{f}: groups {sorted(got)}")
    total = sum(b for b, n in funcs.values())
    if rep['code_bytes'] != total:
        bad.append(f"{f}: code bytes {rep['code_bytes']} vs objdump {total}")
    sizes = [g['size'] for g in rep['groups']]
    if sizes != sorted(sizes, reverse=True):
        bad.append(f"{f}: groups not largest first")

# hello.cpp: namespaces geo and text, an anonymous namespace; everything
# else (main, apply<>, total_area, operator delete, wasi-libc) is global
check('hello-cxx', {
    'geo': ['geo::Vec<int>::dot(geo::Vec<int> const&) const',
            'geo::Vec<int>::operator+(geo::Vec<int> const&) const',
            'geo::Vec<double>::dot(geo::Vec<double> const&) const',
            'geo::Vec<double>::operator+(geo::Vec<double> const&) const',
            'geo::Rect::area() const', 'geo::Rect::~Rect()',
            'geo::Shape::~Shape()'],
    'text': ['text::detail::hash(char const*)', 'text::fingerprint(char const*)'],
    '(anonymous namespace)': ['(anonymous namespace)::twice(int)'],
}, '(global)')

# rustlib.rs at opt-level=s: the impls of core's traits on &T, &mut W and
# T are core's; the #[no_mangle] functions (the sample's own, the
# allocator shims, rust_begin_unwind, memcpy) carry no path
names = [l.rstrip('\n').split(' ', 2)[2] for l in open(f"{tmp}/rust-release.funcs")]
nopath = ['__rust_realloc', 'checked_div', 'describe_len', 'digit_value',
          'memcpy', 'mix', 'nth_prime', 'rust_begin_unwind', 'rust_panic']
impls = [n for n in names if n.startswith('<')]
if len(impls) != 11 or not all(' as core::' in n for n in impls):
    bad.append(f"rust-release: impls changed: {impls}")
by_path = lambda c: [n for n in names if n.startswith(c + '::')]
check('rust-release', {
    'core': by_path('core') + impls, 'alloc': by_path('alloc'),
    'std': by_path('std'), 'dlmalloc': by_path('dlmalloc'),
    'compiler_builtins': by_path('compiler_builtins'),
}, '(no crate)')
if sorted(n for n in names if '::' not in n) != nopath:
    bad.append("rust-release: functions without a path changed")
if json.load(open(f"{tmp}/rust-release.json"))['groups']['by_dwarf'] != 0:
    bad.append("rust-release: crates from DWARF, but it has none")

# rust-debug.wasm: the same code with DWARF.  The functions without a
# path go to the crate of their first row's file (the standard library's
# library/CRATE/, Debian's vendor/CRATE/), else of their compile unit
# (rustlib.rs: "rustlib.rs/@/rustlib.HASH-cgu.0"); the allocator shims
# rustc generates have no line information and stay without a crate
names = [l.rstrip('\n').split(' ', 2)[2] for l in open(f"{tmp}/rust-debug.funcs")]
by_path = lambda c: [n for n in names if n.startswith(c + '::')]
# <Type as Trait>: Type's crate (std::, dlmalloc::, core::fmt::Error);
# &T, &mut W and T have none: Trait's, all core here
impl = lambda c: [n for n in names if n.startswith('<' + c + '::')]
generic = [n for n in names if n.startswith(('<&T ', '<&mut W ', '<T '))]
if len(impl('std') + impl('dlmalloc') + impl('core') + generic) != \
        sum(n.startswith('<') for n in names):
    bad.append("rust-debug: impls changed")
check('rust-debug', {
    'core': by_path('core') + impl('core') + generic,
    'alloc': by_path('alloc') + ['__rg_oom'],
    'std': by_path('std') + impl('std') + ['__rdl_alloc', '__rdl_dealloc',
                                           '__rdl_realloc', 'rust_begin_unwind',
                                           'rust_panic', 'rust_oom'],
    'dlmalloc': by_path('dlmalloc') + impl('dlmalloc'),
    'compiler_builtins': by_path('compiler_builtins') + ['memcpy'],
    'panic_abort': ['__rust_start_panic'],
    'rustlib': ['checked_div', 'describe_len', 'digit_value', 'mix', 'nth_prime'],
}, '(no crate)')
if sorted(n for n in names if '::' not in n and n not in (
        '__rust_alloc', '__rust_alloc_error_handler', '__rust_dealloc',
        '__rust_realloc')) != sorted(['__rg_oom', '__rdl_alloc', '__rdl_dealloc',
        '__rdl_realloc', 'rust_begin_unwind', 'rust_panic', 'rust_oom', 'memcpy',
        '__rust_start_panic', 'checked_div', 'describe_len', 'digit_value', 'mix',
        'nth_prime']):
    bad.append("rust-debug: functions without a path changed")
if json.load(open(f"{tmp}/rust-debug.json"))['groups']['by_dwarf'] != 14:
    bad.append("rust-debug: not 14 crates from DWARF")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

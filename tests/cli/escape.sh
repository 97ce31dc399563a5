#!/bin/sh
# SPDX-License-Identifier: MIT
# escape.sh - names from the file cannot reach the terminal raw.  A module
# built here has function names (name section), an import, an export, a
# custom section name and a producers entry holding C0 controls, ESC
# sequences, NUL, DEL, a C1 control, invalid UTF-8, a backslash, a comma and
# a double quote.  Text and CSV outputs must be valid UTF-8 with no control
# character but the newline, and show each bad byte as \xNN; CSV must parse
# with the header's column count; JSON must parse and keep the names' valid
# parts, with U+FFFD where the bytes are not UTF-8.
. "$srcdir/tests/lib.sh"
need python3
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# h FORMAT: the hex of what printf FORMAT prints (octal escapes only)
# shellcheck disable=SC2059
h() { printf "$1" | od -An -v -tx1 | tr -d ' \n'; }
# n HEX: a name or vector: its length (a one-byte LEB128), then it
n() {
	[ ${#1} -lt 256 ] || echo "escape.sh: n: ${#1} hex digits" >&2
	printf '%02x%s' $((${#1} / 2)) "$1"
}
# sec ID HEX: a section
sec() { printf '%02x%s' "$1" "$(n "$2")"; }

f1='esc\033[31mred\033[0m\011tab\012nl'		# ESC sequences, TAB, LF
f2='nul\000del\177c1\302\233end lit\\x1b'	# NUL, DEL, C1 CSI, a '\'
f3='bad\377|\342\202|\300\257|\355\240\200|ok\303\251,"q"'
						# 0xff, a truncated sequence,
						# an overlong '/', a surrogate;
						# then é, a comma, a quote
export='ex\033[2Jport,"x"'			# clear screen; names func 4
custom='cus\033]0;pwned\007tom'			# an OSC title, BEL-terminated
imod='env\015'					# CR
ifield='f\010oo'				# backspace
pname='C\033[5m'				# producers: language, blink
pver='1\0122'					# LF in a version

{
	printf '0061736d01000000'
	sec 1 "01600000"				# type 0: () -> ()
	sec 2 "01$(n "$(h "$imod")")$(n "$(h "$ifield")")0000"
							# func 0, imported
	sec 3 "0400000000"				# funcs 1-4: type 0
	sec 7 "01$(n "$(h "$export")")0004"		# export func 4
	body="00$(printf '%040d' 0 | sed 's/00/01/g')0b"	# 20 nops, end
	sec 10 "04$(n "$body")$(n "$body")$(n "$body")$(n "$body")"
							# 4 bodies, large enough
							# to be in inspect's top 10
	sec 0 "$(n "$(h name)")01$(n "03$(
	    printf '01%s' "$(n "$(h "$f1")")")$(
	    printf '02%s' "$(n "$(h "$f2")")")$(
	    printf '03%s' "$(n "$(h "$f3")")")")"	# names of funcs 1-3
	sec 0 "$(n "$(h "$custom")")00"
	sec 0 "$(n "$(h producers)")01$(n "$(h language)")01$(
	    n "$(h "$pname")")$(n "$(h "$pver")")"
} | tr -d ' ' >"$tmp/m.hex"
awk '
function nib(i) { return index("0123456789abcdef", substr($0, i, 1)) - 1 }
{ for (i = 1; i < length($0); i += 2) printf "\\%03o", 16 * nib(i) + nib(i + 1) }
' "$tmp/m.hex" >"$tmp/m.fmt"
# shellcheck disable=SC2059
printf "$(cat "$tmp/m.fmt")" >"$tmp/m.wasm"
# a file name with an ESC sequence too (inspect prints it)
fname=$(printf 'm\033[7m.wasm')
cp "$tmp/m.wasm" "$tmp/$fname"

cd "$tmp" || exit 99
for cmd in inspect sections top; do
	for fmt in text csv json; do
		"$WASMSIZE" "$cmd" --format="$fmt" -n 0 "$fname" \
		    >"$cmd.$fmt" 2>"$cmd.$fmt.err" ||
		    fail "wasmsize $cmd --format=$fmt: exit $?: $(cat "$cmd.$fmt.err")"
		[ -s "$cmd.$fmt.err" ] &&
		    fail "wasmsize $cmd --format=$fmt: stderr: $(cat "$cmd.$fmt.err")"
	done
done

python3 - "$fname" "$f1" "$f2" "$f3" "$export" "$custom" "$imod" "$ifield" \
    "$pname" "$pver" <<'PY'
import csv, io, json, re, sys

def raw(fmt):
    """What printf FORMAT prints, as bytes (octal and \\\\ escapes only)."""
    return re.sub(rb'\\([0-7]{1,3}|\\)', lambda m: b'\\' if m.group(1) ==
                  b'\\' else bytes([int(m.group(1), 8)]),
                  fmt.encode('utf-8', 'surrogateescape'))

fname = sys.argv[1].encode('utf-8', 'surrogateescape')
f1, f2, f3, export, custom, imod, ifield, pname, pver = map(raw, sys.argv[2:])
fails = []

def check(ok, what):
    if not ok:
        fails.append(what)

# How each name must look in text and CSV: every byte that is not part of a
# printable UTF-8 character as \xNN, a backslash doubled.
esc = {
    f1: r'esc\x1b[31mred\x1b[0m\x09tab\x0anl',
    f2: r'nul\x00del\x7fc1\xc2\x9bend lit\\x1b',
    f3: r'bad\xff|\xe2\x82|\xc0\xaf|\xed\xa0\x80|ok' + '\u00e9,"q"',
    export: r'ex\x1b[2Jport,"x"',
    custom: r'cus\x1b]0;pwned\x07tom',
}
import_name = r'env\x0d.f\x08oo'
func4 = 'func[4] (export ' + esc[export] + ')'

for cmd in ('inspect', 'sections', 'top'):
    for fmt in ('text', 'csv'):
        out = open(f'{cmd}.{fmt}', 'rb').read()
        what = f'{cmd} --format={fmt}'
        try:
            text = out.decode('utf-8')
        except UnicodeDecodeError as e:
            fails.append(f'{what}: invalid UTF-8 at byte {e.start}')
            continue
        bad = [f'U+{ord(c):04X}' for c in text if c != '\n' and
               (ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 or
                c in '\u2028\u2029')]
        check(not bad, f'{what}: raw control characters {bad[:5]}')
        want = [esc[custom]]			# a section and an item
        if cmd != 'sections':			# the four functions
            want += [esc[f1], esc[f2], esc[f3], func4]
        if cmd == 'top' or fmt == 'csv' and cmd == 'inspect':
            want += [esc[export], import_name]	# every item
        if fmt == 'text':
            if cmd == 'inspect':
                want += [r'file:      m\x1b[7m.wasm',
                         r'language: C\x1b[5m 1\x0a2']
            for w in want:
                check(w in text, f'{what}: lacks {w!r}')
            continue
        rows = list(csv.reader(io.StringIO(text, newline='')))
        ncols = {'inspect': 6, 'sections': 7, 'top': 5}[cmd]
        check(rows and len(rows[0]) == ncols,
              f'{what}: header {rows[:1]}, expected {ncols} columns')
        for r in rows:
            check(len(r) == len(rows[0]), f'{what}: row {r}')
        names = {r[-1] for r in rows[1:]}
        for w in want:
            check(w in names, f'{what}: no row named {w!r}')

# JSON: what is UTF-8 comes through as is; each bad byte is U+FFFD.
def valid_parts(b):
    return [p for p in b.decode('utf-8', 'replace').split('\ufffd') if p]

for cmd in ('inspect', 'sections', 'top'):
    what = f'{cmd} --json'
    try:
        rep = json.load(open(f'{cmd}.json', encoding='utf-8'))
    except ValueError as e:
        fails.append(f'{what}: {e}')
        continue
    check(rep['file'] == sys.argv[1], f'{what}: file {rep["file"]!r}')
    if cmd != 'top':
        secs = [s['name'] for s in rep['sections']]
        check(custom.decode() in secs, f'{what}: sections {secs}')
    if cmd == 'sections':
        continue
    items = {(it['kind'], it.get('index')): it for it in rep['items']}
    for idx, b in ((1, f1), (2, f2)):
        name = items[('function', idx)]['name']
        check(name == b.decode(), f'{what}: func {idx} is {name!r}')
    name = items[('function', 3)]['name']
    check([p for p in name.split('\ufffd') if p] == valid_parts(f3) and
          name.count('\ufffd') >= 4, f'{what}: func 3 is {name!r}')
    name = items[('function', 4)]['name']
    check(name == f'func[4] (export {export.decode()})',
          f'{what}: func 4 is {name!r}')
    name = items[('export', 0)]['name']
    check(name == export.decode(), f'{what}: export is {name!r}')
    imp = [it['name'] for it in rep['items'] if it['kind'] == 'import']
    check(imp == [(imod + b'.' + ifield).decode()], f'{what}: import {imp}')
    cus = [it['name'] for it in rep['items'] if it['kind'] == 'custom']
    check(custom.decode() in cus, f'{what}: custom items {cus}')
    if cmd == 'inspect':
        p = rep['producers']
        check(p == [{'field': 'language', 'name': pname.decode(),
                     'version': pver.decode()}], f'{what}: producers {p}')

for f in fails:
    print('FAIL:', f, file=sys.stderr)
sys.exit(1 if fails else 0)
PY

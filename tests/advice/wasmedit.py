#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# wasmedit.py - the few binary edits the advice tests need, written from
# the spec without wasmsize: list the sections of a module, and snip
# functions (replace their bodies with `unreachable`).
import sys

def leb(b, i):
    v = s = 0
    while True:
        x = b[i]; i += 1
        v |= (x & 0x7f) << s; s += 7
        if x < 0x80:
            return v, i

def enc(v):
    out = bytearray()
    while True:
        x = v & 0x7f; v >>= 7
        out.append(x | (0x80 if v else 0))
        if not v:
            return bytes(out)

def sections(b):
    """[(id, start of the id byte, start of payload, end)]"""
    i, out = 8, []
    while i < len(b):
        start, sid = i, b[i]
        size, i = leb(b, i + 1)
        out.append((sid, start, i, i + size))
        i += size
    return out

def func_imports(b):
    n = 0
    for sid, _, p, end in sections(b):
        if sid != 2:
            continue
        count, i = leb(b, p)
        for _ in range(count):
            for _ in range(2):                      # module, field
                ln, i = leb(b, i); i += ln
            kind = b[i]; i += 1
            if kind == 0:
                _, i = leb(b, i); n += 1
            elif kind == 1:                         # table: reftype limits
                i = skip_reftype(b, i); i = skip_limits(b, i)
            elif kind == 2:
                i = skip_limits(b, i)
            elif kind == 3:                         # global: valtype mut
                i = skip_reftype(b, i); i += 1
            elif kind == 4:
                i += 1; _, i = leb(b, i)
    return n

def skip_reftype(b, i):
    if b[i] in (0x63, 0x64):
        _, i = leb(b, i + 1)      # heap type as an s33 (its bytes only)
        return i
    return i + 1

def skip_limits(b, i):
    flags = b[i]; i += 1
    _, i = leb(b, i)
    if flags & 1:
        _, i = leb(b, i)
    return i

def snip(b, funcs):
    """b with the bodies of the given function indices made `unreachable`."""
    nimp = func_imports(b)
    out = bytearray(b[:8])
    for sid, start, p, end in sections(b):
        if sid != 10:
            out += b[start:end]
            continue
        count, i = leb(b, p)
        body = bytearray(enc(count))
        for k in range(count):
            size, j = leb(b, i)
            if nimp + k in funcs:
                body += enc(3) + b'\x00\x00\x0b'   # no locals, unreachable, end
            else:
                body += b[i:j + size]
            i = j + size
        out += bytes([10]) + enc(len(body)) + body
    return bytes(out)

if __name__ == '__main__':
    src, dst = sys.argv[1], sys.argv[2]
    funcs = {int(x) for x in sys.argv[3:]}
    open(dst, 'wb').write(snip(open(src, 'rb').read(), funcs))

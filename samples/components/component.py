#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# component.py - builds sample.wasm, a small WebAssembly component in the
# component model's binary format (Binary.md), from other samples:
#   preamble            00 61 73 6d 0d 00 01 00 (version 0x0d, layer 1)
#   core module         names.wasm
#   core module         table.wasm
#   component           a nested component holding graph.wasm
#   custom              "component-name": the component's name, "sample",
#                       and names for core modules 0 and 1: "main" and
#                       "wit-component:adapter:wasi_snapshot_preview1"
#                       (the name wit-component gives an adapter)
# The core module sections hold the modules byte for byte, so
# `wasmsize extract --module N` must give back names.wasm, table.wasm and
# graph.wasm.  Run from samples/components/ (build.sh does).
import sys

def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7f
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)

def section(sid, payload):
    return bytes([sid]) + leb(len(payload)) + payload

def name(s):
    return leb(len(s)) + s

PREAMBLE = b'\0asm\x0d\x00\x01\x00'
modules = [open('../' + f, 'rb').read() for f in ('names.wasm', 'table.wasm', 'graph.wasm')]
inner = PREAMBLE + section(1, modules[2])
# component-name: subsection 0 (the component's own name), subsection 1
# (names by sort: 0x00 0x11 is core module)
own = name(b'sample')
adapter = b'wit-component:adapter:wasi_snapshot_preview1'
sorts = (bytes([0x00, 0x11]) + leb(2) + leb(0) + name(b'main') + leb(1) +
         name(adapter))
cname = section(0, name(b'component-name') + bytes([0]) + leb(len(own)) +
                own + bytes([1]) + leb(len(sorts)) + sorts)
outer = (PREAMBLE + section(1, modules[0]) + section(1, modules[1]) +
         section(4, inner) + cname)
open(sys.argv[1] if len(sys.argv) > 1 else 'sample.wasm', 'wb').write(outer)

#!/bin/sh
# SPDX-License-Identifier: MIT
# by.sh - the module listed other ways: `inspect --group-by=crate` opens
# rust-release.wasm by crate (the crates largest first, each opening onto
# its functions); v goes on to namespaces, then sections; on hello-c.wasm
# v first lists the code by source file from its DWARF.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

run 80 24 "$ws inspect --group-by=crate rust-release.wasm"
expect by-crate 'by crate\]'
keys l
expect by-crate-dlmalloc 'dlmalloc::dlmalloc::Dlmalloc<A>::malloc'
keys v
expect by-namespace 'by namespace\]'
keys v
expect by-section 'shallow; size\]'
alive
run 80 24 "$ws inspect hello-c.wasm"
wait_for 'gzip'
keys v
expect by-source 'vfprintf.c'
alive
exit 0

#!/bin/sh
# SPDX-License-Identifier: MIT
# component.sh - a component on a terminal: samples/components/sample.wasm
# shows its core modules at the top (named from component-name, the
# adapter among them), a module opens onto its own tree, h comes back to
# the modules with the cursor where it was; advice waits for a module.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/lib.sh"

run 80 24 "$ws inspect components/sample.wasm"
expect component 'gzip'
keys j j l
expect component-graph '/ graph'
keys h a
expect component-back '3 core modules'
alive
keys q
exit 0

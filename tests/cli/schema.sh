#!/bin/sh
# SPDX-License-Identifier: MIT
# schema.sh - the JSON of every command, on every sample, validates against
# schema/wasmsize-1.schema.json (with python3-jsonschema) and is
# deterministic: the same command run twice prints byte-identical JSON.
# The work is in schema.py.
. "$srcdir/tests/lib.sh"
need python3
python3 -c 'import jsonschema' 2>/dev/null ||
    skip "python3-jsonschema is not installed"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
case $WASMSIZE in /*) ;; *) WASMSIZE=$(pwd)/$WASMSIZE ;; esac
unset GITHUB_ACTIONS
python3 "$srcdir/tests/cli/schema.py" "$WASMSIZE" \
    "$srcdir/schema/wasmsize-1.schema.json" "$srcdir" "$tmp"

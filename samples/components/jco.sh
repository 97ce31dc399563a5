#!/bin/sh
# SPDX-License-Identifier: MIT
# jco.sh - rebuilds the components made by jco (the Bytecode Alliance's
# JavaScript component toolchain, which ships the WASI preview 1 adapters)
# from the C and Rust samples one directory up:
#   hello-c.component.wasm        hello-c-release.wasm + the command adapter
#   hello-c-debug.component.wasm  hello-c.wasm (with DWARF) + the command adapter
#   rust.component.wasm           rust-release.wasm as a reactor
# and next to each, NAME.wit: its world as `jco wit` prints it, and
# NAME.forms.json: its top-level forms as `jco print` prints them,
# counted by tests/component/wat_forms.py.
# jco is installed at a pinned version into a temporary directory; the
# outputs are committed, so tests never need npm.  Run it when a source
# sample changes, and commit what it writes.
#
# Usage: samples/components/jco.sh   (needs node and npm, reaches the npm
# registry).  Exit status: 0 built, 2 a tool failed.
set -eu
JCO_VERSION=1.35.0
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
die() { echo "jco.sh: $*" >&2; exit 2; }

(cd "$tmp" && npm install --silent --no-audit --no-fund \
    "@bytecodealliance/jco@$JCO_VERSION" >/dev/null 2>&1) ||
    die "cannot install @bytecodealliance/jco@$JCO_VERSION"
jco="$tmp/node_modules/.bin/jco"

new() {	# new OUT CORE FLAGS...
	out=$1 core=$2
	shift 2
	echo "  JCO   $out"
	"$jco" new "../$core" "$@" -o "$tmp/$out" >/dev/null || die "jco new $core failed"
	mv "$tmp/$out" "$out"
	# its world, as jco reads it: what tests compare imports and exports with
	"$jco" wit "$out" >"${out%.wasm}.wit" || die "jco wit $out failed"
	# its top-level forms, counted in jco's text format: the section
	# entry counts tests compare with
	"$jco" print "$out" -o "$tmp/print.wat" >/dev/null || die "jco print $out failed"
	python3 ../../tests/component/wat_forms.py "$tmp/print.wat" \
	    >"${out%.wasm}.forms.json" || die "counting the forms of $out failed"
}
new hello-c.component.wasm hello-c-release.wasm --wasi-command
new hello-c-debug.component.wasm hello-c.wasm --wasi-command
new rust.component.wasm rust-release.wasm --wasi-reactor

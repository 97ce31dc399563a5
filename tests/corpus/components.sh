#!/bin/sh
# SPDX-License-Identifier: MIT
# components.sh DIR - builds the component corpus in DIR (all.sh uses
# $WASMSIZE_CORPUS/components, apart from the core modules):
#   hello-js.component.wasm   js/app.js wrapped by componentize-js (the
#                             StarlingMonkey JS engine, ~12 MB), like the
#                             tools JS MCP servers run
#   hello-qjs.component.wasm, hello-qjs-sync.component.wasm
#                             the same with componentize-qjs (QuickJS,
#                             ~1.5 MB: eight core modules in four
#                             components, composed), async and --sync
#                             --opt-size
#   (their bytes differ from build to build: each is built once and kept)
#   transpiled/NAME/          for it and every samples/components/*.component
#                             .wasm: the core modules `jco transpile` writes
#                             out, an independent extraction the tests
#                             compare `wasmsize extract` with, and
#                             world.wit, its imports and exports as jco
#                             reads them, and forms.json, its top-level
#                             forms as `jco print` prints them, counted
# Pinned jco and componentize-js come from the npm registry into a
# temporary directory.  Needs node and npm.  Nothing built is committed.
set -eu
JCO=1.35.0 CJS=0.23.0 QJS=0.4.5
dir=${1:?usage: components.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
samples=$(cd "$here/../../samples/components" && pwd)
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
die() { echo "components.sh: $*" >&2; exit 1; }

(cd "$work" && npm install --silent --no-audit --no-fund \
    "@bytecodealliance/jco@$JCO" "@bytecodealliance/componentize-js@$CJS" \
    "componentize-qjs@$QJS" >/dev/null 2>&1) ||
    die "cannot install jco $JCO, componentize-js $CJS, componentize-qjs $QJS"
export NODE_PATH="$work/node_modules"

js="$dir/hello-js.component.wasm"
if [ ! -s "$js" ]; then
	cp -r "$here/js" "$work/js"
	ln -s "$work/node_modules" "$work/js/node_modules"
	(cd "$work/js" && node build.mjs "$work/hello-js.wasm" >/dev/null) ||
	    die "componentize-js failed"
	mv "$work/hello-js.wasm" "$js"
fi

qjs() {	# qjs NAME FLAGS...: app.js through componentize-qjs
	out="$dir/$1.component.wasm"
	shift
	[ -s "$out" ] && return 0
	"$work/node_modules/.bin/componentize-qjs" -w "$here/js/wit" \
	    -j "$here/js/app.js" -o "$work/qjs.wasm" "$@" >/dev/null 2>&1 ||
	    die "componentize-qjs $* failed"
	mv "$work/qjs.wasm" "$out"
}
qjs hello-qjs
qjs hello-qjs-sync --sync --opt-size

for c in "$dir"/*.component.wasm "$samples"/*.component.wasm; do
	name=$(basename "$c" .wasm)
	out="$dir/transpiled/$name"
	[ -f "$out/.done" ] && [ -f "$out/forms.json" ] &&
	    [ "$out/.done" -nt "$c" ] && continue
	rm -rf "$out"
	mkdir -p "$out"
	"$work/node_modules/.bin/jco" transpile "$c" --name core -o "$work/t" \
	    >/dev/null 2>&1 || die "jco transpile $name failed"
	mv "$work/t"/*.wasm "$out/"
	"$work/node_modules/.bin/jco" wit "$c" >"$out/world.wit" ||
	    die "jco wit $name failed"
	"$work/node_modules/.bin/jco" print "$c" -o "$work/print.wat" \
	    >/dev/null 2>&1 || die "jco print $name failed"
	python3 "$here/../component/wat_forms.py" "$work/print.wat" \
	    >"$out/forms.json" || die "counting the forms of $name failed"
	rm -f "$work/print.wat"
	rm -rf "$work/t"
	touch "$out/.done"
done

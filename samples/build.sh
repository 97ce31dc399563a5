#!/bin/sh
# SPDX-License-Identifier: MIT
# build.sh: rebuild every samples/*.wasm from its source (.wat, .hex, .c, .rs),
# then check each result.  The .wasm files are committed: tests pin their
# bytes, so rerun this only when a source changes, and commit what it writes.
#
# Usage: samples/build.sh [-n]	(-n: check the committed files, build nothing)
#
# Needs Debian's wabt (wat2wasm, wasm-validate, wasm-objdump, wasm-strip),
# xxd, clang + lld + wasi-libc + libclang-rt-14-dev-wasm32, and rustc with
# libstd-rust-dev-wasm32.  The bytes were pinned with wabt 1.0.32, clang 14.0.6
# and rustc 1.63.0; other versions build valid but different files.
# Exit status: 0 built and checked, 1 a check failed, 2 a tool or source failed.

set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")"
here=$(pwd)

# Rust is built with Debian's rustc, never a rustup one that may come first
# in PATH; override with RUSTC=... at your own risk.
RUSTC=${RUSTC:-/usr/bin/rustc}
CLANG=${CLANG:-clang}

die() { echo "build.sh: $*" >&2; exit 2; }
for tool in wat2wasm wasm-validate wasm-objdump wasm-strip xxd "$CLANG" "$RUSTC"; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool not found"
done
v=$(wat2wasm --version)
[ "$v" = 1.0.32 ] || echo "build.sh: note: wat2wasm $v, not 1.0.32: outputs may differ" >&2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

# wat NAME FLAGS...: NAME.wat -> NAME.wasm.  --debug-names keeps every $name
# in the name section; each sample enables only the features it uses.
wat() {
	name=$1; shift
	echo "  WAT   $name.wasm"
	wat2wasm "$@" "$name.wat" -o "$name.wasm" || die "wat2wasm $name.wat failed"
}

# hex NAME: NAME.hex -> NAME.wasm; '#' starts a comment, the rest is hex digits.
hex() {
	echo "  HEX   $1.wasm"
	sed 's/#.*//' "$1.hex" | xxd -r -p > "$tmp/$1.wasm" || die "xxd $1.hex failed"
	mv "$tmp/$1.wasm" "$1.wasm"
}

build() {
	wat names		--debug-names
	wat table		--debug-names
	wat graph		--debug-names
	wat dups		--debug-names
	wat features		--debug-names --enable-all
	wat wabt-tag-names	--debug-names --enable-exceptions

	hex gc
	hex hostile
	hex eh-new
	echo "  PY    components/sample.wasm"
	(cd components && python3 component.py sample.wasm) ||
	    die "component.py failed"

	# C: compile and link in two steps.  Given -O at link time, clang 14
	# runs any wasm-opt found in PATH over the output, which would tie the
	# bytes to the installed binaryen.  -fdebug-prefix-map keeps this
	# directory out of DW_AT_comp_dir.
	cflags="--target=wasm32-wasi -Wall -Wextra"
	echo "  CC    hello-c.wasm"
	# shellcheck disable=SC2086
	"$CLANG" $cflags -O0 -g -fdebug-prefix-map="$here"=. -c hello.c -o "$tmp/hello-debug.o" ||
	    die "clang hello.c failed"
	"$CLANG" --target=wasm32-wasi "$tmp/hello-debug.o" -o hello-c.wasm || die "link hello-c.wasm failed"
	echo "  CC    hello-c-release.wasm"
	# shellcheck disable=SC2086
	"$CLANG" $cflags -O2 -c hello.c -o "$tmp/hello-release.o" || die "clang hello.c failed"
	# wasi-libc.a carries DWARF of its own: --strip-debug drops every
	# .debug_* section but keeps "name" and "producers".
	"$CLANG" --target=wasm32-wasi "$tmp/hello-release.o" -Wl,--strip-debug \
	    -o hello-c-release.wasm || die "link hello-c-release.wasm failed"
	# C++ without libc++ (Debian has none for WASI): namespaces, templates
	# and operators for --group-by=namespace; names kept, DWARF dropped.
	echo "  CXX   hello-cxx.wasm"
	"$CLANG" --target=wasm32-wasi -O1 -fno-exceptions -fno-rtti -nostdlib++ \
	    -fdebug-prefix-map="$here"=. -c hello.cpp -o "$tmp/hello-cxx.o" ||
	    die "clang hello.cpp failed"
	"$CLANG" --target=wasm32-wasi -nostdlib++ "$tmp/hello-cxx.o" -Wl,--strip-debug \
	    -o hello-cxx.wasm || die "link hello-cxx.wasm failed"
	echo "  STRIP hello-c-stripped.wasm"
	wasm-strip hello-c-release.wasm -o hello-c-stripped.wasm || die "wasm-strip failed"

	# Rust: Debian's libstd rlibs carry full DWARF, and wasm-ld keeps the
	# DWARF of every object it pulls in, so a plain -C opt-level=0 -g build
	# is about 6 MB.  The debug sample therefore uses fat LTO at opt-level 1,
	# which drops dead std code before DWARF is written, with the debug
	# profile's overflow checks and debug assertions forced on.
	# codegen-units=1: with several units, fat LTO merges them in the order
	# the codegen threads finish, and the output changes from run to run.
	rflags="--target wasm32-unknown-unknown --crate-type cdylib -C codegen-units=1"
	rflags="$rflags --remap-path-prefix=$here=."
	echo "  RUSTC rust-debug.wasm"
	# shellcheck disable=SC2086
	"$RUSTC" $rflags -C opt-level=1 -C debuginfo=1 -C lto=fat \
	    -C overflow-checks=on -C debug-assertions=on \
	    rustlib.rs -o "$tmp/rust-debug.wasm" || die "rustc rust-debug failed"
	mv "$tmp/rust-debug.wasm" rust-debug.wasm
	echo "  RUSTC rust-release.wasm"
	# strip=debuginfo is wasm-ld --strip-debug: DWARF goes, "name" stays.
	# shellcheck disable=SC2086
	"$RUSTC" $rflags -C opt-level=s -C lto=fat -C strip=debuginfo \
	    rustlib.rs -o "$tmp/rust-release.wasm" || die "rustc rust-release failed"
	mv "$tmp/rust-release.wasm" rust-release.wasm
}

# Every sample must list its sections with wasm-objdump -h and validate with
# wabt, except the Wasm 3.0 ones that wabt 1.0.32 cannot decode (gc, eh-new:
# checked with binaryen 132 and wasm-tools, see README.md): for those,
# wasm-objdump -h still lists every section, then exits 1 on the contents.
# hostile.wasm's name section holds invalid UTF-8 on purpose: a malformed
# custom section does not make a module invalid, but wabt needs telling.
# graph.wasm has ref.func in a global initializer, which the spec counts
# as a declaration but wasm-validate 1.0.32 does not: wabt decodes it,
# binaryen validates it (tests/oracle/graph.sh runs wasm-opt on it).
check() {
	status=0
	for f in *.wasm; do
		vflags=
		case $f in
		gc.wasm | eh-new.wasm) wabt=no ;;
		hostile.wasm) wabt=yes vflags=--ignore-custom-section-errors ;;
		graph.wasm) wabt=decode ;;	# see below
		*) wabt=yes ;;
		esac
		if ! wasm-objdump -h "$f" > "$tmp/objdump" 2>/dev/null && [ $wabt != no ]; then
			echo "build.sh: $f: wasm-objdump -h failed" >&2
			status=1
		fi
		if ! grep -q ' start=0x' "$tmp/objdump"; then
			echo "build.sh: $f: wasm-objdump -h lists no section" >&2
			status=1
		fi
		# shellcheck disable=SC2086
		if [ $wabt = yes ] && ! wasm-validate --enable-all $vflags "$f"; then
			echo "build.sh: $f: wasm-validate failed" >&2
			status=1
		fi
	done
	return $status
}

case ${1-} in
-n) ;;
"") build; chmod 644 ./*.wasm ;;
*) echo "usage: samples/build.sh [-n]" >&2; exit 2 ;;
esac
check || exit 1
for f in *.wasm; do
	printf '  %-24s %7d bytes\n' "$f" "$(wc -c < "$f")"
done

#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh [SECONDS [LIBFUZZER-ARGS...]] - builds tests/fuzz/parse_fuzz (the
# libFuzzer target, with ASan and UBSan) from the library's sources as
# Makefile.am lists them, seeds a corpus with samples/*.wasm and the
# tests/bad cases, and fuzzes for SECONDS (default 60).  Exit status: 0
# nothing found; 1 a finding, kept as tests/fuzz/crash-* (or leak-*,
# timeout-*, oom-*) and printed in hex; 2 the target does not build; 77 no
# clang.  Writes only under tests/fuzz/ (and a temporary corpus, unless
# FUZZ_CORPUS names a directory to keep between runs).  To replay a
# finding: tests/fuzz/parse_fuzz tests/fuzz/crash-...
set -u
secs=${1:-60}
[ $# -gt 0 ] && shift
top=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
out=$top/tests/fuzz
cc=${FUZZ_CC:-clang}
command -v "$cc" >/dev/null 2>&1 || { echo "SKIP: no $cc" >&2; exit 77; }

# everything but main.c: the sources of libwasmsize.a
srcs=$(sed -n '/^libwasmsize_a_SOURCES *=/,/[^\\]$/p' "$top/Makefile.am" |
    tr ' \t\\' '\n\n\n' | sed -n "s|^src/.*\\.c\$|$top/&|p")
[ -n "$srcs" ] || { echo "run.sh: no sources in Makefile.am" >&2; exit 2; }
# the libraries configure.ac looks for: PKG_CHECK_MODULES and AC_SEARCH_LIBS
pkgs=$(sed -n 's/^PKG_CHECK_MODULES(\[[A-Z_]*\], *\[\([^] >=]*\).*/\1/p' \
    "$top/configure.ac")
libs=$(sed -n 's/^AC_SEARCH_LIBS(\[[^]]*\], *\[\([^]]*\)\].*/\1/p' \
    "$top/configure.ac" | sed 's/[^ ][^ ]*/-l&/g')
# shellcheck disable=SC2086
flags=$(pkg-config --cflags --libs $pkgs 2>/dev/null) ||
    flags=$(echo "$pkgs" | sed 's/[^ ][^ ]*/-l&/g')
# shellcheck disable=SC2086
"$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer -std=c11 -D_POSIX_C_SOURCE=200809L \
    -Wall -Wextra -Werror -I"$top/src" -I"$top" \
    -o "$out/parse_fuzz" "$out/parse_fuzz.c" $srcs $flags $libs ||
    { echo "run.sh: cannot build the fuzz target" >&2; exit 2; }

work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
corpus=${FUZZ_CORPUS:-$work/corpus}
mkdir -p "$corpus" || exit 2
cp "$top"/samples/*.wasm "$top"/samples/components/*.wasm "$corpus"/ 2>/dev/null
for h in "$top"/tests/bad/*.hex; do	# xxd -r -p, in awk
	[ -f "$h" ] || continue
	n=${h##*/}
	# shellcheck disable=SC2059
	printf "$(tr -dc '0-9a-fA-F' <"$h" | awk '
	function nib(i) { return index("0123456789abcdef", substr(h, i, 1)) - 1 }
	{
		h = tolower($0)
		for (i = 1; i < length(h); i += 2)
			printf "\\%03o", 16 * nib(i) + nib(i + 1)
	}')" >"$corpus/bad-${n%.hex}.wasm"
done
# the words of the format, for the mutator
cat >"$work/wasm.dict" <<'EOF'
"\x00asm"
"\x01\x00\x00\x00"
"\x0d\x00\x01\x00"
"\x04name"
"\x09producers"
"\x0ftarget_features"
"\x10sourceMappingURL"
"\x13external_debug_info"
"\x08dylink.0"
"\x07linking"
"\x0creloc.CODE"
"\x0b.debug_info"
"\x80\x80\x80\x80\x00"
"\xff\xff\xff\xff\x0f"
"\x60\x00\x00"
"\x0b"
EOF

touch "$work/stamp"
"$out/parse_fuzz" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -malloc_limit_mb=512 -dict="$work/wasm.dict" -print_final_stats=1 \
    -artifact_prefix="$out/" "$@" "$corpus"
rc=$?
found=$(find "$out" -maxdepth 1 -newer "$work/stamp" \( -name 'crash-*' -o \
    -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) -print)
[ $rc -eq 0 ] && [ -z "$found" ] && exit 0
echo "run.sh: libFuzzer exit $rc" >&2
echo "$found" | while IFS= read -r f; do
	[ -n "$f" ] || continue
	echo "finding: $f ($(wc -c <"$f") bytes); replay: $out/parse_fuzz $f" >&2
	od -An -v -tx1 "$f" | tr -d '\n' | tr -s ' ' | cut -c2- | head -c 4096 |
	    fold -w 72 >&2
	echo >&2
done
exit 1

#!/bin/sh
# SPDX-License-Identifier: MIT
# man.sh - the man page is clean under `mandoc -T lint`, documents every
# command and option that --help lists, and its examples on the bundled
# samples print what the page shows.
. "$srcdir/tests/lib.sh"
need mandoc
page="$srcdir/man/wasmsize.1"
lint=$(mandoc -T lint -W warning "$page" 2>&1)
[ -z "$lint" ] || fail "mandoc -T lint: $lint"
text=$(mandoc -T utf8 "$page" | col -b 2>/dev/null || mandoc -T ascii "$page")
"$WASMSIZE" --help >/dev/null || fail "--help"
for word in $("$WASMSIZE" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p') \
    $("$WASMSIZE" --help | grep -o -- '--[a-z][a-z-]*' | sort -u) \
    $("$WASMSIZE" --help | grep -o -- '^  -[a-z]' | tr -d ' '); do
	printf '%s\n' "$text" | grep -q -- "$word" ||
	    fail "the man page does not mention $word"
done
for section in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" "JSON OUTPUT" EXAMPLES; do
	printf '%s\n' "$text" | grep -q "^$section" ||
	    fail "the man page has no $section section"
done
need python3
python3 "$srcdir/tests/man_examples.py" "$WASMSIZE" "$page" "$samples" || exit 1
exit 0

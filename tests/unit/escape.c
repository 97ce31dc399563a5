/* SPDX-License-Identifier: MIT */
/*
 * escape.c - unit tests of untrusted-name output (text, CSV, JSON), UTF-8
 * decoding, and size and percentage formatting.
 */
#include <stdlib.h>
#include <string.h>

#include "report/escape.h"
#include "report/fmt.h"
#include "report/utf8.h"
#include "tap.h"

static char *
text_of(const char *s, size_t len, int csv)
{
	char	*buf = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&buf, &n);

	if (csv)
		ws_put_csv_field(fp, s, len);
	else
		ws_put_escaped(fp, s, len);
	fclose(fp);
	return buf;
}

static void
expect_text(const char *in, size_t len, int csv, const char *want)
{
	char	*got = text_of(in, len, csv);

	ok(strcmp(got, want) == 0, "%s %s -> %s", csv ? "csv" : "text",
	    want, got);
	free(got);
}

static void
test_text(void)
{
	expect_text("plain", 5, 0, "plain");
	expect_text("a\x1b[31mred", 9, 0, "a\\x1b[31mred");
	expect_text("nul\0x", 5, 0, "nul\\x00x");
	expect_text("del\x7f", 4, 0, "del\\x7f");
	expect_text("c1\xc2\x9b", 4, 0, "c1\\xc2\\x9b");
	expect_text("bad\xff", 4, 0, "bad\\xff");
	expect_text("cut\xe2\x82", 5, 0, "cut\\xe2\\x82");
	expect_text("over\xc0\xaf", 6, 0, "over\\xc0\\xaf");
	expect_text("sur\xed\xa0\x80", 6, 0, "sur\\xed\\xa0\\x80");
	expect_text("back\\slash", 10, 0, "back\\\\slash");
	expect_text("caf\xc3\xa9 \xe2\x82\xac", 9, 0, "caf\xc3\xa9 \xe2\x82\xac");
	expect_text("a\nb", 3, 0, "a\\x0ab");
	expect_text("a,b", 3, 1, "\"a,b\"");
	expect_text("say \"hi\"", 8, 1, "\"say \"\"hi\"\"\"");
	expect_text("x\ry", 3, 1, "x\\x0dy");
	expect_text("ab\xe2\x80\xae" "cd", 7, 0, "ab\\xe2\\x80\\xaecd");	/* RLO */
	expect_text("z\xe2\x80\x8bw", 5, 0, "z\\xe2\\x80\\x8bw");	/* ZWSP */
	expect_text("\xef\xbb\xbf" "bom", 6, 0, "\\xef\\xbb\\xbfbom");
	expect_text("=1+2", 4, 1, "'=1+2");
	expect_text("@SUM(A1)", 8, 1, "'@SUM(A1)");
	expect_text("-x", 2, 1, "'-x");
	expect_text("-12", 3, 1, "-12");
}

static void
test_json(void)
{
	json_t	*j = ws_json_bytes("ok\xff\xe2\x82\xac\0z", 8);
	char	*s = json_dumps(j, JSON_ENCODE_ANY);

	ok(j != NULL && strcmp(s, "\"ok\xef\xbf\xbd\xe2\x82\xac\\u0000z\"") == 0,
	    "json: invalid byte -> U+FFFD, NUL kept escaped: %s", s);
	free(s);
	json_decref(j);
	j = ws_json_bytes("\x1b[0m", 4);
	s = json_dumps(j, JSON_ENCODE_ANY);
	ok(strcmp(s, "\"\\u001B[0m\"") == 0, "json: ESC escaped: %s", s);
	free(s);
	json_decref(j);
}

static void
test_utf8(void)
{
	uint32_t cp;

	ok(ws_utf8_seq((const uint8_t *)"\xf0\x9f\x98\x80", 4, &cp) == 4 &&
	    cp == 0x1f600, "4-byte sequence");
	ok(ws_utf8_seq((const uint8_t *)"\xf4\x90\x80\x80", 4, &cp) == 0,
	    "beyond U+10FFFF");
	ok(ws_utf8_seq((const uint8_t *)"\xe0\x80\xaf", 3, &cp) == 0,
	    "overlong 3-byte");
	ok(ws_utf8_seq((const uint8_t *)"\xe2\x82", 2, &cp) == 0,
	    "truncated");
}

static void
test_fmt(void)
{
	char	 b[32];

	ok(strcmp(ws_fmt_size(b, sizeof b, 1023), "1023 B") == 0, "1023 B");
	ok(strcmp(ws_fmt_size(b, sizeof b, 1024), "1.0 KiB") == 0, "1.0 KiB");
	ok(strcmp(ws_fmt_size(b, sizeof b, 1536), "1.5 KiB") == 0, "1.5 KiB");
	ok(strcmp(ws_fmt_size(b, sizeof b, 18021247), "17.2 MiB") == 0,
	    "17.2 MiB: %s", b);
	ok(strcmp(ws_fmt_pct(b, sizeof b, 1, 3), "33.33%") == 0, "33.33%%");
	ok(strcmp(ws_fmt_pct(b, sizeof b, 2, 3), "66.67%") == 0, "66.67%%");
	ok(strcmp(ws_fmt_pct(b, sizeof b, 5, 0), "0.00%") == 0, "0 of 0");
	ok(strcmp(ws_fmt_pct(b, sizeof b, 7, 7), "100.00%") == 0, "100%%");
}

int
main(void)
{
	test_text();
	test_json();
	test_utf8();
	test_fmt();
	return tap_done();
}

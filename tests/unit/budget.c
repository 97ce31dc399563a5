/* SPDX-License-Identifier: MIT */
/*
 * budget.c - unit tests of budgets: sizes with every unit, percentages and
 * the ones that must be refused (with their message); limits that refuse a
 * percentage; config files, good and bad, written to a temporary
 * directory; and the upward search for .wasmsize.json.
 */
#include <sys/stat.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/budget.h"
#include "tap.h"

static const char *const size_help = "(a number with up to three decimals "
    "and B, kB, KiB, MB, MiB, GB, GiB or %)";

static void
size_ok(const char *s, uint64_t bytes)
{
	struct ws_size	 z;
	char		 err[200] = "";
	int		 rc = ws_size_parse(s, &z, err, sizeof err);

	ok(rc == 0 && !z.is_pct && z.bytes == bytes, "size '%s' = %llu B "
	    "(rc %d, bytes %llu, pct %d%s%s)", s, (unsigned long long)bytes, rc,
	    (unsigned long long)z.bytes, z.is_pct, err[0] ? ", " : "", err);
}

static void
pct_ok(const char *s, uint32_t pct100)
{
	struct ws_size	 z;
	char		 err[200] = "";
	int		 rc = ws_size_parse(s, &z, err, sizeof err);

	ok(rc == 0 && z.is_pct && z.pct100 == pct100 && z.bytes == 0,
	    "size '%s' = %u/100 %% (rc %d, pct %d, pct100 %u%s%s)", s, pct100,
	    rc, z.is_pct, z.pct100, err[0] ? ", " : "", err);
}

static void
size_bad(const char *s)
{
	struct ws_size	 z;
	char		 err[200] = "", want[200];
	int		 rc = ws_size_parse(s, &z, err, sizeof err);

	snprintf(want, sizeof want, "invalid size '%s' %s", s, size_help);
	ok(rc == -1 && strcmp(err, want) == 0, "size '%s' refused: %s", s, err);
}

static void
test_sizes(void)
{
	struct ws_size	 z;
	char		 err[16];

	size_ok("0", 0);
	size_ok("42", 42);
	size_ok("42B", 42);
	size_ok("42 B", 42);
	size_ok("42   B", 42);
	size_ok("1kB", 1000);
	size_ok("1 kB", 1000);
	size_ok("1KB", 1000);
	size_ok("500 KB", 500000);
	size_ok("1KiB", 1024);
	size_ok("1 KiB", 1024);
	size_ok("1.5 KiB", 1536);
	size_ok("1.5kB", 1500);
	size_ok("2.125 KiB", 2176);
	size_ok("0.001 kB", 1);
	size_ok("0.5 KiB", 512);
	size_ok("1.000 kB", 1000);
	size_ok("2MB", 2000000);
	size_ok("2.5 MB", 2500000);
	size_ok("1MiB", 1048576);
	size_ok("1.25 MiB", 1310720);
	size_ok("1GB", 1000000000);
	size_ok("0.5 GB", 500000000);
	size_ok("1 GiB", 1073741824);
	size_ok("4 GiB", 4294967296);
	size_ok("1.5 GiB", 1610612736);
	size_ok("007", 7);
	size_ok("9223372036854775807", INT64_MAX);	/* the largest */

	pct_ok("5%", 500);
	pct_ok("5 %", 500);
	pct_ok("5.5%", 550);
	pct_ok("0.25 %", 25);
	pct_ok("12.5%", 1250);
	pct_ok("0%", 0);
	pct_ok("100%", 10000);
	pct_ok("100.0%", 10000);

	size_bad("");
	size_bad(" ");
	size_bad("12 XB");
	size_bad("12 kb");		/* units are case-sensitive: k is kilo */
	size_bad("12 kiB");
	size_bad("12 K");
	size_bad("12 Ki");
	size_bad("12 bytes");
	size_bad("-1");
	size_bad("+1");
	size_bad(" 1");
	size_bad("1 kB ");
	size_bad("1.2345 kB");		/* four decimals */
	size_bad("1.");
	size_bad(".5 kB");
	size_bad("1,5 kB");
	size_bad("1e3");
	size_bad("0x10");
	size_bad("1.5 B");		/* half a byte */
	size_bad("1.5");
	size_bad("1.001 KiB");		/* 1025.024 bytes */
	size_bad("101%");
	size_bad("100.01%");
	size_bad("1000%");
	size_bad("-5%");
	size_bad("%");
	size_bad("5%%");
	size_bad("18446744073709551616");	/* 2^64 */
	size_bad("99999999999999999999999");
	size_bad("9223372036854775808");	/* past INT64_MAX: JSON ints */
	size_bad("18446744073709551615 B");
	size_bad("20000000000 GB");
	size_bad("9999999999 GiB");

	/* a short buffer: the message is cut, never overrun */
	memset(err, 'x', sizeof err);
	ok(ws_size_parse("12 XB", &z, err, sizeof err) == -1 &&
	    strlen(err) == sizeof err - 1 &&
	    strncmp(err, "invalid size", 12) == 0, "short error buffer: '%s'",
	    err);
}

/* ---- limits from flags --------------------------------------------- */

static void
add_ok(enum ws_limit_kind k, const char *target, int regex, const char *spec)
{
	struct ws_budget b = { 0 };
	struct ws_diag	 d = { 0 };
	int		 rc = ws_budget_add(&b, k, target, regex, spec, "msg", &d);

	ok(rc == 0 && b.n == 1 && b.v[0].kind == k &&
	    strcmp(b.v[0].spec, spec) == 0 && strcmp(b.v[0].message, "msg") ==
	    0 && (target == NULL ? b.v[0].target == NULL :
	    strcmp(b.v[0].target, target) == 0) && b.v[0].regex == regex,
	    "%s limit '%s' accepted%s%s", ws_limit_name(k), spec,
	    d.text[0] ? ": " : "", d.text);
	ws_budget_free(&b);
}

static void
add_bad(enum ws_limit_kind k, const char *target, int regex, const char *spec,
    const char *want)
{
	struct ws_budget b = { 0 };
	struct ws_diag	 d = { 0 };
	int		 rc = ws_budget_add(&b, k, target, regex, spec, NULL, &d);

	ok(rc == -1 && b.n == 0 && strncmp(d.text, want, strlen(want)) == 0,
	    "%s limit '%s' refused: %s", ws_limit_name(k), spec, d.text);
	ws_budget_free(&b);
}

static void
test_limits(void)
{
	static const char *const no_pct = "a percentage of the file makes no "
	    "sense here";
	struct ws_budget b = { 0 };
	struct ws_diag	 d = { 0 };
	char		 want[200];
	int		 rc = 0;

	/* a percentage of the file: of a part of it, yes; of all of it, no */
	add_ok(WS_LIM_DEBUG, NULL, 0, "5%");
	add_ok(WS_LIM_CUSTOM, NULL, 0, "10 %");
	add_ok(WS_LIM_GARBAGE, NULL, 0, "0.5%");
	add_ok(WS_LIM_PANIC, NULL, 0, "1%");
	add_ok(WS_LIM_SECTION, "code", 0, "80%");
	add_ok(WS_LIM_FUNCTION, "main", 0, "2%");
	add_ok(WS_LIM_FUNCTION, "^core::fmt", 1, "1 kB");
	add_ok(WS_LIM_SIZE, NULL, 0, "500 kB");
	add_ok(WS_LIM_GZIP, NULL, 0, "200KiB");
	add_ok(WS_LIM_BROTLI, NULL, 0, "150000");
	add_ok(WS_LIM_MEMORY_INITIAL, NULL, 0, "17");
	add_ok(WS_LIM_MEMORY_MAXIMUM, NULL, 0, "65536");
	snprintf(want, sizeof want, "size limit: %s", no_pct);
	add_bad(WS_LIM_SIZE, NULL, 0, "50%", want);
	snprintf(want, sizeof want, "gzip limit: %s", no_pct);
	add_bad(WS_LIM_GZIP, NULL, 0, "50%", want);
	snprintf(want, sizeof want, "brotli limit: %s", no_pct);
	add_bad(WS_LIM_BROTLI, NULL, 0, "1 %", want);
	add_bad(WS_LIM_MEMORY_INITIAL, NULL, 0, "5%",
	    "memory-initial limit: invalid page count '5%'");
	add_bad(WS_LIM_MEMORY_MAXIMUM, NULL, 0, "1 kB",
	    "memory-maximum limit: invalid page count '1 kB'");
	add_bad(WS_LIM_MEMORY_MAXIMUM, NULL, 0, "-1",
	    "memory-maximum limit: invalid page count '-1'");
	add_bad(WS_LIM_MEMORY_INITIAL, NULL, 0, "1.5",
	    "memory-initial limit: invalid page count '1.5'");
	add_bad(WS_LIM_MEMORY_INITIAL, NULL, 0, "",
	    "memory-initial limit: invalid page count ''");
	add_bad(WS_LIM_MEMORY_INITIAL, NULL, 0, "99999999999999999999999",
	    "memory-initial limit: invalid page count");
	add_bad(WS_LIM_SIZE, NULL, 0, "12 XB", "size limit: invalid size "
	    "'12 XB' (a number");
	add_bad(WS_LIM_SECTION, "code", 0, "101%", "section limit: invalid "
	    "size '101%'");
	add_bad(WS_LIM_FUNCTION, "(", 1, "1 kB", "function limit: invalid "
	    "regular expression '(': ");

	/* many limits grow the array; each keeps its own strings */
	for (int i = 0; i < 40 && rc == 0; i++) {
		char spec[16];
		snprintf(spec, sizeof spec, "%d kB", i);
		rc = ws_budget_add(&b, WS_LIM_SECTION, "code", 0, spec, NULL, &d);
	}
	ok(rc == 0 && b.n == 40 && strcmp(b.v[39].spec, "39 kB") == 0 &&
	    b.v[39].max.bytes == 39000 && b.v[0].max.bytes == 0 &&
	    b.v[7].message == NULL, "40 limits kept");
	ws_budget_free(&b);
	ok(b.n == 0 && b.v == NULL, "ws_budget_free empties the budget");
}

/* ---- config files -------------------------------------------------- */

static char	 tmpdir[64];

static const char *
write_file(const char *name, const char *text)
{
	static char	 path[PATH_MAX];
	FILE		*fp;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	if ((fp = fopen(path, "w")) == NULL || fputs(text, fp) == EOF ||
	    fclose(fp) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

/* Loads text as NAME; the diag text must start with "PATH: " + want. */
static void
load_bad(const char *name, const char *text, const char *want)
{
	struct ws_budget b = { 0 };
	struct ws_diag	 d = { 0 };
	const char	*path = write_file(name, text);
	char		 full[512];
	int		 rc = ws_budget_load(&b, path, &d);

	snprintf(full, sizeof full, "%s: %s", path, want);
	ok(rc == -1 && strncmp(d.text, full, strlen(full)) == 0,
	    "config %s refused: %s", name, d.text);
	ws_budget_free(&b);
}

static const char good_config[] =
    "{\n"
    "  \"$schema\": \"ignored\",\n"
    "  \"size\": \"500 kB\",\n"
    "  \"gzip\": { \"max\": \"200 KiB\", \"message\": \"see docs/size.md\" },\n"
    "  \"brotli\": 150000,\n"
    "  \"debug\": \"0 B\",\n"
    "  \"custom\": \"2%\",\n"
    "  \"garbage\": \"1 kB\",\n"
    "  \"panic\": \"0\",\n"
    "  \"sections\": {\n"
    "    \"code\": \"400 kB\",\n"
    "    \"data\": { \"max\": \"10%\", \"message\": \"static data\" },\n"
    "    \"producers\": \"100 B\"\n"
    "  },\n"
    "  \"functions\": [\n"
    "    { \"name\": \"main\", \"max\": \"4 KiB\" },\n"
    "    { \"name\": \"^core::fmt::\", \"regex\": true, \"max\": \"1.5 KiB\",\n"
    "      \"message\": \"formatting machinery\" }\n"
    "  ],\n"
    "  \"memory\": { \"initial\": 17, \"maximum\": \"256\" }\n"
    "}\n";

static void
test_config(void)
{
	static const struct {
		enum ws_limit_kind kind;
		const char	*target, *spec, *message;
		int		 regex;
		uint64_t	 bytes;
		uint32_t	 pct100;
	} want[] = {
		{ WS_LIM_SIZE, NULL, "500 kB", NULL, 0, 500000, 0 },
		{ WS_LIM_GZIP, NULL, "200 KiB", "see docs/size.md", 0, 204800, 0 },
		{ WS_LIM_BROTLI, NULL, "150000", NULL, 0, 150000, 0 },
		{ WS_LIM_DEBUG, NULL, "0 B", NULL, 0, 0, 0 },
		{ WS_LIM_CUSTOM, NULL, "2%", NULL, 0, 0, 200 },
		{ WS_LIM_GARBAGE, NULL, "1 kB", NULL, 0, 1000, 0 },
		{ WS_LIM_PANIC, NULL, "0", NULL, 0, 0, 0 },
		{ WS_LIM_SECTION, "code", "400 kB", NULL, 0, 400000, 0 },
		{ WS_LIM_SECTION, "data", "10%", "static data", 0, 0, 1000 },
		{ WS_LIM_SECTION, "producers", "100 B", NULL, 0, 100, 0 },
		{ WS_LIM_FUNCTION, "main", "4 KiB", NULL, 0, 4096, 0 },
		{ WS_LIM_FUNCTION, "^core::fmt::", "1.5 KiB",
		    "formatting machinery", 1, 1536, 0 },
		{ WS_LIM_MEMORY_INITIAL, NULL, "17", NULL, 0, 17, 0 },
		{ WS_LIM_MEMORY_MAXIMUM, NULL, "256", NULL, 0, 256, 0 },
	};
	enum { NWANT = sizeof want / sizeof *want };
	struct ws_budget b = { 0 };
	struct ws_diag	 d = { 0 };
	const char	*path = write_file("good.json", good_config);
	int		 rc = ws_budget_load(&b, path, &d);

	ok(rc == 0 && b.n == NWANT, "good config: %zu limits (want %d)%s%s",
	    b.n, (int)NWANT, d.text[0] ? ": " : "", d.text);
	for (size_t i = 0; rc == 0 && i < NWANT && i < b.n; i++) {
		const struct ws_limit *l = &b.v[i];

		ok(l->kind == want[i].kind && (want[i].target == NULL ?
		    l->target == NULL : l->target != NULL &&
		    strcmp(l->target, want[i].target) == 0) &&
		    strcmp(l->spec, want[i].spec) == 0 && (want[i].message ==
		    NULL ? l->message == NULL : l->message != NULL &&
		    strcmp(l->message, want[i].message) == 0) &&
		    l->regex == want[i].regex && l->max.bytes == want[i].bytes &&
		    l->max.pct100 == want[i].pct100 &&
		    l->max.is_pct == (want[i].pct100 != 0),
		    "good config: limit %zu is %s %s %s", i,
		    ws_limit_name(want[i].kind),
		    want[i].target ? want[i].target : "-", want[i].spec);
	}
	ws_budget_free(&b);

	/* flags come first, the config adds to them */
	ok(ws_budget_add(&b, WS_LIM_SIZE, NULL, 0, "1 MB", NULL, &d) == 0 &&
	    ws_budget_load(&b, path, &d) == 0 && b.n == NWANT + 1 &&
	    b.v[0].max.bytes == 1000000 && b.v[1].max.bytes == 500000,
	    "a config adds to the limits already there");
	ws_budget_free(&b);

	ok(ws_budget_load(&b, write_file("empty-object.json", "{}\n"), &d) ==
	    0 && b.n == 0, "an empty object: no limits, no error");
	ws_budget_free(&b);

	/* syntax errors: file, line and column */
	load_bad("syntax.json", "{\n  \"size\": \"500 kB\",\n  \"gzip\": "
	    "\"200 KiB\"\n  \"brotli\": 1\n}\n", "line 4, column 10: ");
	load_bad("trailing-comma.json", "{\n  \"size\": \"1 kB\",\n}\n",
	    "line 3, column 1: ");
	load_bad("truncated.json", "{ \"size\": \"1 kB\"", "line 1, column ");
	load_bad("empty.json", "", "line 1, column 0: ");
	load_bad("duplicate.json", "{\n\"size\": \"1 kB\",\n\"size\": "
	    "\"2 kB\"\n}\n", "line 3, column 6: duplicate object key");
	load_bad("not-object.json", "[ { \"size\": \"1 kB\" } ]\n",
	    "expected an object of limits");

	/* unknown keys */
	load_bad("unknown.json", "{ \"sizes\": \"1 kB\" }\n", "unknown key "
	    "'sizes' (size, gzip, brotli, debug, custom, garbage, panic, "
	    "sections, functions, memory)");
	load_bad("unknown-in-limit.json", "{ \"size\": { \"max\": \"1 kB\", "
	    "\"mesage\": \"typo\" } }\n", "size limit: unknown key 'mesage'");
	load_bad("unknown-memory.json", "{ \"memory\": { \"min\": 1 } }\n",
	    "memory: unknown key 'min' (initial or maximum)");

	/* bad sizes */
	load_bad("bad-size.json", "{ \"gzip\": \"12 XB\" }\n", "gzip limit: "
	    "invalid size '12 XB' (a number with up to three decimals");
	load_bad("bad-section.json", "{ \"sections\": { \"code\": \"1.2345 kB\" "
	    "} }\n", "section limit: invalid size '1.2345 kB'");
	load_bad("bad-function.json", "{ \"functions\": [ { \"name\": \"f\", "
	    "\"max\": \"101%\" } ] }\n", "function limit: invalid size '101%'");
	load_bad("bad-pct.json", "{ \"size\": \"5%\" }\n", "size limit: a "
	    "percentage of the file makes no sense here");
	load_bad("bad-pages.json", "{ \"memory\": { \"initial\": \"1 MiB\" } }\n",
	    "memory-initial limit: invalid page count '1 MiB'");
	load_bad("bad-type.json", "{ \"size\": true }\n", "size limit: "
	    "expected a size such as \"500 kB\"");
	load_bad("no-max.json", "{ \"size\": { \"message\": \"m\" } }\n",
	    "size limit: expected a size such as \"500 kB\"");
	load_bad("no-name.json", "{ \"functions\": [ { \"max\": \"1 kB\" } ] }\n",
	    "functions[0]: needs a \"name\"");
	load_bad("bad-regex.json", "{ \"functions\": [ { \"name\": \"(\", "
	    "\"regex\": true, \"max\": \"1 kB\" } ] }\n", "function limit: "
	    "invalid regular expression '(': ");
	/* an integer is a size too, and its errors name the file as well */
	load_bad("negative.json", "{ \"size\": -1 }\n", "size limit: invalid "
	    "size '-1'");
	load_bad("negative-section.json", "{ \"sections\": { \"code\": -5 } }\n",
	    "section limit: invalid size '-5'");
}

/* Errors that should be clearer than they are: see the checks' names. */
static void
test_config_messages(void)
{
	struct ws_budget b = { 0 };
	struct ws_diag	 d = { 0 };
	char		 path[128];
	int		 rc;

	/* a known key of the wrong type is not an "unknown key" */
	const char *p = write_file("sections-type.json", "{ \"sections\": "
	    "[ \"code\" ] }\n");
	rc = ws_budget_load(&b, p, &d);
	ok(rc == -1 && strncmp(d.text, p, strlen(p)) == 0 &&
	    strstr(d.text, "sections") != NULL &&
	    strstr(d.text, "unknown key") == NULL,
	    "\"sections\" not an object: says so: %s", d.text);
	ws_budget_free(&b);
	memset(&d, 0, sizeof d);

	/* a missing file: the system's reason, not "line -1" */
	snprintf(path, sizeof path, "%s/missing.json", tmpdir);
	rc = ws_budget_load(&b, path, &d);
	ok(rc == -1 && strncmp(d.text, path, strlen(path)) == 0 &&
	    strstr(d.text, "No such file or directory") != NULL &&
	    strstr(d.text, "line -1") == NULL && strstr(d.text, "-1") == NULL,
	    "missing config: %s", d.text);
	ws_budget_free(&b);
}

/* ---- the upward search --------------------------------------------- */

static int
mkdir_p(const char *path)
{
	char	 buf[PATH_MAX];

	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p != '\0'; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0700) != 0 && access(buf, F_OK) != 0)
				return -1;
			*p = '/';
		}
	return mkdir(buf, 0700) != 0 && access(buf, F_OK) != 0 ? -1 : 0;
}

static void
test_find(void)
{
	char	 cwd[PATH_MAX], top[1024], sub[PATH_MAX], want[PATH_MAX];
	char	*found;

	/* the real path of tmpdir, as getcwd() sees it */
	if (getcwd(cwd, sizeof cwd) == NULL || chdir(tmpdir) != 0 ||
	    getcwd(top, sizeof top) == NULL) {
		ok(0, "getcwd/chdir %s", tmpdir);
		return;
	}
	snprintf(sub, sizeof sub, "%s/find", top);
	if (mkdir(sub, 0700) != 0 || chdir(sub) != 0) {
		ok(0, "mkdir/chdir %s", sub);
		return;
	}
	found = ws_budget_find();
	/* none in find/ or tmpdir; one above /tmp would be the machine's */
	ok(found == NULL || strncmp(found, top, strlen(top)) != 0,
	    "no .wasmsize.json under the temp dir: %s", found ? found : "none");
	free(found);
	write_file(".wasmsize.json", "{ \"size\": \"1 MB\" }\n");
	snprintf(want, sizeof want, "%s/.wasmsize.json", top);
	snprintf(sub, sizeof sub, "%s/find/a/b", top);
	if (mkdir_p(sub) != 0 || chdir(sub) != 0) {
		ok(0, "mkdir/chdir %s", sub);
		return;
	}
	found = ws_budget_find();
	ok(found != NULL && strcmp(found, want) == 0, "found from two levels "
	    "down: %s", found ? found : "none");
	free(found);
	write_file("find/a/.wasmsize.json", "{}\n");
	snprintf(want, sizeof want, "%s/find/a/.wasmsize.json", top);
	found = ws_budget_find();
	ok(found != NULL && strcmp(found, want) == 0, "the nearest wins: %s",
	    found ? found : "none");
	free(found);
	if (chdir(cwd) != 0)
		ok(0, "chdir back");
}

static void
cleanup(void)
{
	char	 cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

int
main(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/wsbudget.XXXXXX",
	    t != NULL && *t != '\0' && strlen(t) < 40 ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror(tmpdir);
		return 99;
	}
	test_sizes();
	test_limits();
	test_config();
	test_config_messages();
	test_find();
	cleanup();
	return tap_done();
}

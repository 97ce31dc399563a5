/* SPDX-License-Identifier: MIT */
/*
 * main.c - argv to options to one command (run by src/cli/).  The only
 * file that calls exit(): 0 success, 1 a check failed, 2 usage error or
 * unreadable or malformed input.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const struct {
	const char	*name;
	enum command	 cmd;
	int		 items;		/* 0: none, 1: optional, 2: required,
					   3: more FILEs, 4: exactly one more */
	const char	*help;
} commands[] = {
	{ "inspect",	CMD_INSPECT,	0, "overview: size, toolchain, "
	    "sections, largest items" },
	{ "sections",	CMD_SECTIONS,	0, "one row per section" },
	{ "top",	CMD_TOP,	0, "the largest items" },
	{ "dominators",	CMD_DOMINATORS,	1, "the dominator tree: what each "
	    "item keeps alive" },
	{ "paths",	CMD_PATHS,	2, "why ITEMs are kept (or, with "
	    "--descending, what they keep)" },
	{ "garbage",	CMD_GARBAGE,	0, "items nothing reachable keeps "
	    "alive" },
	{ "monos",	CMD_MONOS,	0, "generic functions with many "
	    "monomorphized copies" },
	{ "sources",	CMD_SOURCES,	0, "code bytes by source file, from "
	    "DWARF line tables" },
	{ "advise",	CMD_ADVISE,	0, "findings and what to do about "
	    "them, with savings" },
	{ "check",	CMD_CHECK,	3, "size budgets for CI: exit 1 when "
	    "one is exceeded" },
	{ "diff",	CMD_DIFF,	4, "OLD NEW: what changed between two "
	    "builds (.wasm or saved --json)" },
	{ "extract",	CMD_EXTRACT,	0, "write a component's core module "
	    "(--module N) to -o FILE" },
};

static void
usage(FILE *fp)
{
	fputs("usage: wasmsize COMMAND [options] FILE [ITEM...]\n"
	    "       wasmsize check [options] FILE...\n"
	    "       wasmsize diff [options] OLD NEW\n"
	    "       wasmsize --help | --version\n\ncommands:\n", fp);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].help);
	fputs("\noptions:\n"
	    "  --format=text|csv|json|markdown  output format (default text;\n"
	    "                          markdown: check and diff)\n"
	    "  --json                  same as --format=json\n"
	    "  -o, --output=FILE       write the report to FILE (-: stdout)\n"
	    "  -n, --number=N          top, garbage, monos: show N rows "
	    "(0: all)\n"
	    "  --retained              top: show retained sizes too\n"
	    "  --sort=shallow|retained top: rank by shallow (default) or "
	    "retained size\n"
	    "  -d, --depth=N           dominators, paths: N levels (0: all);\n"
	    "                          sources: N path components (0: files)\n"
	    "  -r, --rows=N            dominators, paths: N rows per tree "
	    "(0: all)\n"
	    "  --descending            paths: what ITEMs keep alive\n"
	    "  --regex                 ITEMs are extended regular expressions\n"
	    "  -a, --all               garbage: list every item\n"
	    "  --measure               advise: run wasm-opt to measure "
	    "savings\n"
	    "  --color=auto|always|never  inspect on a terminal: colours "
	    "(NO_COLOR: none)\n"
	    "  --config=FILE           check: limits from FILE (default: "
	    ".wasmsize.json\n"
	    "                          here or in a parent directory)\n"
	    "  --max-size=SIZE, --max-gzip=SIZE, --max-brotli=SIZE,\n"
	    "  --max-debug=SIZE, --max-custom=SIZE, --max-garbage=SIZE,\n"
	    "  --max-panic=SIZE        check: limits (SIZE: 500kB, 1.5MiB, "
	    "2%...)\n"
	    "  --max-section=NAME=SIZE, --max-function=NAME=SIZE\n"
	    "                          check: per section, per function "
	    "(--regex)\n"
	    "  --max-memory-initial=PAGES, --max-memory-maximum=PAGES\n"
	    "  --max-growth=SIZE       diff: exit 1 when NEW is bigger by "
	    "more (10kB, 5%)\n"
	    "  --compressed            inspect, sections: gzip and brotli "
	    "sizes (slow)\n"
	    "  --group-by=crate|namespace  top, inspect: function bytes by "
	    "Rust crate\n"
	    "                          or C++ namespace, from demangled names\n"
	    "  --names-from=FILE       names for a stripped build from FILE, "
	    "another build\n"
	    "                          of the same code that kept them\n"
	    "  --module=N              a component's core module N: every "
	    "module command\n"
	    "                          works on it; extract writes it\n"
	    "  --no-demangle           show Rust and C++ names as in the file\n"
	    "  -h, --help              show this help and exit\n"
	    "  --version               show the version and exit\n"
	    "\ninspect on a terminal, without --format or -o, is interactive.\n"
	    "An ITEM is a name (demangled or raw) or func[N].  FILE may be - "
	    "for\nstandard input.  Exit status: 0 success, 1 a check or "
	    "--max-growth failed,\n2 trouble.  See wasmsize(1).\n", fp);
}

static void
die_usage(const char *fmt, const char *arg)
{
	fputs("wasmsize: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'wasmsize --help'.\n", stderr);
	exit(EXIT_TROUBLE);
}

static enum ws_format
parse_format(const char *s)
{
	if (strcmp(s, "text") == 0)
		return WS_FORMAT_TEXT;
	if (strcmp(s, "csv") == 0)
		return WS_FORMAT_CSV;
	if (strcmp(s, "json") == 0)
		return WS_FORMAT_JSON;
	if (strcmp(s, "markdown") == 0)
		return WS_FORMAT_MARKDOWN;
	die_usage("unknown format '%s' (text, csv, json or markdown)", s);
	return WS_FORMAT_TEXT;
}

static enum ws_group_by
parse_group_by(const char *s)
{
	if (strcmp(s, "crate") == 0)
		return WS_GROUP_CRATE;
	if (strcmp(s, "namespace") == 0)
		return WS_GROUP_NAMESPACE;
	die_usage("unknown grouping '%s' (crate or namespace)", s);
	return WS_GROUP_NONE;
}

static size_t
parse_count(const char *s)
{
	char			*end;
	unsigned long long	 v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0 ||
	    v > UINT32_MAX)
		die_usage("invalid number '%s'", s);
	return (size_t)v;
}

/* --max-KIND=SIZE, or for sections and functions --max-KIND=NAME=SIZE
 * (the last = splits, since names may hold one).  --regex must come
 * first to make a function name a regular expression. */
static void
add_limit(struct ws_opts *o, enum ws_limit_kind kind, char *arg)
{
	struct ws_diag	 d = { 0 };
	char		*target = NULL, *spec = arg, *eq;

	if (kind == WS_LIM_SECTION || kind == WS_LIM_FUNCTION) {
		if ((eq = strrchr(arg, '=')) == NULL || eq == arg)
			die_usage("expected NAME=SIZE, not '%s'", arg);
		*eq = '\0';
		target = arg;
		spec = eq + 1;
	}
	if (ws_budget_add(&o->budget, kind, target, o->regex, spec, NULL,
	    &d) != 0)
		die_usage("%s", d.text);
}

static size_t
command_index(const char *s)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(s, commands[i].name) == 0)
			return i;
	die_usage("unknown command '%s'", s);
	return 0;
}

static void
parse_args(int argc, char **argv, struct ws_opts *o)
{
	enum {
		OPT_FORMAT = 256, OPT_JSON, OPT_NO_DEMANGLE, OPT_VERSION,
		OPT_RETAINED, OPT_SORT, OPT_DESCENDING, OPT_REGEX, OPT_MEASURE,
		OPT_COLOR, OPT_CONFIG, OPT_GROWTH, OPT_COMPRESSED, OPT_MODULE,
		OPT_GROUP_BY, OPT_NAMES_FROM, OPT_MAX		/* OPT_MAX + enum ws_limit_kind */
	};
	static const struct option longopts[] = {
		{ "format",	 required_argument, NULL, OPT_FORMAT },
		{ "json",	 no_argument,	    NULL, OPT_JSON },
		{ "output",	 required_argument, NULL, 'o' },
		{ "number",	 required_argument, NULL, 'n' },
		{ "depth",	 required_argument, NULL, 'd' },
		{ "rows",	 required_argument, NULL, 'r' },
		{ "retained",	 no_argument,	    NULL, OPT_RETAINED },
		{ "sort",	 required_argument, NULL, OPT_SORT },
		{ "descending",	 no_argument,	    NULL, OPT_DESCENDING },
		{ "regex",	 no_argument,	    NULL, OPT_REGEX },
		{ "all",	 no_argument,	    NULL, 'a' },
		{ "measure",	 no_argument,	    NULL, OPT_MEASURE },
		{ "color",	 required_argument, NULL, OPT_COLOR },
		{ "config",	 required_argument, NULL, OPT_CONFIG },
		{ "max-growth",	 required_argument, NULL, OPT_GROWTH },
		{ "compressed",	 no_argument,	    NULL, OPT_COMPRESSED },
		{ "module",	 required_argument, NULL, OPT_MODULE },
		{ "group-by",	 required_argument, NULL, OPT_GROUP_BY },
		{ "names-from",	 required_argument, NULL, OPT_NAMES_FROM },
		{ "max-size",	 required_argument, NULL, OPT_MAX + WS_LIM_SIZE },
		{ "max-gzip",	 required_argument, NULL, OPT_MAX + WS_LIM_GZIP },
		{ "max-brotli",	 required_argument, NULL, OPT_MAX + WS_LIM_BROTLI },
		{ "max-debug",	 required_argument, NULL, OPT_MAX + WS_LIM_DEBUG },
		{ "max-custom",	 required_argument, NULL, OPT_MAX + WS_LIM_CUSTOM },
		{ "max-garbage", required_argument, NULL, OPT_MAX + WS_LIM_GARBAGE },
		{ "max-panic",	 required_argument, NULL, OPT_MAX + WS_LIM_PANIC },
		{ "max-section", required_argument, NULL, OPT_MAX + WS_LIM_SECTION },
		{ "max-function", required_argument, NULL,
		    OPT_MAX + WS_LIM_FUNCTION },
		{ "max-memory-initial", required_argument, NULL,
		    OPT_MAX + WS_LIM_MEMORY_INITIAL },
		{ "max-memory-maximum", required_argument, NULL,
		    OPT_MAX + WS_LIM_MEMORY_MAXIMUM },
		{ "no-demangle", no_argument,	    NULL, OPT_NO_DEMANGLE },
		{ "help",	 no_argument,	    NULL, 'h' },
		{ "version",	 no_argument,	    NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	size_t	 cmd;
	int	 c;

	*o = (struct ws_opts){ .format = WS_FORMAT_TEXT, .number = 20,
	    .module = -1,
	    .limits = { .depth = 10, .rows = 50 }, .demangle = 1 };
	argv[0] = (char *)"wasmsize";	/* getopt's messages start with it */
	while ((c = getopt_long(argc, argv, "aho:n:d:r:", longopts, NULL))
	    != -1) {
		switch (c) {
		case OPT_FORMAT:
			o->format = parse_format(optarg);
			o->format_set = 1;
			break;
		case OPT_JSON:
			o->format = WS_FORMAT_JSON;
			o->format_set = 1;
			break;
		case OPT_CONFIG: o->config = optarg; break;
		case OPT_GROWTH: o->max_growth = optarg; break;
		case OPT_COMPRESSED: o->compressed = 1; break;
		case OPT_MODULE: o->module = (long)parse_count(optarg); break;
		case OPT_GROUP_BY: o->group_by = parse_group_by(optarg); break;
		case OPT_NAMES_FROM: o->names_from = optarg; break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = WS_COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o->color = WS_COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o->color = WS_COLOR_NEVER;
			else
				die_usage("unknown color '%s' (auto, always or "
				    "never)", optarg);
			break;
		case 'o': o->output = optarg; break;
		case 'n':
			o->number = parse_count(optarg);
			o->number_set = 1;
			break;
		case 'd':
			o->limits.depth = (uint32_t)parse_count(optarg);
			o->depth_set = 1;
			break;
		case 'r': o->limits.rows = parse_count(optarg); break;
		case OPT_RETAINED: o->retained = 1; break;
		case OPT_SORT:
			if (strcmp(optarg, "retained") == 0)
				o->by_retained = o->retained = 1;
			else if (strcmp(optarg, "shallow") == 0)
				o->by_retained = 0;
			else
				die_usage("unknown sort '%s' (shallow or "
				    "retained)", optarg);
			break;
		case OPT_DESCENDING: o->descending = 1; break;
		case OPT_REGEX: o->regex = 1; break;
		case 'a': o->all = 1; break;
		case OPT_MEASURE: o->measure = 1; break;
		case OPT_NO_DEMANGLE: o->demangle = 0; break;
		case 'h': usage(stdout); exit(EXIT_OK);
		case OPT_VERSION:
			printf("wasmsize %s\n", PACKAGE_VERSION);
			exit(EXIT_OK);
		default:
			if (c >= OPT_MAX && c <= OPT_MAX + WS_LIM_MEMORY_MAXIMUM) {
				add_limit(o, (enum ws_limit_kind)(c - OPT_MAX),
				    optarg);
				break;
			}
			fputs("Try 'wasmsize --help'.\n", stderr);
			exit(EXIT_TROUBLE);
		}
	}
	if (optind >= argc)
		die_usage("%s", "missing command");
	cmd = command_index(argv[optind++]);
	o->cmd = commands[cmd].cmd;
	if (optind >= argc)
		die_usage("%s", "missing FILE");
	o->file = argv[optind++];
	o->items = argv + optind;
	o->nitems = (size_t)(argc - optind);
	if (commands[cmd].items == 0 && o->nitems > 0)
		die_usage("unexpected argument '%s'", argv[optind]);
	if (commands[cmd].items == 2 && o->nitems == 0)
		die_usage("%s needs at least one ITEM", commands[cmd].name);
	if (commands[cmd].items == 4 && o->nitems != 1)
		die_usage("%s needs two files, OLD and NEW", commands[cmd].name);
	if (o->max_growth != NULL) {	/* checked before any work */
		struct ws_size sz;
		char err[200];
		if (ws_size_parse(o->max_growth, &sz, err, sizeof err) != 0)
			die_usage("--max-growth: %s", err);
	}
	if (o->format == WS_FORMAT_MARKDOWN && o->cmd != CMD_CHECK &&
	    o->cmd != CMD_DIFF)
		die_usage("%s", "--format=markdown is for check and diff");
	if (o->group_by != WS_GROUP_NONE && o->cmd != CMD_TOP &&
	    o->cmd != CMD_INSPECT)
		die_usage("%s", "--group-by is for top and inspect");
}

int
main(int argc, char **argv)
{
	struct ws_opts	 o;
	struct loaded	 l;
	int		 status;

	parse_args(argc, argv, &o);
	if (o.cmd == CMD_CHECK)
		return ws_cli_check(&o);
	if (o.cmd == CMD_DIFF)
		return ws_cli_diff(&o);
	if (ws_cli_load(&o, o.file, 0, &l) != 0)
		status = EXIT_TROUBLE;
	else if (o.cmd == CMD_EXTRACT)
		status = ws_cli_extract(&o, &l);
	else if (l.ap == NULL)
		status = ws_cli_component(&o, &l);
	else
		status = ws_cli_run_module(&o, &l);
	ws_cli_unload(&l);
	return status;
}

/* SPDX-License-Identifier: MIT */
/*
 * main.c - argv to options to one command.  The only file that calls
 * exit(): 0 success, 1 a check failed, 2 usage error or unreadable or
 * malformed input.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/advice.h"
#include "analysis/analysis.h"
#include "analysis/budget.h"
#include "analysis/canalysis.h"
#include "analysis/diff.h"
#include "analysis/findings.h"
#include "analysis/groups.h"
#include "analysis/measure.h"
#include "analysis/monos.h"
#include "analysis/names_from.h"
#include "analysis/select.h"
#include "analysis/sources.h"
#include "analysis/trees.h"
#include "report/escape.h"
#include "report/report.h"
#include "tui/screen.h"
#include "wasm/diag.h"
#include "wasm/component.h"
#include "wasm/file.h"
#include "wasm/module.h"

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_TROUBLE = 2 };

enum command {
	CMD_INSPECT, CMD_SECTIONS, CMD_TOP, CMD_DOMINATORS, CMD_PATHS,
	CMD_GARBAGE, CMD_MONOS, CMD_ADVISE, CMD_CHECK, CMD_DIFF, CMD_EXTRACT,
	CMD_SOURCES
};

struct ws_opts {
	enum command	 cmd;
	enum ws_format	 format;
	const char	*output;	/* NULL or "-": stdout */
	const char	*file;
	char	       **items;		/* ITEM arguments after FILE */
	size_t		 nitems;
	size_t		 number;	/* -n: rows of top, garbage, monos */
	int		 number_set;
	struct ws_tree_limits limits;	/* -d, -r */
	int		 retained;	/* top --retained */
	int		 by_retained;	/* top --sort=retained */
	int		 descending;	/* paths --descending */
	int		 regex;		/* ITEMs are regular expressions */
	int		 all;		/* garbage -a */
	int		 measure;	/* advise --measure */
	int		 demangle;
	int		 format_set;	/* --format or --json given */
	enum ws_color	 color;
	const char	*config;	/* check --config */
	const char	*max_growth;	/* diff --max-growth */
	int		 compressed;	/* inspect, sections --compressed */
	int		 depth_set;	/* -d given (sources) */
	long		 module;	/* --module N of a component; -1: none */
	enum ws_group_by group_by;	/* top, inspect --group-by */
	const char	*names_from;	/* --names-from: another build */
	struct ws_budget budget;	/* check: limits from flags */
};

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

/* The items the ITEM arguments name; an ITEM that names none is an error. */
static int
select_items(const struct ws_opts *o, const struct ws_analysis *a,
    uint32_t **sel, size_t *nsel)
{
	struct ws_diag	 d = { 0 };

	for (size_t i = 0; i < o->nitems; i++) {
		int found = ws_select(a, o->items[i], o->regex, sel, nsel, &d);

		if (found < 0) {
			fprintf(stderr, "wasmsize: %s\n", d.text);
			return -1;
		}
		if (found == 0) {
			fputs("wasmsize: ", stderr);
			ws_put_escaped(stderr, o->file, strlen(o->file));
			fputs(": no item named '", stderr);
			ws_put_escaped(stderr, o->items[i], strlen(o->items[i]));
			fputs("'\n", stderr);
			return -1;
		}
	}
	return 0;
}

/* Drops repeats from sel (items below n), keeping the first of each. */
static size_t
unique(uint32_t *sel, size_t nsel, size_t n)
{
	uint8_t	*seen = calloc(n ? n : 1, 1);
	size_t	 k = 0;

	if (seen == NULL)
		return nsel;
	for (size_t i = 0; i < nsel; i++)
		if (!seen[sel[i]]) {
			seen[sel[i]] = 1;
			sel[k++] = sel[i];
		}
	free(seen);
	return k;
}

/* What a command computes beyond the analysis, before anything is written. */
struct prepared {
	struct ws_tree_rows	 rows;		/* dominators, paths */
	struct ws_monos		 monos;		/* monos, inspect, advise */
	struct ws_findings	 findings;	/* inspect, advise */
	struct ws_advice	 advice;
	struct ws_groups	 groups;	/* top, inspect --group-by */
	struct ws_sources	 sources;	/* sources */
};

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* "measuring 2/5: strip-dwarf" on a terminal, overwritten in place. */
static void
progress(void *ctx, size_t i, size_t n, const char *id)
{
	(void)ctx;
	if (id != NULL)
		fprintf(stderr, "\rwasmsize: measuring %zu/%zu: %-28s", i + 1,
		    n, id);
	else
		fprintf(stderr, "\r%*s\r", 70, "");
}

static int
prepare_advice(const struct ws_opts *o, const struct ws_analysis *a,
    const struct ws_file *f, struct prepared *p, struct ws_diag *d)
{
	struct ws_measure_opts mo = { "wasm-opt", 1, NULL, NULL,
	    (volatile int *)&interrupted };
	uint64_t	 monos = 0;

	if (ws_monos_find(&p->monos, a, d) != 0 ||
	    ws_findings_build(&p->findings, a, d) != 0)
		return -1;
	for (size_t i = 0; i < p->monos.n; i++)
		monos += p->monos.groups[i].savings;
	if (ws_advice_build(&p->advice, a, &p->findings, monos, d) != 0)
		return -1;
	if (o->cmd != CMD_ADVISE || !o->measure)
		return 0;
	mo.all = p->findings.debug.features == 0;
	if (isatty(STDERR_FILENO))
		mo.progress = progress;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	return ws_measure(&p->advice, f->data, f->size, &mo, d);
}

static int
prepare_trees(const struct ws_opts *o, const struct ws_analysis *a,
    struct prepared *p, struct ws_diag *d)
{
	uint32_t	*sel = NULL;
	size_t		 nsel = 0;
	int		 rc = 0;

	if (select_items(o, a, &sel, &nsel) != 0)
		return -1;
	nsel = unique(sel, nsel, a->attrib.n);
	if (o->cmd == CMD_DOMINATORS && nsel == 0)
		rc = ws_tree_dominators(a, a->graph.root, &o->limits, &p->rows,
		    d);
	for (size_t i = 0; rc == 0 && i < nsel; i++)
		rc = o->cmd == CMD_DOMINATORS ?
		    ws_tree_dominators(a, sel[i], &o->limits, &p->rows, d) :
		    ws_tree_paths(a, sel[i], o->descending, &o->limits,
		    &p->rows, d);
	free(sel);
	if (rc != 0)
		fprintf(stderr, "wasmsize: %s\n", d->text);
	return rc;
}

/* Returns 0, or -1 after printing the error. */
static int
prepare(const struct ws_opts *o, const struct ws_analysis *a,
    const struct ws_file *f, struct prepared *p)
{
	struct ws_diag	 d = { 0 };

	if (o->group_by != WS_GROUP_NONE &&
	    ws_groups_build(&p->groups, a, o->group_by, &d) != 0) {
		fprintf(stderr, "wasmsize: %s\n", d.text);
		return -1;
	}
	switch (o->cmd) {
	case CMD_INSPECT:
	case CMD_ADVISE:
		if (prepare_advice(o, a, f, p, &d) == 0)
			return 0;
		fprintf(stderr, "wasmsize: %s\n", d.text);
		return -1;
	case CMD_DOMINATORS:
	case CMD_PATHS:
		return prepare_trees(o, a, p, &d);
	case CMD_MONOS:
		if (ws_monos_find(&p->monos, a, &d) == 0)
			return 0;
		fprintf(stderr, "wasmsize: %s\n", d.text);
		return -1;
	case CMD_SOURCES:
		if (ws_sources_build(&p->sources, a->m, !o->depth_set ?
		    WS_SOURCES_AUTO : o->limits.depth > 4096 ? 4096 :
		    (int)o->limits.depth, &d) != 0) {
			fprintf(stderr, "wasmsize: %s\n", d.text);
			return -1;
		}
		ws_report_sources_notes(stderr, a->path, &p->sources);
		return 0;
	default:
		return 0;
	}
}

static int
run_report(const struct ws_opts *o, const struct ws_analysis *a,
    const struct prepared *p, FILE *fp)
{
	enum ws_tree_style style = o->cmd == CMD_DOMINATORS ?
	    WS_TREE_DOMINATORS : o->descending ? WS_TREE_PATHS_DOWN :
	    WS_TREE_PATHS_UP;

	switch (o->cmd) {
	case CMD_INSPECT:
		return ws_report_inspect(fp, a, &p->findings, &p->advice,
		    o->group_by ? &p->groups : NULL, o->format);
	case CMD_ADVISE:
		return ws_report_advise(fp, a, &p->findings, &p->advice,
		    o->format);
	case CMD_SECTIONS:
		return ws_report_sections(fp, a, o->format);
	case CMD_TOP:
		return ws_report_top(fp, a, o->format, &(struct ws_top_opts){
		    o->number, o->retained, o->by_retained,
		    o->group_by ? &p->groups : NULL });
	case CMD_DOMINATORS:
	case CMD_PATHS:
		return ws_report_tree(fp, a, o->format, style, &p->rows);
	case CMD_GARBAGE:
		return ws_report_garbage(fp, a, o->format,
		    o->all ? 0 : o->number_set ? o->number : 10);
	case CMD_MONOS:
		return ws_report_monos(fp, a, &p->monos, o->format, o->number);
	case CMD_SOURCES:
		return ws_report_sources(fp, a, &p->sources, o->format);
	case CMD_CHECK:		/* run_check */
	case CMD_DIFF:		/* run_diff */
	case CMD_EXTRACT:	/* extract */
		break;
	}
	return -1;
}

/* The file name as it may reach a terminal: escaped. */
static char *
shown_name(const char *file)
{
	char	*buf = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&buf, &n);

	if (fp == NULL)
		return NULL;
	ws_put_escaped(fp, file, strlen(file));
	fclose(fp);
	return buf;
}

static void
print_warnings(const struct ws_module *m, const char *file)
{
	for (size_t i = 0; i < m->nwarnings && i < WS_MAX_WARNINGS; i++)
		fprintf(stderr, "wasmsize: %s: warning: offset 0x%zx: %s\n",
		    file, m->warnings[i].offset, m->warnings[i].text);
	if (m->nwarnings > WS_MAX_WARNINGS)
		fprintf(stderr, "wasmsize: %s: warning: %zu more warnings\n",
		    file, m->nwarnings - WS_MAX_WARNINGS);
}

/* One module, read and analysed: what every command starts from. */
struct loaded {
	struct ws_file		 f;
	struct ws_module	 m;
	struct ws_analysis	 a;
	struct ws_component	 comp;		/* when the file is a component */
	struct ws_canalysis	 ca;
	int			 is_component;
	struct ws_analysis	*ap;		/* the module analysed: a, or
						   --module N of a component */
	struct ws_diag		 diag;
	char			*shown;		/* the path, escaped */
	int			 json;		/* a saved report, not a module */
	struct loaded		*donor;		/* --names-from: its names */
};

/* Whether a file is a saved JSON report: its first non-blank is '{'. */
static int
is_json(const struct ws_file *f)
{
	for (size_t i = 0; i < f->size; i++)
		if (f->data[i] != ' ' && f->data[i] != '\t' &&
		    f->data[i] != '\n' && f->data[i] != '\r')
			return f->data[i] == '{';
	return 0;
}

/* A component: every module analysed; --module N picks one. */
static int
load_component(const struct ws_opts *o, const char *path, struct loaded *l,
    const struct ws_analysis_opts *aopts)
{
	l->is_component = 1;
	if (ws_component_parse(&l->comp, l->f.data, (struct ws_span){ 0,
	    l->f.size }, 0, &l->diag) != 0 || ws_canalyze(&l->ca, path,
	    &l->comp, aopts, &l->diag) != 0) {
		ws_diag_print(&l->diag, l->shown, stderr);
		return -1;
	}
	for (size_t i = 0; i < l->ca.nmodules; i++)
		print_warnings(l->ca.modules[i].m, l->shown);
	if (o->module < 0)
		return 0;
	if ((size_t)o->module >= l->ca.nmodules) {
		fprintf(stderr, "wasmsize: %s: --module %ld: the component has "
		    "%zu core modules\n", l->shown, o->module, l->ca.nmodules);
		return -1;
	}
	l->ap = &l->ca.modules[o->module].a;
	if (o->compressed && ws_analysis_compress(l->ap, &l->diag) != 0) {
		ws_diag_print(&l->diag, l->shown, stderr);
		return -1;
	}
	return 0;
}

/*
 * Opens, parses and analyses path (a saved JSON report is only opened,
 * and flagged, when json_ok).  Prints the error, or the warnings.
 * Returns 0 or -1; call unload() either way.
 */
static int	load(const struct ws_opts *, const char *, int, struct loaded *);
static void	unload(struct loaded *);

/*
 * --names-from: the names of another build of the same code, for the
 * module l analysed.  The other build stays loaded as l->donor.
 */
static int
borrow_names(const struct ws_opts *o, struct loaded *l)
{
	struct ws_opts	 plain = *o;
	struct ws_names_match mt;
	struct ws_diag	 d = { 0 };
	int		 rc;

	plain.names_from = NULL;
	plain.compressed = 0;
	plain.module = -1;
	if ((l->donor = calloc(1, sizeof *l->donor)) == NULL ||
	    load(&plain, o->names_from, 0, l->donor) != 0)
		return -1;
	if (l->donor->ap == NULL) {
		fprintf(stderr, "wasmsize: %s: --names-from: a component; "
		    "extract the module first (wasmsize extract)\n",
		    l->donor->shown);
		return -1;
	}
	if ((rc = ws_names_from(l->ap, l->donor->ap, &mt, &d)) != 0) {
		fprintf(stderr, "wasmsize: %s: --names-from=%s: %s\n", l->shown,
		    l->donor->shown, d.text);
		return -1;
	}
	fprintf(stderr, "wasmsize: %s: names from %s: %u of %u functions "
	    "matched, %u of %u imported functions, %u of %u data segments; "
	    "%u items named\n", l->shown, l->donor->shown, mt.functions_matched,
	    mt.functions, mt.imports_matched, mt.imports, mt.datas_matched,
	    mt.datas, mt.named);
	return 0;
}

static int
load(const struct ws_opts *o, const char *path, int json_ok, struct loaded *l)
{
	struct ws_analysis_opts aopts = { o->demangle };

	memset(l, 0, sizeof *l);
	if ((l->shown = shown_name(path)) == NULL) {
		fputs("wasmsize: out of memory\n", stderr);
		return -1;
	}
	if (ws_file_open(&l->f, path, &l->diag) != 0)
		goto fail;
	if (json_ok && is_json(&l->f)) {
		l->json = 1;
		return 0;
	}
	if (ws_is_component(l->f.data, l->f.size)) {
		if (load_component(o, path, l, &aopts) != 0)
			return -1;
		return o->names_from != NULL && l->ap != NULL ?
		    borrow_names(o, l) : 0;
	}
	l->ap = &l->a;
	if (ws_module_parse(&l->m, l->f.data, (struct ws_span){ 0, l->f.size },
	    &l->diag) != 0 || ws_analyze(&l->a, path, &l->m, &aopts,
	    &l->diag) != 0 || (o->compressed &&
	    ws_analysis_compress(&l->a, &l->diag) != 0))
		goto fail;
	print_warnings(&l->m, l->shown);
	return o->names_from != NULL ? borrow_names(o, l) : 0;
fail:
	ws_diag_print(&l->diag, l->shown, stderr);
	return -1;
}

static void
unload(struct loaded *l)
{
	if (l->donor != NULL) {
		unload(l->donor);
		free(l->donor);
	}
	ws_canalysis_free(&l->ca);
	ws_component_free(&l->comp);
	ws_analysis_free(&l->a);
	ws_module_free(&l->m);
	ws_file_close(&l->f);
	free(l->shown);
}

/*
 * inspect without --format or -o, with a terminal on both ends that can
 * move its cursor (not TERM=dumb, as in an editor's shell).
 */
static int
interactive(const struct ws_opts *o)
{
	const char *term = getenv("TERM");

	return o->cmd == CMD_INSPECT && !o->format_set &&
	    term != NULL && term[0] != '\0' && strcmp(term, "dumb") != 0 &&
	    (o->output == NULL || strcmp(o->output, "-") == 0) &&
	    isatty(STDOUT_FILENO) && isatty(STDIN_FILENO) &&
	    strcmp(o->file, "-") != 0;
}

static int
write_report(const struct ws_opts *o, const struct ws_analysis *a,
    const struct prepared *p)
{
	FILE	*fp = stdout;
	int	 rc;

	if (o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (fp = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
		return -1;
	}
	rc = run_report(o, a, p, fp);
	if (fflush(fp) != 0)
		rc = -1;
	if (fp != stdout && fclose(fp) != 0)
		rc = -1;
	if (rc != 0)
		fprintf(stderr, "wasmsize: %s: write error\n",
		    o->output ? o->output : "standard output");
	return rc;
}

/* One file of `check`: load, find, and measure the limits. */
static int
check_one(const struct ws_opts *o, const char *path, const struct ws_budget *b,
    struct ws_check_file *out)
{
	struct loaded		 l;
	struct ws_findings	 fi;
	int			 rc = -1;

	memset(&fi, 0, sizeof fi);
	out->path = path;
	if (load(o, path, 0, &l) == 0) {
		if (l.ap == NULL)
			fprintf(stderr, "wasmsize: %s: a component: check one "
			    "of its modules with --module N\n", l.shown);
		else if (ws_findings_build(&fi, l.ap, &l.diag) == 0 &&
		    ws_budget_check(b, l.ap, &fi, l.ap->m->base +
		    l.ap->m->span.off, l.ap->m->span.len,
		    &out->checks, &l.diag) == 0) {
			out->n = b->n;
			rc = 0;
		} else {
			ws_diag_print(&l.diag, l.shown, stderr);
		}
	}
	ws_findings_free(&fi);
	unload(&l);
	return rc;
}

/* The limits: flags first, then the config (given, or found upward). */
static int
load_limits(struct ws_opts *o)
{
	struct ws_diag	 d = { 0 };
	char		*found = NULL;
	const char	*config = o->config;

	if (config == NULL && o->budget.n == 0)
		config = found = ws_budget_find();
	if (config != NULL && ws_budget_load(&o->budget, config, &d) != 0) {
		fprintf(stderr, "wasmsize: %s\n", d.text);
		free(found);
		return -1;
	}
	free(found);
	if (o->budget.n == 0) {
		fputs("wasmsize: check: no limits: give --max-* options, "
		    "--config, or a .wasmsize.json\n", stderr);
		return -1;
	}
	return 0;
}

static int
run_check(struct ws_opts *o)
{
	size_t			 nfiles = 1 + o->nitems;
	struct ws_check_file	*files = calloc(nfiles, sizeof *files);
	const char		*gh = getenv("GITHUB_ACTIONS");
	int			 status = EXIT_TROUBLE, failed = 0;
	FILE			*fp = stdout;

	if (files == NULL || load_limits(o) != 0)
		goto out;
	for (size_t i = 0; i < nfiles; i++)
		if (check_one(o, i == 0 ? o->file : o->items[i - 1],
		    &o->budget, &files[i]) != 0)
			goto out;
	for (size_t i = 0; i < nfiles; i++)
		for (size_t k = 0; k < files[i].n; k++)
			failed |= !files[i].checks[k].pass;
	if (o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (fp = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
		goto out;
	}
	/* annotations go to standard output: not inside JSON or CSV there */
	if (ws_report_check(fp, files, nfiles, o->format, gh != NULL &&
	    strcmp(gh, "true") == 0 && (fp != stdout ||
	    o->format == WS_FORMAT_TEXT || o->format == WS_FORMAT_MARKDOWN))
	    == 0 && fflush(fp) == 0)
		status = failed ? EXIT_FAILED : EXIT_OK;
	if (fp != stdout)
		fclose(fp);
out:
	for (size_t i = 0; files != NULL && i < nfiles; i++)
		free(files[i].checks);
	free(files);
	ws_budget_free(&o->budget);
	return status;
}

/* One side of a diff, from a .wasm or a saved report. */
static int
load_side(const struct ws_opts *o, const char *path, struct ws_side *side)
{
	struct loaded	 l;
	int		 rc = -1;

	memset(side, 0, sizeof *side);
	if (load(o, path, 1, &l) == 0) {
		rc = l.json ? ws_side_from_json(side, path, &l.diag) :
		    l.ap == NULL ? ws_diag_set(&l.diag, 0, WS_ERR_TEXT, "a "
		    "component: compare one of its modules with --module N") :
		    ws_side_from_analysis(side, l.ap, l.ap->m->base +
		    l.ap->m->span.off, l.ap->m->span.len, &l.diag);
		if (rc != 0)
			ws_diag_print(&l.diag, l.shown, stderr);
	}
	unload(&l);
	return rc;
}

/* --max-growth: a size, or a percentage of the old size. */
static int
grew_too_much(const struct ws_opts *o, const struct ws_side *old,
    const struct ws_diff *d)
{
	struct ws_size	 lim;
	char		 err[200];
	uint64_t	 allowed;

	if (o->max_growth == NULL)
		return 0;
	if (ws_size_parse(o->max_growth, &lim, err, sizeof err) != 0)
		die_usage("--max-growth: %s", err);
	allowed = lim.is_pct ? old->size * lim.pct100 / 10000 : lim.bytes;
	if (d->size_delta <= 0 || (uint64_t)d->size_delta <= allowed)
		return 0;
	fprintf(stderr, "wasmsize: diff: grew by %" PRId64 " B, more than "
	    "--max-growth=%s (%" PRIu64 " B)\n", d->size_delta, o->max_growth,
	    allowed);
	return 1;
}

static int
run_diff(const struct ws_opts *o)
{
	struct ws_side	 old, new;
	struct ws_diff	 d;
	struct ws_diag	 diag = { 0 };
	FILE		*fp = stdout;
	int		 status = EXIT_TROUBLE;

	memset(&d, 0, sizeof d);
	if (load_side(o, o->file, &old) != 0) {
		ws_side_free(&old);
		return EXIT_TROUBLE;
	}
	if (load_side(o, o->items[0], &new) != 0)
		goto out;
	if (ws_diff_build(&d, &old, &new, &diag) != 0) {
		fprintf(stderr, "wasmsize: %s\n", diag.text);
		goto out;
	}
	if (o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (fp = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
		goto out;
	}
	if (ws_report_diff(fp, &old, &new, &d, o->format,
	    o->number_set ? o->number : 20) == 0 && fflush(fp) == 0)
		status = grew_too_much(o, &old, &d) ? EXIT_FAILED : EXIT_OK;
	if (fp != stdout)
		fclose(fp);
out:
	ws_diff_free(&d);
	ws_side_free(&old);
	ws_side_free(&new);
	return status;
}

/* The bytes of the module analysed: the file, or a component's module. */
static void
module_bytes(const struct loaded *l, struct ws_file *out)
{
	const struct ws_module *m = l->ap->m;

	*out = (struct ws_file){ .path = l->f.path, .data = m->base +
	    m->span.off, .size = m->span.len };
}

/* Opens -o (stdout when none or "-"); NULL after printing why. */
static FILE *
output(const struct ws_opts *o)
{
	FILE	*fp;

	if (o->output == NULL || strcmp(o->output, "-") == 0)
		return stdout;
	if ((fp = fopen(o->output, "w")) == NULL)
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
	return fp;
}

/* inspect on a terminal: the component's tree, every module's advice. */
static int
component_screen(const struct ws_opts *o, struct loaded *l)
{
	size_t		 n = l->ca.nmodules;
	struct ws_findings *f = calloc(n ? n : 1, sizeof *f);
	struct ws_advice *adv = calloc(n ? n : 1, sizeof *adv);
	struct ws_diag	 d = { 0 };
	int		 rc = -1;

	if (f != NULL && adv != NULL) {
		rc = 0;
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = ws_findings_build(&f[i], &l->ca.modules[i].a, &d) ||
			    ws_advice_build(&adv[i], &l->ca.modules[i].a, &f[i],
			    0, &d);
		if (rc == 0)
			rc = ws_screen_run_component(&l->ca, f, adv, l->f.data,
			    l->f.size, o->color);
	}
	for (size_t i = 0; f != NULL && adv != NULL && i < n; i++) {
		ws_findings_free(&f[i]);
		ws_advice_free(&adv[i]);
	}
	free(f);
	free(adv);
	if (rc != 0)
		fprintf(stderr, "wasmsize: cannot drive the terminal (TERM=%s); "
		    "use --format=text\n", getenv("TERM"));
	return rc == 0 ? EXIT_OK : EXIT_TROUBLE;
}

/* A component without --module: inspect and sections show it whole. */
static int
component_report(const struct ws_opts *o, struct loaded *l)
{
	FILE	*fp;
	int	 rc;

	if (o->cmd == CMD_INSPECT && interactive(o) && l->ca.nmodules > 0)
		return component_screen(o, l);

	if (o->cmd != CMD_INSPECT && o->cmd != CMD_SECTIONS) {
		fprintf(stderr, "wasmsize: %s: a component with %zu core "
		    "modules: choose one with --module N (wasmsize inspect "
		    "lists them)\n", l->shown, l->ca.nmodules);
		return EXIT_TROUBLE;
	}
	if ((fp = output(o)) == NULL)
		return EXIT_TROUBLE;
	rc = ws_report_component(fp, &l->ca, o->format);
	if (fflush(fp) != 0 || (fp != stdout && fclose(fp) != 0))
		rc = -1;
	return rc == 0 ? EXIT_OK : EXIT_TROUBLE;
}

/* extract --module N -o OUT: the module's bytes, as a file of its own. */
static int
extract(const struct ws_opts *o, struct loaded *l)
{
	const struct ws_module *m = l->is_component ? (o->module >= 0 ?
	    l->ap->m : NULL) : &l->m;
	FILE	*fp;

	if (m == NULL || o->output == NULL) {
		fprintf(stderr, "wasmsize: extract needs --module N and -o "
		    "FILE\n");
		return EXIT_TROUBLE;
	}
	if ((fp = output(o)) == NULL)
		return EXIT_TROUBLE;
	if (fwrite(m->base + m->span.off, 1, m->span.len, fp) != m->span.len ||
	    fflush(fp) != 0 || (fp != stdout && fclose(fp) != 0)) {
		fprintf(stderr, "wasmsize: %s: write error\n", o->output);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

/* A module command on the module analysed (the file, or --module N). */
static int
run_module(const struct ws_opts *o, const struct loaded *l,
    struct prepared *prep)
{
	struct ws_file	 mod;	/* the module's bytes */

	module_bytes(l, &mod);
	if (prepare(o, l->ap, &mod, prep) != 0)
		return EXIT_TROUBLE;
	if (interactive(o)) {
		if (ws_screen_run(l->ap, &prep->findings, &prep->advice,
		    mod.data, mod.size, o->color) == 0)
			return EXIT_OK;
		fprintf(stderr, "wasmsize: cannot drive the terminal (TERM=%s); "
		    "use --format=text\n", getenv("TERM"));
		return EXIT_TROUBLE;
	}
	return write_report(o, l->ap, prep) == 0 ? EXIT_OK : EXIT_TROUBLE;
}

int
main(int argc, char **argv)
{
	struct ws_opts		 o;
	struct loaded		 l;
	struct prepared		 prep;
	int			 status = EXIT_TROUBLE;

	memset(&prep, 0, sizeof prep);
	parse_args(argc, argv, &o);
	if (o.cmd == CMD_CHECK)
		return run_check(&o);
	if (o.cmd == CMD_DIFF)
		return run_diff(&o);
	if (load(&o, o.file, 0, &l) != 0)
		status = EXIT_TROUBLE;
	else if (o.cmd == CMD_EXTRACT)
		status = extract(&o, &l);
	else if (l.ap == NULL)
		status = component_report(&o, &l);
	else
		status = run_module(&o, &l, &prep);
	ws_tree_rows_free(&prep.rows);
	ws_monos_free(&prep.monos);
	ws_findings_free(&prep.findings);
	ws_advice_free(&prep.advice);
	ws_sources_free(&prep.sources);
	ws_groups_free(&prep.groups);
	unload(&l);
	return status;
}

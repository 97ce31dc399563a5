/* SPDX-License-Identifier: MIT */
/*
 * main.c - argv to options to one command.  The only file that calls
 * exit(): 0 success, 2 usage error or unreadable or malformed input.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "report/report.h"
#include "wasm/diag.h"
#include "wasm/file.h"
#include "wasm/module.h"

enum { EXIT_OK = 0, EXIT_TROUBLE = 2 };

enum command { CMD_INSPECT, CMD_SECTIONS, CMD_TOP };

struct ws_opts {
	enum command	 cmd;
	enum ws_format	 format;
	const char	*output;	/* NULL: stdout */
	const char	*file;
	size_t		 top_n;
	int		 demangle;
};

static const struct {
	const char	*name;
	enum command	 cmd;
	const char	*help;
} commands[] = {
	{ "inspect",  CMD_INSPECT,  "overview: size, toolchain, sections, "
	    "largest items" },
	{ "sections", CMD_SECTIONS, "one row per section" },
	{ "top",      CMD_TOP,      "the largest items" },
};

static void
usage(FILE *fp)
{
	fputs("usage: wasmsize COMMAND [options] FILE\n"
	    "       wasmsize --help | --version\n\ncommands:\n", fp);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].help);
	fputs("\noptions:\n"
	    "  --format=text|csv|json  output format (default text)\n"
	    "  --json                  same as --format=json\n"
	    "  -o, --output=FILE       write the report to FILE (-: stdout)\n"
	    "  -n, --rows=N            top: show N items (default 20; 0: all)\n"
	    "  --no-demangle           show Rust and C++ names as in the file\n"
	    "  -h, --help              show this help and exit\n"
	    "  --version               show the version and exit\n"
	    "\nFILE may be - for standard input.  Exit status: 0 success, "
	    "2 trouble.\nSee wasmsize(1).\n", fp);
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
	die_usage("unknown format '%s' (text, csv or json)", s);
	return WS_FORMAT_TEXT;
}

static size_t
parse_count(const char *s)
{
	char			*end;
	unsigned long long	 v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0 ||
	    v > SIZE_MAX)
		die_usage("invalid number '%s'", s);
	return (size_t)v;
}

static enum command
parse_command(const char *s)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(s, commands[i].name) == 0)
			return commands[i].cmd;
	die_usage("unknown command '%s'", s);
	return CMD_INSPECT;
}

static void
parse_args(int argc, char **argv, struct ws_opts *o)
{
	enum { OPT_FORMAT = 256, OPT_JSON, OPT_NO_DEMANGLE, OPT_VERSION };
	static const struct option longopts[] = {
		{ "format",	 required_argument, NULL, OPT_FORMAT },
		{ "json",	 no_argument,	    NULL, OPT_JSON },
		{ "output",	 required_argument, NULL, 'o' },
		{ "rows",	 required_argument, NULL, 'n' },
		{ "no-demangle", no_argument,	    NULL, OPT_NO_DEMANGLE },
		{ "help",	 no_argument,	    NULL, 'h' },
		{ "version",	 no_argument,	    NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	int	 c;

	*o = (struct ws_opts){ .format = WS_FORMAT_TEXT, .top_n = 20,
	    .demangle = 1 };
	argv[0] = (char *)"wasmsize";	/* getopt's messages start with it */
	while ((c = getopt_long(argc, argv, "ho:n:", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT: o->format = parse_format(optarg); break;
		case OPT_JSON: o->format = WS_FORMAT_JSON; break;
		case 'o': o->output = optarg; break;
		case 'n': o->top_n = parse_count(optarg); break;
		case OPT_NO_DEMANGLE: o->demangle = 0; break;
		case 'h': usage(stdout); exit(EXIT_OK);
		case OPT_VERSION:
			printf("wasmsize %s\n", PACKAGE_VERSION);
			exit(EXIT_OK);
		default:
			fputs("Try 'wasmsize --help'.\n", stderr);
			exit(EXIT_TROUBLE);
		}
	}
	if (optind >= argc)
		die_usage("%s", "missing command");
	o->cmd = parse_command(argv[optind++]);
	if (optind >= argc)
		die_usage("%s", "missing FILE");
	o->file = argv[optind++];
	if (optind < argc)
		die_usage("unexpected argument '%s'", argv[optind]);
}

static int
run_report(const struct ws_opts *o, const struct ws_analysis *a, FILE *fp)
{
	switch (o->cmd) {
	case CMD_INSPECT:
		return ws_report_inspect(fp, a, o->format);
	case CMD_SECTIONS:
		return ws_report_sections(fp, a, o->format);
	case CMD_TOP:
		return ws_report_top(fp, a, o->format, o->top_n);
	}
	return -1;
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

static int
write_report(const struct ws_opts *o, const struct ws_analysis *a)
{
	FILE	*fp = stdout;
	int	 rc;

	if (o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (fp = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "wasmsize: %s: %s\n", o->output,
		    strerror(errno));
		return -1;
	}
	rc = run_report(o, a, fp);
	if (fflush(fp) != 0)
		rc = -1;
	if (fp != stdout && fclose(fp) != 0)
		rc = -1;
	if (rc != 0)
		fprintf(stderr, "wasmsize: %s: write error\n",
		    o->output ? o->output : "standard output");
	return rc;
}

int
main(int argc, char **argv)
{
	struct ws_opts		 o;
	struct ws_diag		 diag = { 0 };
	struct ws_file		 f;
	struct ws_module	 m;
	struct ws_analysis	 a;
	struct ws_analysis_opts	 aopts;
	int			 status = EXIT_TROUBLE;

	memset(&a, 0, sizeof a);
	parse_args(argc, argv, &o);
	aopts.demangle = o.demangle;
	if (ws_file_open(&f, o.file, &diag) != 0) {
		ws_diag_print(&diag, o.file, stderr);
		ws_file_close(&f);
		return EXIT_TROUBLE;
	}
	if (ws_module_parse(&m, f.data, (struct ws_span){ 0, f.size },
	    &diag) != 0 ||
	    ws_analyze(&a, o.file, &m, &aopts, &diag) != 0) {
		ws_diag_print(&diag, o.file, stderr);
	} else {
		print_warnings(&m, o.file);
		if (write_report(&o, &a) == 0)
			status = EXIT_OK;
	}
	ws_analysis_free(&a);
	ws_module_free(&m);
	ws_file_close(&f);
	return status;
}

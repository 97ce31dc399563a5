/* SPDX-License-Identifier: MIT */
/*
 * cli.h - what main.c and the command runners in src/cli/ share: the
 * options parsed from argv, a file loaded and analysed, and one entry
 * point per kind of command.  Each runner prints its own errors and
 * returns an exit status: EXIT_OK, EXIT_FAILED (a check failed) or
 * EXIT_TROUBLE; only main.c calls exit().
 */
#ifndef WS_CLI_H
#define WS_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "analysis/analysis.h"
#include "analysis/budget.h"
#include "analysis/canalysis.h"
#include "analysis/groups.h"
#include "analysis/trees.h"
#include "report/report.h"
#include "tui/screen.h"
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

/*
 * Opens, parses and analyses path (a saved JSON report is only opened,
 * and flagged, when json_ok); --module N picks a component's module and
 * --names-from names it.  Prints the error, or the warnings.  Returns 0
 * or -1; call ws_cli_unload() either way.
 */
int	ws_cli_load(const struct ws_opts *, const char *path, int json_ok,
	    struct loaded *);
void	ws_cli_unload(struct loaded *);

/*
 * inspect without --format or -o, with a terminal on both ends that can
 * move its cursor (not TERM=dumb, as in an editor's shell).
 */
int	ws_cli_interactive(const struct ws_opts *);

/* Opens -o (stdout when none or "-"); NULL after printing why. */
FILE	*ws_cli_output(const struct ws_opts *);

/* A module command on the module loaded (the file, or --module N). */
int	ws_cli_run_module(const struct ws_opts *, const struct loaded *);

/* inspect and sections on a component as a whole (no --module). */
int	ws_cli_component(const struct ws_opts *, struct loaded *);

/* extract --module N -o OUT. */
int	ws_cli_extract(const struct ws_opts *, struct loaded *);

/* check FILE...: the budgets, from flags or .wasmsize.json. */
int	ws_cli_check(struct ws_opts *);

/* diff OLD NEW. */
int	ws_cli_diff(const struct ws_opts *);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * budget.h - size budgets for CI: limits read from flags or a JSON config,
 * sizes with units (B, kB, KiB, MB, MiB, GB, GiB) or percentages of the
 * file, and their evaluation against an analysed module.
 */
#ifndef WS_BUDGET_H
#define WS_BUDGET_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "findings.h"
#include "wasm/diag.h"

enum ws_limit_kind {
	WS_LIM_SIZE, WS_LIM_GZIP, WS_LIM_BROTLI, WS_LIM_DEBUG, WS_LIM_CUSTOM,
	WS_LIM_GARBAGE, WS_LIM_PANIC, WS_LIM_SECTION, WS_LIM_FUNCTION,
	WS_LIM_MEMORY_INITIAL, WS_LIM_MEMORY_MAXIMUM
};

/* A size as written: bytes, or hundredths of a percent of the file. */
struct ws_size {
	uint64_t	 bytes;
	uint32_t	 pct100;	/* 550 means 5.5% */
	int		 is_pct;
};

struct ws_limit {
	enum ws_limit_kind kind;
	char		*target;	/* section, function name or regex */
	int		 regex;
	struct ws_size	 max;		/* pages for memory limits */
	char		*spec;		/* the limit as written */
	char		*message;	/* shown when it fails; may be NULL */
};

struct ws_budget {
	struct ws_limit	*v;
	size_t		 n, cap;
};

struct ws_check {
	const struct ws_limit *limit;
	int		 applies;	/* 0: nothing in the module to measure */
	int		 pass;
	int		 unbounded;	/* memory-maximum: a memory has none */
	uint64_t	 actual, allowed;	/* bytes (or pages) */
	char		 subject[160];	/* the section or function measured */
};

/*
 * Parses a size: a number (up to three decimals), optional spaces, and a
 * unit B, kB/KB (1000), KiB (1024), MB, MiB, GB, GiB, or %; no unit means
 * bytes.  Returns 0, or -1 with "invalid size ..." in err.
 */
int	ws_size_parse(const char *s, struct ws_size *, char *err, size_t len);

/* Adds a limit; spec is parsed as a size (as a page count for memory). */
int	ws_budget_add(struct ws_budget *, enum ws_limit_kind, const char *target,
	    int regex, const char *spec, const char *message, struct ws_diag *);

/*
 * Reads limits from a JSON config file (see wasmsize(1)).  A syntax error
 * names the line and column; unknown keys and bad sizes are errors too.
 * Returns 0 or -1 (message in diag).
 */
int	ws_budget_load(struct ws_budget *, const char *path, struct ws_diag *);

/*
 * The config to use when none is given: .wasmsize.json in the current
 * directory or the nearest parent that has one.  Returns a new string, or
 * NULL when there is none.
 */
char	*ws_budget_find(void);

/*
 * Evaluates every limit against one module (file holds its bytes, for the
 * compressed sizes, computed only when a limit needs them).  *out gets a
 * new array of b->n results.  Returns 0, or -1 with the reason in diag.
 */
int	ws_budget_check(const struct ws_budget *b, const struct ws_analysis *a,
	    const struct ws_findings *f, const uint8_t *file, size_t n,
	    struct ws_check **out, struct ws_diag *);

/*
 * The same over a component's core modules: the whole file's size and
 * compressed sizes; custom, the custom-section bytes of modules and
 * components; debug info, garbage and panic machinery added up over the
 * modules; a section limit adds that section of every module; function
 * and memory limits take the largest in any module.
 */
struct ws_budget_part {
	const struct ws_analysis *a;
	const struct ws_findings *f;
};
int	ws_budget_check_parts(const struct ws_budget *b,
	    const struct ws_budget_part *parts, size_t nparts, uint64_t custom,
	    const uint8_t *file, size_t n, struct ws_check **out,
	    struct ws_diag *);

/* "size", "gzip", "section", ... */
const char *ws_limit_name(enum ws_limit_kind);

void	ws_budget_free(struct ws_budget *);

#endif

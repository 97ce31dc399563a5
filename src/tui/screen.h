/* SPDX-License-Identifier: MIT */
/*
 * screen.h - the interactive inspector on a terminal.
 */
#ifndef WS_SCREEN_H
#define WS_SCREEN_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/advice.h"
#include "analysis/analysis.h"
#include "analysis/canalysis.h"
#include "analysis/findings.h"
#include "analysis/groups.h"

enum ws_color { WS_COLOR_AUTO, WS_COLOR_ALWAYS, WS_COLOR_NEVER };

/*
 * Runs the inspector on the terminal until the user quits, then leaves
 * the terminal as it found it; on SIGINT or SIGTERM it restores the
 * terminal and then dies of the signal.  file holds the module's bytes,
 * for the gzip size computed while the user browses; a group_by other
 * than WS_GROUP_NONE opens the module by crate or namespace.  Returns 0, or -1
 * when curses does not know the terminal.
 */
int	ws_screen_run(const struct ws_analysis *, const struct ws_findings *,
	    const struct ws_advice *, const uint8_t *file, size_t size,
	    enum ws_color, enum ws_group_by);

/*
 * The same for a component: its core modules at the top, each opening
 * onto its own tree (findings[i] and advice[i] are module i's).
 */
int	ws_screen_run_component(const struct ws_canalysis *,
	    const struct ws_findings *, const struct ws_advice *,
	    const uint8_t *file, size_t size, enum ws_color);

#endif

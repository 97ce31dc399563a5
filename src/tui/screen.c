/* SPDX-License-Identifier: MIT */
/*
 * screen.c - the only file that talks to curses: draws the lines the view
 * renders, turns keys into view keys, follows resizes, computes the gzip
 * size on a second thread, and restores the terminal on quit and on
 * SIGINT/SIGTERM (then dies of the signal, so the shell sees it).
 */
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "analysis/compress.h"
#include "screen.h"
#include "view.h"

enum { PAIR_TITLE = 1, PAIR_HEADER, PAIR_STATUS };

static volatile sig_atomic_t stop;	/* the signal that arrived, or 0 */

static void
on_signal(int sig)
{
	stop = sig;
}

struct gzip_job {
	const uint8_t	*p;
	size_t		 n;
	int64_t		 result;	/* written once, by the thread */
	pthread_mutex_t	 lock;
	int		 done;
	volatile int	 cancel;	/* the user quit first */
};

static void *
gzip_thread(void *arg)
{
	struct gzip_job *g = arg;
	int64_t r = ws_gzip_size_cancel(g->p, g->n, &g->cancel);

	pthread_mutex_lock(&g->lock);
	g->result = r;
	g->done = 1;
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

static int
translate(int ch)
{
	switch (ch) {
	case KEY_UP: return VK_UP;
	case KEY_DOWN: return VK_DOWN;
	case KEY_LEFT: return VK_LEFT;
	case KEY_RIGHT: return VK_RIGHT;
	case KEY_ENTER: case '\n': case '\r': return VK_ENTER;
	case KEY_BACKSPACE: case 127: case 8: return VK_BACKSPACE;
	case KEY_PPAGE: return VK_PGUP;
	case KEY_NPAGE: return VK_PGDN;
	case KEY_HOME: return VK_HOME;
	case KEY_END: return VK_END;
	case 27: return VK_ESC;
	}
	return ch;
}

static int
use_colors(enum ws_color c)
{
	const char *nc = getenv("NO_COLOR");

	if (c == WS_COLOR_NEVER || !has_colors())
		return 0;
	if (c == WS_COLOR_AUTO && nc != NULL && nc[0] != '\0')
		return 0;
	return 1;
}

static void
setup_colors(void)
{
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_HEADER, COLOR_CYAN, -1);
	init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_CYAN);
}

static attr_t
attr_of(enum view_attr a, int colors)
{
	switch (a) {
	case ATTR_TITLE:
		return colors ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_REVERSE;
	case ATTR_HEADER:
		return colors ? COLOR_PAIR(PAIR_HEADER) : A_NORMAL;
	case ATTR_SELECTED:
		return A_REVERSE;
	case ATTR_STATUS:
		return colors ? COLOR_PAIR(PAIR_STATUS) : A_REVERSE;
	default:
		return A_NORMAL;
	}
}

static void
draw(const struct view *v, int colors)
{
	struct view_line *lines = calloc((size_t)(v->rows > 0 ? v->rows : 1),
	    sizeof *lines);
	size_t	 n;

	if (lines == NULL)
		return;
	n = view_render(v, lines);
	erase();
	for (size_t i = 0; i < n; i++) {
		attr_t a = attr_of(lines[i].attr, colors);

		attrset(a);
		mvaddstr((int)i, 0, lines[i].text);
		if (a != A_NORMAL)	/* the bar reaches the right edge */
			for (int x = getcurx(stdscr); x < v->cols &&
			    getcury(stdscr) == (int)i; x++)
				addch(' ');
	}
	attrset(A_NORMAL);
	refresh();
	free(lines);
}

static int
is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && strcmp(cs, "UTF-8") == 0;
}

/* The event loop: keys, resizes, signals and the gzip result. */
static void
loop(struct view *v, int colors, struct gzip_job *g)
{
	int	 rows, cols, ch;

	draw(v, colors);
	while (!stop) {
		ch = getch();
		if (v->gzip < 0) {
			pthread_mutex_lock(&g->lock);
			if (g->done) {
				v->gzip = g->result;
				draw(v, colors);
			}
			pthread_mutex_unlock(&g->lock);
		}
		if (ch == ERR)
			continue;
		if (ch == KEY_RESIZE) {
			getmaxyx(stdscr, rows, cols);
			view_resize(v, rows, cols);
			draw(v, colors);
			continue;
		}
		int act = view_key(v, translate(ch));
		if (act & VIEW_QUIT)
			break;
		if (act & VIEW_REDRAW)
			draw(v, colors);
	}
}

/* Runs an initialised view on the terminal; frees it. */
static int
run_view(struct view *v, const uint8_t *file, size_t size, enum ws_color color)
{
	struct gzip_job	 g = { .p = file, .n = size, .result = -1 };
	SCREEN		*term;
	pthread_t	 tid;
	int		 rows, cols, colors, started;

	/* newterm, unlike initscr, returns NULL for a terminal it does not
	   know instead of exiting */
	if ((term = newterm(NULL, stdout, stdin)) == NULL) {
		view_free(v);
		return -1;
	}
	pthread_mutex_init(&g.lock, NULL);
	started = pthread_create(&tid, NULL, gzip_thread, &g) == 0;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	timeout(100);
	if ((colors = use_colors(color)) != 0)
		setup_colors();
	getmaxyx(stdscr, rows, cols);
	view_resize(v, rows, cols);
	loop(v, colors, &g);
	endwin();
	delscreen(term);
	g.cancel = 1;
	if (started)
		pthread_join(tid, NULL);
	pthread_mutex_destroy(&g.lock);
	view_free(v);
	if (stop != 0) {	/* the terminal is restored: die of it now */
		signal(stop, SIG_DFL);
		raise(stop);
	}
	return 0;
}

int
ws_screen_run(const struct ws_analysis *a, const struct ws_findings *f,
    const struct ws_advice *adv, const uint8_t *file, size_t size,
    enum ws_color color, enum ws_group_by group_by)
{
	struct view	 v;

	setlocale(LC_ALL, "");
	if (view_init(&v, a, f, adv, !is_utf8()) != 0) {
		view_free(&v);
		return -1;
	}
	if (group_by != WS_GROUP_NONE)
		view_list_by(&v, group_by == WS_GROUP_CRATE ? BY_CRATE :
		    BY_NAMESPACE);
	return run_view(&v, file, size, color);
}

int
ws_screen_run_component(const struct ws_canalysis *ca,
    const struct ws_findings *f, const struct ws_advice *adv,
    const uint8_t *file, size_t size, enum ws_color color)
{
	struct view	 v;

	setlocale(LC_ALL, "");
	if (view_init_component(&v, ca, f, adv, !is_utf8()) != 0) {
		view_free(&v);
		return -1;
	}
	return run_view(&v, file, size, color);
}

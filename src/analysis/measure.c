/* SPDX-License-Identifier: MIT */
/*
 * measure.c - runs `wasm-opt [-all] OPTIONS in.wasm -o out.wasm` in a
 * temporary directory for each measurable recommendation, with its output
 * captured, and compares sizes.  The child is killed when the user
 * interrupts; the directory is always removed.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "compress.h"
#include "measure.h"

extern char **environ;

enum { MAX_ARGS = 16 };

struct tmp {
	char	 dir[64];
	char	 in[96], out[96], err[96];
};

/* The baseline: wasm-opt's re-encoding of the module, without passes. */
struct base {
	int64_t	 size, gzip;
	int64_t	 file, file_gzip;	/* the module itself */
	int	 missing;		/* wasm-opt is not installed */
	const char *failed;		/* why the baseline failed, or NULL */
};

static int
write_all(const char *path, const uint8_t *p, size_t n)
{
	int	 fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd == -1)
		return -1;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return close(fd);
}

/* Reads a whole small or large file into memory; NULL on failure. */
static uint8_t *
read_file(const char *path, size_t *n)
{
	struct stat	 st;
	uint8_t		*buf;
	int		 fd = open(path, O_RDONLY);
	size_t		 got = 0;

	if (fd == -1 || fstat(fd, &st) == -1 ||
	    (buf = malloc((size_t)st.st_size + 1)) == NULL) {
		if (fd != -1)
			close(fd);
		return NULL;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	*n = got;
	return buf;
}

/* argv for wasm-opt: [-all], the passes (split at spaces), in, -o out. */
static size_t
make_argv(char **argv, char *passes, const struct ws_measure_opts *o,
    const struct tmp *t)
{
	size_t	 k = 0;

	argv[k++] = (char *)o->wasm_opt;
	if (o->all)
		argv[k++] = (char *)"-all";
	for (char *s = strtok(passes, " "); s && k < MAX_ARGS - 4;
	    s = strtok(NULL, " "))
		argv[k++] = s;
	argv[k++] = (char *)t->in;
	argv[k++] = (char *)"-o";
	argv[k++] = (char *)t->out;
	argv[k] = NULL;
	return k;
}

/* Runs wasm-opt; returns its exit status, 127 when it cannot be started,
 * or -2 when interrupted. */
static int
run(const struct ws_measure_opts *o, const char *passes, const struct tmp *t)
{
	posix_spawn_file_actions_t fa;
	char		*argv[MAX_ARGS], buf[256];
	pid_t		 pid;
	int		 status, rc;

	snprintf(buf, sizeof buf, "%s", passes);
	make_argv(argv, buf, o, t);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, t->err,
	    O_WRONLY | O_CREAT | O_TRUNC, 0600);
	rc = posix_spawnp(&pid, o->wasm_opt, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return 127;
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid)
			break;
		if (w == -1 && errno != EINTR)
			return 127;
		if (o->interrupted != NULL && *o->interrupted) {
			kill(pid, SIGTERM);
			waitpid(pid, &status, 0);
			return -2;
		}
		nanosleep(&(struct timespec){ 0, 20 * 1000 * 1000 }, NULL);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* The first line wasm-opt wrote to stderr, into the advice's arena. */
static const char *
complaint(struct ws_advice *adv, const struct tmp *t)
{
	size_t	 n = 0;
	uint8_t	*e = read_file(t->err, &n);
	size_t	 len = 0;
	const char *s;

	if (e == NULL || n == 0) {
		free(e);
		return "wasm-opt failed without saying why";
	}
	while (len < n && len < 200 && e[len] != '\n')
		len++;
	s = ws_strbuf_printf(&adv->text, "wasm-opt rejects the module: %.*s",
	    (int)len, (const char *)e);
	free(e);
	return s != NULL ? s : "wasm-opt rejects the module";
}

/* Runs passes; the output's size and gzip size, or a note in *why. */
static int
run_passes(struct ws_advice *adv, const struct tmp *t,
    const struct ws_measure_opts *o, const char *passes, int64_t *size,
    int64_t *gzip, const char **why, int *missing)
{
	size_t	 outn = 0;
	uint8_t	*out;
	int	 rc = run(o, passes, t);

	if (rc == -2)
		return -1;
	if (rc == 127) {
		*missing = 1;
		*why = "wasm-opt (binaryen) is not installed";
		return -1;
	}
	if (rc != 0 || (out = read_file(t->out, &outn)) == NULL) {
		*why = complaint(adv, t);
		return -1;
	}
	*size = (int64_t)outn;
	*gzip = ws_gzip_size(out, outn);
	free(out);
	unlink(t->out);
	return 0;
}

static void
measure_one(struct ws_advice *adv, struct ws_rec *r, const struct tmp *t,
    const struct ws_measure_opts *o, const struct base *b)
{
	int64_t	 size, gzip;
	int	 missing = 0;

	if (b->failed != NULL) {
		r->measure_note = b->failed;
		return;
	}
	if (run_passes(adv, t, o, r->wasm_opt, &size, &gzip, &r->measure_note,
	    &missing) != 0)
		return;
	r->measured_ok = 1;
	r->measured = b->file - size;
	r->measured_gzip = b->file_gzip - gzip;
	r->measured_pass = b->size - size;
}

static int
make_tmp(struct tmp *t)
{
	const char *base = getenv("TMPDIR");

	snprintf(t->dir, sizeof t->dir, "%s/wasmsize.XXXXXX",
	    base != NULL && strlen(base) < 40 ? base : "/tmp");
	if (mkdtemp(t->dir) == NULL)
		return -1;
	snprintf(t->in, sizeof t->in, "%s/in.wasm", t->dir);
	snprintf(t->out, sizeof t->out, "%s/out.wasm", t->dir);
	snprintf(t->err, sizeof t->err, "%s/stderr", t->dir);
	return 0;
}

static void
remove_tmp(const struct tmp *t)
{
	unlink(t->in);
	unlink(t->out);
	unlink(t->err);
	rmdir(t->dir);
}

int
ws_measure(struct ws_advice *adv, const uint8_t *p, size_t n,
    const struct ws_measure_opts *o, struct ws_diag *diag)
{
	struct tmp	 t;
	struct base	 b = { 0 };
	size_t		 total = 0, done = 0;
	int		 stopped = 0;

	for (size_t i = 0; i < adv->n; i++)
		total += adv->recs[i].wasm_opt != NULL;
	if (total == 0)
		return 0;
	if (make_tmp(&t) != 0)
		return ws_diag_set(diag, 0, WS_ERR_IO, "cannot make a temporary "
		    "directory: %s", strerror(errno));
	if (write_all(t.in, p, n) != 0) {
		remove_tmp(&t);
		return ws_diag_set(diag, 0, WS_ERR_IO, "cannot write %s: %s",
		    t.in, strerror(errno));
	}
	if (o->progress != NULL)
		o->progress(o->ctx, 0, total + 1, "baseline (no passes)");
	b.file = (int64_t)n;
	b.file_gzip = ws_gzip_size(p, n);
	if (run_passes(adv, &t, o, "-g", &b.size, &b.gzip, &b.failed,
	    &b.missing) == 0) {
		adv->baseline_ok = 1;
		adv->reencode = b.size - (int64_t)n;
	} else if (b.failed == NULL) {
		b.failed = "interrupted";
	}
	for (size_t i = 0; i < adv->n && !stopped; i++) {
		struct ws_rec *r = &adv->recs[i];

		stopped = o->interrupted != NULL && *o->interrupted;
		if (r->wasm_opt == NULL || stopped)
			continue;
		if (o->progress != NULL)
			o->progress(o->ctx, ++done, total + 1, r->id);
		measure_one(adv, r, &t, o, &b);
	}
	if (o->progress != NULL)
		o->progress(o->ctx, done, total, NULL);
	remove_tmp(&t);
	if (o->interrupted != NULL && *o->interrupted)
		return ws_diag_set(diag, 0, WS_ERR_IO, "interrupted");
	return 0;
}

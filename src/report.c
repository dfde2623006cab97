/* report.c - write the whole report: CSV, charts and site.
 *
 * Everything is written into OUT/.staging-XXXXXX first.  Only when every
 * file has been written and checked are OUT/csv, OUT/plots and OUT/site
 * exchanged with their staged versions (renameat2 RENAME_EXCHANGE, so a
 * reader never sees a missing folder), after which the staging folder,
 * now holding the previous report, is removed.  On any failure the staging
 * folder is removed and the previous report is left as it was.
 *
 * gnuplot runs through fork and exec with a fixed argument list, its
 * working folder the staged plots folder, standard input /dev/null and a
 * time limit: no shell ever sees any text from the dataset. */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "escape.h"
#include "report_internal.h"

/* Seconds one chart may take to render. */
#define RENDER_TIMEOUT 60

/* ---- Indexes ---------------------------------------------------------- */

struct deriv_key {
	long claim_id;
	size_t index;
};

static int deriv_key_cmp(const void *a, const void *b)
{
	const struct deriv_key *x = a, *y = b;
	if (x->claim_id != y->claim_id)
		return x->claim_id < y->claim_id ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void index_claims(struct report_index *ix, const struct dataset *ds)
{
	size_t *next = xcalloc(ds->n_papers + 1, sizeof *next);
	ix->paper_start = xcalloc(ds->n_papers + 1, sizeof *ix->paper_start);
	ix->by_paper = xcalloc(ds->n_claims, sizeof *ix->by_paper);
	for (size_t i = 0; i < ds->n_claims; i++) {
		if (ds->claims[i].paper >= ds->n_papers)
			BUG("claim %ld refers to paper %zu of %zu",
			    ds->claims[i].id, ds->claims[i].paper,
			    ds->n_papers);
		ix->paper_start[ds->claims[i].paper + 1]++;
	}
	for (size_t p = 0; p < ds->n_papers; p++)
		ix->paper_start[p + 1] += ix->paper_start[p];
	memcpy(next, ix->paper_start, ds->n_papers * sizeof *next);
	for (size_t i = 0; i < ds->n_claims; i++)
		ix->by_paper[next[ds->claims[i].paper]++] = i;
	free(next);
}

static void index_derivations(struct report_index *ix,
			      const struct dataset *ds)
{
	struct deriv_key *keys = xcalloc(ds->n_derivations, sizeof *keys);
	for (size_t i = 0; i < ds->n_derivations; i++) {
		keys[i].claim_id = ds->derivations[i].claim_id;
		keys[i].index = i;
	}
	if (ds->n_derivations)
		qsort(keys, ds->n_derivations, sizeof *keys, deriv_key_cmp);
	ix->deriv_order = xcalloc(ds->n_derivations, sizeof *ix->deriv_order);
	for (size_t i = 0; i < ds->n_derivations; i++)
		ix->deriv_order[i] = keys[i].index;
	free(keys);
}

/* The page of a paper is named after its title plus its id, which keeps
 * names readable, unique and stable when other papers come and go. */
static char *paper_slug(const struct paper *p, size_t index)
{
	struct strbuf sb = STRBUF_INIT;
	esc_filename(&sb, p->title ? p->title : "", 60);
	if (p->id > 0)
		sb_addf(&sb, "-%ld", p->id);
	else
		sb_addf(&sb, "-n%zu", index + 1);
	return sb_detach(&sb);
}

void report_index_build(struct report_index *ix, const struct dataset *ds)
{
	index_claims(ix, ds);
	index_derivations(ix, ds);
	ix->slugs = xcalloc(ds->n_papers, sizeof *ix->slugs);
	for (size_t p = 0; p < ds->n_papers; p++)
		ix->slugs[p] = paper_slug(&ds->papers[p], p);
}

void report_index_release(struct report_index *ix, size_t n_papers)
{
	for (size_t p = 0; p < n_papers; p++)
		free(ix->slugs[p]);
	free(ix->slugs);
	free(ix->by_paper);
	free(ix->paper_start);
	free(ix->deriv_order);
	memset(ix, 0, sizeof *ix);
}

size_t report_derivations_of(const struct report_index *ix,
			     const struct dataset *ds, long claim_id,
			     size_t *first)
{
	size_t lo = 0, hi = ds->n_derivations;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ds->derivations[ix->deriv_order[mid]].claim_id < claim_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (hi < ds->n_derivations &&
	       ds->derivations[ix->deriv_order[hi]].claim_id == claim_id)
		hi++;
	return hi - lo;
}

/* ---- Charts as plain text --------------------------------------------- */

struct chart *chart_add(struct chart_list *l, const char *name,
			const char *title, size_t n_cols,
			const char *const *cols, unsigned numeric)
{
	l->items = xrealloc(l->items, (l->len + 1) * sizeof *l->items);
	struct chart *c = &l->items[l->len++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->title = xstrdup(title);
	c->caption = xstrdup("");
	c->alt = xstrdup(title);
	c->n_cols = n_cols;
	c->cols = xcalloc(n_cols, sizeof *c->cols);
	for (size_t i = 0; i < n_cols; i++)
		c->cols[i] = xstrdup(cols[i]);
	c->numeric = numeric;
	return c;
}

void chart_add_row(struct chart *c, long paper, const char *const *cells)
{
	c->cells = xrealloc(c->cells,
			    (c->n_rows + 1) * c->n_cols * sizeof *c->cells);
	c->row_paper = xrealloc(c->row_paper,
				(c->n_rows + 1) * sizeof *c->row_paper);
	for (size_t i = 0; i < c->n_cols; i++)
		c->cells[c->n_rows * c->n_cols + i] =
			xstrdup(cells[i] ? cells[i] : "");
	c->row_paper[c->n_rows++] = paper;
}

static void chart_release(struct chart *c)
{
	for (size_t i = 0; i < c->n_cols; i++)
		free(c->cols[i]);
	for (size_t i = 0; i < c->n_rows * c->n_cols; i++)
		free(c->cells[i]);
	free(c->cols);
	free(c->cells);
	free(c->row_paper);
	free(c->name);
	free(c->title);
	free(c->caption);
	free(c->alt);
}

void chart_list_release(struct chart_list *l)
{
	for (size_t i = 0; i < l->len; i++)
		chart_release(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->len = 0;
}

/* ---- Wording ---------------------------------------------------------- */

int claim_counts(const struct stored_claim *sc)
{
	return sc->status == 0 && sc->claim.curation != CUR_REJECT;
}

static const char *const lower_better_words[] = {
	"fid", "fvd", "kid", "ppl", "perplexity", "error", "err", "loss",
	"wer", "cer", "ter", "mse", "mae", "rmse", "nll", "bpb", "bpc", "bpd",
	"bits", "lpips", "latency", "ece", "chamfer",
};

static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int word_lower_better(const char *w, size_t n)
{
	size_t count = sizeof lower_better_words / sizeof *lower_better_words;
	for (size_t i = 0; i < count; i++)
		if (strlen(lower_better_words[i]) == n &&
		    !strncasecmp(w, lower_better_words[i], n))
			return 1;
	return 0;
}

/* Split the metric into runs of letters ("fid50k" -> "fid", "k"; "top-1
 * error" -> "top", "error") and look each up. */
int metric_lower_is_better(const char *metric)
{
	const char *s = metric ? metric : "";
	while (*s) {
		size_t n = 0;
		while (is_letter(s[n]))
			n++;
		if (n && word_lower_better(s, n))
			return 1;
		s += n ? n : 1;
	}
	return 0;
}

/* Cut s to at most max bytes without splitting a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

void report_short_name(struct strbuf *out, const char *title)
{
	const char *t = title ? title : "";
	while (*t == ' ')
		t++;
	size_t colon = strcspn(t, ":");
	if (t[colon] == ':' && colon > 0 && colon <= 28) {
		sb_add(out, t, colon);
		return;
	}
	/* No short name before a colon: the first words, cut at a space. */
	size_t len = strlen(t), n = utf8_cut(t, len, 24);
	if (n < len) {
		size_t space = n;
		while (space > 8 && t[space] != ' ')
			space--;
		if (t[space] == ' ')
			n = space;
	}
	while (n > 0 && t[n - 1] == ' ')
		n--;
	sb_add(out, t, n);
	if (n < len)
		sb_adds(out, "\xE2\x80\xA6"); /* … */
	if (!len)
		sb_adds(out, "untitled");
}

static void add_grouped(struct strbuf *out, double v)
{
	char digits[64];
	snprintf(digits, sizeof digits, "%.0f", v);
	size_t n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			sb_addc(out, ',');
		sb_addc(out, digits[i]);
	}
}

void report_human_number(struct strbuf *out, double v)
{
	static const struct {
		double scale;
		const char *word;
	} scales[] = {
		{ 1e12, "trillion" }, { 1e9, "billion" }, { 1e6, "million" },
	};
	if (!isfinite(v)) {
		sb_adds(out, "?");
		return;
	}
	if (v < 0)
		sb_addc(out, '-');
	v = fabs(v);
	if (v >= 1e15) {
		sb_addf(out, "%.3g", v);
		return;
	}
	for (size_t i = 0; i < 3; i++)
		if (v >= scales[i].scale) {
			sb_addf(out, "%.3g %s", v / scales[i].scale,
				scales[i].word);
			return;
		}
	if (v >= 1000)
		add_grouped(out, v);
	else
		sb_addf(out, "%.4g", v);
}

static const char *qualifier_words(enum qualifier q)
{
	switch (q) {
	case QUAL_UPPER: return "up to ";
	case QUAL_LOWER: return "over ";
	case QUAL_APPROX: return "~";
	default: return "";
	}
}

/* The unit after the number, with a leading space, or "" for none. */
static void add_unit(struct strbuf *out, const struct claim *c)
{
	switch (c->quantity) {
	case Q_COMPUTE:
		if (c->hardware && *c->hardware)
			sb_addf(out, " %s-hours", c->hardware);
		else
			sb_adds(out, " device-hours");
		break;
	case Q_PARAMS: sb_adds(out, " parameters"); break;
	case Q_TOKENS: sb_adds(out, " tokens"); break;
	case Q_DATA_SIZE: sb_adds(out, " examples"); break;
	case Q_MEMORY_GB: sb_adds(out, " GB"); break;
	case Q_COST_USD: break; /* the "$" goes before the number */
	case Q_RATIO: sb_adds(out, "\xC3\x97"); break; /* × */
	case Q_QUALITY:
		if (c->unit && !strcmp(c->unit, "%"))
			sb_addc(out, '%');
		else if (c->unit && *c->unit)
			sb_addf(out, " %s", c->unit);
		break;
	default:
		if (c->unit && *c->unit)
			sb_addf(out, " %s", c->unit);
	}
}

void report_claim_value(struct strbuf *out, const struct claim *c)
{
	const char *money = c->quantity == Q_COST_USD ? "$" : "";
	sb_adds(out, qualifier_words(c->qualifier));
	sb_adds(out, money);
	report_human_number(out, c->value);
	if (c->has_max) {
		sb_adds(out, "\xE2\x80\x93"); /* – */
		sb_adds(out, money);
		report_human_number(out, c->value_max);
	}
	add_unit(out, c);
}

void report_plain_number(struct strbuf *out, double v)
{
	char buf[40];
	fmt_double(buf, sizeof buf, v);
	sb_adds(out, buf);
}

/* ---- Files ------------------------------------------------------------ */

/* Write sb to path, checking every step. */
static int save_path(const char *path, const struct strbuf *sb)
{
	errno = 0;
	FILE *f = fopen(path, "wb");
	if (f) {
		size_t wrote = fwrite(sb_str(sb), 1, sb->len, f);
		int failed = wrote != sb->len || ferror(f);
		if (fclose(f) == 0 && !failed)
			return 0;
	}
	err("cannot write '%s': %s", path, strerror(errno ? errno : EIO));
	return -1;
}

int report_save(const char *dir, const char *name, const struct strbuf *sb)
{
	struct strbuf path = STRBUF_INIT;
	sb_addf(&path, "%s/%s", dir, name);
	int rc = save_path(path.buf, sb);
	sb_release(&path);
	return rc;
}

int report_copy(const char *from, const char *to)
{
	char *text = NULL;
	size_t len = 0;
	if (read_file(from, &text, &len) < 0) {
		err("cannot read '%s': %s", from, strerror(errno));
		return -1;
	}
	struct strbuf sb = { text, len, len + 1 };
	int rc = save_path(to, &sb);
	sb_release(&sb);
	return rc;
}

static int make_dir(const char *base, const char *name)
{
	struct strbuf path = STRBUF_INIT;
	sb_addf(&path, "%s/%s", base, name);
	int rc = mkdir(path.buf, 0777);
	if (rc < 0)
		err("cannot create '%s': %s", path.buf, strerror(errno));
	sb_release(&path);
	return rc;
}

static int remove_entry(const char *path, const struct stat *st, int type,
			struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if ((type == FTW_DP ? rmdir(path) : unlink(path)) < 0)
		warn("cannot remove '%s': %s", path, strerror(errno));
	return 0;
}

/* Remove a folder and everything in it, never following symbolic links. */
static void remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---- gnuplot ---------------------------------------------------------- */

enum render { RENDER_OK, RENDER_MISSING, RENDER_FAILED };

/* In the child: only async-signal-safe calls until exec.  If exec fails,
 * its errno goes back through the close-on-exec pipe. */
static _Noreturn void exec_gnuplot(const char *prog, const char *dir,
				   const char *script, int report_fd)
{
	char *argv[] = { (char *)prog, (char *)script, NULL };
	int null = open("/dev/null", O_RDWR);
	if (chdir(dir) == 0 && null >= 0 && dup2(null, 0) == 0 &&
	    dup2(null, 1) == 1) {
		alarm(RENDER_TIMEOUT); /* survives exec: a hung gnuplot dies */
		execvp(prog, argv);
	}
	int e = errno;
	ssize_t n = write(report_fd, &e, sizeof e);
	(void)n;
	_exit(127);
}

static enum render render_status(const char *prog, const char *script,
				 int status)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return RENDER_OK;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		err("'%s' took more than %d seconds on '%s'", prog,
		    RENDER_TIMEOUT, script);
	else if (WIFSIGNALED(status))
		err("'%s' was killed by signal %d on '%s'", prog,
		    WTERMSIG(status), script);
	else
		err("'%s' failed on '%s' (exit status %d)", prog, script,
		    WEXITSTATUS(status));
	return RENDER_FAILED;
}

static enum render run_gnuplot(const char *prog, const char *dir,
			       const char *script)
{
	int fds[2], e = 0, status;
	if (pipe2(fds, O_CLOEXEC) < 0) {
		err("cannot create a pipe: %s", strerror(errno));
		return RENDER_FAILED;
	}
	pid_t pid = fork();
	if (pid < 0) {
		err("cannot start '%s': %s", prog, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return RENDER_FAILED;
	}
	if (pid == 0)
		exec_gnuplot(prog, dir, script, fds[1]);
	close(fds[1]);
	ssize_t n;
	while ((n = read(fds[0], &e, sizeof e)) < 0 && errno == EINTR)
		;
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			err("cannot wait for '%s': %s", prog, strerror(errno));
			return RENDER_FAILED;
		}
	if (n == (ssize_t)sizeof e) {
		warn("cannot run '%s': %s; charts not rendered (scripts and "
		     "data are written)", prog, strerror(e));
		return RENDER_MISSING;
	}
	return render_status(prog, script, status);
}

/* Render every chart and copy each SVG into the site.  A missing gnuplot
 * is one warning; a failing one is an error. */
static int render_charts(struct chart_list *charts, const char *stage,
			 const struct report_options *opt)
{
	const char *prog = opt->gnuplot ? opt->gnuplot : "gnuplot";
	struct strbuf dir = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT;
	int rc = 0;
	sb_addf(&dir, "%s/plots", stage);
	for (size_t i = 0; i < charts->len && !opt->no_render; i++) {
		struct chart *c = &charts->items[i];
		sb_reset(&a);
		sb_addf(&a, "%s.gp", c->name);
		enum render r = run_gnuplot(prog, dir.buf, a.buf);
		if (r == RENDER_MISSING)
			break;
		if (r == RENDER_FAILED) {
			rc = -1;
			break;
		}
		sb_reset(&a);
		sb_reset(&b);
		sb_addf(&a, "%s/%s.svg", dir.buf, c->name);
		sb_addf(&b, "%s/site/charts/%s.svg", stage, c->name);
		if (report_copy(a.buf, b.buf) < 0) {
			rc = -1;
			break;
		}
		c->rendered = 1;
	}
	sb_release(&dir);
	sb_release(&a);
	sb_release(&b);
	return rc;
}

/* ---- Staging and moving into place ------------------------------------ */

static const char *const parts[] = { "csv", "plots", "site" };
#define N_PARTS (sizeof parts / sizeof *parts)

static int make_stage_dirs(const char *stage)
{
	static const char *const dirs[] = {
		"csv", "plots", "site", "site/papers", "site/charts",
		"site/downloads",
	};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
		if (make_dir(stage, dirs[i]) < 0)
			return -1;
	return 0;
}

static int copy_downloads(const char *stage, const char *db_path)
{
	static const char *const files[] = {
		"claims.csv", "papers.csv", "derivations.csv",
	};
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < 3 && rc == 0; i++) {
		sb_reset(&a);
		sb_reset(&b);
		sb_addf(&a, "%s/csv/%s", stage, files[i]);
		sb_addf(&b, "%s/site/downloads/%s", stage, files[i]);
		rc = report_copy(a.buf, b.buf);
	}
	if (rc == 0 && db_path) {
		sb_reset(&b);
		sb_addf(&b, "%s/site/downloads/effdash.db", stage);
		rc = report_copy(db_path, b.buf);
	}
	sb_release(&a);
	sb_release(&b);
	return rc;
}

static int build(const struct dataset *ds, const struct report_options *opt,
		 const char *stage)
{
	struct report_index ix;
	struct chart_list charts = { NULL, 0 };
	struct strbuf dir = STRBUF_INIT;
	int rc = -1;
	report_index_build(&ix, ds);
	if (make_stage_dirs(stage) < 0)
		goto out;
	sb_addf(&dir, "%s/csv", stage);
	if (report_csv_write(ds, &ix, dir.buf) < 0)
		goto out;
	sb_reset(&dir);
	sb_addf(&dir, "%s/plots", stage);
	if (report_plot_write(ds, &ix, dir.buf, &charts) < 0 ||
	    render_charts(&charts, stage, opt) < 0 ||
	    copy_downloads(stage, opt->db_path) < 0)
		goto out;
	sb_reset(&dir);
	sb_addf(&dir, "%s/site", stage);
	rc = report_html_write(ds, &ix, &charts, dir.buf, opt->db_path != NULL);
out:
	chart_list_release(&charts);
	report_index_release(&ix, ds->n_papers);
	sb_release(&dir);
	return rc;
}

enum moved { MOVED_NONE, MOVED_EXCHANGED, MOVED_RENAMED, MOVED_REPLACED };

/* STAGE/name (the new part), OUT/name (its place), STAGE/name.old. */
struct move_paths {
	struct strbuf from, to, old;
};

static void move_paths_init(struct move_paths *m, const char *stage,
			    const char *out, const char *name)
{
	sb_init(&m->from);
	sb_init(&m->to);
	sb_init(&m->old);
	sb_addf(&m->from, "%s/%s", stage, name);
	sb_addf(&m->to, "%s/%s", out, name);
	sb_addf(&m->old, "%s/%s.old", stage, name);
}

static void move_paths_release(struct move_paths *m)
{
	sb_release(&m->from);
	sb_release(&m->to);
	sb_release(&m->old);
}

/* For file systems without RENAME_EXCHANGE: move the old part aside, then
 * the new one in, putting the old one back if that fails. */
static int replace_by_rename(const struct move_paths *m)
{
	if (rename(m->to.buf, m->old.buf) < 0)
		return -1;
	if (rename(m->from.buf, m->to.buf) == 0)
		return 0;
	int e = errno;
	if (rename(m->old.buf, m->to.buf) < 0)
		err("cannot restore '%s': %s", m->to.buf, strerror(errno));
	errno = e;
	return -1;
}

/* Put STAGE/name in place of OUT/name; the old one, if any, ends up in
 * the staging folder and goes with it. */
static int move_part(const char *stage, const char *out, const char *name,
		     enum moved *how)
{
	struct move_paths m;
	move_paths_init(&m, stage, out, name);
	int rc = renameat2(AT_FDCWD, m.from.buf, AT_FDCWD, m.to.buf,
			   RENAME_EXCHANGE);
	*how = MOVED_EXCHANGED;
	if (rc < 0 && errno == ENOENT) {
		rc = rename(m.from.buf, m.to.buf);
		*how = MOVED_RENAMED;
	} else if (rc < 0 && (errno == EINVAL || errno == ENOSYS ||
			      errno == EOPNOTSUPP)) {
		rc = replace_by_rename(&m);
		*how = MOVED_REPLACED;
	}
	if (rc < 0) {
		err("cannot move '%s' into place: %s", m.to.buf,
		    strerror(errno));
		*how = MOVED_NONE;
	}
	move_paths_release(&m);
	return rc;
}

/* Undo a move_part after a later part failed. */
static void unmove_part(const char *stage, const char *out, const char *name,
			enum moved how)
{
	struct move_paths m;
	int rc = 0;
	move_paths_init(&m, stage, out, name);
	if (how == MOVED_EXCHANGED)
		rc = renameat2(AT_FDCWD, m.from.buf, AT_FDCWD, m.to.buf,
			       RENAME_EXCHANGE);
	else if (how == MOVED_RENAMED)
		rc = rename(m.to.buf, m.from.buf);
	else if (how == MOVED_REPLACED)
		rc = rename(m.to.buf, m.from.buf) < 0
			     ? -1
			     : rename(m.old.buf, m.to.buf);
	if (rc < 0)
		err("cannot restore '%s': %s", m.to.buf, strerror(errno));
	move_paths_release(&m);
}

static int move_into_place(const char *stage, const char *out)
{
	enum moved how[N_PARTS] = { MOVED_NONE };
	for (size_t i = 0; i < N_PARTS; i++) {
		if (move_part(stage, out, parts[i], &how[i]) == 0)
			continue;
		while (i-- > 0)
			unmove_part(stage, out, parts[i], how[i]);
		return -1;
	}
	return 0;
}

static int ensure_out_dir(const char *out)
{
	struct stat st;
	if (mkdir(out, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(out, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST)
		errno = ENOTDIR;
	err("cannot create '%s': %s", out, strerror(errno));
	return -1;
}

int report_write(const struct dataset *ds, const struct report_options *opt)
{
	const char *out = opt->out_dir && *opt->out_dir ? opt->out_dir
							 : "output";
	struct strbuf stage = STRBUF_INIT;
	int rc = -1;
	if (ensure_out_dir(out) < 0)
		goto out;
	sb_addf(&stage, "%s/.staging-XXXXXX", out);
	if (!mkdtemp(stage.buf)) {
		err("cannot create a folder in '%s': %s", out,
		    strerror(errno));
		goto out;
	}
	rc = build(ds, opt, stage.buf);
	if (rc == 0)
		rc = move_into_place(stage.buf, out);
	remove_tree(stage.buf);
out:
	sb_release(&stage);
	return rc;
}

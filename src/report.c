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

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <pthread.h>
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
#include "store.h"

/* Seconds one chart may take to render. */
#define RENDER_TIMEOUT 60

/* ---- Indexes ---------------------------------------------------------- */

/* By claim id, for a binary search. */
static int id_cmp(const void *a, const void *b)
{
	const struct id_key *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* By claim id, then by index: a stable order. */
static int id_index_cmp(const void *a, const void *b)
{
	const struct id_key *x = a, *y = b;
	int c = id_cmp(a, b);
	return c ? c : (x->index > y->index) - (x->index < y->index);
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

/* Claim ids are dense in practice (SQLite gives each new claim the
 * next rowid), so ids up to this bound are looked up in a table; sparser
 * ids fall back to sorted arrays and binary search. */
static int ids_dense(long max_id, size_t n_claims)
{
	return max_id > 0 && (size_t)max_id <= 4 * n_claims + 1024;
}

static void index_derivations(struct report_index *ix,
			      const struct dataset *ds)
{
	size_t n = ds->n_derivations;
	ix->deriv_order = xcalloc(n + 1, sizeof *ix->deriv_order);
	ix->deriv_at = NULL;
	if (ix->dense) {
		/* a counting sort by claim id: stable, in one pass */
		long max_id = ix->max_id;
		size_t *at = xcalloc((size_t)max_id + 2, sizeof *at);
		for (size_t i = 0; i < n; i++) {
			long id = ds->derivations[i].claim_id;
			if (id >= 0 && id <= max_id)
				at[id + 1]++;
		}
		/* derivations of ids outside the claims' range: none are
		 * found by id, and they sort last */
		for (long id = 0; id <= max_id; id++)
			at[id + 1] += at[id];
		size_t *next = xmalloc(((size_t)max_id + 1) * sizeof *next), out = at[max_id + 1];
		memcpy(next, at, ((size_t)max_id + 1) * sizeof *next);
		for (size_t i = 0; i < n; i++) {
			long id = ds->derivations[i].claim_id;
			ix->deriv_order[id >= 0 && id <= max_id ? next[id]++ : out++] = i;
		}
		free(next);
		ix->deriv_at = at;
		return;
	}
	struct id_key *keys = xcalloc(n + 1, sizeof *keys);
	for (size_t i = 0; i < n; i++)
		keys[i] = (struct id_key){ ds->derivations[i].claim_id, i };
	if (n)
		qsort(keys, n, sizeof *keys, id_index_cmp);
	for (size_t i = 0; i < n; i++)
		ix->deriv_order[i] = keys[i].index;
	free(keys);
}

/* Claim id to claim: a table when ids are dense, else the claims sorted
 * by id. */
static void index_ids(struct report_index *ix, const struct dataset *ds)
{
	long max_id = 0;
	for (size_t i = 0; i < ds->n_claims; i++)
		if (ds->claims[i].id > max_id)
			max_id = ds->claims[i].id;
	ix->max_id = max_id;
	ix->dense = ids_dense(max_id, ds->n_claims);
	ix->claim_at = NULL;
	ix->by_id = NULL;
	if (ix->dense) {
		ix->claim_at = xcalloc((size_t)max_id + 1, sizeof *ix->claim_at);
		for (size_t i = 0; i < ds->n_claims; i++)
			if (ds->claims[i].id >= 0)
				ix->claim_at[ds->claims[i].id] = i + 1;
		return;
	}
	ix->by_id = xcalloc(ds->n_claims + 1, sizeof *ix->by_id);
	for (size_t i = 0; i < ds->n_claims; i++)
		ix->by_id[i] = (struct id_key){ ds->claims[i].id, i };
	if (ds->n_claims)
		qsort(ix->by_id, ds->n_claims, sizeof *ix->by_id, id_cmp);
}

long report_claim_index(const struct report_index *ix, const struct dataset *ds,
			long claim_id)
{
	if (ix->dense)
		return claim_id >= 0 && claim_id <= ix->max_id ? (long)ix->claim_at[claim_id] - 1 : -1;
	struct id_key want = { claim_id, 0 };
	const struct id_key *hit = ds->n_claims ? bsearch(&want, ix->by_id, ds->n_claims,
							  sizeof *ix->by_id, id_cmp)
						: NULL;
	return hit ? (long)hit->index : -1;
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
	index_ids(ix, ds);
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
	free(ix->deriv_at);
	free(ix->claim_at);
	free(ix->by_id);
	memset(ix, 0, sizeof *ix);
}

size_t report_derivations_of(const struct report_index *ix,
			     const struct dataset *ds, long claim_id,
			     size_t *first)
{
	if (ix->deriv_at) {
		if (claim_id < 0 || claim_id > ix->max_id) {
			*first = 0;
			return 0;
		}
		*first = ix->deriv_at[claim_id];
		return ix->deriv_at[claim_id + 1] - *first;
	}
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

/* v (0 <= v < 1e15) rounded as "%.0f" rounds it (to nearest, ties to
 * even: nearbyint in the default rounding mode), with thousands
 * separators. */
static void add_grouped(struct strbuf *out, double v)
{
	char digits[20];
	size_t n = fmt_ulong(digits, (unsigned long long)nearbyint(v));
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
		sb_add_g(out, v, 3);
		return;
	}
	for (size_t i = 0; i < 3; i++)
		if (v >= scales[i].scale) {
			sb_add_g(out, v / scales[i].scale, 3);
			sb_addc(out, ' ');
			sb_adds(out, scales[i].word);
			return;
		}
	if (v >= 1000)
		add_grouped(out, v);
	else
		sb_add_g(out, v, 4);
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

void report_cost_text(struct strbuf *out, const struct report_model *m,
		      enum cost_axis axis, double v)
{
	if (axis == AXIS_USD)
		sb_addc(out, '$');
	report_human_number(out, v);
	if (axis == AXIS_REF_HOURS)
		sb_addf(out, " %s", m->hours_unit);
}

const char *report_kind_label(enum quantity q)
{
	static const char *const labels[Q__COUNT] = {
		"none", "cost", "compute", "parameters", "tokens", "data size",
		"memory", "ratio", "quality",
	};
	return (int)q >= 0 && q < Q__COUNT ? labels[q] : "?";
}

unsigned long long report_fnv(unsigned long long h, const void *data,
			      size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void report_plain_number(struct strbuf *out, double v)
{
	char buf[40];
	fmt_double(buf, sizeof buf, v);
	sb_adds(out, buf);
}

/* ---- Digests of what a file shows ------------------------------------ */

unsigned long long report_digest_long(unsigned long long h, long v)
{
	return hash_bytes(h, &v, sizeof v);
}

unsigned long long report_digest_double(unsigned long long h, double v)
{
	return hash_bytes(h, &v, sizeof v);
}

/* A text, or a missing one (told from "" by a step of its own, cheaper
 * than hashing a marker). */
static unsigned long long digest_text(unsigned long long h, const char *s)
{
	return s ? hash_text(h, s) : (h ^ 0xff51afd7ed558ccdULL) * 0xc4ceb9fe1a85ec53ULL;
}

unsigned long long report_digest_numbers(unsigned long long h, const long long *v, size_t n)
{
	return hash_bytes(h, v, n * sizeof *v);
}

static long long double_bits(double v)
{
	long long bits;
	memcpy(&bits, &v, sizeof bits);
	return bits;
}

unsigned long long report_digest_paper(unsigned long long h, const struct paper *p)
{
	const long long num[] = { p->id, p->source_line };
	h = report_digest_numbers(h, num, sizeof num / sizeof *num);
	h = digest_text(h, p->title);
	h = digest_text(h, p->abstract);
	h = digest_text(h, p->arxiv_id);
	h = digest_text(h, p->url);
	h = digest_text(h, p->date);
	return digest_text(h, p->source_file);
}

unsigned long long report_digest_claim(unsigned long long h, const struct claim *c)
{
	const long long num[] = {
		c->quantity, double_bits(c->value), double_bits(c->value_max), c->has_max,
		c->qualifier, c->subject_baseline, c->origin, c->curation,
		c->span_start, c->span_end, c->source_line,
	};
	h = report_digest_numbers(h, num, sizeof num / sizeof *num);
	h = digest_text(h, c->unit);
	h = digest_text(h, c->dimension);
	h = digest_text(h, c->hardware);
	h = digest_text(h, c->metric);
	h = digest_text(h, c->dataset);
	h = digest_text(h, c->baseline);
	h = digest_text(h, c->raw);
	h = digest_text(h, c->span);
	h = digest_text(h, c->evidence);
	h = digest_text(h, c->note);
	return digest_text(h, c->source_file);
}

unsigned long long report_digest_derivation(unsigned long long h, const struct derivation *d)
{
	const long long num[] = {
		d->claim_id, double_bits(d->value), double_bits(d->low), double_bits(d->high),
	};
	h = report_digest_numbers(h, num, sizeof num / sizeof *num);
	h = digest_text(h, d->kind);
	h = digest_text(h, d->unit);
	h = digest_text(h, d->method);
	return digest_text(h, d->assumption);
}

unsigned long long report_dataset_digest(const struct dataset *ds)
{
	unsigned long long h = hash_text(0, effdash_code_hash);
	h = report_digest_long(h, (long)ds->n_inactive);
	for (size_t i = 0; i < ds->n_papers; i++)
		h = report_digest_paper(h, &ds->papers[i]);
	for (size_t i = 0; i < ds->n_claims; i++) {
		const struct stored_claim *sc = &ds->claims[i];
		const long long num[] = { sc->id, (long long)sc->paper, sc->status };
		h = report_digest_numbers(h, num, sizeof num / sizeof *num);
		h = report_digest_claim(h, &sc->claim);
	}
	for (size_t i = 0; i < ds->n_derivations; i++) {
		h = report_digest_long(h, ds->derivations[i].id);
		h = report_digest_derivation(h, &ds->derivations[i]);
	}
	for (size_t i = 0; i < ds->n_accelerators; i++) {
		const struct accelerator *a = &ds->accelerators[i];
		h = digest_text(h, a->name);
		h = digest_text(h, a->aliases);
		h = report_digest_double(h, a->peak_flops);
		h = report_digest_double(h, a->peak_fp32);
		h = report_digest_double(h, a->power_w);
		h = report_digest_long(h, a->year);
		h = report_digest_double(h, a->price_usd_h);
		h = digest_text(h, a->price_date);
		h = digest_text(h, a->date);
		h = digest_text(h, a->source);
	}
	for (size_t i = 0; i < ds->n_assumptions; i++) {
		const struct assumption *a = &ds->assumptions[i];
		h = digest_text(h, a->name);
		h = digest_text(h, a->value);
		h = digest_text(h, a->source);
		h = digest_text(h, a->date);
	}
	for (size_t i = 0; i < ds->n_price_index; i++) {
		const struct price_index *pi = &ds->price_index[i];
		h = report_digest_long(h, pi->year);
		h = report_digest_double(h, pi->cpi);
		h = digest_text(h, pi->date);
		h = digest_text(h, pi->source);
	}
	for (size_t i = 0; i < ds->n_currencies; i++) {
		const struct currency *c = &ds->currencies[i];
		h = digest_text(h, c->code);
		h = digest_text(h, c->name);
		h = digest_text(h, c->symbols);
		h = report_digest_long(h, c->year);
		h = report_digest_double(h, c->per_usd);
		h = digest_text(h, c->date);
		h = digest_text(h, c->source);
	}
	return h;
}

/* ---- Files ------------------------------------------------------------ */

/* Write sb to path, checking every step. */
static int save_path(const char *path, const struct strbuf *parts, size_t n_parts)
{
	/* Plain system calls: a site has many small files, and stdio would
	 * allocate and copy through a buffer for each. */
	errno = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd >= 0) {
		size_t left = 0;
		for (size_t i = 0; i < n_parts && !left; i++) {
			const char *p = sb_str(&parts[i]);
			left = parts[i].len;
			while (left) {
				ssize_t n = write(fd, p, left);
				if (n < 0 && errno == EINTR)
					continue;
				if (n <= 0)
					break;
				p += n;
				left -= (size_t)n;
			}
		}
		int e = errno;
		if (close(fd) == 0 && !left)
			return 0;
		if (left && e)
			errno = e;
	}
	err("cannot write '%s': %s", path, strerror(errno ? errno : EIO));
	return -1;
}

/* ---- Reusing the previous report --------------------------------------
 *
 * A report over an existing OUT mostly rewrites files with the bytes they
 * already have.  Each file is built in memory (or streamed) as before, but
 * when the previous report holds the same path with the same bytes, that
 * file is hard-linked into the staging folder instead of written: no data
 * is written, and when the old report is removed after the swap its
 * unchanged files lose a link and free no blocks, which on a large site is
 * most of the cost.  The previous files are only read and linked, never
 * changed, so a failed report still leaves OUT as it was.  Where linking
 * is not possible (a file system without hard links), files are written.
 *
 * Set once by build() before any writer runs and read-only while pages
 * are written by several threads. */
static struct {
	const char *stage; /* the staging folder, prefix of every path */
	size_t stage_len;
	const char *prev;  /* OUT, holding the previous report; NULL: none */
} reuse;

/* The previous report's version of path (inside the stage), or -1. */
static int previous_version(const char *path, struct strbuf *prev)
{
	if (!reuse.prev || strncmp(path, reuse.stage, reuse.stage_len) ||
	    path[reuse.stage_len] != '/')
		return -1;
	sb_addf(prev, "%s%s", reuse.prev, path + reuse.stage_len);
	return 0;
}

/* Does the open file fd hold exactly the bytes of parts[0..n_parts), one
 * after the other? */
static int fd_holds(int fd, const struct strbuf *parts, size_t n_parts)
{
	char buf[65536];
	size_t part = 0, at = 0; /* the next byte to compare: parts[part].buf[at] */
	for (;;) {
		ssize_t got = read(fd, buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return 0;
		for (size_t k = 0; k < (size_t)got;) {
			while (part < n_parts && at == parts[part].len)
				part++, at = 0;
			if (part == n_parts)
				return 0; /* the file is longer */
			size_t n = parts[part].len - at;
			if (n > (size_t)got - k)
				n = (size_t)got - k;
			if (memcmp(buf + k, parts[part].buf + at, n))
				return 0;
			k += n;
			at += n;
		}
		if (got == 0) {
			while (part < n_parts && at == parts[part].len)
				part++, at = 0;
			return part == n_parts;
		}
	}
}

/* Put the previous report's version of path in its place when it holds
 * the bytes of parts[0..n_parts); 0 when done, -1 when path is to be
 * written. */
static int reuse_same(const char *path, const struct strbuf *parts, size_t n_parts)
{
	struct strbuf prev = STRBUF_INIT;
	struct stat st;
	int rc = -1;
	size_t n = 0;
	for (size_t i = 0; i < n_parts; i++)
		n += parts[i].len;
	if (previous_version(path, &prev) < 0)
		goto out;
	int fd = open(prev.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		goto out;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == n && fd_holds(fd, parts, n_parts))
		rc = link(prev.buf, path);
	close(fd);
out:
	sb_release(&prev);
	return rc;
}

int report_link_previous(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT, prev = STRBUF_INIT;
	struct stat st;
	int rc = -1;
	sb_addf(&path, "%s/%s", dir, name);
	if (previous_version(path.buf, &prev) == 0 && lstat(prev.buf, &st) == 0 &&
	    S_ISREG(st.st_mode))
		rc = link(prev.buf, path.buf);
	sb_release(&path);
	sb_release(&prev);
	return rc < 0 ? -1 : 0;
}

int report_read_previous(const char *dir, const char *name, char **text, size_t *len)
{
	struct strbuf path = STRBUF_INIT, prev = STRBUF_INIT;
	struct stat st;
	int rc = -1;
	sb_addf(&path, "%s/%s", dir, name);
	if (previous_version(path.buf, &prev) == 0 && lstat(prev.buf, &st) == 0 &&
	    S_ISREG(st.st_mode))
		rc = read_file(prev.buf, text, len);
	sb_release(&path);
	sb_release(&prev);
	return rc < 0 ? -1 : 0;
}

int report_save_parts(const char *dir, const char *name, const struct strbuf *parts,
		      size_t n_parts)
{
	struct strbuf path = STRBUF_INIT;
	sb_addf(&path, "%s/%s", dir, name);
	int rc = reuse_same(path.buf, parts, n_parts) == 0 ? 0
							   : save_path(path.buf, parts, n_parts);
	sb_release(&path);
	return rc;
}

int report_save(const char *dir, const char *name, const struct strbuf *sb)
{
	return report_save_parts(dir, name, sb, 1);
}

/* Streamed files are written as they are built, in pieces of this size,
 * and compared piece by piece with their previous version. */
#define STREAM_PIECE (256 * 1024)

void report_stream_open(struct report_stream *s, const char *dir,
			const char *name)
{
	struct strbuf prev = STRBUF_INIT;
	memset(s, 0, sizeof *s);
	sb_init(&s->buf);
	sb_init(&s->path);
	sb_addf(&s->path, "%s/%s", dir, name);
	s->prev_fd = -1;
	errno = 0;
	s->f = fopen(s->path.buf, "wb");
	if (!s->f)
		s->error = errno ? errno : EIO;
	if (s->f && previous_version(s->path.buf, &prev) == 0)
		s->prev_fd = open(prev.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	sb_release(&prev);
}

/* Write what is buffered; keep comparing while the previous version
 * holds the same bytes. */
static void stream_write(struct report_stream *s)
{
	if (s->f && !s->error && s->buf.len &&
	    fwrite(s->buf.buf, 1, s->buf.len, s->f) != s->buf.len)
		s->error = errno ? errno : EIO;
	if (s->prev_fd >= 0 && s->buf.len) {
		char *old = xmalloc(s->buf.len);
		size_t at = 0;
		while (at < s->buf.len) {
			ssize_t got = read(s->prev_fd, old + at, s->buf.len - at);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				break;
			at += (size_t)got;
		}
		if (at != s->buf.len || memcmp(old, s->buf.buf, at)) {
			close(s->prev_fd);
			s->prev_fd = -1;
		}
		free(old);
	}
	sb_reset(&s->buf);
}

void report_stream_fill(struct report_stream *s)
{
	if (s->buf.len >= STREAM_PIECE)
		stream_write(s);
}

/* The file turned out the same as before: link the previous one over
 * the one just written (under a temporary name, then renamed, so the
 * written one stays if linking fails). */
static void stream_reuse(struct report_stream *s)
{
	struct strbuf prev = STRBUF_INIT, tmp = STRBUF_INIT;
	char end;
	if (read(s->prev_fd, &end, 1) == 0 &&
	    previous_version(s->path.buf, &prev) == 0) {
		sb_addf(&tmp, "%s.same", s->path.buf);
		if (link(prev.buf, tmp.buf) == 0 &&
		    rename(tmp.buf, s->path.buf) < 0)
			unlink(tmp.buf);
	}
	sb_release(&prev);
	sb_release(&tmp);
}

int report_stream_close(struct report_stream *s)
{
	stream_write(s);
	if (s->f) {
		int bad = ferror(s->f);
		if ((fclose(s->f) != 0 || bad) && !s->error)
			s->error = errno ? errno : EIO;
	}
	if (!s->error && s->prev_fd >= 0)
		stream_reuse(s);
	if (s->prev_fd >= 0)
		close(s->prev_fd);
	int rc = 0;
	if (s->error) {
		err("cannot write '%s': %s", s->path.buf, strerror(s->error));
		rc = -1;
	}
	sb_release(&s->buf);
	sb_release(&s->path);
	return rc;
}

/* Copy in the kernel (copy_file_range), which also lets file systems that
 * can share extents do so; fall back to reading and writing. */
static int copy_fd(int in, int out)
{
	struct stat st;
	if (fstat(in, &st) < 0)
		return -1;
	off_t left = st.st_size;
	while (left > 0) {
		ssize_t n = copy_file_range(in, NULL, out, NULL, (size_t)left, 0);
		if (n <= 0)
			return n == 0 ? 0 : -1;
		left -= n;
	}
	return 0;
}

/* Copy in pieces through a buffer, from the start: memory stays the
 * same whatever the size of the database. */
static int copy_plain(int in, int out)
{
	enum { PIECE = 1 << 20 };
	char *buf = xmalloc(PIECE);
	int rc = lseek(in, 0, SEEK_SET) < 0 || lseek(out, 0, SEEK_SET) < 0 ||
			 ftruncate(out, 0) < 0
		 ? -1
		 : 0;
	while (rc == 0) {
		ssize_t n = read(in, buf, PIECE);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = n == 0 ? 0 : -1;
			break;
		}
		for (ssize_t done = 0; done < n && rc == 0;) {
			ssize_t w = write(out, buf + done, (size_t)(n - done));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				rc = -1;
			else
				done += w;
		}
	}
	free(buf);
	return rc;
}

int report_copy(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		err("cannot read '%s': %s", from, strerror(errno));
		return -1;
	}
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	int rc = out < 0 ? -1 : copy_fd(in, out);
	if (rc < 0 && out >= 0 && (errno == EXDEV || errno == ENOSYS ||
				   errno == EINVAL || errno == EOPNOTSUPP))
		rc = copy_plain(in, out); /* no kernel copy between these two */
	int e = errno;
	if (out >= 0 && close(out) < 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	close(in);
	if (rc < 0)
		err("cannot write '%s': %s", to, strerror(e ? e : EIO));
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

/* Render every chart and copy its SVG and PNG into the site.  A missing
 * gnuplot is one warning; a failing one is an error. */
static int render_charts(struct chart_list *charts, const char *stage,
			 const struct report_options *opt)
{
	static const char *const ext[] = { "svg", "png" };
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
		for (int e = 0; e < 2 && rc == 0; e++) {
			sb_reset(&a);
			sb_reset(&b);
			sb_addf(&a, "%s/%s.%s", dir.buf, c->name, ext[e]);
			sb_addf(&b, "%s/site/charts/%s.%s", stage, c->name,
				ext[e]);
			rc = report_copy(a.buf, b.buf);
		}
		if (rc < 0)
			break;
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
		"csv", "csv/cost-quality", "plots", "site", "site/papers",
		"site/benchmarks", "site/charts", "site/downloads", "site/data",
	};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
		if (make_dir(stage, dirs[i]) < 0)
			return -1;
	return 0;
}

/* Do the regular files a and b hold the same bytes? */
static int same_bytes(const char *a, const char *b)
{
	enum { PIECE = 1 << 20 };
	int fa = open(a, O_RDONLY | O_CLOEXEC);
	int fb = open(b, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat sa, sb;
	int same = fa >= 0 && fb >= 0 && fstat(fa, &sa) == 0 &&
		   fstat(fb, &sb) == 0 && S_ISREG(sa.st_mode) &&
		   S_ISREG(sb.st_mode) && sa.st_size == sb.st_size;
	char *x = same ? xmalloc(PIECE) : NULL, *y = same ? xmalloc(PIECE) : NULL;
	while (same) {
		ssize_t n = read(fa, x, PIECE);
		if (n <= 0) {
			same = n == 0 && read(fb, y, 1) == 0;
			break;
		}
		size_t at = 0;
		while (at < (size_t)n) {
			ssize_t m = read(fb, y + at, (size_t)n - at);
			if (m <= 0)
				break;
			at += (size_t)m;
		}
		same = at == (size_t)n && !memcmp(x, y, at);
	}
	free(x);
	free(y);
	if (fa >= 0)
		close(fa);
	if (fb >= 0)
		close(fb);
	return same;
}

/* The downloads are the CSV files (linked, not copied: the same bytes)
 * and the database (copy_database). */
static int link_downloads(const char *stage)
{
	static const char *const files[] = {
		"claims.csv", "papers.csv", "derivations.csv",
		"cost-quality.csv",
	};
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < sizeof files / sizeof *files && rc == 0; i++) {
		sb_reset(&a);
		sb_reset(&b);
		sb_addf(&a, "%s/csv/%s", stage, files[i]);
		sb_addf(&b, "%s/site/downloads/%s", stage, files[i]);
		if (link(a.buf, b.buf) < 0)
			rc = report_copy(a.buf, b.buf);
	}
	sb_release(&a);
	sb_release(&b);
	return rc;
}

/* The database among the downloads: linked from the previous report when
 * unchanged, else copied.  It depends on nothing else, so it runs beside
 * the rest.  A read transaction (hold) is taken before the copy starts
 * and kept until both the copy and the caller's load of the dataset are
 * over, so no writer can commit in between: the copy is never torn, and
 * it holds what the report shows. */
struct db_copy {
	const char *stage, *db_path;
	int rc;
	struct store_hold *hold;
	pthread_mutex_t mu;
	int copied, loaded;
};

/* One of the two is over; the hold goes when both are. */
static void copy_step(struct db_copy *dc, int *which)
{
	pthread_mutex_lock(&dc->mu);
	*which = 1;
	if (dc->copied && dc->loaded) {
		store_unhold(dc->hold);
		dc->hold = NULL;
	}
	pthread_mutex_unlock(&dc->mu);
}

static void *copy_database(void *arg)
{
	struct db_copy *dc = arg;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	sb_addf(&b, "%s/site/downloads/effdash.db", dc->stage);
	if (previous_version(b.buf, &a) < 0 ||
	    !same_bytes(dc->db_path, a.buf) || link(a.buf, b.buf) < 0)
		dc->rc = report_copy(dc->db_path, b.buf);
	sb_release(&a);
	sb_release(&b);
	copy_step(dc, &dc->copied);
	return NULL;
}

/* A report in the making: report_start() makes its staging folder and
 * starts the copy of the database, which needs nothing else, so it runs
 * while the caller loads the dataset; report_finish() builds the rest. */
struct report_job {
	const struct report_options *opt;
	const char *out;
	struct strbuf stage;
	int dirs;                  /* make_stage_dirs() */
	struct db_copy dc;
	pthread_t copier;
	int copying;               /* copier runs */
	int made_out;              /* report_start() made OUT */
};

/* Wait for the database copy; its result. */
static int copy_wait(struct report_job *job)
{
	if (job->copying)
		pthread_join(job->copier, NULL);
	job->copying = 0;
	return job->dc.rc;
}

/* The caller's load is over (or will not happen). */
static void job_loaded(struct report_job *job)
{
	if (!job->dc.loaded)
		copy_step(&job->dc, &job->dc.loaded);
}

/* The text of OUT/site/data/NAME, or NULL when there is none. */
static char *previous_file(const char *out, const char *name)
{
	struct strbuf path = STRBUF_INIT;
	char *text = NULL;
	size_t len;
	sb_addf(&path, "%s/site/data/%s", out, name);
	if (read_file(path.buf, &text, &len) < 0)
		text = NULL;
	sb_release(&path);
	return text;
}

/* Is text the parts of the manifest one after the other? */
static int manifest_is(const char *text, const struct strbuf *manifest, size_t n_parts)
{
	for (size_t i = 0; i < n_parts; i++) {
		if (strncmp(text, sb_str(&manifest[i]), manifest[i].len))
			return 0;
		text += manifest[i].len;
	}
	return !*text;
}

/* Compare this report's manifest with the previous one in OUT (before:
 * its text when already read, which this frees; NULL to read it).  When
 * nothing changed, the previous report's list of changes is kept, so the
 * same inputs give the same site however often it is regenerated. */
static void find_changes(struct report_changes *ch, const char *out,
			 const struct strbuf *manifest, size_t n_parts, char *before)
{
	if (!before)
		before = previous_file(out, "manifest.tsv");
	char *kept = NULL;
	if (before && manifest_is(before, manifest, n_parts))
		kept = previous_file(out, "changes.tsv");
	if (!kept || report_changes_read(ch, kept) < 0)
		report_changes_diff(ch, before, manifest, n_parts);
	free(kept);
	free(before);
}

static int write_state(const char *stage, const struct strbuf *manifest, size_t n_parts,
		       const struct report_changes *ch)
{
	struct strbuf dir = STRBUF_INIT, text = STRBUF_INIT;
	sb_addf(&dir, "%s/site/data", stage);
	report_changes_write(&text, ch);
	int rc = report_save_parts(dir.buf, "manifest.tsv", manifest, n_parts) < 0 ||
			 report_save(dir.buf, "changes.tsv", &text) < 0
		 ? -1
		 : 0;
	sb_release(&dir);
	sb_release(&text);
	return rc;
}

struct build_ctx {
	const struct dataset *ds;
	const struct report_options *opt;
	const char *stage, *out;
	struct report_changes *changes;
	struct report_job *job;    /* its folders made; build() waits for its copy */
};

/* The CSV exports and the JSON Lines file: they depend on nothing the
 * rest of the report makes, so a second thread writes them. */
struct exports {
	const struct dataset *ds;
	const struct report_index *ix;
	const struct report_model *model;
	const char *stage;
	unsigned long long digest; /* report_dataset_digest */
	int rc;
};

/* site/data/exports.tsv: the digest of the dataset and program the
 * exports (and the claim lines of the manifest) show. */
static void exports_state(struct strbuf *sb, unsigned long long digest)
{
	sb_adds(sb, "# effdash exports 1: digest of the data and program they show\n");
	sb_add_hex64(sb, digest);
	sb_addc(sb, '\n');
}

/* The exports, by folder under the stage; "cost-quality/" stands for
 * every file of that folder. */
static const char *const export_files[][2] = {
	{ "csv", "claims.csv" },
	{ "csv", "papers.csv" },
	{ "csv", "derivations.csv" },
	{ "csv", "cost-quality.csv" },
	{ "csv/cost-quality", NULL },
	{ "site/downloads", "claims.jsonl" },
};
#define N_EXPORT_FILES (sizeof export_files / sizeof *export_files)

/* Unlink what link_exports put in place (never the previous files:
 * only the stage's names go). */
static void unlink_exports(const char *stage)
{
	struct strbuf path = STRBUF_INIT;
	for (size_t i = 0; i < N_EXPORT_FILES; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", stage, export_files[i][0]);
		if (export_files[i][1]) {
			sb_addf(&path, "/%s", export_files[i][1]);
			unlink(path.buf);
			continue;
		}
		DIR *d = opendir(path.buf);
		struct dirent *de;
		while (d && (de = readdir(d))) {
			if (de->d_name[0] == '.')
				continue;
			struct strbuf f = STRBUF_INIT;
			sb_addf(&f, "%s/%s", path.buf, de->d_name);
			unlink(f.buf);
			sb_release(&f);
		}
		if (d)
			closedir(d);
	}
	sb_release(&path);
}

/* Link every export of the previous report into the stage; 0, or -1 with
 * nothing left linked. */
static int link_exports(const char *stage)
{
	struct strbuf dir = STRBUF_INIT, prev = STRBUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < N_EXPORT_FILES && rc == 0; i++) {
		sb_reset(&dir);
		sb_addf(&dir, "%s/%s", stage, export_files[i][0]);
		if (export_files[i][1]) {
			rc = report_link_previous(dir.buf, export_files[i][1]);
			continue;
		}
		sb_reset(&prev);
		if (previous_version(dir.buf, &prev) < 0) {
			rc = -1;
			break;
		}
		DIR *d = opendir(prev.buf);
		struct dirent *de;
		if (!d)
			rc = -1;
		while (d && rc == 0 && (de = readdir(d)))
			if (de->d_name[0] != '.')
				rc = report_link_previous(dir.buf, de->d_name);
		if (d)
			closedir(d);
	}
	sb_release(&dir);
	sb_release(&prev);
	if (rc < 0)
		unlink_exports(stage);
	return rc;
}

struct jsonl_job {
	const struct dataset *ds;
	const struct report_index *ix;
	struct strbuf dir;
	int rc;
};

static void *write_jsonl(void *arg)
{
	struct jsonl_job *jj = arg;
	jj->rc = report_jsonl_write(jj->ds, jj->ix, jj->dir.buf);
	return NULL;
}

static void *write_exports(void *arg)
{
	struct exports *e = arg;
	struct strbuf dir = STRBUF_INIT, state = STRBUF_INIT;
	char *prev = NULL;
	size_t len = 0;
	/* The exports show the dataset and nothing else: when it and the
	 * program are what the previous report recorded, its files are
	 * kept unrendered. */
	exports_state(&state, e->digest);
	sb_addf(&dir, "%s/site/data", e->stage);
	int same = report_read_previous(dir.buf, "exports.tsv", &prev, &len) == 0 &&
		   len == state.len && !memcmp(prev, state.buf, len);
	free(prev);
	e->rc = report_save(dir.buf, "exports.tsv", &state);
	if (e->rc == 0 && !(same && link_exports(e->stage) == 0)) {
		/* The JSON Lines file, the largest, is written beside the
		 * CSV files rather than after them: it would otherwise be
		 * the last thing the report waits for. */
		struct jsonl_job jj = { e->ds, e->ix, STRBUF_INIT, 0 };
		sb_addf(&jj.dir, "%s/site/downloads", e->stage);
		pthread_t jt;
		int threaded = pthread_create(&jt, NULL, write_jsonl, &jj) == 0;
		sb_reset(&dir);
		sb_addf(&dir, "%s/csv", e->stage);
		e->rc = report_csv_write(e->ds, e->ix, e->model, dir.buf);
		if (threaded)
			pthread_join(jt, NULL);
		else
			write_jsonl(&jj);
		if (jj.rc < 0)
			e->rc = -1;
		sb_release(&jj.dir);
	}
	sb_release(&dir);
	sb_release(&state);
	return NULL;
}

/* report_dataset_digest, made beside the indexes and the model; those
 * who need it wait for it. */
struct digest_job {
	const struct dataset *ds;
	unsigned long long digest;
	pthread_mutex_t lock;
	pthread_cond_t ready;
	int done;
};

static void *make_digest(void *arg)
{
	struct digest_job *dj = arg;
	unsigned long long d = report_dataset_digest(dj->ds);
	pthread_mutex_lock(&dj->lock);
	dj->digest = d;
	dj->done = 1;
	pthread_cond_broadcast(&dj->ready);
	pthread_mutex_unlock(&dj->lock);
	return NULL;
}

static unsigned long long digest_wait(struct digest_job *dj)
{
	pthread_mutex_lock(&dj->lock);
	while (!dj->done)
		pthread_cond_wait(&dj->ready, &dj->lock);
	unsigned long long d = dj->digest;
	pthread_mutex_unlock(&dj->lock);
	return d;
}

/* The bulk of the manifest, made beside the charts it does not need. */
struct manifest_job {
	const struct dataset *ds;
	const struct report_index *ix;
	const char *out;
	struct digest_job *dj;
	struct strbuf body;
	char *before; /* the previous manifest, when read */
};

/* When the previous report showed the same dataset with the same program
 * (its exports.tsv says so), its manifest's claim and derived-value lines
 * are what report_manifest_body() would write: they are taken from it. */
static int reuse_manifest_body(struct manifest_job *mj)
{
	struct strbuf state = STRBUF_INIT;
	char *was = previous_file(mj->out, "exports.tsv");
	/* without a previous report, nothing waits for the digest */
	if (was)
		exports_state(&state, digest_wait(mj->dj));
	int same = was && !strcmp(was, state.buf);
	free(was);
	sb_release(&state);
	if (same) /* kept for find_changes, which compares with it */
		mj->before = previous_file(mj->out, "manifest.tsv");
	static const char head[] = "# effdash manifest 1: type, id, hash, summary\n";
	if (!mj->before || strncmp(mj->before, head, sizeof head - 1))
		return 0;
	const char *p = mj->before + sizeof head - 1;
	while (!strncmp(p, "chart\t", 6)) {
		const char *nl = strchr(p, '\n');
		p = nl ? nl + 1 : p + strlen(p);
	}
	sb_adds(&mj->body, p);
	return 1;
}

static void *make_manifest_body(void *arg)
{
	struct manifest_job *mj = arg;
	if (!reuse_manifest_body(mj))
		report_manifest_body(&mj->body, mj->ds, mj->ix);
	return NULL;
}

/* The long lists of the site, written beside the charts and exports. */
struct lists {
	const struct dataset *ds;
	const struct report_index *ix;
	struct site_input in;
	struct strbuf dir;
	int rc;
};

static void *write_lists(void *arg)
{
	struct lists *ls = arg;
	ls->rc = report_html_write_lists(ls->ds, ls->ix, &ls->in, ls->dir.buf);
	return NULL;
}

static int build(const struct build_ctx *b)
{
	const struct dataset *ds = b->ds;
	struct report_index ix;
	struct report_model model;
	struct chart_list charts = { NULL, 0 };
	struct strbuf papers = STRBUF_INIT, site = STRBUF_INIT, plots = STRBUF_INIT;
	struct strbuf manifest[2] = { STRBUF_INIT, STRBUF_INIT };
	struct paper_pages *pages = NULL;
	struct digest_job dj = { ds, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0 };
	pthread_t digester;
	int digesting = pthread_create(&digester, NULL, make_digest, &dj) == 0;
	if (!digesting)
		make_digest(&dj);
	struct exports ex = { ds, &ix, &model, b->stage, 0, 0 };
	pthread_t exporter, lister, manifester;
	int exporting = 0, listing = 0, manifesting = 0;
	struct manifest_job mj = { ds, &ix, b->out, &dj, STRBUF_INIT, NULL };
	struct lists ls = { ds, &ix, { NULL, &model, NULL, NULL, b->opt->db_path != NULL, b->opt->perf },
			    STRBUF_INIT, 0 };
	int rc = -1;
	sb_addf(&site, "%s/site", b->stage);
	sb_addf(&plots, "%s/plots", b->stage);
	/* The digest of the dataset needs only the dataset: it is made
	 * while the indexes and the model are built (and the database is
	 * copied since report_start()). */
	int dirs = b->job->dirs;
	report_index_build(&ix, ds);
	/* The manifest and the paper pages need only the index: they start
	 * while the model is built. */
	if (dirs == 0) {
		manifesting = pthread_create(&manifester, NULL, make_manifest_body, &mj) == 0;
		sb_addf(&papers, "%s/site/papers", b->stage);
		pages = report_papers_start(ds, &ix, b->opt->perf, papers.buf);
	}
	report_model_build(&model, ds, &ix);
	ex.digest = digest_wait(&dj);
	if (digesting)
		pthread_join(digester, NULL);
	digesting = 0;
	if (dirs < 0)
		goto out;
	exporting = pthread_create(&exporter, NULL, write_exports, &ex) == 0;
	if (!exporting)
		write_exports(&ex);
	ls.in.marked = report_papers_marked(pages);
	sb_addf(&ls.dir, "%s/site", b->stage);
	listing = pthread_create(&lister, NULL, write_lists, &ls) == 0;
	if (!listing)
		write_lists(&ls);
	if (report_plot_write(ds, &ix, &model, plots.buf, &charts) < 0 ||
	    (b->opt->perf &&
	     report_plot_perf(b->opt->perf, plots.buf, &charts) < 0) ||
	    render_charts(&charts, b->stage, b->opt) < 0)
		goto out;
	/* The pages that do not show what changed, while the manifest that
	 * says it is finished. */
	struct site_input in = { &charts, &model, b->changes,
				 report_papers_marked(pages),
				 b->opt->db_path != NULL, b->opt->perf };
	if (report_html_write(ds, &ix, &in, site.buf) < 0)
		goto out;
	if (manifesting)
		pthread_join(manifester, NULL);
	else
		make_manifest_body(&mj);
	manifesting = 0;
	/* the head, then the body: written one after the other */
	report_manifest_head(&manifest[0], &charts, plots.buf);
	manifest[1] = mj.body;
	sb_init(&mj.body);
	find_changes(b->changes, b->out, manifest, 2, mj.before);
	mj.before = NULL;
	if (write_state(b->stage, manifest, 2, b->changes) < 0)
		goto out;
	rc = report_html_write_index(ds, &ix, &in, site.buf);
out:
	if (manifesting)
		pthread_join(manifester, NULL);
	sb_release(&mj.body);
	free(mj.before);
	if (listing)
		pthread_join(lister, NULL);
	if (ls.rc < 0)
		rc = -1;
	sb_release(&ls.dir);
	if (exporting)
		pthread_join(exporter, NULL);
	if (ex.rc < 0 || copy_wait(b->job) < 0)
		rc = -1;
	/* The downloads link the CSV files, so they come last. */
	if (rc == 0 && link_downloads(b->stage) < 0)
		rc = -1;
	if (report_papers_finish(pages, rc < 0) < 0)
		rc = -1;
	chart_list_release(&charts);
	report_model_release(&model);
	report_index_release(&ix, ds->n_papers);
	sb_release(&papers);
	sb_release(&site);
	sb_release(&plots);
	sb_release(&manifest[0]);
	sb_release(&manifest[1]);
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

/* 1 when it made OUT, 0 when OUT was there, -1 after printing why not. */
static int ensure_out_dir(const char *out)
{
	struct stat st;
	if (mkdir(out, 0777) == 0)
		return 1;
	if (errno == EEXIST && stat(out, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST)
		errno = ENOTDIR;
	err("cannot create '%s': %s", out, strerror(errno));
	return -1;
}

/* ---- Checking without writing ----------------------------------------- */

struct file_list {
	char **path; /* relative to the report folder */
	size_t n, alloc;
};

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under base/rel, recursively. */
static void list_files(struct file_list *l, const char *base, const char *rel)
{
	struct strbuf dir = STRBUF_INIT, sub = STRBUF_INIT;
	sb_addf(&dir, "%s/%s", base, rel);
	DIR *d = opendir(dir.buf);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sb_reset(&sub);
		sb_addf(&sub, "%s/%s/%s", base, rel, e->d_name);
		if (lstat(sub.buf, &st) < 0)
			continue;
		sb_reset(&sub);
		sb_addf(&sub, "%s/%s", rel, e->d_name);
		if (S_ISDIR(st.st_mode)) {
			list_files(l, base, sub.buf);
		} else {
			if (l->n == l->alloc) {
				l->alloc = l->alloc ? 2 * l->alloc : 256;
				l->path = xrealloc(l->path,
						   l->alloc * sizeof *l->path);
			}
			l->path[l->n++] = xstrdup(sub.buf);
		}
	}
	if (d)
		closedir(d);
	sb_release(&dir);
	sb_release(&sub);
}

static void file_list_build(struct file_list *l, const char *base)
{
	memset(l, 0, sizeof *l);
	for (size_t i = 0; i < N_PARTS; i++)
		list_files(l, base, parts[i]);
	if (l->n)
		qsort(l->path, l->n, sizeof *l->path, path_cmp);
}

static void file_list_release(struct file_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->path[i]);
	free(l->path);
}

static int same_file(const char *a_base, const char *b_base, const char *rel)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	char *ta = NULL, *tb = NULL;
	size_t la = 0, lb = 0;
	sb_addf(&a, "%s/%s", a_base, rel);
	sb_addf(&b, "%s/%s", b_base, rel);
	int same = read_file(a.buf, &ta, &la) == 0 &&
		   read_file(b.buf, &tb, &lb) == 0 && la == lb &&
		   !memcmp(ta, tb, la);
	free(ta);
	free(tb);
	sb_release(&a);
	sb_release(&b);
	return same;
}

/* At most this many file names of each kind are printed. */
#define CHECK_LIST 20

static void check_line(size_t *shown, const char *what, const char *path)
{
	if ((*shown)++ < CHECK_LIST)
		printf("%s file: %s\n", what, path);
}

/* Compare the staged report with OUT file by file; print the differences
 * and return how many files differ. */
static size_t compare_trees(const char *stage, const char *out)
{
	struct file_list a, b;
	size_t i = 0, j = 0, n[3] = { 0, 0, 0 };
	file_list_build(&a, out);
	file_list_build(&b, stage);
	while (i < a.n || j < b.n) {
		int c = i == a.n ? 1 : j == b.n ? -1
						: strcmp(a.path[i], b.path[j]);
		if (c < 0)
			check_line(&n[1], "removed", a.path[i++]);
		else if (c > 0)
			check_line(&n[0], "new", b.path[j++]);
		else {
			if (!same_file(out, stage, a.path[i]))
				check_line(&n[2], "changed", a.path[i]);
			i++;
			j++;
		}
	}
	size_t total = n[0] + n[1] + n[2];
	if (total)
		printf("%zu files would change: %zu new, %zu removed, "
		       "%zu changed\n", total, n[0], n[1], n[2]);
	file_list_release(&a);
	file_list_release(&b);
	return total;
}

/* --check, after the build into a folder outside OUT: print what would
 * change; 0 when nothing would, 1 when something would. */
static int check(const struct report_job *job, const struct report_changes *ch)
{
	if (!ch->first || ch->len)
		report_changes_print(stdout, ch, 50);
	int rc = compare_trees(job->stage.buf, job->out) ? 1 : 0;
	if (rc == 0)
		printf("%s is up to date\n", job->out);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		err("cannot write to standard output: %s", strerror(errno));
		rc = -1;
	}
	return rc;
}

/* Does out hold a previous report (whose files may be reused)?  When it
 * does not, no file is looked for there. */
static int has_previous(const char *out)
{
	static const char *const kinds[] = { "site", "csv", "plots" };
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	int found = 0;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds && !found; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", out, kinds[i]);
		found = lstat(path.buf, &st) == 0;
	}
	sb_release(&path);
	return found;
}

struct report_job *report_start(const struct report_options *opt)
{
	struct report_job *job = xcalloc(1, sizeof *job);
	job->opt = opt;
	job->out = opt->out_dir && *opt->out_dir ? opt->out_dir : "output";
	sb_init(&job->stage);
	if (opt->check) {
		/* --check builds elsewhere and changes nothing in OUT */
		const char *tmp = getenv("TMPDIR");
		tmp = tmp && *tmp ? tmp : "/tmp";
		sb_addf(&job->stage, "%s/effdash-check-XXXXXX", tmp);
		if (!mkdtemp(job->stage.buf)) {
			err("cannot create a folder in '%s': %s", tmp, strerror(errno));
			goto fail;
		}
	} else {
		job->made_out = ensure_out_dir(job->out);
		if (job->made_out < 0)
			goto fail;
		sb_addf(&job->stage, "%s/.staging-XXXXXX", job->out);
		if (!mkdtemp(job->stage.buf)) {
			err("cannot create a folder in '%s': %s", job->out,
			    strerror(errno));
			goto fail;
		}
		reuse.stage = job->stage.buf;
		reuse.stage_len = job->stage.len;
		reuse.prev = has_previous(job->out) ? job->out : NULL;
	}
	job->dirs = make_stage_dirs(job->stage.buf);
	job->dc = (struct db_copy){ job->stage.buf, opt->db_path, 0, NULL,
				    PTHREAD_MUTEX_INITIALIZER, 1, 0 };
	if (job->dirs == 0 && opt->db_path) {
		job->dc.copied = 0;
		job->dc.hold = store_hold(opt->db_path);
		job->copying = pthread_create(&job->copier, NULL, copy_database, &job->dc) == 0;
		if (!job->copying)
			copy_database(&job->dc);
	}
	return job;
fail:
	sb_release(&job->stage);
	free(job);
	return NULL;
}

static void job_release(struct report_job *job)
{
	job_loaded(job);
	copy_wait(job);
	store_unhold(job->dc.hold);
	pthread_mutex_destroy(&job->dc.mu);
	memset(&reuse, 0, sizeof reuse);
	remove_tree(job->stage.buf);
	sb_release(&job->stage);
	free(job);
}

void report_cancel(struct report_job *job)
{
	if (!job)
		return;
	const char *made = job->made_out > 0 ? job->out : NULL;
	job_release(job);
	if (made)
		rmdir(made); /* as it was: OUT did not exist */
}

int report_finish(struct report_job *job, const struct dataset *ds)
{
	struct report_changes ch;
	memset(&ch, 0, sizeof ch);
	struct build_ctx b = { ds, job->opt, job->stage.buf, job->out, &ch, job };
	job_loaded(job);
	int rc = build(&b);
	/* nothing may take files from the previous report any more */
	memset(&reuse, 0, sizeof reuse);
	if (rc == 0)
		rc = job->opt->check ? check(job, &ch) : move_into_place(job->stage.buf, job->out);
	report_changes_release(&ch);
	job_release(job);
	return rc;
}

int report_write(const struct dataset *ds, const struct report_options *opt)
{
	struct report_job *job = report_start(opt);
	return job ? report_finish(job, ds) : -1;
}

/* report_plot.c - plots/NAME.gp, plots/NAME.dat, and the charts' tables.
 *
 * The only file that knows gnuplot syntax.  Scripts are the templates of
 * plots/ (compiled in) with @NAME@ placeholders replaced by gnuplot string
 * literals from esc_gnuplot or by numbers; every text that comes from the
 * data (paper names, dimensions) is written only to the data file, through
 * esc_gnuplot_data, and drawn from there.  The terminal is noenhanced, so
 * no text is read as markup.  Each script names its own output and data
 * file relative to its folder, so "gnuplot NAME.gp" redraws NAME.svg.
 *
 * Charts:
 *   cost-quality-N-SLUG  result on one benchmark (metric + dataset) against
 *                        training cost, one point per paper that states both
 *                        (own figures only, not a baseline's);
 *   params-tokens        parameters against training tokens, per paper;
 *   ratios               claimed factors by dimension.
 * A chart without data becomes a "no data" chart, never an error. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "escape.h"
#include "report_internal.h"
#include "templates.h"

/* At most this many benchmark charts, the ones with most papers first. */
#define MAX_BENCH_CHARTS 8
/* At most this many dimensions in the ratio chart, the largest first. */
#define MAX_DIMENSIONS 14

/* ---- Templates -------------------------------------------------------- */

#define MAX_VARS 12

/* Placeholder values, each already a gnuplot literal. */
struct vars {
	const char *key[MAX_VARS];
	struct strbuf value[MAX_VARS];
	size_t n;
};

static struct strbuf *var_slot(struct vars *v, const char *key)
{
	if (v->n == MAX_VARS)
		BUG("too many template variables");
	v->key[v->n] = key;
	sb_init(&v->value[v->n]);
	return &v->value[v->n++];
}

static void var_text(struct vars *v, const char *key, const char *text)
{
	esc_gnuplot(var_slot(v, key), text);
}

static void var_int(struct vars *v, const char *key, long n)
{
	sb_addf(var_slot(v, key), "%ld", n);
}

static void vars_release(struct vars *v)
{
	for (size_t i = 0; i < v->n; i++)
		sb_release(&v->value[i]);
	v->n = 0;
}

/* Length of the placeholder "@KEY@" at s that v knows, else 0; *which is
 * its index. */
static size_t placeholder_at(const char *s, const struct vars *v,
			     size_t *which)
{
	for (size_t i = 0; i < v->n; i++) {
		size_t n = strlen(v->key[i]);
		if (!strncmp(s + 1, v->key[i], n) && s[n + 1] == '@') {
			*which = i;
			return n + 2;
		}
	}
	return 0;
}

static void fill_template(struct strbuf *out, const char *name,
			  const struct vars *v)
{
	const char *t = plot_template(name);
	if (!t)
		BUG("no plot template '%s'", name);
	while (*t) {
		size_t i, n = *t == '@' ? placeholder_at(t, v, &i) : 0;
		if (n) {
			sb_add(out, v->value[i].buf, v->value[i].len);
			t += n;
		} else {
			sb_addc(out, *t++);
		}
	}
}

/* Write NAME.gp from the template and NAME.dat from dat. */
static int write_chart_files(const char *dir, const char *name,
			     const char *template, struct vars *v,
			     const struct strbuf *dat)
{
	struct strbuf file = STRBUF_INIT, gp = STRBUF_INIT;
	sb_addf(&file, "%s.svg", name);
	var_text(v, "OUTPUT", file.buf);
	sb_reset(&file);
	sb_addf(&file, "%s.dat", name);
	var_text(v, "DATA", file.buf);
	fill_template(&gp, template, v);
	int rc = report_save(dir, file.buf, dat);
	sb_reset(&file);
	sb_addf(&file, "%s.gp", name);
	if (rc == 0)
		rc = report_save(dir, file.buf, &gp);
	sb_release(&file);
	sb_release(&gp);
	return rc;
}

/* A chart that says why there is nothing to draw. */
static int write_nodata(const char *dir, struct chart_list *charts,
			const char *name, const char *title,
			const char *message)
{
	static const char *const cols[] = { "Note" };
	struct vars v = { .n = 0 };
	struct strbuf dat = STRBUF_INIT;
	struct chart *c = chart_add(charts, name, title, 1, cols, 0);
	free(c->caption);
	c->caption = xstrdup(message);
	sb_adds(&dat, "# nothing to plot\n");
	var_text(&v, "TITLE", title);
	var_text(&v, "MESSAGE", message);
	int rc = write_chart_files(dir, name, "nodata", &v, &dat);
	vars_release(&v);
	sb_release(&dat);
	return rc;
}

/* ---- Data rows -------------------------------------------------------- */

static void dat_num(struct strbuf *dat, double v)
{
	report_plain_number(dat, v);
	sb_addc(dat, ' ');
}

static void dat_label(struct strbuf *dat, const char *text)
{
	esc_gnuplot_data(dat, text);
}

static void short_name(struct strbuf *out, const struct dataset *ds,
		       size_t paper)
{
	report_short_name(out, ds->papers[paper].title);
}

static int positive(double v)
{
	return isfinite(v) && v > 0;
}

/* The first claim of paper p that counts, is the paper's own (not a
 * baseline's), has quantity q and a positive value; or -1. */
static long own_claim(const struct dataset *ds, const struct report_index *ix,
		      size_t p, enum quantity q)
{
	for (size_t k = ix->paper_start[p]; k < ix->paper_start[p + 1]; k++) {
		const struct stored_claim *sc = &ds->claims[ix->by_paper[k]];
		if (claim_counts(sc) && !sc->claim.subject_baseline &&
		    sc->claim.quantity == q && positive(sc->claim.value))
			return (long)ix->by_paper[k];
	}
	return -1;
}

/* ---- Cost against quality --------------------------------------------- */

enum basis { BASIS_NONE, BASIS_STATED, BASIS_ESTIMATED };

struct paper_cost {
	enum basis usd_basis;
	double usd;
	int has_hours;
	double hours;
};

/* USD estimated from a compute claim: its "usd" derivation, if any. */
static int estimated_usd(const struct dataset *ds,
			 const struct report_index *ix, long claim_id,
			 double *usd)
{
	size_t first, n = report_derivations_of(ix, ds, claim_id, &first);
	for (size_t i = first; i < first + n; i++) {
		const struct derivation *d = &ds->derivations[ix->deriv_order[i]];
		if (d->kind && !strcmp(d->kind, "usd") && positive(d->value)) {
			*usd = d->value;
			return 1;
		}
	}
	return 0;
}

static int paper_cost_find(const struct dataset *ds,
			   const struct report_index *ix, size_t p,
			   struct paper_cost *pc)
{
	long cost = own_claim(ds, ix, p, Q_COST_USD);
	long compute = own_claim(ds, ix, p, Q_COMPUTE);
	memset(pc, 0, sizeof *pc);
	if (cost >= 0) {
		pc->usd_basis = BASIS_STATED;
		pc->usd = ds->claims[cost].claim.value;
	}
	if (compute >= 0) {
		pc->has_hours = 1;
		pc->hours = ds->claims[compute].claim.value;
		if (cost < 0 && estimated_usd(ds, ix, ds->claims[compute].id,
					      &pc->usd))
			pc->usd_basis = BASIS_ESTIMATED;
	}
	return pc->usd_basis != BASIS_NONE || pc->has_hours;
}

struct point {
	size_t paper;
	size_t claim; /* the quality claim */
	size_t bench;
	struct paper_cost cost;
};

struct bench {
	char *key;     /* metric and dataset folded */
	size_t claim;  /* first quality claim: the spelling shown */
	size_t n;
};

struct benches {
	struct bench *b;
	size_t n;
	struct point *pt;
	size_t n_pt;
};

/* "metric|dataset" in lower case with white space folded. */
static char *bench_key(const struct claim *c)
{
	struct strbuf sb = STRBUF_INIT;
	const char *parts[2] = { c->metric, c->dataset };
	for (int i = 0; i < 2; i++) {
		int gap = 0;
		for (const char *s = parts[i]; *s; s++) {
			if (*s == ' ' || *s == '\t' || *s == '\n') {
				gap = 1;
				continue;
			}
			if (gap && sb.len && sb.buf[sb.len - 1] != '|')
				sb_addc(&sb, ' ');
			gap = 0;
			sb_addc(&sb, *s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
		}
		if (i == 0)
			sb_addc(&sb, '|');
	}
	return sb_detach(&sb);
}

static size_t bench_find(struct benches *bs, const struct claim *c,
			 size_t claim)
{
	char *key = bench_key(c);
	for (size_t i = 0; i < bs->n; i++)
		if (!strcmp(bs->b[i].key, key)) {
			free(key);
			return i;
		}
	bs->b = xrealloc(bs->b, (bs->n + 1) * sizeof *bs->b);
	bs->b[bs->n].key = key;
	bs->b[bs->n].claim = claim;
	bs->b[bs->n].n = 0;
	return bs->n++;
}

static int has_point(const struct benches *bs, size_t paper, size_t bench)
{
	for (size_t i = bs->n_pt; i-- > 0 && bs->pt[i].paper == paper;)
		if (bs->pt[i].bench == bench)
			return 1;
	return 0;
}

static int is_benchmark_result(const struct stored_claim *sc)
{
	const struct claim *c = &sc->claim;
	return claim_counts(sc) && !c->subject_baseline &&
	       c->quantity == Q_QUALITY && isfinite(c->value) && c->metric &&
	       *c->metric && c->dataset && *c->dataset;
}

/* One point per paper and benchmark: its first own result there. */
static void collect_paper_points(struct benches *bs, const struct dataset *ds,
				 const struct report_index *ix, size_t p)
{
	struct paper_cost pc;
	if (!paper_cost_find(ds, ix, p, &pc))
		return;
	for (size_t k = ix->paper_start[p]; k < ix->paper_start[p + 1]; k++) {
		size_t ci = ix->by_paper[k];
		if (!is_benchmark_result(&ds->claims[ci]))
			continue;
		size_t b = bench_find(bs, &ds->claims[ci].claim, ci);
		if (has_point(bs, p, b))
			continue;
		bs->pt = xrealloc(bs->pt, (bs->n_pt + 1) * sizeof *bs->pt);
		bs->pt[bs->n_pt++] = (struct point){ p, ci, b, pc };
		bs->b[b].n++;
	}
}

static void benches_release(struct benches *bs)
{
	for (size_t i = 0; i < bs->n; i++)
		free(bs->b[i].key);
	free(bs->b);
	free(bs->pt);
}

static const struct benches *sort_ctx;

/* Most papers first, then by name: a stable, data-only order. */
static int bench_order_cmp(const void *a, const void *b)
{
	const struct bench *x = &sort_ctx->b[*(const size_t *)a];
	const struct bench *y = &sort_ctx->b[*(const size_t *)b];
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* "fid" -> "FID", "accuracy" -> "Accuracy". */
static void metric_display(struct strbuf *out, const char *metric)
{
	size_t n = strlen(metric), letters = 0;
	for (size_t i = 0; i < n; i++)
		letters += (metric[i] >= 'a' && metric[i] <= 'z');
	int acronym = n <= 4 && letters == n;
	for (size_t i = 0; i < n; i++) {
		char c = metric[i];
		if ((acronym || i == 0) && c >= 'a' && c <= 'z')
			c = (char)(c - 32);
		sb_addc(out, c);
	}
}

/* Which cost axis a benchmark's chart uses: USD when at least as many of
 * its papers have a USD figure (stated or estimated) as have compute. */
static int bench_uses_usd(const struct benches *bs, size_t b)
{
	size_t usd = 0, hours = 0;
	for (size_t i = 0; i < bs->n_pt; i++)
		if (bs->pt[i].bench == b) {
			usd += bs->pt[i].cost.usd_basis != BASIS_NONE;
			hours += bs->pt[i].cost.has_hours;
		}
	return usd >= hours;
}

struct bench_chart {
	const struct dataset *ds;
	const struct benches *bs;
	size_t b;
	int usd;
	struct chart *chart;
	struct strbuf dat;
	size_t drawn, estimated, omitted;
};

static void bench_row(struct bench_chart *bc, const struct point *pt)
{
	const struct claim *q = &bc->ds->claims[pt->claim].claim;
	int est = bc->usd && pt->cost.usd_basis == BASIS_ESTIMATED;
	double x = bc->usd ? pt->cost.usd : pt->cost.hours;
	struct strbuf name = STRBUF_INIT, cost = STRBUF_INIT,
		      result = STRBUF_INIT;
	short_name(&name, bc->ds, pt->paper);
	dat_num(&bc->dat, x);
	dat_num(&bc->dat, q->value);
	dat_label(&bc->dat, name.buf);
	sb_addf(&bc->dat, " %d\n", est);
	sb_adds(&cost, bc->usd ? "$" : "");
	report_human_number(&cost, x);
	sb_adds(&cost, bc->usd ? "" : " device-hours");
	report_claim_value(&result, q);
	const char *cells[] = { bc->ds->papers[pt->paper].title, cost.buf,
				est ? "estimated from compute" : "stated",
				result.buf };
	chart_add_row(bc->chart, (long)pt->paper, cells);
	bc->drawn++;
	bc->estimated += est;
	sb_release(&name);
	sb_release(&cost);
	sb_release(&result);
}

static void bench_points(struct bench_chart *bc)
{
	sb_adds(&bc->dat, "# cost result \"paper\" estimated\n");
	for (size_t i = 0; i < bc->bs->n_pt; i++) {
		const struct point *pt = &bc->bs->pt[i];
		if (pt->bench != bc->b)
			continue;
		if (bc->usd ? pt->cost.usd_basis != BASIS_NONE
			    : pt->cost.has_hours)
			bench_row(bc, pt);
		else
			bc->omitted++;
	}
}

static void bench_caption(struct bench_chart *bc, const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "Each point is one paper that states both its own "
		"training %s and a result on %s (%zu paper%s).",
		bc->usd ? "cost" : "compute", what, bc->drawn,
		bc->drawn == 1 ? "" : "s");
	if (bc->estimated)
		sb_adds(&sb, " Hollow points: cost estimated from the stated "
			"compute at the reference prices of the methodology "
			"page.");
	if (bc->omitted)
		sb_addf(&sb, " %zu paper%s stating only %s left out.",
			bc->omitted, bc->omitted == 1 ? "" : "s",
			bc->usd ? "compute without a price estimate"
				: "a cost in USD");
	free(bc->chart->caption);
	bc->chart->caption = sb_detach(&sb);
}

static void bench_labels(struct vars *v, const struct bench_chart *bc,
			 const struct claim *q, const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	int lower = metric_lower_is_better(q->metric);
	var_text(v, "XLABEL", bc->usd ? "Training cost in USD (log scale)"
				      : "Training compute in device-hours, "
					"as stated (log scale)");
	sb_adds(&sb, what);
	if (q->unit && *q->unit && strcasecmp(q->unit, q->metric))
		sb_addf(&sb, " (%s)", q->unit);
	sb_adds(&sb, lower ? " \xE2\x80\x94 lower is better (axis reversed)"
			   : " \xE2\x80\x94 higher is better");
	var_text(v, "YLABEL", sb.buf);
	var_int(v, "LOWER", lower);
	var_int(v, "ESTIMATED", bc->estimated > 0);
	var_text(v, "KEY_STATED", bc->usd ? "cost as stated"
					  : "compute as stated");
	var_text(v, "KEY_ESTIMATED", "cost estimated from stated compute");
	sb_release(&sb);
}

static int bench_write(const struct dataset *ds, const struct benches *bs,
		       size_t b, size_t number, const char *dir,
		       struct chart_list *charts)
{
	static const char *const cols[] = { "Paper", "Training cost", "Basis",
					    "Result" };
	const struct claim *q = &ds->claims[bs->b[b].claim].claim;
	struct bench_chart bc = { ds, bs, b, bench_uses_usd(bs, b), NULL,
				  STRBUF_INIT, 0, 0, 0 };
	struct strbuf what = STRBUF_INIT, name = STRBUF_INIT,
		      title = STRBUF_INIT;
	struct vars v = { .n = 0 };
	metric_display(&what, q->metric);
	sb_addf(&what, " on %s", q->dataset);
	sb_addf(&name, "cost-quality-%zu-", number);
	esc_filename(&name, what.buf, 40);
	sb_addf(&title, "%s against training %s", what.buf,
		bc.usd ? "cost" : "compute");
	bc.chart = chart_add(charts, name.buf, title.buf, 4, cols, 0xA);
	bench_points(&bc);
	bench_caption(&bc, what.buf);
	var_text(&v, "TITLE", title.buf);
	bench_labels(&v, &bc, q, what.buf);
	int rc = write_chart_files(dir, name.buf, "cost-quality", &v, &bc.dat);
	vars_release(&v);
	sb_release(&bc.dat);
	sb_release(&what);
	sb_release(&name);
	sb_release(&title);
	return rc;
}

static int write_cost_quality(const struct dataset *ds,
			      const struct report_index *ix, const char *dir,
			      struct chart_list *charts)
{
	struct benches bs = { NULL, 0, NULL, 0 };
	int rc = 0;
	for (size_t p = 0; p < ds->n_papers; p++)
		collect_paper_points(&bs, ds, ix, p);
	size_t *order = xcalloc(bs.n, sizeof *order);
	for (size_t i = 0; i < bs.n; i++)
		order[i] = i;
	sort_ctx = &bs;
	if (bs.n)
		qsort(order, bs.n, sizeof *order, bench_order_cmp);
	for (size_t i = 0; i < bs.n && i < MAX_BENCH_CHARTS && rc == 0; i++)
		rc = bench_write(ds, &bs, order[i], i + 1, dir, charts);
	if (bs.n == 0)
		rc = write_nodata(dir, charts, "cost-quality",
				  "Training cost against quality",
				  "No paper states both its own training cost "
				  "or compute and a result on a benchmark.");
	free(order);
	benches_release(&bs);
	return rc;
}

/* ---- Parameters against tokens ---------------------------------------- */

static void params_row(struct chart *c, struct strbuf *dat,
		       const struct dataset *ds, size_t p, double params,
		       double tokens)
{
	struct strbuf name = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT,
		      r = STRBUF_INIT;
	short_name(&name, ds, p);
	dat_num(dat, tokens);
	dat_num(dat, params);
	dat_label(dat, name.buf);
	sb_addc(dat, '\n');
	report_human_number(&a, params);
	report_human_number(&b, tokens);
	report_human_number(&r, tokens / params);
	const char *cells[] = { ds->papers[p].title, a.buf, b.buf, r.buf };
	chart_add_row(c, (long)p, cells);
	sb_release(&name);
	sb_release(&a);
	sb_release(&b);
	sb_release(&r);
}

/* Does paper p state its own parameters and tokens?  Their claims. */
static int params_tokens_of(const struct dataset *ds,
			    const struct report_index *ix, size_t p,
			    double *params, double *tokens)
{
	long pa = own_claim(ds, ix, p, Q_PARAMS);
	long to = own_claim(ds, ix, p, Q_TOKENS);
	if (pa < 0 || to < 0)
		return 0;
	*params = ds->claims[pa].claim.value;
	*tokens = ds->claims[to].claim.value;
	return 1;
}

static int write_params_tokens(const struct dataset *ds,
			       const struct report_index *ix, const char *dir,
			       struct chart_list *charts)
{
	static const char *const cols[] = { "Paper", "Parameters",
					    "Training tokens",
					    "Tokens per parameter" };
	const char *name = "params-tokens";
	const char *title = "Model size against training tokens";
	double params, tokens;
	size_t n = 0;
	for (size_t p = 0; p < ds->n_papers; p++)
		n += params_tokens_of(ds, ix, p, &params, &tokens);
	if (n == 0)
		return write_nodata(dir, charts, name, title,
				    "No paper states both its own parameter "
				    "count and its training tokens.");
	struct strbuf dat = STRBUF_INIT;
	struct vars v = { .n = 0 };
	struct chart *c = chart_add(charts, name, title, 4, cols, 0xE);
	sb_adds(&dat, "# tokens parameters \"paper\"\n");
	for (size_t p = 0; p < ds->n_papers; p++)
		if (params_tokens_of(ds, ix, p, &params, &tokens))
			params_row(c, &dat, ds, p, params, tokens);
	free(c->caption);
	c->caption = xstrdup("One point per paper that states both its own "
			     "parameter count and its training tokens; the "
			     "dashed line marks 20 tokens per parameter.");
	var_text(&v, "TITLE", title);
	int rc = write_chart_files(dir, name, "params-tokens", &v, &dat);
	vars_release(&v);
	sb_release(&dat);
	return rc;
}

/* ---- Ratios by dimension ---------------------------------------------- */

struct dimension {
	const char *name;
	double *factor;
	size_t n;
};

struct dimensions {
	struct dimension *d;
	size_t n;
	size_t claims;
};

static int is_ratio(const struct stored_claim *sc)
{
	return claim_counts(sc) && sc->claim.quantity == Q_RATIO &&
	       positive(sc->claim.value);
}

static void dimension_add(struct dimensions *ds, const char *name, double v)
{
	size_t i;
	for (i = 0; i < ds->n && strcmp(ds->d[i].name, name); i++)
		;
	if (i == ds->n) {
		ds->d = xrealloc(ds->d, (ds->n + 1) * sizeof *ds->d);
		ds->d[ds->n++] = (struct dimension){ name, NULL, 0 };
	}
	struct dimension *d = &ds->d[i];
	d->factor = xrealloc(d->factor, (d->n + 1) * sizeof *d->factor);
	d->factor[d->n++] = v;
	ds->claims++;
}

static int dimension_cmp(const void *a, const void *b)
{
	const struct dimension *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int double_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(const double *v, size_t n)
{
	double *s = xmalloc(n * sizeof *s);
	memcpy(s, v, n * sizeof *s);
	qsort(s, n, sizeof *s, double_cmp);
	double m = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	free(s);
	return m;
}

/* A fixed spread of points around their column: the golden-ratio
 * sequence, so the picture is the same on every run. */
static double jitter(size_t j)
{
	double f = fmod((double)j * 0.6180339887498949, 1.0);
	return (f - 0.5) * 0.5;
}

static void dimension_rows(struct chart *c, struct strbuf *dat,
			   const struct dimension *d, size_t column)
{
	struct strbuf label = STRBUF_INIT, n = STRBUF_INIT, med = STRBUF_INIT,
		      lo = STRBUF_INIT, hi = STRBUF_INIT;
	double m = median(d->factor, d->n), min = d->factor[0],
	       max = d->factor[0];
	for (size_t j = 0; j < d->n; j++) {
		min = fmin(min, d->factor[j]);
		max = fmax(max, d->factor[j]);
	}
	sb_addf(&label, "%s (%zu)", d->name, d->n);
	dat_num(dat, (double)column);
	dat_num(dat, m);
	dat_label(dat, label.buf);
	sb_addc(dat, '\n');
	sb_addf(&n, "%zu", d->n);
	report_human_number(&med, m);
	report_human_number(&lo, min);
	report_human_number(&hi, max);
	sb_adds(&med, "\xC3\x97");
	sb_adds(&lo, "\xC3\x97");
	sb_adds(&hi, "\xC3\x97");
	const char *cells[] = { d->name, n.buf, med.buf, lo.buf, hi.buf };
	chart_add_row(c, -1, cells);
	sb_release(&label);
	sb_release(&n);
	sb_release(&med);
	sb_release(&lo);
	sb_release(&hi);
}

static void ratio_data(struct chart *c, struct strbuf *dat,
		       const struct dimensions *dims, size_t shown)
{
	sb_adds(dat, "# block 0: position factor\n");
	for (size_t i = 0; i < shown; i++)
		for (size_t j = 0; j < dims->d[i].n; j++) {
			dat_num(dat, (double)(i + 1) + jitter(j));
			report_plain_number(dat, dims->d[i].factor[j]);
			sb_addc(dat, '\n');
		}
	sb_adds(dat, "\n\n# block 1: column median \"dimension (claims)\"\n");
	for (size_t i = 0; i < shown; i++)
		dimension_rows(c, dat, &dims->d[i], i + 1);
}

static void ratio_caption(struct chart *c, const struct dimensions *dims,
			  size_t shown)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "Each dot is one claimed factor (%zu claims); the bar "
		"marks the median of its dimension. Ranges count with their "
		"lower end.", dims->claims);
	if (shown < dims->n)
		sb_addf(&sb, " %zu rarer dimensions are left out of the chart.",
			dims->n - shown);
	free(c->caption);
	c->caption = sb_detach(&sb);
}

static int write_ratios(const struct dataset *ds, const char *dir,
			struct chart_list *charts)
{
	static const char *const cols[] = { "Dimension", "Claims", "Median",
					    "Smallest", "Largest" };
	const char *name = "ratios", *title = "Claimed improvement factors "
					      "by dimension";
	struct dimensions dims = { NULL, 0, 0 };
	int rc;
	for (size_t i = 0; i < ds->n_claims; i++) {
		const struct claim *cl = &ds->claims[i].claim;
		if (is_ratio(&ds->claims[i]))
			dimension_add(&dims, cl->dimension && *cl->dimension
						     ? cl->dimension
						     : "unspecified",
				      cl->value);
	}
	if (dims.n == 0) {
		rc = write_nodata(dir, charts, name, title,
				  "No paper states an improvement factor.");
		goto out;
	}
	qsort(dims.d, dims.n, sizeof *dims.d, dimension_cmp);
	size_t shown = dims.n < MAX_DIMENSIONS ? dims.n : MAX_DIMENSIONS;
	struct strbuf dat = STRBUF_INIT;
	struct vars v = { .n = 0 };
	struct chart *c = chart_add(charts, name, title, 5, cols, 0x1E);
	ratio_data(c, &dat, &dims, shown);
	ratio_caption(c, &dims, shown);
	var_text(&v, "TITLE", title);
	var_int(&v, "GROUPS", (long)shown);
	rc = write_chart_files(dir, name, "ratios", &v, &dat);
	vars_release(&v);
	sb_release(&dat);
out:
	for (size_t i = 0; i < dims.n; i++)
		free(dims.d[i].factor);
	free(dims.d);
	return rc;
}

int report_plot_write(const struct dataset *ds, const struct report_index *ix,
		      const char *dir, struct chart_list *charts)
{
	if (write_cost_quality(ds, ix, dir, charts) < 0 ||
	    write_params_tokens(ds, ix, dir, charts) < 0 ||
	    write_ratios(ds, dir, charts) < 0)
		return -1;
	return 0;
}

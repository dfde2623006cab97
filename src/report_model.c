/* report_model.c - what the CSV, chart and page writers share about
 * benchmarks: each metric on each dataset, the papers that state a result
 * there together with their own training cost, and the Pareto frontier.
 *
 * A paper's cost is its first own cost in USD, else the dollar estimate
 * derived from its first own compute claim (normalize.c, at reference
 * prices); its reference-accelerator hours come from the same compute
 * claim.  A benchmark is drawn in dollars when at least half of its
 * papers with any comparable cost have a dollar figure, else in
 * reference-accelerator hours; compute on an unknown accelerator is not
 * comparable and is listed without a cost.  Everything is ordered by data
 * only (counts, then keys), never by addresses or times. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "report_internal.h"

static int positive(double v)
{
	return isfinite(v) && v > 0;
}

const struct derivation *report_derivation(const struct report_index *ix,
					   const struct dataset *ds,
					   long claim_id, const char *kind)
{
	size_t first, n = report_derivations_of(ix, ds, claim_id, &first);
	for (size_t i = first; i < first + n; i++) {
		const struct derivation *d = &ds->derivations[ix->deriv_order[i]];
		if (d->kind && !strcmp(d->kind, kind) && positive(d->value))
			return d;
	}
	return NULL;
}

int report_derived(const struct report_index *ix, const struct dataset *ds,
		   long claim_id, const char *kind, double *value)
{
	const struct derivation *d = report_derivation(ix, ds, claim_id, kind);
	if (d)
		*value = d->value;
	return d != NULL;
}

long report_own_claim(const struct dataset *ds, const struct report_index *ix,
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

/* ---- A paper's cost --------------------------------------------------- */

/* A cost on one axis with its bounds and where they come from. */
struct axis_cost {
	double value, low, high;
	const char *kind, *bound_kind; /* as in struct bench_point */
};

struct paper_cost {
	int has_usd, usd_estimated, has_hours;
	struct axis_cost usd, hours;
};

/* A derived cost: value and bounds as derived (bounds kept sane). */
static void from_derivation(struct axis_cost *c, const struct derivation *d)
{
	c->value = d->value;
	c->low = isfinite(d->low) && d->low > 0 ? fmin(d->low, d->value)
						  : d->value;
	c->high = isfinite(d->high) ? fmax(d->high, d->value) : d->value;
	c->kind = d->kind;
	c->bound_kind = d->kind;
}

/* A stated cost: drawn in constant dollars of the report's dollar year
 * (its usd_const derivation, with the bounds of its range and qualifier),
 * so that it shares an axis with the estimates, which are in the same
 * dollars; without that derivation, as stated with the claim's range. */
static void from_statement(struct axis_cost *c, const struct claim *cl,
			   const struct derivation *d)
{
	c->value = cl->value;
	c->kind = NULL;
	if (d && d->value > 0 && isfinite(d->value)) {
		struct axis_cost k;
		from_derivation(&k, d);
		c->value = k.value;
		c->low = k.low;
		c->high = k.high;
		c->bound_kind = d->kind;
		return;
	}
	c->low = cl->value;
	c->high = cl->has_max && cl->value_max > cl->value ? cl->value_max
							    : cl->value;
	c->bound_kind = NULL;
}

static int paper_cost_find(const struct dataset *ds,
			   const struct report_index *ix, size_t p,
			   struct paper_cost *pc)
{
	long cost = report_own_claim(ds, ix, p, Q_COST_USD);
	long compute = report_own_claim(ds, ix, p, Q_COMPUTE);
	memset(pc, 0, sizeof *pc);
	if (cost >= 0) {
		pc->has_usd = 1;
		from_statement(&pc->usd, &ds->claims[cost].claim,
			       report_derivation(ix, ds, ds->claims[cost].id,
						 "usd_const"));
	}
	if (compute >= 0) {
		long id = ds->claims[compute].id;
		const struct derivation *h, *u;
		if ((h = report_derivation(ix, ds, id, "ref_hours"))) {
			pc->has_hours = 1;
			from_derivation(&pc->hours, h);
		}
		if (!pc->has_usd &&
		    (u = report_derivation(ix, ds, id, "usd"))) {
			from_derivation(&pc->usd, u);
			pc->has_usd = 1;
			pc->usd_estimated = 1;
		}
	}
	return pc->has_usd || pc->has_hours;
}

/* ---- Collecting results ----------------------------------------------- */

/* A result before the axis is chosen. */
struct result {
	size_t bench, paper, claim;
	struct paper_cost cost;
	int has_cost;
};

struct collect {
	struct bench *b;
	size_t n, alloc;
	size_t *table;      /* open addressing: bench index + 1, 0 = free */
	size_t table_size;  /* a power of two */
	struct result *r;
	size_t n_r, alloc_r;
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

static size_t key_hash(const char *s)
{
	return (size_t)report_fnv(REPORT_FNV_INIT, s, strlen(s));
}

static void table_grow(struct collect *c)
{
	size_t size = c->table_size ? c->table_size * 2 : 64;
	free(c->table);
	c->table = xcalloc(size, sizeof *c->table);
	c->table_size = size;
	for (size_t i = 0; i < c->n; i++) {
		size_t h = key_hash(c->b[i].key) & (size - 1);
		while (c->table[h])
			h = (h + 1) & (size - 1);
		c->table[h] = i + 1;
	}
}

static void bench_new(struct collect *c, char *key, size_t claim)
{
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 16;
		c->b = xrealloc(c->b, c->alloc * sizeof *c->b);
	}
	memset(&c->b[c->n], 0, sizeof *c->b);
	c->b[c->n].key = key;
	c->b[c->n].claim = claim;
	c->n++;
}

static size_t bench_find(struct collect *c, const struct claim *cl,
			 size_t claim)
{
	char *key = bench_key(cl);
	if (2 * (c->n + 1) > c->table_size)
		table_grow(c);
	size_t h = key_hash(key) & (c->table_size - 1);
	while (c->table[h]) {
		if (!strcmp(c->b[c->table[h] - 1].key, key)) {
			free(key);
			return c->table[h] - 1;
		}
		h = (h + 1) & (c->table_size - 1);
	}
	bench_new(c, key, claim);
	c->table[h] = c->n;
	return c->n - 1;
}

static int is_benchmark_result(const struct stored_claim *sc)
{
	const struct claim *c = &sc->claim;
	return claim_counts(sc) && !c->subject_baseline &&
	       c->quantity == Q_QUALITY && isfinite(c->value) && c->metric &&
	       *c->metric && c->dataset && *c->dataset;
}

static void result_add(struct collect *c, const struct result *r)
{
	if (c->n_r == c->alloc_r) {
		c->alloc_r = c->alloc_r ? 2 * c->alloc_r : 64;
		c->r = xrealloc(c->r, c->alloc_r * sizeof *c->r);
	}
	c->r[c->n_r++] = *r;
}

/* One result per paper and benchmark: its first own result there. */
static void collect_paper(struct collect *c, const struct dataset *ds,
			  const struct report_index *ix, size_t p)
{
	struct result r;
	memset(&r, 0, sizeof r);
	r.paper = p;
	size_t first = c->n_r;
	int costed = -1;
	for (size_t k = ix->paper_start[p]; k < ix->paper_start[p + 1]; k++) {
		size_t ci = ix->by_paper[k];
		if (!is_benchmark_result(&ds->claims[ci]))
			continue;
		size_t b = bench_find(c, &ds->claims[ci].claim, ci);
		int seen = 0;
		for (size_t i = first; i < c->n_r && !seen; i++)
			seen = c->r[i].bench == b;
		if (seen)
			continue;
		if (costed < 0)
			costed = paper_cost_find(ds, ix, p, &r.cost);
		r.bench = b;
		r.claim = ci;
		r.has_cost = costed;
		result_add(c, &r);
	}
}

/* ---- Axis, order, frontier -------------------------------------------- */

static void choose_axes(struct collect *c)
{
	size_t *usd = xcalloc(c->n + 1, sizeof *usd);
	size_t *hours = xcalloc(c->n + 1, sizeof *hours);
	for (size_t i = 0; i < c->n_r; i++) {
		usd[c->r[i].bench] += c->r[i].cost.has_usd;
		hours[c->r[i].bench] += c->r[i].cost.has_hours;
	}
	for (size_t b = 0; b < c->n; b++)
		c->b[b].axis = usd[b] > 0 && 2 * usd[b] >= hours[b]
				       ? AXIS_USD
				       : AXIS_REF_HOURS;
	free(usd);
	free(hours);
}

/* A result's point: its cost on the axis and both ranges. */
static void point_set(struct bench_point *pt, const struct result *r,
		      int usd, const struct dataset *ds)
{
	const struct axis_cost *c = usd ? &r->cost.usd : &r->cost.hours;
	const struct claim *q = &ds->claims[r->claim].claim;
	memset(pt, 0, sizeof *pt);
	pt->paper = r->paper;
	pt->claim = r->claim;
	pt->cost = c->value;
	pt->cost_low = c->low;
	pt->cost_high = c->high;
	pt->cost_kind = c->kind;
	pt->bound_kind = c->bound_kind;
	pt->result_low = q->value;
	pt->result_high = q->value;
	if (q->has_max && isfinite(q->value_max)) {
		pt->result_low = fmin(q->value, q->value_max);
		pt->result_high = fmax(q->value, q->value_max);
	}
	pt->estimated = usd && r->cost.usd_estimated;
}

static void place_results(struct collect *c, const struct dataset *ds)
{
	for (size_t i = 0; i < c->n_r; i++) {
		const struct result *r = &c->r[i];
		struct bench *b = &c->b[r->bench];
		int usd = b->axis == AXIS_USD;
		if (usd ? r->cost.has_usd : r->cost.has_hours) {
			b->pt = xrealloc(b->pt, (b->n_pt + 1) * sizeof *b->pt);
			point_set(&b->pt[b->n_pt++], r, usd, ds);
		} else {
			b->no_cost = xrealloc(b->no_cost, (b->n_no_cost + 1) *
							  sizeof *b->no_cost);
			b->no_cost[b->n_no_cost++] = r->claim;
		}
	}
}

static const struct dataset *point_ds;

/* Cheapest first; equal costs best result first; then paper order. */
static int point_cmp_lower;

static int point_cmp(const void *a, const void *b)
{
	const struct bench_point *x = a, *y = b;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	double qx = point_ds->claims[x->claim].claim.value;
	double qy = point_ds->claims[y->claim].claim.value;
	if (qx != qy)
		return (point_cmp_lower ? qx < qy : qx > qy) ? -1 : 1;
	return (x->paper > y->paper) - (x->paper < y->paper);
}

/* Sorted by cost, a point is on the frontier when its result is strictly
 * better than that of every cheaper point. */
static void mark_frontier(struct bench *b, const struct dataset *ds)
{
	point_ds = ds;
	point_cmp_lower = b->lower_better;
	if (b->n_pt)
		qsort(b->pt, b->n_pt, sizeof *b->pt, point_cmp);
	double best = 0;
	for (size_t i = 0; i < b->n_pt; i++) {
		double q = ds->claims[b->pt[i].claim].claim.value;
		int better = i == 0 || (b->lower_better ? q < best : q > best);
		if (better) {
			b->pt[i].frontier = 1;
			best = q;
		}
	}
}

/* "fid" -> "FID", "accuracy" -> "Accuracy". */
static char *metric_display(const char *metric)
{
	struct strbuf out = STRBUF_INIT;
	size_t n = strlen(metric), letters = 0;
	for (size_t i = 0; i < n; i++)
		letters += (metric[i] >= 'a' && metric[i] <= 'z');
	int acronym = n <= 4 && letters == n;
	for (size_t i = 0; i < n; i++) {
		char c = metric[i];
		if ((acronym || i == 0) && c >= 'a' && c <= 'z')
			c = (char)(c - 32);
		sb_addc(&out, c);
	}
	return sb_detach(&out);
}

static void describe(struct bench *b, const struct dataset *ds)
{
	const struct claim *q = &ds->claims[b->claim].claim;
	struct strbuf sb = STRBUF_INIT;
	b->metric = metric_display(q->metric);
	b->unit = q->unit;
	b->lower_better = metric_lower_is_better(q->metric);
	sb_addf(&sb, "%s on %s", b->metric, q->dataset);
	b->title = sb_detach(&sb);
}

static int bench_order_cmp(const void *a, const void *b)
{
	const struct bench *x = a, *y = b;
	size_t nx = x->n_pt + x->n_no_cost, ny = y->n_pt + y->n_no_cost;
	if (x->n_pt != y->n_pt)
		return x->n_pt > y->n_pt ? -1 : 1;
	if (nx != ny)
		return nx > ny ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int slug_used(const struct bench *b, size_t n, const char *slug)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(b[i].slug, slug))
			return 1;
	return 0;
}

/* Slugs after sorting, so the first (largest) benchmark keeps the plain
 * name when two titles fold to the same one.  Few benchmarks share a
 * stem, so the quadratic check stays cheap: only equal prefixes compare. */
static void assign_slugs(struct bench *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct strbuf sb = STRBUF_INIT;
		esc_filename(&sb, b[i].title, 60);
		size_t stem = sb.len;
		for (int k = 2; slug_used(b, i, sb.buf); k++) {
			sb.len = stem;
			sb.buf[stem] = '\0';
			sb_addf(&sb, "-%d", k);
		}
		b[i].slug = sb_detach(&sb);
	}
}

void report_model_build(struct report_model *m, const struct dataset *ds,
			const struct report_index *ix)
{
	struct collect c;
	memset(&c, 0, sizeof c);
	for (size_t p = 0; p < ds->n_papers; p++)
		collect_paper(&c, ds, ix, p);
	choose_axes(&c);
	place_results(&c, ds);
	for (size_t b = 0; b < c.n; b++) {
		describe(&c.b[b], ds);
		mark_frontier(&c.b[b], ds);
	}
	if (c.n)
		qsort(c.b, c.n, sizeof *c.b, bench_order_cmp);
	assign_slugs(c.b, c.n);
	m->bench = c.b;
	m->n_bench = c.n;
	m->ref_name = xstrdup("A100");
	for (size_t i = 0; i < ds->n_assumptions; i++)
		if (!strcmp(ds->assumptions[i].name, "reference_accelerator") &&
		    ds->assumptions[i].value && *ds->assumptions[i].value) {
			free(m->ref_name);
			m->ref_name = xstrdup(ds->assumptions[i].value);
		}
	struct strbuf unit = STRBUF_INIT;
	sb_addf(&unit, "%s-hours", m->ref_name);
	m->hours_unit = sb_detach(&unit);
	free(c.table);
	free(c.r);
}

void report_model_release(struct report_model *m)
{
	for (size_t i = 0; i < m->n_bench; i++) {
		struct bench *b = &m->bench[i];
		free(b->key);
		free(b->slug);
		free(b->title);
		free(b->metric);
		free(b->pt);
		free(b->no_cost);
		free(b->chart);
	}
	free(m->bench);
	free(m->ref_name);
	free(m->hours_unit);
	memset(m, 0, sizeof *m);
}

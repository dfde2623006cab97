/* normalize.c - values derived from claims.
 *
 * Conversions (README "Normalization" and the methodology page list them
 * with their formulas):
 *   device-hours on X  -> reference-accelerator hours = h * peak(X) / peak(ref)
 *                      -> FLOP = h * 3600 * peak(X) * utilization
 *                      -> USD  = h * price(X) * CPI(dollar year) / CPI(price year)
 *                      -> kWh  = h * power(X) / 1000 * server overhead * PUE
 *                      -> kg CO2 = kWh * grid intensity
 *   stated cost        -> constant dollars = amount / rate(year) * CPI(dollar year) / CPI(year)
 *   params N and training tokens D of the same paper -> FLOP = 6 * N * D
 *   ratio r against a baseline figure B of the same paper -> implied B / r,
 *     checked against the paper's own stated figure when there is one.
 *
 * Every value carries low/high bounds: a stated range, a qualifier
 * ("about", "up to", "over") widened by the named spreads, and the
 * utilization spread for FLOP.
 *
 * Nothing is guessed: a figure whose accelerator, currency or unit is not
 * in the tables, or whose value is zero, negative, not finite or beyond
 * the plausibility limits, is kept and gets one derivation of kind
 * "unnormalised" naming the reason; a single conversion that cannot be
 * made (no price, no board power) gets one of kind "not_derived". */
#include "normalize.h"

#include <pthread.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const struct derivation_kind normalize_kinds[] = {
	{ "ref_hours", "Reference-accelerator hours", "REF-hours",
	  "device-hours \xC3\x97 peak FLOP/s of the device \xC3\xB7 peak FLOP/s of the "
	  "reference accelerator",
	  "reference_accelerator; peak dense FP16/BF16 FLOP/s of both (accelerators.csv)" },
	{ "flop", "Training compute from device-time", "FLOP",
	  "device-hours \xC3\x97 3600 s/h \xC3\x97 peak FLOP/s \xC3\x97 utilization; low and "
	  "high use utilization_low and utilization_high",
	  "utilization, utilization_low, utilization_high; peak FLOP/s (accelerators.csv)" },
	{ "usd", "Cost at reference prices", "USD",
	  "device-hours \xC3\x97 on-demand price per device-hour \xC3\x97 CPI(dollar_year) "
	  "\xC3\xB7 CPI(year of the price)",
	  "price and price date (accelerators.csv); dollar_year; CPI-U (cpi.csv)" },
	{ "energy_kwh", "Energy", "kWh",
	  "device-hours \xC3\x97 board power (W) \xC3\xB7 1000 \xC3\x97 server_overhead "
	  "\xC3\x97 pue",
	  "board power (accelerators.csv); server_overhead; pue" },
	{ "co2_kg", "CO2 emissions", "kg CO2",
	  "energy (kWh) \xC3\x97 grid_kgco2_per_kwh",
	  "the energy estimate and its assumptions; grid_kgco2_per_kwh" },
	{ "usd_const", "Stated cost in constant dollars", "USD",
	  "amount \xC3\xB7 units of the currency per USD (annual average of the year) "
	  "\xC3\x97 CPI(dollar_year) \xC3\xB7 CPI(year)",
	  "the year of the amount is the year of the paper's date, else of the month in "
	  "its arXiv id (dollar_year when neither is known); currency.csv; CPI-U "
	  "(cpi.csv); dollar_year" },
	{ "flop_6nd", "Training compute from parameters and tokens", "FLOP",
	  "6 \xC3\x97 parameters N \xC3\x97 training tokens D",
	  "dense transformer training cost 6ND (Kaplan et al. 2020); one pass over the "
	  "stated tokens; the paper's first own parameter count and token count" },
	{ "implied", "Figure implied by a ratio", "the baseline figure's unit",
	  "baseline's stated figure \xC3\xB7 factor; low = baseline low \xC3\xB7 factor high, "
	  "high = baseline high \xC3\xB7 factor low",
	  "the factor is measured against that baseline figure: the only baseline figure "
	  "of the ratio's kind in the paper, or the only one naming the same baseline; "
	  "for time ratios, the same hardware and device count" },
	{ "consistency", "Consistency of a paper's own figures", "relative difference",
	  "stated figure \xC3\xB7 implied figure \xE2\x88\x92 1; the figures agree when its "
	  "size is at most consistency_tolerance",
	  "consistency_tolerance" },
	{ "unnormalised", "Kept, not normalised", "the claim's unit",
	  "none: the figure is kept as stated and the reason is given",
	  "none" },
	{ "not_derived", "One conversion not made", "the claim's unit",
	  "none: the conversion and the reason it could not be made are given",
	  "none" },
	{ NULL, NULL, NULL, NULL, NULL },
};

const struct plausibility normalize_limits[] = {
	{ Q_COST_USD, 0, 1e11, "more than 100 billion in currency units" },
	{ Q_COMPUTE, 0, 1e10, "more than 10 billion device-hours" },
	{ Q_PARAMS, 1, 1e14, "more than 100 trillion parameters" },
	{ Q_TOKENS, 1, 1e16, "more than 10 quadrillion tokens" },
	{ Q_DATA_SIZE, 1, 1e13, "more than 10 trillion examples" },
	{ Q_MEMORY_GB, 0, 1e8, "more than 100 petabytes" },
	{ Q_RATIO, 1, 1e6, "a factor over a million" },
	{ Q_NONE, 0, 0, NULL },
};

/* ---- the assumptions in effect ---- */

struct setting {
	struct dataset *ds;
	const struct accelerator *ref;
	double util, util_lo, util_hi, pue, overhead, grid, approx, bound, tol;
	int dollar_year;
	const struct price_index *cpi_ref;
	const char *missing; /* an assumption not set or not usable */
	int named_ids;       /* a method text names a claim by its id */
	/* Scratch for the texts of a value (method, assumption and one
	 * more), emptied by each use and freed by setting_release(): a
	 * compute claim's five values had made some twenty allocations. */
	struct strbuf text[3];
};

static void setting_release(struct setting *s)
{
	for (size_t i = 0; i < sizeof s->text / sizeof *s->text; i++)
		sb_release(&s->text[i]);
}

/* Scratch text i of the setting, empty. */
static struct strbuf *scratch(struct setting *s, size_t i)
{
	sb_reset(&s->text[i]);
	return &s->text[i];
}

static double number_of(struct setting *s, const char *name)
{
	const char *v = normalize_assumption(s->ds, name);
	char *end;
	double x = v ? strtod(v, &end) : NAN;
	if (!v || *end || !isfinite(x)) {
		if (!s->missing)
			s->missing = name;
		return NAN;
	}
	return x;
}

static const struct price_index *cpi_exact(const struct dataset *ds, int year)
{
	for (size_t i = 0; i < ds->n_price_index; i++)
		if (ds->price_index[i].year == year)
			return &ds->price_index[i];
	return NULL;
}

static void setting_init(struct setting *s, struct dataset *ds)
{
	memset(s, 0, sizeof *s);
	s->ds = ds;
	s->ref = normalize_find_accelerator(ds, normalize_assumption(ds, "reference_accelerator"));
	if (!s->ref || s->ref->peak_flops <= 0)
		s->missing = "reference_accelerator";
	s->util = number_of(s, "utilization");
	s->util_lo = fmin(number_of(s, "utilization_low"), s->util);
	s->util_hi = fmax(number_of(s, "utilization_high"), s->util);
	s->pue = number_of(s, "pue");
	s->overhead = number_of(s, "server_overhead");
	s->grid = number_of(s, "grid_kgco2_per_kwh");
	s->approx = number_of(s, "approx_spread");
	s->bound = number_of(s, "bound_spread");
	s->tol = number_of(s, "consistency_tolerance");
	double y = number_of(s, "dollar_year");
	s->dollar_year = isfinite(y) ? (int)y : 0;
	s->cpi_ref = cpi_exact(ds, s->dollar_year);
	if (!s->cpi_ref && !s->missing)
		s->missing = "dollar_year";
}

/* "name=value", with where it was set when it is not the default. */
static void assumed(struct strbuf *sb, const struct dataset *ds, const char *name)
{
	for (size_t i = 0; i < ds->n_assumptions; i++) {
		const struct assumption *a = &ds->assumptions[i];
		if (strcmp(a->name, name))
			continue;
		sb_addf(sb, "%s=%s", a->name, a->value);
		if (!a->date && a->source)
			sb_addf(sb, " (%s)", a->source);
		return;
	}
	sb_addf(sb, "%s unset", name);
}

static void num(struct strbuf *sb, double v)
{
	char buf[32];
	fmt_double(buf, sizeof buf, v);
	sb_adds(sb, buf);
}

/* ---- recording derived values ---- */

static void add(struct dataset *ds, long claim_id, const char *kind, double v,
		double lo, double hi, const char *unit, const struct strbuf *method,
		const struct strbuf *assume)
{
	if (lo > hi) {
		double t = lo;
		lo = hi;
		hi = t;
	}
	/* the array only ever grows here, from empty (normalize_clear), so
	 * its room is the power of two above the count: doubled when the
	 * count reaches one */
	size_t n = ds->n_derivations;
	if ((n & (n - 1)) == 0)
		ds->derivations = xrealloc(ds->derivations,
					   (n ? 2 * n : 1) * sizeof *ds->derivations);
	struct derivation *d = &ds->derivations[ds->n_derivations++];
	d->id = (long)ds->n_derivations;
	d->claim_id = claim_id;
	d->value = v;
	d->low = fmin(lo, v);
	d->high = fmax(hi, v);
	d->kind = dataset_strndup(ds, kind, strlen(kind));
	d->unit = dataset_strndup(ds, unit, strlen(unit));
	d->method = dataset_strndup(ds, sb_str(method), method->len);
	d->assumption = dataset_strndup(ds, sb_str(assume), assume->len);
}

/* A note on a claim: kind "unnormalised" (nothing derived) or
 * "not_derived" (one conversion missing); value and unit are the
 * claim's own, so the figure stays visible. */
static void note(struct dataset *ds, const struct stored_claim *sc, const char *kind,
		 const char *why)
{
	struct strbuf m = STRBUF_INIT, a = STRBUF_INIT;
	const struct claim *c = &sc->claim;
	double v = isfinite(c->value) ? c->value : 0;
	double hi = c->has_max && isfinite(c->value_max) ? c->value_max : v;
	sb_adds(&m, why);
	sb_adds(&a, "none");
	add(ds, sc->id, kind, v, v, hi, c->unit ? c->unit : "", &m, &a);
	sb_release(&m);
	sb_release(&a);
}

/* Record a value if it is finite, else say why it is not. */
static void add_checked(struct dataset *ds, const struct stored_claim *sc, const char *kind,
			double v, double lo, double hi, const char *unit,
			const struct strbuf *method, const struct strbuf *assume)
{
	if (isfinite(v) && isfinite(lo) && isfinite(hi)) {
		add(ds, sc->id, kind, v, lo, hi, unit, method, assume);
		return;
	}
	struct strbuf why = STRBUF_INIT;
	sb_addf(&why, "%s not derived: the result overflows (%s)", kind, sb_str(method));
	note(ds, sc, "not_derived", why.buf);
	sb_release(&why);
}

int normalize_flagged(const struct dataset *ds, long claim_id, const char **why)
{
	for (size_t i = 0; i < ds->n_derivations; i++) {
		const struct derivation *d = &ds->derivations[i];
		if (d->claim_id == claim_id && !strcmp(d->kind, "unnormalised")) {
			if (why)
				*why = d->method;
			return 1;
		}
	}
	return 0;
}

void normalize_clear(struct dataset *ds)
{
	/* strings in the dataset's arena go with it */
	for (size_t i = 0; i < ds->n_derivations && !ds->strings_in_arena; i++) {
		struct derivation *d = &ds->derivations[i];
		free(d->kind);
		free(d->unit);
		free(d->method);
		free(d->assumption);
	}
	free(ds->derivations);
	ds->derivations = NULL;
	ds->n_derivations = 0;
}

/* ---- checking and bounding a claim ---- */

static const struct plausibility *limit_of(enum quantity q)
{
	for (const struct plausibility *p = normalize_limits; p->why; p++)
		if (p->quantity == (int)q)
			return p;
	return NULL;
}

/* 0 when the figure can be used; else -1 with the reason in why. */
static int claim_check(const struct claim *c, struct strbuf *why)
{
	const struct plausibility *p = limit_of(c->quantity);
	double hi = c->has_max ? c->value_max : c->value;
	if (!isfinite(c->value) || !isfinite(hi))
		sb_adds(why, "the value is not a finite number");
	else if (c->quantity == Q_QUALITY || !p)
		return 0;
	else if (c->value <= 0)
		sb_adds(why, "the value is zero or negative");
	else if (hi < c->value)
		sb_adds(why, "the upper end of the range is below its lower end");
	else if (c->value < p->min) {
		sb_adds(why, "the value ");
		num(why, c->value);
		sb_adds(why, " is below the smallest plausible value ");
		num(why, p->min);
	} else if (hi > p->max) {
		sb_adds(why, "implausible value ");
		num(why, hi);
		sb_addf(why, " %s: %s (limit ", c->unit ? c->unit : "", p->why);
		num(why, p->max);
		sb_adds(why, ")");
	} else
		return 0;
	return -1;
}

struct bounds {
	double value, low, high;
};

/* The claim's value with its uncertainty; note gets the rule applied. */
static struct bounds claim_bounds(const struct setting *s, const struct claim *c,
				  struct strbuf *why)
{
	struct bounds b = { c->value, c->value, c->has_max ? c->value_max : c->value };
	if (c->has_max) {
		sb_adds(why, "; range ");
		num(why, b.low);
		sb_adds(why, " to ");
		num(why, b.high);
		sb_adds(why, " as stated");
	}
	switch (c->qualifier) {
	case QUAL_APPROX:
		b.low *= 1 - s->approx;
		b.high *= 1 + s->approx;
		sb_adds(why, "; 'about' read as \xC2\xB1");
		num(why, s->approx * 100);
		sb_adds(why, "% (approx_spread)");
		break;
	case QUAL_UPPER:
		b.low *= 1 - s->bound;
		sb_adds(why, "; 'up to' read as ");
		num(why, 1 - s->bound);
		sb_adds(why, " x the figure to the figure (bound_spread)");
		break;
	case QUAL_LOWER:
		b.high *= 1 + s->bound;
		sb_adds(why, "; 'over' read as the figure to ");
		num(why, 1 + s->bound);
		sb_adds(why, " x the figure (bound_spread)");
		break;
	case QUAL_NONE:
		break;
	}
	if (c->quantity == Q_RATIO && b.low < 1)
		b.low = 1;
	return b;
}

/* ---- compute ---- */

static int year_of(const char *date)
{
	if (!date || strlen(date) < 4)
		return 0;
	for (int i = 0; i < 4; i++)
		if (date[i] < '0' || date[i] > '9')
			return 0;
	return atoi(date);
}

/* The year of a new-style arXiv id ("2407.15811": July 2024), 0 if none. */
static int arxiv_year(const char *id)
{
	if (!id || strlen(id) < 9 || id[4] != '.')
		return 0;
	for (int i = 0; i < 4; i++)
		if (id[i] < '0' || id[i] > '9')
			return 0;
	int month = (id[2] - '0') * 10 + (id[3] - '0');
	return month >= 1 && month <= 12 ? 2000 + (id[0] - '0') * 10 + (id[1] - '0') : 0;
}

/* CPI of year, or of the latest year when year is later (said in
 * why); NULL when year is before the table. */
static const struct price_index *cpi_of(const struct dataset *ds, int year, struct strbuf *why)
{
	const struct price_index *p = cpi_exact(ds, year);
	if (p || !ds->n_price_index)
		return p;
	const struct price_index *last = &ds->price_index[ds->n_price_index - 1];
	if (year < last->year)
		return NULL;
	sb_addf(why, "; no CPI for %d in cpi.csv, the latest year %d is used", year, last->year);
	return last;
}

static void compute_ref_hours(struct setting *s, const struct stored_claim *sc,
			      const struct accelerator *hw, struct bounds b, const char *bnote)
{
	struct strbuf *m = scratch(s, 0);
	struct strbuf *a = scratch(s, 1);
	struct strbuf *unit = scratch(s, 2);
	double r = hw->peak_flops / s->ref->peak_flops;
	sb_addf(m, "device-hours x peak %s / peak %s = ", hw->name, s->ref->name);
	num(m, b.value);
	sb_adds(m, " x ");
	num(m, hw->peak_flops / 1e12);
	sb_adds(m, " / ");
	num(m, s->ref->peak_flops / 1e12);
	sb_adds(a, "peak dense FP16/BF16 FLOP/s from accelerators.csv; ");
	assumed(a, s->ds, "reference_accelerator");
	sb_adds(a, bnote);
	sb_addf(unit, "%s-hours", s->ref->name);
	add_checked(s->ds, sc, "ref_hours", b.value * r, b.low * r, b.high * r, unit->buf, m, a);
}

static void compute_flop(struct setting *s, const struct stored_claim *sc,
			 const struct accelerator *hw, struct bounds b, const char *bnote)
{
	struct strbuf *m = scratch(s, 0);
	struct strbuf *a = scratch(s, 1);
	double f = 3600 * hw->peak_flops;
	sb_adds(m, "device-hours x 3600 s x peak FLOP/s x utilization = ");
	num(m, b.value);
	sb_adds(m, " x 3600 x ");
	num(m, hw->peak_flops);
	sb_adds(m, " x ");
	num(m, s->util);
	assumed(a, s->ds, "utilization");
	sb_adds(a, ", bounds ");
	num(a, s->util_lo);
	sb_adds(a, " to ");
	num(a, s->util_hi);
	sb_adds(a, " (utilization_low, utilization_high); peak ");
	sb_addf(a, "%s = ", hw->name);
	num(a, hw->peak_flops / 1e12);
	sb_adds(a, " TFLOP/s");
	sb_adds(a, bnote);
	add_checked(s->ds, sc, "flop", b.value * f * s->util, b.low * f * s->util_lo,
		    b.high * f * s->util_hi, "FLOP", m, a);
}

static void compute_usd(struct setting *s, const struct stored_claim *sc,
			const struct accelerator *hw, struct bounds b, const char *bnote)
{
	struct strbuf *m = scratch(s, 0);
	struct strbuf *a = scratch(s, 1);
	struct strbuf *head = scratch(s, 2);
	int year = year_of(hw->price_date);
	if (!year)
		year = s->dollar_year;
	const struct price_index *p = cpi_of(s->ds, year, a);
	if (!p) {
		sb_addf(m, "cost not derived: the price of %s is of %d, before the first "
			"year of cpi.csv", hw->name, year);
		note(s->ds, sc, "not_derived", m->buf);
		return;
	}
	double f = hw->price_usd_h * s->cpi_ref->cpi / p->cpi;
	sb_adds(m, "device-hours x price per device-hour x CPI(");
	sb_addf(m, "%d) / CPI(%d) = ", s->dollar_year, p->year);
	num(m, b.value);
	sb_adds(m, " x ");
	num(m, hw->price_usd_h);
	sb_adds(m, " x ");
	num(m, s->cpi_ref->cpi);
	sb_adds(m, " / ");
	num(m, p->cpi);
	sb_addf(head, "price %s = ", hw->name);
	num(head, hw->price_usd_h);
	sb_addf(head, " USD/h (%s); ", hw->price_date ? hw->price_date
						       : "overridden, in reference-year dollars");
	assumed(head, s->ds, "dollar_year");
	sb_adds(head, sb_str(a));
	sb_adds(head, bnote);
	add_checked(s->ds, sc, "usd", b.value * f, b.low * f, b.high * f, "USD", m, head);
}

static void compute_energy(struct setting *s, const struct stored_claim *sc,
			   const struct accelerator *hw, struct bounds b, const char *bnote)
{
	struct strbuf *m = scratch(s, 0);
	struct strbuf *a = scratch(s, 1);
	double f = hw->power_w / 1000 * s->overhead * s->pue;
	sb_adds(m, "device-hours x board power / 1000 x server overhead x PUE = ");
	num(m, b.value);
	sb_adds(m, " x ");
	num(m, hw->power_w);
	sb_adds(m, " / 1000 x ");
	num(m, s->overhead);
	sb_adds(m, " x ");
	num(m, s->pue);
	sb_addf(a, "power %s = ", hw->name);
	num(a, hw->power_w);
	sb_adds(a, " W; ");
	assumed(a, s->ds, "server_overhead");
	sb_adds(a, "; ");
	assumed(a, s->ds, "pue");
	sb_adds(a, bnote);
	add_checked(s->ds, sc, "energy_kwh", b.value * f, b.low * f, b.high * f, "kWh", m, a);

	sb_reset(m);
	sb_reset(a);
	sb_adds(m, "energy x grid intensity = ");
	sb_addf(m, "%.10g", b.value * f);
	sb_adds(m, " kWh x ");
	num(m, s->grid);
	sb_adds(m, " kg CO2/kWh");
	assumed(a, s->ds, "grid_kgco2_per_kwh");
	sb_adds(a, "; the energy estimate's assumptions");
	sb_adds(a, bnote);
	f *= s->grid;
	add_checked(s->ds, sc, "co2_kg", b.value * f, b.low * f, b.high * f, "kg CO2", m, a);
}

static void derive_compute(struct setting *s, const struct stored_claim *sc,
			   struct bounds b, const char *bnote)
{
	const struct claim *c = &sc->claim;
	const struct accelerator *hw = normalize_find_accelerator(s->ds, c->hardware);
	struct strbuf why = STRBUF_INIT;
	if (!c->hardware)
		sb_adds(&why, "no accelerator named: device-hours cannot be put on a common scale");
	else if (!hw)
		sb_addf(&why, "accelerator '%s' is not in accelerators.csv", c->hardware);
	else if (hw->peak_flops <= 0)
		sb_addf(&why, "accelerator '%s' has no peak FLOP/s in accelerators.csv",
			hw->name);
	if (why.len) {
		note(s->ds, sc, "unnormalised", why.buf);
		sb_release(&why);
		return;
	}
	compute_ref_hours(s, sc, hw, b, bnote);
	compute_flop(s, sc, hw, b, bnote);
	if (hw->price_usd_h > 0)
		compute_usd(s, sc, hw, b, bnote);
	else {
		sb_addf(&why, "cost not derived: no on-demand price for %s in accelerators.csv",
			hw->name);
		note(s->ds, sc, "not_derived", why.buf);
	}
	if (hw->power_w > 0)
		compute_energy(s, sc, hw, b, bnote);
	else {
		sb_reset(&why);
		sb_addf(&why, "energy and CO2 not derived: no board power for %s in "
			"accelerators.csv", hw->name);
		note(s->ds, sc, "not_derived", why.buf);
	}
	sb_release(&why);
}

/* ---- stated costs ---- */

static int symbol_match(const struct currency *c, const char *unit)
{
	if (!strcasecmp(c->code, unit))
		return 1;
	size_t n = strlen(unit);
	for (const char *p = c->symbols; p && *p;) {
		const char *semi = strchr(p, ';');
		size_t k = semi ? (size_t)(semi - p) : strlen(p);
		if (k == n && !strncasecmp(p, unit, n))
			return 1;
		p = semi ? semi + 1 : NULL;
	}
	return 0;
}

/* The rate of unit's currency for year, or of the nearest year (said in
 * why); NULL when the currency is not in the table. */
static const struct currency *rate_of(const struct dataset *ds, const char *unit, int year,
				      struct strbuf *why)
{
	const struct currency *best = NULL;
	for (size_t i = 0; i < ds->n_currencies; i++) {
		const struct currency *c = &ds->currencies[i];
		if (!symbol_match(c, unit))
			continue;
		if (!best || abs(c->year - year) < abs(best->year - year))
			best = c;
	}
	if (best && best->year != year)
		sb_addf(why, "; no %s rate for %d in currency.csv, the nearest year %d is used",
			best->code, year, best->year);
	return best;
}

static void derive_cost(struct setting *s, const struct stored_claim *sc, struct bounds b,
			const char *bnote)
{
	const struct claim *c = &sc->claim;
	const struct paper *p = sc->paper < s->ds->n_papers ? &s->ds->papers[sc->paper] : NULL;
	const char *unit = c->unit && *c->unit ? c->unit : "USD";
	struct strbuf m = STRBUF_INIT, a = STRBUF_INIT;
	int year = year_of(p ? p->date : NULL);
	if (year)
		sb_addf(&a, "the amount is in %d money (year of the paper's date)", year);
	else if ((year = arxiv_year(p ? p->arxiv_id : NULL)) != 0)
		sb_addf(&a, "the amount is in %d money (year of submission in the arXiv "
			"id %s)", year, p->arxiv_id);
	else {
		year = s->dollar_year;
		sb_addf(&a, "the paper's date is unknown: the amount is taken in %d money "
			"(dollar_year)", year);
	}
	double fx = 1;
	const struct currency *cur = NULL;
	if (strcmp(unit, "USD")) {
		if (!(cur = rate_of(s->ds, unit, year, &a))) {
			sb_addf(&m, "currency '%s' is not in currency.csv: the amount cannot be "
				"put in US dollars", unit);
			note(s->ds, sc, "unnormalised", m.buf);
			goto out;
		}
		fx = 1 / cur->per_usd;
	}
	const struct price_index *cpi = cpi_of(s->ds, year, &a);
	if (!cpi) {
		sb_addf(&m, "constant dollars not derived: %d is before the first year of "
			"cpi.csv", year);
		note(s->ds, sc, "not_derived", m.buf);
		goto out;
	}
	double f = fx * s->cpi_ref->cpi / cpi->cpi;
	sb_adds(&m, "amount");
	if (cur)
		sb_addf(&m, " / %s per USD (%d)", cur->code, cur->year);
	sb_addf(&m, " x CPI(%d) / CPI(%d) = ", s->dollar_year, cpi->year);
	num(&m, b.value);
	if (cur) {
		sb_adds(&m, " / ");
		num(&m, cur->per_usd);
	}
	sb_adds(&m, " x ");
	num(&m, s->cpi_ref->cpi);
	sb_adds(&m, " / ");
	num(&m, cpi->cpi);
	sb_adds(&a, "; ");
	assumed(&a, s->ds, "dollar_year");
	sb_adds(&a, bnote);
	add_checked(s->ds, sc, "usd_const", b.value * f, b.low * f, b.high * f, "USD", &m, &a);
out:
	sb_release(&m);
	sb_release(&a);
}

/* ---- one paper: checks, per-claim conversions, 6ND, ratios ---- */

struct paper_claims {
	struct setting *s;
	size_t first, end;       /* the paper's claims in ds->claims */
	unsigned char *usable;   /* per claim of the paper: passed claim_check */
	struct bounds *b;        /* per claim of the paper */
};

static void derive_claim(struct paper_claims *pc, size_t k)
{
	struct setting *s = pc->s;
	const struct stored_claim *sc = &s->ds->claims[pc->first + k];
	const struct claim *c = &sc->claim;
	const char *canon = quantity_unit(c->quantity);
	struct strbuf why = STRBUF_INIT, bnote = STRBUF_INIT;
	if (claim_check(c, &why)) {
		note(s->ds, sc, "unnormalised", why.buf);
		goto out;
	}
	if (canon && c->quantity != Q_COST_USD && c->unit && strcmp(c->unit, canon)) {
		sb_addf(&why, "unit '%s' is not the canonical unit '%s' of %s figures", c->unit,
			canon, quantity_name(c->quantity));
		note(s->ds, sc, "unnormalised", why.buf);
		goto out;
	}
	pc->usable[k] = 1;
	pc->b[k] = claim_bounds(s, c, &bnote);
	if (c->quantity == Q_COMPUTE)
		derive_compute(s, sc, pc->b[k], sb_str(&bnote));
	else if (c->quantity == Q_COST_USD)
		derive_cost(s, sc, pc->b[k], sb_str(&bnote));
out:
	sb_release(&why);
	sb_release(&bnote);
}

/* The first usable own claim of quantity q and, with index, its place. */
static long first_own(const struct paper_claims *pc, enum quantity q, size_t *at, size_t *count)
{
	long id = -1;
	*count = 0;
	for (size_t k = 0; k < pc->end - pc->first; k++) {
		const struct stored_claim *sc = &pc->s->ds->claims[pc->first + k];
		if (!pc->usable[k] || sc->claim.subject_baseline || sc->claim.quantity != q)
			continue;
		if (id < 0) {
			id = sc->id;
			*at = k;
		}
		(*count)++;
	}
	return id;
}

/* 6 * N * D for a paper with an own parameter count and an own token
 * count; attached to the parameter claim. */
static void derive_6nd(struct paper_claims *pc)
{
	size_t n, d, cn, cd;
	if (first_own(pc, Q_PARAMS, &n, &cn) < 0 || first_own(pc, Q_TOKENS, &d, &cd) < 0)
		return;
	const struct stored_claim *sn = &pc->s->ds->claims[pc->first + n];
	const struct stored_claim *sd = &pc->s->ds->claims[pc->first + d];
	struct bounds bn = pc->b[n], bd = pc->b[d];
	struct strbuf m = STRBUF_INIT, a = STRBUF_INIT;
	sb_adds(&m, "6 x parameters x training tokens = 6 x ");
	num(&m, bn.value);
	sb_adds(&m, " x ");
	num(&m, bd.value);
	sb_addf(&m, " (tokens from claim %ld)", sd->id);
	pc->s->named_ids = 1;
	sb_adds(&a, "dense transformer training cost 6ND (Kaplan et al. 2020); "
		"one pass over the stated tokens");
	if (cn > 1 || cd > 1)
		sb_adds(&a, "; the paper states several, the first of each is used");
	add_checked(pc->s->ds, sn, "flop_6nd", 6 * bn.value * bd.value, 6 * bn.low * bd.low,
		    6 * bn.high * bd.high, "FLOP", &m, &a);
	sb_release(&m);
	sb_release(&a);
}

/* The absolute quantity a ratio's dimension compares, Q_NONE if none. */
static enum quantity dimension_quantity(const char *dim)
{
	static const struct {
		const char *dim;
		enum quantity q;
	} map[] = {
		{ "cost", Q_COST_USD }, { "compute", Q_COMPUTE }, { "time", Q_COMPUTE },
		{ "params", Q_PARAMS }, { "tokens", Q_TOKENS }, { "data", Q_DATA_SIZE },
		{ "memory", Q_MEMORY_GB },
	};
	for (size_t i = 0; dim && i < sizeof map / sizeof *map; i++)
		if (!strcmp(map[i].dim, dim))
			return map[i].q;
	return Q_NONE;
}

static int same_text(const char *a, const char *b)
{
	return a && b && !strcasecmp(a, b);
}

static int same_unit(const struct claim *a, const struct claim *b)
{
	const char *ua = a->unit ? a->unit : "", *ub = b->unit ? b->unit : "";
	if (strcmp(ua, ub))
		return 0;
	return a->quantity != Q_COMPUTE || (a->hardware && b->hardware &&
					     !strcmp(a->hardware, b->hardware)) ||
	       (!a->hardware && !b->hardware);
}

/* How many usable own ratios of the paper compare quantity q. */
static size_t ratios_of(const struct paper_claims *pc, enum quantity q)
{
	size_t n = 0;
	for (size_t k = 0; k < pc->end - pc->first; k++) {
		const struct claim *c = &pc->s->ds->claims[pc->first + k].claim;
		n += pc->usable[k] && !c->subject_baseline && c->quantity == Q_RATIO &&
		     dimension_quantity(c->dimension) == q;
	}
	return n;
}

/* The baseline figure a ratio refers to: the only one naming the ratio's
 * baseline, else the only usable baseline figure of quantity q when the
 * ratio is the paper's only ratio of that quantity.  Returns its index,
 * -1 when there is none, -2 when it is ambiguous (ids listed in why). */
static long ratio_baseline(const struct paper_claims *pc, const struct claim *r,
			   enum quantity q, struct strbuf *why)
{
	long found = -1, named = -1;
	size_t n = 0, n_named = 0;
	for (size_t k = 0; k < pc->end - pc->first; k++) {
		const struct stored_claim *sc = &pc->s->ds->claims[pc->first + k];
		if (!pc->usable[k] || !sc->claim.subject_baseline || sc->claim.quantity != q)
			continue;
		sb_addf(why, "%s%ld", n ? ", " : "", sc->id);
		pc->s->named_ids = 1;
		n++;
		found = (long)k;
		if (same_text(sc->claim.baseline, r->baseline)) {
			n_named++;
			named = (long)k;
		}
	}
	if (n_named == 1)
		return named;
	if (n == 1 && ratios_of(pc, q) == 1)
		return found;
	return n ? -2 : -1;
}

static void ratio_consistency(struct paper_claims *pc, const struct stored_claim *rc,
			      size_t base, struct bounds implied, const char *unit)
{
	struct setting *s = pc->s;
	const struct claim *bc = &s->ds->claims[pc->first + base].claim;
	size_t own, count;
	if (first_own(pc, bc->quantity, &own, &count) < 0 || count != 1)
		return;
	const struct stored_claim *oc = &s->ds->claims[pc->first + own];
	if (!same_unit(&oc->claim, bc))
		return;
	double stated = pc->b[own].value, rel = stated / implied.value - 1;
	int agree = fabs(rel) <= s->tol;
	struct strbuf m = STRBUF_INIT, a = STRBUF_INIT;
	sb_adds(&m, "stated / implied - 1 = ");
	num(&m, stated);
	sb_adds(&m, " / ");
	num(&m, implied.value);
	sb_adds(&m, " - 1: ");
	sb_addf(&m, "%s (claim %ld, %.1f%% %s the implied %s figure)",
		agree ? "the figures agree" : "the figures disagree", oc->id, fabs(rel) * 100,
		rel >= 0 ? "above" : "below", unit);
	s->named_ids = 1;
	assumed(&a, s->ds, "consistency_tolerance");
	sb_adds(&a, "; the stated figure and the ratio describe the same result");
	add(s->ds, rc->id, "consistency", rel, rel, rel, "relative difference", &m, &a);
	sb_release(&m);
	sb_release(&a);
}

static void derive_ratio(struct paper_claims *pc, size_t k)
{
	struct setting *s = pc->s;
	const struct stored_claim *rc = &s->ds->claims[pc->first + k];
	enum quantity q = dimension_quantity(rc->claim.dimension);
	struct strbuf ids = STRBUF_INIT, m = STRBUF_INIT, a = STRBUF_INIT;
	if (!pc->usable[k] || rc->claim.subject_baseline || q == Q_NONE)
		goto out;
	long base = ratio_baseline(pc, &rc->claim, q, &ids);
	if (base == -2) {
		sb_addf(&m, "implied figure not derived: the paper states baseline %s "
			"figures (claims %s) and %zu ratios of that kind, and no baseline "
			"name pairs this ratio with one of them", quantity_name(q), ids.buf,
			ratios_of(pc, q));
		note(s->ds, rc, "not_derived", m.buf);
		goto out;
	}
	if (base < 0)
		goto out;
	const struct stored_claim *bsc = &s->ds->claims[pc->first + (size_t)base];
	struct bounds bb = pc->b[base], rb = pc->b[k];
	struct bounds im = { bb.value / rb.value, bb.low / rb.high, bb.high / rb.low };
	const char *unit = bsc->claim.unit ? bsc->claim.unit : "";
	sb_adds(&m, "baseline figure / factor = ");
	num(&m, bb.value);
	sb_adds(&m, " / ");
	num(&m, rb.value);
	sb_addf(&m, " (baseline figure: claim %ld", bsc->id);
	s->named_ids = 1;
	if (bsc->claim.raw)
		sb_addf(&m, ", \"%s\"", bsc->claim.raw);
	sb_adds(&m, ")");
	sb_addf(&a, "the %s factor is measured against that baseline figure",
		rc->claim.dimension);
	if (!strcmp(rc->claim.dimension, "time"))
		sb_adds(&a, "; same hardware and device count, so device-hours scale "
			"with time");
	if (bsc->claim.hardware)
		sb_addf(&a, "; on %s", bsc->claim.hardware);
	add_checked(s->ds, rc, "implied", im.value, im.low, im.high, unit, &m, &a);
	if (isfinite(im.value) && im.value > 0)
		ratio_consistency(pc, rc, (size_t)base, im, unit);
out:
	sb_release(&ids);
	sb_release(&m);
	sb_release(&a);
}

static void derive_paper(struct setting *s, size_t first, size_t end)
{
	struct paper_claims pc = { s, first, end, xcalloc(end - first + 1, 1),
				   xcalloc(end - first + 1, sizeof *pc.b) };
	for (size_t k = 0; k < end - first; k++) {
		if (s->missing) {
			struct strbuf why = STRBUF_INIT;
			sb_addf(&why, "assumption '%s' is not set or not usable: the reference "
				"tables are incomplete", s->missing);
			note(s->ds, &s->ds->claims[first + k], "unnormalised", why.buf);
			sb_release(&why);
		} else
			derive_claim(&pc, k);
	}
	if (!s->missing) {
		derive_6nd(&pc);
		for (size_t k = 0; k < end - first; k++)
			if (s->ds->claims[first + k].claim.quantity == Q_RATIO)
				derive_ratio(&pc, k);
	}
	free(pc.usable);
	free(pc.b);
}

struct normalize_setting {
	struct setting s;
};

struct normalize_setting *normalize_setting_new(struct dataset *ref)
{
	struct normalize_setting *ns = xmalloc(sizeof *ns);
	setting_init(&ns->s, ref);
	return ns;
}

void normalize_setting_free(struct normalize_setting *ns)
{
	free(ns);
}

static void derive_all(struct dataset *ds, struct setting *s)
{
	size_t first = 0;
	for (size_t i = 0; i < ds->n_claims; i++) {
		if (i + 1 == ds->n_claims || ds->claims[i + 1].paper != ds->claims[i].paper) {
			derive_paper(s, first, i + 1);
			first = i + 1;
		}
	}
}

int normalize_derive_with(struct dataset *ds, const struct normalize_setting *ns)
{
	struct setting s = ns->s;
	normalize_clear(ds);
	s.ds = ds;
	s.named_ids = 0;
	derive_all(ds, &s);
	setting_release(&s);
	return s.named_ids;
}

/* Deriving half a million claims takes seconds, one paper at a time and
 * each paper on its own; large datasets are cut at a paper boundary into
 * parts derived by threads, and the parts' values concatenated in order,
 * so the result is the one a single pass gives. */
#define DERIVE_PARTS 2
#define DERIVE_PART_MIN 1000

struct derive_part {
	struct dataset ds;  /* borrows the claims of the part */
	struct setting s;
};

static void *derive_part_main(void *arg)
{
	struct derive_part *dp = arg;
	derive_all(&dp->ds, &dp->s);
	return NULL;
}

void normalize_derive(struct dataset *ds)
{
	struct setting s;
	normalize_clear(ds);
	setting_init(&s, ds);
	size_t cut = ds->n_claims / DERIVE_PARTS;
	while (cut > 0 && cut < ds->n_claims && ds->claims[cut].paper == ds->claims[cut - 1].paper)
		cut++;
	pthread_t tid;
	struct derive_part rest = { *ds, s };
	if (ds->n_claims < DERIVE_PARTS * DERIVE_PART_MIN || cut >= ds->n_claims) {
		derive_all(ds, &s);
		setting_release(&s);
		return;
	}
	rest.ds.claims = ds->claims + cut;
	rest.ds.n_claims = ds->n_claims - cut;
	rest.ds.derivations = NULL;
	rest.ds.n_derivations = 0;
	/* each part's strings in an arena of its own, joined at the end */
	rest.ds.strings = (struct arena)ARENA_INIT;
	rest.s.ds = &rest.ds;
	int threaded = pthread_create(&tid, NULL, derive_part_main, &rest) == 0;
	struct dataset head = *ds;
	head.n_claims = cut;
	s.ds = &head;
	derive_all(&head, &s);
	if (threaded)
		pthread_join(tid, NULL);
	else
		derive_all(&rest.ds, &rest.s);
	setting_release(&s);
	setting_release(&rest.s);
	size_t n = head.n_derivations + rest.ds.n_derivations;
	ds->derivations = xrealloc(head.derivations, (n ? n : 1) * sizeof *ds->derivations);
	if (rest.ds.n_derivations)
		memcpy(ds->derivations + head.n_derivations, rest.ds.derivations,
		       rest.ds.n_derivations * sizeof *ds->derivations);
	free(rest.ds.derivations);
	ds->strings = head.strings;
	arena_take(&ds->strings, &rest.ds.strings);
	ds->n_derivations = n;
	for (size_t i = head.n_derivations; i < n; i++)
		ds->derivations[i].id = (long)i + 1;
}

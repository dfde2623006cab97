/* normalize.c - reference tables and derived values.
 *
 * Conversions (README "Normalization" lists them with their formulas):
 *   device-hours on X   -> reference-accelerator hours = h * peak(X) / peak(ref)
 *                       -> FLOP = h * 3600 * peak(X) * utilization
 *                       -> USD  = h * price(X)
 *                       -> kWh  = h * power(X) / 1000 * pue
 *   params N and training tokens D of the same paper -> FLOP = 6 * N * D
 * A figure whose accelerator is not named or not in the table is kept and
 * flagged (kind "unnormalised" with the reason), never guessed. */
#include "normalize.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "diag.h"
#include "refdata.h"
#include "util.h"

/* ---- reading the tables ---- */

struct table {
	const char *path;     /* for messages */
	FILE *f;
	struct csv_reader r;
	struct csv_record header;
	size_t columns;
	char *names[CSV_MAX_FIELDS];
};

static int table_open(struct table *t, const char *dir, const char *name,
		      struct strbuf *path)
{
	sb_reset(path);
	if (dir) {
		sb_addf(path, "%s/%s.csv", dir, name);
		t->f = fopen(path->buf, "rb");
		if (!t->f) {
			err("%s: cannot open: %s", path->buf, strerror(errno));
			return -1;
		}
	} else {
		const char *text = reference_file(name);
		if (!text)
			BUG("no built-in reference table '%s'", name);
		sb_addf(path, "(built-in) data/%s.csv", name);
		t->f = fmemopen((void *)text, strlen(text), "rb");
		if (!t->f)
			BUG("fmemopen: %s", strerror(errno));
	}
	t->path = path->buf;
	csv_reader_init(&t->r, t->f, t->path);
	if (csv_read(&t->r, &t->header) <= 0) {
		err_at(t->path, 1, 1, "missing header row");
		return -1;
	}
	t->columns = t->header.n;
	for (size_t i = 0; i < t->columns; i++)
		t->names[i] = xstrdup(t->header.field[i]);
	return 0;
}

static void table_close(struct table *t)
{
	for (size_t i = 0; i < t->columns; i++)
		free(t->names[i]);
	csv_reader_release(&t->r);
	if (t->f)
		fclose(t->f);
}

/* Column index of name, or -1 after an error. */
static int table_column(struct table *t, const char *name)
{
	for (size_t i = 0; i < t->columns; i++)
		if (!strcmp(t->names[i], name))
			return (int)i;
	err_at(t->path, 1, 1, "missing column '%s'", name);
	return -1;
}

/* A non-negative number or empty (0). */
static int field_number(struct table *t, const struct csv_record *rec, int col,
			double *out)
{
	const char *s = rec->field[col];
	char *end;
	*out = 0;
	if (!*s)
		return 0;
	errno = 0;
	double v = strtod(s, &end);
	if (*end || errno == ERANGE || !isfinite(v) || v < 0 || end == s) {
		err_at(t->path, rec->line[col], rec->col[col],
		       "'%s' is not a non-negative number", s);
		return -1;
	}
	*out = v;
	return 0;
}

static char *field_dup(const struct csv_record *rec, int col)
{
	return rec->field[col][0] ? xstrdup(rec->field[col]) : NULL;
}

static int accelerator_row(struct table *t, const struct csv_record *rec,
			   const int *col, struct accelerator *a)
{
	double fp16, fp32, year;
	memset(a, 0, sizeof *a);
	if (!rec->field[col[0]][0]) {
		err_at(t->path, rec->line[col[0]], rec->col[col[0]], "missing name");
		return -1;
	}
	if (!rec->field[col[8]][0]) {
		err_at(t->path, rec->line[col[8]], rec->col[col[8]], "missing source");
		return -1;
	}
	if (field_number(t, rec, col[2], &fp16) || field_number(t, rec, col[3], &fp32) ||
	    field_number(t, rec, col[4], &a->power_w) || field_number(t, rec, col[5], &year) ||
	    field_number(t, rec, col[6], &a->price_usd_h))
		return -1;
	a->name = xstrdup(rec->field[col[0]]);
	a->aliases = field_dup(rec, col[1]);
	a->peak_flops = fp16 * 1e12;
	a->peak_fp32 = fp32 * 1e12;
	a->year = (int)year;
	a->price_date = field_dup(rec, col[7]);
	a->source = xstrdup(rec->field[col[8]]);
	return 0;
}

static int load_accelerators(const char *dir, struct dataset *ds, struct strbuf *path)
{
	static const char *const names[] = {
		"name", "aliases", "peak_fp16_tflops", "peak_fp32_tflops", "power_w",
		"year", "price_usd_per_hour", "price_date", "source",
	};
	struct table t;
	struct csv_record rec;
	int col[9], rc;
	memset(&t, 0, sizeof t);
	if (table_open(&t, dir, "accelerators", path))
		goto fail;
	for (int i = 0; i < 9; i++)
		if ((col[i] = table_column(&t, names[i])) < 0)
			goto fail;
	while ((rc = csv_read(&t.r, &rec)) > 0) {
		if (rec.n != t.columns) {
			err_at(t.path, rec.first_line, 1, "row has %zu fields, header has %zu",
			       rec.n, t.columns);
			goto fail;
		}
		ds->accelerators = xrealloc(ds->accelerators,
					    (ds->n_accelerators + 1) * sizeof *ds->accelerators);
		if (accelerator_row(&t, &rec, col, &ds->accelerators[ds->n_accelerators]))
			goto fail;
		ds->n_accelerators++;
	}
	if (rc < 0)
		goto fail;
	table_close(&t);
	return 0;
fail:
	table_close(&t);
	return -1;
}

static void put_assumption(struct dataset *ds, const char *name, const char *value,
			   const char *source)
{
	for (size_t i = 0; i < ds->n_assumptions; i++) {
		struct assumption *a = &ds->assumptions[i];
		if (!strcmp(a->name, name)) {
			free(a->value);
			free(a->source);
			a->value = xstrdup(value);
			a->source = xstrdup(source);
			return;
		}
	}
	ds->assumptions = xrealloc(ds->assumptions,
				   (ds->n_assumptions + 1) * sizeof *ds->assumptions);
	struct assumption *a = &ds->assumptions[ds->n_assumptions++];
	a->name = xstrdup(name);
	a->value = xstrdup(value);
	a->source = xstrdup(source);
}

static int load_defaults(const char *dir, struct dataset *ds, struct strbuf *path)
{
	struct table t;
	struct csv_record rec;
	int cn, cv, cs, rc;
	memset(&t, 0, sizeof t);
	if (table_open(&t, dir, "defaults", path) || (cn = table_column(&t, "name")) < 0 ||
	    (cv = table_column(&t, "value")) < 0 || (cs = table_column(&t, "source")) < 0)
		goto fail;
	while ((rc = csv_read(&t.r, &rec)) > 0) {
		if (rec.n != t.columns || !rec.field[cn][0] || !rec.field[cv][0]) {
			err_at(t.path, rec.first_line, 1, "expected name, value and source");
			goto fail;
		}
		put_assumption(ds, rec.field[cn], rec.field[cv], rec.field[cs]);
	}
	if (rc < 0)
		goto fail;
	table_close(&t);
	return 0;
fail:
	table_close(&t);
	return -1;
}

int normalize_load_reference(const char *dir, struct dataset *ds)
{
	struct strbuf path = STRBUF_INIT;
	int rc = load_accelerators(dir, ds, &path);
	if (!rc)
		rc = load_defaults(dir, ds, &path);
	sb_release(&path);
	return rc;
}

/* ---- assumptions ---- */

static const char *assumption(const struct dataset *ds, const char *name)
{
	for (size_t i = 0; i < ds->n_assumptions; i++)
		if (!strcmp(ds->assumptions[i].name, name))
			return ds->assumptions[i].value;
	return NULL;
}

static double assumption_number(const struct dataset *ds, const char *name, double dflt)
{
	const char *v = assumption(ds, name);
	char *end;
	if (!v)
		return dflt;
	double x = strtod(v, &end);
	return *end || !isfinite(x) ? dflt : x;
}

static int split_pair(const char *arg, char **name, double *value, const char *what)
{
	const char *eq = strchr(arg, '=');
	char *end;
	if (!eq || eq == arg) {
		err("%s: expected NAME=VALUE, got '%s'", what, arg);
		return -1;
	}
	errno = 0;
	*value = strtod(eq + 1, &end);
	if (end == eq + 1 || *end || errno == ERANGE || !isfinite(*value) || *value <= 0) {
		err("%s: '%s' is not a positive number", what, eq + 1);
		return -1;
	}
	*name = xstrndup(arg, (size_t)(eq - arg));
	return 0;
}

int normalize_assume(struct dataset *ds, const char *name_value)
{
	char *name;
	double v;
	if (split_pair(name_value, &name, &v, "--assume"))
		return -1;
	if (!assumption(ds, name)) {
		err("--assume: unknown assumption '%s'", name);
		free(name);
		return -1;
	}
	char buf[32];
	fmt_double(buf, sizeof buf, v);
	put_assumption(ds, name, buf, "set on the command line");
	free(name);
	return 0;
}

int normalize_price(struct dataset *ds, const char *name_value)
{
	char *name;
	double v;
	if (split_pair(name_value, &name, &v, "--price"))
		return -1;
	struct accelerator *a = (struct accelerator *)normalize_find_accelerator(ds, name);
	if (!a) {
		err("--price: unknown accelerator '%s'", name);
		free(name);
		return -1;
	}
	a->price_usd_h = v;
	free(a->price_date);
	a->price_date = xstrdup("command line");
	free(name);
	return 0;
}

static int alias_match(const char *aliases, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = aliases; p && *p;) {
		const char *semi = strchr(p, ';');
		size_t k = semi ? (size_t)(semi - p) : strlen(p);
		if (k == n && !strncasecmp(p, name, n))
			return 1;
		p = semi ? semi + 1 : NULL;
	}
	return 0;
}

const struct accelerator *normalize_find_accelerator(const struct dataset *ds,
						     const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < ds->n_accelerators; i++)
		if (!strcasecmp(ds->accelerators[i].name, name))
			return &ds->accelerators[i];
	for (size_t i = 0; i < ds->n_accelerators; i++)
		if (alias_match(ds->accelerators[i].aliases, name))
			return &ds->accelerators[i];
	return NULL;
}

/* ---- derivations ---- */

void normalize_clear(struct dataset *ds)
{
	for (size_t i = 0; i < ds->n_derivations; i++) {
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

struct bounds {
	double value, low, high;
};

/* A claim's value with its uncertainty: a range gives low..high; the
 * qualifiers widen nothing here but are kept on the claim. */
static struct bounds claim_bounds(const struct claim *c)
{
	struct bounds b = { c->value, c->value, c->has_max ? c->value_max : c->value };
	return b;
}

static void add(struct dataset *ds, long claim_id, const char *kind, struct bounds b,
		double factor, const char *unit, const struct strbuf *method,
		const struct strbuf *assume)
{
	ds->derivations = xrealloc(ds->derivations,
				   (ds->n_derivations + 1) * sizeof *ds->derivations);
	struct derivation *d = &ds->derivations[ds->n_derivations++];
	d->id = (long)ds->n_derivations;
	d->claim_id = claim_id;
	d->kind = xstrdup(kind);
	d->value = b.value * factor;
	d->low = b.low * factor;
	d->high = b.high * factor;
	d->unit = xstrdup(unit);
	d->method = xstrdup(sb_str(method));
	d->assumption = xstrdup(sb_str(assume));
}

static void num(struct strbuf *sb, double v)
{
	char buf[32];
	fmt_double(buf, sizeof buf, v);
	sb_adds(sb, buf);
}

static void flag(struct dataset *ds, long claim_id, struct bounds b, const char *unit,
		 const char *why)
{
	struct strbuf m = STRBUF_INIT, a = STRBUF_INIT;
	sb_adds(&m, why);
	sb_adds(&a, "none");
	add(ds, claim_id, "unnormalised", b, 1, unit, &m, &a);
	sb_release(&m);
	sb_release(&a);
}

static void derive_compute(struct dataset *ds, const struct stored_claim *sc)
{
	const struct claim *c = &sc->claim;
	struct bounds b = claim_bounds(c);
	const char *refname = assumption(ds, "reference_accelerator");
	const struct accelerator *ref = normalize_find_accelerator(ds, refname ? refname : "A100");
	const struct accelerator *hw = normalize_find_accelerator(ds, c->hardware);
	struct strbuf m = STRBUF_INIT, a = STRBUF_INIT;
	if (!c->hardware) {
		flag(ds, sc->id, b, "device-hours", "no accelerator named: device-hours "
		     "cannot be put on a common scale");
		return;
	}
	if (!hw || !ref || hw->peak_flops <= 0 || ref->peak_flops <= 0) {
		sb_addf(&m, "accelerator '%s' is not in the reference table", c->hardware);
		flag(ds, sc->id, b, "device-hours", m.buf);
		sb_release(&m);
		return;
	}
	double ratio = hw->peak_flops / ref->peak_flops;
	sb_adds(&m, "device-hours x peak ");
	sb_addf(&m, "%s / peak %s = ", hw->name, ref->name);
	num(&m, b.value);
	sb_adds(&m, " x ");
	num(&m, hw->peak_flops / 1e12);
	sb_adds(&m, " / ");
	num(&m, ref->peak_flops / 1e12);
	sb_addf(&a, "peak dense FP16/BF16 FLOP/s from the accelerator table; "
		"reference accelerator %s", ref->name);
	struct strbuf unit = STRBUF_INIT;
	sb_addf(&unit, "%s-hours", ref->name);
	add(ds, sc->id, "ref_hours", b, ratio, unit.buf, &m, &a);
	sb_release(&unit);

	double util = assumption_number(ds, "utilization", 0.375);
	sb_reset(&m), sb_reset(&a);
	sb_adds(&m, "device-hours x 3600 s x peak FLOP/s x utilization = ");
	num(&m, b.value);
	sb_adds(&m, " x 3600 x ");
	num(&m, hw->peak_flops);
	sb_adds(&m, " x ");
	num(&m, util);
	sb_adds(&a, "utilization=");
	num(&a, util);
	sb_addf(&a, "; peak %s = ", hw->name);
	num(&a, hw->peak_flops / 1e12);
	sb_adds(&a, " TFLOP/s");
	add(ds, sc->id, "flop", b, 3600 * hw->peak_flops * util, "FLOP", &m, &a);

	if (hw->price_usd_h > 0) {
		sb_reset(&m), sb_reset(&a);
		sb_adds(&m, "device-hours x price per device-hour = ");
		num(&m, b.value);
		sb_adds(&m, " x ");
		num(&m, hw->price_usd_h);
		sb_addf(&a, "price %s = ", hw->name);
		num(&a, hw->price_usd_h);
		sb_addf(&a, " USD/h (%s)", hw->price_date ? hw->price_date : "undated");
		add(ds, sc->id, "usd", b, hw->price_usd_h, "USD", &m, &a);
	}
	if (hw->power_w > 0) {
		double pue = assumption_number(ds, "pue", 1.1);
		sb_reset(&m), sb_reset(&a);
		sb_adds(&m, "device-hours x board power / 1000 x PUE = ");
		num(&m, b.value);
		sb_adds(&m, " x ");
		num(&m, hw->power_w);
		sb_adds(&m, " / 1000 x ");
		num(&m, pue);
		sb_addf(&a, "power %s = ", hw->name);
		num(&a, hw->power_w);
		sb_adds(&a, " W; pue=");
		num(&a, pue);
		add(ds, sc->id, "energy_kwh", b, hw->power_w / 1000 * pue, "kWh", &m, &a);
	}
	sb_release(&m);
	sb_release(&a);
}

/* 6 * N * D for a paper with one own parameter count and one own token
 * count; attached to the params claim. */
static void derive_6nd(struct dataset *ds, size_t first, size_t end)
{
	const struct stored_claim *n = NULL, *d = NULL;
	for (size_t i = first; i < end; i++) {
		const struct stored_claim *sc = &ds->claims[i];
		if (sc->claim.subject_baseline)
			continue;
		if (sc->claim.quantity == Q_PARAMS && !n)
			n = sc;
		if (sc->claim.quantity == Q_TOKENS && !d)
			d = sc;
	}
	if (!n || !d)
		return;
	struct bounds bn = claim_bounds(&n->claim), bd = claim_bounds(&d->claim);
	struct bounds b = { bn.value * bd.value, bn.low * bd.low, bn.high * bd.high };
	struct strbuf m = STRBUF_INIT, a = STRBUF_INIT;
	sb_adds(&m, "6 x parameters x training tokens = 6 x ");
	num(&m, bn.value);
	sb_adds(&m, " x ");
	num(&m, bd.value);
	sb_addf(&m, " (tokens from claim %ld)", d->id);
	sb_adds(&a, "dense transformer training cost 6ND (Kaplan et al. 2020); "
		"one pass over the stated tokens");
	add(ds, n->id, "flop_6nd", b, 6, "FLOP", &m, &a);
	sb_release(&m);
	sb_release(&a);
}

void normalize_derive(struct dataset *ds)
{
	normalize_clear(ds);
	size_t first = 0;
	for (size_t i = 0; i < ds->n_claims; i++) {
		if (ds->claims[i].claim.quantity == Q_COMPUTE)
			derive_compute(ds, &ds->claims[i]);
		if (i + 1 == ds->n_claims || ds->claims[i + 1].paper != ds->claims[i].paper) {
			derive_6nd(ds, first, i + 1);
			first = i + 1;
		}
	}
}

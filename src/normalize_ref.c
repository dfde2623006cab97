/* normalize_ref.c - the reference tables and the assumptions: reading
 * data/accelerators.csv, defaults.csv, cpi.csv and currency.csv (or the
 * copies compiled in), checking them, and overriding assumptions.
 *
 * A reference table is trusted input that every derived value rests on,
 * so any malformed row refuses the whole table with file:line:col: a
 * missing source or date, a number that does not parse or is out of
 * range, a duplicate name or alias, an unknown assumption. */
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

/* ---- reading a table ---- */

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
	int rc = csv_read(&t->r, &t->header);
	if (rc <= 0) {
		if (!rc)
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

/* Indices of the named columns into col[]; -1 after an error. */
static int table_columns(struct table *t, const char *const *names, size_t n,
			 int *col)
{
	for (size_t k = 0; k < n; k++) {
		col[k] = -1;
		for (size_t i = 0; i < t->columns; i++)
			if (!strcmp(t->names[i], names[k]))
				col[k] = (int)i;
		if (col[k] < 0) {
			err_at(t->path, 1, 1, "missing column '%s'", names[k]);
			return -1;
		}
	}
	return 0;
}

/* The next row, with as many fields as the header: 1, 0 at the end, -1
 * after an error. */
static int table_row(struct table *t, struct csv_record *rec)
{
	int rc = csv_read(&t->r, rec);
	if (rc > 0 && rec->n != t->columns) {
		err_at(t->path, rec->first_line, 1, "row has %zu fields, header has %zu",
		       rec->n, t->columns);
		return -1;
	}
	return rc;
}

static int field_required(struct table *t, const struct csv_record *rec, int col,
			  const char *what)
{
	if (rec->field[col][0])
		return 0;
	err_at(t->path, rec->line[col], rec->col[col], "missing %s", what);
	return -1;
}

/* A number in [min, max], or empty (0) when optional. */
static int field_number(struct table *t, const struct csv_record *rec, int col,
			double min, double max, int optional, double *out)
{
	const char *s = rec->field[col];
	char *end;
	*out = 0;
	if (!*s && optional)
		return 0;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || errno == ERANGE || !isfinite(v)) {
		err_at(t->path, rec->line[col], rec->col[col], "'%s' is not a number", s);
		return -1;
	}
	if (v < min || v > max) {
		char lo[32], hi[32];
		fmt_double(lo, sizeof lo, min);
		fmt_double(hi, sizeof hi, max);
		err_at(t->path, rec->line[col], rec->col[col],
		       "'%s' is out of range (%s to %s)", s, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

/* A date written YYYY, YYYY-MM or YYYY-MM-DD. */
static int field_date(struct table *t, const struct csv_record *rec, int col)
{
	const char *s = rec->field[col];
	size_t n = strlen(s);
	int ok = n == 4 || n == 7 || n == 10;
	for (size_t i = 0; ok && i < n; i++)
		ok = i == 4 || i == 7 ? s[i] == '-' : isdigit((unsigned char)s[i]) != 0;
	if (field_required(t, rec, col, "date"))
		return -1;
	if (!ok) {
		err_at(t->path, rec->line[col], rec->col[col],
		       "date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", s);
		return -1;
	}
	return 0;
}

static char *field_dup(const struct csv_record *rec, int col)
{
	return rec->field[col][0] ? xstrdup(rec->field[col]) : NULL;
}

/* ---- accelerators ---- */

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

/* A name or alias that already names another row makes lookups depend on
 * row order: refused. */
static int accelerator_unique(struct table *t, const struct csv_record *rec, int col,
			      const struct dataset *ds, const struct accelerator *a)
{
	const char *clash = NULL;
	if (normalize_find_accelerator(ds, a->name))
		clash = a->name;
	for (const char *p = a->aliases; !clash && p && *p;) {
		const char *semi = strchr(p, ';');
		char *one = xstrndup(p, semi ? (size_t)(semi - p) : strlen(p));
		if (!*one || normalize_find_accelerator(ds, one) || !strcasecmp(one, a->name))
			clash = *one ? a->aliases : "an empty alias";
		free(one);
		p = semi ? semi + 1 : NULL;
	}
	if (!clash)
		return 0;
	err_at(t->path, rec->line[col], rec->col[col],
	       "'%s' repeats a name or alias of another row", clash);
	return -1;
}

enum { AC_NAME, AC_ALIASES, AC_FP16, AC_FP32, AC_POWER, AC_YEAR, AC_PRICE,
       AC_PRICE_DATE, AC_DATE, AC_SOURCE, AC__COUNT };

static int accelerator_row(struct table *t, const struct csv_record *rec,
			   const int *col, struct accelerator *a)
{
	double fp16, fp32, year;
	memset(a, 0, sizeof *a);
	if (field_required(t, rec, col[AC_NAME], "name") ||
	    field_required(t, rec, col[AC_SOURCE], "source") ||
	    field_date(t, rec, col[AC_DATE]) ||
	    field_number(t, rec, col[AC_FP16], 0.1, 1e5, 1, &fp16) ||
	    field_number(t, rec, col[AC_FP32], 0.1, 1e5, 1, &fp32) ||
	    field_number(t, rec, col[AC_POWER], 1, 1e5, 1, &a->power_w) ||
	    field_number(t, rec, col[AC_YEAR], 1990, 2100, 0, &year) ||
	    field_number(t, rec, col[AC_PRICE], 0.001, 1e4, 1, &a->price_usd_h))
		return -1;
	if (a->price_usd_h > 0 && (field_required(t, rec, col[AC_PRICE_DATE], "price date") ||
				   field_date(t, rec, col[AC_PRICE_DATE])))
		return -1;
	if (year != floor(year)) {
		err_at(t->path, rec->line[col[AC_YEAR]], rec->col[col[AC_YEAR]],
		       "year '%s' is not a whole number", rec->field[col[AC_YEAR]]);
		return -1;
	}
	a->name = xstrdup(rec->field[col[AC_NAME]]);
	a->aliases = field_dup(rec, col[AC_ALIASES]);
	a->peak_flops = fp16 * 1e12;
	a->peak_fp32 = fp32 * 1e12;
	a->year = (int)year;
	a->price_date = field_dup(rec, col[AC_PRICE_DATE]);
	a->date = xstrdup(rec->field[col[AC_DATE]]);
	a->source = xstrdup(rec->field[col[AC_SOURCE]]);
	return 0;
}

static void accelerator_free(struct accelerator *a)
{
	free(a->name);
	free(a->aliases);
	free(a->price_date);
	free(a->date);
	free(a->source);
}

static int load_accelerators(const char *dir, struct dataset *ds, struct strbuf *path)
{
	static const char *const names[AC__COUNT] = {
		"name", "aliases", "peak_fp16_tflops", "peak_fp32_tflops", "power_w",
		"year", "price_usd_per_hour", "price_date", "date", "source",
	};
	struct table t;
	struct csv_record rec;
	struct accelerator a;
	int col[AC__COUNT], rc;
	memset(&t, 0, sizeof t);
	if (table_open(&t, dir, "accelerators", path) ||
	    table_columns(&t, names, AC__COUNT, col))
		goto fail;
	while ((rc = table_row(&t, &rec)) > 0) {
		if (accelerator_row(&t, &rec, col, &a))
			goto fail;
		if (accelerator_unique(&t, &rec, col[AC_NAME], ds, &a)) {
			accelerator_free(&a);
			goto fail;
		}
		ds->accelerators = xrealloc(ds->accelerators,
					    (ds->n_accelerators + 1) * sizeof *ds->accelerators);
		ds->accelerators[ds->n_accelerators++] = a;
	}
	if (rc < 0)
		goto fail;
	table_close(&t);
	return 0;
fail:
	table_close(&t);
	return -1;
}

/* ---- price index and currencies ---- */

static int load_price_index(const char *dir, struct dataset *ds, struct strbuf *path)
{
	static const char *const names[] = { "year", "cpi_u", "date", "source" };
	struct table t;
	struct csv_record rec;
	int col[4], rc;
	double year, cpi;
	memset(&t, 0, sizeof t);
	if (table_open(&t, dir, "cpi", path) || table_columns(&t, names, 4, col))
		goto fail;
	while ((rc = table_row(&t, &rec)) > 0) {
		if (field_number(&t, &rec, col[0], 1900, 2100, 0, &year) ||
		    field_number(&t, &rec, col[1], 1, 1e5, 0, &cpi) ||
		    field_date(&t, &rec, col[2]) ||
		    field_required(&t, &rec, col[3], "source"))
			goto fail;
		if (year != floor(year) || (ds->n_price_index &&
		    (int)year != ds->price_index[ds->n_price_index - 1].year + 1)) {
			err_at(t.path, rec.line[col[0]], rec.col[col[0]],
			       "year '%s' does not follow the previous row's year",
			       rec.field[col[0]]);
			goto fail;
		}
		ds->price_index = xrealloc(ds->price_index,
					   (ds->n_price_index + 1) * sizeof *ds->price_index);
		struct price_index *p = &ds->price_index[ds->n_price_index++];
		p->year = (int)year;
		p->cpi = cpi;
		p->date = xstrdup(rec.field[col[2]]);
		p->source = xstrdup(rec.field[col[3]]);
	}
	if (rc < 0)
		goto fail;
	if (!ds->n_price_index) {
		err_at(t.path, 2, 1, "the price index has no rows");
		goto fail;
	}
	table_close(&t);
	return 0;
fail:
	table_close(&t);
	return -1;
}

static int currency_code(struct table *t, const struct csv_record *rec, int col)
{
	const char *s = rec->field[col];
	int ok = strlen(s) == 3;
	for (int i = 0; ok && i < 3; i++)
		ok = s[i] >= 'A' && s[i] <= 'Z';
	if (ok && strcmp(s, "USD"))
		return 0;
	err_at(t->path, rec->line[col], rec->col[col],
	       "'%s' is not an ISO 4217 code other than USD", s);
	return -1;
}

static int load_currencies(const char *dir, struct dataset *ds, struct strbuf *path)
{
	static const char *const names[] = { "code", "name", "symbols", "year",
					     "units_per_usd", "date", "source" };
	struct table t;
	struct csv_record rec;
	int col[7], rc;
	double year, rate;
	memset(&t, 0, sizeof t);
	if (table_open(&t, dir, "currency", path) || table_columns(&t, names, 7, col))
		goto fail;
	while ((rc = table_row(&t, &rec)) > 0) {
		if (currency_code(&t, &rec, col[0]) ||
		    field_required(&t, &rec, col[1], "name") ||
		    field_number(&t, &rec, col[3], 1900, 2100, 0, &year) ||
		    field_number(&t, &rec, col[4], 1e-6, 1e9, 0, &rate) ||
		    field_date(&t, &rec, col[5]) ||
		    field_required(&t, &rec, col[6], "source"))
			goto fail;
		const struct currency *prev = ds->n_currencies ? &ds->currencies[ds->n_currencies - 1]
							       : NULL;
		int cmp = prev ? strcmp(prev->code, rec.field[col[0]]) : -1;
		if (year != floor(year) || cmp > 0 || (!cmp && prev->year >= (int)year)) {
			err_at(t.path, rec.first_line, 1, "rows must be ordered by code, "
			       "then year, each code and year once");
			goto fail;
		}
		ds->currencies = xrealloc(ds->currencies,
					  (ds->n_currencies + 1) * sizeof *ds->currencies);
		struct currency *c = &ds->currencies[ds->n_currencies++];
		c->code = xstrdup(rec.field[col[0]]);
		c->name = xstrdup(rec.field[col[1]]);
		c->symbols = field_dup(&rec, col[2]);
		c->year = (int)year;
		c->per_usd = rate;
		c->date = xstrdup(rec.field[col[5]]);
		c->source = xstrdup(rec.field[col[6]]);
	}
	table_close(&t);
	return rc < 0 ? -1 : 0;
fail:
	table_close(&t);
	return -1;
}

/* ---- assumptions ---- */

enum value_type { V_NUMBER, V_YEAR, V_ACCELERATOR };

/* Every assumption a derivation may use, with the values it may take.
 * defaults.csv must give each of them once and nothing else. */
static const struct {
	const char *name;
	enum value_type type;
	double min, max;
} known[] = {
	{ "approx_spread", V_NUMBER, 0, 0.9 },
	{ "bound_spread", V_NUMBER, 0, 0.9 },
	{ "consistency_tolerance", V_NUMBER, 0, 1 },
	{ "dollar_year", V_YEAR, 0, 0 },
	{ "grid_kgco2_per_kwh", V_NUMBER, 0, 2 },
	{ "pue", V_NUMBER, 1, 3 },
	{ "reference_accelerator", V_ACCELERATOR, 0, 0 },
	{ "server_overhead", V_NUMBER, 1, 3 },
	{ "utilization", V_NUMBER, 0.01, 1 },
	{ "utilization_high", V_NUMBER, 0.01, 1 },
	{ "utilization_low", V_NUMBER, 0.01, 1 },
};

static int known_index(const char *name)
{
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (!strcmp(known[i].name, name))
			return (int)i;
	return -1;
}

static int has_year(const struct dataset *ds, int year)
{
	for (size_t i = 0; i < ds->n_price_index; i++)
		if (ds->price_index[i].year == year)
			return 1;
	return 0;
}

/* Check value for assumption k; on failure fill why and return -1. */
static int check_value(const struct dataset *ds, int k, const char *value,
		       struct strbuf *why)
{
	char *end;
	errno = 0;
	double v = strtod(value, &end);
	int number = end != value && !*end && errno != ERANGE && isfinite(v);
	switch (known[k].type) {
	case V_ACCELERATOR: {
		const struct accelerator *a = normalize_find_accelerator(ds, value);
		if (!a)
			sb_addf(why, "'%s' is not an accelerator of the table", value);
		else if (a->peak_flops <= 0)
			sb_addf(why, "accelerator '%s' has no peak FLOP/s in the table", value);
		return a && a->peak_flops > 0 ? 0 : -1;
	}
	case V_YEAR:
		if (number && v == floor(v) && has_year(ds, (int)v))
			return 0;
		sb_addf(why, "'%s' is not a year of the price index (%d to %d)", value,
			ds->n_price_index ? ds->price_index[0].year : 0,
			ds->n_price_index ? ds->price_index[ds->n_price_index - 1].year : 0);
		return -1;
	case V_NUMBER:
		if (number && v >= known[k].min && v <= known[k].max)
			return 0;
		char lo[32], hi[32];
		fmt_double(lo, sizeof lo, known[k].min);
		fmt_double(hi, sizeof hi, known[k].max);
		sb_addf(why, "'%s' is not a number from %s to %s", value, lo, hi);
		return -1;
	}
	return -1;
}

static void put_assumption(struct dataset *ds, const char *name, const char *value,
			   const char *source, const char *date)
{
	struct assumption *a = NULL;
	for (size_t i = 0; i < ds->n_assumptions && !a; i++)
		if (!strcmp(ds->assumptions[i].name, name))
			a = &ds->assumptions[i];
	if (!a) {
		ds->assumptions = xrealloc(ds->assumptions,
					   (ds->n_assumptions + 1) * sizeof *ds->assumptions);
		a = &ds->assumptions[ds->n_assumptions++];
		a->name = xstrdup(name);
	} else {
		free(a->value);
		free(a->source);
		free(a->date);
	}
	a->value = xstrdup(value);
	a->source = xstrdup(source);
	a->date = date ? xstrdup(date) : NULL;
}

const char *normalize_assumption(const struct dataset *ds, const char *name)
{
	for (size_t i = 0; i < ds->n_assumptions; i++)
		if (!strcmp(ds->assumptions[i].name, name))
			return ds->assumptions[i].value;
	return NULL;
}

static int default_row(struct table *t, const struct csv_record *rec, const int *col,
		       struct dataset *ds)
{
	struct strbuf why = STRBUF_INIT;
	const char *name = rec->field[col[0]], *value = rec->field[col[1]];
	int k;
	if (field_required(t, rec, col[0], "name") || field_required(t, rec, col[1], "value") ||
	    field_date(t, rec, col[2]) || field_required(t, rec, col[3], "source"))
		return -1;
	if ((k = known_index(name)) < 0) {
		err_at(t->path, rec->line[col[0]], rec->col[col[0]], "unknown assumption '%s'",
		       name);
		return -1;
	}
	if (normalize_assumption(ds, name)) {
		err_at(t->path, rec->line[col[0]], rec->col[col[0]],
		       "assumption '%s' is given twice", name);
		return -1;
	}
	if (check_value(ds, k, value, &why)) {
		err_at(t->path, rec->line[col[1]], rec->col[col[1]], "%s: %s", name, why.buf);
		sb_release(&why);
		return -1;
	}
	put_assumption(ds, name, value, rec->field[col[3]], rec->field[col[2]]);
	return 0;
}

static int load_defaults(const char *dir, struct dataset *ds, struct strbuf *path)
{
	static const char *const names[] = { "name", "value", "date", "source" };
	struct table t;
	struct csv_record rec;
	int col[4], rc;
	memset(&t, 0, sizeof t);
	if (table_open(&t, dir, "defaults", path) || table_columns(&t, names, 4, col))
		goto fail;
	while ((rc = table_row(&t, &rec)) > 0)
		if (default_row(&t, &rec, col, ds))
			goto fail;
	if (rc < 0)
		goto fail;
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (!normalize_assumption(ds, known[i].name)) {
			err_at(t.path, 0, 0, "missing assumption '%s'", known[i].name);
			goto fail;
		}
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
		rc = load_price_index(dir, ds, &path);
	if (!rc)
		rc = load_currencies(dir, ds, &path);
	if (!rc)
		rc = load_defaults(dir, ds, &path);
	sb_release(&path);
	return rc;
}

/* ---- overrides ---- */

/* Split "NAME=VALUE"; both parts non-empty. */
static int split_pair(const char *arg, char **name, char **value, struct strbuf *why)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg || !eq[1]) {
		sb_addf(why, "expected NAME=VALUE, got '%s'", arg);
		return -1;
	}
	*name = xstrndup(arg, (size_t)(eq - arg));
	*value = xstrdup(eq + 1);
	return 0;
}

static int set_assumption(struct dataset *ds, const char *arg, const char *origin,
			  struct strbuf *why)
{
	char *name, *value;
	int k, rc = -1;
	if (split_pair(arg, &name, &value, why))
		return -1;
	if ((k = known_index(name)) < 0 || !normalize_assumption(ds, name))
		sb_addf(why, "unknown assumption '%s'", name);
	else if (!check_value(ds, k, value, why)) {
		if (known[k].type == V_ACCELERATOR) {
			/* The table's spelling, whatever alias was given. */
			char *canonical = xstrdup(normalize_find_accelerator(ds, value)->name);
			free(value);
			value = canonical;
		}
		put_assumption(ds, name, value, origin, NULL);
		rc = 0;
	} else {
		struct strbuf msg = STRBUF_INIT;
		sb_addf(&msg, "%s: %s", name, why->buf);
		sb_reset(why);
		sb_adds(why, msg.buf);
		sb_release(&msg);
	}
	free(name);
	free(value);
	return rc;
}

static int set_price(struct dataset *ds, const char *arg, const char *origin,
		     struct strbuf *why)
{
	char *name, *value, *end;
	int rc = -1;
	if (split_pair(arg, &name, &value, why))
		return -1;
	struct accelerator *a = (struct accelerator *)normalize_find_accelerator(ds, name);
	errno = 0;
	double v = strtod(value, &end);
	if (!a)
		sb_addf(why, "unknown accelerator '%s'", name);
	else if (end == value || *end || errno == ERANGE || !isfinite(v) || v <= 0 || v > 1e4)
		sb_addf(why, "%s: '%s' is not a price from 0 to 10000 USD per device-hour",
			name, value);
	else {
		a->price_usd_h = v;
		free(a->price_date);
		/* No date: the price is taken in reference-year dollars. */
		a->price_date = NULL;
		struct strbuf src = STRBUF_INIT;
		sb_addf(&src, "%s; price overridden: ", a->source ? a->source : "");
		sb_addf(&src, "%s (in reference-year dollars)", origin);
		free(a->source);
		a->source = sb_detach(&src);
		rc = 0;
	}
	free(name);
	free(value);
	return rc;
}

int normalize_set(struct dataset *ds, const char *name_value, const char *origin)
{
	struct strbuf why = STRBUF_INIT;
	int rc = set_assumption(ds, name_value, origin, &why);
	if (rc)
		err("--assume: %s", why.buf);
	sb_release(&why);
	return rc;
}

int normalize_set_price(struct dataset *ds, const char *name_value, const char *origin)
{
	struct strbuf why = STRBUF_INIT;
	int rc = set_price(ds, name_value, origin, &why);
	if (rc)
		err("--price: %s", why.buf);
	sb_release(&why);
	return rc;
}

int normalize_assume(struct dataset *ds, const char *name_value)
{
	return normalize_set(ds, name_value, "set on the command line");
}

int normalize_price(struct dataset *ds, const char *name_value)
{
	return normalize_set_price(ds, name_value, "set on the command line");
}

/* One line of a configuration file; 0, or -1 with why and *col set. */
static int config_line(struct dataset *ds, const char *line, const char *origin,
		       long *col, struct strbuf *why)
{
	static const char *const verbs[] = { "assume", "price", "dollar-year" };
	size_t i = 0;
	while (line[i] == ' ' || line[i] == '\t')
		i++;
	for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
		size_t n = strlen(verbs[v]);
		if (strncmp(line + i, verbs[v], n) || (line[i + n] != ' ' && line[i + n] != '\t'))
			continue;
		size_t j = i + n;
		while (line[j] == ' ' || line[j] == '\t')
			j++;
		*col = (long)j + 1;
		if (v == 0)
			return set_assumption(ds, line + j, origin, why);
		if (v == 1)
			return set_price(ds, line + j, origin, why);
		struct strbuf arg = STRBUF_INIT;
		sb_addf(&arg, "dollar_year=%s", line + j);
		int rc = set_assumption(ds, arg.buf, origin, why);
		sb_release(&arg);
		return rc;
	}
	*col = (long)i + 1;
	sb_adds(why, "expected 'assume NAME=VALUE', 'price HW=USD' or 'dollar-year YEAR'");
	return -1;
}

int normalize_config(struct dataset *ds, const char *path)
{
	char *text;
	size_t len;
	if (read_file(path, &text, &len)) {
		err("%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	struct strbuf line = STRBUF_INIT, why = STRBUF_INIT, origin = STRBUF_INIT;
	long lineno = 0, col = 1;
	int rc = 0;
	for (const char *p = text; !rc && p < text + len;) {
		const char *nl = memchr(p, '\n', (size_t)(text + len - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(text + len - p);
		lineno++;
		sb_reset(&line);
		sb_add(&line, p, n);
		while (line.len && (line.buf[line.len - 1] == '\r' || line.buf[line.len - 1] == ' ' ||
				    line.buf[line.len - 1] == '\t'))
			line.buf[--line.len] = '\0';
		const char *s = line.buf + strspn(line.buf, " \t");
		sb_reset(&origin);
		sb_addf(&origin, "set in %s:%ld", path, lineno);
		if (memchr(line.buf, '\0', line.len)) {
			sb_adds(&why, "NUL byte in line");
			rc = -1;
		} else if (*s && *s != '#') {
			rc = config_line(ds, line.buf, origin.buf, &col, &why);
		}
		p += n + (nl != NULL);
	}
	if (rc)
		err_at(path, lineno, col, "%s", why.buf);
	sb_release(&line);
	sb_release(&why);
	sb_release(&origin);
	free(text);
	return rc;
}

int normalize_apply(struct dataset *ds, const struct override *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (o[i].kind == 'f' && normalize_config(ds, o[i].arg))
			return -1;
	for (size_t i = 0; i < n; i++) {
		int rc = 0;
		if (o[i].kind == 'a')
			rc = normalize_assume(ds, o[i].arg);
		else if (o[i].kind == 'p')
			rc = normalize_price(ds, o[i].arg);
		else if (o[i].kind == 'y') {
			struct strbuf arg = STRBUF_INIT, why = STRBUF_INIT;
			sb_addf(&arg, "dollar_year=%s", o[i].arg);
			rc = set_assumption(ds, arg.buf, "set on the command line", &why);
			if (rc)
				err("--dollar-year: %s", why.buf);
			sb_release(&arg);
			sb_release(&why);
		}
		if (rc)
			return -1;
	}
	return 0;
}

size_t normalize_overrides(const struct dataset *ds, struct strbuf *out)
{
	size_t n = 0;
	for (size_t i = 0; i < ds->n_assumptions; i++) {
		const struct assumption *a = &ds->assumptions[i];
		if (a->date)
			continue;
		sb_addf(out, "%s%s=%s (%s)", n++ ? "; " : "", a->name, a->value,
			a->source ? a->source : "");
	}
	for (size_t i = 0; i < ds->n_accelerators; i++) {
		const struct accelerator *a = &ds->accelerators[i];
		if (a->price_usd_h <= 0 || a->price_date)
			continue;
		sb_addf(out, "%sprice %s=", n++ ? "; " : "", a->name);
		char buf[32];
		fmt_double(buf, sizeof buf, a->price_usd_h);
		sb_addf(out, "%s USD/h", buf);
	}
	return n;
}

/* Unit tests of normalization: every conversion from the words of a
 * figure to its derived values (table-driven), bounds, bad values,
 * unknown names, overrides, ratios and consistency, malformed reference
 * tables, the configuration file, and the schema 1 -> 2 upgrade. */
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "dataset.h"
#include "extract.h"
#include "normalize.h"
#include "store.h"
#include "unit.h"
#include "util.h"

static char dir[] = "/tmp/effdash-normalize-XXXXXX";

/* A dataset with the built-in reference tables, one paper of date and
 * the claims found in text (ids 1, 2, ...), derived. */
static void derive_text(struct dataset *ds, const char *text, const char *date)
{
	struct claim_list found = CLAIM_LIST_INIT;
	dataset_init(ds);
	CHECK(normalize_load_reference(NULL, ds) == 0);
	ds->papers = xcalloc(1, sizeof *ds->papers);
	paper_init(&ds->papers[0]);
	ds->papers[0].title = xstrdup("Test paper");
	ds->papers[0].date = date ? xstrdup(date) : NULL;
	ds->n_papers = 1;
	extract_claims(text, strlen(text), &found);
	ds->claims = xcalloc(found.len + 1, sizeof *ds->claims);
	for (size_t i = 0; i < found.len; i++) {
		ds->claims[i].id = (long)i + 1;
		claim_copy(&ds->claims[i].claim, &found.items[i]);
	}
	ds->n_claims = found.len;
	claim_list_release(&found);
	normalize_derive(ds);
}

static const struct derivation *find(const struct dataset *ds, const char *kind)
{
	for (size_t i = 0; i < ds->n_derivations; i++)
		if (!strcmp(ds->derivations[i].kind, kind))
			return &ds->derivations[i];
	return NULL;
}

/* Many papers, each with the claims of one abstract (several kinds, a
 * ratio with a cost so that consistency checks run): normalize_derive(),
 * which cuts a large dataset into parts derived by threads, gives what
 * one pass (normalize_derive_with) gives, value for value, in order. */
static void test_derive_parts(void)
{
	static const char *const texts[] = {
		"Training costs $1,890, 118x cheaper than the $223,000 baseline.",
		"We train on 64 A100 GPUs for 2.5 days and reach 12.7 FID on COCO.",
		"A 1.16 billion parameter model trained on 300B tokens.",
		"It needs 6,250 A100 GPU days and 80% less memory.",
	};
	struct dataset ds;
	struct claim_list found[4];
	size_t n_papers = 3000, n = 0;
	dataset_init(&ds);
	CHECK(normalize_load_reference(NULL, &ds) == 0);
	for (size_t t = 0; t < 4; t++) {
		found[t] = (struct claim_list)CLAIM_LIST_INIT;
		extract_claims(texts[t], strlen(texts[t]), &found[t]);
		n += found[t].len;
	}
	ds.papers = xcalloc(n_papers, sizeof *ds.papers);
	ds.claims = xcalloc(n * n_papers / 4 + 4 * n, sizeof *ds.claims);
	for (size_t p = 0; p < n_papers; p++) {
		const struct claim_list *l = &found[p % 4];
		paper_init(&ds.papers[p]);
		ds.papers[p].title = xstrdup("Paper");
		ds.papers[p].date = xstrdup(p % 2 ? "2023-05-01" : "2021-11-20");
		for (size_t i = 0; i < l->len; i++) {
			struct stored_claim *sc = &ds.claims[ds.n_claims];
			sc->id = (long)++ds.n_claims;
			sc->paper = p;
			claim_copy(&sc->claim, &l->items[i]);
		}
	}
	ds.n_papers = n_papers;
	CHECK(ds.n_claims > 4000);
	normalize_derive(&ds);
	size_t n_split = ds.n_derivations;
	struct derivation *split = ds.derivations;
	ds.derivations = NULL;
	ds.n_derivations = 0;
	struct normalize_setting *ns = normalize_setting_new(&ds);
	normalize_derive_with(&ds, ns);
	normalize_setting_free(ns);
	CHECK(n_split == ds.n_derivations && n_split > ds.n_claims);
	size_t same = 0;
	for (size_t i = 0; i < n_split && i < ds.n_derivations; i++) {
		const struct derivation *a = &split[i], *b = &ds.derivations[i];
		same += a->id == b->id && a->claim_id == b->claim_id &&
			!strcmp(a->kind, b->kind) && a->value == b->value &&
			a->low == b->low && a->high == b->high && !strcmp(a->unit, b->unit) &&
			!strcmp(a->method, b->method) && !strcmp(a->assumption, b->assumption);
	}
	CHECK(same == n_split);
	struct dataset gone = { 0 };
	gone.derivations = split;
	gone.n_derivations = n_split;
	normalize_clear(&gone);
	for (size_t t = 0; t < 4; t++)
		claim_list_release(&found[t]);
	dataset_release(&ds);
}

/* A figure, the kind of one value derived from it, and that value with
 * its bounds (low = high = value when 0). */
static const struct conversion {
	const char *text, *date, *kind;
	double value, low, high;
	const char *unit;
} conversions[] = {
	{ "6,250 A100 GPU days", NULL, "ref_hours", 150000, 0, 0, "A100-hours" },
	{ "6,250 A100 GPU days", NULL, "flop", 150000 * 3600 * 312e12 * 0.375,
	  150000 * 3600 * 312e12 * 0.30, 150000 * 3600 * 312e12 * 0.40, "FLOP" },
	{ "6,250 A100 GPU days", NULL, "usd", 150000 * 4.1, 0, 0, "USD" },
	{ "6,250 A100 GPU days", NULL, "energy_kwh", 150000 * 0.4 * 1.1, 0, 0, "kWh" },
	{ "6,250 A100 GPU days", NULL, "co2_kg", 150000 * 0.4 * 1.1 * 0.4, 0, 0, "kg CO2" },
	{ "13 hours on 8 A100 80 GB GPUs", NULL, "ref_hours", 104, 0, 0, "A100-hours" },
	{ "13 hours on 8 A100 80 GB GPUs", NULL, "usd", 104 * 4.1, 0, 0, "USD" },
	{ "2.5 days on 64 TPUv3 chips", NULL, "ref_hours", 3840 * 123.0 / 312, 0, 0,
	  "A100-hours" },
	{ "2.5 days on 64 TPUv3 chips", NULL, "usd", 3840 * 2.0, 0, 0, "USD" },
	{ "2.5 days on 64 TPUv3 chips", NULL, "energy_kwh", 3840 * 0.45 * 1.1, 0, 0, "kWh" },
	{ "1,024 H100 GPUs for 30 days", NULL, "ref_hours", 737280 * 989.0 / 312, 0, 0,
	  "A100-hours" },
	{ "1,024 H100 GPUs for 30 days", NULL, "usd", 737280 * 12.29, 0, 0, "USD" },
	{ "12 V100-days", NULL, "ref_hours", 288 * 125.0 / 312, 0, 0, "A100-hours" },
	{ "12 V100-days", NULL, "flop", 288 * 3600 * 125e12 * 0.375,
	  288 * 3600 * 125e12 * 0.30, 288 * 3600 * 125e12 * 0.40, "FLOP" },
	{ "about 12 V100-days", NULL, "ref_hours", 288 * 125.0 / 312,
	  288 * 125.0 / 312 * 0.9, 288 * 125.0 / 312 * 1.1, "A100-hours" },
	{ "4.2M GPU hours", NULL, "unnormalised", 4.2e6, 0, 0, "device-hours" },
	{ "US$ 2.1 million", "2020-05-01", "usd_const", 2.1e6 * 313.689 / 258.811, 0, 0,
	  "USD" },
	{ "US$ 2.1 million", NULL, "usd_const", 2.1e6, 0, 0, "USD" },
	{ "$28.4K", "2024-01-02", "usd_const", 28400, 0, 0, "USD" },
	{ "$28.4K", "2019", "usd_const", 28400 * 313.689 / 255.657, 0, 0, "USD" },
	{ "$28.4K", "2031-01-01", "usd_const", 28400 * 313.689 / 320.229, 0, 0, "USD" },
	{ "0.28M parameters trained on 1.4T tokens", NULL, "flop_6nd", 6 * 0.28e6 * 1.4e12,
	  0, 0, "FLOP" },
	{ "1.16 billion parameters and 1.4T tokens", NULL, "flop_6nd", 6 * 1.16e9 * 1.4e12,
	  0, 0, "FLOP" },
	{ "trained for 2 days on 8 H200 GPUs", NULL, "not_derived", 384, 0, 0,
	  "device-hours" },
};

static void test_conversions(void)
{
	for (size_t i = 0; i < sizeof conversions / sizeof *conversions; i++) {
		const struct conversion *t = &conversions[i];
		struct dataset ds;
		derive_text(&ds, t->text, t->date);
		const struct derivation *d = find(&ds, t->kind);
		if (!d) {
			printf("  '%s': no '%s' derived\n", t->text, t->kind);
			unit_failed_checks++;
		} else {
			CHECK_NUM(d->value, t->value);
			CHECK_NUM(d->low, t->low ? t->low : t->value);
			CHECK_NUM(d->high, t->high ? t->high : t->value);
			CHECK_STR(d->unit, t->unit);
			CHECK(d->method && *d->method);
			CHECK(d->assumption && *d->assumption);
		}
		dataset_release(&ds);
	}
}

/* Figures that are kept as stated with nothing derived. */
static void test_nothing_derived(void)
{
	static const char *const texts[] = {
		"reduces energy consumption by 60%", "$1.18\\times$ latency reductions",
		"12.7 FID", "16 GB of memory", "118\\times lower cost",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct dataset ds;
		derive_text(&ds, texts[i], NULL);
		CHECK(ds.n_claims >= 1);
		if (ds.n_derivations)
			printf("  '%s': %zu derived, first '%s'\n", texts[i], ds.n_derivations,
			       ds.derivations[0].kind);
		CHECK(ds.n_derivations == 0);
		dataset_release(&ds);
	}
}

/* ---- hand-made claims ---- */

static void one_claim(struct dataset *ds, enum quantity q, double value, const char *unit,
		      const char *hardware)
{
	dataset_init(ds);
	CHECK(normalize_load_reference(NULL, ds) == 0);
	ds->papers = xcalloc(1, sizeof *ds->papers);
	paper_init(&ds->papers[0]);
	ds->n_papers = 1;
	ds->claims = xcalloc(4, sizeof *ds->claims);
	ds->n_claims = 1;
	struct claim *c = &ds->claims[0].claim;
	claim_init(c);
	ds->claims[0].id = 1;
	c->quantity = q;
	c->value = value;
	claim_set(&c->unit, unit);
	claim_set(&c->hardware, hardware);
}

static void test_bounds(void)
{
	static const struct {
		enum qualifier qual;
		double max;
		double low, high;
	} cases[] = {
		{ QUAL_NONE, 0, 100, 100 },
		{ QUAL_APPROX, 0, 90, 110 },
		{ QUAL_UPPER, 0, 50, 100 },
		{ QUAL_LOWER, 0, 100, 150 },
		{ QUAL_NONE, 200, 100, 200 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct dataset ds;
		one_claim(&ds, Q_COMPUTE, 100, "device-hours", "A100");
		ds.claims[0].claim.qualifier = cases[i].qual;
		ds.claims[0].claim.has_max = cases[i].max > 0;
		ds.claims[0].claim.value_max = cases[i].max;
		normalize_derive(&ds);
		const struct derivation *d = find(&ds, "ref_hours");
		CHECK(d != NULL);
		if (d) {
			CHECK_NUM(d->value, 100);
			CHECK_NUM(d->low, cases[i].low);
			CHECK_NUM(d->high, cases[i].high);
		}
		dataset_release(&ds);
	}
}

static void expect_flag(enum quantity q, double value, double max, const char *unit,
			const char *hardware, const char *why)
{
	struct dataset ds;
	const char *reason = NULL;
	one_claim(&ds, q, value, unit, hardware);
	ds.claims[0].claim.has_max = max != 0;
	ds.claims[0].claim.value_max = max;
	normalize_derive(&ds);
	CHECK(normalize_flagged(&ds, 1, &reason));
	CHECK(ds.n_derivations == 1);
	if (!reason || !strstr(reason, why)) {
		printf("  reason '%s', want '%s'\n", reason ? reason : "(none)", why);
		unit_failed_checks++;
	}
	dataset_release(&ds);
}

static void test_bad_values(void)
{
	expect_flag(Q_PARAMS, 1e30, 0, "count", NULL, "implausible value 1e+30");
	expect_flag(Q_PARAMS, 0, 0, "count", NULL, "zero or negative");
	expect_flag(Q_COST_USD, -5, 0, "USD", NULL, "zero or negative");
	expect_flag(Q_COMPUTE, NAN, 0, "device-hours", "A100", "not a finite number");
	expect_flag(Q_COMPUTE, INFINITY, 0, "device-hours", "A100", "not a finite number");
	expect_flag(Q_COMPUTE, 10, 5, "device-hours", "A100", "below its lower end");
	expect_flag(Q_RATIO, 0.5, 0, "x", NULL, "below the smallest plausible value 1");
	expect_flag(Q_TOKENS, 1e20, 0, "tokens", NULL, "implausible");
	expect_flag(Q_COMPUTE, 1e12, 0, "device-hours", "A100", "implausible");
}

static void test_unknown_names(void)
{
	expect_flag(Q_COMPUTE, 10, 0, "device-hours", "Foo-X",
		    "accelerator 'Foo-X' is not in accelerators.csv");
	expect_flag(Q_COMPUTE, 10, 0, "device-hours", NULL, "no accelerator named");
	expect_flag(Q_COMPUTE, 10, 0, "device-hours", "A10G", "no peak FLOP/s");
	expect_flag(Q_COMPUTE, 10, 0, "furlongs", "A100", "unit 'furlongs'");
	expect_flag(Q_COST_USD, 10, 0, "XYZ", NULL, "currency 'XYZ' is not in currency.csv");
}

static void test_currency(void)
{
	struct dataset ds;
	one_claim(&ds, Q_COST_USD, 1e6, "EUR", NULL);
	ds.papers[0].date = xstrdup("2023-03-01");
	normalize_derive(&ds);
	const struct derivation *d = find(&ds, "usd_const");
	CHECK(d != NULL);
	if (d)
		CHECK_NUM(d->value, 1e6 / 0.924 * 313.689 / 304.702);
	dataset_release(&ds);
	/* A year after the table: the nearest year, said so. */
	one_claim(&ds, Q_COST_USD, 1e6, "\xE2\x82\xAC", NULL);
	ds.papers[0].date = xstrdup("2025-06-01");
	normalize_derive(&ds);
	d = find(&ds, "usd_const");
	CHECK(d != NULL);
	if (d) {
		CHECK_NUM(d->value, 1e6 / 0.924 * 313.689 / 320.229);
		CHECK(strstr(d->assumption, "nearest year 2024") != NULL);
	}
	dataset_release(&ds);
}

static void test_overrides(void)
{
	struct dataset ds;
	one_claim(&ds, Q_COMPUTE, 100, "device-hours", "A100");
	CHECK(normalize_assume(&ds, "utilization=0.35") == 0);
	CHECK(normalize_price(&ds, "A100=1.20") == 0);
	normalize_derive(&ds);
	const struct derivation *d = find(&ds, "flop");
	CHECK(d && fabs(d->value - 100 * 3600 * 312e12 * 0.35) < 1e10);
	CHECK(d && strstr(d->assumption, "utilization=0.35 (set on the command line)"));
	d = find(&ds, "usd");
	CHECK(d && fabs(d->value - 120) < 1e-9);
	/* Dollar year: a 2024 price restated in 2020 dollars. */
	CHECK(normalize_price(&ds, "A100=4.1") == 0);
	ds.accelerators[0].price_date = xstrdup("2024-06");
	CHECK(normalize_assume(&ds, "dollar_year=2020") == 0);
	normalize_derive(&ds);
	d = find(&ds, "usd");
	CHECK(d != NULL);
	if (d)
		CHECK_NUM(d->value, 410 * 258.811 / 313.689);
	CHECK(normalize_assume(&ds, "reference_accelerator=V100-SXM2") == 0);
	CHECK_STR(normalize_assumption(&ds, "reference_accelerator"), "V100");
	normalize_derive(&ds);
	d = find(&ds, "ref_hours");
	CHECK(d && fabs(d->value - 100 * 312.0 / 125) < 1e-9);
	CHECK_STR(d ? d->unit : NULL, "V100-hours");
	struct strbuf used = STRBUF_INIT;
	CHECK(normalize_overrides(&ds, &used) == 3);
	sb_release(&used);
	/* Refused overrides. */
	CHECK(normalize_assume(&ds, "utilization=2") < 0);
	CHECK(normalize_assume(&ds, "utilization=abc") < 0);
	CHECK(normalize_assume(&ds, "dollar_year=1990") < 0);
	CHECK(normalize_assume(&ds, "reference_accelerator=Foo") < 0);
	CHECK(normalize_assume(&ds, "nonsense=1") < 0);
	CHECK(normalize_assume(&ds, "utilization") < 0);
	CHECK(normalize_price(&ds, "Foo=1") < 0);
	CHECK(normalize_price(&ds, "A100=-1") < 0);
	CHECK(normalize_price(&ds, "A100=0") < 0);
	dataset_release(&ds);
}

/* A paper's own cost, a ratio and the baseline's cost. */
static void ratio_paper(struct dataset *ds, double own, double factor, double base,
			int n_base)
{
	one_claim(ds, Q_COST_USD, own, "USD", NULL);
	ds->n_claims = 2 + (size_t)n_base;
	struct claim *r = &ds->claims[1].claim;
	claim_init(r);
	ds->claims[1].id = 2;
	r->quantity = Q_RATIO;
	r->value = factor;
	claim_set(&r->unit, "x");
	claim_set(&r->dimension, "cost");
	claim_set(&r->baseline, "Stable Diffusion");
	for (int i = 0; i < n_base; i++) {
		struct claim *b = &ds->claims[2 + i].claim;
		claim_init(b);
		ds->claims[2 + i].id = 3 + i;
		b->quantity = Q_COST_USD;
		b->value = base * (i + 1);
		b->subject_baseline = 1;
		claim_set(&b->unit, "USD");
	}
	normalize_derive(ds);
}

static void test_ratios(void)
{
	struct dataset ds;
	ratio_paper(&ds, 1890, 118, 223000, 1);
	const struct derivation *d = find(&ds, "implied");
	CHECK(d && fabs(d->value - 223000.0 / 118) < 1e-6 && d->claim_id == 2);
	d = find(&ds, "consistency");
	CHECK(d && fabs(d->value - (1890 / (223000.0 / 118) - 1)) < 1e-12);
	CHECK(d && strstr(d->method, "the figures agree"));
	dataset_release(&ds);

	ratio_paper(&ds, 5000, 118, 223000, 1);
	d = find(&ds, "consistency");
	CHECK(d && strstr(d->method, "the figures disagree"));
	CHECK(d && d->value > 1.6 && d->value < 1.7);
	dataset_release(&ds);

	/* Two baseline costs and no name to choose: not guessed. */
	ratio_paper(&ds, 1890, 118, 223000, 2);
	CHECK(find(&ds, "implied") == NULL);
	d = find(&ds, "not_derived");
	CHECK(d && strstr(d->method, "no baseline name pairs"));
	dataset_release(&ds);

	/* "up to 3x": the implied figure runs from base / 3 to base. */
	ratio_paper(&ds, 100, 3, 300, 1);
	ds.claims[1].claim.qualifier = QUAL_UPPER;
	normalize_derive(&ds);
	d = find(&ds, "implied");
	CHECK(d && fabs(d->low - 100) < 1e-9 && fabs(d->high - 200) < 1e-9);
	dataset_release(&ds);
}

/* ---- reference tables ---- */

static void write_text(const char *name, const char *text)
{
	struct strbuf p = STRBUF_INIT;
	sb_addf(&p, "%s/%s", dir, name);
	FILE *f = fopen(p.buf, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		CHECK(fclose(f) == 0);
	}
	sb_release(&p);
}

/* Copy data/NAME.csv into dir, with the line starting with `from`
 * replaced by `to` (NULL: unchanged). */
static void copy_table(const char *name, const char *from, const char *to)
{
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	char *text;
	size_t len;
	sb_addf(&in, "data/%s.csv", name);
	CHECK(read_file(in.buf, &text, &len) == 0);
	for (char *line = text; line && *line;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
		if (from && !strncmp(line, from, strlen(from))) {
			sb_adds(&out, to);
			from = NULL;
		} else
			sb_add(&out, line, n);
		line += n;
	}
	sb_reset(&in);
	sb_addf(&in, "%s.csv", name);
	write_text(in.buf, out.buf);
	free(text);
	sb_release(&in);
	sb_release(&out);
}

/* Load the tables of dir with one line replaced; the error must name
 * where. */
static void expect_table_error(const char *name, const char *from, const char *to,
			       const char *where)
{
	static const char *const tables[] = { "accelerators", "defaults", "cpi", "currency" };
	for (size_t i = 0; i < 4; i++)
		copy_table(tables[i], !strcmp(tables[i], name) ? from : NULL, to);
	struct strbuf errs = STRBUF_INIT;
	sb_addf(&errs, "%s/stderr", dir);
	fflush(stderr);
	int saved = dup(2);
	CHECK(freopen(errs.buf, "w", stderr) != NULL);
	struct dataset ds;
	dataset_init(&ds);
	int rc = normalize_load_reference(dir, &ds);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	dataset_release(&ds);
	char *text = NULL;
	size_t len;
	CHECK(read_file(errs.buf, &text, &len) == 0);
	CHECK(rc < 0);
	if (!text || !strstr(text, where)) {
		printf("  %s: message '%s', want '%s'\n", name, text ? text : "", where);
		unit_failed_checks++;
	}
	free(text);
	sb_release(&errs);
}

static void test_reference_tables(void)
{
	struct dataset ds;
	dataset_init(&ds);
	CHECK(normalize_load_reference("data", &ds) == 0);
	CHECK(ds.n_accelerators >= 16 && ds.n_price_index >= 10 && ds.n_currencies >= 5);
	for (size_t i = 0; i < ds.n_accelerators; i++)
		CHECK(ds.accelerators[i].source && ds.accelerators[i].date);
	for (size_t i = 0; i < ds.n_assumptions; i++)
		CHECK(ds.assumptions[i].source && ds.assumptions[i].date);
	static const char *const needed[] = { "A100", "A100 80GB", "V100", "H100", "H200",
					      "A6000", "A10", "T4", "RTX 3090", "RTX 4090",
					      "RTX 4060 Ti", "TPUv2", "TPUv3", "TPUv4",
					      "TPUv5e", "MI250X" };
	for (size_t i = 0; i < sizeof needed / sizeof *needed; i++)
		CHECK(normalize_find_accelerator(&ds, needed[i]) != NULL);
	dataset_release(&ds);

	expect_table_error("accelerators", "V100,", "V100,,125,15.7,300,2017,3.06,2024-06,"
			   "2024-06,\n", "accelerators.csv:3:");
	expect_table_error("accelerators", "V100,", "V100,,12x5,15.7,300,2017,3.06,2024-06,"
			   "2024-06,src\n", "accelerators.csv:3:");
	expect_table_error("accelerators", "V100,", "V100,A100,125,15.7,300,2017,3.06,"
			   "2024-06,2024-06,src\n", "repeats a name or alias");
	expect_table_error("accelerators", "V100,", "V100,,125,15.7,300,2017,3.06,2024-06,"
			   ",src\n", "missing date");
	expect_table_error("accelerators", "V100,", "V100,,125\n", "row has 3 fields");
	expect_table_error("defaults", "pue,", "pue,0.5,2023,src\n", "defaults.csv:");
	expect_table_error("defaults", "pue,", "pew,1.1,2023,src\n", "unknown assumption 'pew'");
	expect_table_error("defaults", "pue,", "\n", "missing assumption 'pue'");
	expect_table_error("cpi", "2015,", "2015,-3,2016-01,src\n", "cpi.csv:");
	expect_table_error("cpi", "2015,", "2016,240,2016-01,src\n", "does not follow");
	expect_table_error("currency", "EUR,euro,€;EUR;euro;euros,2017",
			   "usd,euro,,2017,1,2018-01,src\n", "ISO 4217");
	expect_table_error("accelerators", "name,", "name,aliases\n", "missing column");
}

static void test_config(void)
{
	struct dataset ds;
	struct strbuf p = STRBUF_INIT;
	dataset_init(&ds);
	CHECK(normalize_load_reference(NULL, &ds) == 0);
	write_text("good.conf", "# overrides\n\nassume utilization=0.5\nprice A100=2\n"
		   "dollar-year 2021\n");
	sb_addf(&p, "%s/good.conf", dir);
	struct override ov[] = { { 'f', p.buf }, { 'a', "utilization=0.45" } };
	CHECK(normalize_apply(&ds, ov, 2) == 0);
	CHECK_STR(normalize_assumption(&ds, "utilization"), "0.45");
	CHECK_STR(normalize_assumption(&ds, "dollar_year"), "2021");
	CHECK_NUM(normalize_find_accelerator(&ds, "A100")->price_usd_h, 2);
	write_text("bad.conf", "assume pue=1.2\nfrobnicate 3\n");
	sb_reset(&p);
	sb_addf(&p, "%s/bad.conf", dir);
	CHECK(normalize_config(&ds, p.buf) < 0);
	CHECK_STR(normalize_assumption(&ds, "pue"), "1.2");
	sb_release(&p);
	dataset_release(&ds);
}

/* A schema 1 database (tests/data/schema-v1.sql) is upgraded in place
 * through every later version, keeps its rows and takes the new
 * tables. */
static void test_upgrade_v1(void)
{
	struct strbuf path = STRBUF_INIT;
	char *sql;
	size_t len;
	sqlite3 *db;
	sb_addf(&path, "%s/v1.db", dir);
	CHECK(read_file("tests/data/schema-v1.sql", &sql, &len) == 0);
	CHECK(sqlite3_open(path.buf, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	free(sql);
	struct store *st = NULL;
	CHECK(store_open(path.buf, 1, &st) < 0); /* read-only: too old */
	CHECK(store_open(path.buf, 0, &st) == 0);
	if (!st)
		return;
	struct dataset ref, ds;
	dataset_init(&ref);
	dataset_init(&ds);
	CHECK(normalize_load_reference(NULL, &ref) == 0);
	CHECK(store_begin(st) == 0);
	CHECK(store_put_accelerators(st, ref.accelerators, ref.n_accelerators) == 0);
	CHECK(store_put_assumptions(st, ref.assumptions, ref.n_assumptions) == 0);
	CHECK(store_put_price_index(st, ref.price_index, ref.n_price_index) == 0);
	CHECK(store_put_currencies(st, ref.currencies, ref.n_currencies) == 0);
	/* The migrated rows are found by their title's hash: a record of
	 * paper 2 updates it instead of adding a third paper. */
	struct paper again;
	int changed = 0;
	paper_init(&again);
	again.title = xstrdup("Fast  Transformer Pretraining");
	again.abstract = xstrdup("We pretrain fast.");
	again.source_line = 1;
	CHECK(store_put_paper(st, &again, 1, &changed) == 0);
	CHECK(again.id == 2 && changed);
	paper_release(&again);
	CHECK(store_commit(st) == 0);
	CHECK(store_count(st, "paper") == 2);
	CHECK(store_load(st, &ds) == 0);
	CHECK(ds.n_claims == 12 && ds.n_papers == 2);
	CHECK(ds.n_price_index == ref.n_price_index && ds.n_currencies == ref.n_currencies);
	CHECK(ds.n_accelerators == ref.n_accelerators);
	CHECK_STR(ds.accelerators[0].date, "2024-06");
	CHECK(store_count(st, "price_index") == (long)ref.n_price_index);
	normalize_derive(&ds);
	CHECK(find(&ds, "ref_hours") != NULL && find(&ds, "usd_const") != NULL);
	store_close(st);
	/* The derived values moved into one JSON row a claim (version 5),
	 * every number exactly, in their order; the view shows them as
	 * rows. */
	sqlite3_stmt *q;
	CHECK(sqlite3_open(path.buf, &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db,
		"SELECT (SELECT count(*) FROM derived), count(*),"
		" sum(claim_id = 4 AND seq = 3 AND kind = 'energy_kwh'"
		"  AND value = 887.03999999999996357 AND low = value AND high = value),"
		" sum(claim_id = 6 AND seq = 1 AND value = 6.3179999999999996852e+22"
		"  AND typeof(low) = 'real'),"
		" sum(claim_id = 8 AND method LIKE '%(tokens from claim 7)')"
		" FROM derivation", -1, &q, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(q) == SQLITE_ROW);
	CHECK(sqlite3_column_int(q, 0) == 3 && sqlite3_column_int(q, 1) == 9);
	CHECK(sqlite3_column_int(q, 2) == 1 && sqlite3_column_int(q, 3) == 1 &&
	      sqlite3_column_int(q, 4) == 1);
	sqlite3_finalize(q);
	/* The source's curated claims are found by their range of ids
	 * (version 6), which the upgrade computed; the index is gone. */
	CHECK(sqlite3_prepare_v2(db,
		"SELECT curated_first, curated_last,"
		" (SELECT count(*) FROM sqlite_master WHERE name = 'claim_by_source')"
		" FROM source WHERE id = 1", -1, &q, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(q) == SQLITE_ROW);
	CHECK(sqlite3_column_int(q, 0) == 1 && sqlite3_column_int(q, 1) == 12 &&
	      sqlite3_column_int(q, 2) == 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	CHECK(store_open(path.buf, 1, &st) == 0);
	store_close(st);
	dataset_release(&ref);
	dataset_release(&ds);
	sb_release(&path);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	RUN(test_conversions);
	RUN(test_nothing_derived);
	RUN(test_bounds);
	RUN(test_bad_values);
	RUN(test_unknown_names);
	RUN(test_currency);
	RUN(test_overrides);
	RUN(test_ratios);
	RUN(test_derive_parts);
	RUN(test_reference_tables);
	RUN(test_config);
	RUN(test_upgrade_v1);
	struct strbuf rm = STRBUF_INIT;
	sb_addf(&rm, "rm -rf '%s'", dir);
	if (system(rm.buf) != 0)
		return 1;
	sb_release(&rm);
	return UNIT_EXIT();
}

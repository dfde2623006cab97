/* test_report.c - report_write on a small hostile dataset: files, escaping,
 * gnuplot safety, determinism and atomicity. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "report.h"
#include "../../src/report_internal.h" /* white-box: model and changes */
#include "unit.h"
#include "util.h"

static char tmp[] = "/tmp/effdash-report-XXXXXX";

/* ---- Building a dataset ----------------------------------------------- */

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static size_t add_paper(struct dataset *ds, long id, const char *title,
			const char *abstract, const char *arxiv)
{
	ds->papers = xrealloc(ds->papers,
			      (ds->n_papers + 1) * sizeof *ds->papers);
	struct paper *p = &ds->papers[ds->n_papers];
	paper_init(p);
	p->id = id;
	p->title = dup_or_null(title);
	p->abstract = dup_or_null(abstract);
	p->arxiv_id = dup_or_null(arxiv);
	p->url = dup_or_null(arxiv ? "javascript:alert(1)" : NULL);
	p->date = dup_or_null("2024-01-02");
	p->source_file = dup_or_null("corpus.txt");
	p->source_line = 10 * id;
	return ds->n_papers++;
}

static struct claim *add_claim(struct dataset *ds, long id, size_t paper,
			       enum quantity q, double value)
{
	ds->claims = xrealloc(ds->claims,
			      (ds->n_claims + 1) * sizeof *ds->claims);
	struct stored_claim *sc = &ds->claims[ds->n_claims++];
	sc->id = id;
	sc->paper = paper;
	sc->status = 0;
	claim_init(&sc->claim);
	sc->claim.quantity = q;
	sc->claim.value = value;
	claim_set(&sc->claim.unit, quantity_unit(q));
	return &sc->claim;
}

static void add_span(struct claim *c, const char *abstract, const char *span)
{
	const char *at = strstr(abstract, span);
	claim_set(&c->span, span);
	c->span_start = at ? at - abstract : -1;
	c->span_end = at ? c->span_start + (long)strlen(span) : -1;
}

static void add_quality(struct dataset *ds, long id, size_t paper,
			const char *metric, const char *dataset, double v)
{
	struct claim *c = add_claim(ds, id, paper, Q_QUALITY, v);
	claim_set(&c->metric, metric);
	claim_set(&c->dataset, dataset);
	claim_set(&c->unit, metric);
}

static void add_derivation(struct dataset *ds, long id, long claim,
			   const char *kind, double v, const char *unit)
{
	ds->derivations = xrealloc(ds->derivations, (ds->n_derivations + 1) *
							    sizeof *ds->derivations);
	struct derivation *d = &ds->derivations[ds->n_derivations++];
	d->id = id;
	d->claim_id = claim;
	d->kind = xstrdup(kind);
	d->value = d->low = d->high = v;
	d->unit = xstrdup(unit);
	d->method = xstrdup("150000 h x 1.29 USD/h <b>bold</b>");
	d->assumption = xstrdup("price A100=1.29 USD/h");
}

static void add_reference(struct dataset *ds)
{
	ds->accelerators = xcalloc(1, sizeof *ds->accelerators);
	ds->n_accelerators = 1;
	ds->accelerators[0].name = xstrdup("A100");
	ds->accelerators[0].aliases = xstrdup("A100 80GB;A100-SXM4");
	ds->accelerators[0].peak_flops = 312e12;
	ds->accelerators[0].peak_fp32 = 19.5e12;
	ds->accelerators[0].power_w = 400;
	ds->accelerators[0].year = 2020;
	ds->accelerators[0].price_usd_h = 1.29;
	ds->accelerators[0].price_date = xstrdup("2024-06");
	ds->accelerators[0].source = xstrdup("https://www.nvidia.com/a100");
	ds->assumptions = xcalloc(1, sizeof *ds->assumptions);
	ds->n_assumptions = 1;
	ds->assumptions[0].name = xstrdup("mfu");
	ds->assumptions[0].value = xstrdup("0.4 <script>x</script>");
	ds->assumptions[0].source = xstrdup("javascript:alert(1)");
}

static const char *abs1 = "We train PixArt for $28,400 using 675 A100 GPU "
			  "days, reaching 7.32 FID on COCO <img src=x "
			  "onerror=alert(1)>.";

/* Papers with hostile titles; marker files under tmp must never appear. */
static void build(struct dataset *ds)
{
	char title[512];
	dataset_init(ds);
	size_t a = add_paper(ds, 1, "PixArt-\xCE\xB1: Fast Training", abs1,
			     "2310.00426");
	size_t b = add_paper(ds, 2, "<script>alert(1)</script>",
			     "Abstract </p><script>alert(2)</script>", NULL);
	size_t c = add_paper(ds, 3, "=HYPERLINK(\"x\")", NULL, "x\"><b>");
	snprintf(title, sizeof title, "`touch %s/pwned1`", tmp);
	size_t d = add_paper(ds, 4, title, NULL, NULL);
	snprintf(title, sizeof title, "system(\"touch %s/pwned2\")", tmp);
	size_t e = add_paper(ds, 5, title, NULL, NULL);
	snprintf(title, sizeof title, "\"; set output '%s/pwned3", tmp);
	size_t f = add_paper(ds, 6, title, NULL, NULL);
	size_t g = add_paper(ds, 7, "../../etc/passwd", NULL, NULL);

	struct claim *cl = add_claim(ds, 10, a, Q_COST_USD, 28400);
	add_span(cl, abs1, "$28,400");
	claim_set(&cl->raw, "$28,400");
	cl = add_claim(ds, 11, a, Q_COMPUTE, 16200);
	claim_set(&cl->hardware, "A100");
	add_span(cl, abs1, "675 A100 GPU days");
	add_quality(ds, 12, a, "fid", "COCO", 7.32);
	add_span(&ds->claims[ds->n_claims - 1].claim, abs1, "7.32 FID");
	ds->claims[ds->n_claims - 1].claim.span_start += 1; /* wrong offset */
	cl = add_claim(ds, 13, a, Q_RATIO, 10.8);
	claim_set(&cl->dimension, "cost");

	add_quality(ds, 20, b, "fid", "coco", 12.5);
	cl = add_claim(ds, 21, b, Q_COMPUTE, 5000);
	add_derivation(ds, 1, 21, "usd", 6450, "USD");
	add_derivation(ds, 2, 21, "ref_hours", 5000, "A100-hours");
	cl = add_claim(ds, 22, b, Q_COST_USD, 1e6);
	cl->subject_baseline = 1;
	cl = add_claim(ds, 23, b, Q_RATIO, 118);
	claim_set(&cl->dimension, "cost");

	cl = add_claim(ds, 30, c, Q_PARAMS, 7e9);
	add_claim(ds, 31, c, Q_TOKENS, 2e12);
	add_quality(ds, 32, c, "=cmd|' /C calc'!A0", "<script>", 50);
	add_claim(ds, 33, c, Q_COST_USD, 1890);
	add_claim(ds, 40, d, Q_PARAMS, 1.3e9);
	add_claim(ds, 41, d, Q_TOKENS, 3e11);
	cl = add_claim(ds, 50, e, Q_RATIO, 3.5);
	claim_set(&cl->dimension, "memory");
	cl = add_claim(ds, 51, e, Q_RATIO, 8);
	claim_set(&cl->dimension, "memory");
	cl->has_max = 1;
	cl->value_max = 10;
	cl = add_claim(ds, 60, f, Q_RATIO, 2);
	claim_set(&cl->dimension, "`touch x`");
	add_claim(ds, 61, f, Q_COST_USD, 500);
	add_quality(ds, 62, f, "accuracy", "ImageNet", 81.2);
	/* Metric and dataset names reach chart titles through esc_gnuplot. */
	snprintf(title, sizeof title, "`touch %s/pwned4`", tmp);
	add_quality(ds, 63, f, title, "x", 1);
	snprintf(title, sizeof title, "\"; set output '%s/pwned5", tmp);
	add_quality(ds, 64, f, "bleu", title, 2);
	add_paper(ds, 8, "Bad\xFF\xC3 bytes: \x01ctl", NULL, NULL);
	cl = add_claim(ds, 80, ds->n_papers - 1, Q_PARAMS, 1e8);
	add_claim(ds, 81, ds->n_papers - 1, Q_TOKENS, 1e10);
	cl = add_claim(ds, 70, g, Q_MEMORY_GB, 24);
	cl->origin = ORIGIN_CURATED;
	cl->curation = CUR_CORRECT;
	cl = add_claim(ds, 71, g, Q_MEMORY_GB, 20);
	ds->claims[ds->n_claims - 1].status = 1;
	add_reference(ds);
}

/* ---- Files ------------------------------------------------------------ */

/* DIR/NAME in a buffer replaced on each call. */
static const char *join(const char *dir, const char *name)
{
	static struct strbuf sb = STRBUF_INIT;
	sb_reset(&sb);
	sb_addf(&sb, "%s/%s", dir, name);
	return sb_str(&sb);
}

static char *slurp(const char *dir, const char *name)
{
	char *text = NULL;
	size_t len;
	if (read_file(join(dir, name), &text, &len) < 0)
		return NULL;
	return text;
}

static int exists(const char *dir, const char *name)
{
	struct stat st;
	return stat(join(dir, name), &st) == 0;
}

static int contains(const char *dir, const char *name, const char *needle)
{
	char *text = slurp(dir, name);
	int found = text && strstr(text, needle);
	free(text);
	return found;
}

static int contains_nocase(const char *text, const char *needle)
{
	return text && strcasestr(text, needle) != NULL;
}

/* Call fn on every regular file name in DIR/sub. */
static void each_file(const char *dir, const char *sub,
		      void (*fn)(const char *dir, const char *name))
{
	char *path = xstrdup(join(dir, sub));
	DIR *d = opendir(path);
	CHECK(d != NULL);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char *name = xstrdup(join(sub, e->d_name));
		fn(dir, name);
		free(name);
	}
	if (d)
		closedir(d);
	free(path);
}

static size_t staging_left(const char *dir)
{
	size_t n = 0;
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));)
		n += !strncmp(e->d_name, ".staging-", 9);
	if (d)
		closedir(d);
	return n;
}

static void no_script(const char *dir, const char *name)
{
	size_t n = strlen(name);
	if (n < 5 || strcmp(name + n - 5, ".html"))
		return;
	char *text = slurp(dir, name);
	CHECK(text != NULL);
	/* The explorer's own script is the only one, and only there. */
	const char *own = "<script>\n(function () {";
	char *script = text ? strstr(text, own) : NULL;
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	if (script && !strncmp(base, "claims", 6))
		memcpy(script, "<scr1pt", 7);
	if (contains_nocase(text, "<script") ||
	    contains_nocase(text, "href=\"javascript:") ||
	    contains_nocase(text, "<img src=x")) {
		printf("  unsafe markup in %s\n", name);
		CHECK(0);
	}
	CHECK(contains_nocase(text, "<!DOCTYPE html>"));
	CHECK(contains_nocase(text, "<html lang=\"en\">"));
	CHECK(contains_nocase(text, "<meta charset=\"utf-8\">"));
	CHECK(contains_nocase(text, "<title>"));
	free(text);
}

/* Nothing from the data reaches a script; labels are in data files. */
static void clean_script(const char *dir, const char *name)
{
	size_t n = strlen(name);
	if (n < 3 || strcmp(name + n - 3, ".gp"))
		return;
	char *text = slurp(dir, name);
	CHECK(text && !strstr(text, "`") && !strstr(text, "PixArt") &&
	      !strstr(text, "system("));
	/* A quote from the data only ever appears escaped inside a string. */
	for (const char *q = text; q && (q = strstr(q, "\"; set output")); q++)
		CHECK(q > text && q[-1] == '\\');
	free(text);
}

static char out[64];

static int render(const struct dataset *ds, const char *gnuplot,
		  int no_render)
{
	struct report_options opt = { out, gnuplot, no_render, NULL, 0, NULL };
	return report_write(ds, &opt);
}

/* ---- Tests ------------------------------------------------------------ */

static void test_layout(void)
{
	struct dataset ds;
	build(&ds);
	CHECK(render(&ds, NULL, 1) == 0);
	static const char *const files[] = {
		"csv/claims.csv", "csv/papers.csv", "csv/derivations.csv",
		"plots/params-tokens.gp", "plots/params-tokens.dat",
		"plots/ratios.gp", "plots/ratios.dat",
		"plots/cost-quality-fid-on-coco.gp",
		"plots/cost-quality-fid-on-coco.dat",
		"csv/cost-quality.csv", "csv/cost-quality/fid-on-coco.csv",
		"site/index.html", "site/methodology.html", "site/style.css",
		"site/benchmarks.html", "site/benchmarks/fid-on-coco.html",
		"site/speedups.html", "site/scale.html", "site/claims.html",
		"site/papers.html", "site/downloads.html",
		"site/data/manifest.tsv", "site/data/changes.tsv",
		"site/downloads/claims.jsonl", "site/downloads/cost-quality.csv",
		"site/papers/pixart-fast-training-1.html",
		"site/papers/script-alert-1-script-2.html",
		"site/papers/etc-passwd-7.html",
		"site/downloads/claims.csv",
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		if (!exists(out, files[i])) {
			printf("  missing %s\n", files[i]);
			CHECK(0);
		}
	CHECK(!exists(out, "site/charts/ratios.svg"));
	CHECK(staging_left(out) == 0);
	dataset_release(&ds);
}

static void test_html_safe(void)
{
	each_file(out, "site", no_script);
	each_file(out, "site/papers", no_script);
	CHECK(contains(out, "site/claims.html",
		       "&lt;script&gt;alert(1)&lt;/script&gt;"));
	CHECK(contains(out, "site/papers/pixart-fast-training-1.html",
		       "<mark id=\"claim-10\"><a href=\"#c-10\">$28,400</a>"));
	CHECK(contains(out, "site/papers/pixart-fast-training-1.html",
		       "<mark id=\"claim-11\">"));
	/* Offsets that do not match the span: no highlight. */
	CHECK(!contains(out, "site/papers/pixart-fast-training-1.html",
			"<mark id=\"claim-12\">"));
	CHECK(contains(out, "site/claims.html",
		       "papers/pixart-fast-training-1.html#claim-10"));
	CHECK(contains(out, "site/claims.html",
		       "papers/pixart-fast-training-1.html#c-12"));
	/* Benchmark pages name the frontier; lower FID is better. */
	CHECK(contains(out, "site/benchmarks/fid-on-coco.html",
		       "FID: lower is better."));
	CHECK(contains(out, "site/benchmarks/fid-on-coco.html",
		       "<ol class=\"frontier\">"));
	CHECK(contains(out, "site/papers/script-alert-1-script-2.html",
		       "&lt;b&gt;bold&lt;/b&gt;"));
	CHECK(contains(out, "site/papers/pixart-fast-training-1.html",
		       "<a href=\"#\" rel=\"nofollow noopener\">"
		       "javascript:alert(1)</a>"));
}

static void test_csv_safe(void)
{
	char *claims = slurp(out, "csv/claims.csv");
	char *papers = slurp(out, "csv/papers.csv");
	CHECK(claims && papers);
	CHECK(claims && !strncmp(claims, "claim_id,paper_title,arxiv_id,"
				 "quantity,value,value_max,", 45));
	CHECK(contains_nocase(claims, "\"'=HYPERLINK(\"\"x\"\")\""));
	CHECK(!contains_nocase(claims, ",=HYPERLINK"));
	CHECK(!contains_nocase(claims, ",=cmd"));
	CHECK(contains_nocase(claims, "\"'=cmd|' /C calc'!A0\""));
	CHECK(contains_nocase(claims, "\r\n30,\"'=HYPERLINK"));
	CHECK(contains_nocase(claims, ",7000000000,,"));
	CHECK(contains_nocase(claims, ",8,10,"));
	CHECK(contains_nocase(claims, ",superseded,"));
	CHECK(contains_nocase(papers, ",\"'=HYPERLINK(\"\"x\"\")\","));
	CHECK(contains(out, "csv/derivations.csv",
		       "1,21,<script>alert(1)</script>,usd,6450,6450,6450,"));
	free(claims);
	free(papers);
}

static void test_scripts_clean(void)
{
	each_file(out, "plots", clean_script);
	char *dat = slurp(out, "plots/params-tokens.dat");
	CHECK(dat && strstr(dat, "2000000000000 7000000000 \"=HYPERLINK('x')\""));
	free(dat);
	dat = slurp(out, "plots/ratios.dat");
	CHECK(dat && strstr(dat, "\"'touch x' (1)\""));
	free(dat);
}

static void test_render_safe(void)
{
	struct dataset ds;
	char marker[16];
	build(&ds);
	CHECK(render(&ds, NULL, 0) == 0);
	CHECK(exists(out, "plots/ratios.svg"));
	CHECK(exists(out, "site/charts/ratios.svg"));
	CHECK(exists(out, "site/charts/params-tokens.svg"));
	CHECK(exists(out, "site/charts/cost-quality-fid-on-coco.svg"));
	CHECK(exists(out, "site/charts/cost-quality-fid-on-coco.png"));
	CHECK(exists(out, "site/charts/ratios.png"));
	CHECK(contains(out, "site/index.html",
		       "<img src=\"charts/ratios.svg\""));
	CHECK(contains(out, "site/speedups.html",
		       "<figure class=\"chart\" id=\"chart-ratios\">"));
	CHECK(contains(out, "site/speedups.html", "href=\"#chart-ratios\""));
	for (int i = 1; i <= 5; i++) {
		snprintf(marker, sizeof marker, "pwned%d", i);
		CHECK(!exists(tmp, marker));
	}
	CHECK(!exists(out, "plots/x") && !exists(".", "x"));
	char *svg = slurp(out, "plots/params-tokens.svg");
	CHECK(svg && strstr(svg, "touch") && !strstr(svg, "<script"));
	free(svg);
	CHECK(staging_left(out) == 0);
	dataset_release(&ds);
}

static void test_deterministic(void)
{
	static const char *const files[] = {
		"csv/claims.csv", "site/index.html", "plots/ratios.dat",
		"plots/ratios.gp", "site/charts/ratios.svg",
		"site/papers/pixart-fast-training-1.html",
	};
	struct dataset ds;
	char *before[6];
	build(&ds);
	for (size_t i = 0; i < 6; i++)
		before[i] = slurp(out, files[i]);
	CHECK(render(&ds, NULL, 0) == 0);
	for (size_t i = 0; i < 6; i++) {
		char *after = slurp(out, files[i]);
		CHECK(before[i] && after && !strcmp(before[i], after));
		free(after);
		free(before[i]);
	}
	dataset_release(&ds);
}

/* A report over an existing one links the files whose bytes did not
 * change (same inode as before) and writes the others anew. */
static long inode_of(const char *dir, const char *name)
{
	char path[600];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &st) == 0 ? (long)st.st_ino : -1;
}

static void test_reuse(void)
{
	struct dataset ds;
	build(&ds);
	long page = inode_of(out, "site/papers/pixart-fast-training-1.html");
	long style = inode_of(out, "site/style.css");
	long claims = inode_of(out, "csv/claims.csv");
	long index = inode_of(out, "site/index.html");
	CHECK(page > 0 && style > 0 && claims > 0);
	CHECK(render(&ds, NULL, 0) == 0);
	CHECK(inode_of(out, "site/papers/pixart-fast-training-1.html") == page);
	CHECK(inode_of(out, "site/style.css") == style);
	CHECK(inode_of(out, "csv/claims.csv") == claims);
	CHECK(inode_of(out, "site/downloads/claims.csv") == claims);
	CHECK(inode_of(out, "site/index.html") == index);
	free(ds.papers[0].title);
	ds.papers[0].title = xstrdup("Changed title");
	CHECK(render(&ds, NULL, 0) == 0);
	CHECK(inode_of(out, "csv/claims.csv") != claims);
	CHECK(contains(out, "csv/claims.csv", "Changed title"));
	CHECK(inode_of(out, "site/style.css") == style);
	CHECK(staging_left(out) == 0);
	dataset_release(&ds);
}

/* A failing gnuplot fails the report and leaves the previous one. */
static void test_atomic(void)
{
	struct dataset ds;
	build(&ds);
	char *before = slurp(out, "site/index.html");
	free(ds.papers[0].title);
	ds.papers[0].title = xstrdup("Changed title");
	diag_quiet = 1;
	CHECK(render(&ds, "false", 0) == -1);
	diag_quiet = 0;
	char *after = slurp(out, "site/index.html");
	CHECK(before && after && !strcmp(before, after));
	CHECK(exists(out, "site/charts/ratios.svg"));
	CHECK(staging_left(out) == 0);
	free(before);
	free(after);
	dataset_release(&ds);
}

/* No gnuplot: one warning, scripts and tables still written. */
static void test_no_gnuplot(void)
{
	struct dataset ds;
	build(&ds);
	diag_quiet = 1;
	CHECK(render(&ds, "/nonexistent/gnuplot", 0) == 0);
	diag_quiet = 0;
	CHECK(exists(out, "plots/ratios.gp"));
	CHECK(!exists(out, "site/charts/ratios.svg"));
	CHECK(!contains(out, "site/index.html", "<img"));
	CHECK(contains(out, "site/index.html", "was not rendered"));
	dataset_release(&ds);
}

static void test_empty(void)
{
	struct dataset ds;
	dataset_init(&ds);
	CHECK(render(&ds, NULL, 0) == 0);
	CHECK(exists(out, "site/charts/cost-quality.svg"));
	CHECK(exists(out, "site/charts/params-tokens.svg"));
	CHECK(exists(out, "site/charts/ratios.svg"));
	CHECK(contains(out, "csv/claims.csv", "claim_id,"));
	dataset_release(&ds);
}

/* The Pareto frontier: cheapest first, each point strictly better than
 * every cheaper one; lower is better for FID. */
static void test_frontier(void)
{
	struct dataset ds;
	struct report_index ix;
	struct report_model m;
	dataset_init(&ds);
	static const double cost[] = { 100, 200, 300, 400, 50 };
	static const double fid[] = { 20, 25, 10, 10, 30 };
	for (long i = 0; i < 5; i++) {
		char title[32];
		snprintf(title, sizeof title, "Paper %ld", i);
		size_t p = add_paper(&ds, i + 1, title, NULL, NULL);
		add_claim(&ds, 10 * i + 1, p, Q_COST_USD, cost[i]);
		add_quality(&ds, 10 * i + 2, p, "fid", "COCO", fid[i]);
	}
	report_index_build(&ix, &ds);
	report_model_build(&m, &ds, &ix);
	CHECK(m.n_bench == 1);
	if (m.n_bench == 1) {
		const struct bench *b = &m.bench[0];
		static const int want[] = { 1, 1, 0, 1, 0 }; /* by cost */
		CHECK(b->n_pt == 5 && b->lower_better && b->axis == AXIS_USD);
		CHECK_STR(b->slug, "fid-on-coco");
		for (size_t i = 0; i < b->n_pt && i < 5; i++)
			CHECK(b->pt[i].frontier == want[i]);
		CHECK_NUM(b->pt[0].cost, 50);
	}
	report_model_release(&m);
	report_index_release(&ix, ds.n_papers);
	dataset_release(&ds);
}

/* Uncertainty: a cost's bounds come from the derivation used (a stated
 * cost keeps its point and takes the relative bounds of its
 * constant-dollar derivation), a result's from its stated range; both
 * reach the chart's data file and table, and derived costs link to their
 * formula on the methodology page. */
static void test_error_bars(void)
{
	struct dataset ds;
	struct report_index ix;
	struct report_model m;
	dataset_init(&ds);
	size_t a = add_paper(&ds, 1, "Stated Paper", NULL, NULL);
	size_t b = add_paper(&ds, 2, "Estimated Paper", NULL, NULL);
	size_t c = add_paper(&ds, 3, "Exact Paper", NULL, NULL);
	add_claim(&ds, 11, a, Q_COST_USD, 1000);
	add_derivation(&ds, 1, 11, "usd_const", 1100, "USD");
	ds.derivations[0].low = 990;
	ds.derivations[0].high = 1100;
	add_quality(&ds, 12, a, "fid", "COCO", 20);
	add_claim(&ds, 21, b, Q_COMPUTE, 100);
	add_derivation(&ds, 2, 21, "usd", 500, "USD");
	ds.derivations[1].low = 400;
	ds.derivations[1].high = 650;
	add_quality(&ds, 22, b, "fid", "COCO", 15);
	ds.claims[ds.n_claims - 1].claim.has_max = 1;
	ds.claims[ds.n_claims - 1].claim.value_max = 17;
	add_claim(&ds, 31, c, Q_COST_USD, 3000);
	add_quality(&ds, 32, c, "fid", "COCO", 10);
	report_index_build(&ix, &ds);
	report_model_build(&m, &ds, &ix);
	CHECK(m.n_bench == 1 && m.bench[0].n_pt == 3);
	if (m.n_bench == 1 && m.bench[0].n_pt == 3) {
		const struct bench_point *pt = m.bench[0].pt; /* by cost */
		CHECK_NUM(pt[0].cost, 500);
		CHECK_NUM(pt[0].cost_low, 400);
		CHECK_NUM(pt[0].cost_high, 650);
		CHECK_STR(pt[0].cost_kind, "usd");
		CHECK_NUM(pt[0].result_low, 15);
		CHECK_NUM(pt[0].result_high, 17);
		/* A stated cost is drawn in constant dollars (usd_const). */
		CHECK_NUM(pt[1].cost, 1100);
		CHECK_NUM(pt[1].cost_low, 990);
		CHECK_NUM(pt[1].cost_high, 1100);
		CHECK(pt[1].cost_kind == NULL);
		CHECK_STR(pt[1].bound_kind, "usd_const");
		CHECK(pt[2].cost_low == pt[2].cost_high);
		CHECK(pt[2].result_low == pt[2].result_high);
	}
	report_model_release(&m);
	report_index_release(&ix, ds.n_papers);
	CHECK(render(&ds, NULL, 1) == 0);
	CHECK(contains(out, "plots/cost-quality-fid-on-coco.dat",
		       "\"Estimated Paper\" 1 1 400 650 15 17\n"));
	CHECK(contains(out, "plots/cost-quality-fid-on-coco.dat",
		       "\"Exact Paper\" 0 1 3000 3000 10 10\n"));
	CHECK(contains(out, "plots/cost-quality-fid-on-coco.gp",
		       "with xerrorbars"));
	CHECK(contains(out, "site/benchmarks/fid-on-coco.html", "Bars mark"));
	CHECK(contains(out, "site/benchmarks/fid-on-coco.html",
		       "<th class=\"num\" scope=\"col\">Result high</th>"));
	CHECK(contains(out, "site/benchmarks/fid-on-coco.html",
		       "<a href=\"../methodology.html#d-usd\">$500</a>"));
	CHECK(contains(out, "site/benchmarks/fid-on-coco.html",
		       "<a href=\"../methodology.html#d-usd_const\">$990</a>"));
	dataset_release(&ds);
}

/* What changed: claims matched by content, not by row id. */
static void test_changes(void)
{
	struct report_changes ch;
	const char *a = "# effdash manifest 1\n"
			"claim\t01\taa\tPaper A \xE2\x80\x94 cost $5\n"
			"claim\t02\tbb\tPaper A \xE2\x80\x94 params 7\n"
			"chart\tratios\tcc\tratios \xE2\x80\x94 Factors\n";
	const char *b = "# effdash manifest 1\n"
			"chart\tratios\tcd\tratios \xE2\x80\x94 Factors\n"
			"claim\t02\tbb\tPaper A \xE2\x80\x94 params 7\n"
			"claim\t03\tee\tPaper B \xE2\x80\x94 cost $9\n";
	/* the manifest after, in two parts cut at a line's end */
	struct strbuf after[2] = { STRBUF_INIT, STRBUF_INIT };
	sb_add(&after[0], b, (size_t)(strstr(b, "claim\t02") - b));
	sb_adds(&after[1], strstr(b, "claim\t02"));
	report_changes_diff(&ch, a, after, 2);
	CHECK(!ch.first);
	CHECK(ch.count[CHANGE_CLAIM][CHANGE_NEW] == 1);
	CHECK(ch.count[CHANGE_CLAIM][CHANGE_REMOVED] == 1);
	CHECK(ch.count[CHANGE_CLAIM][CHANGE_CHANGED] == 0);
	CHECK(ch.count[CHANGE_CHART][CHANGE_CHANGED] == 1);
	struct strbuf sb = STRBUF_INIT;
	report_changes_write(&sb, &ch);
	struct report_changes back;
	CHECK(report_changes_read(&back, sb.buf) == 0);
	CHECK(back.len == ch.len && !back.first);
	CHECK(back.count[CHANGE_CLAIM][CHANGE_NEW] == 1);
	if (back.len == ch.len && ch.len > 0)
		CHECK_STR(back.items[0].after, ch.items[0].after);
	report_changes_release(&back);
	report_changes_release(&ch);
	report_changes_diff(&ch, NULL, after, 2);
	CHECK(ch.first && ch.len == 0 && ch.count[CHANGE_CLAIM][CHANGE_NEW] == 2);
	CHECK(ch.count[CHANGE_CHART][CHANGE_NEW] == 1);
	report_changes_release(&ch);
	/* A first report counts lines that have all four fields. */
	sb_reset(&after[0]);
	sb_adds(&after[0], "claim\t01\taa\tx\nclaim\t02\tbb\nderived\t03\tcc\ty\n"
			   "claimx\t04\tdd\tz\nclaim\t05\tee\tw");
	report_changes_diff(&ch, NULL, after, 1);
	CHECK(ch.count[CHANGE_CLAIM][CHANGE_NEW] == 2);
	CHECK(ch.count[CHANGE_DERIVED][CHANGE_NEW] == 1);
	report_changes_release(&ch);
	sb_release(&sb);
	sb_release(&after[0]);
	sb_release(&after[1]);
}

/* Manifest lines come sorted by type and id, each claim once, however
 * many claims there are and however they were stored; identical claims
 * get ids of their own. */
static void test_manifest_order(void)
{
	struct dataset ds;
	struct report_index ix;
	struct strbuf sb = STRBUF_INIT;
	size_t want = 0;
	dataset_init(&ds);
	for (long p = 0; p < 40; p++) {
		char title[32];
		snprintf(title, sizeof title, "Paper %ld", (p * 7) % 40);
		size_t at = add_paper(&ds, p + 1, title, NULL, NULL);
		for (long k = 0; k < 8; k++, want++)
			add_claim(&ds, 1000 - 8 * p - k, at, (enum quantity)(k % 4), (double)(k + p));
	}
	for (int k = 0; k < 3; k++, want++) /* the same claim three times */
		add_claim(&ds, 2000 + k, 0, Q_PARAMS, 7e9);
	report_index_build(&ix, &ds);
	report_manifest_body(&sb, &ds, &ix);
	size_t lines = 0;
	char prev[17] = "";
	int sorted = 1;
	for (const char *l = sb.buf; l && *l; lines++) {
		CHECK(!strncmp(l, "claim\t", 6));
		char id[17];
		snprintf(id, sizeof id, "%.16s", l + 6);
		sorted &= strcmp(prev, id) < 0;
		memcpy(prev, id, sizeof id);
		l = strchr(l, '\n');
		l = l ? l + 1 : NULL;
	}
	CHECK(sorted);
	CHECK(lines == want);
	report_index_release(&ix, ds.n_papers);
	sb_release(&sb);
	dataset_release(&ds);
}

/* Claims and their derived values are found by claim id, whether ids are
 * dense (a table) or sparse (binary search): every id finds its claim and
 * its derived values in the order they were made, other ids nothing. */
static void lookups_by_id(long step)
{
	struct dataset ds;
	struct report_index ix;
	dataset_init(&ds);
	size_t p = add_paper(&ds, 1, "Paper", NULL, NULL);
	enum { N = 40 };
	long ids[N];
	for (long i = 0; i < N; i++) {
		ids[i] = ((i * 17) % N + 1) * step; /* shuffled */
		add_claim(&ds, ids[i], p, Q_PARAMS, (double)i);
	}
	/* claim i gets i % 3 derived values, made in a scrambled order */
	for (long k = 0; k < 3; k++)
		for (long i = N - 1; i >= 0; i--)
			if (k < i % 3)
				add_derivation(&ds, 100 * k + i, ids[i], "kind", (double)k, "u");
	report_index_build(&ix, &ds);
	CHECK(ix.dense == (step == 1));
	for (long i = 0; i < N; i++) {
		CHECK(report_claim_index(&ix, &ds, ids[i]) == i);
		size_t first, n = report_derivations_of(&ix, &ds, ids[i], &first);
		CHECK(n == (size_t)(i % 3));
		for (size_t j = 0; j < n; j++) {
			const struct derivation *d = &ds.derivations[ix.deriv_order[first + j]];
			CHECK(d->claim_id == ids[i] && d->value == (double)j);
		}
	}
	/* below, between (when sparse) and above the ids */
	const long missing[] = { -1, -step, 0, step == 1 ? 0 : 1, step == 1 ? 0 : step + 1,
				 (N + 1) * step, 3 * N * step };
	for (size_t k = 0; k < sizeof missing / sizeof *missing; k++) {
		size_t first;
		CHECK(report_claim_index(&ix, &ds, missing[k]) == -1);
		CHECK(report_derivations_of(&ix, &ds, missing[k], &first) == 0);
	}
	report_index_release(&ix, ds.n_papers);
	dataset_release(&ds);
}

static void test_lookup_by_id(void)
{
	lookups_by_id(1);          /* ids 1..40 */
	lookups_by_id(100000007);  /* far apart */
}

static int check_out(const struct dataset *ds)
{
	struct report_options opt = { out, NULL, 1, NULL, 1, NULL };
	FILE *keep = stdout;
	stdout = fopen("/dev/null", "w");
	int rc = report_write(ds, &opt);
	fclose(stdout);
	stdout = keep;
	return rc;
}

/* --check: 0 when up to date, 1 when a report would change OUT, and OUT
 * is never touched; a second report of the same data is the same. */
static void test_check(void)
{
	struct dataset ds;
	build(&ds);
	CHECK(render(&ds, NULL, 1) == 0);
	char *index = slurp(out, "site/index.html");
	CHECK(render(&ds, NULL, 1) == 0);
	char *again = slurp(out, "site/index.html");
	CHECK(index && again && !strcmp(index, again));
	CHECK(check_out(&ds) == 0);
	add_claim(&ds, 99, 0, Q_PARAMS, 6e8);
	CHECK(check_out(&ds) == 1);
	char *after = slurp(out, "site/index.html");
	CHECK(after && index && !strcmp(index, after));
	CHECK(contains(out, "site/data/manifest.tsv", "claim\t"));
	CHECK(render(&ds, NULL, 1) == 0);
	CHECK(contains(out, "site/index.html", "New claims (1)"));
	CHECK(contains(out, "site/data/changes.tsv", "new\tclaim\t"));
	CHECK(check_out(&ds) == 0);
	free(index);
	free(again);
	free(after);
	dataset_release(&ds);
}

/* Figures from 1,000 to 999,999 are written with separators, rounded as
 * "%.0f" rounds: ties to even, from the exact binary value. */
static void test_human_number(void)
{
	const double fixed[] = { 1000, 1000.5, 1001.5, 2500.5, 999999.4, 999999.5,
				 12345.4999999, 3215, 1e6 - 0.25 };
	unsigned seed = 7;
	struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
	for (int i = 0; i < 200000; i++) {
		double v;
		if (i < (int)(sizeof fixed / sizeof *fixed)) {
			v = fixed[i];
		} else {
			seed = seed * 1103515245u + 12345u;
			v = 1000 + (double)(seed >> 4) / 268435456.0 * 998999;
			if (i % 3 == 0)
				v = floor(v) + 0.5;
		}
		if (v >= 999999.5)
			continue; /* rounds to a million: written in words */
		char digits[32];
		snprintf(digits, sizeof digits, "%.0f", v);
		size_t n = strlen(digits);
		sb_reset(&want);
		for (size_t k = 0; k < n; k++) {
			if (k > 0 && (n - k) % 3 == 0)
				sb_addc(&want, ',');
			sb_addc(&want, digits[k]);
		}
		sb_reset(&got);
		report_human_number(&got, v);
		if (strcmp(sb_str(&got), sb_str(&want))) {
			CHECK_STR(sb_str(&got), sb_str(&want));
			break;
		}
	}
	sb_reset(&got);
	report_human_number(&got, 2500.5);
	CHECK_STR(sb_str(&got), "2,500");
	sb_release(&got);
	sb_release(&want);
}

static void test_bad_out_dir(void)
{
	struct dataset ds;
	char *path = xstrdup(join(tmp, "missing/deeper"));
	dataset_init(&ds);
	struct report_options opt = { path, NULL, 1, NULL, 0, NULL };
	diag_quiet = 1;
	CHECK(report_write(&ds, &opt) == -1);
	free(path);
	path = xstrdup(join(tmp, "out/csv/claims.csv"));
	opt.out_dir = path;
	CHECK(report_write(&ds, &opt) == -1);
	diag_quiet = 0;
	free(path);
}

static void remove_all(const char *dir, const char *name)
{
	char *path = xstrdup(join(dir, name));
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		each_file(path, ".", remove_all);
		rmdir(path);
	} else {
		unlink(path);
	}
	free(path);
}

int main(void)
{
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(out, sizeof out, "%s/out", tmp);
	RUN(test_layout);
	RUN(test_html_safe);
	RUN(test_csv_safe);
	RUN(test_scripts_clean);
	RUN(test_render_safe);
	RUN(test_deterministic);
	RUN(test_reuse);
	RUN(test_atomic);
	RUN(test_no_gnuplot);
	RUN(test_empty);
	RUN(test_frontier);
	RUN(test_error_bars);
	RUN(test_changes);
	RUN(test_manifest_order);
	RUN(test_lookup_by_id);
	RUN(test_check);
	RUN(test_bad_out_dir);
	RUN(test_human_number);
	if (!unit_tests_failed) {
		remove_all(tmp, "out");
		rmdir(tmp);
	} else {
		printf("output kept in %s\n", out);
	}
	return UNIT_EXIT();
}

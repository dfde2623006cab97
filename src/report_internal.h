/* report_internal.h - what the report writers share.  Private to src/;
 * report.h stays the only public entry.
 *
 * report.c orchestrates (staging folder, gnuplot, moving into place) and
 * owns the neutral helpers below: indexes, wording of values, files.
 * report_csv.c writes csv/, report_plot.c writes plots/ and is the only
 * file that knows gnuplot syntax, report_html.c writes site/ and is the
 * only file that knows markup, with report_methodology.c for the body of
 * the methodology page.  They meet through struct chart, which
 * describes a chart in plain text. */
#ifndef EFFDASH_REPORT_INTERNAL_H
#define EFFDASH_REPORT_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "dataset.h"
#include "perf.h"
#include "util.h"

/* Lookup tables built once per report. */
/* A claim id and the index of its claim (or derived value). */
struct id_key {
	long id;
	size_t index;
};

struct report_index {
	size_t *by_paper;    /* claim indices grouped by paper, dataset order */
	size_t *paper_start; /* claims of paper p: by_paper[start[p]..start[p+1]) */
	size_t *deriv_order; /* derivation indices sorted by claim id (stable) */
	/* Claim ids are dense (up to max_id, a small multiple of the claims)
	 * or not.  When dense, claim_at[k] is claim id k's index plus one (0
	 * when there is none), and deriv_at[k] is where its derivations start
	 * in deriv_order (deriv_at[k + 1] where they end).  When not, by_id
	 * holds the claims' ids and indices sorted by id, and both lookups
	 * are binary searches. */
	int dense;
	long max_id;
	size_t *claim_at;
	size_t *deriv_at;
	struct id_key *by_id;
	char **slugs;        /* per paper: file stem of its page */
};

void report_index_build(struct report_index *ix, const struct dataset *ds);
void report_index_release(struct report_index *ix, size_t n_papers);
/* The index in ds->claims of the claim with this id, or -1. */
long report_claim_index(const struct report_index *ix, const struct dataset *ds,
			long claim_id);
/* Derivations of claim id: *first is an index into ix->deriv_order. */
size_t report_derivations_of(const struct report_index *ix,
			     const struct dataset *ds, long claim_id,
			     size_t *first);

/* A chart as the pages see it, in plain text, with its figures as a table
 * (the text alternative).  All strings owned. */
enum chart_kind { CHART_BENCH, CHART_SCALE, CHART_RATIOS, CHART_NODATA,
		  CHART_PERF };

struct chart {
	enum chart_kind kind;
	size_t bench;   /* CHART_BENCH: index into report_model.bench */
	char *name;     /* file stem: NAME.gp, NAME.dat, NAME.svg, NAME.png */
	char *title;
	char *caption;
	char *alt;
	int rendered;   /* NAME.svg and NAME.png were produced */
	size_t n_cols;
	char **cols;
	unsigned numeric; /* bit i: column i holds numbers */
	/* CHART_BENCH: row r shows point r of the benchmark; bit i of
	 * cost_cols: column i is that point's cost (linked to cost_kind),
	 * of bound_cols: one of its cost bounds (linked to bound_kind). */
	unsigned cost_cols, bound_cols;
	size_t n_rows;
	char **cells;   /* n_rows * n_cols, row major */
	long *row_paper; /* paper index per row, -1 when none */
};

struct chart_list {
	struct chart *items;
	size_t len;
};

/* Append a chart with its header (n_cols names); returns it. */
struct chart *chart_add(struct chart_list *l, const char *name,
			const char *title, size_t n_cols,
			const char *const *cols, unsigned numeric);
/* Append a row; cells are copied. */
void chart_add_row(struct chart *c, long paper, const char *const *cells);
void chart_list_release(struct chart_list *l);

/* ---- Benchmarks: cost against quality ---------------------------------- */

/* The cost axis of a benchmark: dollars (stated, or estimated from compute
 * at reference prices), else reference-accelerator hours. */
enum cost_axis { AXIS_USD, AXIS_REF_HOURS };

/* One paper's result on a benchmark with its training cost, each with
 * the uncertainty the data carries: low == high when exact. */
struct bench_point {
	size_t paper;
	size_t claim;     /* the quality claim */
	double cost;      /* on the benchmark's axis */
	double cost_low, cost_high; /* bounds of cost, same axis */
	const char *cost_kind; /* derivation the cost comes from ("usd",
				  "ref_hours"), NULL when stated */
	const char *bound_kind; /* derivation the bounds come from (also
				   "usd_const" for a stated cost), or NULL
				   when they are the claim's own range */
	double result_low, result_high; /* the result's stated range */
	int estimated;    /* USD estimated from compute, not stated */
	int frontier;     /* on the Pareto frontier */
};

/* A benchmark: one metric on one dataset. */
struct bench {
	char *key;        /* "metric|dataset", folded */
	char *slug;       /* file stem, unique */
	char *title;      /* "FID on COCO" */
	char *metric;     /* "FID" as displayed */
	const char *unit; /* the first result's unit, may be NULL */
	size_t claim;     /* first result: its spelling */
	int lower_better;
	enum cost_axis axis;
	struct bench_point *pt; /* with a cost on the axis, by cost */
	size_t n_pt;
	size_t *no_cost;  /* results (claims) of papers without such a cost */
	size_t n_no_cost;
	char *chart;      /* chart name when it has one, else NULL */
};

/* What several writers compute from the dataset, built once. */
struct report_model {
	struct bench *bench; /* most points first, then by key */
	size_t n_bench;
	char *ref_name;      /* reference accelerator: "A100" */
	char *hours_unit;    /* "A100-hours" */
};

void report_model_build(struct report_model *m, const struct dataset *ds,
			const struct report_index *ix);
void report_model_release(struct report_model *m);
/* The derivation of kind for claim id with a positive value, or NULL. */
const struct derivation *report_derivation(const struct report_index *ix,
					   const struct dataset *ds,
					   long claim_id, const char *kind);
/* The value of derivation kind for claim id, or 0 when none. */
int report_derived(const struct report_index *ix, const struct dataset *ds,
		   long claim_id, const char *kind, double *value);
/* Index of the first claim of paper p that counts, is the paper's own,
 * has quantity q and a positive value; or -1. */
long report_own_claim(const struct dataset *ds, const struct report_index *ix,
		      size_t p, enum quantity q);

/* ---- Performance: the results of make bench --------------------------- */

/* The performance page's charts, by name (each a CHART_PERF chart, or the
 * "no data" chart standing in for it). */
#define PERF_CHART_TIME "perf-time"
#define PERF_CHART_THROUGHPUT "perf-throughput"
#define PERF_CHART_MEMORY "perf-memory"

/* A stage's name for people ("Listing ingest"); an unknown stage's own. */
const char *report_perf_stage_label(const char *stage);
/* What a stage measures, one or two sentences; NULL when unknown. */
const char *report_perf_stage_about(const char *stage);
/* The stages of r in the order shown: those of tools/bench.sh in its
 * order, then the others as they first appear.  *out (freed by the
 * caller) points into r. */
size_t report_perf_stages(const struct perf_results *r, const char ***out);
/* A measured number: three significant digits below 100, whole above. */
void report_perf_number(struct strbuf *out, double v);
/* A row's ratio in words ("6.8× grep's time", "2.4% of a full ingest's
 * time"); nothing when the row has none. */
void report_perf_ratio(struct strbuf *out, const struct perf_row *row);

/* ---- Changes since the previous report -------------------------------- */

enum change_kind { CHANGE_NEW, CHANGE_REMOVED, CHANGE_CHANGED };
enum change_what { CHANGE_CLAIM, CHANGE_DERIVED, CHANGE_CHART };

struct change {
	enum change_kind kind;
	enum change_what what;
	char *before;     /* summary in the previous report, or NULL */
	char *after;      /* summary now, or NULL */
};

struct report_changes {
	int first;        /* no previous report to compare with */
	struct change *items; /* by what, kind, then summary */
	size_t len;
	size_t count[3][3]; /* [what][kind] */
};

/* The manifest of a report: one line per claim, derived value and chart,
 * each with a content key and a hash, never a time.  Written to
 * site/data/manifest.tsv; the site's "what changed" compares it with the
 * previous report's.  It is made in two parts, written one after the
 * other: the body, the lines of claims and derived values (the bulk,
 * which needs no chart, so it can be made while charts are), and the
 * head, the header line and the charts' lines, which sort first. */
void report_manifest_body(struct strbuf *out, const struct dataset *ds,
			  const struct report_index *ix);
void report_manifest_head(struct strbuf *out, const struct chart_list *charts,
			  const char *plots_dir);
/* Changes from the manifest text before (NULL: no previous report) to
 * the manifest made of the parts after[0..n_after). */
void report_changes_diff(struct report_changes *ch, const char *before,
			 const struct strbuf *after, size_t n_after);
/* The changes as a TSV file (site/data/changes.tsv) and back. */
void report_changes_write(struct strbuf *out, const struct report_changes *ch);
int report_changes_read(struct report_changes *ch, const char *text);
void report_changes_release(struct report_changes *ch);
/* Print the changes for a person, one line each, at most limit per kind
 * (0: all). */
void report_changes_print(FILE *f, const struct report_changes *ch,
			  size_t limit);

/* ---- Wording ---------------------------------------------------------- */

/* Claims that count: active and not rejected by curation. */
int claim_counts(const struct stored_claim *sc);
/* Is a lower value better for this metric (fid, perplexity, error...)? */
int metric_lower_is_better(const char *metric);
/* A short name for labels: the part before ':' or the first words. */
void report_short_name(struct strbuf *out, const char *title);
/* 1,890 / 12.7 / 6.5 million / 1.4 trillion. */
void report_human_number(struct strbuf *out, double v);
/* A claim's value with qualifier, range and unit: "up to $1,890". */
void report_claim_value(struct strbuf *out, const struct claim *c);
/* Plain number for data files ("%.17g" shortest). */
void report_plain_number(struct strbuf *out, double v);
/* A cost on an axis: "$1,890" or "1,200 A100-hours". */
void report_cost_text(struct strbuf *out, const struct report_model *m,
		      enum cost_axis axis, double v);
/* Short name of a claim kind: "cost", "compute", "parameters", ... */
const char *report_kind_label(enum quantity q);
/* FNV-1a 64 of n bytes, continuing from h (start with REPORT_FNV_INIT). */
#define REPORT_FNV_INIT 0xcbf29ce484222325ULL
unsigned long long report_fnv(unsigned long long h, const void *data,
			      size_t n);

/* Write sb to DIR/NAME; 0 or -1 after printing the reason.  When DIR is
 * in the staging folder and the previous report holds the same file with
 * the same bytes, that file is hard-linked instead (see report.c). */
int report_save(const char *dir, const char *name, const struct strbuf *sb);
/* The same for a file made of parts[0..n_parts), one after the other. */
int report_save_parts(const char *dir, const char *name, const struct strbuf *parts,
		      size_t n_parts);
/* Hard-link the previous report's dir/name into place without comparing
 * it (the caller knows it is what would be written); 0, or -1 when there
 * is none or it cannot be linked. */
int report_link_previous(const char *dir, const char *name);
/* Read the previous report's dir/name whole; 0, or -1 when absent. */
int report_read_previous(const char *dir, const char *name, char **text, size_t *len);
/* A hash of the source code effdash was built from (gen/codehash.c). */
extern const char effdash_code_hash[];
/* Digests of what a file shows, to tell whether the previous report's
 * copy can be kept unrendered: h is 0 or an earlier digest (texts go
 * through hash_text). */
unsigned long long report_digest_long(unsigned long long h, long v);
/* Numbers are hashed together, as one block of bytes. */
unsigned long long report_digest_numbers(unsigned long long h, const long long *v, size_t n);
unsigned long long report_digest_paper(unsigned long long h, const struct paper *p);
unsigned long long report_digest_double(unsigned long long h, double v);
unsigned long long report_digest_claim(unsigned long long h, const struct claim *c);
unsigned long long report_digest_derivation(unsigned long long h, const struct derivation *d);
/* Of everything in ds and of the program's source. */
unsigned long long report_dataset_digest(const struct dataset *ds);
/* A file too large to build in memory first, written as it is built:
 * add to buf, call report_stream_fill after each row (it writes out
 * whole pieces), then report_stream_close, which returns 0 or -1 after
 * printing the reason.  Like report_save, a file whose bytes equal the
 * previous report's ends up linked to it. */
struct report_stream {
	struct strbuf buf;  /* what is not written yet */
	struct strbuf path;
	FILE *f;
	int prev_fd;        /* the previous version while it still agrees */
	int error;          /* errno of the first failure, or 0 */
};

void report_stream_open(struct report_stream *s, const char *dir,
			const char *name);
void report_stream_fill(struct report_stream *s);
int report_stream_close(struct report_stream *s);

/* Copy the file FROM to TO; 0 or -1 after printing the reason. */
int report_copy(const char *from, const char *to);

/* At most this many rows of a table on one page: a page stays near 1 MB. */
#define REPORT_PAGE_ROWS 2000

/* csv/: claims, papers, derivations, cost-quality tables; and the JSON
 * Lines export into site/downloads. */
int report_csv_write(const struct dataset *ds, const struct report_index *ix,
		     const struct report_model *m, const char *dir);
int report_jsonl_write(const struct dataset *ds, const struct report_index *ix,
		       const char *dir);
int report_plot_write(const struct dataset *ds, const struct report_index *ix,
		      struct report_model *m, const char *dir,
		      struct chart_list *charts);
/* The performance charts of perf into dir, appended to charts. */
int report_plot_perf(const struct perf_results *perf, const char *dir,
		     struct chart_list *charts);

/* What the site shows besides the dataset. */
struct site_input {
	const struct chart_list *charts;
	const struct report_model *model;
	const struct report_changes *changes;
	const unsigned char *marked; /* from report_papers_marked */
	int has_db;
	const struct perf_results *perf; /* performance page, or NULL */
};

/* The paper pages (DIR/SLUG.html), written by threads from
 * report_papers_start on, while the caller builds the rest of the
 * report; they need only the dataset and its index, which must stay
 * unchanged until report_papers_finish.  That waits for the threads
 * (stopping them early when cancel is set), frees the job and returns 0,
 * or -1 when a page could not be written (the reason printed).  With
 * perf set, their navigation links to the performance page. */
struct paper_pages;
struct paper_pages *report_papers_start(const struct dataset *ds,
					const struct report_index *ix,
					const struct perf_results *perf,
					const char *dir);
/* Per claim: its span is highlighted in its paper's abstract. */
const unsigned char *report_papers_marked(const struct paper_pages *pp);
int report_papers_finish(struct paper_pages *pp, int cancel);

/* The body of the methodology page (report_methodology.c): assumptions
 * in effect, formulas under anchors "d-KIND", uncertainty rules, checks,
 * figures not normalised and the reference tables, as HTML. */
/* The opening of a scrolling table with its header row (bit i of numeric:
 * column i holds numbers), and its end; shared by the HTML writers. */
void report_table_head(struct strbuf *out, const char *const *cols, size_t n,
		       unsigned numeric);
void report_table_end(struct strbuf *out);

void report_methodology(struct strbuf *out, const struct dataset *ds,
			const struct report_index *ix);
/* The site's pages but the overview, the paper pages and the long
 * lists (in->changes is not read)... */
int report_html_write(const struct dataset *ds, const struct report_index *ix,
		      const struct site_input *in, const char *dir);
/* ...the overview, which shows what changed... */
int report_html_write_index(const struct dataset *ds, const struct report_index *ix,
			    const struct site_input *in, const char *dir);
/* ...which are these: the claims explorer and the papers list, which
 * need neither the charts nor the changes (in->charts and in->changes
 * are not read), so they are written while those are made. */
int report_html_write_lists(const struct dataset *ds, const struct report_index *ix,
			    const struct site_input *in, const char *dir);

#endif

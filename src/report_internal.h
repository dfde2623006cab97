/* report_internal.h - what the report writers share.  Private to src/;
 * report.h stays the only public entry.
 *
 * report.c orchestrates (staging folder, gnuplot, moving into place) and
 * owns the neutral helpers below: indexes, wording of values, files.
 * report_csv.c writes csv/, report_plot.c writes plots/ and is the only
 * file that knows gnuplot syntax, report_html.c writes site/ and is the
 * only file that knows markup.  They meet through struct chart, which
 * describes a chart in plain text. */
#ifndef EFFDASH_REPORT_INTERNAL_H
#define EFFDASH_REPORT_INTERNAL_H

#include <stddef.h>

#include "dataset.h"
#include "util.h"

/* Lookup tables built once per report. */
struct report_index {
	size_t *by_paper;    /* claim indices grouped by paper, dataset order */
	size_t *paper_start; /* claims of paper p: by_paper[start[p]..start[p+1]) */
	size_t *deriv_order; /* derivation indices sorted by claim id (stable) */
	char **slugs;        /* per paper: file stem of its page */
};

void report_index_build(struct report_index *ix, const struct dataset *ds);
void report_index_release(struct report_index *ix, size_t n_papers);
/* Derivations of claim id: *first is an index into ix->deriv_order. */
size_t report_derivations_of(const struct report_index *ix,
			     const struct dataset *ds, long claim_id,
			     size_t *first);

/* A chart as the pages see it, in plain text, with its figures as a table
 * (the text alternative).  All strings owned. */
struct chart {
	char *name;     /* file stem: NAME.gp, NAME.dat, NAME.svg */
	char *title;
	char *caption;
	char *alt;
	int rendered;   /* NAME.svg was produced */
	size_t n_cols;
	char **cols;
	unsigned numeric; /* bit i: column i holds numbers */
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

/* Write sb to DIR/NAME; 0 or -1 after printing the reason. */
int report_save(const char *dir, const char *name, const struct strbuf *sb);
/* Copy the file FROM to TO; 0 or -1 after printing the reason. */
int report_copy(const char *from, const char *to);

int report_csv_write(const struct dataset *ds, const struct report_index *ix,
		     const char *dir);
int report_plot_write(const struct dataset *ds, const struct report_index *ix,
		      const char *dir, struct chart_list *charts);
int report_html_write(const struct dataset *ds, const struct report_index *ix,
		      const struct chart_list *charts, const char *dir,
		      int has_db);

#endif

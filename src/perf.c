/* perf.c - the results CSV of `make bench`, read for the performance page.
 *
 * The file is written by tools/bench.sh, but it is read like any other
 * input: strictly (csvread.c, so every error names file:line:col) and all
 * or nothing, since a page built from half a file would mislead.  Columns
 * are found by name, so a newer bench may add columns (ignored with a
 * warning) and an older one may lack the optional ones; stages are kept
 * as written, known or not, and only the page decides how to word them. */
#include "perf.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "diag.h"
#include "util.h"

enum perf_col {
	PC_STAGE, PC_PAPERS, PC_BYTES, PC_SECONDS, PC_MB_PER_S,
	PC_ITEMS_PER_S, PC_PEAK_RSS_KB, PC_RATIO, PC_RATIO_TO, PC__COUNT
};

static const struct {
	const char *name;
	int required;
	int whole; /* a count: no fraction */
} columns[PC__COUNT] = {
	[PC_STAGE] = { "stage", 1, 0 },
	[PC_PAPERS] = { "papers", 1, 1 },
	[PC_BYTES] = { "bytes", 0, 1 },
	[PC_SECONDS] = { "seconds", 1, 0 },
	[PC_MB_PER_S] = { "mb_per_s", 0, 0 },
	[PC_ITEMS_PER_S] = { "items_per_s", 0, 0 },
	[PC_PEAK_RSS_KB] = { "peak_rss_kb", 0, 1 },
	[PC_RATIO] = { "ratio", 0, 0 },
	[PC_RATIO_TO] = { "ratio_to", 0, 0 },
};

struct perf_reader {
	const char *path;
	struct csv_reader csv;
	int column_of[PC__COUNT]; /* -1: absent */
	size_t n_fields;
};

static int find_column(const char *name)
{
	for (int i = 0; i < PC__COUNT; i++)
		if (!strcmp(columns[i].name, name))
			return i;
	return -1;
}

static int read_header(struct perf_reader *pr)
{
	struct csv_record rec;
	int rc = csv_read(&pr->csv, &rec);
	if (rc <= 0) {
		if (rc == 0)
			err_at(pr->path, 1, 1, "empty file: no header row");
		return -1;
	}
	for (int i = 0; i < PC__COUNT; i++)
		pr->column_of[i] = -1;
	pr->n_fields = rec.n;
	for (size_t i = 0; i < rec.n; i++) {
		int c = find_column(rec.field[i]);
		if (c < 0) {
			warn_at(pr->path, rec.line[i], rec.col[i],
				"unknown column '%s' ignored", rec.field[i]);
			continue;
		}
		if (pr->column_of[c] >= 0) {
			err_at(pr->path, rec.line[i], rec.col[i],
			       "column '%s' given twice", rec.field[i]);
			return -1;
		}
		pr->column_of[c] = (int)i;
	}
	for (int i = 0; i < PC__COUNT; i++)
		if (columns[i].required && pr->column_of[i] < 0) {
			err_at(pr->path, rec.first_line, 1,
			       "missing column '%s'", columns[i].name);
			return -1;
		}
	return 0;
}

/* A plain decimal: digits, an optional fraction and exponent, no sign
 * (nothing measured is negative), no "inf" or "nan", no hex. */
static int plain_decimal(const char *s)
{
	size_t whole = strspn(s, "0123456789"), i = whole, frac = 0;
	if (s[i] == '.') {
		frac = strspn(s + i + 1, "0123456789");
		i += 1 + frac;
	}
	if (whole + frac == 0)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		if (s[i] == '+' || s[i] == '-')
			i++;
		size_t exp = strspn(s + i, "0123456789");
		if (!exp)
			return 0;
		i += exp;
	}
	return s[i] == '\0';
}

/* Field c of rec as a number, NAN when empty and optional. */
static int field_number(const struct perf_reader *pr,
			const struct csv_record *rec, int c, double *out)
{
	int i = pr->column_of[c];
	*out = NAN;
	if (i < 0)
		return 0;
	const char *s = rec->field[i];
	if (!*s && !columns[c].required)
		return 0;
	if (!*s) {
		err_at(pr->path, rec->line[i], rec->col[i], "%s: missing value",
		       columns[c].name);
		return -1;
	}
	errno = 0;
	double v = plain_decimal(s) ? strtod(s, NULL) : NAN;
	if (!isfinite(v) || errno == ERANGE) {
		err_at(pr->path, rec->line[i], rec->col[i],
		       "%s: '%s' is not a non-negative number", columns[c].name, s);
		return -1;
	}
	if (columns[c].whole && v != floor(v)) {
		err_at(pr->path, rec->line[i], rec->col[i],
		       "%s: '%s' is not a whole number", columns[c].name, s);
		return -1;
	}
	*out = v;
	return 0;
}

/* Field c of rec as text, NULL when absent or empty. */
static char *field_text(const struct perf_reader *pr,
			const struct csv_record *rec, int c)
{
	int i = pr->column_of[c];
	return i >= 0 && *rec->field[i] ? xstrdup(rec->field[i]) : NULL;
}

static int read_row(const struct perf_reader *pr, const struct csv_record *rec,
		    struct perf_row *row)
{
	static const int numbers[] = { PC_PAPERS, PC_BYTES, PC_SECONDS,
				       PC_MB_PER_S, PC_ITEMS_PER_S,
				       PC_PEAK_RSS_KB, PC_RATIO };
	double *slot[] = { &row->papers, &row->bytes, &row->seconds,
			   &row->mb_per_s, &row->items_per_s,
			   &row->peak_rss_kb, &row->ratio };
	memset(row, 0, sizeof *row);
	if (rec->n != pr->n_fields) {
		err_at(pr->path, rec->first_line, 1,
		       "row has %zu fields, header has %zu", rec->n,
		       pr->n_fields);
		return -1;
	}
	int s = pr->column_of[PC_STAGE];
	if (!*rec->field[s]) {
		err_at(pr->path, rec->line[s], rec->col[s], "stage: missing value");
		return -1;
	}
	for (size_t k = 0; k < sizeof numbers / sizeof *numbers; k++)
		if (field_number(pr, rec, numbers[k], slot[k]) < 0)
			return -1;
	row->stage = field_text(pr, rec, PC_STAGE);
	row->ratio_to = field_text(pr, rec, PC_RATIO_TO);
	return 0;
}

static void add_row(struct perf_results *r, const struct perf_row *row)
{
	if ((r->n & (r->n - 1)) == 0) /* grow at powers of two */
		r->rows = xrealloc(r->rows, (r->n ? 2 * r->n : 1) * sizeof *r->rows);
	r->rows[r->n++] = *row;
}

int perf_results_load(struct perf_results *r, const char *path)
{
	struct perf_reader pr = { .path = path };
	struct csv_record rec;
	struct perf_row row;
	int rc;
	memset(r, 0, sizeof *r);
	FILE *f = fopen(path, "rb");
	if (!f) {
		err("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	csv_reader_init(&pr.csv, f, path);
	rc = read_header(&pr);
	while (rc == 0 && (rc = csv_read(&pr.csv, &rec)) > 0) {
		rc = read_row(&pr, &rec, &row);
		if (rc == 0)
			add_row(r, &row);
	}
	if (rc == 0 && ferror(f)) {
		err("%s: cannot read: %s", path, strerror(errno));
		rc = -1;
	}
	csv_reader_release(&pr.csv);
	fclose(f);
	if (rc < 0) {
		perf_results_release(r);
		return -1;
	}
	return 0;
}

void perf_results_release(struct perf_results *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].stage);
		free(r->rows[i].ratio_to);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

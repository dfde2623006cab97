/* perf.h - the speed measurements of `make bench` (tools/bench.sh), read
 * back from its results CSV for the site's performance page. */
#ifndef EFFDASH_PERF_H
#define EFFDASH_PERF_H

#include <stddef.h>

/* One measured stage at one size.  A number the file leaves empty is NAN. */
struct perf_row {
	char *stage;        /* "ingest-listing", "reingest", ... as written */
	double papers;      /* papers in the input (grow1pct: appended) */
	double bytes;       /* size of the input */
	double seconds;     /* wall-clock time */
	double mb_per_s;    /* input megabytes (10^6) per second */
	double items_per_s; /* papers (curated: rows) per second */
	double peak_rss_kb; /* peak resident memory, kilobytes */
	double ratio;       /* see ratio_to */
	char *ratio_to;     /* what ratio compares with ("grep", "ingest",
			       "sqlite3-import", "report"), NULL when empty */
};

struct perf_results {
	struct perf_row *rows; /* in the file's order */
	size_t n;
};

/* Read the results CSV at path.  The header must name the columns stage,
 * papers and seconds; bytes, mb_per_s, items_per_s, peak_rss_kb, ratio
 * and ratio_to may be left out, and other columns are ignored with a
 * warning.  Numbers are plain non-negative decimals or empty.  Returns 0,
 * or -1 after printing "path:line:col: what is wrong" (nothing kept).
 * The caller releases r with perf_results_release. */
int perf_results_load(struct perf_results *r, const char *path);
void perf_results_release(struct perf_results *r);

#endif

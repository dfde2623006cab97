/* report.h - write CSV exports, gnuplot charts and the static site. */
#ifndef EFFDASH_REPORT_H
#define EFFDASH_REPORT_H

#include "dataset.h"
#include "perf.h"

struct report_options {
	const char *out_dir;   /* e.g. "output" */
	const char *gnuplot;   /* program to run; NULL = "gnuplot" from PATH */
	int no_render;         /* write .gp and data but do not run gnuplot */
	const char *db_path;   /* copied into the downloads, may be NULL */
	int check;             /* compare with OUT, change nothing */
	/* make bench's results for site/performance.html (linked from every
	 * page's navigation), or NULL for no such page. */
	const struct perf_results *perf;
};

/* Write OUT/csv, OUT/plots and OUT/site from ds.  Everything is written
 * into a temporary folder inside OUT first and moved into place at the end,
 * so a failure leaves the previous report untouched.  Returns 0, or -1
 * after printing the reason.
 *
 * With opt->check, the report is built in a temporary folder outside OUT
 * and compared with OUT file by file; the claims, derived values and
 * charts that would change and the files that differ are printed on
 * standard output, and nothing in OUT is touched.  Returns 0 when OUT is
 * up to date, 1 when regenerating would change it, -1 on error. */
int report_write(const struct dataset *ds, const struct report_options *opt);

/* report_write() in two steps, so the report's first work (its folders,
 * the copy of the database) runs while the caller loads the dataset:
 * report_start() returns NULL after printing the reason; report_finish()
 * returns as report_write() does; report_cancel() drops a started report
 * (a failed load), leaving OUT as it was.  One report at a time. */
struct report_job;
struct report_job *report_start(const struct report_options *opt);
int report_finish(struct report_job *job, const struct dataset *ds);
void report_cancel(struct report_job *job);

#endif

/* cmd_report.c - effdash report: load the database, derive values under
 * the chosen assumptions, write the report. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "dataset.h"
#include "diag.h"
#include "normalize.h"
#include "report.h"
#include "store.h"

static const char report_usage[] =
	"usage: effdash [--db FILE] report [--out DIR] [--check] [--no-render]\n"
	"                                  [--assume NAME=VALUE] [--price HW=USD]\n"
	"                                  [--perf-results FILE]\n"
	"\n"
	"Write OUT/csv (CSV exports), OUT/plots (gnuplot scripts, data and\n"
	"SVG charts) and OUT/site (static HTML).  Everything is written to a\n"
	"temporary folder first; a failure leaves the previous report as it\n"
	"was.\n"
	"\n"
	"  --out DIR          output folder (default output)\n"
	"  --check            change nothing; exit 0 when OUT is up to date, 1 when\n"
	"                     regenerating would change it, printing what would\n"
	"                     change (claims, derived values, charts, files)\n"
	"  --no-render        write gnuplot scripts and data, do not run gnuplot\n"
	"  --gnuplot PROG     gnuplot program to run (default gnuplot)\n"
	"  --assume N=V       override a default assumption (e.g. utilization=0.35)\n"
	"  --price HW=USD     override an accelerator's price per device-hour\n"
	"                     (in reference-year dollars)\n"
	"  --dollar-year Y    restate dollars in constant dollars of year Y\n"
	"  --config FILE      overrides from FILE, one a line: 'assume N=V',\n"
	"                     'price HW=USD' or 'dollar-year Y'; the command line\n"
	"                     wins over the file\n"
	"  --perf-results FILE\n"
	"                     add site/performance.html, linked from every page,\n"
	"                     charting the speed measurements in FILE (the results\n"
	"                     CSV of make bench, build/bench/results.csv)\n";

int cmd_report(int argc, char **argv, const struct global_opts *g)
{
	static const struct option opts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "no-render", no_argument, NULL, 'n' },
		{ "check", no_argument, NULL, 'c' },
		{ "gnuplot", required_argument, NULL, 'g' },
		{ "assume", required_argument, NULL, 'a' },
		{ "price", required_argument, NULL, 'p' },
		{ "dollar-year", required_argument, NULL, 'y' },
		{ "config", required_argument, NULL, 'f' },
		{ "perf-results", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_options ro = { "output", NULL, 0, g->db, 0, NULL };
	struct perf_results perf = { NULL, 0 };
	const char *perf_path = NULL;
	struct override ov[OVERRIDES_MAX];
	size_t n_ov = 0;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			ro.out_dir = optarg;
			break;
		case 'n':
			ro.no_render = 1;
			break;
		case 'c':
			ro.check = 1;
			break;
		case 'g':
			ro.gnuplot = optarg;
			break;
		case 'r':
			perf_path = optarg;
			break;
		case 'a':
		case 'p':
		case 'y':
		case 'f':
			if (n_ov == OVERRIDES_MAX) {
				err("report: too many overrides");
				return EXIT_USAGE;
			}
			ov[n_ov].kind = (char)c;
			ov[n_ov++].arg = optarg;
			break;
		case 'h':
			fputs(report_usage, stdout);
			return EXIT_OK;
		default:
			fputs(report_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		fputs(report_usage, stderr);
		return EXIT_USAGE;
	}
	/* The results first: a bad file is refused before any work. */
	if (perf_path) {
		if (perf_results_load(&perf, perf_path) < 0)
			return EXIT_FAIL;
		ro.perf = &perf;
	}
	struct dataset ds;
	dataset_init(&ds);
	/* The report starts first, so the database's copy into the
	 * downloads runs while the database is loaded; when it cannot be
	 * read, the load says why, and the report starts after it. */
	struct report_job *job = NULL;
	int rc = 0;
	if (access(g->db, R_OK) == 0 && !(job = report_start(&ro)))
		rc = -1;
	if (!rc)
		rc = store_load_report(g->db, &ds);
	if (!rc)
		rc = normalize_apply(&ds, ov, n_ov);
	if (!rc && !job && !(job = report_start(&ro)))
		rc = -1;
	if (!rc) {
		normalize_derive(&ds);
		rc = report_finish(job, &ds);
		job = NULL;
	}
	report_cancel(job);
	if (!rc && !g->quiet && !ro.check)
		fprintf(stderr, "effdash: report written to %s/ (%zu papers, %zu claims)\n",
			ro.out_dir, ds.n_papers, ds.n_claims);
	if (!rc && !g->quiet && !ro.check && n_ov) {
		struct strbuf used = STRBUF_INIT;
		normalize_overrides(&ds, &used);
		fprintf(stderr, "effdash: assumptions overridden: %s\n", sb_str(&used));
		sb_release(&used);
	}
	dataset_release(&ds);
	perf_results_release(&perf);
	if (ro.check && rc == 1)
		return EXIT_FAIL; /* up to date: 0; would change: 1 */
	return rc ? EXIT_FAIL : EXIT_OK;
}

/* cmd_report.c - effdash report: load the database, derive values under
 * the chosen assumptions, write the report. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "dataset.h"
#include "diag.h"
#include "normalize.h"
#include "report.h"
#include "store.h"

static const char report_usage[] =
	"usage: effdash [--db FILE] report [--out DIR] [--no-render]\n"
	"                                  [--assume NAME=VALUE] [--price HW=USD]\n"
	"\n"
	"Write OUT/csv (CSV exports), OUT/plots (gnuplot scripts, data and\n"
	"SVG charts) and OUT/site (static HTML).  Everything is written to a\n"
	"temporary folder first; a failure leaves the previous report as it\n"
	"was.\n"
	"\n"
	"  --out DIR          output folder (default output)\n"
	"  --no-render        write gnuplot scripts and data, do not run gnuplot\n"
	"  --gnuplot PROG     gnuplot program to run (default gnuplot)\n"
	"  --assume N=V       override a default assumption (e.g. utilization=0.35)\n"
	"  --price HW=USD     override an accelerator's price per device-hour\n";

int cmd_report(int argc, char **argv, const struct global_opts *g)
{
	static const struct option opts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "no-render", no_argument, NULL, 'n' },
		{ "gnuplot", required_argument, NULL, 'g' },
		{ "assume", required_argument, NULL, 'a' },
		{ "price", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_options ro = { "output", NULL, 0, g->db };
	const char *assume[32], *price[32];
	int n_assume = 0, n_price = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			ro.out_dir = optarg;
			break;
		case 'n':
			ro.no_render = 1;
			break;
		case 'g':
			ro.gnuplot = optarg;
			break;
		case 'a':
		case 'p':
			if ((c == 'a' ? n_assume : n_price) == 32) {
				err("report: too many --%s options", c == 'a' ? "assume" : "price");
				return EXIT_USAGE;
			}
			if (c == 'a')
				assume[n_assume++] = optarg;
			else
				price[n_price++] = optarg;
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
	struct store *st;
	struct dataset ds;
	if (store_open(g->db, 1, &st))
		return EXIT_FAIL;
	dataset_init(&ds);
	int rc = store_load(st, &ds);
	store_close(st);
	for (int i = 0; !rc && i < n_assume; i++)
		rc = normalize_assume(&ds, assume[i]);
	for (int i = 0; !rc && i < n_price; i++)
		rc = normalize_price(&ds, price[i]);
	if (!rc) {
		normalize_derive(&ds);
		rc = report_write(&ds, &ro);
	}
	if (!rc && !g->quiet)
		fprintf(stderr, "effdash: report written to %s/ (%zu papers, %zu claims)\n",
			ro.out_dir, ds.n_papers, ds.n_claims);
	dataset_release(&ds);
	return rc ? EXIT_FAIL : EXIT_OK;
}

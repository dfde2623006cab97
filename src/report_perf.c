/* report_perf.c - the words and numbers of the performance page, shared
 * by the chart writer (report_plot.c) and the page (report_html.c): how
 * a stage of make bench is called and what it measures, its numbers in
 * fixed formats, and what its ratio means.
 *
 * The results come from a file, not from the dataset, so nothing here
 * trusts them: unknown stages are shown under their own names, and a
 * ratio compared with something unknown is given as a bare number. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* The stages tools/bench.sh writes, in the order it runs them. */
static const struct {
	const char *stage, *label, *about;
} known_stages[] = {
	{ "ingest-listing", "Listing ingest",
	  "A generated listing read, its claims extracted and stored in a "
	  "fresh database; compared with grep -oE for numbers over the same "
	  "file." },
	{ "ingest-jsonl", "JSON Lines ingest",
	  "The same papers as arXiv-style JSON Lines into a fresh database; "
	  "compared with grep over the listing." },
	{ "reingest", "Unchanged re-ingest",
	  "The listing ingested again, unchanged; compared with its full "
	  "ingest." },
	{ "grow1pct", "Re-ingest after 1% growth",
	  "The listing with 1% more papers appended, ingested again; its "
	  "papers are the papers appended, and it is compared with the full "
	  "ingest." },
	{ "curated", "Curated claims",
	  "Curated claim rows for the papers into a fresh database; items "
	  "are rows, compared with sqlite3's .import of the same CSV." },
	{ "report", "Report",
	  "A report of a database with about five claims a paper into a new "
	  "folder, charts not rendered." },
	{ "rereport", "Report over the previous one",
	  "The same report again over the previous one (unchanged files "
	  "linked); compared with the fresh report." },
};
#define N_KNOWN (sizeof known_stages / sizeof *known_stages)

static int known_index(const char *stage)
{
	for (size_t i = 0; i < N_KNOWN; i++)
		if (!strcmp(known_stages[i].stage, stage))
			return (int)i;
	return -1;
}

const char *report_perf_stage_label(const char *stage)
{
	int k = known_index(stage);
	return k >= 0 ? known_stages[k].label : stage;
}

const char *report_perf_stage_about(const char *stage)
{
	int k = known_index(stage);
	return k >= 0 ? known_stages[k].about : NULL;
}

size_t report_perf_stages(const struct perf_results *r, const char ***out)
{
	const char **s = xcalloc(r->n + 1, sizeof *s);
	size_t n = 0;
	for (size_t k = 0; k < N_KNOWN; k++)
		for (size_t i = 0; i < r->n; i++)
			if (!strcmp(r->rows[i].stage, known_stages[k].stage)) {
				s[n++] = known_stages[k].stage;
				break;
			}
	for (size_t i = 0; i < r->n; i++) {
		size_t j = 0;
		if (known_index(r->rows[i].stage) >= 0)
			continue;
		while (j < n && strcmp(s[j], r->rows[i].stage))
			j++;
		if (j == n)
			s[n++] = r->rows[i].stage;
	}
	*out = s;
	return n;
}

/* Three significant digits below 100 ("0.05", "3.8", "43.2"), whole
 * numbers with thousands separators above. */
void report_perf_number(struct strbuf *out, double v)
{
	if (v >= 100)
		report_human_number(out, round(v));
	else
		sb_add_g(out, v, 3);
}

/* Two significant digits below 10 ("2.4", "0.5"), whole above ("14"). */
static void two_digits(struct strbuf *out, double v)
{
	if (v >= 10)
		report_human_number(out, round(v));
	else
		sb_add_g(out, v, 2);
}

/* What a ratio compares with: a time ratio of ours to theirs in times
 * ("6.8× grep's time"), or a share in percent ("2.4% of a full
 * ingest's time"; of rates for sqlite3, whose ratio is its time to
 * ours). */
static const struct {
	const char *to, *words;
	int percent;
} ratio_words[] = {
	{ "grep", " grep's time", 0 },
	{ "ingest", " of a full ingest's time", 1 },
	{ "sqlite3-import", " of sqlite3 .import's rate", 1 },
	{ "report", " of a fresh report's time", 1 },
};

void report_perf_ratio(struct strbuf *out, const struct perf_row *row)
{
	if (isnan(row->ratio))
		return;
	if (row->ratio == 0) {
		sb_adds(out, "not measurable: a time below the timer's "
			     "resolution");
		return;
	}
	for (size_t i = 0; row->ratio_to &&
			   i < sizeof ratio_words / sizeof *ratio_words; i++)
		if (!strcmp(row->ratio_to, ratio_words[i].to)) {
			if (ratio_words[i].percent) {
				two_digits(out, 100 * row->ratio);
				sb_addc(out, '%');
			} else {
				two_digits(out, row->ratio);
				sb_adds(out, "\xC3\x97"); /* × */
			}
			sb_adds(out, ratio_words[i].words);
			return;
		}
	sb_adds(out, "ratio ");
	report_perf_number(out, row->ratio);
	if (row->ratio_to) {
		sb_adds(out, " to ");
		sb_adds(out, row->ratio_to);
	}
}

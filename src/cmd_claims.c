/* cmd_claims.c - effdash claims and effdash figure: claims as JSON Lines
 * or CSV on standard output. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim_json.h"
#include "cmd.h"
#include "dataset.h"
#include "diag.h"
#include "escape.h"
#include "extract.h"
#include "normalize.h"
#include "store.h"
#include "util.h"

static const char claims_usage[] =
	"usage: effdash [--db FILE] claims [--format jsonl|csv]\n"
	"\n"
	"Print every active claim of the database (extracted claims that a\n"
	"curated decision replaced or rejected are left out), ordered by paper\n"
	"and position, one per line.\n";

static const char figure_usage[] =
	"usage: effdash figure TEXT...\n"
	"\n"
	"Find the figures in TEXT (the arguments joined by spaces) as the\n"
	"extractor would in an abstract, and print each as a JSON line: the\n"
	"figure in canonical units and, under \"derived\", the values derived\n"
	"from it with the built-in reference tables and default assumptions\n"
	"(kind, value, low, high, unit, method, assumption), the figures of\n"
	"TEXT taken as one paper of unknown date.\n";

static const char *const csv_columns[] = {
	"id", "paper", "arxiv_id", "quantity", "value", "value_max", "unit",
	"qualifier", "dimension", "hardware", "metric", "dataset", "subject",
	"baseline", "span", "raw", "origin", "curation", "source_file",
	"source_line",
};

static void csv_cell(struct strbuf *line, const char *s, int first)
{
	if (!first)
		sb_addc(line, ',');
	esc_csv(line, s ? s : "");
}

static void csv_number(struct strbuf *line, double v, int present)
{
	char buf[32] = "";
	if (present)
		fmt_double(buf, sizeof buf, v);
	csv_cell(line, buf, 0);
}

static void print_csv_row(struct strbuf *line, const struct stored_claim *sc,
			  const struct paper *p)
{
	const struct claim *c = &sc->claim;
	char id[32];
	snprintf(id, sizeof id, "%ld", sc->id);
	csv_cell(line, id, 1);
	csv_cell(line, p->title, 0);
	csv_cell(line, p->arxiv_id, 0);
	csv_cell(line, quantity_name(c->quantity), 0);
	csv_number(line, c->value, 1);
	csv_number(line, c->value_max, c->has_max);
	csv_cell(line, c->unit, 0);
	csv_cell(line, qualifier_name(c->qualifier), 0);
	csv_cell(line, c->dimension, 0);
	csv_cell(line, c->hardware, 0);
	csv_cell(line, c->metric, 0);
	csv_cell(line, c->dataset, 0);
	csv_cell(line, c->subject_baseline ? "baseline" : NULL, 0);
	csv_cell(line, c->baseline, 0);
	csv_cell(line, c->span, 0);
	csv_cell(line, c->raw, 0);
	csv_cell(line, origin_name(c->origin), 0);
	csv_cell(line, c->origin == ORIGIN_CURATED ? curation_name(c->curation) : NULL, 0);
	csv_cell(line, c->source_file, 0);
	snprintf(id, sizeof id, "%ld", c->source_line);
	csv_cell(line, id, 0);
	sb_adds(line, "\r\n");
}

static void print_claims(const struct dataset *ds, int csv)
{
	struct strbuf line = STRBUF_INIT;
	if (csv) {
		for (size_t i = 0; i < sizeof csv_columns / sizeof *csv_columns; i++)
			csv_cell(&line, csv_columns[i], i == 0);
		sb_adds(&line, "\r\n");
		fputs(line.buf, stdout);
	}
	for (size_t i = 0; i < ds->n_claims; i++) {
		const struct stored_claim *sc = &ds->claims[i];
		const struct paper *p = &ds->papers[sc->paper];
		sb_reset(&line);
		if (csv) {
			print_csv_row(&line, sc, p);
		} else {
			claim_json(&line, &sc->claim, p->title, p->arxiv_id, sc->id);
			sb_addc(&line, '\n');
		}
		fwrite(line.buf, 1, line.len, stdout);
	}
	sb_release(&line);
}

int cmd_claims(int argc, char **argv, const struct global_opts *g)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int csv = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+f:h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(claims_usage, stdout);
			return EXIT_OK;
		}
		if (c == 'f' && (!strcmp(optarg, "jsonl") || !strcmp(optarg, "csv"))) {
			csv = !strcmp(optarg, "csv");
			continue;
		}
		if (c == 'f')
			err("claims: unknown format '%s' (jsonl or csv)", optarg);
		fputs(claims_usage, stderr);
		return EXIT_USAGE;
	}
	if (optind != argc) {
		fputs(claims_usage, stderr);
		return EXIT_USAGE;
	}
	struct dataset ds;
	dataset_init(&ds);
	int rc = store_load_report(g->db, &ds);
	if (!rc)
		print_claims(&ds, csv);
	dataset_release(&ds);
	return rc ? EXIT_FAIL : EXIT_OK;
}

/* Derive values from the figures of one text, taken as one paper of
 * unknown date; claim i gets id i + 1.  The claims are borrowed. */
static void figure_derive(struct dataset *ds, struct claim_list *found)
{
	ds->claims = xcalloc(found->len + 1, sizeof *ds->claims);
	for (size_t i = 0; i < found->len; i++) {
		ds->claims[i].id = (long)i + 1;
		ds->claims[i].claim = found->items[i];
	}
	ds->n_claims = found->len;
	normalize_derive(ds);
	/* The claims stay found's: only the array is ours. */
	free(ds->claims);
	ds->claims = NULL;
	ds->n_claims = 0;
}

/* Close the claim's JSON object with a "derived" array. */
static void figure_derived_json(struct strbuf *line, const struct dataset *ds, long id)
{
	char buf[32];
	int n = 0;
	if (line->len && line->buf[line->len - 1] == '}')
		line->buf[--line->len] = '\0';
	sb_adds(line, ",\"derived\":[");
	for (size_t i = 0; i < ds->n_derivations; i++) {
		const struct derivation *d = &ds->derivations[i];
		if (d->claim_id != id)
			continue;
		sb_adds(line, n++ ? ",{\"kind\":" : "{\"kind\":");
		esc_json(line, d->kind);
		fmt_double(buf, sizeof buf, d->value);
		sb_addf(line, ",\"value\":%s", buf);
		fmt_double(buf, sizeof buf, d->low);
		sb_addf(line, ",\"low\":%s", buf);
		fmt_double(buf, sizeof buf, d->high);
		sb_addf(line, ",\"high\":%s,\"unit\":", buf);
		esc_json(line, d->unit);
		sb_adds(line, ",\"method\":");
		esc_json(line, d->method);
		sb_adds(line, ",\"assumption\":");
		esc_json(line, d->assumption);
		sb_addc(line, '}');
	}
	sb_adds(line, "]}");
}

int cmd_figure(int argc, char **argv, const struct global_opts *g)
{
	(void)g;
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(figure_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	struct strbuf text = STRBUF_INIT, line = STRBUF_INIT;
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&text, ' ');
		sb_adds(&text, argv[i]);
	}
	size_t bad;
	if (!utf8_valid(text.buf, text.len, &bad)) {
		err_at("(argument)", 1, (long)bad + 1, "invalid UTF-8");
		sb_release(&text);
		return EXIT_FAIL;
	}
	struct claim_list found = CLAIM_LIST_INIT;
	struct dataset ds;
	extract_claims(text.buf, text.len, &found);
	dataset_init(&ds);
	if (normalize_load_reference(NULL, &ds))
		BUG("the built-in reference tables do not load");
	figure_derive(&ds, &found);
	for (size_t i = 0; i < found.len; i++) {
		sb_reset(&line);
		claim_json(&line, &found.items[i], NULL, NULL, 0);
		figure_derived_json(&line, &ds, (long)i + 1);
		sb_addc(&line, '\n');
		fwrite(line.buf, 1, line.len, stdout);
	}
	ds.claims = NULL; /* borrowed from found */
	ds.n_claims = 0;
	dataset_release(&ds);
	claim_list_release(&found);
	sb_release(&text);
	sb_release(&line);
	return EXIT_OK;
}

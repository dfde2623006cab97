/* cmd_explain.c - effdash explain: the chain from the evidence text of a
 * claim to each value derived from it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dataset.h"
#include "diag.h"
#include "normalize.h"
#include "store.h"
#include "util.h"

static const char explain_usage[] =
	"usage: effdash [--db FILE] explain [--assume N=V] [--price HW=USD]\n"
	"                                   [--dollar-year Y] [--config FILE]\n"
	"                                   CLAIM_ID...\n"
	"\n"
	"Show where each claim came from (paper, source file and line, the\n"
	"exact evidence text), how the figure was read, and every value\n"
	"derived from it with its formula, the numbers used, its assumptions\n"
	"and its low/high bounds.  Claim ids are those of 'effdash claims'.\n"
	"The overrides are those of 'effdash report'.\n";

/* Six significant digits: derived values are estimates, and the exact
 * stored values are in the database and the CSV exports. */
static void num(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.6g", v);
}

static void explain_claim(const struct dataset *ds, const struct stored_claim *sc)
{
	const struct claim *c = &sc->claim;
	const struct paper *p = &ds->papers[sc->paper];
	char v[32], vmax[32] = "";
	num(c->value, v, sizeof v);
	if (c->has_max)
		num(c->value_max, vmax, sizeof vmax);
	printf("claim %ld: %s %s%s%s %s\n", sc->id, quantity_name(c->quantity), v,
	       c->has_max ? " to " : "", vmax, c->unit ? c->unit : "");
	if (p->date)
		printf("  date:      %s\n", p->date);
	printf("  paper:     %s", p->title);
	if (p->arxiv_id)
		printf(" (arXiv:%s)", p->arxiv_id);
	putchar('\n');
	printf("  source:    %s:%ld (%s%s%s)\n", c->source_file ? c->source_file : "?",
	       c->source_line, origin_name(c->origin),
	       c->origin == ORIGIN_CURATED ? ", " : "",
	       c->origin == ORIGIN_CURATED ? curation_name(c->curation) : "");
	if (c->span)
		printf("  evidence:  \"%s\"", c->span);
	if (c->span && c->span_start >= 0)
		printf(" (bytes %ld-%ld of the abstract)", c->span_start, c->span_end);
	if (c->span)
		putchar('\n');
	if (c->raw)
		printf("  figure:    \"%s\"\n", c->raw);
	if (c->note)
		printf("  read as:   %s\n", c->note);
	const struct { const char *label, *value; } attrs[] = {
		{ "qualifier", qualifier_name(c->qualifier) }, { "dimension", c->dimension },
		{ "hardware", c->hardware }, { "metric", c->metric },
		{ "dataset", c->dataset }, { "subject", c->subject_baseline ? "baseline" : NULL },
		{ "baseline", c->baseline },
	};
	for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++)
		if (attrs[i].value)
			printf("  %-10s %s\n", attrs[i].label, attrs[i].value);
	for (size_t i = 0; i < ds->n_derivations; i++) {
		const struct derivation *d = &ds->derivations[i];
		if (d->claim_id != sc->id)
			continue;
		char lo[32], hi[32];
		num(d->value, v, sizeof v);
		num(d->low, lo, sizeof lo);
		num(d->high, hi, sizeof hi);
		if (!strcmp(d->kind, "unnormalised") || !strcmp(d->kind, "not_derived")) {
			printf("  -> %s: %s\n", d->kind, d->method);
			continue;
		}
		printf("  -> %s = %s %s", d->kind, v, d->unit);
		if (d->low != d->high)
			printf(" (range %s to %s)", lo, hi);
		printf("\n     method:     %s\n     assumption: %s\n", d->method, d->assumption);
		printf("     see:        methodology.html#d-%s\n", d->kind);
	}
}

int cmd_explain(int argc, char **argv, const struct global_opts *g)
{
	static const struct option opts[] = {
		{ "assume", required_argument, NULL, 'a' },
		{ "price", required_argument, NULL, 'p' },
		{ "dollar-year", required_argument, NULL, 'y' },
		{ "config", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct dataset ds;
	struct override ov[OVERRIDES_MAX];
	size_t n_ov = 0;
	int c, rc;
	dataset_init(&ds);
	rc = store_load_report(g->db, &ds);
	optind = 0;
	while (!rc && (c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(explain_usage, stdout);
			dataset_release(&ds);
			return EXIT_OK;
		}
		if ((c == 'a' || c == 'p' || c == 'y' || c == 'f') && n_ov < OVERRIDES_MAX) {
			ov[n_ov].kind = (char)c;
			ov[n_ov++].arg = optarg;
		} else
			rc = -2;
	}
	if (rc == -2 || (!rc && optind == argc)) {
		fputs(explain_usage, stderr);
		dataset_release(&ds);
		return EXIT_USAGE;
	}
	if (!rc)
		rc = normalize_apply(&ds, ov, n_ov);
	if (!rc)
		normalize_derive(&ds);
	for (int i = optind; !rc && i < argc; i++) {
		char *end;
		long id = strtol(argv[i], &end, 10);
		size_t k = 0;
		while (k < ds.n_claims && ds.claims[k].id != id)
			k++;
		if (*end || k == ds.n_claims) {
			err("explain: no active claim with id '%s'", argv[i]);
			rc = -1;
			break;
		}
		if (i > optind)
			putchar('\n');
		explain_claim(&ds, &ds.claims[k]);
	}
	struct strbuf used = STRBUF_INIT;
	if (!rc && normalize_overrides(&ds, &used))
		printf("\nassumptions overridden: %s\n", used.buf);
	sb_release(&used);
	dataset_release(&ds);
	return rc ? EXIT_FAIL : EXIT_OK;
}

/* report_csv.c - csv/claims.csv, csv/papers.csv, csv/derivations.csv,
 * csv/cost-quality.csv (every benchmark) and csv/cost-quality/SLUG.csv
 * (one benchmark each); and site/downloads/claims.jsonl.
 *
 * RFC 4180: a header row, CRLF line ends (what the RFC and spreadsheets
 * expect), UTF-8 without a byte-order mark.  Text cells go through esc_csv,
 * which also defuses spreadsheet formulas; numbers are written plainly with
 * fmt_double (no thousands separators, "." as decimal point) and missing
 * values as empty cells.  Rows follow the dataset's order. */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "report_internal.h"

#define EOL "\r\n"

struct row {
	struct strbuf *out;
	int cells;
};

static void cell_sep(struct row *r)
{
	if (r->cells++)
		sb_addc(r->out, ',');
}

static void cell_text(struct row *r, const char *s)
{
	cell_sep(r);
	esc_csv(r->out, s ? s : "");
}

static void cell_num(struct row *r, double v)
{
	cell_sep(r);
	report_plain_number(r->out, v);
}

static void cell_long(struct row *r, long v, int present)
{
	cell_sep(r);
	if (present)
		sb_add_long(r->out, v);
}

static void row_end(struct row *r)
{
	sb_adds(r->out, EOL);
	r->cells = 0;
}

static void header(struct strbuf *out, const char *const *names, size_t n)
{
	struct row r = { out, 0 };
	for (size_t i = 0; i < n; i++)
		cell_text(&r, names[i]);
	row_end(&r);
}

static const char *const claim_columns[] = {
	"claim_id", "paper_title", "arxiv_id", "quantity", "value",
	"value_max", "unit", "qualifier", "dimension", "hardware", "metric",
	"dataset", "subject", "baseline", "span", "raw", "origin", "curation",
	"status", "source_file", "source_line", "note",
};

static void claim_row(struct row *r, const struct dataset *ds,
		      const struct stored_claim *sc)
{
	const struct claim *c = &sc->claim;
	const struct paper *p = &ds->papers[sc->paper];
	cell_long(r, sc->id, 1);
	cell_text(r, p->title);
	cell_text(r, p->arxiv_id);
	cell_text(r, quantity_name(c->quantity));
	cell_num(r, c->value);
	if (c->has_max)
		cell_num(r, c->value_max);
	else
		cell_text(r, NULL);
	cell_text(r, c->unit ? c->unit : quantity_unit(c->quantity));
	cell_text(r, qualifier_name(c->qualifier));
	cell_text(r, c->dimension);
	cell_text(r, c->hardware);
	cell_text(r, c->metric);
	cell_text(r, c->dataset);
	cell_text(r, c->subject_baseline ? "baseline" : NULL);
	cell_text(r, c->baseline);
	cell_text(r, c->span);
	cell_text(r, c->raw);
	cell_text(r, origin_name(c->origin));
	cell_text(r, curation_name(c->curation));
	cell_text(r, sc->status ? "superseded" : "active");
	cell_text(r, c->source_file);
	cell_long(r, c->source_line, c->source_line > 0);
	cell_text(r, c->note);
	row_end(r);
}

static int write_claims(const struct dataset *ds, const char *dir)
{
	struct report_stream s;
	report_stream_open(&s, dir, "claims.csv");
	struct row r = { &s.buf, 0 };
	header(&s.buf, claim_columns,
	       sizeof claim_columns / sizeof *claim_columns);
	for (size_t i = 0; i < ds->n_claims; i++) {
		claim_row(&r, ds, &ds->claims[i]);
		report_stream_fill(&s);
	}
	return report_stream_close(&s);
}

static const char *const paper_columns[] = {
	"paper_id", "key", "title", "arxiv_id", "url", "date", "claims",
	"source_file", "source_line",
};

/* "claims" counts the paper's claims that are active and not rejected,
 * the ones the site shows as current. */
static void paper_row(struct row *r, const struct dataset *ds,
		      const struct report_index *ix, size_t p)
{
	const struct paper *pp = &ds->papers[p];
	long count = 0;
	for (size_t k = ix->paper_start[p]; k < ix->paper_start[p + 1]; k++)
		count += claim_counts(&ds->claims[ix->by_paper[k]]);
	char *key = paper_key_for(pp->arxiv_id, pp->title ? pp->title : "");
	cell_long(r, pp->id, 1);
	cell_text(r, key);
	cell_text(r, pp->title);
	cell_text(r, pp->arxiv_id);
	cell_text(r, pp->url);
	cell_text(r, pp->date);
	cell_long(r, count, 1);
	cell_text(r, pp->source_file);
	cell_long(r, pp->source_line, pp->source_line > 0);
	row_end(r);
	free(key);
}

static int write_papers(const struct dataset *ds,
			const struct report_index *ix, const char *dir)
{
	struct report_stream s;
	report_stream_open(&s, dir, "papers.csv");
	struct row r = { &s.buf, 0 };
	header(&s.buf, paper_columns,
	       sizeof paper_columns / sizeof *paper_columns);
	for (size_t p = 0; p < ds->n_papers; p++) {
		paper_row(&r, ds, ix, p);
		report_stream_fill(&s);
	}
	return report_stream_close(&s);
}

static const char *const derivation_columns[] = {
	"derivation_id", "claim_id", "paper_title", "kind", "value", "low",
	"high", "unit", "method", "assumption",
};

/* The title of the paper of claim id, or NULL. */
static const char *title_of(const struct dataset *ds, const struct report_index *ix, long id)
{
	long at = report_claim_index(ix, ds, id);
	return at >= 0 ? ds->papers[ds->claims[at].paper].title : NULL;
}

static void derivation_row(struct row *r, const struct derivation *d,
			   const char *title)
{
	cell_long(r, d->id, 1);
	cell_long(r, d->claim_id, 1);
	cell_text(r, title);
	cell_text(r, d->kind);
	cell_num(r, d->value);
	cell_num(r, d->low);
	cell_num(r, d->high);
	cell_text(r, d->unit);
	cell_text(r, d->method);
	cell_text(r, d->assumption);
	row_end(r);
}

static int write_derivations(const struct dataset *ds, const struct report_index *ix,
			     const char *dir)
{
	struct report_stream s;
	struct row r = { &s.buf, 0 };
	report_stream_open(&s, dir, "derivations.csv");
	header(&s.buf, derivation_columns,
	       sizeof derivation_columns / sizeof *derivation_columns);
	for (size_t i = 0; i < ds->n_derivations; i++) {
		const struct derivation *d = &ds->derivations[i];
		derivation_row(&r, d, title_of(ds, ix, d->claim_id));
		report_stream_fill(&s);
	}
	return report_stream_close(&s);
}

static const char *const bench_columns[] = {
	"benchmark", "metric", "dataset", "paper_id", "paper_title",
	"arxiv_id", "date", "result", "result_unit", "lower_is_better",
	"cost", "cost_unit", "cost_basis", "pareto_frontier", "claim_id",
};

static void bench_row(struct row *r, const struct dataset *ds,
		      const struct report_model *m, const struct bench *b,
		      const struct bench_point *pt)
{
	const struct stored_claim *q = &ds->claims[pt->claim];
	const struct paper *p = &ds->papers[pt->paper];
	cell_text(r, b->title);
	cell_text(r, q->claim.metric);
	cell_text(r, q->claim.dataset);
	cell_long(r, p->id, 1);
	cell_text(r, p->title);
	cell_text(r, p->arxiv_id);
	cell_text(r, p->date);
	cell_num(r, q->claim.value);
	cell_text(r, q->claim.unit);
	cell_text(r, b->lower_better ? "yes" : "no");
	cell_num(r, pt->cost);
	cell_text(r, b->axis == AXIS_USD ? "USD" : m->hours_unit);
	cell_text(r, b->axis == AXIS_REF_HOURS ? "derived from compute"
		     : pt->estimated	     ? "estimated from compute"
					     : "stated");
	cell_text(r, pt->frontier ? "yes" : "no");
	cell_long(r, q->id, 1);
	row_end(r);
}

/* One file for every benchmark, and one per benchmark with a cost. */
static int write_cost_quality(const struct dataset *ds,
			      const struct report_model *m, const char *dir)
{
	struct strbuf all = STRBUF_INIT, one = STRBUF_INIT,
		      name = STRBUF_INIT;
	struct row ra = { &all, 0 }, ro = { &one, 0 };
	size_t n_cols = sizeof bench_columns / sizeof *bench_columns;
	int rc = 0;
	header(&all, bench_columns, n_cols);
	for (size_t i = 0; i < m->n_bench && rc == 0; i++) {
		const struct bench *b = &m->bench[i];
		if (!b->n_pt)
			continue;
		sb_reset(&one);
		header(&one, bench_columns, n_cols);
		for (size_t k = 0; k < b->n_pt; k++) {
			bench_row(&ra, ds, m, b, &b->pt[k]);
			bench_row(&ro, ds, m, b, &b->pt[k]);
		}
		sb_reset(&name);
		sb_addf(&name, "cost-quality/%s.csv", b->slug);
		rc = report_save(dir, name.buf, &one);
	}
	if (rc == 0)
		rc = report_save(dir, "cost-quality.csv", &all);
	sb_release(&all);
	sb_release(&one);
	sb_release(&name);
	return rc;
}

int report_csv_write(const struct dataset *ds, const struct report_index *ix,
		     const struct report_model *m, const char *dir)
{
	if (write_claims(ds, dir) < 0 || write_papers(ds, ix, dir) < 0 ||
	    write_derivations(ds, ix, dir) < 0 || write_cost_quality(ds, m, dir) < 0)
		return -1;
	return 0;
}

/* ---- JSON Lines ------------------------------------------------------- */

/* "key": (after a comma unless the object has just opened), from the
 * text the macros make of a literal key, its length known. */
static void json_key(struct strbuf *out, const char *quoted, size_t n)
{
	if (out->len && out->buf[out->len - 1] != '{')
		sb_addc(out, ',');
	sb_add(out, quoted, n);
}

/* "key": for a literal key, and its length: the arguments the functions
 * below take for a key. */
#define JSON_QUOTED(key) "\"" key "\":", sizeof "\"" key "\":" - 1
#define JSON_KEY(out, key) json_key(out, JSON_QUOTED(key))

static void json_text_at(struct strbuf *out, const char *quoted, size_t n, const char *s)
{
	json_key(out, quoted, n);
	esc_json(out, s);
}

static void json_num_at(struct strbuf *out, const char *quoted, size_t n, double v,
			int present)
{
	json_key(out, quoted, n);
	if (present)
		report_plain_number(out, v);
	else
		sb_add(out, "null", 4);
}

#define json_text(out, key, s) json_text_at(out, JSON_QUOTED(key), s)
#define json_num(out, key, v, present) json_num_at(out, JSON_QUOTED(key), v, present)

/* One claim per line, with its paper and its derived values. */
static void claim_json(struct strbuf *out, const struct dataset *ds,
		       const struct report_index *ix,
		       const struct stored_claim *sc)
{
	const struct claim *c = &sc->claim;
	const struct paper *p = &ds->papers[sc->paper];
	sb_addc(out, '{');
	json_num(out, "id", (double)sc->id, 1);
	json_text(out, "paper", p->title);
	json_text(out, "arxiv_id", p->arxiv_id);
	json_text(out, "date", p->date);
	json_text(out, "quantity", quantity_name(c->quantity));
	json_num(out, "value", c->value, 1);
	json_num(out, "value_max", c->value_max, c->has_max);
	json_text(out, "unit", c->unit ? c->unit : quantity_unit(c->quantity));
	json_text(out, "qualifier", qualifier_name(c->qualifier));
	json_text(out, "dimension", c->dimension);
	json_text(out, "hardware", c->hardware);
	json_text(out, "metric", c->metric);
	json_text(out, "dataset", c->dataset);
	json_text(out, "subject", c->subject_baseline ? "baseline" : NULL);
	json_text(out, "baseline", c->baseline);
	json_text(out, "span", c->span);
	json_text(out, "raw", c->raw);
	json_text(out, "origin", origin_name(c->origin));
	json_text(out, "status", sc->status ? "superseded" : "active");
	JSON_KEY(out, "derived");
	sb_addc(out, '[');
	size_t first, n = report_derivations_of(ix, ds, sc->id, &first);
	for (size_t i = first; i < first + n; i++) {
		const struct derivation *d = &ds->derivations[ix->deriv_order[i]];
		if (i > first)
			sb_addc(out, ',');
		sb_addc(out, '{');
		json_text(out, "kind", d->kind);
		json_num(out, "value", d->value, 1);
		json_text(out, "unit", d->unit);
		json_text(out, "method", d->method);
		sb_addc(out, '}');
	}
	sb_adds(out, "]}\n");
}

int report_jsonl_write(const struct dataset *ds, const struct report_index *ix,
		       const char *dir)
{
	struct report_stream s;
	report_stream_open(&s, dir, "claims.jsonl");
	for (size_t i = 0; i < ds->n_claims; i++) {
		claim_json(&s.buf, ds, ix, &ds->claims[i]);
		report_stream_fill(&s);
	}
	return report_stream_close(&s);
}

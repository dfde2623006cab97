/* report_methodology.c - the body of site/methodology.html: how figures
 * are read and converted, every assumption in effect with its source and
 * date (overrides marked), the formula of every kind of derived value
 * under an anchor "d-KIND" that derived values link to, the uncertainty
 * rules, the plausibility limits, the figures that could not be
 * normalised (counted, with the reason), and every row of the reference
 * tables with its source.
 *
 * Knows markup like report_html.c, which writes the page frame around
 * it; every text from the dataset goes through esc_html, esc_attr or
 * esc_url. */
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "escape.h"
#include "normalize.h"
#include "report_internal.h"

/* An HTML id from a name: letters, digits, '-' and '_' kept, anything
 * else (spaces in "RTX 3090") becomes '-'. */
static void id_text(struct strbuf *out, const char *name)
{
	for (const char *p = name; *p; p++) {
		char c = *p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || c == '-' || c == '_';
		sb_addc(out, ok ? c : '-');
	}
}

static void raw(struct strbuf *out, const char *markup)
{
	sb_adds(out, markup);
}

static void text(struct strbuf *out, const char *s)
{
	esc_html(out, s ? s : "");
}

static void number(struct strbuf *out, double v)
{
	char buf[32];
	fmt_double(buf, sizeof buf, v);
	text(out, buf);
}


static void cell(struct strbuf *out, const char *s)
{
	raw(out, "<td>");
	text(out, s);
	raw(out, "</td>");
}

static void num_cell(struct strbuf *out, double v, int present)
{
	raw(out, "<td class=\"num\">");
	if (present)
		number(out, v);
	raw(out, "</td>");
}

static void source_cell(struct strbuf *out, const char *source)
{
	raw(out, "<td>");
	if (source && (!strncmp(source, "http://", 7) || !strncmp(source, "https://", 8))) {
		raw(out, "<a href=\"");
		esc_url(out, source);
		raw(out, "\" rel=\"nofollow noopener\">");
		text(out, source);
		raw(out, "</a>");
	} else {
		text(out, source);
	}
	raw(out, "</td>");
}

/* ---- Text ------------------------------------------------------------- */

static void intro(struct strbuf *out)
{
	raw(out, "<h1>Methodology</h1>\n"
		"<p class=\"lede\">How every figure on this site was read, put on a "
		"common scale and bounded, with every assumption and reference row "
		"it rests on. Each derived value on a paper's page links to its "
		"formula below; <code>effdash explain CLAIM</code> prints the same "
		"chain from the words of the abstract to the number.</p>\n"
		"<section id=\"claims-method\">\n<h2>Claims</h2>\n"
		"<p>A claim is one figure a paper states about itself: a "
		"training cost, compute, parameter count, training tokens, "
		"data size, memory, an improvement factor (\xE2\x80\x9C"
		"118\xC3\x97 lower cost\xE2\x80\x9D) or a result on a "
		"benchmark. Claims are read from abstracts (extracted) or "
		"written by hand (curated); a curated decision can confirm, "
		"correct or reject an extracted claim, and the claim it "
		"replaces is kept but marked superseded. Each figure is "
		"converted to a canonical unit: US dollars (or the currency "
		"stated), device-hours summed over devices, counts, gigabytes, "
		"or a factor \xE2\x89\xA5 1 (\xE2\x80\x9C" "60% less\xE2\x80\x9D "
		"is the factor 1/(1\xE2\x88\x92" "0.6) = 2.5). Results stay as "
		"stated.</p>\n</section>\n");
}

static void assumptions_section(struct strbuf *out, const struct dataset *ds)
{
	static const char *const cols[] = { "Assumption", "Value", "Date", "Source" };
	struct strbuf used = STRBUF_INIT;
	size_t n = normalize_overrides(ds, &used);
	raw(out, "<section id=\"assumptions\">\n<h2>Assumptions used in this report</h2>\n");
	if (n) {
		raw(out, "<p><strong>Overridden for this report:</strong> ");
		text(out, used.buf);
		raw(out, ".</p>\n");
	} else
		raw(out, "<p>This report uses the defaults of "
			"<code>data/defaults.csv</code>, unchanged. They are named in "
			"that one place; <code>effdash report --assume NAME=VALUE</code>, "
			"<code>--price HW=USD</code>, <code>--dollar-year YEAR</code> or "
			"<code>--config FILE</code> recompute every derived value and "
			"chart under other values.</p>\n");
	sb_release(&used);
	if (!ds->n_assumptions) {
		raw(out, "<p class=\"note\">No assumption is stored.</p>\n</section>\n");
		return;
	}
	report_table_head(out, cols, 4, 0);
	for (size_t i = 0; i < ds->n_assumptions; i++) {
		const struct assumption *a = &ds->assumptions[i];
		raw(out, "<tr id=\"a-");
		esc_attr(out, a->name);
		raw(out, "\"><td><code>");
		text(out, a->name);
		raw(out, "</code></td>");
		cell(out, a->value);
		cell(out, a->date ? a->date : "override");
		source_cell(out, a->source);
		raw(out, "</tr>\n");
	}
	report_table_end(out);
	raw(out, "</section>\n");
}

static void formulas_section(struct strbuf *out, const struct dataset *ds)
{
	const char *ref = normalize_assumption(ds, "reference_accelerator");
	raw(out, "<section id=\"formulas\">\n<h2>Derived values</h2>\n"
		"<p>Each derived value is stored with the formula and the numbers "
		"it used (method) and every assumption it rests on, named with its "
		"value. A compute figure is converted only when its accelerator is "
		"in the accelerator table; the reference accelerator is ");
	text(out, ref ? ref : "not set");
	raw(out, ".</p>\n<dl class=\"formulas\">\n");
	for (const struct derivation_kind *k = normalize_kinds; k->kind; k++) {
		raw(out, "<dt id=\"d-");
		esc_attr(out, k->kind);
		raw(out, "\"><code>");
		text(out, k->kind);
		raw(out, "</code> \xE2\x80\x93 ");
		text(out, k->title);
		raw(out, " (");
		text(out, k->unit);
		raw(out, ")</dt>\n<dd><b>Formula:</b> ");
		text(out, k->formula);
		raw(out, "<br><b>Assumes:</b> ");
		text(out, k->assumes);
		raw(out, "</dd>\n");
	}
	raw(out, "</dl>\n</section>\n");
}

static void uncertainty_section(struct strbuf *out, const struct dataset *ds)
{
	static const struct {
		const char *name, *before, *after;
	} spreads[] = {
		{ "approx_spread", "\xE2\x80\x9C" "About X\xE2\x80\x9D, \xE2\x80\x9C~X\xE2\x80\x9D: "
		  "X \xC3\x97 (1 \xE2\x88\x92 s) to X \xC3\x97 (1 + s), s = ", "" },
		{ "bound_spread", "\xE2\x80\x9CUp to X\xE2\x80\x9D: X \xC3\x97 (1 \xE2\x88\x92 s) "
		  "to X; \xE2\x80\x9Cover X\xE2\x80\x9D, \xE2\x80\x9Cmore than X\xE2\x80\x9D, "
		  "\xE2\x80\x9C" "at least X\xE2\x80\x9D: X to X \xC3\x97 (1 + s), s = ",
		  "; a factor is never taken below 1" },
		{ "utilization_low", "Compute from device-time: the low bound uses "
		  "utilization_low = ", "" },
		{ "utilization_high", "and the high bound utilization_high = ", "" },
	};
	raw(out, "<section id=\"uncertainty\">\n<h2>Uncertainty</h2>\n"
		"<p>Every derived value has a low and a high bound (equal to the "
		"value when nothing is uncertain); charts draw them as error bars "
		"and the CSV export <code>derivations.csv</code> carries them.</p>\n<ul>\n"
		"<li>A stated range \xE2\x80\x9CX\xE2\x80\x93Y\xE2\x80\x9D: the value is X, "
		"the bounds X and Y.</li>\n");
	for (size_t i = 0; i < sizeof spreads / sizeof *spreads; i++) {
		const char *v = normalize_assumption(ds, spreads[i].name);
		raw(out, "<li>");
		text(out, spreads[i].before);
		text(out, v ? v : "not set");
		text(out, spreads[i].after);
		raw(out, ".</li>\n");
	}
	raw(out, "<li>Products carry the bounds through: low = product of the "
		"lows, high = product of the highs (6ND uses the bounds of N and "
		"D). A figure implied by a ratio r from a baseline figure B runs "
		"from B<sub>low</sub> \xC3\xB7 r<sub>high</sub> to B<sub>high</sub> "
		"\xC3\xB7 r<sub>low</sub>.</li>\n"
		"<li>Prices, peak FLOP/s, board power, PUE and grid intensity are "
		"taken as exact; override them to see their effect.</li>\n"
		"</ul>\n</section>\n");
}

static void limits_section(struct strbuf *out)
{
	static const char *const cols[] = { "Quantity", "Smallest", "Largest", "Why" };
	raw(out, "<section id=\"plausibility\">\n<h2>Checks</h2>\n"
		"<p>A figure is kept but not normalised (kind "
		"<code>unnormalised</code>, with the reason) when its accelerator, "
		"currency or unit is not in the reference tables, when its value "
		"is zero, negative or not a finite number, when a range ends below "
		"its start, or when it lies outside these limits. A single "
		"conversion that cannot be made (an accelerator without a price or "
		"board power) is recorded as <code>not_derived</code>. Nothing is "
		"guessed and nothing is dropped.</p>\n");
	report_table_head(out, cols, 4, 0x6);
	for (const struct plausibility *p = normalize_limits; p->why; p++) {
		raw(out, "<tr>");
		cell(out, quantity_name((enum quantity)p->quantity));
		num_cell(out, p->min, 1);
		num_cell(out, p->max, 1);
		cell(out, p->why);
		raw(out, "</tr>\n");
	}
	report_table_end(out);
	raw(out, "</section>\n");
}

/* Link to a claim on its paper's page. */
static void claim_link(struct strbuf *out, const struct dataset *ds,
		       const struct report_index *ix, long claim_id)
{
	long at = ix ? report_claim_index(ix, ds, claim_id) : -1;
	if (at < 0 || !ix->slugs) {
		sb_addf(out, "%ld", claim_id);
		return;
	}
	const struct stored_claim *sc = &ds->claims[at];
	raw(out, "<a href=\"papers/");
	esc_attr(out, ix->slugs[sc->paper]);
	sb_addf(out, ".html#c-%ld\">%ld</a> <small>", claim_id, claim_id);
	text(out, ds->papers[sc->paper].title);
	raw(out, "</small>");
}

/* At most this many flagged figures are listed on the page; the rest are
 * in csv/derivations.csv, so the page stays small for any corpus. */
#define FLAGGED_LISTED 500

static void flagged_section(struct strbuf *out, const struct dataset *ds,
			    const struct report_index *ix)
{
	static const char *const cols[] = { "Claim", "Kind", "As stated", "Reason" };
	size_t n_un = 0, n_nd = 0;
	for (size_t i = 0; i < ds->n_derivations; i++) {
		n_un += !strcmp(ds->derivations[i].kind, "unnormalised");
		n_nd += !strcmp(ds->derivations[i].kind, "not_derived");
	}
	raw(out, "<section id=\"not-normalised\">\n<h2>Figures not normalised</h2>\n");
	sb_addf(out, "<p>%zu figure%s kept without being put on a common scale; "
		"%zu conversion%s not made.</p>\n", n_un, n_un == 1 ? " was" : "s were",
		n_nd, n_nd == 1 ? "" : "s");
	if (!n_un && !n_nd) {
		raw(out, "</section>\n");
		return;
	}
	size_t listed = 0;
	report_table_head(out, cols, 4, 0x1);
	for (size_t i = 0; i < ds->n_derivations && listed < FLAGGED_LISTED; i++) {
		const struct derivation *d = &ds->derivations[i];
		if (strcmp(d->kind, "unnormalised") && strcmp(d->kind, "not_derived"))
			continue;
		listed++;
		raw(out, "<tr><td class=\"num\">");
		claim_link(out, ds, ix, d->claim_id);
		raw(out, "</td>");
		cell(out, d->kind);
		raw(out, "<td>");
		number(out, d->value);
		raw(out, " ");
		text(out, d->unit);
		raw(out, "</td>");
		cell(out, d->method);
		raw(out, "</tr>\n");
	}
	report_table_end(out);
	if (n_un + n_nd > listed)
		sb_addf(out, "<p>The first %zu are listed; all %zu are in "
			"<a href=\"downloads/derivations.csv\">derivations.csv</a>.</p>\n",
			listed, n_un + n_nd);
	raw(out, "</section>\n");
}

/* ---- Reference tables ------------------------------------------------- */

static void accelerators_section(struct strbuf *out, const struct dataset *ds)
{
	static const char *const cols[] = {
		"Accelerator", "Peak FP16/BF16 (TFLOP/s, dense)", "Peak FP32 (TFLOP/s)",
		"Board power (W)", "Year", "Price (USD per device-hour)", "Price date",
		"Date", "Source",
	};
	raw(out, "<section id=\"accelerators\">\n<h2>Accelerators</h2>\n"
		"<p>From <code>data/accelerators.csv</code>. Peak throughput is the "
		"dense (not sparse) tensor figure of the datasheet; the price is a "
		"typical on-demand cloud price per device-hour at its date. Empty "
		"cells are unknown and are never filled in by guess.</p>\n");
	if (!ds->n_accelerators) {
		raw(out, "<p class=\"note\">No accelerator reference is stored.</p>\n"
			"</section>\n");
		return;
	}
	report_table_head(out, cols, 9, 0x3E);
	for (size_t i = 0; i < ds->n_accelerators; i++) {
		const struct accelerator *a = &ds->accelerators[i];
		raw(out, "<tr id=\"hw-");
		id_text(out, a->name);
		raw(out, "\"><td>");
		text(out, a->name);
		if (a->aliases && *a->aliases) {
			raw(out, "<br><small>");
			text(out, a->aliases);
			raw(out, "</small>");
		}
		raw(out, "</td>");
		num_cell(out, a->peak_flops / 1e12, a->peak_flops > 0);
		num_cell(out, a->peak_fp32 / 1e12, a->peak_fp32 > 0);
		num_cell(out, a->power_w, a->power_w > 0);
		num_cell(out, a->year, a->year > 0);
		num_cell(out, a->price_usd_h, a->price_usd_h > 0);
		cell(out, a->price_usd_h > 0 && !a->price_date ? "override" : a->price_date);
		cell(out, a->date);
		source_cell(out, a->source);
		raw(out, "</tr>\n");
	}
	report_table_end(out);
	raw(out, "</section>\n");
}

static void price_index_section(struct strbuf *out, const struct dataset *ds)
{
	static const char *const cols[] = { "Year", "CPI-U", "Date", "Source" };
	raw(out, "<section id=\"price-index\">\n<h2>Price index</h2>\n"
		"<p>From <code>data/cpi.csv</code>: US CPI-U annual averages, used "
		"to restate dollars of one year in constant dollars of the "
		"reference year. A year after the last row uses the last row (and "
		"says so); a year before the first is not converted.</p>\n");
	report_table_head(out, cols, 4, 0x3);
	for (size_t i = 0; i < ds->n_price_index; i++) {
		const struct price_index *p = &ds->price_index[i];
		raw(out, "<tr>");
		num_cell(out, p->year, 1);
		num_cell(out, p->cpi, 1);
		cell(out, p->date);
		source_cell(out, p->source);
		raw(out, "</tr>\n");
	}
	report_table_end(out);
	raw(out, "</section>\n");
}

static void currency_section(struct strbuf *out, const struct dataset *ds)
{
	static const char *const cols[] = { "Currency", "Written as", "Year",
					    "Units per USD", "Date", "Source" };
	raw(out, "<section id=\"currencies\">\n<h2>Currencies</h2>\n"
		"<p>From <code>data/currency.csv</code>: annual average exchange "
		"rates. An amount in another currency is converted at the rate of "
		"its year (the nearest year in the table when that year is "
		"missing, said in the derivation), then restated in constant "
		"dollars. A currency not in the table is not converted.</p>\n");
	report_table_head(out, cols, 6, 0xC);
	for (size_t i = 0; i < ds->n_currencies; i++) {
		const struct currency *c = &ds->currencies[i];
		raw(out, "<tr><td>");
		text(out, c->code);
		raw(out, " <small>");
		text(out, c->name);
		raw(out, "</small></td>");
		cell(out, c->symbols);
		num_cell(out, c->year, 1);
		num_cell(out, c->per_usd, 1);
		cell(out, c->date);
		source_cell(out, c->source);
		raw(out, "</tr>\n");
	}
	report_table_end(out);
	raw(out, "</section>\n");
}

static void charts_text(struct strbuf *out)
{
	raw(out, "<section id=\"charts-method\">\n<h2>Charts</h2>\n"
		"<p>Charts use the claims that are active and not rejected, "
		"and only a paper's own figures, not those it quotes for a "
		"baseline. Where a paper states several figures of one kind, "
		"the first is drawn; ranges are drawn at their lower end. "
		"Cost against quality uses the stated cost restated in "
		"constant dollars of the dollar year, or an estimate from "
		"stated compute at the reference price (in the same dollars) "
		"when no cost is stated (drawn hollow); when most papers of a "
		"benchmark state only compute, the axis is reference-accelerator "
		"hours (A100-equivalent, by peak FLOP/s) "
		"instead. For metrics where lower is better (FID, perplexity, "
		"error, loss) the axis is reversed so that up is always "
		"better.</p>\n</section>\n");
}

void report_methodology(struct strbuf *out, const struct dataset *ds,
			const struct report_index *ix)
{
	intro(out);
	assumptions_section(out, ds);
	formulas_section(out, ds);
	uncertainty_section(out, ds);
	limits_section(out);
	flagged_section(out, ds, ix);
	accelerators_section(out, ds);
	price_index_section(out, ds);
	currency_section(out, ds);
	charts_text(out);
}

/* curated.c - validation and conversion of curated claim rows. */
#include "curated.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "figure.h"
#include "source.h"
#include "util.h"

static const char *const field_names[CF__COUNT] = {
	"paper", "arxiv_id", "url", "date", "quantity", "figure", "value",
	"value_max", "unit", "dimension", "hardware", "metric", "dataset",
	"qualifier", "subject", "baseline", "span", "evidence", "action",
};

int curated_field_find(const char *name)
{
	if (!strcmp(name, "title"))
		return CF_PAPER;
	for (int i = 0; i < CF__COUNT; i++)
		if (!strcmp(name, field_names[i]))
			return i;
	return -1;
}

const char *curated_field_name(enum curated_field f)
{
	return field_names[f];
}

struct conv {
	const struct curated_row *row;
	const char *path;
};

static const char *get(const struct conv *cv, enum curated_field f)
{
	const char *v = cv->row->value[f];
	return v && *v ? v : NULL;
}

static int bad(const struct conv *cv, enum curated_field f, long extra_col,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int bad(const struct conv *cv, enum curated_field f, long extra_col,
	       const char *fmt, ...)
{
	va_list ap;
	long line = cv->row->line[f] ? cv->row->line[f] : cv->row->row_line;
	long col = cv->row->col[f] ? cv->row->col[f] + extra_col : 1;
	struct strbuf msg = STRBUF_INIT;
	sb_addf(&msg, "%s: ", field_names[f]);
	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	err_at(cv->path, line, col, "%s", msg.buf);
	sb_release(&msg);
	return -1;
}

/* A plain decimal number, the whole text, finite: returns 0, -1 when s
 * is not a number, -2 when it is one out of range ("1e400", "1e-400"). */
static int parse_number(const char *s, double *out)
{
	char *end;
	while (isspace((unsigned char)*s))
		s++;
	if (!*s || !(isdigit((unsigned char)*s) || *s == '-' || *s == '+' || *s == '.'))
		return -1;
	errno = 0;
	double v = strtod(s, &end);
	while (isspace((unsigned char)*end))
		end++;
	if (*end || end == s)
		return -1;
	if (!isfinite(v) && errno != ERANGE)
		return -1; /* "inf", "nan" */
	if (errno == ERANGE || !isfinite(v))
		return -2;
	*out = v;
	return 0;
}

static int valid_date(const char *s)
{
	/* YYYY, YYYY-MM or YYYY-MM-DD. */
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (!isdigit((unsigned char)s[i])) {
			return 0;
		}
	}
	int month = n >= 7 ? atoi(s + 5) : 1, day = n == 10 ? atoi(s + 8) : 1;
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int convert_paper(const struct conv *cv, struct paper *p)
{
	const char *title = get(cv, CF_PAPER);
	if (!title)
		return bad(cv, CF_PAPER, 0, "%s", "missing paper title");
	p->title = text_fold_space(title, strlen(title));
	if (!*p->title)
		return bad(cv, CF_PAPER, 0, "%s", "missing paper title");
	const char *id = get(cv, CF_ARXIV_ID);
	if (id && !(p->arxiv_id = arxiv_id_normalise(id)))
		return bad(cv, CF_ARXIV_ID, 0, "'%s' is not an arXiv identifier", id);
	const char *url = get(cv, CF_URL);
	if (url) {
		if (strncmp(url, "https://", 8) && strncmp(url, "http://", 7))
			return bad(cv, CF_URL, 0, "'%s' is not an http(s) URL", url);
		p->url = xstrdup(url);
	}
	const char *date = get(cv, CF_DATE);
	if (date) {
		if (!valid_date(date))
			return bad(cv, CF_DATE, 0, "'%s' is not a date (YYYY-MM-DD)", date);
		p->date = xstrdup(date);
	}
	p->source_file = xstrdup(cv->path);
	p->source_line = cv->row->row_line;
	return 0;
}

/* Parse the figure column, or "value unit" when only those are given. */
static int convert_figure(const struct conv *cv, enum quantity q, struct claim *c)
{
	const char *figure = get(cv, CF_FIGURE);
	const char *unit = get(cv, CF_UNIT);
	enum curated_field f = CF_FIGURE;
	struct strbuf text = STRBUF_INIT;
	struct figure_error fe = { 0, "" };
	if (figure) {
		sb_adds(&text, figure);
	} else {
		f = CF_UNIT;
		sb_addf(&text, "%s %s", get(cv, CF_VALUE), unit);
	}
	int rc = figure_parse(text.buf, q, c, &fe);
	if (rc) {
		long col = figure ? fe.col - 1 : 0;
		bad(cv, f, col > 0 ? col : 0, "%s", fe.msg);
	} else if (c->quantity != q) {
		struct strbuf m = STRBUF_INIT;
		sb_addf(&m, "'%s' reads as %s, not %s", text.buf,
			quantity_name(c->quantity), quantity_name(q));
		rc = bad(cv, f, 0, "%s", m.buf);
		sb_release(&m);
	}
	if (!rc)
		claim_set(&c->raw, text.buf);
	sb_release(&text);
	return rc;
}

/* The value column: alone it is the canonical value; beside a figure it
 * must agree with what the figure reads as; with a unit it was part of the
 * text parsed (parsed set). */
static int convert_value(const struct conv *cv, struct claim *c, int parsed)
{
	const char *v = get(cv, CF_VALUE);
	double x;
	int rc = v ? parse_number(v, &x) : 0;
	if (rc)
		return bad(cv, CF_VALUE, 0, rc == -2 ? "'%s' is out of range" : "'%s' is not a number", v);
	if (v && get(cv, CF_FIGURE)) {
		double tol = 5e-4 * fmax(fabs(x), 1e-9);
		if (fabs(c->value - x) > tol) {
			char got[32];
			fmt_double(got, sizeof got, c->value);
			struct strbuf m = STRBUF_INIT;
			sb_addf(&m, "%s disagrees with the figure, which reads as %s", v, got);
			bad(cv, CF_VALUE, 0, "%s", m.buf);
			sb_release(&m);
			return -1;
		}
	} else if (v && !parsed) {
		c->value = x;
		claim_set(&c->raw, v);
		claim_set(&c->unit, get(cv, CF_UNIT) ? get(cv, CF_UNIT) : quantity_unit(c->quantity));
	}
	const char *vmax = get(cv, CF_VALUE_MAX);
	if (vmax) {
		if ((rc = parse_number(vmax, &x)))
			return bad(cv, CF_VALUE_MAX, 0, rc == -2 ? "'%s' is out of range"
							  : "'%s' is not a number", vmax);
		if (x < c->value)
			return bad(cv, CF_VALUE_MAX, 0, "%s is below value", vmax);
		c->value_max = x;
		c->has_max = 1;
	}
	return 0;
}

static int check_amount(const struct conv *cv, const struct claim *c)
{
	enum curated_field f = get(cv, CF_FIGURE) ? CF_FIGURE : CF_VALUE;
	if (c->quantity == Q_RATIO && c->value < 1)
		return bad(cv, f, 0, "%s", "a ratio is a factor of at least 1 "
			   "(write reductions as percentages or invert)");
	if (c->quantity != Q_QUALITY && c->value <= 0)
		return bad(cv, f, 0, "%s", "amount must be positive");
	if (c->quantity != Q_QUALITY && c->value > 1e27)
		return bad(cv, f, 0, "%s", "amount is implausibly large");
	return 0;
}

static int convert_enums(const struct conv *cv, struct claim *c)
{
	const char *s;
	if ((s = get(cv, CF_QUALIFIER)) && qualifier_parse(s, &c->qualifier))
		return bad(cv, CF_QUALIFIER, 0, "unknown qualifier '%s' "
			   "(upper_bound, lower_bound, approx)", s);
	if ((s = get(cv, CF_ACTION)) && curation_parse(s, &c->curation))
		return bad(cv, CF_ACTION, 0, "unknown action '%s' "
			   "(add, confirm, correct, reject)", s);
	if ((s = get(cv, CF_SUBJECT))) {
		if (strcmp(s, "baseline"))
			return bad(cv, CF_SUBJECT, 0, "unknown subject '%s' (baseline or empty)", s);
		c->subject_baseline = 1;
	}
	if ((s = get(cv, CF_DIMENSION))) {
		if (!dimension_valid(s))
			return bad(cv, CF_DIMENSION, 0, "unknown dimension '%s'", s);
		claim_set(&c->dimension, s);
	}
	if (c->quantity == Q_RATIO && !c->dimension)
		return bad(cv, CF_DIMENSION, 0, "%s", "a ratio needs a dimension");
	return 0;
}

static void copy_text(const struct conv *cv, enum curated_field f, char **field)
{
	const char *s = get(cv, f);
	if (s)
		claim_set(field, s);
}

static void convert_attributes(const struct conv *cv, struct claim *c)
{
	const char *hw = get(cv, CF_HARDWARE);
	if (hw) {
		const char *norm = hardware_normalise(hw, strlen(hw));
		claim_set(&c->hardware, norm ? norm : hw);
	}
	const char *metric = get(cv, CF_METRIC);
	if (metric) {
		char *m = xstrdup(metric);
		for (char *p = m; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		free(c->metric);
		c->metric = m;
	}
	copy_text(cv, CF_DATASET, &c->dataset);
	copy_text(cv, CF_BASELINE, &c->baseline);
	copy_text(cv, CF_SPAN, &c->span);
	copy_text(cv, CF_EVIDENCE, &c->evidence);
}

int curated_convert(const struct curated_row *row, const char *path,
		    struct paper *p, struct claim *c)
{
	struct conv cv = { row, path };
	enum quantity q;
	const char *qs = get(&cv, CF_QUANTITY);
	if (convert_paper(&cv, p))
		return -1;
	if (!qs)
		return bad(&cv, CF_QUANTITY, 0, "%s", "missing quantity");
	if (quantity_parse(qs, &q) || q == Q_NONE)
		return bad(&cv, CF_QUANTITY, 0, "unknown quantity '%s'", qs);
	c->quantity = q;
	c->origin = ORIGIN_CURATED;
	/* A value with a unit is read as a figure ("5 A100 GPU days"), except
	 * for quality, whose unit is just the metric's ("%", "FID"). */
	int have_figure = get(&cv, CF_FIGURE) ||
			  (get(&cv, CF_UNIT) && get(&cv, CF_VALUE) && q != Q_QUALITY);
	if (!have_figure && !get(&cv, CF_VALUE))
		return bad(&cv, CF_FIGURE, 0, "%s", "give the figure as written, or a value");
	/* Explicit attributes first: the figure parser keeps fields that are
	 * already set, so a curated dimension or metric wins over a guess. */
	if (convert_enums(&cv, c))
		return -1;
	convert_attributes(&cv, c);
	if (have_figure && convert_figure(&cv, q, c))
		return -1;
	if (convert_value(&cv, c, have_figure))
		return -1;
	if (q == Q_RATIO && !c->dimension)
		return bad(&cv, CF_DIMENSION, 0, "%s", "a ratio needs a dimension");
	if (q == Q_QUALITY && !c->metric)
		return bad(&cv, CF_METRIC, 0, "%s", "a quality claim needs a metric");
	if (!c->unit)
		claim_set(&c->unit, q == Q_QUALITY ? c->metric : quantity_unit(q));
	claim_set(&c->source_file, path);
	c->source_line = row->row_line;
	return check_amount(&cv, c);
}

/* report_html.c - the static site:
 *
 *   index.html             overview: counts, coverage, what changed, the
 *                          headline charts
 *   benchmarks.html        every benchmark; benchmarks/SLUG.html one each,
 *                          with cost against quality and the Pareto frontier
 *   speedups.html          claimed factors by dimension
 *   scale.html             parameters against training tokens
 *   claims.html            the claims explorer (claims-N.html further pages)
 *   papers.html            every paper (papers-N.html); papers/SLUG.html one
 *                          each, evidence highlighted in the abstract
 *   performance.html       with report --perf-results only: make bench's
 *                          measurements, charted and in a table
 *   downloads.html         CSV, JSON Lines and the database
 *   methodology.html       assumptions and reference tables
 *   style.css
 *
 * The only file that knows markup.  Every text from the dataset goes
 * through esc_html (element text), esc_attr (attribute values) or esc_url
 * (href); markup itself only ever comes from string literals here.  Pages
 * use relative links and no external resource, so the site works opened
 * from disk; the explorer's small inline script only adds sorting and
 * filtering to a table that is complete without it.  Long lists are split
 * into pages of REPORT_PAGE_ROWS rows.  Output depends only on the dataset
 * and the previous report's manifest: no dates, no absolute paths. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

#include "report_internal.h"

struct page {
	struct strbuf out;
	const char *root; /* "" for the site's top, "../" one folder down */
	int perf_nav;     /* the navigation links the performance page */
};

/* What the pages share: the dataset, its indexes, and per claim whether
 * (and where) its span is marked in the abstract. */
struct site {
	const struct dataset *ds;
	const struct report_index *ix;
	const struct chart_list *charts;
	const struct report_model *model;
	const struct report_changes *changes;
	const unsigned char *marked; /* per claim: span highlighted in
					abstract */
	int has_db;
	const struct perf_results *perf; /* performance page, or NULL */
};

/* ---- Small writers ---------------------------------------------------- */

static void raw(struct page *pg, const char *markup)
{
	sb_adds(&pg->out, markup);
}

static void text(struct page *pg, const char *s)
{
	esc_html(&pg->out, s ? s : "");
}

static void attr(struct page *pg, const char *s)
{
	esc_attr(&pg->out, s ? s : "");
}

static void text_n(struct page *pg, const char *s, size_t n)
{
	char *part = xstrndup(s, n);
	esc_html(&pg->out, part);
	free(part);
}

/* <a href="ROOT+path">, path being trusted (slugs, fixed names). */
static void link_open(struct page *pg, const char *path)
{
	raw(pg, "<a href=\"");
	attr(pg, pg->root);
	attr(pg, path);
	raw(pg, "\">");
}

/* Is this derivation kind a flag that nothing (or not everything) was
 * derived, explained under "#not-normalised"? */
static int is_flag_kind(const char *kind)
{
	return kind && (!strcmp(kind, "unnormalised") ||
			!strcmp(kind, "not_derived"));
}

/* <a> to where the methodology page explains derivation kind: its
 * formula under "#d-KIND", or "#not-normalised" for the flags. */
static void method_link_open(struct page *pg, const char *kind)
{
	raw(pg, "<a href=\"");
	attr(pg, pg->root);
	raw(pg, "methodology.html#");
	if (is_flag_kind(kind)) {
		raw(pg, "not-normalised");
	} else {
		raw(pg, "d-");
		attr(pg, kind);
	}
	raw(pg, "\">");
}

/* text, linked to the methodology of kind when kind is set. */
static void method_text(struct page *pg, const char *kind, const char *s)
{
	if (kind && *kind)
		method_link_open(pg, kind);
	text(pg, s);
	if (kind && *kind)
		raw(pg, "</a>");
}

static void num_text(struct page *pg, double v)
{
	struct strbuf sb = STRBUF_INIT;
	report_human_number(&sb, v);
	text(pg, sb.buf);
	sb_release(&sb);
}

static void count_text(struct page *pg, size_t n)
{
	sb_add_long(&pg->out, (long long)n);
}

/* ---- Page frame ------------------------------------------------------- */

static const struct {
	const char *path, *label, *id;
} nav_items[] = {
	{ "index.html", "Overview", "overview" },
	{ "benchmarks.html", "Benchmarks", "benchmarks" },
	{ "speedups.html", "Speed-ups", "speedups" },
	{ "scale.html", "Scale", "scale" },
	{ "claims.html", "Claims", "claims" },
	{ "papers.html", "Papers", "papers" },
	{ "performance.html", "Performance", "performance" },
	{ "downloads.html", "Downloads", "downloads" },
	{ "methodology.html", "Methodology", "methodology" },
};

static void page_nav(struct page *pg, const char *current)
{
	raw(pg, "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
		"<header class=\"site\"><div class=\"wrap\">\n");
	link_open(pg, "index.html");
	raw(pg, "<span class=\"brand\">effdash</span></a>\n"
		"<nav aria-label=\"Site\"><ul>\n");
	for (size_t i = 0; i < sizeof nav_items / sizeof *nav_items; i++) {
		/* The performance page exists only when asked for. */
		if (!pg->perf_nav && !strcmp(nav_items[i].id, "performance"))
			continue;
		raw(pg, "<li>");
		raw(pg, "<a href=\"");
		attr(pg, pg->root);
		attr(pg, nav_items[i].path);
		raw(pg, "\"");
		if (current && !strcmp(current, nav_items[i].id))
			raw(pg, " aria-current=\"page\"");
		raw(pg, ">");
		text(pg, nav_items[i].label);
		raw(pg, "</a></li>\n");
	}
	raw(pg, "</ul></nav>\n</div></header>\n");
}

/* At most this many bytes of a title go into <title>; the page's heading
 * has it whole. */
#define TITLE_MAX 56

/* The title cut at a word boundary, so that tabs and bookmarks stay
 * readable. */
static void page_title(struct page *pg, const char *title)
{
	size_t len = strlen(title), n = len;
	if (len > TITLE_MAX) {
		n = TITLE_MAX;
		while (n > TITLE_MAX / 2 && title[n] != ' ')
			n--;
		while (n > 0 && ((unsigned char)title[n] & 0xC0) == 0x80)
			n--;
	}
	text_n(pg, title, n);
	if (n < len)
		raw(pg, "\xE2\x80\xA6");
}

static void page_open(struct page *pg, const struct site *st,
		      const char *root, const char *title, const char *current)
{
	sb_init(&pg->out);
	pg->root = root;
	pg->perf_nav = st->perf != NULL;
	raw(pg, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, "
		"initial-scale=1\">\n<title>");
	page_title(pg, title);
	raw(pg, " \xE2\x80\x93 effdash</title>\n<link rel=\"stylesheet\" href=\"");
	attr(pg, root);
	raw(pg, "style.css\">\n</head>\n<body>\n");
	page_nav(pg, current);
	raw(pg, "<main id=\"main\" class=\"wrap\">\n");
}

static int page_close(struct page *pg, const char *dir, const char *name)
{
	raw(pg, "</main>\n<footer class=\"site\"><div class=\"wrap\">"
		"<p>Generated by effdash from the claims stored for these "
		"papers. Figures are as the papers state them; derived values "
		"rest on the assumptions listed under ");
	link_open(pg, "methodology.html");
	raw(pg, "Methodology</a>.</p></div></footer>\n</body>\n</html>\n");
	int rc = report_save(dir, name, &pg->out);
	sb_release(&pg->out);
	return rc;
}

/* ---- Claims ----------------------------------------------------------- */

static const char *kind_label(enum quantity q)
{
	return report_kind_label(q);
}

static void claim_value(struct page *pg, const struct claim *c)
{
	struct strbuf sb = STRBUF_INIT;
	report_claim_value(&sb, c);
	text(pg, sb.buf);
	sb_release(&sb);
	if (c->raw && *c->raw && (!c->span || strcmp(c->raw, c->span))) {
		raw(pg, "<br><small class=\"raw\">as written: ");
		text(pg, c->raw);
		raw(pg, "</small>");
	}
}

static void context_item(struct page *pg, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	raw(pg, "<span class=\"ctx\"><span class=\"k\">");
	text(pg, key);
	raw(pg, "</span> ");
	text(pg, value);
	raw(pg, "</span> ");
}

static void claim_context(struct page *pg, const struct claim *c)
{
	context_item(pg, "dimension", c->dimension);
	context_item(pg, "hardware", c->hardware);
	context_item(pg, "metric", c->metric);
	context_item(pg, "dataset", c->dataset);
	context_item(pg, "versus", c->baseline);
	if (c->subject_baseline)
		raw(pg, "<span class=\"ctx tag\">baseline's figure</span>");
}

static void claim_evidence(struct page *pg, const struct claim *c)
{
	if (c->span && *c->span) {
		raw(pg, "<q>");
		text(pg, c->span);
		raw(pg, "</q>");
	}
	if (c->evidence && *c->evidence &&
	    (!c->span || strcmp(c->span, c->evidence))) {
		raw(pg, "<br><small>");
		text(pg, c->evidence);
		raw(pg, "</small>");
	}
}

static void claim_origin(struct page *pg, const struct stored_claim *sc)
{
	const struct claim *c = &sc->claim;
	text(pg, origin_name(c->origin));
	if (c->origin == ORIGIN_CURATED) {
		raw(pg, " (");
		text(pg, curation_name(c->curation));
		raw(pg, ")");
	}
	if (sc->status)
		raw(pg, "<br><span class=\"tag\">superseded</span>");
	if (c->source_file && *c->source_file) {
		raw(pg, "<br><small class=\"src\">");
		text(pg, c->source_file);
		if (c->source_line > 0) {
			sb_addc(&pg->out, ':');
			sb_add_long(&pg->out, c->source_line);
		}
		raw(pg, "</small>");
	}
}

static const char *row_class(const struct stored_claim *sc)
{
	return claim_counts(sc) ? "" : " class=\"inactive\"";
}

/* Where a claim lives on its paper's page: its highlight in the abstract
 * when it has one, else its row. */
static void claim_anchor(struct page *pg, const struct site *st, size_t ci)
{
	raw(pg, st->marked[ci] ? "#claim-" : "#c-");
	sb_add_long(&pg->out, st->ds->claims[ci].id);
}

/* A link to paper p's page, or with claim >= 0 to that claim on it. */
static void paper_link(struct page *pg, const struct site *st, size_t p, long claim)
{
	raw(pg, "<a href=\"");
	attr(pg, pg->root);
	raw(pg, "papers/");
	attr(pg, st->ix->slugs[p]);
	raw(pg, ".html");
	if (claim >= 0)
		claim_anchor(pg, st, (size_t)claim);
	raw(pg, "\">");
	text(pg, st->ds->papers[p].title);
	raw(pg, "</a>");
}

void report_table_head(struct strbuf *out, const char *const *cols, size_t n,
		       unsigned numeric)
{
	sb_adds(out, "<div class=\"scroll\"><table>\n<thead><tr>");
	for (size_t i = 0; i < n; i++) {
		sb_adds(out, numeric >> i & 1 ? "<th class=\"num\" scope=\"col\">"
					      : "<th scope=\"col\">");
		esc_html(out, cols[i] ? cols[i] : "");
		sb_adds(out, "</th>");
	}
	sb_adds(out, "</tr></thead>\n<tbody>\n");
}

void report_table_end(struct strbuf *out)
{
	sb_adds(out, "</tbody>\n</table></div>\n");
}

static void table_head(struct page *pg, const char *const *cols, size_t n,
		       unsigned numeric)
{
	report_table_head(&pg->out, cols, n, numeric);
}

static void table_end(struct page *pg)
{
	report_table_end(&pg->out);
}

/* ---- Pages of long lists ---------------------------------------------- */

static size_t page_count(size_t rows)
{
	return rows ? (rows + REPORT_PAGE_ROWS - 1) / REPORT_PAGE_ROWS : 1;
}

/* "claims.html" for the first page, "claims-2.html" for the second. */
static void page_file(struct strbuf *out, const char *stem, size_t k)
{
	if (k == 0)
		sb_addf(out, "%s.html", stem);
	else
		sb_addf(out, "%s-%zu.html", stem, k + 1);
}

static void pager_link(struct page *pg, const char *stem, size_t k,
		       size_t current)
{
	struct strbuf f = STRBUF_INIT;
	page_file(&f, stem, k);
	raw(pg, "<li><a href=\"");
	attr(pg, f.buf);
	raw(pg, k == current ? "\" aria-current=\"page\">" : "\">");
	count_text(pg, k + 1);
	raw(pg, "</a></li>");
	sb_release(&f);
}

/* Links to the pages of a list: the first, the last, and the three on
 * either side of the current one. */
static void pager(struct page *pg, const char *stem, size_t k, size_t pages,
		  const char *label)
{
	if (pages < 2)
		return;
	raw(pg, "<nav class=\"pager\" aria-label=\"");
	attr(pg, label);
	raw(pg, "\"><ul>");
	for (size_t i = 0; i < pages; i++) {
		int near = i + 3 >= k && i <= k + 3;
		if (i == 0 || i + 1 == pages || near)
			pager_link(pg, stem, i, k);
		else if (i == 1 || i + 2 == pages)
			raw(pg, "<li aria-hidden=\"true\">\xE2\x80\xA6</li>");
	}
	raw(pg, "</ul></nav>\n");
}

/* ---- Charts ----------------------------------------------------------- */

/* A cell of a chart's table; a derived cost links to its derivation. */
static void text_linked(struct page *pg, const struct site *st,
			const struct chart *c, size_t r, size_t i,
			const char *cell)
{
	const char *kind = NULL;
	if (c->kind == CHART_BENCH && *cell &&
	    ((c->cost_cols | c->bound_cols) >> i & 1)) {
		const struct bench *b = &st->model->bench[c->bench];
		if (r < b->n_pt)
			kind = c->cost_cols >> i & 1 ? b->pt[r].cost_kind
						     : b->pt[r].bound_kind;
	}
	method_text(pg, kind, cell);
}

static void chart_table(struct page *pg, const struct site *st,
			const struct chart *c)
{
	table_head(pg, (const char *const *)c->cols, c->n_cols, c->numeric);
	for (size_t r = 0; r < c->n_rows; r++) {
		raw(pg, "<tr>");
		for (size_t i = 0; i < c->n_cols; i++) {
			const char *cell = c->cells[r * c->n_cols + i];
			raw(pg, c->numeric >> i & 1 ? "<td class=\"num\">"
						    : "<td>");
			if (i == 0 && c->row_paper[r] >= 0)
				paper_link(pg, st, (size_t)c->row_paper[r], -1);
			else
				text_linked(pg, st, c, r, i, cell);
			raw(pg, "</td>");
		}
		raw(pg, "</tr>\n");
	}
	table_end(pg);
}

static void chart_file_link(struct page *pg, const struct chart *c,
			    const char *ext, const char *label)
{
	struct strbuf path = STRBUF_INIT;
	sb_addf(&path, "charts/%s.%s", c->name, ext);
	link_open(pg, path.buf);
	text(pg, label);
	raw(pg, "</a>");
	sb_release(&path);
}

/* A chart with its heading, permalink, text alternative, caption and,
 * when table is set, its figures as a table. */
static void chart_figure(struct page *pg, const struct site *st,
			 const struct chart *c, int table, int level)
{
	raw(pg, "<figure class=\"chart\" id=\"chart-");
	attr(pg, c->name);
	sb_addf(&pg->out, "\">\n<h%d>", level);
	text(pg, c->title);
	raw(pg, " <a class=\"permalink\" href=\"#chart-");
	attr(pg, c->name);
	sb_addf(&pg->out, "\" aria-label=\"Permalink to this chart\">#</a>"
		"</h%d>\n", level);
	if (c->rendered) {
		/* The image opens full size: small screens can zoom in. */
		raw(pg, "<a class=\"zoom\" href=\"");
		attr(pg, pg->root);
		raw(pg, "charts/");
		attr(pg, c->name);
		raw(pg, ".svg\"><img src=\"");
		attr(pg, pg->root);
		raw(pg, "charts/");
		attr(pg, c->name);
		raw(pg, ".svg\" width=\"900\" height=\"600\" alt=\"");
		attr(pg, c->alt);
		raw(pg, "\"></a>\n");
	} else {
		raw(pg, "<p class=\"note\">This chart was not rendered; its "
			"figures are in the table.</p>\n");
	}
	raw(pg, "<figcaption>");
	text(pg, c->caption);
	if (c->rendered) {
		raw(pg, " <span class=\"files\">");
		chart_file_link(pg, c, "svg", "SVG");
		raw(pg, " \xC2\xB7 ");
		chart_file_link(pg, c, "png", "PNG for slides");
		raw(pg, "</span>");
	}
	raw(pg, "</figcaption>\n</figure>\n");
	if (table && c->n_rows) {
		raw(pg, "<details class=\"figures\"><summary>The figures of "
			"this chart as a table</summary>\n");
		chart_table(pg, st, c);
		raw(pg, "</details>\n");
	}
}

static const struct chart *chart_of_kind(const struct site *st,
					 enum chart_kind kind)
{
	for (size_t i = 0; i < st->charts->len; i++)
		if (st->charts->items[i].kind == kind)
			return &st->charts->items[i];
	return NULL;
}

static const struct chart *chart_of_bench(const struct site *st, size_t b)
{
	for (size_t i = 0; i < st->charts->len; i++)
		if (st->charts->items[i].kind == CHART_BENCH &&
		    st->charts->items[i].bench == b)
			return &st->charts->items[i];
	return NULL;
}

/* A chart of a kind, or the "no data" chart standing in for it. */
static const struct chart *chart_or_nodata(const struct site *st,
					   enum chart_kind kind,
					   const char *name)
{
	const struct chart *c = chart_of_kind(st, kind);
	for (size_t i = 0; !c && i < st->charts->len; i++)
		if (st->charts->items[i].kind == CHART_NODATA &&
		    !strcmp(st->charts->items[i].name, name))
			c = &st->charts->items[i];
	return c;
}

/* ---- Overview --------------------------------------------------------- */

struct counts {
	size_t active, curated, extracted, inactive;
	size_t by_kind[Q__COUNT];
	size_t derived[Q__COUNT];   /* claims with a derived value */
	size_t unnorm[Q__COUNT];    /* claims kept unnormalised */
	size_t n_deriv;
};

static int is_unnormalised(const struct derivation *d)
{
	return d->kind && !strcmp(d->kind, "unnormalised");
}

static void count_derived(const struct site *st, const struct stored_claim *sc,
			  struct counts *n)
{
	size_t first, k = report_derivations_of(st->ix, st->ds, sc->id, &first);
	int un = 0, conv = 0;
	for (size_t i = first; i < first + k; i++) {
		const struct derivation *d =
			&st->ds->derivations[st->ix->deriv_order[i]];
		if (is_unnormalised(d))
			un = 1;
		else
			conv = 1;
	}
	n->n_deriv += k;
	n->unnorm[sc->claim.quantity] += un;
	n->derived[sc->claim.quantity] += conv && !un;
}

static void count_claims(const struct site *st, struct counts *n)
{
	memset(n, 0, sizeof *n);
	for (size_t i = 0; i < st->ds->n_claims; i++) {
		const struct stored_claim *sc = &st->ds->claims[i];
		if (!claim_counts(sc)) {
			n->inactive++;
			continue;
		}
		n->active++;
		if (sc->claim.origin == ORIGIN_CURATED)
			n->curated++;
		else
			n->extracted++;
		if ((int)sc->claim.quantity < 0 ||
		    sc->claim.quantity >= Q__COUNT)
			continue;
		n->by_kind[sc->claim.quantity]++;
		count_derived(st, sc, n);
	}
}

static void stat_card(struct page *pg, size_t n, const char *label)
{
	raw(pg, "<div class=\"stat\"><span class=\"n\">");
	count_text(pg, n);
	raw(pg, "</span> <span class=\"l\">");
	text(pg, label);
	raw(pg, "</span></div>\n");
}

static void kind_table(struct page *pg, const struct counts *n)
{
	static const char *const cols[] = {
		"Kind", "Canonical unit", "Claims", "Normalised",
		"Not normalised",
	};
	table_head(pg, cols, 5, 0x1C);
	for (int q = Q_COST_USD; q < Q__COUNT; q++) {
		const char *unit = quantity_unit((enum quantity)q);
		raw(pg, "<tr><td>");
		text(pg, kind_label((enum quantity)q));
		raw(pg, "</td><td>");
		text(pg, unit ? unit : "as stated (metric's unit)");
		raw(pg, "</td><td class=\"num\">");
		count_text(pg, n->by_kind[q]);
		raw(pg, "</td><td class=\"num\">");
		if (q == Q_COMPUTE)
			count_text(pg, n->derived[q]);
		else
			raw(pg, "<span class=\"muted\">as stated</span>");
		raw(pg, "</td><td class=\"num\">");
		if (q == Q_COMPUTE)
			count_text(pg, n->unnorm[q]);
		raw(pg, "</td></tr>\n");
	}
	table_end(pg);
}

struct reason {
	const char *text;
	size_t n;
};

static int reason_cmp(const void *a, const void *b)
{
	const struct reason *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* The distinct texts of v[0..n) with how many times each comes, most
 * frequent first (then in byte order), into r (room for n); returns how
 * many.  Counted in a hash table: a corpus has few distinct values and
 * many claims, which a sort of every value would compare over and over. */
static size_t count_texts(const char *const *v, size_t n, struct reason *r)
{
	size_t cap = 64, k = 0;
	struct reason *slot = xcalloc(cap, sizeof *slot);
	unsigned long long *key = xcalloc(cap, sizeof *key);
	for (size_t i = 0; i < n; i++) {
		if (2 * (k + 1) > cap) { /* grow: every text again */
			size_t was = cap;
			struct reason *old = slot;
			unsigned long long *old_key = key;
			cap *= 2;
			slot = xcalloc(cap, sizeof *slot);
			key = xcalloc(cap, sizeof *key);
			for (size_t j = 0; j < was; j++) {
				if (!old[j].text)
					continue;
				size_t at = (size_t)old_key[j] & (cap - 1);
				while (slot[at].text)
					at = (at + 1) & (cap - 1);
				slot[at] = old[j];
				key[at] = old_key[j];
			}
			free(old);
			free(old_key);
		}
		unsigned long long h = hash_text(0, v[i]);
		size_t at = (size_t)h & (cap - 1);
		while (slot[at].text && (key[at] != h || strcmp(slot[at].text, v[i])))
			at = (at + 1) & (cap - 1);
		if (!slot[at].text) {
			slot[at] = (struct reason){ v[i], 0 };
			key[at] = h;
			k++;
		}
		slot[at].n++;
	}
	size_t m = 0;
	for (size_t j = 0; j < cap; j++)
		if (slot[j].text)
			r[m++] = slot[j];
	free(slot);
	free(key);
	if (m)
		qsort(r, m, sizeof *r, reason_cmp);
	return m;
}

/* Why compute claims stay unnormalised, most common reasons first. */
static void unnormalised_reasons(struct page *pg, const struct site *st)
{
	const char **m = xcalloc(st->ds->n_derivations + 1, sizeof *m);
	struct reason *r = xcalloc(st->ds->n_derivations + 1, sizeof *r);
	size_t n = 0, k = 0;
	for (size_t i = 0; i < st->ds->n_derivations; i++)
		if (is_unnormalised(&st->ds->derivations[i]))
			m[n++] = st->ds->derivations[i].method
					 ? st->ds->derivations[i].method
					 : "";
	k = count_texts(m, n, r);
	if (k) {
		raw(pg, "<p>Why figures stay unnormalised (they are kept, "
			"never guessed):</p>\n<ul class=\"reasons\">\n");
		for (size_t i = 0; i < k && i < 6; i++) {
			raw(pg, "<li>");
			text(pg, r[i].text);
			raw(pg, " \xE2\x80\x94 ");
			count_text(pg, r[i].n);
			raw(pg, "</li>\n");
		}
		if (k > 6) {
			raw(pg, "<li>");
			count_text(pg, k - 6);
			raw(pg, " other reasons</li>\n");
		}
		raw(pg, "</ul>\n");
	}
	free(m);
	free(r);
}

struct coverage {
	size_t any, cost, comparable, scale, result, charted;
};

static void count_coverage(const struct site *st, struct coverage *cv)
{
	const struct dataset *ds = st->ds;
	const struct report_index *ix = st->ix;
	unsigned char *charted = xcalloc(ds->n_papers + 1, 1);
	memset(cv, 0, sizeof *cv);
	for (size_t b = 0; b < st->model->n_bench; b++)
		for (size_t i = 0; i < st->model->bench[b].n_pt; i++)
			charted[st->model->bench[b].pt[i].paper] = 1;
	for (size_t p = 0; p < ds->n_papers; p++) {
		long cost = report_own_claim(ds, ix, p, Q_COST_USD);
		long compute = report_own_claim(ds, ix, p, Q_COMPUTE);
		double v;
		int any = 0, result = 0;
		for (size_t k = ix->paper_start[p]; k < ix->paper_start[p + 1];
		     k++) {
			const struct stored_claim *sc =
				&ds->claims[ix->by_paper[k]];
			any |= claim_counts(sc);
			result |= claim_counts(sc) &&
				  sc->claim.quantity == Q_QUALITY;
		}
		cv->any += any;
		cv->cost += cost >= 0 || compute >= 0;
		cv->comparable +=
			cost >= 0 ||
			(compute >= 0 && report_derived(ix, ds,
							ds->claims[compute].id,
							"ref_hours", &v));
		cv->scale += report_own_claim(ds, ix, p, Q_PARAMS) >= 0 &&
			     report_own_claim(ds, ix, p, Q_TOKENS) >= 0;
		cv->result += result;
		cv->charted += charted[p];
	}
	free(charted);
}

static void coverage_row(struct page *pg, const char *what, size_t n,
			 size_t total)
{
	raw(pg, "<tr><td>");
	text(pg, what);
	raw(pg, "</td><td class=\"num\">");
	count_text(pg, n);
	raw(pg, "</td><td class=\"num\">");
	if (total)
		sb_addf(&pg->out, "%.0f%%", 100.0 * (double)n / (double)total);
	raw(pg, "</td></tr>\n");
}

static void overview_coverage(struct page *pg, const struct site *st)
{
	static const char *const cols[] = { "Papers that state", "Papers",
					    "Share" };
	struct coverage cv;
	size_t t = st->ds->n_papers;
	count_coverage(st, &cv);
	raw(pg, "<section id=\"coverage\" aria-labelledby=\"coverage-h\">\n"
		"<h2 id=\"coverage-h\">Coverage</h2>\n");
	table_head(pg, cols, 3, 0x6);
	coverage_row(pg, "any claim", cv.any, t);
	coverage_row(pg, "their training cost or compute", cv.cost, t);
	coverage_row(pg, "a cost comparable across papers (dollars or "
			 "reference-accelerator hours)", cv.comparable, t);
	coverage_row(pg, "parameters and training tokens", cv.scale, t);
	coverage_row(pg, "a result on a benchmark", cv.result, t);
	coverage_row(pg, "a result and a comparable cost (charted)",
		     cv.charted, t);
	table_end(pg);
	raw(pg, "</section>\n");
}

static void plural(struct page *pg, size_t n, const char *one,
		   const char *many)
{
	count_text(pg, n);
	raw(pg, " ");
	text(pg, n == 1 ? one : many);
}

static const char *const change_heads[3][3] = {
	{ "New claims", "Removed claims", "Changed claims" },
	{ "New derived values", "Removed derived values",
	  "Changed derived values" },
	{ "New charts", "Removed charts", "Changed charts" },
};

/* At most this many changes of one kind are listed on the overview. */
#define CHANGES_SHOWN 25

static void change_list(struct page *pg, const struct report_changes *ch,
			int what, int kind)
{
	size_t shown = 0, total = ch->count[what][kind];
	if (!total)
		return;
	raw(pg, "<h3>");
	text(pg, change_heads[what][kind]);
	sb_addf(&pg->out, " (%zu)</h3>\n<ul class=\"changes\">\n", total);
	for (size_t i = 0; i < ch->len && shown < CHANGES_SHOWN; i++) {
		const struct change *c = &ch->items[i];
		if ((int)c->what != what || (int)c->kind != kind)
			continue;
		raw(pg, "<li>");
		if (c->kind == CHANGE_CHANGED && c->what != CHANGE_CHART) {
			raw(pg, "<del>");
			text(pg, c->before);
			raw(pg, "</del> \xE2\x86\x92 <ins>");
			text(pg, c->after);
			raw(pg, "</ins>");
		} else {
			text(pg, c->after ? c->after : c->before);
		}
		raw(pg, "</li>\n");
		shown++;
	}
	if (total > shown) {
		raw(pg, "<li>\xE2\x80\xA6 and ");
		count_text(pg, total - shown);
		raw(pg, " more, listed in ");
		link_open(pg, "data/changes.tsv");
		raw(pg, "data/changes.tsv</a></li>\n");
	}
	raw(pg, "</ul>\n");
}

static void overview_changes(struct page *pg, const struct site *st)
{
	const struct report_changes *ch = st->changes;
	size_t any = 0;
	raw(pg, "<section id=\"changes\" aria-labelledby=\"changes-h\">\n"
		"<h2 id=\"changes-h\">What changed</h2>\n");
	for (int w = 0; w < 3; w++)
		for (int k = 0; k < 3; k++)
			any += ch->count[w][k];
	if (ch->first) {
		raw(pg, "<p>This is the first report: there was no previous "
			"one to compare with. It holds ");
		plural(pg, ch->count[CHANGE_CLAIM][CHANGE_NEW], "claim",
		       "claims");
		raw(pg, " and ");
		plural(pg, ch->count[CHANGE_CHART][CHANGE_NEW], "chart",
		       "charts");
		raw(pg, ".</p>\n</section>\n");
		return;
	}
	if (!any) {
		raw(pg, "<p>Nothing changed since the previous report.</p>\n"
			"</section>\n");
		return;
	}
	raw(pg, "<p>Since the previous report with different content: ");
	plural(pg, ch->count[0][CHANGE_NEW], "new claim", "new claims");
	raw(pg, ", ");
	plural(pg, ch->count[0][CHANGE_REMOVED], "removed", "removed");
	raw(pg, ", ");
	plural(pg, ch->count[0][CHANGE_CHANGED], "changed", "changed");
	raw(pg, "; ");
	plural(pg, ch->count[1][0] + ch->count[1][1] + ch->count[1][2],
	       "derived value", "derived values");
	raw(pg, " and ");
	plural(pg, ch->count[2][0] + ch->count[2][1] + ch->count[2][2],
	       "chart", "charts");
	raw(pg, " new, removed or changed. Claims are matched by paper, "
		"kind and evidence, not by database row.</p>\n");
	for (int w = 0; w < 3; w++)
		for (int k = 0; k < 3; k++)
			if (w != CHANGE_DERIVED)
				change_list(pg, ch, w, k);
	raw(pg, "</section>\n");
}

static void overview_counts(struct page *pg, const struct site *st)
{
	struct counts n;
	count_claims(st, &n);
	raw(pg, "<section id=\"counts\" aria-labelledby=\"counts-h\">\n"
		"<h2 id=\"counts-h\">At a glance</h2>\n<div class=\"stats\">\n");
	stat_card(pg, st->ds->n_papers, "papers");
	stat_card(pg, n.active, "claims");
	stat_card(pg, st->model->n_bench, "benchmarks");
	stat_card(pg, n.curated, "curated");
	stat_card(pg, n.extracted, "extracted");
	stat_card(pg, n.inactive + st->ds->n_inactive, "superseded or rejected");
	stat_card(pg, n.n_deriv, "derived values");
	raw(pg, "</div>\n<h3>Claims by kind</h3>\n<p>Compute is normalised "
		"to reference-accelerator hours, FLOP, dollars and energy when "
		"its accelerator is known; other kinds are kept as stated in "
		"their canonical unit.</p>\n");
	kind_table(pg, &n);
	unnormalised_reasons(pg, st);
	raw(pg, "</section>\n");
}

/* The headline charts: the first benchmark, speed-ups, scale; each
 * links to its page. */
static void overview_charts(struct page *pg, const struct site *st)
{
	const struct chart *c[3] = {
		chart_of_kind(st, CHART_BENCH),
		chart_or_nodata(st, CHART_RATIOS, "ratios"),
		chart_or_nodata(st, CHART_SCALE, "params-tokens"),
	};
	struct strbuf page = STRBUF_INIT;
	raw(pg, "<section id=\"charts\" aria-labelledby=\"charts-h\">\n"
		"<h2 id=\"charts-h\">Headline charts</h2>\n");
	if (!c[0])
		c[0] = chart_or_nodata(st, CHART_NODATA, "cost-quality");
	for (int i = 0; i < 3; i++) {
		if (!c[i])
			continue;
		sb_reset(&page);
		if (c[i]->kind == CHART_BENCH)
			sb_addf(&page, "benchmarks/%s.html",
				st->model->bench[c[i]->bench].slug);
		else
			sb_adds(&page, i == 0   ? "benchmarks.html"
				       : i == 1 ? "speedups.html"
						: "scale.html");
		raw(pg, "<div class=\"headline\">\n");
		chart_figure(pg, st, c[i], 0, 3);
		raw(pg, "<p class=\"more\">");
		link_open(pg, page.buf);
		raw(pg, "More: ");
		text(pg, c[i]->title);
		raw(pg, "</a></p>\n</div>\n");
	}
	sb_release(&page);
	raw(pg, "</section>\n");
}

static int write_index(const struct site *st, const char *dir)
{
	struct page pg;
	page_open(&pg, st, "", "Overview", "overview");
	raw(&pg, "<h1>Efficiency claims in machine-learning papers</h1>\n"
		 "<p class=\"lede\">What papers say about their own training "
		 "cost, compute, size, data and results, read from their "
		 "abstracts or curated by hand, in canonical units, with every "
		 "derived value traced to its assumptions.</p>\n");
	if (st->ds->n_papers == 0)
		raw(&pg, "<p class=\"empty\">The database holds no papers yet. "
			 "Ingest a listing or a claims file and report again; "
			 "until then every page of this site is empty.</p>\n");
	overview_counts(&pg, st);
	overview_coverage(&pg, st);
	overview_changes(&pg, st);
	overview_charts(&pg, st);
	return page_close(&pg, dir, "index.html");
}

/* ---- Benchmarks ------------------------------------------------------- */

static void bench_link(struct page *pg, const struct bench *b)
{
	struct strbuf path = STRBUF_INIT;
	sb_addf(&path, "benchmarks/%s.html", b->slug);
	link_open(pg, path.buf);
	text(pg, b->title);
	raw(pg, "</a>");
	sb_release(&path);
}

static size_t frontier_size(const struct bench *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n_pt; i++)
		n += b->pt[i].frontier;
	return n;
}

static void bench_index_row(struct page *pg, const struct site *st,
			    const struct bench *b)
{
	raw(pg, "<tr><td>");
	bench_link(pg, b);
	raw(pg, "</td><td>");
	text(pg, b->lower_better ? "lower" : "higher");
	raw(pg, "</td><td class=\"num\">");
	count_text(pg, b->n_pt);
	raw(pg, "</td><td class=\"num\">");
	count_text(pg, frontier_size(b));
	raw(pg, "</td><td class=\"num\">");
	count_text(pg, b->n_no_cost);
	raw(pg, "</td><td>");
	if (b->n_pt)
		text(pg, b->axis == AXIS_USD ? "US dollars"
					     : st->model->hours_unit);
	raw(pg, "</td></tr>\n");
}

static int write_bench_index(const struct site *st, const char *dir)
{
	static const char *const cols[] = {
		"Benchmark", "Better", "Papers with a cost", "On the frontier",
		"Results without a cost", "Cost axis",
	};
	const struct report_model *m = st->model;
	size_t pages = page_count(m->n_bench);
	int rc = 0;
	for (size_t k = 0; k < pages && rc == 0; k++) {
		struct page pg;
		struct strbuf file = STRBUF_INIT;
		page_open(&pg, st, "", "Benchmarks", "benchmarks");
		raw(&pg, "<h1>Benchmarks</h1>\n<p class=\"lede\">Each metric on "
			 "each dataset with the papers that state their own "
			 "result there. A paper's training cost is its stated "
			 "cost in dollars, or one estimated from its stated "
			 "compute; where most papers state only compute, "
			 "reference-accelerator hours.</p>\n");
		if (!m->n_bench)
			raw(&pg, "<p class=\"empty\">No paper states a result on "
				 "a benchmark (a metric on a dataset).</p>\n");
		else {
			pager(&pg, "benchmarks", k, pages, "Benchmark pages");
			table_head(&pg, cols, 6, 0x1C);
			for (size_t i = k * REPORT_PAGE_ROWS;
			     i < m->n_bench && i < (k + 1) * REPORT_PAGE_ROWS;
			     i++)
				bench_index_row(&pg, st, &m->bench[i]);
			table_end(&pg);
		}
		page_file(&file, "benchmarks", k);
		rc = page_close(&pg, dir, file.buf);
		sb_release(&file);
	}
	return rc;
}

static void cost_cell(struct page *pg, const struct site *st,
		      const struct bench *b, const struct bench_point *pt)
{
	struct strbuf sb = STRBUF_INIT;
	report_cost_text(&sb, st->model, b->axis, pt->cost);
	method_text(pg, pt->cost_kind, sb.buf);
	if (pt->estimated)
		raw(pg, " <span class=\"tag\">estimated</span>");
	sb_release(&sb);
}

/* A bound of a cost the chart draws as a bar, linked to where the
 * bounds come from; empty when the cost is exact. */
static void cost_bound(struct page *pg, const struct site *st,
		       const struct bench *b, const struct bench_point *pt,
		       double v)
{
	struct strbuf sb = STRBUF_INIT;
	raw(pg, "</td><td class=\"num\">");
	if (pt->cost_low != pt->cost_high) {
		report_cost_text(&sb, st->model, b->axis, v);
		method_text(pg, pt->bound_kind, sb.buf);
	}
	sb_release(&sb);
}

/* A bound of a result stated as a range; empty when exact. */
static void result_bound(struct page *pg, const struct bench_point *pt,
			 double v)
{
	raw(pg, "</td><td class=\"num\">");
	if (pt->result_low != pt->result_high)
		num_text(pg, v);
}

static void result_text(struct page *pg, const struct site *st, size_t ci)
{
	struct strbuf sb = STRBUF_INIT;
	report_claim_value(&sb, &st->ds->claims[ci].claim);
	text(pg, sb.buf);
	sb_release(&sb);
}

static void claim_paper_link(struct page *pg, const struct site *st,
			     size_t ci)
{
	paper_link(pg, st, st->ds->claims[ci].paper, (long)ci);
}

static void bench_frontier(struct page *pg, const struct site *st,
			   const struct bench *b)
{
	raw(pg, "<section id=\"frontier\" aria-labelledby=\"frontier-h\">\n"
		"<h2 id=\"frontier-h\">Pareto frontier</h2>\n");
	if (!b->n_pt) {
		raw(pg, "<p class=\"note\">No paper with a result here states "
			"a comparable training cost.</p>\n</section>\n");
		return;
	}
	raw(pg, "<p>The papers no cheaper paper beats, cheapest first: "
		"each one buys a better result with more training.</p>\n"
		"<ol class=\"frontier\">\n");
	for (size_t i = 0; i < b->n_pt; i++) {
		const struct bench_point *pt = &b->pt[i];
		if (!pt->frontier)
			continue;
		raw(pg, "<li>");
		claim_paper_link(pg, st, pt->claim);
		raw(pg, " \xE2\x80\x94 ");
		result_text(pg, st, pt->claim);
		raw(pg, " for ");
		cost_cell(pg, st, b, pt);
		raw(pg, "</li>\n");
	}
	raw(pg, "</ol>\n</section>\n");
}

static void bench_results(struct page *pg, const struct site *st,
			  const struct bench *b)
{
	const char *cols[8];
	size_t n = 0;
	unsigned numeric = 0;
	int cost_bars = 0, result_bars = 0;
	if (!b->n_pt)
		return;
	for (size_t i = 0; i < b->n_pt; i++) {
		cost_bars |= b->pt[i].cost_low != b->pt[i].cost_high;
		result_bars |= b->pt[i].result_low != b->pt[i].result_high;
	}
	/* Low and high columns only for what the chart draws as bars. */
	cols[n++] = "Paper";
	numeric |= 1u << n;
	cols[n++] = "Training cost";
	if (cost_bars) {
		numeric |= 3u << n;
		cols[n++] = "Cost low";
		cols[n++] = "Cost high";
	}
	numeric |= 1u << n;
	cols[n++] = "Result";
	if (result_bars) {
		numeric |= 3u << n;
		cols[n++] = "Result low";
		cols[n++] = "Result high";
	}
	cols[n++] = "On the frontier";
	raw(pg, "<section id=\"results\" aria-labelledby=\"results-h\">\n"
		"<h2 id=\"results-h\">Results with a training cost</h2>\n");
	table_head(pg, cols, n, numeric);
	for (size_t i = 0; i < b->n_pt && i < REPORT_PAGE_ROWS; i++) {
		const struct bench_point *pt = &b->pt[i];
		raw(pg, "<tr><td>");
		claim_paper_link(pg, st, pt->claim);
		raw(pg, "</td><td class=\"num\">");
		cost_cell(pg, st, b, pt);
		if (cost_bars) {
			cost_bound(pg, st, b, pt, pt->cost_low);
			cost_bound(pg, st, b, pt, pt->cost_high);
		}
		raw(pg, "</td><td class=\"num\">");
		result_text(pg, st, pt->claim);
		if (result_bars) {
			result_bound(pg, pt, pt->result_low);
			result_bound(pg, pt, pt->result_high);
		}
		raw(pg, "</td><td>");
		raw(pg, pt->frontier ? "yes" : "");
		raw(pg, "</td></tr>\n");
	}
	table_end(pg);
	if (b->n_pt > REPORT_PAGE_ROWS) {
		raw(pg, "<p class=\"note\">The cheapest ");
		count_text(pg, REPORT_PAGE_ROWS);
		raw(pg, " of ");
		count_text(pg, b->n_pt);
		raw(pg, " are listed; ");
		link_open(pg, "downloads/cost-quality.csv");
		raw(pg, "cost-quality.csv</a> has them all.</p>\n");
	}
	raw(pg, "</section>\n");
}

static void bench_no_cost(struct page *pg, const struct site *st,
			  const struct bench *b)
{
	static const char *const cols[] = { "Paper", "Result" };
	if (!b->n_no_cost)
		return;
	raw(pg, "<section id=\"no-cost\" aria-labelledby=\"no-cost-h\">\n"
		"<h2 id=\"no-cost-h\">Results without a comparable cost</h2>\n"
		"<p>These papers state a result here but no training cost in "
		"dollars, and no compute on a known accelerator.</p>\n");
	table_head(pg, cols, 2, 0x2);
	for (size_t i = 0; i < b->n_no_cost && i < REPORT_PAGE_ROWS; i++) {
		raw(pg, "<tr><td>");
		claim_paper_link(pg, st, b->no_cost[i]);
		raw(pg, "</td><td class=\"num\">");
		result_text(pg, st, b->no_cost[i]);
		raw(pg, "</td></tr>\n");
	}
	table_end(pg);
	if (b->n_no_cost > REPORT_PAGE_ROWS) {
		raw(pg, "<p class=\"note\">The first ");
		count_text(pg, REPORT_PAGE_ROWS);
		raw(pg, " of ");
		count_text(pg, b->n_no_cost);
		raw(pg, " are listed; the claims explorer has them all.</p>\n");
	}
	raw(pg, "</section>\n");
}

static int write_bench(const struct site *st, size_t bi, const char *dir)
{
	const struct bench *b = &st->model->bench[bi];
	const struct chart *c = chart_of_bench(st, bi);
	struct page pg;
	struct strbuf name = STRBUF_INIT;
	page_open(&pg, st, "../", b->title, "benchmarks");
	raw(&pg, "<p class=\"crumbs\">");
	link_open(&pg, "benchmarks.html");
	raw(&pg, "Benchmarks</a></p>\n<h1>");
	text(&pg, b->title);
	raw(&pg, "</h1>\n<p class=\"lede\">");
	text(&pg, b->metric);
	raw(&pg, b->lower_better ? ": lower is better. " : ": higher is better. ");
	plural(&pg, b->n_pt, "paper states", "papers state");
	raw(&pg, " a result here and a comparable training cost; ");
	if (b->n_no_cost)
		plural(&pg, b->n_no_cost, "other states", "others state");
	else
		raw(&pg, "no other paper states");
	raw(&pg, " only the result.</p>\n");
	if (c)
		chart_figure(&pg, st, c, 0, 2);
	else if (b->n_pt)
		raw(&pg, "<p class=\"note\">Only the benchmarks with the most "
			 "papers are charted; this one is listed below.</p>\n");
	bench_frontier(&pg, st, b);
	bench_results(&pg, st, b);
	bench_no_cost(&pg, st, b);
	sb_addf(&name, "%s.html", b->slug);
	int rc = page_close(&pg, dir, name.buf);
	sb_release(&name);
	return rc;
}

/* ---- Speed-ups and scale ---------------------------------------------- */

static int write_chart_page(const struct site *st, const char *dir,
			    const char *file, const char *id,
			    const char *title, const char *lede,
			    const struct chart *c)
{
	struct page pg;
	page_open(&pg, st, "", title, id);
	raw(&pg, "<h1>");
	text(&pg, title);
	raw(&pg, "</h1>\n<p class=\"lede\">");
	text(&pg, lede);
	raw(&pg, "</p>\n");
	if (st->ds->n_papers == 0)
		raw(&pg, "<p class=\"empty\">The database holds no papers "
			 "yet.</p>\n");
	if (c)
		chart_figure(&pg, st, c, 1, 2);
	return page_close(&pg, dir, file);
}

/* ---- Claims explorer -------------------------------------------------- */

/* Values of one facet with their counts, most frequent first. */
struct facet {
	const char **v;
	size_t n;
	struct reason *r; /* value, count */
	size_t n_r;
};

static void facet_build(struct facet *f, const struct dataset *ds, int which)
{
	f->v = xcalloc(ds->n_claims + 1, sizeof *f->v);
	f->r = xcalloc(ds->n_claims + 1, sizeof *f->r);
	f->n = f->n_r = 0;
	for (size_t i = 0; i < ds->n_claims; i++) {
		const struct claim *c = &ds->claims[i].claim;
		const char *v = which == 0   ? kind_label(c->quantity)
				: which == 1 ? c->dimension
				: which == 2 ? c->hardware
					     : c->dataset;
		if (v && *v)
			f->v[f->n++] = v;
	}
	f->n_r = count_texts(f->v, f->n, f->r);
}

static void facet_release(struct facet *f)
{
	free(f->v);
	free(f->r);
}

static const char *const facet_names[] = { "Kind", "Dimension", "Hardware",
					   "Dataset" };
/* At most this many values of a facet are listed. */
#define FACET_SHOWN 40

static void facets(struct page *pg, const struct site *st)
{
	size_t papers = 0;
	for (size_t p = 0; p < st->ds->n_papers; p++)
		papers += st->ix->paper_start[p] < st->ix->paper_start[p + 1];
	raw(pg, "<details class=\"facets\"><summary>Facet counts over all ");
	count_text(pg, st->ds->n_claims);
	raw(pg, " claims of ");
	count_text(pg, papers);
	raw(pg, " papers</summary>\n<div class=\"facet-grid\">\n");
	for (int w = 0; w < 4; w++) {
		struct facet f;
		facet_build(&f, st->ds, w);
		raw(pg, "<div><h2>");
		text(pg, facet_names[w]);
		raw(pg, "</h2>\n<ul>\n");
		for (size_t i = 0; i < f.n_r && i < FACET_SHOWN; i++) {
			raw(pg, "<li>");
			text(pg, f.r[i].text);
			raw(pg, " <span class=\"count\">");
			count_text(pg, f.r[i].n);
			raw(pg, "</span></li>\n");
		}
		if (f.n_r > FACET_SHOWN) {
			raw(pg, "<li>");
			count_text(pg, f.n_r - FACET_SHOWN);
			raw(pg, " more</li>\n");
		}
		if (!f.n_r)
			raw(pg, "<li>none</li>\n");
		raw(pg, "</ul></div>\n");
		facet_release(&f);
	}
	raw(pg, "</div></details>\n");
}

static void filter_select(struct page *pg, const char *id, const char *label)
{
	raw(pg, "<div class=\"field\"><label for=\"f-");
	raw(pg, id);
	raw(pg, "\">");
	text(pg, label);
	raw(pg, "</label><select id=\"f-");
	raw(pg, id);
	raw(pg, "\"><option value=\"\">all</option></select></div>\n");
}

/* Hidden until the script runs: without it the table is complete. */
static void filter_form(struct page *pg)
{
	raw(pg, "<form id=\"filters\" class=\"filters\" hidden>\n"
		"<fieldset><legend>Filter and sort this page</legend>\n"
		"<div class=\"field\"><label for=\"f-paper\">Paper or "
		"evidence</label><input id=\"f-paper\" type=\"search\" "
		"autocomplete=\"off\"></div>\n");
	filter_select(pg, "kind", "Kind");
	filter_select(pg, "dimension", "Dimension");
	filter_select(pg, "hardware", "Hardware");
	filter_select(pg, "dataset", "Dataset");
	raw(pg, "<div class=\"field buttons\"><button type=\"submit\">Apply"
		"</button> <button type=\"reset\">Clear</button></div>\n"
		"</fieldset>\n<p id=\"f-status\" class=\"status\" "
		"role=\"status\"></p>\n</form>\n");
}

/* Sorting by any column, filtering by facet with live counts, on the
 * rows of this page.  No library; the table works without it. */
static const char explorer_script[] =
	"<script>\n"
	"(function () {\n"
	"  var t = document.getElementById('claims-table');\n"
	"  var f = document.getElementById('filters');\n"
	"  if (!t || !f) return;\n"
	"  f.hidden = false;\n"
	"  var body = t.tBodies[0], rows = [].slice.call(body.rows);\n"
	"  var cols = { kind: 1, dimension: 3, hardware: 4, dataset: 6 };\n"
	"  var sel = {}, q = document.getElementById('f-paper');\n"
	"  var status = document.getElementById('f-status');\n"
	"  Object.keys(cols).forEach(function (k) {\n"
	"    sel[k] = document.getElementById('f-' + k);\n"
	"  });\n"
	"  function cell(r, i) { return r.cells[i].textContent.trim(); }\n"
	"  function match(r, skip) {\n"
	"    for (var k in cols) {\n"
	"      if (k !== skip && sel[k].value && cell(r, cols[k]) !== sel[k].value) return false;\n"
	"    }\n"
	"    var s = q.value.trim().toLowerCase();\n"
	"    return !s || (cell(r, 0) + ' ' + cell(r, 7)).toLowerCase().indexOf(s) >= 0;\n"
	"  }\n"
	"  function fill() {\n"
	"    Object.keys(cols).forEach(function (k) {\n"
	"      var n = {}, s = sel[k], cur = s.value;\n"
	"      rows.forEach(function (r) {\n"
	"        var v = cell(r, cols[k]);\n"
	"        if (v && match(r, k)) n[v] = (n[v] || 0) + 1;\n"
	"      });\n"
	"      s.length = 1;\n"
	"      Object.keys(n).sort().forEach(function (v) {\n"
	"        s.add(new Option(v + ' (' + n[v] + ')', v));\n"
	"      });\n"
	"      if (cur && !n[cur]) s.add(new Option(cur + ' (0)', cur));\n"
	"      s.value = cur;\n"
	"    });\n"
	"  }\n"
	"  function apply() {\n"
	"    var shown = 0;\n"
	"    rows.forEach(function (r) {\n"
	"      var m = match(r, null);\n"
	"      r.hidden = !m;\n"
	"      if (m) shown++;\n"
	"    });\n"
	"    status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' claims on this page.';\n"
	"    fill();\n"
	"  }\n"
	"  f.addEventListener('submit', function (e) { e.preventDefault(); apply(); });\n"
	"  f.addEventListener('change', apply);\n"
	"  q.addEventListener('input', apply);\n"
	"  f.addEventListener('reset', function () { setTimeout(apply, 0); });\n"
	"  var heads = [].slice.call(t.tHead.rows[0].cells);\n"
	"  heads.forEach(function (th, i) {\n"
	"    var b = document.createElement('button');\n"
	"    b.type = 'button';\n"
	"    b.className = 'sort';\n"
	"    b.textContent = th.textContent;\n"
	"    th.textContent = '';\n"
	"    th.appendChild(b);\n"
	"    b.addEventListener('click', function () {\n"
	"      var up = th.getAttribute('aria-sort') !== 'ascending';\n"
	"      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });\n"
	"      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');\n"
	"      var key = function (r) {\n"
	"        var c = r.cells[i], v = c.getAttribute('data-v');\n"
	"        return v !== null ? parseFloat(v) : c.textContent.trim().toLowerCase();\n"
	"      };\n"
	"      rows.sort(function (a, b) {\n"
	"        var x = key(a), y = key(b);\n"
	"        var c = x < y ? -1 : x > y ? 1 : 0;\n"
	"        return up ? c : -c;\n"
	"      });\n"
	"      rows.forEach(function (r) { body.appendChild(r); });\n"
	"    });\n"
	"  });\n"
	"  apply();\n"
	"})();\n"
	"</script>\n";

static void explorer_row(struct page *pg, const struct site *st, size_t ci)
{
	const struct stored_claim *sc = &st->ds->claims[ci];
	const struct claim *c = &sc->claim;
	char num[40];
	raw(pg, "<tr");
	raw(pg, row_class(sc));
	raw(pg, "><td>");
	claim_paper_link(pg, st, ci);
	raw(pg, "</td><td>");
	text(pg, kind_label(c->quantity));
	/* A sort key only: the shortest text that reads back as the value. */
	fmt_double(num, sizeof num, isfinite(c->value) ? c->value : 0);
	raw(pg, "</td><td class=\"num\" data-v=\"");
	attr(pg, num);
	raw(pg, "\">");
	claim_value(pg, c);
	raw(pg, "</td><td>");
	text(pg, c->dimension);
	raw(pg, "</td><td>");
	text(pg, c->hardware);
	raw(pg, "</td><td>");
	text(pg, c->metric);
	raw(pg, "</td><td>");
	text(pg, c->dataset);
	raw(pg, "</td><td>");
	claim_evidence(pg, c);
	raw(pg, "</td><td>");
	claim_origin(pg, sc);
	raw(pg, "</td></tr>\n");
}

static int write_explorer_page(const struct site *st, const char *dir,
			       size_t k, size_t pages,
			       const struct strbuf *facet_html)
{
	static const char *const cols[] = {
		"Paper", "Kind", "Value", "Dimension", "Hardware", "Metric",
		"Dataset", "Evidence", "Origin",
	};
	struct page pg;
	struct strbuf file = STRBUF_INIT, title = STRBUF_INIT;
	size_t from = k * REPORT_PAGE_ROWS, n = st->ds->n_claims;
	sb_adds(&title, "Claims");
	if (pages > 1)
		sb_addf(&title, ", page %zu of %zu", k + 1, pages);
	page_open(&pg, st, "", title.buf, "claims");
	raw(&pg, "<h1>Claims explorer</h1>\n<p class=\"lede\">Every stored "
		 "claim, in the order of the papers. Greyed rows are "
		 "superseded or rejected by a curated decision; a paper link "
		 "leads to the claim in its abstract.");
	if (pages > 1) {
		raw(&pg, " This is page ");
		count_text(&pg, k + 1);
		raw(&pg, " of ");
		count_text(&pg, pages);
		raw(&pg, "; every claim is also in ");
		link_open(&pg, "downloads.html");
		raw(&pg, "the downloads</a>.");
	}
	raw(&pg, "</p>\n");
	sb_add(&pg.out, facet_html->buf, facet_html->len);
	if (!n) {
		raw(&pg, "<p class=\"empty\">No claim is stored yet.</p>\n");
	} else {
		filter_form(&pg);
		pager(&pg, "claims", k, pages, "Claim pages, top");
		raw(&pg, "<div class=\"scroll\"><table id=\"claims-table\" "
			 "class=\"explorer\">\n<thead><tr>");
		for (size_t i = 0; i < 9; i++) {
			raw(&pg, i == 2 ? "<th class=\"num\" scope=\"col\">"
					: "<th scope=\"col\">");
			text(&pg, cols[i]);
			raw(&pg, "</th>");
		}
		raw(&pg, "</tr></thead>\n<tbody>\n");
		for (size_t i = from; i < n && i < from + REPORT_PAGE_ROWS; i++)
			explorer_row(&pg, st, i);
		table_end(&pg);
		pager(&pg, "claims", k, pages, "Claim pages, bottom");
		raw(&pg, explorer_script);
	}
	page_file(&file, "claims", k);
	int rc = page_close(&pg, dir, file.buf);
	sb_release(&file);
	sb_release(&title);
	return rc;
}

static int write_explorer(const struct site *st, const char *dir)
{
	size_t pages = page_count(st->ds->n_claims);
	struct page facet = { STRBUF_INIT, "", 0 };
	int rc = 0;
	facets(&facet, st); /* the same on every page */
	for (size_t k = 0; k < pages && rc == 0; k++)
		rc = write_explorer_page(st, dir, k, pages, &facet.out);
	sb_release(&facet.out);
	return rc;
}

/* ---- Papers list ------------------------------------------------------ */

static size_t paper_claim_count(const struct site *st, size_t p)
{
	size_t n = 0;
	for (size_t k = st->ix->paper_start[p]; k < st->ix->paper_start[p + 1];
	     k++)
		n += claim_counts(&st->ds->claims[st->ix->by_paper[k]]);
	return n;
}

static void arxiv_link(struct page *pg, const char *id)
{
	struct strbuf url = STRBUF_INIT;
	if (!id || !*id)
		return;
	sb_addf(&url, "https://arxiv.org/abs/%s", id);
	raw(pg, "<a href=\"");
	esc_url(&pg->out, url.buf);
	raw(pg, "\">");
	text(pg, id);
	raw(pg, "</a>");
	sb_release(&url);
}

static int write_papers_page(const struct site *st, const char *dir,
			     size_t k, size_t pages)
{
	static const char *const cols[] = { "Title", "arXiv", "Date",
					    "Claims" };
	struct page pg;
	struct strbuf file = STRBUF_INIT, title = STRBUF_INIT;
	size_t from = k * REPORT_PAGE_ROWS;
	sb_adds(&title, "Papers");
	if (pages > 1)
		sb_addf(&title, ", page %zu of %zu", k + 1, pages);
	page_open(&pg, st, "", title.buf, "papers");
	raw(&pg, "<h1>Papers</h1>\n<p class=\"lede\">");
	count_text(&pg, st->ds->n_papers);
	raw(&pg, " papers, by title. Each page shows the abstract with its "
		 "evidence highlighted, the claims and the derived "
		 "values.</p>\n");
	if (!st->ds->n_papers)
		raw(&pg, "<p class=\"empty\">No paper is stored yet.</p>\n");
	else {
		pager(&pg, "papers", k, pages, "Paper pages, top");
		table_head(&pg, cols, 4, 1u << 3);
		for (size_t p = from;
		     p < st->ds->n_papers && p < from + REPORT_PAGE_ROWS; p++) {
			raw(&pg, "<tr><td>");
			paper_link(&pg, st, p, -1);
			raw(&pg, "</td><td>");
			arxiv_link(&pg, st->ds->papers[p].arxiv_id);
			raw(&pg, "</td><td>");
			text(&pg, st->ds->papers[p].date);
			raw(&pg, "</td><td class=\"num\">");
			count_text(&pg, paper_claim_count(st, p));
			raw(&pg, "</td></tr>\n");
		}
		table_end(&pg);
		pager(&pg, "papers", k, pages, "Paper pages, bottom");
	}
	page_file(&file, "papers", k);
	int rc = page_close(&pg, dir, file.buf);
	sb_release(&file);
	sb_release(&title);
	return rc;
}

static int write_papers_list(const struct site *st, const char *dir)
{
	size_t pages = page_count(st->ds->n_papers);
	for (size_t k = 0; k < pages; k++)
		if (write_papers_page(st, dir, k, pages) < 0)
			return -1;
	return 0;
}

/* ---- Downloads -------------------------------------------------------- */

static void download_item(struct page *pg, const char *path,
			  const char *label, const char *what)
{
	raw(pg, "<li>");
	link_open(pg, path);
	raw(pg, "<code>");
	text(pg, label);
	raw(pg, "</code></a> \xE2\x80\x93 ");
	text(pg, what);
	raw(pg, "</li>\n");
}

static int write_downloads(const struct site *st, const char *dir)
{
	struct page pg;
	page_open(&pg, st, "", "Downloads", "downloads");
	raw(&pg, "<h1>Downloads</h1>\n<section id=\"tables\" "
		 "aria-labelledby=\"tables-h\">\n<h2 id=\"tables-h\">Tables"
		 "</h2>\n<p>CSV files are UTF-8 (RFC 4180) with a header row, "
		 "ISO dates and plain numbers (no thousands separators, a "
		 "point for decimals); a cell that a spreadsheet would read "
		 "as a formula starts with an apostrophe.</p>\n<ul>\n");
	download_item(&pg, "downloads/claims.csv", "claims.csv",
		      "one row per stored claim, with its paper, evidence "
		      "and status");
	download_item(&pg, "downloads/papers.csv", "papers.csv",
		      "one row per paper");
	download_item(&pg, "downloads/derivations.csv", "derivations.csv",
		      "every derived value with its method and assumptions");
	download_item(&pg, "downloads/cost-quality.csv", "cost-quality.csv",
		      "every benchmark's results with training cost and "
		      "Pareto frontier flag");
	download_item(&pg, "downloads/claims.jsonl", "claims.jsonl",
		      "JSON Lines: one claim per line with its derived "
		      "values");
	if (st->has_db)
		download_item(&pg, "downloads/effdash.db", "effdash.db",
			      "the SQLite database behind this report");
	raw(&pg, "</ul>\n</section>\n<section id=\"state\" "
		 "aria-labelledby=\"state-h\">\n<h2 id=\"state-h\">Report "
		 "state</h2>\n<ul>\n");
	download_item(&pg, "data/manifest.tsv", "manifest.tsv",
		      "one line per claim, derived value and chart with a "
		      "content hash: what the next report compares with");
	download_item(&pg, "data/changes.tsv", "changes.tsv",
		      "what changed since the previous report");
	raw(&pg, "</ul>\n</section>\n<section id=\"chart-files\" "
		 "aria-labelledby=\"chart-files-h\">\n<h2 "
		 "id=\"chart-files-h\">Charts</h2>\n");
	size_t rendered = 0;
	for (size_t i = 0; i < st->charts->len; i++)
		rendered += st->charts->items[i].rendered;
	if (!rendered)
		raw(&pg, "<p class=\"note\">No chart was rendered.</p>\n");
	else {
		raw(&pg, "<p>Each chart as SVG and as PNG for slides. The "
			 "gnuplot script and data file of each are in "
			 "<code>plots/</code> next to the site.</p>\n<ul>\n");
		for (size_t i = 0; i < st->charts->len; i++) {
			const struct chart *c = &st->charts->items[i];
			if (!c->rendered)
				continue;
			raw(&pg, "<li>");
			text(&pg, c->title);
			raw(&pg, ": ");
			chart_file_link(&pg, c, "svg", "SVG");
			raw(&pg, ", ");
			chart_file_link(&pg, c, "png", "PNG");
			raw(&pg, "</li>\n");
		}
		raw(&pg, "</ul>\n");
	}
	raw(&pg, "</section>\n");
	return page_close(&pg, dir, "downloads.html");
}

/* ---- Abstract highlights ---------------------------------------------- */

struct mark {
	long start, end;
	size_t claim;
};

static int mark_cmp(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return (x->claim > y->claim) - (x->claim < y->claim);
}

/* Where a claim's span is in the abstract.  With offsets, they must hold
 * the span's bytes (offsets that disagree are not trusted); without
 * (curated rows quote the text but carry no offsets), the first place the
 * span occurs is taken.  Returns 0 when the span is not there. */
static int span_find(const struct paper *p, const struct claim *c,
		     long *start, long *end)
{
	if (!p->abstract || !c->span || !*c->span)
		return 0;
	size_t len = strlen(p->abstract), n = strlen(c->span);
	if (c->span_start < 0) {
		const char *at = strstr(p->abstract, c->span);
		if (!at)
			return 0;
		*start = at - p->abstract;
		*end = *start + (long)n;
		return 1;
	}
	if (c->span_end <= c->span_start || (size_t)c->span_end > len ||
	    (size_t)(c->span_end - c->span_start) != n ||
	    memcmp(p->abstract + c->span_start, c->span, n))
		return 0;
	*start = c->span_start;
	*end = c->span_end;
	return 1;
}

/* The highlights of paper p, sorted, overlapping ones dropped (a claim
 * with exactly the same span as the one before shares its highlight). */
static size_t paper_marks(const struct site *st, size_t p,
			  struct mark **out)
{
	const struct report_index *ix = st->ix;
	size_t n = 0, kept = 0;
	struct mark *m = xcalloc(ix->paper_start[p + 1] - ix->paper_start[p],
				 sizeof *m);
	for (size_t k = ix->paper_start[p]; k < ix->paper_start[p + 1]; k++) {
		size_t ci = ix->by_paper[k];
		const struct claim *c = &st->ds->claims[ci].claim;
		long start, end;
		if (claim_counts(&st->ds->claims[ci]) &&
		    span_find(&st->ds->papers[p], c, &start, &end))
			m[n++] = (struct mark){ start, end, ci };
	}
	if (n)
		qsort(m, n, sizeof *m, mark_cmp);
	for (size_t i = 0; i < n; i++) {
		int same = kept && m[kept - 1].start == m[i].start &&
			   m[kept - 1].end == m[i].end;
		if (same || !kept || m[i].start >= m[kept - 1].end)
			m[kept++] = m[i];
	}
	*out = m;
	return kept;
}

static void mark_all(const struct site *st, unsigned char *marked)
{
	for (size_t p = 0; p < st->ds->n_papers; p++) {
		struct mark *m;
		size_t n = paper_marks(st, p, &m);
		for (size_t i = 0; i < n; i++)
			marked[m[i].claim] = 1;
		free(m);
	}
}

static void abstract_mark(struct page *pg, const struct site *st,
			  const struct mark *m, size_t n, const char *abs)
{
	const struct stored_claim *sc = &st->ds->claims[m[0].claim];
	sb_addf(&pg->out, "<mark id=\"claim-%ld\">", sc->id);
	for (size_t i = 1; i < n; i++)
		sb_addf(&pg->out, "<span id=\"claim-%ld\"></span>",
			st->ds->claims[m[i].claim].id);
	sb_addf(&pg->out, "<a href=\"#c-%ld\">", sc->id);
	text_n(pg, abs + m[0].start, (size_t)(m[0].end - m[0].start));
	raw(pg, "</a></mark>");
}

static void paper_abstract(struct page *pg, const struct site *st, size_t p)
{
	const char *abs = st->ds->papers[p].abstract;
	struct mark *m;
	size_t n = paper_marks(st, p, &m);
	long pos = 0;
	raw(pg, "<section id=\"abstract\">\n<h2>Abstract</h2>\n");
	if (!abs || !*abs) {
		raw(pg, "<p class=\"note\">No abstract is stored for this "
			"paper.</p>\n</section>\n");
		free(m);
		return;
	}
	raw(pg, "<p class=\"abstract\">");
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && m[j].start == m[i].start)
			j++;
		text_n(pg, abs + pos, (size_t)(m[i].start - pos));
		abstract_mark(pg, st, m + i, j - i, abs);
		pos = m[i].end;
		i = j;
	}
	text(pg, abs + pos);
	raw(pg, "</p>\n</section>\n");
	free(m);
}

/* ---- Paper page ------------------------------------------------------- */

static void meta_item(struct page *pg, const char *term)
{
	raw(pg, "<dt>");
	text(pg, term);
	raw(pg, "</dt><dd>");
}

static void paper_meta(struct page *pg, const struct paper *p)
{
	raw(pg, "<dl class=\"meta\">\n");
	if (p->arxiv_id && *p->arxiv_id) {
		meta_item(pg, "arXiv");
		arxiv_link(pg, p->arxiv_id);
		raw(pg, "</dd>\n");
	}
	if (p->url && *p->url) {
		meta_item(pg, "Link");
		raw(pg, "<a href=\"");
		esc_url(&pg->out, p->url);
		raw(pg, "\" rel=\"nofollow noopener\">");
		text(pg, p->url);
		raw(pg, "</a></dd>\n");
	}
	if (p->date && *p->date) {
		meta_item(pg, "Date");
		text(pg, p->date);
		raw(pg, "</dd>\n");
	}
	if (p->source_file && *p->source_file) {
		meta_item(pg, "Source");
		text(pg, p->source_file);
		if (p->source_line > 0)
			sb_addf(&pg->out, ":%ld", p->source_line);
		raw(pg, "</dd>\n");
	}
	raw(pg, "</dl>\n");
}

static void paper_claim_row(struct page *pg, const struct site *st,
			    size_t ci)
{
	const struct stored_claim *sc = &st->ds->claims[ci];
	/* Plain appends, not printf: a report writes half a million rows. */
	raw(pg, "<tr id=\"c-");
	sb_add_long(&pg->out, sc->id);
	raw(pg, "\"");
	raw(pg, row_class(sc));
	raw(pg, "><td class=\"num\">");
	sb_add_long(&pg->out, sc->id);
	if (st->marked[ci]) {
		raw(pg, " <a href=\"#claim-");
		sb_add_long(&pg->out, sc->id);
		raw(pg, "\" title=\"In the abstract\">\xE2\x86\x91</a>");
	}
	raw(pg, "</td><td>");
	text(pg, kind_label(sc->claim.quantity));
	raw(pg, "</td><td class=\"num\">");
	claim_value(pg, &sc->claim);
	raw(pg, "</td><td>");
	claim_context(pg, &sc->claim);
	raw(pg, "</td><td>");
	claim_evidence(pg, &sc->claim);
	if (sc->claim.note && *sc->claim.note) {
		raw(pg, "<br><small class=\"note\">");
		text(pg, sc->claim.note);
		raw(pg, "</small>");
	}
	raw(pg, "</td><td>");
	claim_origin(pg, sc);
	raw(pg, "</td></tr>\n");
}

static void derivation_row(struct page *pg, const struct derivation *d)
{
	raw(pg, "<tr><td class=\"num\"><a href=\"#c-");
	sb_add_long(&pg->out, d->claim_id);
	raw(pg, "\">");
	sb_add_long(&pg->out, d->claim_id);
	raw(pg, "</a></td><td>");
	/* A flag links to why figures stay unnormalised; a derived number
	 * to the formula of its kind. */
	method_text(pg, is_flag_kind(d->kind) ? d->kind : NULL, d->kind);
	raw(pg, "</td><td class=\"num\">");
	if (!is_flag_kind(d->kind))
		method_link_open(pg, d->kind);
	num_text(pg, d->value);
	if (!is_flag_kind(d->kind))
		raw(pg, "</a>");
	if (d->low != d->high) {
		raw(pg, "<br><small>");
		num_text(pg, d->low);
		raw(pg, " \xE2\x80\x93 ");
		num_text(pg, d->high);
		raw(pg, "</small>");
	}
	raw(pg, " ");
	text(pg, d->unit);
	raw(pg, "</td><td>");
	text(pg, d->method);
	raw(pg, "</td><td>");
	text(pg, d->assumption);
	raw(pg, "</td></tr>\n");
}

static size_t paper_derivations(struct page *pg, const struct site *st,
				size_t p, int write)
{
	size_t count = 0;
	for (size_t k = st->ix->paper_start[p]; k < st->ix->paper_start[p + 1];
	     k++) {
		const struct stored_claim *sc =
			&st->ds->claims[st->ix->by_paper[k]];
		size_t first, n = report_derivations_of(st->ix, st->ds, sc->id,
							&first);
		for (size_t i = first; write && i < first + n; i++)
			derivation_row(pg, &st->ds->derivations
						   [st->ix->deriv_order[i]]);
		count += n;
	}
	return count;
}

static void paper_claims(struct page *pg, const struct site *st, size_t p)
{
	static const char *const cols[] = { "Claim", "Kind", "Value",
					    "Context", "Evidence", "Origin" };
	static const char *const dcols[] = { "Claim", "Kind", "Value",
					     "Method", "Assumption" };
	raw(pg, "<section id=\"claims\">\n<h2>Claims</h2>\n");
	if (st->ix->paper_start[p] == st->ix->paper_start[p + 1])
		raw(pg, "<p class=\"note\">No claim is stored for this "
			"paper.</p>\n");
	else {
		table_head(pg, cols, 6, 1u << 2);
		for (size_t k = st->ix->paper_start[p];
		     k < st->ix->paper_start[p + 1]; k++)
			paper_claim_row(pg, st, st->ix->by_paper[k]);
		table_end(pg);
	}
	raw(pg, "</section>\n");
	if (!paper_derivations(pg, st, p, 0))
		return;
	raw(pg, "<section id=\"derived\">\n<h2>Derived values</h2>\n");
	table_head(pg, dcols, 5, 1u << 0 | 1u << 2);
	paper_derivations(pg, st, p, 1);
	table_end(pg);
	raw(pg, "</section>\n");
}

static int write_paper(const struct site *st, size_t p, const char *dir)
{
	const struct paper *pp = &st->ds->papers[p];
	struct page pg;
	struct strbuf name = STRBUF_INIT;
	page_open(&pg, st, "../", pp->title ? pp->title : "Untitled", "papers");
	/* The crumb leads to the list's first page, not to the page the
	 * paper is on: that would change with every paper added before it,
	 * and with it every page a report could otherwise keep. */
	raw(&pg, "<p class=\"crumbs\">");
	link_open(&pg, "papers.html");
	raw(&pg, "Papers</a></p>\n<h1>");
	text(&pg, pp->title);
	raw(&pg, "</h1>\n");
	paper_meta(&pg, pp);
	paper_abstract(&pg, st, p);
	paper_claims(&pg, st, p);
	sb_addf(&name, "%s.html", st->ix->slugs[p]);
	int rc = page_close(&pg, dir, name.buf);
	sb_release(&name);
	return rc;
}

/* ---- Performance ------------------------------------------------------ */

/* A chart of the page by name, or the "no data" chart standing in. */
static const struct chart *chart_named(const struct site *st,
				       const char *name)
{
	for (size_t i = 0; i < st->charts->len; i++)
		if (!strcmp(st->charts->items[i].name, name))
			return &st->charts->items[i];
	return NULL;
}

/* A measured number with its unit, or nothing when the file has none. */
static void perf_cell(struct page *pg, double v, double scale,
		      const char *unit)
{
	struct strbuf sb = STRBUF_INIT;
	raw(pg, "<td class=\"num\">");
	if (!isnan(v)) {
		report_perf_number(&sb, v / scale);
		sb_adds(&sb, unit);
		text(pg, sb.buf);
	}
	raw(pg, "</td>");
	sb_release(&sb);
}

static void perf_row(struct page *pg, const struct perf_row *r)
{
	struct strbuf sb = STRBUF_INIT;
	raw(pg, "<tr><td>");
	text(pg, report_perf_stage_label(r->stage));
	raw(pg, "</td><td class=\"num\">");
	num_text(pg, r->papers);
	raw(pg, "</td>");
	perf_cell(pg, r->bytes, 1e6, " MB");
	perf_cell(pg, r->seconds, 1, " s");
	perf_cell(pg, r->mb_per_s, 1, " MB/s");
	perf_cell(pg, r->items_per_s, 1, "");
	perf_cell(pg, r->peak_rss_kb, 1000, " MB");
	raw(pg, "<td>");
	report_perf_ratio(&sb, r);
	text(pg, sb.buf);
	raw(pg, "</td></tr>\n");
	sb_release(&sb);
}

static void perf_table(struct page *pg, const struct perf_results *perf)
{
	static const char *const cols[] = {
		"Stage", "Papers", "Input", "Time", "Throughput",
		"Items per second", "Peak memory", "Compared with",
	};
	raw(pg, "<section id=\"results\" aria-labelledby=\"results-h\">\n"
		"<h2 id=\"results-h\">Every measurement</h2>\n"
		"<p>One row per stage and size, in the order of the results "
		"file. Items are papers, or rows for curated claims; megabytes "
		"are millions of bytes.</p>\n");
	table_head(pg, cols, 8, 0x7E);
	for (size_t i = 0; i < perf->n; i++)
		perf_row(pg, &perf->rows[i]);
	table_end(pg);
	raw(pg, "</section>\n");
}

/* What each stage present measures. */
static void perf_stages(struct page *pg, const struct perf_results *perf)
{
	const char **stages;
	size_t n = report_perf_stages(perf, &stages);
	raw(pg, "<section id=\"stages\" aria-labelledby=\"stages-h\">\n"
		"<h2 id=\"stages-h\">What was measured</h2>\n<dl class=\"stages\">\n");
	for (size_t i = 0; i < n; i++) {
		const char *about = report_perf_stage_about(stages[i]);
		raw(pg, "<dt>");
		if (about) { /* an unknown stage is called by its name */
			text(pg, report_perf_stage_label(stages[i]));
			raw(pg, " ");
		}
		raw(pg, "<code>");
		text(pg, stages[i]);
		raw(pg, "</code></dt>\n<dd>");
		text(pg, about ? about : "A stage this version of effdash "
					 "does not describe.");
		raw(pg, "</dd>\n");
	}
	raw(pg, "</dl>\n</section>\n");
	free(stages);
}

/* The range of input sizes: the papers of every stage but the growth
 * one, whose papers are those appended. */
static void perf_lede(struct page *pg, const struct perf_results *perf)
{
	double lo = INFINITY, hi = 0;
	for (size_t i = 0; i < perf->n; i++)
		if (strcmp(perf->rows[i].stage, "grow1pct")) {
			lo = fmin(lo, perf->rows[i].papers);
			hi = fmax(hi, perf->rows[i].papers);
		}
	raw(pg, "<p class=\"lede\">How fast effdash reads papers and writes "
		"its report, as measured by <code>make bench</code> on "
		"generated inputs");
	if (hi > 0 && lo < hi) {
		raw(pg, " of ");
		num_text(pg, lo);
		raw(pg, " to ");
		num_text(pg, hi);
		raw(pg, " papers");
	} else if (hi > 0) {
		raw(pg, " of ");
		num_text(pg, hi);
		raw(pg, " papers");
	}
	raw(pg, ". Times are wall-clock seconds on the machine the bench ran "
		"on, memory the peak resident set of the process.</p>\n");
}

static int write_performance(const struct site *st, const char *dir)
{
	static const char *const charts[] = {
		PERF_CHART_TIME, PERF_CHART_THROUGHPUT, PERF_CHART_MEMORY,
	};
	struct page pg;
	page_open(&pg, st, "", "Performance", "performance");
	raw(&pg, "<h1>Performance</h1>\n");
	perf_lede(&pg, st->perf);
	if (st->perf->n)
		perf_stages(&pg, st->perf);
	else
		raw(&pg, "<p class=\"empty\">The results file holds no "
			 "measurements.</p>\n");
	for (size_t i = 0; i < sizeof charts / sizeof *charts; i++) {
		const struct chart *c = chart_named(st, charts[i]);
		if (c)
			chart_figure(&pg, st, c, 1, 2);
	}
	if (st->perf->n)
		perf_table(&pg, st->perf);
	return page_close(&pg, dir, "performance.html");
}

/* ---- Methodology ------------------------------------------------------ */

static int write_methodology(const struct site *st, const char *dir)
{
	struct page pg;
	page_open(&pg, st, "", "Methodology", "methodology");
	report_methodology(&pg.out, st->ds, st->ix);
	return page_close(&pg, dir, "methodology.html");
}

/* ---- Style ------------------------------------------------------------ */

static const char stylesheet[] =
	":root{--ink:#1d2733;--muted:#5b6775;--line:#d9dee4;--bg:#fff;"
	"--soft:#f5f7f9;--accent:#0072b2;--mark:#fff1a8;--mark-on:#ffd54a}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%}\n"
	"body{margin:0;color:var(--ink);background:var(--bg);"
	"font:16px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,"
	"\"Helvetica Neue\",Arial,sans-serif}\n"
	".wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}\n"
	"header.site{border-bottom:1px solid var(--line);background:var(--soft)}\n"
	"header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;"
	"gap:.5rem 1.5rem;padding-top:.6rem;padding-bottom:.6rem}\n"
	".brand{font-weight:700;letter-spacing:.02em;color:var(--ink)}\n"
	"nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;"
	"margin:0;padding:0}\n"
	"nav a{color:var(--muted);text-decoration:none}\n"
	"nav a:hover,nav a[aria-current]{color:var(--accent);"
	"text-decoration:underline}\n"
	"a{color:var(--accent)}\n"
	"h1{font-size:1.9rem;line-height:1.25;margin:1.6rem 0 .6rem}\n"
	"h2{font-size:1.4rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;"
	"border-bottom:1px solid var(--line)}\n"
	"h3{font-size:1.1rem;margin:1.6rem 0 .5rem}\n"
	".lede{font-size:1.1rem;color:var(--muted);max-width:48rem}\n"
	".stats{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}\n"
	".stat{border:1px solid var(--line);border-radius:6px;padding:.6rem "
	"1rem;min-width:9rem;background:var(--soft)}\n"
	".stat .n{display:block;font-size:1.7rem;font-weight:700;"
	"font-variant-numeric:tabular-nums}\n"
	".stat .l{color:var(--muted)}\n"
	".scroll{overflow-x:auto;margin:.5rem 0 1rem}\n"
	"table{border-collapse:collapse;width:100%;font-size:.92rem}\n"
	"th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;"
	"border-bottom:1px solid var(--line)}\n"
	"thead th{background:var(--soft);position:sticky;top:0;"
	"border-bottom:2px solid var(--line)}\n"
	"tbody tr:nth-child(even){background:#fafbfc}\n"
	".num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"tr.inactive{color:var(--muted);opacity:.7}\n"
	"tr:target{background:#e8f3fb}\n"
	".ctx{display:inline-block;margin-right:.5rem}\n"
	".ctx .k{color:var(--muted);font-size:.8rem}\n"
	".tag{display:inline-block;font-size:.78rem;padding:0 .35rem;"
	"border:1px solid var(--line);border-radius:3px;color:var(--muted)}\n"
	"small{color:var(--muted)}\n"
	"q{font-style:italic}\n"
	"figure.chart{margin:1.5rem 0 2.5rem}\n"
	"figure.chart img{display:block;max-width:100%;height:auto;"
	"border:1px solid var(--line);border-radius:4px}\n"
	"figcaption{color:var(--muted);margin:.5rem 0;max-width:54rem}\n"
	".permalink{color:var(--line);text-decoration:none;font-weight:400}\n"
	"h3:hover .permalink,.permalink:focus{color:var(--accent)}\n"
	"details{margin:.5rem 0}\n"
	"summary{cursor:pointer;color:var(--accent)}\n"
	".abstract{white-space:pre-line;max-width:50rem;font-size:1.02rem}\n"
	"mark{background:var(--mark);padding:0 .1em;border-radius:2px}\n"
	"mark a{color:inherit;text-decoration:underline dotted;"
	"text-underline-offset:.15em}\n"
	"mark:target,mark:has(span:target){background:var(--mark-on);"
	"outline:2px solid var(--mark-on)}\n"
	"dl.meta{display:grid;grid-template-columns:max-content 1fr;"
	"gap:.2rem 1rem;margin:1rem 0}\n"
	"dl.meta dt{color:var(--muted)}\n"
	"dl.meta dd{margin:0;overflow-wrap:anywhere}\n"
	".crumbs{margin:1rem 0 0;font-size:.9rem}\n"
	".note{color:var(--muted);font-style:italic}\n"
	".formulas li{margin:.3rem 0}\n"
	"footer.site{margin-top:3rem;border-top:1px solid var(--line);"
	"color:var(--muted);font-size:.9rem;background:var(--soft)}\n"
	"footer.site .wrap{padding-top:.8rem;padding-bottom:.8rem}\n"
	;

/* The explorer, pager, changes and small screens. */
static const char stylesheet_more[] =
	".skip{position:absolute;left:-999px;top:0;background:var(--bg);"
	"padding:.4rem .8rem;z-index:2}\n"
	".skip:focus{left:.5rem}\n"
	".muted,.count{color:var(--muted)}\n"
	".empty{border-left:4px solid var(--accent);background:var(--soft);"
	"padding:.8rem 1rem;max-width:48rem}\n"
	".headline h3{font-size:1.15rem}\n"
	".more{margin:-1.5rem 0 2rem}\n"
	".files{white-space:nowrap}\n"
	"ol.frontier li,ul.changes li{margin:.25rem 0}\n"
	"dl.stages dt{font-weight:600;margin-top:.6rem}\n"
	"#results td.num{white-space:nowrap}\n"
	"dl.stages dd{margin:0 0 0 1.2rem;max-width:48rem}\n"
	"del{color:#8a1f11}\n"
	"ins{color:#1d5e20;text-decoration:none}\n"
	".pager ul{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;"
	"padding:0;margin:.8rem 0}\n"
	".pager a{display:inline-block;min-width:2.2rem;text-align:center;"
	"padding:.2rem .5rem;border:1px solid var(--line);border-radius:4px;"
	"text-decoration:none}\n"
	".pager a[aria-current]{background:var(--accent);color:#fff;"
	"border-color:var(--accent)}\n"
	"details.facets{margin:1rem 0;border:1px solid var(--line);"
	"border-radius:6px;padding:.5rem 1rem;background:var(--soft)}\n"
	".facet-grid{display:grid;grid-template-columns:repeat(auto-fit,"
	"minmax(13rem,1fr));gap:.5rem 1.5rem}\n"
	".facet-grid h2{font-size:1rem;border:0;margin:.8rem 0 .3rem}\n"
	".facet-grid ul{margin:0;padding-left:1.1rem;font-size:.9rem}\n"
	"form.filters fieldset{display:flex;flex-wrap:wrap;gap:.6rem 1rem;"
	"align-items:flex-end;border:1px solid var(--line);border-radius:6px;"
	"padding:.6rem 1rem .8rem}\n"
	"form.filters legend{font-weight:600;padding:0 .3rem}\n"
	".field{display:flex;flex-direction:column;font-size:.9rem}\n"
	".field label{color:var(--muted)}\n"
	".field input,.field select,.field button{font:inherit;padding:.3rem "
	".4rem;border:1px solid #8a96a3;border-radius:4px;background:#fff;"
	"max-width:16rem}\n"
	".field.buttons{flex-direction:row;gap:.4rem}\n"
	".status{margin:.4rem 0;color:var(--muted)}\n"
	"button.sort{font:inherit;font-weight:600;color:inherit;"
	"background:none;border:0;padding:0;cursor:pointer;text-align:inherit}\n"
	"button.sort::after{content:\" \\2195\";color:var(--muted)}\n"
	"th[aria-sort=ascending] button.sort::after{content:\" \\2191\"}\n"
	"th[aria-sort=descending] button.sort::after{content:\" \\2193\"}\n"
	"table.explorer td{min-width:5rem}\n"
	"table.explorer td:first-child{min-width:14rem}\n"
	"table.explorer td:nth-child(8){min-width:16rem}\n"
	"@media (max-width:40rem){table.explorer thead{position:absolute;"
	"left:-9999px}table.explorer,table.explorer tbody,table.explorer tr,"
	"table.explorer td{display:block;min-width:0!important}"
	"table.explorer tr{padding:.5rem 0;border-bottom:1px solid var(--line)}"
	"table.explorer td{border:0;padding:.1rem .2rem;text-align:left}"
	"table.explorer td:empty{display:none}"
	"table.explorer td:nth-child(n+2)::before{color:var(--muted);"
	"font-size:.8rem;margin-right:.4rem}"
	"table.explorer td:nth-child(2)::before{content:\"kind\"}"
	"table.explorer td:nth-child(3)::before{content:\"value\"}"
	"table.explorer td:nth-child(4)::before{content:\"dimension\"}"
	"table.explorer td:nth-child(5)::before{content:\"hardware\"}"
	"table.explorer td:nth-child(6)::before{content:\"metric\"}"
	"table.explorer td:nth-child(7)::before{content:\"dataset\"}"
	"table.explorer td:nth-child(8)::before{content:\"evidence\"}"
	"table.explorer td:nth-child(9)::before{content:\"origin\"}}\n"
	"@media (max-width:40rem){body{font-size:15px}"
	".wrap{padding:0 .8rem}h1{font-size:1.5rem}"
	".stat{min-width:7rem;padding:.4rem .7rem}.stat .n{font-size:1.3rem}"
	"th,td{padding:.3rem .4rem}}\n"
	"@media print{header.site,footer.site,.skip,form.filters{display:none}"
	"details{display:block}}\n";

/* Paper pages are many small files: creating them is bound by the file
 * system, and rendering them is most of the site's work.  They are
 * independent and read the dataset only, so threads take papers in turn
 * from the start of the report, while the main thread builds the rest;
 * the files are the same whatever the order. */
#define PAPER_THREADS 3

/* A paper page is kept from the previous report, unrendered, when the
 * digest of everything it shows is what the previous report recorded
 * for it (site/data/pages.tsv: page name, digest).  The digest covers the
 * paper, its claims (every field, status and highlight) and their
 * derived values, and the hash of effdash's source code, so a change to
 * the program renders every page anew. */
struct page_digest {
	char *name;
	unsigned long long digest;
};

struct paper_pages {
	struct site st;
	unsigned char *marked;
	char *dir;
	unsigned long long *digest;  /* per paper, filled by the workers */
	struct page_digest *prev;    /* the previous report's, by name */
	size_t n_prev;
	pthread_mutex_t lock;
	size_t next;
	int failed, cancelled;
	pthread_t tid[PAPER_THREADS];
	size_t started;
};

/* Everything the page of paper p shows. */
static unsigned long long paper_digest(const struct site *st, size_t p)
{
	const struct paper *pp = &st->ds->papers[p];
	unsigned long long h = hash_text(0, effdash_code_hash);
	h = report_digest_long(h, st->perf != NULL); /* the navigation */
	h = hash_text(h, st->ix->slugs[p]);
	h = report_digest_paper(h, pp);
	for (size_t k = st->ix->paper_start[p]; k < st->ix->paper_start[p + 1]; k++) {
		size_t ci = st->ix->by_paper[k];
		const struct stored_claim *sc = &st->ds->claims[ci];
		const long long num[] = { sc->id, sc->status, st->marked[ci] };
		h = report_digest_numbers(h, num, sizeof num / sizeof *num);
		h = report_digest_claim(h, &sc->claim);
		size_t first, n = report_derivations_of(st->ix, st->ds, sc->id, &first);
		for (size_t i = first; i < first + n; i++)
			h = report_digest_derivation(h, &st->ds->derivations[st->ix->deriv_order[i]]);
	}
	return h;
}

static int page_digest_cmp(const void *a, const void *b)
{
	const struct page_digest *x = a, *y = b;
	return strcmp(x->name, y->name);
}

/* Load the previous report's page digests (none when absent or odd). */
static void load_page_digests(struct paper_pages *job, const char *data_dir)
{
	char *text = NULL;
	size_t len = 0;
	if (report_read_previous(data_dir, "pages.tsv", &text, &len) < 0)
		return;
	size_t alloc = 0;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *tab = strchr(line, '\t'), *end;
		if (!tab || line[0] == '#')
			continue;
		*tab = '\0';
		unsigned long long d = strtoull(tab + 1, &end, 16);
		if (*end || end == tab + 1)
			continue;
		if (job->n_prev == alloc) {
			alloc = alloc ? 2 * alloc : 1024;
			job->prev = xrealloc(job->prev, alloc * sizeof *job->prev);
		}
		job->prev[job->n_prev++] = (struct page_digest){ xstrdup(line), d };
	}
	free(text);
	if (job->n_prev)
		qsort(job->prev, job->n_prev, sizeof *job->prev, page_digest_cmp);
}

/* Write paper p's page, or keep the previous report's when its digest
 * is unchanged. */
static int paper_page(struct paper_pages *job, size_t p)
{
	const struct site *st = &job->st;
	unsigned long long d = paper_digest(st, p);
	job->digest[p] = d;
	struct strbuf name = STRBUF_INIT;
	sb_addf(&name, "%s.html", st->ix->slugs[p]);
	struct page_digest want = { name.buf, 0 };
	const struct page_digest *old =
		job->n_prev ? bsearch(&want, job->prev, job->n_prev, sizeof *job->prev,
				      page_digest_cmp)
			    : NULL;
	int kept = old && old->digest == d && report_link_previous(job->dir, name.buf) == 0;
	sb_release(&name);
	return kept ? 0 : write_paper(st, p, job->dir);
}

static void *paper_worker(void *arg)
{
	struct paper_pages *job = arg;
	for (;;) {
		pthread_mutex_lock(&job->lock);
		size_t p = job->next++;
		int stop = job->failed || job->cancelled ||
			   p >= job->st.ds->n_papers;
		pthread_mutex_unlock(&job->lock);
		if (stop)
			return NULL;
		if (paper_page(job, p) < 0) {
			pthread_mutex_lock(&job->lock);
			job->failed = 1;
			pthread_mutex_unlock(&job->lock);
		}
	}
}

struct paper_pages *report_papers_start(const struct dataset *ds,
					const struct report_index *ix,
					const struct perf_results *perf,
					const char *dir)
{
	struct paper_pages *job = xcalloc(1, sizeof *job);
	job->st.ds = ds;
	job->st.ix = ix;
	job->st.perf = perf;
	job->marked = xcalloc(ds->n_claims ? ds->n_claims : 1, 1);
	mark_all(&job->st, job->marked);
	job->st.marked = job->marked;
	job->dir = xstrdup(dir);
	job->digest = xcalloc(ds->n_papers ? ds->n_papers : 1, sizeof *job->digest);
	struct strbuf data = STRBUF_INIT;
	sb_addf(&data, "%s/../data", dir);
	load_page_digests(job, data.buf);
	sb_release(&data);
	pthread_mutex_init(&job->lock, NULL);
	size_t want = ds->n_papers < 64 ? 1 : PAPER_THREADS;
	for (size_t i = 0; i < want; i++) {
		if (pthread_create(&job->tid[job->started], NULL, paper_worker,
				   job))
			break;
		job->started++;
	}
	return job;
}

const unsigned char *report_papers_marked(const struct paper_pages *job)
{
	return job->marked;
}

int report_papers_finish(struct paper_pages *job, int cancel)
{
	if (!job)
		return 0;
	pthread_mutex_lock(&job->lock);
	job->cancelled = cancel;
	pthread_mutex_unlock(&job->lock);
	if (!job->started && !cancel)
		paper_worker(job); /* no thread could start: do it here */
	for (size_t i = 0; i < job->started; i++)
		pthread_join(job->tid[i], NULL);
	pthread_mutex_destroy(&job->lock);
	int rc = job->failed ? -1 : 0;
	if (rc == 0 && !cancel) {
		/* What the next report compares against. */
		struct strbuf sb = STRBUF_INIT, data = STRBUF_INIT;
		sb_adds(&sb, "# effdash paper pages 1: page, digest of what it shows\n");
		for (size_t p = 0; p < job->st.ds->n_papers; p++) {
			esc_tsv(&sb, job->st.ix->slugs[p]);
			sb_adds(&sb, ".html\t");
			sb_add_hex64(&sb, job->digest[p]);
			sb_addc(&sb, '\n');
		}
		sb_addf(&data, "%s/../data", job->dir);
		rc = report_save(data.buf, "pages.tsv", &sb);
		sb_release(&sb);
		sb_release(&data);
	}
	for (size_t i = 0; i < job->n_prev; i++)
		free(job->prev[i].name);
	free(job->prev);
	free(job->digest);
	free(job->marked);
	free(job->dir);
	free(job);
	return rc;
}

static int write_style(const char *dir)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, stylesheet);
	sb_adds(&sb, stylesheet_more);
	int rc = report_save(dir, "style.css", &sb);
	sb_release(&sb);
	return rc;
}

static int write_benchmarks(const struct site *st, const char *dir)
{
	struct strbuf sub = STRBUF_INIT;
	int rc = write_bench_index(st, dir);
	sb_addf(&sub, "%s/benchmarks", dir);
	for (size_t b = 0; b < st->model->n_bench && rc == 0; b++)
		rc = write_bench(st, b, sub.buf);
	sb_release(&sub);
	return rc;
}

static int write_topic_pages(const struct site *st, const char *dir)
{
	if (write_chart_page(st, dir, "speedups.html", "speedups",
			     "Speed-ups and savings",
			     "The factors papers claim over a baseline "
			     "(\xE2\x80\x9C" "118\xC3\x97 lower cost\xE2\x80\x9D, "
			     "\xE2\x80\x9C" "80% less memory\xE2\x80\x9D), by what they "
			     "improve. Percent reductions are shown as factors: "
			     "80% less is 5\xC3\x97.",
			     chart_or_nodata(st, CHART_RATIOS, "ratios")) < 0)
		return -1;
	return write_chart_page(st, dir, "scale.html", "scale",
				"Model size and training data",
				"Parameters against training tokens for the "
				"papers that state both, with the training "
				"compute they imply (6 \xC3\x97 parameters "
				"\xC3\x97 tokens).",
				chart_or_nodata(st, CHART_SCALE,
						"params-tokens"));
}

static struct site site_of(const struct dataset *ds, const struct report_index *ix,
			   const struct site_input *in)
{
	return (struct site){ ds, ix, in->charts, in->model, in->changes,
			      in->marked, in->has_db, in->perf };
}

int report_html_write(const struct dataset *ds, const struct report_index *ix,
		      const struct site_input *in, const char *dir)
{
	struct site st = site_of(ds, ix, in);
	if (write_style(dir) < 0 || write_benchmarks(&st, dir) < 0 ||
	    write_topic_pages(&st, dir) < 0 || write_downloads(&st, dir) < 0 ||
	    write_methodology(&st, dir) < 0 ||
	    (st.perf && write_performance(&st, dir) < 0))
		return -1;
	return 0;
}

int report_html_write_index(const struct dataset *ds, const struct report_index *ix,
			    const struct site_input *in, const char *dir)
{
	struct site st = site_of(ds, ix, in);
	return write_index(&st, dir) < 0 ? -1 : 0;
}

int report_html_write_lists(const struct dataset *ds, const struct report_index *ix,
			    const struct site_input *in, const char *dir)
{
	struct site st = site_of(ds, ix, in);
	st.charts = NULL; /* being made by another thread: never read here */
	st.changes = NULL;
	if (write_explorer(&st, dir) < 0 || write_papers_list(&st, dir) < 0)
		return -1;
	return 0;
}

/* report_plot.c - plots/NAME.gp, plots/NAME.dat, and the charts' tables.
 *
 * The only file that knows gnuplot syntax.  Scripts are the templates of
 * plots/ (compiled in) with @NAME@ placeholders replaced by gnuplot string
 * literals from esc_gnuplot or by numbers computed here; every text that
 * comes from the data (paper names, dimensions) is written only to the
 * data file, through esc_gnuplot_data, and drawn from there.  The terminal
 * is noenhanced, so no text is read as markup.  Each script names its own
 * outputs and data file relative to its folder, so "gnuplot NAME.gp"
 * redraws NAME.svg and NAME.png.
 *
 * Charts:
 *   cost-quality-SLUG  result on one benchmark (metric + dataset) against
 *                      training cost, one point per paper, the Pareto
 *                      frontier drawn as a step line;
 *   params-tokens      parameters against training tokens, with lines of
 *                      equal training compute 6*N*D;
 *   ratios             claimed factors by dimension: every claim as a dot,
 *                      the quartiles as a box, the median as a bar.
 *   perf-time, perf-throughput, perf-memory
 *                      with report --perf-results, make bench's seconds,
 *                      MB/s and peak memory against papers, one line per
 *                      stage; stage names reach gnuplot only through the
 *                      data file, as the key's column headers.
 * A chart without data becomes a "no data" chart, never an error.
 *
 * Axis ranges are computed here rather than by gnuplot, so that labels can
 * be placed without overlaps: each label tries positions around its point
 * (right, left, above, below, the diagonals, then further out with a
 * leader line) and takes the first that stays inside the plot and clear
 * of every point and every label placed before it.  Frontier points are
 * placed first.  The layout assumes the fixed margins of the templates
 * and an average glyph width; it is the same on every run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "escape.h"
#include "report_internal.h"
#include "templates.h"

/* At most this many benchmark charts, the ones with most papers first. */
#define MAX_BENCH_CHARTS 24
/* At most this many labels on one chart; more would be unreadable. */
#define MAX_LABELS 60
/* At most this many points drawn per chart (or per dimension of the ratio
 * chart); beyond, an evenly spaced sample is drawn and the tables and CSV
 * files hold every value. */
#define MAX_DRAWN 1500
/* At most this many dimensions in the ratio chart, the largest first. */
#define MAX_DIMENSIONS 14

/* ---- Templates -------------------------------------------------------- */

#define MAX_VARS 24

/* Placeholder values, each already a gnuplot literal. */
struct vars {
	const char *key[MAX_VARS];
	struct strbuf value[MAX_VARS];
	size_t n;
};

static struct strbuf *var_slot(struct vars *v, const char *key)
{
	if (v->n == MAX_VARS)
		BUG("too many template variables");
	v->key[v->n] = key;
	sb_init(&v->value[v->n]);
	return &v->value[v->n++];
}

static void var_text(struct vars *v, const char *key, const char *text)
{
	esc_gnuplot(var_slot(v, key), text);
}

static void var_int(struct vars *v, const char *key, long n)
{
	sb_addf(var_slot(v, key), "%ld", n);
}

/* Generated commands made only of numbers and fixed words. */
static struct strbuf *var_code(struct vars *v, const char *key)
{
	return var_slot(v, key);
}

static void vars_release(struct vars *v)
{
	for (size_t i = 0; i < v->n; i++)
		sb_release(&v->value[i]);
	v->n = 0;
}

/* Length of the placeholder "@KEY@" at s that v knows, else 0; *which is
 * its index. */
static size_t placeholder_at(const char *s, const struct vars *v,
			     size_t *which)
{
	for (size_t i = 0; i < v->n; i++) {
		size_t n = strlen(v->key[i]);
		if (!strncmp(s + 1, v->key[i], n) && s[n + 1] == '@') {
			*which = i;
			return n + 2;
		}
	}
	return 0;
}

static void fill_template(struct strbuf *out, const char *name,
			  const struct vars *v)
{
	const char *t = plot_template(name);
	if (!t)
		BUG("no plot template '%s'", name);
	while (*t) {
		size_t i, n = *t == '@' ? placeholder_at(t, v, &i) : 0;
		if (n) {
			sb_add(out, v->value[i].buf, v->value[i].len);
			t += n;
		} else {
			sb_addc(out, *t++);
		}
	}
}

/* Write NAME.gp from the template and NAME.dat from dat. */
static int write_chart_files(const char *dir, const char *name,
			     const char *template, struct vars *v,
			     const struct strbuf *dat)
{
	struct strbuf file = STRBUF_INIT, gp = STRBUF_INIT;
	sb_addf(&file, "%s.svg", name);
	var_text(v, "OUTPUT", file.buf);
	sb_reset(&file);
	sb_addf(&file, "%s.png", name);
	var_text(v, "PNG", file.buf);
	sb_reset(&file);
	sb_addf(&file, "%s.dat", name);
	var_text(v, "DATA", file.buf);
	fill_template(&gp, template, v);
	int rc = report_save(dir, file.buf, dat);
	sb_reset(&file);
	sb_addf(&file, "%s.gp", name);
	if (rc == 0)
		rc = report_save(dir, file.buf, &gp);
	sb_release(&file);
	sb_release(&gp);
	return rc;
}

/* A chart that says why there is nothing to draw. */
static int write_nodata(const char *dir, struct chart_list *charts,
			const char *name, const char *title,
			const char *message)
{
	static const char *const cols[] = { "Note" };
	struct vars v = { .n = 0 };
	struct strbuf dat = STRBUF_INIT;
	struct chart *c = chart_add(charts, name, title, 1, cols, 0);
	c->kind = CHART_NODATA;
	free(c->caption);
	c->caption = xstrdup(message);
	free(c->alt);
	c->alt = xstrdup(message);
	sb_adds(&dat, "# nothing to plot\n");
	var_text(&v, "TITLE", title);
	var_text(&v, "MESSAGE", message);
	int rc = write_chart_files(dir, name, "nodata", &v, &dat);
	vars_release(&v);
	sb_release(&dat);
	return rc;
}

/* ---- Data rows -------------------------------------------------------- */

static void dat_num(struct strbuf *dat, double v)
{
	report_plain_number(dat, v);
	sb_addc(dat, ' ');
}

static void dat_label(struct strbuf *dat, const char *text)
{
	esc_gnuplot_data(dat, text);
}

static void short_name(struct strbuf *out, const struct dataset *ds,
		       size_t paper)
{
	report_short_name(out, ds->papers[paper].title);
}

static int positive(double v)
{
	return isfinite(v) && v > 0;
}

/* Every k-th of n items, so that at most MAX_DRAWN are drawn. */
static size_t draw_stride(size_t n)
{
	return n <= MAX_DRAWN ? 1 : (n + MAX_DRAWN - 1) / MAX_DRAWN;
}

/* ---- Axes and label placement ----------------------------------------- */

/* The plot area of every template: 900x600 canvas, margins at screen
 * 0.11/0.97 (left/right) and 0.13/0.86 (bottom/top). */
#define AREA_W (900.0 * 0.86)
#define AREA_H (600.0 * 0.73)
/* Labels are set in 10-pixel sans: an average glyph is under 6 pixels
 * wide and a line 12 high. */
#define GLYPH_W 6.0
#define LINE_H 12.0
#define MARKER 6.0

struct axis {
	double lo, hi; /* range in data units, lo at the left or bottom */
	int log;
};

static double axis_pos(const struct axis *a, double v, double size)
{
	if (a->log)
		return (log10(v) - log10(a->lo)) /
		       (log10(a->hi) - log10(a->lo)) * size;
	return (v - a->lo) / (a->hi - a->lo) * size;
}

static double axis_value(const struct axis *a, double pos, double size)
{
	double f = pos / size;
	if (a->log)
		return pow(10, log10(a->lo) + f * (log10(a->hi) - log10(a->lo)));
	return a->lo + f * (a->hi - a->lo);
}

/* A log axis around [min, max] with room for labels. */
static void log_axis(struct axis *a, double min, double max, double below,
		     double above)
{
	if (!(min > 0))
		min = max > 0 ? max : 1;
	if (max < min)
		max = min;
	if (max / min < 10) {
		double mid = sqrt(min * max);
		min = fmin(min, mid / 3.2);
		max = fmax(max, mid * 3.2);
	}
	a->lo = min / below;
	a->hi = max * above;
	a->log = 1;
}

static void linear_axis(struct axis *a, double min, double max)
{
	double d = max - min;
	if (!(d > 0))
		d = fabs(max) / 4 + 1;
	a->lo = min - 0.14 * d;
	a->hi = max + 0.14 * d;
	a->log = 0;
}

struct box {
	double x0, y0, x1, y1;
};

static int overlaps(const struct box *a, const struct box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 &&
	       b->y0 < a->y1;
}

/* A label to place: its point in pixels, its text width. */
struct label {
	double px, py, w;
	const char *text;
	/* Result: anchor in pixels, alignment 0 left 1 right 2 centre,
	 * leader line needed; placed == 0 when no position was free. */
	double ax, ay;
	int align, leader, placed;
};

/* The boxes taken so far, and a grid of CELL-pixel cells over the plot
 * area, each listing the boxes that reach into it: a candidate position
 * is checked against the boxes of its cells only, not against every
 * point of a chart with thousands.  Same answers as checking them all:
 * two boxes that overlap share a cell. */
#define CELL 16.0
#define GRID_X ((int)(AREA_W / CELL) + 1)
#define GRID_Y ((int)(AREA_H / CELL) + 1)

struct cell {
	size_t *box;
	size_t n, alloc;
};

struct placer {
	struct box *taken;
	size_t n, alloc;
	struct cell *grid; /* GRID_X * GRID_Y */
};

/* The cells a box reaches, clamped to the grid; 0 when it has a NaN
 * (it overlaps nothing: every comparison with it is false). */
static int cell_range(const struct box *b, int c[4])
{
	if (isnan(b->x0) || isnan(b->x1) || isnan(b->y0) || isnan(b->y1))
		return 0;
	const double v[4] = { fmin(b->x0, b->x1), fmax(b->x0, b->x1),
			      fmin(b->y0, b->y1), fmax(b->y0, b->y1) };
	for (int i = 0; i < 4; i++) {
		double k = floor(v[i] / CELL), top = (i < 2 ? GRID_X : GRID_Y) - 1;
		c[i] = (int)(k < 0 ? 0 : k > top ? top : k);
	}
	return 1;
}

static void placer_take(struct placer *pl, struct box b)
{
	if (pl->n == pl->alloc) {
		pl->alloc = pl->alloc ? 2 * pl->alloc : 64;
		pl->taken = xrealloc(pl->taken, pl->alloc * sizeof *pl->taken);
	}
	if (!pl->grid)
		pl->grid = xcalloc((size_t)(GRID_X * GRID_Y), sizeof *pl->grid);
	int c[4];
	if (cell_range(&b, c))
		for (int y = c[2]; y <= c[3]; y++)
			for (int x = c[0]; x <= c[1]; x++) {
				struct cell *cl = &pl->grid[y * GRID_X + x];
				if (cl->n == cl->alloc) {
					cl->alloc = cl->alloc ? 2 * cl->alloc : 4;
					cl->box = xrealloc(cl->box, cl->alloc * sizeof *cl->box);
				}
				cl->box[cl->n++] = pl->n;
			}
	pl->taken[pl->n++] = b;
}

static int placer_free(const struct placer *pl, const struct box *b)
{
	if (b->x0 < 2 || b->y0 < 2 || b->x1 > AREA_W - 2 ||
	    b->y1 > AREA_H - 2)
		return 0;
	int c[4];
	if (!pl->grid || !cell_range(b, c))
		return 1;
	for (int y = c[2]; y <= c[3]; y++)
		for (int x = c[0]; x <= c[1]; x++) {
			const struct cell *cl = &pl->grid[y * GRID_X + x];
			for (size_t i = 0; i < cl->n; i++)
				if (overlaps(&pl->taken[cl->box[i]], b))
					return 0;
		}
	return 1;
}

static void placer_release(struct placer *pl)
{
	if (pl->grid)
		for (int i = 0; i < GRID_X * GRID_Y; i++)
			free(pl->grid[i].box);
	free(pl->grid);
	free(pl->taken);
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static struct box label_box(double ax, double ay, double w, int align)
{
	double x0 = align == 0 ? ax : align == 1 ? ax - w : ax - w / 2;
	return (struct box){ x0 - 1, ay - LINE_H / 2, x0 + w + 1,
			     ay + LINE_H / 2 };
}

/* Try the positions around the point, nearest first. */
static void place_one(struct placer *pl, struct label *l)
{
	static const struct {
		double dx, dy;
		int align;
	} around[] = {
		{ 1, 0, 0 }, { -1, 0, 1 }, { 0, 1, 2 }, { 0, -1, 2 },
		{ 0.8, 0.8, 0 }, { 0.8, -0.8, 0 }, { -0.8, 0.8, 1 },
		{ -0.8, -0.8, 1 },
	};
	static const double radius[] = { 8, 22, 40, 60 };
	for (size_t r = 0; r < sizeof radius / sizeof *radius; r++)
		for (size_t i = 0; i < sizeof around / sizeof *around; i++) {
			double dy = around[i].dy * (radius[r] + LINE_H / 2 *
					(around[i].dx == 0));
			double ax = l->px + around[i].dx * radius[r];
			double ay = l->py + dy;
			struct box b = label_box(ax, ay, l->w, around[i].align);
			if (!placer_free(pl, &b))
				continue;
			placer_take(pl, b);
			l->ax = ax;
			l->ay = ay;
			l->align = around[i].align;
			l->leader = r > 0;
			l->placed = 1;
			return;
		}
}

/* Place up to MAX_LABELS labels in the given order, after marking every
 * drawn point and every box of lines as taken.  Returns how many were
 * placed. */
static size_t place_labels(struct label *l, size_t n, const double *px,
			   const double *py, size_t n_points,
			   const struct box *lines, size_t n_lines)
{
	struct placer pl = { NULL, 0, 0, NULL };
	size_t placed = 0;
	for (size_t i = 0; i < n_lines; i++)
		placer_take(&pl, lines[i]);
	for (size_t i = 0; i < n_points; i++)
		placer_take(&pl, (struct box){ px[i] - MARKER, py[i] - MARKER,
					       px[i] + MARKER,
					       py[i] + MARKER });
	for (size_t i = 0; i < n && placed < MAX_LABELS; i++) {
		l[i].w = (double)utf8_chars(l[i].text) * GLYPH_W;
		place_one(&pl, &l[i]);
		placed += l[i].placed;
	}
	placer_release(&pl);
	return placed;
}

/* Data blocks "labels" and "leaders" for placed labels.  A block is never
 * empty (gnuplot stops on an empty one): an invisible entry stands in. */
static void label_blocks(struct strbuf *dat, const struct label *l, size_t n,
			 const struct axis *x, const struct axis *y)
{
	size_t k = 0;
	sb_adds(dat, "\n\n# labels: x y \"label\" align(0 left, 1 right, "
		     "2 centre)\n");
	for (size_t i = 0; i < n; i++) {
		if (!l[i].placed)
			continue;
		dat_num(dat, axis_value(x, l[i].ax, AREA_W));
		dat_num(dat, axis_value(y, l[i].ay, AREA_H));
		dat_label(dat, l[i].text);
		sb_addf(dat, " %d\n", l[i].align);
		k++;
	}
	if (!k) {
		dat_num(dat, axis_value(x, -100, AREA_W));
		dat_num(dat, axis_value(y, -100, AREA_H));
		sb_adds(dat, "\" \" 0\n");
	}
	k = 0;
	sb_adds(dat, "\n\n# leaders: x y dx dy\n");
	for (size_t i = 0; i < n; i++) {
		if (!l[i].placed || !l[i].leader)
			continue;
		/* From near the point to near the label's edge. */
		double ex = l[i].ax, ey = l[i].ay;
		double fx = l[i].px + (ex - l[i].px) * 0.25;
		double fy = l[i].py + (ey - l[i].py) * 0.25;
		double vx = axis_value(x, fx, AREA_W);
		double vy = axis_value(y, fy, AREA_H);
		dat_num(dat, vx);
		dat_num(dat, vy);
		dat_num(dat, axis_value(x, ex, AREA_W) - vx);
		report_plain_number(dat, axis_value(y, ey, AREA_H) - vy);
		sb_addc(dat, '\n');
		k++;
	}
	if (!k)
		sb_adds(dat, "1 1 0 0\n");
}

/* Tick words, shorter than report_human_number: 1k, 10M, 1B, 1T. */
static void tick_word(struct strbuf *out, double v)
{
	static const struct {
		double scale;
		const char *suffix;
	} s[] = { { 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "k" } };
	for (size_t i = 0; i < 4; i++)
		if (v >= s[i].scale) {
			sb_addf(out, "%g%s", v / s[i].scale, s[i].suffix);
			return;
		}
	sb_addf(out, "%g", v);
}

typedef void tick_word_fn(struct strbuf *out, double v);

/* Tics of a log axis: labelled at each power of ten (and at 2 and 5 when
 * the axis spans less than three decades), word() writing the number. */
static void word_tics(struct strbuf *out, const char *axis,
		      const struct axis *a, tick_word_fn *word,
		      const char *prefix, const char *suffix)
{
	int fine = a->hi / a->lo < 1000;
	int first = 1;
	sb_addf(out, "set %s (", axis);
	for (int e = (int)floor(log10(a->lo)); e <= (int)ceil(log10(a->hi));
	     e++)
		for (int m = 1; m <= 9; m++) {
			double v = m * pow(10, e);
			if (v < a->lo || v > a->hi)
				continue;
			int label = m == 1 || (fine && (m == 2 || m == 5));
			struct strbuf t = STRBUF_INIT;
			if (label) {
				sb_adds(&t, prefix);
				word(&t, v);
				sb_adds(&t, suffix);
			}
			sb_adds(out, first ? "" : ", ");
			esc_gnuplot(out, t.buf);
			sb_addc(out, ' ');
			report_plain_number(out, v);
			sb_adds(out, label ? "" : " 1");
			first = 0;
			sb_release(&t);
		}
	sb_adds(out, ")\n");
}

static void short_tics(struct strbuf *out, const char *axis,
		       const struct axis *a, const char *prefix,
		       const char *suffix)
{
	word_tics(out, axis, a, tick_word, prefix, suffix);
}

static void range_code(struct strbuf *out, const char *which,
		       const struct axis *a, int reversed)
{
	sb_addf(out, "set %s [", which);
	report_plain_number(out, reversed ? a->hi : a->lo);
	sb_addc(out, ':');
	report_plain_number(out, reversed ? a->lo : a->hi);
	sb_adds(out, "]\n");
}

/* ---- Cost against quality --------------------------------------------- */

struct bench_chart {
	const struct dataset *ds;
	const struct report_model *m;
	const struct bench *b;
	struct chart *chart;
	struct strbuf dat;
	struct axis x, y;
	size_t labelled, estimated, drawn;
	size_t cost_bars, result_bars; /* points with a range drawn */
	size_t barred;                 /* points with either */
};

static void bench_axes(struct bench_chart *bc)
{
	const struct bench *b = bc->b;
	double xmin = INFINITY, xmax = 0, ymin = INFINITY, ymax = -INFINITY;
	for (size_t i = 0; i < b->n_pt; i++) {
		const struct bench_point *pt = &b->pt[i];
		xmin = fmin(xmin, pt->cost_low);
		xmax = fmax(xmax, pt->cost_high);
		ymin = fmin(ymin, pt->result_low);
		ymax = fmax(ymax, pt->result_high);
	}
	log_axis(&bc->x, xmin, xmax, 2.5, 6);
	linear_axis(&bc->y, ymin, ymax);
	if (b->lower_better) { /* up is better: the axis runs downwards */
		double t = bc->y.lo;
		bc->y.lo = bc->y.hi;
		bc->y.hi = t;
	}
}

static int cost_bar(const struct bench_point *pt)
{
	return pt->cost_low != pt->cost_high;
}

static int result_bar(const struct bench_point *pt)
{
	return pt->result_low != pt->result_high;
}

/* The table's columns: cost and result bounds only when a bar is drawn. */
static struct chart *bench_chart_add(struct bench_chart *bc,
				     struct chart_list *charts,
				     const char *name, const char *title)
{
	const char *cols[9];
	size_t n = 0;
	unsigned numeric = 0, cost = 0, bound = 0;
	cols[n++] = "Paper";
	numeric |= 1u << n;
	cost |= 1u << n;
	cols[n++] = "Training cost";
	if (bc->cost_bars) {
		numeric |= 3u << n;
		bound |= 3u << n;
		cols[n++] = "Cost low";
		cols[n++] = "Cost high";
	}
	cols[n++] = "Basis";
	numeric |= 1u << n;
	cols[n++] = "Result";
	if (bc->result_bars) {
		numeric |= 3u << n;
		cols[n++] = "Result low";
		cols[n++] = "Result high";
	}
	cols[n++] = "On the frontier";
	struct chart *c = chart_add(charts, name, title, n, cols, numeric);
	c->cost_cols = cost;
	c->bound_cols = bound;
	return c;
}

static void bench_table_row(struct bench_chart *bc,
			    const struct bench_point *pt)
{
	struct strbuf cost = STRBUF_INIT, result = STRBUF_INIT, t[4];
	const struct claim *q = &bc->ds->claims[pt->claim].claim;
	const char *cells[9];
	size_t n = 0;
	for (int i = 0; i < 4; i++)
		sb_init(&t[i]);
	report_cost_text(&cost, bc->m, bc->b->axis, pt->cost);
	report_claim_value(&result, q);
	if (cost_bar(pt)) {
		report_cost_text(&t[0], bc->m, bc->b->axis, pt->cost_low);
		report_cost_text(&t[1], bc->m, bc->b->axis, pt->cost_high);
	}
	if (result_bar(pt)) {
		report_human_number(&t[2], pt->result_low);
		report_human_number(&t[3], pt->result_high);
	}
	cells[n++] = bc->ds->papers[pt->paper].title;
	cells[n++] = cost.buf;
	if (bc->cost_bars) {
		cells[n++] = t[0].buf;
		cells[n++] = t[1].buf;
	}
	cells[n++] = bc->b->axis == AXIS_REF_HOURS ? "derived from compute"
		     : pt->estimated		   ? "estimated from compute"
						   : "stated";
	cells[n++] = result.buf;
	if (bc->result_bars) {
		cells[n++] = t[2].buf;
		cells[n++] = t[3].buf;
	}
	cells[n++] = pt->frontier ? "yes" : "";
	if (bc->chart->n_rows < REPORT_PAGE_ROWS)
		chart_add_row(bc->chart, (long)pt->paper, cells);
	sb_release(&cost);
	sb_release(&result);
	for (int i = 0; i < 4; i++)
		sb_release(&t[i]);
}

/* The frontier's step line as thin boxes, so that no label covers it:
 * from each frontier point right to the next one's cost, then up or
 * down to its result; the last step runs to the edge. */
static struct box *frontier_boxes(const struct bench_chart *bc, size_t *n)
{
	const struct bench *b = bc->b;
	struct box *box = xcalloc(2 * b->n_pt + 2, sizeof *box);
	double x0 = -1, y0 = 0;
	*n = 0;
	for (size_t i = 0; i <= b->n_pt; i++) {
		if (i < b->n_pt && !b->pt[i].frontier)
			continue;
		double x = i < b->n_pt ? axis_pos(&bc->x, b->pt[i].cost, AREA_W)
				       : AREA_W;
		double y = i < b->n_pt
				   ? axis_pos(&bc->y,
					      bc->ds->claims[b->pt[i].claim]
						      .claim.value,
					      AREA_H)
				   : y0;
		if (x0 >= 0) {
			box[(*n)++] = (struct box){ x0, y0 - 2, x, y0 + 2 };
			box[(*n)++] = (struct box){ x - 2, fmin(y0, y), x + 2,
						    fmax(y0, y) };
		}
		x0 = x;
		y0 = y;
	}
	return box;
}

/* The drawn uncertainty bars as thin boxes appended to box[0..*n), so
 * that no label covers them either. */
static struct box *bar_boxes(const struct bench_chart *bc, size_t stride,
			     struct box *box, size_t *n)
{
	const struct bench *b = bc->b;
	box = xrealloc(box, (*n + 2 * b->n_pt + 1) * sizeof *box);
	for (size_t i = 0; i < b->n_pt; i++) {
		const struct bench_point *pt = &b->pt[i];
		if (i % stride && !pt->frontier)
			continue;
		double x = axis_pos(&bc->x, pt->cost, AREA_W);
		double y = axis_pos(&bc->y,
				    bc->ds->claims[pt->claim].claim.value,
				    AREA_H);
		if (cost_bar(pt))
			box[(*n)++] = (struct box){
				axis_pos(&bc->x, pt->cost_low, AREA_W), y - 3,
				axis_pos(&bc->x, pt->cost_high, AREA_W), y + 3
			};
		if (result_bar(pt)) {
			double y0 = axis_pos(&bc->y, pt->result_low, AREA_H);
			double y1 = axis_pos(&bc->y, pt->result_high, AREA_H);
			box[(*n)++] = (struct box){ x - 3, fmin(y0, y1), x + 3,
						    fmax(y0, y1) };
		}
	}
	return box;
}

/* Points, then labels (frontier first), leaders and the frontier. */
static void bench_data(struct bench_chart *bc)
{
	const struct bench *b = bc->b;
	size_t stride = draw_stride(b->n_pt), n = 0;
	double *px = xcalloc(b->n_pt + 1, sizeof *px);
	double *py = xcalloc(b->n_pt + 1, sizeof *py);
	struct label *l = xcalloc(b->n_pt + 1, sizeof *l);
	char **names = xcalloc(b->n_pt + 1, sizeof *names);
	sb_adds(&bc->dat, "# cost result \"paper\" estimated frontier "
			  "cost_low cost_high result_low result_high\n");
	for (size_t i = 0; i < b->n_pt; i++) {
		const struct bench_point *pt = &b->pt[i];
		double q = bc->ds->claims[pt->claim].claim.value;
		bench_table_row(bc, pt);
		bc->estimated += pt->estimated;
		if (i % stride && !pt->frontier)
			continue;
		struct strbuf name = STRBUF_INIT;
		short_name(&name, bc->ds, pt->paper);
		dat_num(&bc->dat, pt->cost);
		dat_num(&bc->dat, q);
		dat_label(&bc->dat, name.buf);
		sb_addf(&bc->dat, " %d %d ", pt->estimated, pt->frontier);
		dat_num(&bc->dat, pt->cost_low);
		dat_num(&bc->dat, pt->cost_high);
		dat_num(&bc->dat, pt->result_low);
		report_plain_number(&bc->dat, pt->result_high);
		sb_addc(&bc->dat, '\n');
		px[n] = axis_pos(&bc->x, pt->cost, AREA_W);
		py[n] = axis_pos(&bc->y, q, AREA_H);
		names[n] = sb_detach(&name);
		n++;
	}
	bc->drawn = n;
	/* Frontier labels first, then the rest in cost order. */
	size_t k = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0, j = 0; i < b->n_pt; i++) {
			const struct bench_point *pt = &b->pt[i];
			if (i % stride && !pt->frontier)
				continue;
			if (pt->frontier == (pass == 0))
				l[k++] = (struct label){ px[j], py[j], 0,
							 names[j], 0, 0, 0,
							 0, 0 };
			j++;
		}
	size_t n_lines;
	struct box *lines = frontier_boxes(bc, &n_lines);
	lines = bar_boxes(bc, stride, lines, &n_lines);
	bc->labelled = place_labels(l, k, px, py, n, lines, n_lines);
	free(lines);
	label_blocks(&bc->dat, l, k, &bc->x, &bc->y);
	sb_adds(&bc->dat, "\n\n# frontier: cost result, cheapest first\n");
	double last = 0;
	for (size_t i = 0; i < b->n_pt; i++)
		if (b->pt[i].frontier) {
			last = bc->ds->claims[b->pt[i].claim].claim.value;
			dat_num(&bc->dat, b->pt[i].cost);
			report_plain_number(&bc->dat, last);
			sb_addc(&bc->dat, '\n');
		}
	dat_num(&bc->dat, bc->x.hi);
	report_plain_number(&bc->dat, last);
	sb_addc(&bc->dat, '\n');
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(px);
	free(py);
	free(l);
}

static void bench_caption(struct bench_chart *bc)
{
	const struct bench *b = bc->b;
	struct strbuf sb = STRBUF_INIT;
	size_t frontier = 0;
	for (size_t i = 0; i < b->n_pt; i++)
		frontier += b->pt[i].frontier;
	sb_addf(&sb, "Each point is one paper's own result on %s against its "
		"training %s (%zu paper%s). The step line is the Pareto "
		"frontier: the %zu paper%s that no cheaper paper beats.",
		b->title, b->axis == AXIS_USD ? "cost" : "compute", b->n_pt,
		b->n_pt == 1 ? "" : "s", frontier, frontier == 1 ? "" : "s");
	if (bc->estimated)
		sb_adds(&sb, " Hollow orange points: cost estimated from the "
			"stated compute at reference prices.");
	if (b->axis == AXIS_REF_HOURS)
		sb_addf(&sb, " Compute is converted to %s by peak "
			"throughput.", bc->m->hours_unit);
	if (bc->barred) {
		sb_addf(&sb, " Bars mark the uncertainty the data carries "
			"(%zu point%s):", bc->barred,
			bc->barred == 1 ? "" : "s");
		if (bc->cost_bars)
			sb_adds(&sb, " horizontal bars the range of the cost, "
				"from a stated range, \xE2\x80\x9Cup to\xE2\x80\x9D "
				"or \xE2\x80\x9C" "about\xE2\x80\x9D and the spread of "
				"the assumptions behind an estimate");
		if (bc->result_bars)
			sb_addf(&sb, "%s vertical bars a result stated as a "
				"range", bc->cost_bars ? ";" : "");
		sb_adds(&sb, ". The table gives each low and high.");
	}
	if (bc->drawn < b->n_pt)
		sb_addf(&sb, " %zu of the points are drawn (an even sample "
			"plus the frontier); the table lists them all.",
			bc->drawn);
	if (bc->labelled < bc->drawn)
		sb_addf(&sb, " %zu point%s unlabelled where a label would "
			"overlap; the table names every paper.",
			bc->drawn - bc->labelled,
			bc->drawn - bc->labelled == 1 ? " is" : "s are");
	if (b->n_no_cost)
		sb_addf(&sb, " %zu paper%s with a result but no comparable "
			"cost %s not drawn.", b->n_no_cost,
			b->n_no_cost == 1 ? "" : "s",
			b->n_no_cost == 1 ? "is" : "are");
	free(bc->chart->caption);
	bc->chart->caption = sb_detach(&sb);
}

/* A text alternative that says what the chart shows, not how. */
static void bench_alt(struct bench_chart *bc)
{
	const struct bench *b = bc->b;
	struct strbuf sb = STRBUF_INIT, v = STRBUF_INIT;
	sb_addf(&sb, "Scatter chart of %s against training %s on a log "
		"scale, %zu paper%s.", b->title,
		b->axis == AXIS_USD ? "cost in US dollars"
				    : "compute in reference-accelerator hours",
		b->n_pt, b->n_pt == 1 ? "" : "s");
	for (size_t i = 0, k = 0; i < b->n_pt && k < 5; i++) {
		if (!b->pt[i].frontier)
			continue;
		sb_reset(&v);
		report_short_name(&v, bc->ds->papers[b->pt[i].paper].title);
		sb_addf(&sb, "%s %s: ", k ? ";" : " Pareto frontier:", v.buf);
		sb_reset(&v);
		report_cost_text(&v, bc->m, b->axis, b->pt[i].cost);
		sb_adds(&v, ", ");
		report_claim_value(&v, &bc->ds->claims[b->pt[i].claim].claim);
		sb_adds(&sb, v.buf);
		k++;
	}
	sb_adds(&sb, ". The table below lists every point.");
	free(bc->chart->alt);
	bc->chart->alt = sb_detach(&sb);
	sb_release(&v);
}

static void bench_vars(struct vars *v, const struct bench_chart *bc)
{
	const struct bench *b = bc->b;
	struct strbuf sb = STRBUF_INIT;
	const struct claim *q = &bc->ds->claims[b->claim].claim;
	if (b->axis == AXIS_USD) {
		const char *year = NULL;
		for (size_t i = 0; i < bc->ds->n_assumptions; i++)
			if (!strcmp(bc->ds->assumptions[i].name, "dollar_year"))
				year = bc->ds->assumptions[i].value;
		sb_addf(&sb, "Training cost (US dollars of %s, log scale)",
			year ? year : "the stated year");
		var_text(v, "XLABEL", sb.buf);
		sb_reset(&sb);
	}
	else {
		sb_addf(&sb, "Training compute (%s, log scale)",
			bc->m->hours_unit);
		var_text(v, "XLABEL", sb.buf);
		sb_reset(&sb);
	}
	sb_adds(&sb, b->metric);
	if (q->unit && *q->unit && strcasecmp(q->unit, q->metric))
		sb_addf(&sb, " (%s)", q->unit);
	sb_adds(&sb, b->lower_better
			     ? ", lower is better (axis reversed)"
			     : ", higher is better");
	var_text(v, "YLABEL", sb.buf);
	var_int(v, "ESTIMATED", bc->estimated > 0);
	var_int(v, "BARS", bc->barred > 0);
	var_text(v, "KEY_RANGE", "range (low to high)");
	var_text(v, "KEY_STATED", b->axis == AXIS_USD ? "cost as stated"
						      : "compute as stated");
	var_text(v, "KEY_ESTIMATED", "cost estimated from compute");
	struct strbuf *code = var_code(v, "AXES");
	range_code(code, "xrange", &bc->x, 0);
	range_code(code, "yrange", &bc->y, 0);
	short_tics(code, "xtics", &bc->x, b->axis == AXIS_USD ? "$" : "", "");
	sb_release(&sb);
}

static int bench_write(const struct dataset *ds, struct report_model *m,
		       size_t bi, const char *dir, struct chart_list *charts)
{
	struct bench *b = &m->bench[bi];
	struct bench_chart bc;
	struct strbuf name = STRBUF_INIT, title = STRBUF_INIT;
	struct vars v = { .n = 0 };
	memset(&bc, 0, sizeof bc);
	bc.ds = ds;
	bc.m = m;
	bc.b = b;
	sb_init(&bc.dat);
	sb_addf(&name, "cost-quality-%s", b->slug);
	sb_addf(&title, "%s against training %s", b->title,
		b->axis == AXIS_USD ? "cost" : "compute");
	for (size_t i = 0; i < b->n_pt; i++) {
		bc.cost_bars += cost_bar(&b->pt[i]);
		bc.result_bars += result_bar(&b->pt[i]);
		bc.barred += cost_bar(&b->pt[i]) || result_bar(&b->pt[i]);
	}
	bc.chart = bench_chart_add(&bc, charts, name.buf, title.buf);
	bc.chart->kind = CHART_BENCH;
	bc.chart->bench = bi;
	b->chart = xstrdup(name.buf);
	bench_axes(&bc);
	bench_data(&bc);
	bench_caption(&bc);
	bench_alt(&bc);
	var_text(&v, "TITLE", title.buf);
	bench_vars(&v, &bc);
	int rc = write_chart_files(dir, name.buf, "cost-quality", &v, &bc.dat);
	vars_release(&v);
	sb_release(&bc.dat);
	sb_release(&name);
	sb_release(&title);
	return rc;
}

static int write_cost_quality(const struct dataset *ds, struct report_model *m,
			      const char *dir, struct chart_list *charts)
{
	int rc = 0;
	size_t drawn = 0;
	for (size_t i = 0; i < m->n_bench && drawn < MAX_BENCH_CHARTS &&
			   rc == 0; i++)
		if (m->bench[i].n_pt) {
			rc = bench_write(ds, m, i, dir, charts);
			drawn++;
		}
	if (drawn == 0 && rc == 0)
		rc = write_nodata(dir, charts, "cost-quality",
				  "Training cost against quality",
				  "No paper states both its own training cost "
				  "or compute and a result on a benchmark.");
	return rc;
}

/* ---- Parameters against tokens ---------------------------------------- */

struct scale_point {
	size_t paper;
	double params, tokens;
	double params_low, params_high, tokens_low, tokens_high; /* ranges */
};

/* A claim's stated range: value to value_max. */
static void claim_range(const struct claim *c, double *low, double *high)
{
	*low = *high = c->value;
	if (c->has_max && positive(c->value_max)) {
		*low = fmin(c->value, c->value_max);
		*high = fmax(c->value, c->value_max);
	}
}

static int scale_bar(const struct scale_point *sp)
{
	return sp->params_low != sp->params_high ||
	       sp->tokens_low != sp->tokens_high;
}

/* Does paper p state its own parameters and tokens?  Their values. */
static int params_tokens_of(const struct dataset *ds,
			    const struct report_index *ix, size_t p,
			    struct scale_point *sp)
{
	long pa = report_own_claim(ds, ix, p, Q_PARAMS);
	long to = pa < 0 ? -1 : report_own_claim(ds, ix, p, Q_TOKENS);
	if (pa < 0 || to < 0)
		return 0;
	memset(sp, 0, sizeof *sp);
	sp->paper = p;
	sp->params = ds->claims[pa].claim.value;
	sp->tokens = ds->claims[to].claim.value;
	claim_range(&ds->claims[pa].claim, &sp->params_low, &sp->params_high);
	claim_range(&ds->claims[to].claim, &sp->tokens_low, &sp->tokens_high);
	return 1;
}

/* A row of the table: the figures, then the four bounds (empty where
 * exact), which only a chart with bars has columns for. */
static void scale_row(struct chart *c, const struct dataset *ds,
		      const struct scale_point *sp)
{
	struct strbuf t[8];
	double v[8] = { sp->params, sp->tokens, sp->tokens / sp->params,
			6 * sp->params * sp->tokens, sp->params_low,
			sp->params_high, sp->tokens_low, sp->tokens_high };
	for (int i = 0; i < 8; i++) {
		sb_init(&t[i]);
		if (i < 4 || (i < 6 ? sp->params_low != sp->params_high
				    : sp->tokens_low != sp->tokens_high))
			report_human_number(&t[i], v[i]);
	}
	const char *cells[] = { ds->papers[sp->paper].title, t[0].buf,
				t[1].buf, t[2].buf, t[3].buf, t[4].buf,
				t[5].buf, t[6].buf, t[7].buf };
	if (c->n_rows < REPORT_PAGE_ROWS)
		chart_add_row(c, (long)sp->paper, cells);
	for (int i = 0; i < 8; i++)
		sb_release(&t[i]);
}

/* "10²¹" for 10^e, with superscript digits (the terminal is noenhanced). */
static void power_of_ten(struct strbuf *out, int e)
{
	static const char *const sup[] = {
		"\xE2\x81\xB0", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3",
		"\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6",
		"\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9",
	};
	char digits[8];
	snprintf(digits, sizeof digits, "%d", e);
	sb_adds(out, "10");
	for (const char *d = digits; *d; d++)
		sb_adds(out, *d == '-' ? "\xE2\x81\xBB" : sup[*d - '0']);
}

/* Lines of equal training compute C = 6*N*D, one per decade of C that
 * crosses the plot, each labelled where it leaves the plot at the top or
 * the right. */
static void iso_lines(struct strbuf *code, const struct axis *x,
		      const struct axis *y)
{
	int lo = (int)floor(log10(6 * x->lo * y->lo));
	int hi = (int)ceil(log10(6 * x->hi * y->hi));
	int step = hi - lo > 10 ? 2 : 1;
	sb_adds(code, "iso = '");
	for (int e = lo; e <= hi; e += step)
		sb_addf(code, "%s%d", e == lo ? "" : " ", e);
	sb_adds(code, "'\n");
	for (int e = lo, k = 1; e <= hi; e += step) {
		double c = pow(10, e), lx, ly;
		double at_top = c / (6 * y->hi);
		if (at_top >= x->lo && at_top <= x->hi) {
			lx = at_top;
			ly = y->hi;
		} else {
			lx = x->hi;
			ly = c / (6 * x->hi);
		}
		if (ly < y->lo || ly > y->hi || lx < x->lo)
			continue;
		struct strbuf t = STRBUF_INIT;
		power_of_ten(&t, e);
		sb_adds(&t, " FLOP");
		sb_addf(code, "set label %d ", 100 + k++);
		esc_gnuplot(code, t.buf);
		sb_adds(code, " at ");
		report_plain_number(code, lx / 1.08);
		sb_adds(code, ", ");
		report_plain_number(code, ly / 1.15);
		sb_adds(code, " right font ',9' tc rgb '#6b6b6b' front\n");
		sb_release(&t);
	}
}

static void scale_data(struct strbuf *dat, const struct dataset *ds,
		       const struct scale_point *sp, size_t n,
		       const struct axis *x, const struct axis *y,
		       size_t *drawn, size_t *labelled)
{
	size_t stride = draw_stride(n), k = 0;
	double *px = xcalloc(n + 1, sizeof *px), *py = xcalloc(n + 1, sizeof *py);
	struct label *l = xcalloc(n + 1, sizeof *l);
	char **names = xcalloc(n + 1, sizeof *names);
	sb_adds(dat, "# tokens parameters \"paper\" tokens_low tokens_high "
		     "params_low params_high\n");
	for (size_t i = 0; i < n; i += stride) {
		struct strbuf name = STRBUF_INIT;
		short_name(&name, ds, sp[i].paper);
		dat_num(dat, sp[i].tokens);
		dat_num(dat, sp[i].params);
		dat_label(dat, name.buf);
		sb_addc(dat, ' ');
		dat_num(dat, sp[i].tokens_low);
		dat_num(dat, sp[i].tokens_high);
		dat_num(dat, sp[i].params_low);
		report_plain_number(dat, sp[i].params_high);
		sb_addc(dat, '\n');
		px[k] = axis_pos(x, sp[i].tokens, AREA_W);
		py[k] = axis_pos(y, sp[i].params, AREA_H);
		names[k] = sb_detach(&name);
		l[k] = (struct label){ px[k], py[k], 0, names[k], 0, 0, 0, 0,
				       0 };
		k++;
	}
	*drawn = k;
	/* The bars are taken too, so that no label covers them. */
	struct box *bars = xcalloc(2 * n + 1, sizeof *bars);
	size_t n_bars = 0;
	for (size_t i = 0, j = 0; i < n; i += stride, j++) {
		if (sp[i].tokens_low != sp[i].tokens_high)
			bars[n_bars++] = (struct box){
				axis_pos(x, sp[i].tokens_low, AREA_W), py[j] - 3,
				axis_pos(x, sp[i].tokens_high, AREA_W), py[j] + 3
			};
		if (sp[i].params_low != sp[i].params_high)
			bars[n_bars++] = (struct box){
				px[j] - 3, axis_pos(y, sp[i].params_low, AREA_H),
				px[j] + 3, axis_pos(y, sp[i].params_high, AREA_H)
			};
	}
	*labelled = place_labels(l, k, px, py, k, bars, n_bars);
	free(bars);
	label_blocks(dat, l, k, x, y);
	for (size_t i = 0; i < k; i++)
		free(names[i]);
	free(names);
	free(px);
	free(py);
	free(l);
}

static void scale_caption(struct chart *c, size_t n, size_t drawn,
			  size_t labelled, size_t barred)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "One point per paper that states both its own parameter "
		"count and its training tokens (%zu paper%s). Grey lines join "
		"equal training compute C = 6 \xC3\x97 N \xC3\x97 D, one per "
		"power of ten; the dashed line marks 20 tokens per "
		"parameter.", n, n == 1 ? "" : "s");
	if (barred)
		sb_addf(&sb, " Bars span a parameter count or token count "
			"stated as a range (%zu paper%s); the table gives each "
			"low and high.", barred, barred == 1 ? "" : "s");
	if (drawn < n)
		sb_addf(&sb, " An even sample of %zu points is drawn; the "
			"table lists them all.", drawn);
	if (labelled < drawn)
		sb_addf(&sb, " %zu point%s unlabelled where a label would "
			"overlap.", drawn - labelled,
			drawn - labelled == 1 ? " is" : "s are");
	free(c->caption);
	c->caption = sb_detach(&sb);
	sb_reset(&sb);
	sb_addf(&sb, "Log-log scatter chart of parameters against training "
		"tokens for %zu paper%s, with lines of equal training compute "
		"(6 N D). The table below lists every point.", n,
		n == 1 ? "" : "s");
	free(c->alt);
	c->alt = sb_detach(&sb);
}

static int write_params_tokens(const struct dataset *ds,
			       const struct report_index *ix, const char *dir,
			       struct chart_list *charts)
{
	static const char *const cols[] = { "Paper", "Parameters",
					    "Training tokens",
					    "Tokens per parameter",
					    "6ND (FLOP)", "Parameters low",
					    "Parameters high", "Tokens low",
					    "Tokens high" };
	const char *name = "params-tokens";
	const char *title = "Model size against training tokens";
	struct scale_point *sp = xcalloc(ds->n_papers + 1, sizeof *sp);
	size_t n = 0, drawn, labelled, barred = 0;
	double xmin = INFINITY, xmax = 0, ymin = INFINITY, ymax = 0;
	int rc;
	for (size_t p = 0; p < ds->n_papers; p++)
		if (params_tokens_of(ds, ix, p, &sp[n])) {
			xmin = fmin(xmin, sp[n].tokens_low);
			xmax = fmax(xmax, sp[n].tokens_high);
			ymin = fmin(ymin, sp[n].params_low);
			ymax = fmax(ymax, sp[n].params_high);
			barred += scale_bar(&sp[n]);
			n++;
		}
	if (n == 0) {
		free(sp);
		return write_nodata(dir, charts, name, title,
				    "No paper states both its own parameter "
				    "count and its training tokens.");
	}
	struct strbuf dat = STRBUF_INIT;
	struct vars v = { .n = 0 };
	struct axis x, y;
	/* The bounds columns only when a bar is drawn. */
	struct chart *c = chart_add(charts, name, title, barred ? 9 : 5, cols,
				    barred ? 0x1FE : 0x1E);
	c->kind = CHART_SCALE;
	log_axis(&x, xmin, xmax, 3, 8);
	log_axis(&y, ymin, ymax, 3, 3);
	for (size_t i = 0; i < n; i++)
		scale_row(c, ds, &sp[i]);
	scale_data(&dat, ds, sp, n, &x, &y, &drawn, &labelled);
	scale_caption(c, n, drawn, labelled, barred);
	var_text(&v, "TITLE", title);
	struct strbuf *code = var_code(&v, "AXES");
	range_code(code, "xrange", &x, 0);
	range_code(code, "yrange", &y, 0);
	short_tics(code, "xtics", &x, "", "");
	short_tics(code, "ytics", &y, "", "");
	iso_lines(var_code(&v, "ISO"), &x, &y);
	var_int(&v, "BARS", barred > 0);
	rc = write_chart_files(dir, name, "params-tokens", &v, &dat);
	vars_release(&v);
	sb_release(&dat);
	free(sp);
	return rc;
}

/* ---- Ratios by dimension ---------------------------------------------- */

struct dimension {
	const char *name;
	double *factor;
	size_t n;
};

struct dimensions {
	struct dimension *d;
	size_t n;
	size_t claims;
};

static int is_ratio(const struct stored_claim *sc)
{
	return claim_counts(sc) && sc->claim.quantity == Q_RATIO &&
	       positive(sc->claim.value);
}

static void dimension_add(struct dimensions *ds, const char *name, double v)
{
	size_t i;
	for (i = 0; i < ds->n && strcmp(ds->d[i].name, name); i++)
		;
	if (i == ds->n) {
		ds->d = xrealloc(ds->d, (ds->n + 1) * sizeof *ds->d);
		ds->d[ds->n++] = (struct dimension){ name, NULL, 0 };
	}
	struct dimension *d = &ds->d[i];
	if ((d->n & (d->n - 1)) == 0) /* grow at powers of two */
		d->factor = xrealloc(d->factor,
				     (d->n ? 2 * d->n : 1) * sizeof *d->factor);
	d->factor[d->n++] = v;
	ds->claims++;
}

static int dimension_cmp(const void *a, const void *b)
{
	const struct dimension *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int double_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-quantile of sorted v, interpolated. */
static double quantile(const double *v, size_t n, double q)
{
	double at = q * (double)(n - 1);
	size_t i = (size_t)floor(at);
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (at - (double)i) * (v[i + 1] - v[i]);
}

/* A fixed spread of points around their column: the golden-ratio
 * sequence, so the picture is the same on every run. */
static double jitter(size_t j)
{
	double f = fmod((double)j * 0.6180339887498949, 1.0);
	return (f - 0.5) * 0.5;
}

static void times_text(struct strbuf *out, double v)
{
	report_human_number(out, v);
	sb_adds(out, "\xC3\x97");
}

static void dimension_rows(struct chart *c, struct strbuf *dat,
			   const struct dimension *d, size_t column)
{
	struct strbuf label = STRBUF_INIT, n = STRBUF_INIT, t[5];
	const double *f = d->factor;
	double q[5] = { f[0], quantile(f, d->n, 0.25), quantile(f, d->n, 0.5),
			quantile(f, d->n, 0.75), f[d->n - 1] };
	sb_addf(&label, "%s (%zu)", d->name, d->n);
	if (dat) {
		dat_num(dat, (double)column);
		for (int i = 0; i < 5; i++)
			dat_num(dat, q[i]);
		dat_label(dat, label.buf);
		sb_addc(dat, '\n');
	}
	sb_addf(&n, "%zu", d->n);
	for (int i = 0; i < 5; i++) {
		sb_init(&t[i]);
		times_text(&t[i], q[i]);
	}
	const char *cells[] = { d->name, n.buf, t[2].buf, t[1].buf, t[3].buf,
				t[0].buf, t[4].buf };
	chart_add_row(c, -1, cells);
	for (int i = 0; i < 5; i++)
		sb_release(&t[i]);
	sb_release(&label);
	sb_release(&n);
}

static void ratio_data(struct chart *c, struct strbuf *dat,
		       const struct dimensions *dims, size_t shown,
		       size_t *drawn)
{
	sb_adds(dat, "# block 0: position factor\n");
	*drawn = 0;
	for (size_t i = 0; i < shown; i++) {
		size_t stride = draw_stride(dims->d[i].n);
		for (size_t j = 0; j < dims->d[i].n; j += stride) {
			dat_num(dat, (double)(i + 1) + jitter(j));
			report_plain_number(dat, dims->d[i].factor[j]);
			sb_addc(dat, '\n');
			++*drawn;
		}
	}
	sb_adds(dat, "\n\n# block 1: column min q1 median q3 max "
		     "\"dimension (claims)\"\n");
	for (size_t i = 0; i < shown; i++)
		dimension_rows(c, dat, &dims->d[i], i + 1);
}

static void ratio_caption(struct chart *c, const struct dimensions *dims,
			  size_t shown, size_t drawn)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "Each dot is one claimed factor (%zu claims); the box "
		"spans the middle half of a dimension's claims and the bar "
		"marks its median; whiskers reach the smallest and largest. "
		"Ranges count with their lower end.", dims->claims);
	if (drawn < dims->claims)
		sb_addf(&sb, " %zu dots are drawn, an even sample of each "
			"dimension; the statistics use every claim.", drawn);
	if (shown < dims->n)
		sb_addf(&sb, " %zu rarer dimensions are left out of the chart.",
			dims->n - shown);
	free(c->caption);
	c->caption = sb_detach(&sb);
	sb_addf(&sb, "Strip chart of claimed improvement factors on a log "
		"scale for %zu dimension%s, %zu claims.", shown,
		shown == 1 ? "" : "s", dims->claims);
	for (size_t i = 0; i < shown && i < 4; i++) {
		struct strbuf m = STRBUF_INIT;
		const struct dimension *d = &dims->d[i];
		times_text(&m, quantile(d->factor, d->n, 0.5));
		sb_addf(&sb, " %s: %zu claims, median %s.", d->name, d->n,
			m.buf);
		sb_release(&m);
	}
	sb_adds(&sb, " The table below has every dimension.");
	free(c->alt);
	c->alt = sb_detach(&sb);
}

static int write_ratios(const struct dataset *ds, const char *dir,
			struct chart_list *charts)
{
	static const char *const cols[] = { "Dimension", "Claims", "Median",
					    "Lower quartile",
					    "Upper quartile", "Smallest",
					    "Largest" };
	const char *name = "ratios", *title = "Claimed speed-ups and savings "
					      "by dimension";
	struct dimensions dims = { NULL, 0, 0 };
	size_t drawn;
	int rc;
	for (size_t i = 0; i < ds->n_claims; i++) {
		const struct claim *cl = &ds->claims[i].claim;
		if (is_ratio(&ds->claims[i]))
			dimension_add(&dims, cl->dimension && *cl->dimension
						     ? cl->dimension
						     : "unspecified",
				      cl->value);
	}
	if (dims.n == 0) {
		rc = write_nodata(dir, charts, name, title,
				  "No paper states an improvement factor.");
		goto out;
	}
	qsort(dims.d, dims.n, sizeof *dims.d, dimension_cmp);
	for (size_t i = 0; i < dims.n; i++)
		qsort(dims.d[i].factor, dims.d[i].n, sizeof *dims.d[i].factor,
		      double_cmp);
	size_t shown = dims.n < MAX_DIMENSIONS ? dims.n : MAX_DIMENSIONS;
	struct strbuf dat = STRBUF_INIT;
	struct vars v = { .n = 0 };
	struct chart *c = chart_add(charts, name, title, 7, cols, 0x7E);
	c->kind = CHART_RATIOS;
	ratio_data(c, &dat, &dims, shown, &drawn);
	for (size_t i = shown; i < dims.n; i++)
		dimension_rows(c, NULL, &dims.d[i], 0); /* table only */
	ratio_caption(c, &dims, shown, drawn);
	double lo = INFINITY, hi = 0;
	for (size_t i = 0; i < shown; i++) {
		lo = fmin(lo, dims.d[i].factor[0]);
		hi = fmax(hi, dims.d[i].factor[dims.d[i].n - 1]);
	}
	struct axis y;
	log_axis(&y, lo, hi, 1.6, 1.6);
	var_text(&v, "TITLE", title);
	var_int(&v, "GROUPS", (long)shown);
	struct strbuf *code = var_code(&v, "AXES");
	range_code(code, "yrange", &y, 0);
	short_tics(code, "ytics", &y, "", "\xC3\x97");
	rc = write_chart_files(dir, name, "ratios", &v, &dat);
	vars_release(&v);
	sb_release(&dat);
out:
	for (size_t i = 0; i < dims.n; i++)
		free(dims.d[i].factor);
	free(dims.d);
	return rc;
}

int report_plot_write(const struct dataset *ds, const struct report_index *ix,
		      struct report_model *m, const char *dir,
		      struct chart_list *charts)
{
	if (write_cost_quality(ds, m, dir, charts) < 0 ||
	    write_params_tokens(ds, ix, dir, charts) < 0 ||
	    write_ratios(ds, dir, charts) < 0)
		return -1;
	return 0;
}

/* ---- Performance: the results of make bench --------------------------- */

/* One chart of the performance page: a measurement against papers, one
 * line per stage. */
struct perf_spec {
	const char *name, *title, *ylabel;
	const char *column; /* the table's heading of the value */
	const char *unit;   /* after a value: " s", " MB/s", " MB" */
	double (*value)(const struct perf_row *); /* NAN: not measured */
	tick_word_fn *tick; /* a log axis's tic labels */
	int log_y;          /* else the value axis starts at 0 */
	int guide;          /* draw the line of slope one */
	const char *nodata;
};

static void tick_seconds(struct strbuf *out, double v)
{
	sb_addf(out, "%g s", v);
}

static void tick_megabytes(struct strbuf *out, double v)
{
	if (v >= 1000)
		sb_addf(out, "%g GB", v / 1000);
	else
		sb_addf(out, "%g MB", v);
}

static double perf_seconds(const struct perf_row *r)
{
	return r->seconds;
}

static double perf_mb_per_s(const struct perf_row *r)
{
	return r->mb_per_s;
}

static double perf_memory_mb(const struct perf_row *r)
{
	return r->peak_rss_kb / 1000;
}

/* The rows a chart draws, by stage (in the page's order), then papers. */
struct perf_plot {
	const struct perf_results *perf;
	const struct perf_spec *spec;
	const char **stages;
	size_t n_stages;
	size_t *row;      /* drawn rows */
	size_t *stage_of; /* per drawn row: its stage */
	size_t n;
	size_t zero;      /* measured as 0 (or at 0 papers): not drawn */
};

struct perf_key {
	double papers;
	size_t row;
};

/* By papers, then file order (qsort is not stable). */
static int perf_key_cmp(const void *a, const void *b)
{
	const struct perf_key *x = a, *y = b;
	if (x->papers != y->papers)
		return x->papers < y->papers ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static void perf_collect(struct perf_plot *pp)
{
	const struct perf_results *r = pp->perf;
	struct perf_key *key = xcalloc(r->n + 1, sizeof *key);
	pp->row = xcalloc(r->n + 1, sizeof *pp->row);
	pp->stage_of = xcalloc(r->n + 1, sizeof *pp->stage_of);
	for (size_t s = 0; s < pp->n_stages; s++) {
		size_t n = 0;
		for (size_t i = 0; i < r->n; i++) {
			double v = pp->spec->value(&r->rows[i]);
			if (strcmp(r->rows[i].stage, pp->stages[s]) || isnan(v))
				continue;
			if (!positive(v) || !positive(r->rows[i].papers)) {
				pp->zero++;
				continue;
			}
			key[n++] = (struct perf_key){ r->rows[i].papers, i };
		}
		qsort(key, n, sizeof *key, perf_key_cmp);
		for (size_t k = 0; k < n; k++) {
			pp->stage_of[pp->n] = s;
			pp->row[pp->n++] = key[k].row;
		}
	}
	free(key);
}

static void perf_value_text(struct strbuf *out, const struct perf_spec *spec,
			    double v)
{
	report_perf_number(out, v);
	sb_adds(out, spec->unit);
}

/* The table: every drawn point. */
static void perf_table(struct chart *c, const struct perf_plot *pp)
{
	struct strbuf papers = STRBUF_INIT, value = STRBUF_INIT;
	for (size_t k = 0; k < pp->n; k++) {
		const struct perf_row *r = &pp->perf->rows[pp->row[k]];
		sb_reset(&papers);
		sb_reset(&value);
		report_human_number(&papers, r->papers);
		perf_value_text(&value, pp->spec, pp->spec->value(r));
		const char *cells[] = {
			report_perf_stage_label(pp->stages[pp->stage_of[k]]),
			papers.buf, value.buf };
		chart_add_row(c, -1, cells);
	}
	sb_release(&papers);
	sb_release(&value);
}

/* One block per stage with points: its name, then papers and value.
 * Sets the line type of each block in lts ("1 3 4"). */
static size_t perf_data(struct strbuf *dat, struct strbuf *lts,
			const struct perf_plot *pp)
{
	size_t blocks = 0;
	sb_addf(dat, "# %s: one block per stage, \"stage\" then papers "
		"value\n", pp->spec->name);
	for (size_t k = 0; k < pp->n; k++) {
		size_t s = pp->stage_of[k];
		const struct perf_row *r = &pp->perf->rows[pp->row[k]];
		if (k == 0 || pp->stage_of[k - 1] != s) {
			sb_adds(dat, blocks ? "\n\n" : "");
			dat_label(dat, report_perf_stage_label(pp->stages[s]));
			sb_adds(dat, " \"value\"\n");
			sb_addf(lts, "%s%zu", blocks ? " " : "", s % 8 + 1);
			blocks++;
		}
		dat_num(dat, r->papers);
		report_plain_number(dat, pp->spec->value(r));
		sb_addc(dat, '\n');
	}
	return blocks;
}

/* Ranges and tics from the drawn points. */
static void perf_axes(struct strbuf *code, const struct perf_plot *pp)
{
	double xmin = INFINITY, xmax = 0, ymin = INFINITY, ymax = 0;
	struct axis x, y;
	for (size_t k = 0; k < pp->n; k++) {
		const struct perf_row *r = &pp->perf->rows[pp->row[k]];
		double v = pp->spec->value(r);
		xmin = fmin(xmin, r->papers);
		xmax = fmax(xmax, r->papers);
		ymin = fmin(ymin, v);
		ymax = fmax(ymax, v);
	}
	log_axis(&x, xmin, xmax, 1.6, 1.6);
	sb_adds(code, "set logscale x 10\n");
	range_code(code, "xrange", &x, 0);
	short_tics(code, "xtics", &x, "", "");
	if (pp->spec->log_y) {
		log_axis(&y, ymin, ymax, 2, 2);
		sb_adds(code, "set logscale y 10\n");
		range_code(code, "yrange", &y, 0);
		word_tics(code, "ytics", &y, pp->spec->tick, "", "");
	} else {
		y = (struct axis){ 0, ymax * 1.15, 0 };
		range_code(code, "yrange", &y, 0);
	}
}

/* The line of slope one through the largest input of the first stage
 * drawn. */
static void perf_guide(struct strbuf *code, const struct perf_plot *pp)
{
	size_t last = 0;
	while (last + 1 < pp->n && pp->stage_of[last + 1] == pp->stage_of[0])
		last++;
	if (!pp->spec->guide || !pp->n) {
		sb_adds(code, "has_guide = 0\nguide(x) = NaN\n");
		return;
	}
	const struct perf_row *r = &pp->perf->rows[pp->row[last]];
	sb_adds(code, "has_guide = 1\nguide(x) = ");
	report_plain_number(code, pp->spec->value(r));
	sb_adds(code, " * x / ");
	report_plain_number(code, r->papers);
	sb_addc(code, '\n');
}

static void perf_caption(struct chart *c, const struct perf_plot *pp,
			 const char *lead)
{
	struct strbuf sb = STRBUF_INIT;
	int grow = 0;
	sb_adds(&sb, lead);
	for (size_t k = 0; k < pp->n; k++)
		grow |= !strcmp(pp->stages[pp->stage_of[k]], "grow1pct");
	if (grow)
		sb_adds(&sb, " Re-ingest after 1% growth is drawn at the "
			     "papers appended.");
	if (pp->zero)
		sb_addf(&sb, " %zu measurement%s of 0%s %s not drawn (below "
			"what the bench can measure).", pp->zero,
			pp->zero == 1 ? "" : "s", pp->spec->unit,
			pp->zero == 1 ? "is" : "are");
	free(c->caption);
	c->caption = sb_detach(&sb);
}

/* A text alternative: per stage, its smallest and largest input. */
static void perf_alt(struct chart *c, const struct perf_plot *pp,
		     const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	size_t stages = 0;
	for (size_t k = 0; k < pp->n; k++)
		stages += k == 0 || pp->stage_of[k] != pp->stage_of[k - 1];
	sb_addf(&sb, "%s, %zu stage%s.", what, stages, stages == 1 ? "" : "s");
	for (size_t k = 0; k < pp->n; k++) {
		size_t end = k;
		while (end + 1 < pp->n && pp->stage_of[end + 1] == pp->stage_of[k])
			end++;
		const struct perf_row *lo = &pp->perf->rows[pp->row[k]];
		const struct perf_row *hi = &pp->perf->rows[pp->row[end]];
		sb_addf(&sb, " %s: ", report_perf_stage_label(pp->stages[pp->stage_of[k]]));
		perf_value_text(&sb, pp->spec, pp->spec->value(lo));
		sb_adds(&sb, " at ");
		report_human_number(&sb, lo->papers);
		sb_adds(&sb, " papers");
		if (end > k) {
			sb_adds(&sb, " to ");
			perf_value_text(&sb, pp->spec, pp->spec->value(hi));
			sb_adds(&sb, " at ");
			report_human_number(&sb, hi->papers);
			sb_adds(&sb, " papers");
		}
		sb_addc(&sb, '.');
		k = end;
	}
	sb_adds(&sb, " The table below lists every point.");
	free(c->alt);
	c->alt = sb_detach(&sb);
}

static int perf_chart_write(const struct perf_results *perf,
			    const struct perf_spec *spec, const char *lead,
			    const char *what, const char *dir,
			    struct chart_list *charts)
{
	const char *cols[] = { "Stage", "Papers", spec->column };
	struct perf_plot pp = { perf, spec, NULL, 0, NULL, NULL, 0, 0 };
	struct strbuf dat = STRBUF_INIT, lts = STRBUF_INIT;
	struct vars v = { .n = 0 };
	int rc;
	pp.n_stages = report_perf_stages(perf, &pp.stages);
	perf_collect(&pp);
	if (!pp.n) {
		rc = write_nodata(dir, charts, spec->name, spec->title,
				  spec->nodata);
		goto out;
	}
	struct chart *c = chart_add(charts, spec->name, spec->title, 3, cols, 0x6);
	c->kind = CHART_PERF;
	perf_table(c, &pp);
	perf_caption(c, &pp, lead);
	perf_alt(c, &pp, what);
	size_t blocks = perf_data(&dat, &lts, &pp);
	var_text(&v, "TITLE", spec->title);
	var_text(&v, "XLABEL", "Papers in the input (log scale)");
	var_text(&v, "YLABEL", spec->ylabel);
	var_int(&v, "STAGES", (long)blocks);
	var_text(&v, "LINETYPES", lts.buf);
	perf_axes(var_code(&v, "AXES"), &pp);
	perf_guide(var_code(&v, "GUIDE"), &pp);
	var_text(&v, "GUIDE_TITLE", "in proportion to papers");
	rc = write_chart_files(dir, spec->name, "perf", &v, &dat);
out:
	vars_release(&v);
	sb_release(&dat);
	sb_release(&lts);
	free(pp.stages);
	free(pp.row);
	free(pp.stage_of);
	return rc;
}

int report_plot_perf(const struct perf_results *perf, const char *dir,
		     struct chart_list *charts)
{
	static const struct perf_spec time = {
		PERF_CHART_TIME, "Time against input size",
		"Wall-clock time (log scale)", "Time", " s", perf_seconds,
		tick_seconds, 1, 1, "The results hold no time above zero."
	};
	static const struct perf_spec throughput = {
		PERF_CHART_THROUGHPUT, "Ingest throughput by input size",
		"Input read per second (MB/s)", "Throughput", " MB/s",
		perf_mb_per_s, NULL, 0, 0,
		"The results hold no throughput in MB/s."
	};
	static const struct perf_spec memory = {
		PERF_CHART_MEMORY, "Peak memory against input size",
		"Peak resident memory (log scale)", "Peak memory", " MB",
		perf_memory_mb, tick_megabytes, 1, 0,
		"The results hold no peak memory."
	};
	if (perf_chart_write(perf, &time,
			     "Wall-clock seconds of each stage against the "
			     "papers in its input, both axes logarithmic. The "
			     "dashed line grows in proportion to the papers: "
			     "a stage running parallel to it takes time "
			     "linear in its input.",
			     "Log-log line chart of seconds against papers",
			     dir, charts) < 0 ||
	    perf_chart_write(perf, &throughput,
			     "Megabytes of input read per second by each "
			     "ingest stage, against the papers in its input "
			     "(logarithmic); higher is faster.",
			     "Line chart of ingest throughput in MB/s against "
			     "papers", dir, charts) < 0 ||
	    perf_chart_write(perf, &memory,
			     "Peak resident memory of each stage against the "
			     "papers in its input, both axes logarithmic: a "
			     "flat line is memory that does not grow with the "
			     "input.",
			     "Log-log line chart of peak memory against papers",
			     dir, charts) < 0)
		return -1;
	return 0;
}

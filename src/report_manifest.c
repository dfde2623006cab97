/* report_manifest.c - what a report contains, and what changed since the
 * previous one.
 *
 * The manifest (site/data/manifest.tsv) has one line per claim that
 * counts, per derived value and per chart:
 *
 *	TYPE <tab> ID <tab> HASH <tab> SUMMARY
 *
 * sorted by TYPE and ID.  A claim's ID is a hash of what identifies it
 * independently of database row ids: the paper's key, the kind, the
 * evidence span (or the figure as written), dimension, metric, dataset,
 * whose figure it is, and its rank among claims that agree on all of
 * these.  Its HASH covers what may change about it: value, range, unit,
 * qualifier, hardware, baseline, curation.  A derived value is identified
 * by its claim and kind; a chart by its name, hashed over its script and
 * data (not the SVG, which depends on the gnuplot version).  No line holds
 * a time, so the same inputs give the same manifest.
 *
 * Two manifests compare line by line on (TYPE, ID): an ID only before is
 * removed, only after is new, on both with different HASHes is changed. */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "report_internal.h"

static const char *const what_names[] = { "claim", "derived", "chart" };
static const char *const kind_names[] = { "new", "removed", "changed" };

/* ---- Writing ---------------------------------------------------------- */

struct line {
	unsigned long long id;
	size_t claim;
	char *text;
};

static int line_cmp(const void *a, const void *b)
{
	const struct line *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->claim > y->claim) - (x->claim < y->claim);
}

static unsigned long long hash_str(unsigned long long h, const char *s)
{
	static const char sep = '\x1f';
	if (s)
		h = report_fnv(h, s, strlen(s));
	return report_fnv(h, &sep, 1);
}

/* The bits of the number: the same value always hashes the same (0 and
 * -0 alike), with no formatting cost. */
static unsigned long long hash_num(unsigned long long h, double v)
{
	unsigned char bytes[sizeof v];
	if (v == 0)
		v = 0;
	memcpy(bytes, &v, sizeof v);
	return report_fnv(h, bytes, sizeof bytes);
}

/* The hash of a paper's key, which every claim of the paper starts
 * from: computed once a paper (keyed[i] says it is). */
static unsigned long long paper_identity(const struct dataset *ds, size_t i,
					 unsigned long long *ids, char *keyed)
{
	if (!keyed[i]) {
		const struct paper *p = &ds->papers[i];
		char *key = paper_key_for(p->arxiv_id, p->title ? p->title : "");
		ids[i] = hash_str(REPORT_FNV_INIT, key);
		keyed[i] = 1;
		free(key);
	}
	return ids[i];
}

static unsigned long long claim_identity(const struct dataset *ds,
					 const struct stored_claim *sc,
					 unsigned long long *ids, char *keyed)
{
	const struct claim *c = &sc->claim;
	unsigned long long h = paper_identity(ds, sc->paper, ids, keyed);
	h = hash_str(h, quantity_name(c->quantity));
	h = hash_str(h, c->span && *c->span ? c->span : c->raw);
	h = hash_str(h, c->dimension);
	h = hash_str(h, c->metric);
	h = hash_str(h, c->dataset);
	h = hash_str(h, c->subject_baseline ? "baseline" : "");
	return h;
}

static unsigned long long claim_content(const struct claim *c)
{
	unsigned long long h = hash_num(REPORT_FNV_INIT, c->value);
	h = c->has_max ? hash_num(h, c->value_max) : hash_str(h, "");
	h = hash_str(h, c->unit);
	h = hash_str(h, qualifier_name(c->qualifier));
	h = hash_str(h, c->hardware);
	h = hash_str(h, c->baseline);
	return hash_str(h, curation_name(c->curation));
}

/* The summary of a claim, made in sb (scratch room), TSV-escaped into
 * out. */
static void claim_summary(struct strbuf *out, const struct dataset *ds,
			  const struct stored_claim *sc, struct strbuf *sb)
{
	sb_reset(sb);
	const struct claim *c = &sc->claim;
	report_short_name(sb, ds->papers[sc->paper].title);
	sb_addf(sb, " \xE2\x80\x94 %s ", report_kind_label(c->quantity));
	report_claim_value(sb, c);
	if (c->dimension && *c->dimension)
		sb_addf(sb, " (%s)", c->dimension);
	if (c->metric && *c->metric)
		sb_addf(sb, " %s", c->metric);
	if (c->dataset && *c->dataset)
		sb_addf(sb, " on %s", c->dataset);
	if (c->subject_baseline)
		sb_adds(sb, " (baseline)");
	esc_tsv(out, sb->buf);
}

/* The claims that count, with ids made unique by their rank. */
static struct line *claim_lines(const struct dataset *ds, size_t *n)
{
	struct line *l = xcalloc(ds->n_claims + 1, sizeof *l);
	unsigned long long *ids = xmalloc((ds->n_papers + 1) * sizeof *ids);
	char *keyed = xcalloc(ds->n_papers + 1, 1);
	size_t k = 0;
	for (size_t i = 0; i < ds->n_claims; i++)
		if (claim_counts(&ds->claims[i]))
			l[k++] = (struct line){
				claim_identity(ds, &ds->claims[i], ids, keyed), i, NULL
			};
	free(ids);
	free(keyed);
	if (k)
		qsort(l, k, sizeof *l, line_cmp);
	/* Ranks count within a run of equal ids, compared before any of
	 * the run is renamed. */
	unsigned long long was = k ? l[0].id : 0;
	for (size_t i = 1, rank = 1; i < k; i++) {
		unsigned long long id = l[i].id;
		rank = id == was ? rank + 1 : 1;
		was = id;
		if (rank > 1)
			l[i].id = hash_num(id, (double)rank);
	}
	*n = k;
	return l;
}

/* A line of the manifest before it is written.  Lines sort as their text
 * would: "chart" < "claim" < "derived", then charts by name and the rest
 * by id (16 hex digits, so numeric order is text order; ids are unique,
 * claims' by rank, derived values' by claim and kind). */
enum { M_CHART, M_CLAIM, M_DERIVED };

struct mline {
	int type;
	unsigned long long id, hash;
	size_t claim;      /* M_CLAIM, M_DERIVED: index into ds->claims */
	size_t deriv;      /* M_DERIVED: index into ds->derivations */
	char *text;        /* M_CHART: the whole line */
};

static int mline_cmp(const void *a, const void *b)
{
	const struct mline *x = a, *y = b;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->type == M_CHART)
		return strcmp(x->text, y->text);
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->deriv > y->deriv) - (x->deriv < y->deriv);
}

/* Sort claim and derived-value lines (no charts) as mline_cmp does:
 * a radix sort of (type, id) keys, eight bits a pass, then runs of equal
 * keys (next to none: ids are 64-bit hashes) put in order by mline_cmp.
 * A million lines sort in a fraction of qsort's time. */
struct sort_key {
	unsigned long long key;
	size_t at;
};

/* The byte of k's sort key at shift: eight bits of the id, or above
 * them (shift 64) the line's type. */
static unsigned key_digit(const struct sort_key *k, const struct mline *all, int shift)
{
	return shift < 64 ? (unsigned)(k->key >> shift) & 0xFF : (unsigned)all[k->at].type;
}

static void sort_lines(struct mline *all, size_t n)
{
	if (n < 2)
		return;
	struct sort_key *a = xmalloc(n * sizeof *a), *b = xmalloc(n * sizeof *b);
	int claims_only = 1, derived_only = 1;
	for (size_t i = 0; i < n; i++) {
		a[i] = (struct sort_key){ all[i].id, i };
		claims_only &= all[i].type == M_CLAIM;
		derived_only &= all[i].type == M_DERIVED;
	}
	/* Claims before derived values: stable passes by id, then by type
	 * when both are present. */
	for (int shift = 0; shift < 64 + (claims_only || derived_only ? 0 : 8); shift += 8) {
		size_t count[257] = { 0 };
		for (size_t i = 0; i < n; i++)
			count[key_digit(&a[i], all, shift) + 1]++;
		if (count[key_digit(&a[0], all, shift) + 1] == n)
			continue; /* every key has this digit */
		for (int d = 0; d < 256; d++)
			count[d + 1] += count[d];
		for (size_t i = 0; i < n; i++)
			b[count[key_digit(&a[i], all, shift)]++] = a[i];
		struct sort_key *t = a;
		a = b;
		b = t;
	}
	struct mline *sorted = xmalloc(n * sizeof *sorted);
	for (size_t i = 0; i < n; i++)
		sorted[i] = all[a[i].at];
	for (size_t i = 1; i < n; i++) /* equal keys: by hash, then index */
		for (size_t j = i; j > 0 && mline_cmp(&sorted[j - 1], &sorted[j]) > 0; j--) {
			struct mline t = sorted[j];
			sorted[j] = sorted[j - 1];
			sorted[j - 1] = t;
		}
	memcpy(all, sorted, n * sizeof *all);
	free(sorted);
	free(a);
	free(b);
}

static void add_charts(struct mline **all, size_t *n_all,
		       const struct chart_list *charts, const char *plots_dir)
{
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	*all = xrealloc(*all, (*n_all + charts->len + 1) * sizeof **all);
	for (size_t i = 0; i < charts->len; i++) {
		const struct chart *c = &charts->items[i];
		unsigned long long h = REPORT_FNV_INIT;
		static const char *const ext[] = { "gp", "dat" };
		for (int e = 0; e < 2; e++) {
			char *text = NULL;
			size_t len = 0;
			sb_reset(&path);
			sb_addf(&path, "%s/%s.%s", plots_dir, c->name, ext[e]);
			if (read_file(path.buf, &text, &len) == 0)
				h = report_fnv(h, text, len);
			free(text);
		}
		sb_reset(&sb);
		sb_adds(&sb, "chart\t");
		esc_tsv(&sb, c->name);
		sb_addf(&sb, "\t%016llx\t", h);
		esc_tsv(&sb, c->name);
		sb_adds(&sb, " \xE2\x80\x94 ");
		esc_tsv(&sb, c->title);
		sb_addc(&sb, '\n');
		(*all)[(*n_all)++] = (struct mline){ M_CHART, 0, 0, 0, 0, xstrdup(sb.buf) };
	}
	sb_release(&sb);
	sb_release(&path);
}

/* The claim and derived-value lines, sorted and written: everything but
 * the charts, which sort before them. */
void report_manifest_body(struct strbuf *out, const struct dataset *ds,
			  const struct report_index *ix)
{
	size_t n, n_all = 0;
	struct line *l = claim_lines(ds, &n);
	/* per claim: its line plus one, 0 when it does not count */
	size_t *line_of = xcalloc(ds->n_claims + 1, sizeof *line_of);
	struct mline *all = xcalloc(n + ds->n_derivations + 1, sizeof *all);
	/* Each claim's summary once (its derived values repeat it), made
	 * in the order claims are held, not in the order of their ids,
	 * which would visit them at random. */
	struct strbuf summaries = STRBUF_INIT, scratch = STRBUF_INIT;
	size_t *at = xcalloc(ds->n_claims + 1, sizeof *at);
	unsigned long long *content = xcalloc(ds->n_claims + 1, sizeof *content);
	for (size_t i = 0; i < ds->n_claims; i++) {
		at[i] = summaries.len;
		if (claim_counts(&ds->claims[i])) {
			claim_summary(&summaries, ds, &ds->claims[i], &scratch);
			content[i] = claim_content(&ds->claims[i].claim);
		}
	}
	at[ds->n_claims] = summaries.len;
	sb_release(&scratch);
	for (size_t i = 0; i < n; i++) {
		all[n_all++] = (struct mline){ M_CLAIM, l[i].id, content[l[i].claim],
					       l[i].claim, 0, NULL };
		line_of[l[i].claim] = i + 1;
	}
	free(content);
	/* Derived values of counted claims, named after their claim. */
	for (size_t i = 0; i < ds->n_derivations; i++) {
		size_t k = ix->deriv_order[i];
		const struct derivation *d = &ds->derivations[k];
		long c = report_claim_index(ix, ds, d->claim_id);
		size_t line = c >= 0 ? line_of[c] : 0;
		if (!line--)
			continue;
		unsigned long long h = hash_num(REPORT_FNV_INIT, d->value);
		h = hash_num(hash_num(h, d->low), d->high);
		h = hash_str(hash_str(h, d->unit), d->method);
		all[n_all++] = (struct mline){ M_DERIVED, hash_str(l[line].id, d->kind), h,
					       l[line].claim, k, NULL };
	}
	sort_lines(all, n_all);
	for (size_t i = 0; i < n_all; i++) {
		const struct mline *m = &all[i];
		sb_adds(out, m->type == M_CLAIM ? "claim\t" : "derived\t");
		sb_add_hex64(out, m->id);
		sb_addc(out, '\t');
		sb_add_hex64(out, m->hash);
		sb_addc(out, '\t');
		sb_add(out, summaries.buf + at[m->claim], at[m->claim + 1] - at[m->claim]);
		if (m->type == M_DERIVED) {
			const struct derivation *d = &ds->derivations[m->deriv];
			sb_adds(out, " \xE2\x86\x92 ");
			esc_tsv(out, d->kind);
			sb_addc(out, ' ');
			report_human_number(out, d->value);
			sb_addc(out, ' ');
			esc_tsv(out, d->unit);
		}
		sb_addc(out, '\n');
	}
	sb_release(&summaries);
	free(at);
	free(all);
	free(line_of);
	free(l);
}

void report_manifest_head(struct strbuf *out, const struct chart_list *charts,
			  const char *plots_dir)
{
	struct mline *all = NULL;
	size_t n_all = 0;
	add_charts(&all, &n_all, charts, plots_dir);
	if (n_all)
		qsort(all, n_all, sizeof *all, mline_cmp);
	sb_adds(out, "# effdash manifest 1: type, id, hash, summary\n");
	for (size_t i = 0; i < n_all; i++) {
		sb_adds(out, all[i].text);
		free(all[i].text);
	}
	free(all);
}

/* ---- Reading and comparing -------------------------------------------- */

struct entry {
	int what;
	const char *id, *hash, *summary; /* NUL-terminated in a copy */
};

static int what_parse(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (!strcmp(s, what_names[i]))
			return i;
	return -1;
}

/* Split text (modified in place) into entries; unknown lines are
 * skipped, so an older or damaged manifest only shows more changes. */
/* Entries of a growing list: e[0..*n), room for *alloc. */
struct entries {
	struct entry *e;
	size_t n, alloc;
};

static void parse(char *text, struct entries *l)
{
	for (char *line = text; line && *line;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *f[4] = { line, NULL, NULL, NULL };
		for (int i = 1; i < 4 && f[i - 1]; i++) {
			f[i] = strchr(f[i - 1], '\t');
			if (f[i])
				*f[i]++ = '\0';
		}
		int what = f[3] ? what_parse(f[0]) : -1;
		if (what >= 0) {
			if (l->n == l->alloc) {
				l->alloc = l->alloc ? 2 * l->alloc : 64;
				l->e = xrealloc(l->e, l->alloc * sizeof *l->e);
			}
			l->e[l->n++] = (struct entry){ what, f[1], f[2], f[3] };
		}
		line = next;
	}
}

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->what != y->what)
		return x->what - y->what;
	return strcmp(x->id, y->id);
}

static void change_add(struct report_changes *ch, enum change_kind kind,
		       int what, const char *before, const char *after)
{
	ch->count[what][kind]++;
	if (ch->first)
		return;
	ch->items = xrealloc(ch->items, (ch->len + 1) * sizeof *ch->items);
	ch->items[ch->len++] = (struct change){
		kind, (enum change_what)what, before ? xstrdup(before) : NULL,
		after ? xstrdup(after) : NULL
	};
}

static int change_cmp(const void *a, const void *b)
{
	const struct change *x = a, *y = b;
	if (x->what != y->what)
		return (int)x->what - (int)y->what;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	int c = strcmp(x->after ? x->after : "", y->after ? y->after : "");
	return c ? c : strcmp(x->before ? x->before : "",
			      y->before ? y->before : "");
}

static void merge(struct report_changes *ch, const struct entry *a, size_t na,
		  const struct entry *b, size_t nb)
{
	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : entry_cmp(&a[i], &b[j]);
		if (c < 0) {
			change_add(ch, CHANGE_REMOVED, a[i].what, a[i].summary,
				   NULL);
			i++;
		} else if (c > 0) {
			change_add(ch, CHANGE_NEW, b[j].what, NULL,
				   b[j].summary);
			j++;
		} else {
			if (strcmp(a[i].hash, b[j].hash))
				change_add(ch, CHANGE_CHANGED, a[i].what,
					   a[i].summary, b[j].summary);
			i++;
			j++;
		}
	}
}

/* The first report has nothing to compare with: every line is new, and
 * only counted, so the lines are counted without being split or sorted
 * (the manifest's ids are unique). */
static void count_new(struct report_changes *ch, const char *text)
{
	size_t name_len[3];
	for (int i = 0; i < 3; i++)
		name_len[i] = strlen(what_names[i]);
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		const char *end = line + len, *tab = memchr(line, '\t', len), *t = tab;
		/* four fields: two more tabs after the first */
		for (int k = 0; k < 2 && t; k++)
			t = memchr(t + 1, '\t', (size_t)(end - t - 1));
		if (t)
			for (int i = 0; i < 3; i++)
				if ((size_t)(tab - line) == name_len[i] &&
				    !memcmp(line, what_names[i], name_len[i]))
					ch->count[i][CHANGE_NEW]++;
		line += len + (nl != NULL);
	}
}

static void sort_entries(struct entry *e, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (entry_cmp(&e[i - 1], &e[i]) > 0) {
			qsort(e, n, sizeof *e, entry_cmp);
			return;
		}
}

void report_changes_diff(struct report_changes *ch, const char *before,
			 const struct strbuf *after, size_t n_after)
{
	memset(ch, 0, sizeof *ch);
	ch->first = before == NULL;
	if (!before) {
		for (size_t i = 0; i < n_after; i++)
			count_new(ch, sb_str(&after[i]));
		return;
	}
	/* the entries point into copies of the texts, split in place */
	char *a = xstrdup(before);
	struct entries ea = { NULL, 0, 0 }, eb = { NULL, 0, 0 };
	parse(a, &ea);
	char **b = xcalloc(n_after + 1, sizeof *b);
	for (size_t i = 0; i < n_after; i++) {
		b[i] = xstrdup(sb_str(&after[i]));
		parse(b[i], &eb);
	}
	/* A manifest is written in order, which is nearly this one. */
	sort_entries(ea.e, ea.n);
	sort_entries(eb.e, eb.n);
	merge(ch, ea.e, ea.n, eb.e, eb.n);
	if (ch->len)
		qsort(ch->items, ch->len, sizeof *ch->items, change_cmp);
	free(ea.e);
	free(eb.e);
	free(a);
	for (size_t i = 0; i < n_after; i++)
		free(b[i]);
	free(b);
}

void report_changes_release(struct report_changes *ch)
{
	for (size_t i = 0; i < ch->len; i++) {
		free(ch->items[i].before);
		free(ch->items[i].after);
	}
	free(ch->items);
	memset(ch, 0, sizeof *ch);
}

/* ---- The changes file ------------------------------------------------- */

void report_changes_write(struct strbuf *out, const struct report_changes *ch)
{
	sb_adds(out, "# effdash changes 1: kind, type, before, after\n");
	if (ch->first)
		sb_adds(out, "first\n");
	for (int w = 0; w < 3; w++)
		for (int k = 0; k < 3; k++)
			sb_addf(out, "count\t%s\t%s\t%zu\n", kind_names[k],
				what_names[w], ch->count[w][k]);
	for (size_t i = 0; i < ch->len; i++) {
		const struct change *c = &ch->items[i];
		sb_addf(out, "%s\t%s\t", kind_names[c->kind],
			what_names[c->what]);
		esc_tsv(out, c->before);
		sb_addc(out, '\t');
		esc_tsv(out, c->after);
		sb_addc(out, '\n');
	}
}

static int kind_parse(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (!strcmp(s, kind_names[i]))
			return i;
	return -1;
}

static void read_line(struct report_changes *ch, char **f)
{
	if (!strcmp(f[0], "count") && f[3]) {
		int k = kind_parse(f[1]), w = what_parse(f[2]);
		if (k >= 0 && w >= 0)
			ch->count[w][k] = strtoul(f[3], NULL, 10);
		return;
	}
	int what = what_parse(f[1] ? f[1] : "");
	int kind = kind_parse(f[0]);
	if (kind < 0 || what < 0 || !f[3])
		return;
	ch->items = xrealloc(ch->items, (ch->len + 1) * sizeof *ch->items);
	ch->items[ch->len++] = (struct change){
		(enum change_kind)kind, (enum change_what)what,
		*f[2] ? xstrdup(f[2]) : NULL, *f[3] ? xstrdup(f[3]) : NULL
	};
}

int report_changes_read(struct report_changes *ch, const char *text)
{
	char *copy = xstrdup(text);
	memset(ch, 0, sizeof *ch);
	if (strncmp(copy, "# effdash changes 1", 19)) {
		free(copy);
		return -1;
	}
	for (char *line = copy; line && *line;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *f[4] = { line, NULL, NULL, NULL };
		for (int i = 1; i < 4 && f[i - 1]; i++) {
			f[i] = strchr(f[i - 1], '\t');
			if (f[i])
				*f[i]++ = '\0';
		}
		if (!strcmp(f[0], "first"))
			ch->first = 1;
		else if (*f[0] != '#')
			read_line(ch, f);
		line = next;
	}
	free(copy);
	return 0;
}

void report_changes_print(FILE *f, const struct report_changes *ch,
			  size_t limit)
{
	size_t shown[3][3] = { { 0 } };
	for (size_t i = 0; i < ch->len; i++) {
		const struct change *c = &ch->items[i];
		if (limit && shown[c->what][c->kind]++ >= limit)
			continue;
		fprintf(f, "%s %s: ", kind_names[c->kind], what_names[c->what]);
		if (c->kind == CHANGE_CHANGED && c->what != CHANGE_CHART)
			fprintf(f, "%s -> %s\n", c->before, c->after);
		else
			fprintf(f, "%s\n", c->after ? c->after : c->before);
	}
	for (int w = 0; w < 3; w++)
		for (int k = 0; k < 3; k++)
			if (limit && ch->count[w][k] > limit &&
			    shown[w][k] >= limit)
				fprintf(f, "... and %zu more %s %s\n",
					ch->count[w][k] - limit, kind_names[k],
					what_names[w]);
}

/* Unit tests of the store: schema, migrations, writes, rollback, loads. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dataset.h"
#include "store.h"
#include "unit.h"
#include "util.h"

static char dir[] = "/tmp/effdash-store-XXXXXX";

static struct store *open_new(const char *name)
{
	struct strbuf p = STRBUF_INIT;
	struct store *st = NULL;
	sb_addf(&p, "%s/%s", dir, name);
	CHECK(store_open(p.buf, 0, &st) == 0);
	sb_release(&p);
	return st;
}

static long add_paper(struct store *st, const char *title, const char *abstract,
		      const char *arxiv, int *changed)
{
	struct paper p;
	paper_init(&p);
	p.title = xstrdup(title);
	p.abstract = abstract ? xstrdup(abstract) : NULL;
	p.arxiv_id = arxiv ? xstrdup(arxiv) : NULL;
	p.source_line = 3;
	CHECK(store_put_paper(st, &p, 1, changed) == 0);
	long id = p.id;
	paper_release(&p);
	return id;
}

/* A ratio claim; span may be NULL (a curated row without one). */
static void add_claim_dim(struct store *st, long paper, enum origin o,
			  enum curation cur, const char *span, double value,
			  const char *dimension)
{
	struct claim c;
	claim_init(&c);
	c.quantity = Q_RATIO;
	c.value = value;
	c.origin = o;
	c.curation = cur;
	claim_set(&c.dimension, dimension);
	claim_set(&c.span, span);
	claim_set(&c.raw, span ? span : "as curated");
	CHECK(store_add_claim(st, paper, &c, 1, NULL) == 0);
	claim_release(&c);
}

static void add_claim(struct store *st, long paper, enum origin o, enum curation cur,
		      const char *span, double value)
{
	add_claim_dim(st, paper, o, cur, span, value, "cost");
}

/* The report's loader decides statuses in memory: it must keep the same
 * claims, in the same order, as the view store_load reads. */
static void same_as_report_load(const char *name)
{
	struct strbuf p = STRBUF_INIT;
	struct store *st;
	struct dataset a, b;
	sb_addf(&p, "%s/%s", dir, name);
	CHECK(store_open(p.buf, 1, &st) == 0);
	dataset_init(&a);
	dataset_init(&b);
	CHECK(store_load(st, &a) == 0);
	store_close(st);
	CHECK(store_load_report(p.buf, &b) == 0);
	CHECK(a.n_claims == b.n_claims && a.n_inactive == b.n_inactive);
	CHECK(a.n_papers == b.n_papers);
	for (size_t i = 0; i < a.n_claims && i < b.n_claims; i++) {
		CHECK(a.claims[i].id == b.claims[i].id);
		CHECK(a.claims[i].paper == b.claims[i].paper);
		CHECK(!strcmp(a.claims[i].claim.source_file, b.claims[i].claim.source_file));
	}
	dataset_release(&a);
	dataset_release(&b);
	sb_release(&p);
}

static void test_schema_and_papers(void)
{
	struct store *st = open_new("a.db");
	long src;
	int unchanged, changed;
	CHECK(store_begin(st) == 0);
	CHECK(store_put_source(st, "in.txt", "listing", "1:abc", &src, &unchanged) == 0);
	CHECK(src == 1 && !unchanged);
	long a = add_paper(st, "A Paper", "first abstract", NULL, &changed);
	CHECK(changed);
	long b = add_paper(st, "a   paper", "first abstract", NULL, &changed);
	CHECK(a == b && !changed);
	b = add_paper(st, "A Paper", "second abstract", NULL, &changed);
	CHECK(a == b && changed);
	/* An id learnt later still finds the paper by title. */
	b = add_paper(st, "A Paper", NULL, "2401.00001", &changed);
	CHECK(a == b && !changed);
	b = add_paper(st, "Renamed", NULL, "2401.00001", &changed);
	CHECK(a == b);
	CHECK(store_commit(st) == 0);
	CHECK(store_count(st, "paper") == 1);
	CHECK(store_put_source(st, "in.txt", "listing", "1:abc", &src, &unchanged) == 0);
	CHECK(src == 1 && unchanged);
	store_close(st);
	/* Reopening an existing database migrates nothing and keeps rows. */
	st = open_new("a.db");
	CHECK(store_count(st, "paper") == 1);
	store_close(st);
}

static void test_rollback(void)
{
	struct store *st = open_new("b.db");
	long src;
	int unchanged, changed;
	CHECK(store_begin(st) == 0);
	CHECK(store_put_source(st, "x", "listing", "f", &src, &unchanged) == 0);
	add_paper(st, "Kept", "text", NULL, &changed);
	CHECK(store_commit(st) == 0);
	CHECK(store_begin(st) == 0);
	add_paper(st, "Lost", "text", NULL, &changed);
	store_rollback(st);
	CHECK(store_count(st, "paper") == 1);
	store_close(st);
}

static void test_curated_supersedes(void)
{
	struct store *st = open_new("c.db");
	long src;
	int unchanged, changed;
	struct dataset ds;
	CHECK(store_begin(st) == 0);
	CHECK(store_put_source(st, "x", "listing", "f", &src, &unchanged) == 0);
	long p = add_paper(st, "P", "118x lower cost and 5x lower cost", NULL, &changed);
	add_claim(st, p, ORIGIN_EXTRACTED, CUR_ADD, "118x lower cost", 118);
	add_claim(st, p, ORIGIN_EXTRACTED, CUR_ADD, "5x lower cost", 5);
	add_claim(st, p, ORIGIN_EXTRACTED, CUR_ADD, "7x lower cost", 7);
	add_claim(st, p, ORIGIN_CURATED, CUR_CORRECT, "118x lower cost", 119);
	add_claim(st, p, ORIGIN_CURATED, CUR_REJECT, "5x lower cost", 5);
	CHECK(store_commit(st) == 0);
	dataset_init(&ds);
	CHECK(store_load(st, &ds) == 0);
	/* 118 replaced by the correction, 5 rejected, 7 kept. */
	CHECK(ds.n_papers == 1 && ds.n_claims == 2 && ds.n_inactive == 2);
	double sum = 0;
	for (size_t i = 0; i < ds.n_claims; i++)
		sum += ds.claims[i].claim.value;
	CHECK_NUM(sum, 126);
	dataset_release(&ds);
	/* What does not match: another dimension, another paper, no span;
	 * a missing dimension matches a missing one. */
	CHECK(store_begin(st) == 0);
	add_claim_dim(st, p, ORIGIN_EXTRACTED, CUR_ADD, "9x less memory", 9, "memory");
	add_claim_dim(st, p, ORIGIN_CURATED, CUR_CONFIRM, "9x less memory", 9, "time");
	add_claim_dim(st, p, ORIGIN_EXTRACTED, CUR_ADD, "3x", 3, NULL);
	add_claim_dim(st, p, ORIGIN_CURATED, CUR_CONFIRM, "3x", 3, NULL);
	add_claim_dim(st, p, ORIGIN_CURATED, CUR_ADD, NULL, 2, "time");
	long q = add_paper(st, "Q", "118x lower cost", NULL, &changed);
	add_claim(st, q, ORIGIN_EXTRACTED, CUR_ADD, "118x lower cost", 118);
	add_claim(st, q, ORIGIN_EXTRACTED, CUR_ADD, "7x lower cost", 7);
	add_claim(st, q, ORIGIN_CURATED, CUR_REJECT, "7x lower cost", 7);
	CHECK(store_commit(st) == 0);
	dataset_init(&ds);
	CHECK(store_load(st, &ds) == 0);
	CHECK(ds.n_papers == 2 && ds.n_claims == 7 && ds.n_inactive == 4);
	dataset_release(&ds);
	store_close(st);
	same_as_report_load("c.db");
}

static void test_readonly_refuses_empty(void)
{
	struct strbuf p = STRBUF_INIT;
	struct store *st = NULL;
	sb_addf(&p, "%s/empty.db", dir);
	FILE *f = fopen(p.buf, "w");
	fclose(f);
	CHECK(store_open(p.buf, 1, &st) == -1);
	sb_release(&p);
}

/* While a hold is kept no writer can commit; after it, one can.  A file
 * that is missing or not a database gives no hold. */
static void test_hold(void)
{
	struct store *st = open_new("h.db");
	int changed;
	long src;
	int unchanged;
	CHECK(store_begin(st) == 0);
	CHECK(store_put_source(st, "x", "listing", "f", &src, &unchanged) == 0);
	add_paper(st, "Held", "text", NULL, &changed);
	CHECK(store_commit(st) == 0);
	store_close(st);
	struct strbuf p = STRBUF_INIT;
	sb_addf(&p, "%s/h.db", dir);
	struct store_hold *h = store_hold(p.buf);
	CHECK(h != NULL);
	sqlite3 *w = NULL;
	CHECK(sqlite3_open(p.buf, &w) == SQLITE_OK);
	static const char write[] = "UPDATE paper SET title = 'Changed'";
	CHECK(sqlite3_exec(w, write, NULL, NULL, NULL) == SQLITE_BUSY);
	store_unhold(h);
	CHECK(sqlite3_exec(w, write, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(w);
	sb_reset(&p);
	sb_addf(&p, "%s/none.db", dir);
	CHECK(store_hold(p.buf) == NULL);
	sb_reset(&p);
	sb_addf(&p, "%s/text.db", dir);
	FILE *f = fopen(p.buf, "w");
	if (f) {
		fputs("not a database\n", f);
		fclose(f);
	}
	CHECK(store_hold(p.buf) == NULL);
	sb_release(&p);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	RUN(test_schema_and_papers);
	RUN(test_rollback);
	RUN(test_curated_supersedes);
	RUN(test_readonly_refuses_empty);
	RUN(test_hold);
	int rc = UNIT_EXIT();
	struct strbuf cmd = STRBUF_INIT;
	sb_addf(&cmd, "rm -rf '%s'", dir);
	if (system(cmd.buf) != 0)
		rc = 1;
	sb_release(&cmd);
	return rc;
}

/* store.c - SQLite schema, migrations, writes and the loads reports use.
 *
 * Every statement is prepared once per connection and reused (ingest runs
 * them per paper and per claim).  Text always travels as bound parameters,
 * never inside SQL. */
#include "store.h"

#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "escape.h"
#include "util.h"
#include "xxh.h"

enum stmt_id {
	S_SOURCE_GET,
	S_RESUME_GET,
	S_RESUME_SET,
	S_SOURCE_INS,
	S_SOURCE_UPD,
	S_FORGET_CURATED_DERIV,
	S_FORGET_CURATED,
	S_RANGE_CLEAR,
	S_RANGE_WIDEN,
	S_PAPER_BY_ARXIV,
	S_PAPER_BY_TITLE,
	S_PAPER_INS,
	S_PAPER_UPD,
	S_FORGET_EXTRACTED_DERIV,
	S_FORGET_EXTRACTED,
	S_CLAIM_INS,
	S_CLAIM_MAX,
	S_DERIV_INS,
	S_ACCEL_INS,
	S_ASSUME_INS,
	S_CPI_INS,
	S_CURRENCY_INS,
	S_TOUCH,
	S_TOUCHED_GET,
	S_HAS_EXTRACTED,
	S_TOUCH_SOURCE,
	S_DERIV_DEL_PAPER,
	S_PAPER_CLAIMS,
	S_FINGERPRINTS,
	S_PAPER_MAX,
	S_KEYS_TITLE,
	S_KEYS_ARXIV,
	S__COUNT
};

static const char *const stmt_sql[S__COUNT] = {
	[S_SOURCE_GET] = "SELECT id, fingerprint FROM source WHERE path = ?1",
	[S_RESUME_GET] = "SELECT resume_offset, resume_line, resume_hash, "
			 "resume_format, fingerprint FROM source WHERE path = ?1",
	[S_RESUME_SET] = "UPDATE source SET resume_offset = ?2, resume_line = ?3, "
			 "resume_hash = ?4, resume_format = ?5 WHERE id = ?1",
	[S_SOURCE_INS] = "INSERT INTO source(path, format, fingerprint) "
			 "VALUES (?1, ?2, ?3)",
	[S_SOURCE_UPD] = "UPDATE source SET format = ?2, fingerprint = ?3 "
			 "WHERE id = ?1",
	/* Derived values go before their claims: see store_begin() */
	/* A source's curated claims lie within the range of claim ids its
	 * row records (schema version 6): each statement reads that range
	 * of the claim table instead of an index by source. */
	[S_FORGET_CURATED_DERIV] = "DELETE FROM derived WHERE claim_id IN "
				   "(SELECT c.id FROM source s, claim c "
				   "WHERE s.id = ?1 AND c.id BETWEEN s.curated_first "
				   "AND s.curated_last AND c.source_id = ?1 "
				   "AND c.origin = 'curated')",
	[S_FORGET_CURATED] = "DELETE FROM claim WHERE id BETWEEN "
			     "(SELECT curated_first FROM source WHERE id = ?1) AND "
			     "(SELECT curated_last FROM source WHERE id = ?1) AND "
			     "source_id = ?1 AND origin = 'curated'",
	[S_RANGE_CLEAR] = "UPDATE source SET curated_first = NULL, "
			  "curated_last = NULL WHERE id = ?1",
	[S_RANGE_WIDEN] = "UPDATE source SET "
			  "curated_first = min(coalesce(curated_first, ?2), ?2), "
			  "curated_last = max(coalesce(curated_last, ?3), ?3) "
			  "WHERE id = ?1",
	[S_PAPER_BY_ARXIV] = "SELECT id, abstract_hash, fingerprint FROM paper "
			     "WHERE arxiv_id = ?1",
	/* The same title is the same paper unless both sides carry
	 * different arXiv ids; the first stored wins.  min(id), not ORDER BY
	 * id LIMIT 1, which sorted in a temporary b-tree for every lookup:
	 * SQLite takes the bare columns from the row holding the minimum.
	 * A NULL id means no paper. */
	[S_PAPER_BY_TITLE] = "SELECT min(id), abstract_hash, fingerprint FROM paper "
			     "WHERE title_hash = ?3 AND title_key = ?1 AND (arxiv_id IS NULL OR "
			     "?2 IS NULL OR arxiv_id = ?2)",
	[S_PAPER_INS] = "INSERT INTO paper(key, title, arxiv_id, url, date, "
			"abstract, abstract_hash, source_id, source_line, "
			"title_key, fingerprint, title_hash) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?10, ?12)",
	/* A later record of a paper fills in what it knows and replaces the
	 * abstract; fields it lacks keep their stored values. */
	/* The source recorded is where the stored abstract came from, so
	 * it moves only with the abstract; a record that changes nothing
	 * writes nothing (re-reading a grown file stays cheap).  The
	 * fingerprint becomes the record's: reading the same record again
	 * would change nothing, so it may be skipped unread. */
	[S_PAPER_UPD] = "UPDATE paper SET title = ?2, fingerprint = ?10, "
			"arxiv_id = coalesce(?3, arxiv_id), "
			"url = coalesce(?4, url), date = coalesce(?5, date), "
			"abstract = coalesce(?6, abstract), "
			"abstract_hash = coalesce(?7, abstract_hash), "
			"versions = versions + (?7 IS NOT NULL "
			"AND ?7 IS NOT abstract_hash), "
			"source_id = CASE WHEN ?7 IS NOT NULL AND ?7 IS NOT "
			"abstract_hash THEN ?8 ELSE source_id END, "
			"source_line = CASE WHEN ?7 IS NOT NULL AND ?7 IS NOT "
			"abstract_hash THEN ?9 ELSE source_line END "
			"WHERE id = ?1 AND (title IS NOT ?2 "
			"OR (?3 IS NOT NULL AND arxiv_id IS NOT ?3) "
			"OR (?4 IS NOT NULL AND url IS NOT ?4) "
			"OR (?5 IS NOT NULL AND date IS NOT ?5) "
			"OR (?7 IS NOT NULL AND abstract_hash IS NOT ?7) "
			"OR fingerprint IS NULL)",
	[S_FORGET_EXTRACTED_DERIV] = "DELETE FROM derived WHERE claim_id IN "
				     "(SELECT id FROM claim WHERE paper_id = ?1 "
				     "AND origin = 'extracted')",
	[S_FORGET_EXTRACTED] = "DELETE FROM claim WHERE paper_id = ?1 "
			       "AND origin = 'extracted'",
	[S_CLAIM_INS] = "INSERT INTO claim(paper_id, origin, curation, "
			"quantity, value, value_max, unit, qualifier, "
			"dimension, hardware, metric, dataset, subject, "
			"baseline, raw, span, span_start, span_end, evidence, "
			"note, source_id, source_line) VALUES (?1, ?2, ?3, ?4, "
			"?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
			"?16, ?17, ?18, ?19, ?20, ?21, ?22)",
	[S_CLAIM_MAX] = "SELECT max(id) FROM claim",
	[S_DERIV_INS] = "INSERT INTO derived(claim_id, data) VALUES (?1, ?2)",
	[S_ACCEL_INS] = "INSERT INTO accelerator(name, aliases, "
			"peak_fp16_tflops, peak_fp32_tflops, power_w, year, "
			"price_usd_per_hour, price_date, source, date) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[S_ASSUME_INS] = "INSERT INTO assumption(name, value, source, date) "
			 "VALUES (?1, ?2, ?3, ?4)",
	[S_CPI_INS] = "INSERT INTO price_index(year, cpi_u, date, source) "
		      "VALUES (?1, ?2, ?3, ?4)",
	[S_CURRENCY_INS] = "INSERT INTO currency(code, name, symbols, year, "
			   "units_per_usd, date, source) "
			   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[S_TOUCH] = "INSERT INTO temp.touched(paper_id, extracted) VALUES (?1, ?2) "
		    "ON CONFLICT(paper_id) DO UPDATE SET extracted = max(extracted, ?2)",
	[S_TOUCHED_GET] = "SELECT extracted FROM temp.touched WHERE paper_id = ?1",
	[S_HAS_EXTRACTED] = "SELECT 1 FROM claim WHERE paper_id = ?1 "
			    "AND origin = 'extracted' AND quantity = ?2 "
			    "AND value = ?3 AND coalesce(dimension, '') = coalesce(?4, '') "
			    "AND coalesce(subject, '') = coalesce(?5, '')",
	[S_TOUCH_SOURCE] = "INSERT OR IGNORE INTO temp.touched(paper_id, extracted) "
			   "SELECT DISTINCT c.paper_id, 0 FROM source s, claim c "
			   "WHERE s.id = ?1 AND c.id BETWEEN s.curated_first "
			   "AND s.curated_last AND c.source_id = ?1 "
			   "AND c.origin = 'curated'",
	/* Per claim: "claim_id IN (SELECT ...)" would build a temporary
	 * b-tree on every call. */
	[S_DERIV_DEL_PAPER] = "DELETE FROM derived WHERE claim_id = ?1",
	[S_PAPER_CLAIMS] = "SELECT id FROM claim WHERE paper_id = ?1",
	/* a scan of the title index; sorted in memory */
	[S_FINGERPRINTS] = "SELECT fingerprint FROM paper "
			   "WHERE fingerprint IS NOT NULL",
	[S_PAPER_MAX] = "SELECT coalesce(max(id), 0) FROM paper",
	/* both read an index only */
	[S_KEYS_TITLE] = "SELECT title_hash FROM paper",
	[S_KEYS_ARXIV] = "SELECT arxiv_id FROM paper WHERE arxiv_id IS NOT NULL",
};

/* Background writeback during a write transaction.  A large ingest
 * dirties hundreds of megabytes of database pages that the kernel keeps
 * in memory until COMMIT's sync, which then waits for all of them.  A
 * thread asks the kernel every WRITEBACK_MS to start writing what is
 * dirty (sync_file_range without waiting), so the disk works while the
 * ingest computes and the final sync finds little left.  It changes when
 * bytes reach the disk, never what or in which order SQLite makes them
 * durable: the rollback journal and COMMIT's fdatasync are untouched. */
#define WRITEBACK_MS 200

struct writeback {
	pthread_t tid;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int fd, stop, running;
};

/* Which papers certainly are not stored yet.  Most records of a large
 * ingest are new papers, and looking each one up (by arXiv id, then by
 * title) costs more than storing it.  A Bloom filter of the stored title
 * hashes and arXiv ids, loaded from two indexes when a write transaction
 * first looks a paper up and kept current by the writes, answers "not
 * stored" with no query; "maybe" falls back to the lookup.  It only ever
 * errs towards a lookup, so a rolled-back write leaves it sound. */
struct keyfilter {
	unsigned long long *bits;
	size_t mask;               /* bits - 1; a power of two */
	size_t n;                  /* keys added */
	int loaded;
	/* before it is loaded: lookups so far, and the papers stored when
	 * the transaction first looked one up */
	size_t lookups;
	long stored;
	int counted;
};

/* The filter pays once the lookups it saves outweigh reading the keys:
 * it is loaded after this many lookups plus one per 16 stored papers, so
 * appending a few papers to a large database reads no keys. */
#define KF_AFTER 4096

/* A claim row's parameters: its columns but the id. */
#define CLAIM_PARAMS 22
/* Claims waiting to be stored, inserted CLAIM_ROWS at a time by one
 * statement (see store_queue_claim). */
#define CLAIM_ROWS 16

struct pending_claim {
	const struct claim *c;
	long paper_id, source_id;
};

/* New papers waiting to be stored, PAPER_ROWS at a time, as claims. */
#define PAPER_PARAMS 12
#define PAPER_ROWS 16

/* Derived values waiting to be stored: one row per claim (its JSON
 * array), DERIV_ROWS at a time, as claims. */
#define DERIV_ROWS 16

struct pending_paper {
	const struct paper *p;
	const struct paper_keys *k;
	long long fp;
	long source_id;
};

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[S__COUNT];
	int in_tx;
	struct writeback wb;
	struct keyfilter kf;
	/* The insert of CLAIM_ROWS claims at once; what each parameter of
	 * each of its rows holds since its last run (see bind_claim_text),
	 * and [CLAIM_ROWS] the same for the one-row insert; [][0] unused. */
	sqlite3_stmt *claim_rows;
	const char *claim_bound[CLAIM_ROWS + 1][CLAIM_PARAMS + 1];
	/* Claims queued and not yet inserted, and the id the next claim
	 * gets (0: unknown, read as max(id) + 1 when needed): the queue
	 * holds the n_pending ids before it */
	struct pending_claim pending[CLAIM_ROWS];
	size_t n_pending;
	long next_claim_id;
	/* The same for new papers (store_queue_paper) */
	sqlite3_stmt *paper_rows;
	struct pending_paper papers[PAPER_ROWS];
	size_t n_papers;
	long next_paper_id;
	/* insert_derivations' order of a paper's values */
	struct deriv_order *deriv_order;
	size_t deriv_alloc;
	/* The same for derived values: the JSON of queued row r is
	 * deriv_json.buf[deriv_off[r]..deriv_off[r + 1]) */
	sqlite3_stmt *deriv_rows;
	struct strbuf deriv_json;
	size_t deriv_off[DERIV_ROWS + 1];
	long deriv_claim[DERIV_ROWS];
	size_t n_derived;
	/* The ids of the curated claims stored for source range_source
	 * since the range was last written to its row (range_last 0: none);
	 * see range_write(). */
	long range_source, range_first, range_last;
};

/* A claim binds only the parameters that differ from the claim stored
 * before it: most are NULL, or one of a few names, claim after claim,
 * and SQLite's bind calls were a sixth of a claim's insert.  Bindings
 * outlive sqlite3_reset, and nothing clears the claim insert's.
 * claim_bound[i] is NULL (parameter i is NULL), a name from a table of
 * claim.c (those live as long as the program: an equal pointer is an
 * equal string), or bound_other (anything else: always bound again). */
static const char bound_other[] = "";

static unsigned long long kf_mix(unsigned long long h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/* A key's two bits lie in one 64-bit word (a blocked filter): one cache
 * miss a test instead of two, for a few more false "maybe"s. */
static unsigned long long kf_word_bits(unsigned long long h)
{
	return (1ULL << (h >> 58)) | (1ULL << ((h >> 52) & 63));
}

static int kf_maybe(const struct keyfilter *kf, unsigned long long h)
{
	h = kf_mix(h);
	unsigned long long m = kf_word_bits(h);
	return (kf->bits[((size_t)h & kf->mask) >> 6] & m) == m;
}

static void kf_add(struct keyfilter *kf, unsigned long long h)
{
	h = kf_mix(h);
	kf->bits[((size_t)h & kf->mask) >> 6] |= kf_word_bits(h);
	kf->n++;
}

static unsigned long long kf_arxiv(const char *id)
{
	return hash_text(0x61727869760aULL, id);
}

static void kf_drop(struct keyfilter *kf)
{
	free(kf->bits);
	memset(kf, 0, sizeof *kf);
}

static void *writeback_main(void *arg)
{
	struct writeback *wb = arg;
	pthread_mutex_lock(&wb->mu);
	while (!wb->stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += WRITEBACK_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&wb->cv, &wb->mu, &until);
		if (wb->stop)
			break;
		pthread_mutex_unlock(&wb->mu);
#ifdef __linux__
		(void)sync_file_range(wb->fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
		pthread_mutex_lock(&wb->mu);
	}
	pthread_mutex_unlock(&wb->mu);
	return NULL;
}

/* Best effort: without the thread the transaction is just as sound. */
static void writeback_start(struct store *st)
{
	struct writeback *wb = &st->wb;
#ifdef __linux__
	if (wb->running || !st->path || !strcmp(st->path, ":memory:"))
		return;
	wb->fd = open(st->path, O_RDONLY | O_CLOEXEC);
	if (wb->fd < 0)
		return;
	wb->stop = 0;
	pthread_mutex_init(&wb->mu, NULL);
	pthread_cond_init(&wb->cv, NULL);
	if (pthread_create(&wb->tid, NULL, writeback_main, wb)) {
		pthread_mutex_destroy(&wb->mu);
		pthread_cond_destroy(&wb->cv);
		close(wb->fd);
		return;
	}
	wb->running = 1;
#else
	(void)wb;
	(void)st;
#endif
}

static void writeback_stop(struct store *st)
{
	struct writeback *wb = &st->wb;
	if (!wb->running)
		return;
	pthread_mutex_lock(&wb->mu);
	wb->stop = 1;
	pthread_cond_signal(&wb->cv);
	pthread_mutex_unlock(&wb->mu);
	pthread_join(wb->tid, NULL);
	pthread_mutex_destroy(&wb->mu);
	pthread_cond_destroy(&wb->cv);
	close(wb->fd);
	wb->running = 0;
}

/* The views reports read; dropped and created again when a table they
 * read is rebuilt. */
/* One row per derived value, read from the JSON arrays of derived
 * (schema version 5). */
#define DERIVATION_VIEW_SQL \
	"CREATE VIEW derivation AS\n" \
	"SELECT d.claim_id AS claim_id, CAST(j.key AS INTEGER) AS seq,\n" \
	"  j.value ->> 'kind' AS kind,\n" \
	"  CAST(j.value ->> 'value' AS REAL) AS value,\n" \
	"  CAST(coalesce(j.value ->> 'low', j.value ->> 'value') AS REAL) AS low,\n" \
	"  CAST(coalesce(j.value ->> 'high', j.value ->> 'value') AS REAL) AS high,\n" \
	"  j.value ->> 'unit' AS unit, j.value ->> 'method' AS method,\n" \
	"  j.value ->> 'assumption' AS assumption\n" \
	"FROM derived d, json_each(d.data) j;\n"

#define VIEWS_SQL \
	/* An extracted claim is superseded when a curated row of the same \
	 * paper names the same span, quantity and dimension: confirm and \
	 * correct replace it, reject removes it, add duplicates it. */ \
	"CREATE VIEW claim_status AS\n" \
	"SELECT c.id AS claim_id,\n" \
	"  CASE\n" \
	"    WHEN c.origin = 'curated' AND c.curation = 'reject' THEN 'rejection'\n" \
	"    WHEN c.origin = 'extracted' AND EXISTS (\n" \
	"      SELECT 1 FROM claim k WHERE k.paper_id = c.paper_id\n" \
	"        AND k.origin = 'curated' AND k.span = c.span\n" \
	"        AND k.quantity = c.quantity\n" \
	"        AND coalesce(k.dimension, '') = coalesce(c.dimension, ''))\n" \
	"      THEN 'superseded'\n" \
	"    ELSE 'active'\n" \
	"  END AS status\n" \
	"FROM claim c;\n" \
	"CREATE VIEW report_claim AS\n" \
	"SELECT c.*, p.title AS paper_title, p.key AS paper_key,\n" \
	"  s.path AS source_file, st.status AS status\n" \
	"FROM claim c JOIN paper p ON p.id = c.paper_id\n" \
	"  JOIN source s ON s.id = c.source_id\n" \
	"  JOIN claim_status st ON st.claim_id = c.id;\n" \
	"CREATE VIEW report_paper AS\n" \
	"SELECT p.*, s.path AS source_file,\n" \
	"  (SELECT count(*) FROM report_claim r WHERE r.paper_id = p.id\n" \
	"     AND r.status = 'active') AS claims\n" \
	"FROM paper p JOIN source s ON s.id = p.source_id;\n"

/* Schema version 1.  Each entry of migrations[] takes the database from
 * version i to i + 1; store_open applies the missing ones in one
 * transaction. */
static const char schema_v1[] =
	"CREATE TABLE source (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  path TEXT NOT NULL UNIQUE,\n"
	"  format TEXT NOT NULL,\n"
	"  fingerprint TEXT\n"
	");\n"
	"CREATE TABLE paper (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  key TEXT NOT NULL UNIQUE,\n"
	"  title TEXT NOT NULL,\n"
	"  title_key TEXT NOT NULL,\n"
	"  arxiv_id TEXT,\n"
	"  url TEXT,\n"
	"  date TEXT,\n"
	"  abstract TEXT,\n"
	"  abstract_hash TEXT,\n"
	"  versions INTEGER NOT NULL DEFAULT 1,\n"
	"  source_id INTEGER NOT NULL REFERENCES source(id),\n"
	"  source_line INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE claim (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  paper_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,\n"
	"  origin TEXT NOT NULL CHECK (origin IN ('extracted', 'curated')),\n"
	"  curation TEXT CHECK (curation IN ('add', 'confirm', 'correct', "
	"'reject')),\n"
	"  quantity TEXT NOT NULL CHECK (quantity IN ('cost_usd', 'compute', "
	"'params', 'tokens', 'data_size', 'memory_gb', 'ratio', 'quality')),\n"
	"  value REAL NOT NULL,\n"
	"  value_max REAL,\n"
	"  unit TEXT,\n"
	"  qualifier TEXT CHECK (qualifier IN ('upper_bound', 'lower_bound', "
	"'approx')),\n"
	"  dimension TEXT,\n"
	"  hardware TEXT,\n"
	"  metric TEXT,\n"
	"  dataset TEXT,\n"
	"  subject TEXT CHECK (subject IN ('baseline')),\n"
	"  baseline TEXT,\n"
	"  raw TEXT NOT NULL,\n"
	"  span TEXT,\n"
	"  span_start INTEGER,\n"
	"  span_end INTEGER,\n"
	"  evidence TEXT,\n"
	"  note TEXT,\n"
	"  source_id INTEGER NOT NULL REFERENCES source(id),\n"
	"  source_line INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX paper_by_title ON paper(title_key);\n"
	"CREATE INDEX paper_by_arxiv ON paper(arxiv_id);\n"
	"CREATE INDEX claim_by_paper ON claim(paper_id, origin, span);\n"
	"CREATE INDEX claim_by_source ON claim(source_id, origin);\n"
	"CREATE TABLE derivation (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,\n"
	"  kind TEXT NOT NULL,\n"
	"  value REAL NOT NULL,\n"
	"  low REAL NOT NULL,\n"
	"  high REAL NOT NULL,\n"
	"  unit TEXT NOT NULL,\n"
	"  method TEXT NOT NULL,\n"
	"  assumption TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX derivation_by_claim ON derivation(claim_id);\n"
	"CREATE TABLE accelerator (\n"
	"  name TEXT PRIMARY KEY,\n"
	"  aliases TEXT NOT NULL,\n"
	"  peak_fp16_tflops REAL,\n"
	"  peak_fp32_tflops REAL,\n"
	"  power_w REAL,\n"
	"  year INTEGER,\n"
	"  price_usd_per_hour REAL,\n"
	"  price_date TEXT,\n"
	"  source TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE assumption (\n"
	"  name TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL,\n"
	"  source TEXT NOT NULL\n"
	");\n"
	VIEWS_SQL;

/* Version 2: the reference tables carry a date on every row, and the
 * price index and currency tables used for constant dollars join them. */
static const char schema_v2[] =
	"ALTER TABLE accelerator ADD COLUMN date TEXT;\n"
	"ALTER TABLE assumption ADD COLUMN date TEXT;\n"
	"CREATE TABLE price_index (\n"
	"  year INTEGER PRIMARY KEY,\n"
	"  cpi_u REAL NOT NULL,\n"
	"  date TEXT NOT NULL,\n"
	"  source TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE currency (\n"
	"  code TEXT NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  symbols TEXT,\n"
	"  year INTEGER NOT NULL,\n"
	"  units_per_usd REAL NOT NULL,\n"
	"  date TEXT NOT NULL,\n"
	"  source TEXT NOT NULL,\n"
	"  PRIMARY KEY (code, year)\n"
	");\n";

/* Version 3: each paper row keeps the fingerprint of the record that
 * last wrote it, so re-reading an input skips records already stored
 * without a lookup per record. */
static const char schema_v3[] =
	/* Where a later read of a file that grew by appending may start (see
	 * store_get_resume). */
	"ALTER TABLE source ADD COLUMN resume_offset INTEGER;\n"
	"ALTER TABLE source ADD COLUMN resume_line INTEGER;\n"
	"ALTER TABLE source ADD COLUMN resume_hash TEXT;\n"
	"ALTER TABLE source ADD COLUMN resume_format TEXT;\n"
	"DROP VIEW report_paper;\n"
	"DROP VIEW report_claim;\n"
	"DROP VIEW claim_status;\n"
	/* Abstract hashes move from FNV-1a to XXH3, as every other
	 * fingerprint.  Papers are found by arXiv id or by a 64-bit hash of the folded
	 * title (checked against the title itself): integer index keys
	 * instead of long texts that often share their first words.  The
	 * key is unique by construction (a record finds its paper before a
	 * row is inserted) and nothing looks papers up by it, so it has no
	 * index.  Each row keeps the fingerprint of the record that last
	 * wrote it, so re-reading an input skips records already stored. */
	"CREATE TABLE paper_v3 (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  key TEXT NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  title_key TEXT NOT NULL,\n"
	"  title_hash INTEGER NOT NULL,\n"
	"  arxiv_id TEXT,\n"
	"  url TEXT,\n"
	"  date TEXT,\n"
	"  abstract TEXT,\n"
	"  abstract_hash TEXT,\n"
	"  fingerprint INTEGER,\n"
	"  versions INTEGER NOT NULL DEFAULT 1,\n"
	"  source_id INTEGER NOT NULL REFERENCES source(id),\n"
	"  source_line INTEGER NOT NULL\n"
	");\n"
	"INSERT INTO paper_v3(id, key, title, title_key, title_hash, arxiv_id,\n"
	"  url, date, abstract, abstract_hash, versions, source_id, source_line)\n"
	"SELECT id, key, title, title_key, effdash_text_hash(title_key),\n"
	"  arxiv_id, url, date, abstract, effdash_abstract_hash(abstract),\n"
	"  versions, source_id, source_line FROM paper;\n"
	"DROP TABLE paper;\n"
	"ALTER TABLE paper_v3 RENAME TO paper;\n"
	"CREATE INDEX paper_by_title ON paper(title_hash);\n"
	/* Only papers with an arXiv id enter its index. */
	"CREATE INDEX paper_by_arxiv ON paper(arxiv_id) WHERE arxiv_id IS NOT NULL;\n"
	"CREATE INDEX paper_by_fingerprint ON paper(fingerprint);\n"
	/* The claim table again, its CHECK constraints written as OR-chains:
	 * SQLite evaluates "x IN (a, b, c)" by building a temporary b-tree of
	 * the list for every row inserted, which made each claim insert
	 * several times slower than the insert itself. */
	"CREATE TABLE claim_v3 (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  paper_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,\n"
	"  origin TEXT NOT NULL CHECK (origin = 'extracted' OR origin = 'curated'),\n"
	"  curation TEXT CHECK (curation = 'add' OR curation = 'confirm' OR\n"
	"    curation = 'correct' OR curation = 'reject'),\n"
	"  quantity TEXT NOT NULL CHECK (quantity = 'cost_usd' OR\n"
	"    quantity = 'compute' OR quantity = 'params' OR quantity = 'tokens' OR\n"
	"    quantity = 'data_size' OR quantity = 'memory_gb' OR\n"
	"    quantity = 'ratio' OR quantity = 'quality'),\n"
	"  value REAL NOT NULL,\n"
	"  value_max REAL,\n"
	"  unit TEXT,\n"
	"  qualifier TEXT CHECK (qualifier = 'upper_bound' OR\n"
	"    qualifier = 'lower_bound' OR qualifier = 'approx'),\n"
	"  dimension TEXT,\n"
	"  hardware TEXT,\n"
	"  metric TEXT,\n"
	"  dataset TEXT,\n"
	"  subject TEXT CHECK (subject = 'baseline'),\n"
	"  baseline TEXT,\n"
	"  raw TEXT NOT NULL,\n"
	"  span TEXT,\n"
	"  span_start INTEGER,\n"
	"  span_end INTEGER,\n"
	"  evidence TEXT,\n"
	"  note TEXT,\n"
	"  source_id INTEGER NOT NULL REFERENCES source(id),\n"
	"  source_line INTEGER NOT NULL\n"
	");\n"
	"INSERT INTO claim_v3 SELECT * FROM claim;\n"
	"DROP TABLE claim;\n"
	"ALTER TABLE claim_v3 RENAME TO claim;\n"
	/* Narrower claim indexes: by paper without the span text, and by
	 * source for curated rows only (the only ones looked up by source);
	 * an extracted claim enters one index instead of two. */
	"CREATE INDEX claim_by_paper ON claim(paper_id, origin);\n"
	"CREATE INDEX claim_by_source ON claim(source_id) WHERE origin = 'curated';\n"
	VIEWS_SQL;

/* Schema version 4: the fingerprint joins the title hash's index.  Both
 * keys are random, so each had its own b-tree to insert into at a random
 * place for every new paper; one index now serves the lookup by title
 * (its first column) and the scan of all fingerprints (covering). */
static const char schema_v4[] =
	"DROP INDEX paper_by_fingerprint;\n"
	"DROP INDEX paper_by_title;\n"
	"CREATE INDEX paper_by_title ON paper(title_hash, fingerprint);\n";

/* Schema version 5: a claim's derived values are one row, a JSON array
 * of objects, instead of a row each.  A compute claim has five (reference
 * hours, FLOP, dollars, energy, CO2), and SQLite's cost is mostly per row
 * and per index: 50k derivation rows with their index took more
 * instructions than the 20k claims they came from.  Keyed by the claim's
 * id, the row needs no index of its own.  The view derivation shows one
 * row per value as before, with its position among the claim's values
 * (seq) in place of a row id. */
static const char schema_v5[] =
	"CREATE TABLE derived (\n"
	"  claim_id INTEGER PRIMARY KEY REFERENCES claim(id) ON DELETE CASCADE,\n"
	"  data TEXT NOT NULL\n"
	");\n"
	"INSERT INTO derived(claim_id, data)\n"
	"SELECT claim_id, '[' || group_concat(effdash_derivation_json(kind,\n"
	"  value, low, high, unit, method, assumption), ',') || ']'\n"
	"FROM (SELECT * FROM derivation ORDER BY claim_id, id)\n"
	"GROUP BY claim_id ORDER BY claim_id;\n"
	"DROP TABLE derivation;\n"
	DERIVATION_VIEW_SQL;

/* Schema version 6: a source records the range of claim ids that holds
 * its curated claims, in place of the index of curated claims by source.
 * Only a changed curated file looks its claims up (to replace them),
 * while every curated row paid for the index entry: a tenth of the time
 * of a curated ingest.  Curated claims of one file are stored in one
 * stretch, their ids rising, so the range is narrow; it only ever
 * widens until the file's claims are replaced, and the lookups also
 * check the source, so it may hold other claims. */
static const char schema_v6[] =
	"ALTER TABLE source ADD COLUMN curated_first INTEGER;\n"
	"ALTER TABLE source ADD COLUMN curated_last INTEGER;\n"
	"UPDATE source SET\n"
	"  curated_first = (SELECT min(id) FROM claim\n"
	"    WHERE source_id = source.id AND origin = 'curated'),\n"
	"  curated_last = (SELECT max(id) FROM claim\n"
	"    WHERE source_id = source.id AND origin = 'curated');\n"
	"DROP INDEX claim_by_source;\n";

static const char *const migrations[] = { schema_v1, schema_v2, schema_v3, schema_v4,
					  schema_v5, schema_v6 };

static int db_fail(struct store *st, const char *what)
{
	err("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
	return -1;
}

static int exec(struct store *st, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err("%s: %s", st->path, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int user_version(struct store *st, int *version)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "cannot read schema version");
	int rc = sqlite3_step(s);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : db_fail(st, "cannot read schema version");
}

static int migrate(struct store *st)
{
	int version;
	const int latest = (int)(sizeof migrations / sizeof *migrations);
	if (exec(st, "BEGIN IMMEDIATE") || user_version(st, &version))
		return -1;
	if (version > latest) {
		exec(st, "ROLLBACK");
		err("%s: schema version %d is newer than this effdash (%d)",
		    st->path, version, latest);
		return -1;
	}
	for (int v = version; v < latest; v++) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (exec(st, migrations[v]) || exec(st, pragma)) {
			exec(st, "ROLLBACK");
			return -1;
		}
	}
	return exec(st, "COMMIT");
}

/* The one-row insert `one` as an INSERT OR FAIL of `rows` rows (see
 * rows_insert): parameter ?i of its row becomes ?(r * params + i) of
 * row r. */
static int prepare_rows(struct store *st, int one, int rows, int params, sqlite3_stmt **out)
{
	const char *cols = stmt_sql[one] + strlen("INSERT");
	const char *values = strstr(cols, "VALUES");
	const char *tuple = strchr(values, '(');
	struct strbuf sql = STRBUF_INIT;
	sb_adds(&sql, "INSERT OR FAIL");
	sb_add(&sql, cols, (size_t)(values - cols));
	sb_adds(&sql, "VALUES ");
	for (int r = 0; r < rows; r++) {
		if (r)
			sb_adds(&sql, ", ");
		for (const char *c = tuple; *c; c++) {
			if (*c != '?') {
				sb_addc(&sql, *c);
				continue;
			}
			char *end;
			long i = strtol(c + 1, &end, 10);
			sb_addf(&sql, "?%d", r * params + (int)i);
			c = end - 1;
		}
	}
	int rc = sqlite3_prepare_v3(st->db, sql.buf, -1, SQLITE_PREPARE_PERSISTENT, out, NULL);
	sb_release(&sql);
	return rc == SQLITE_OK ? 0 : db_fail(st, "cannot prepare statement");
}

static int prepare_all(struct store *st)
{
	/* Papers changed by this connection; a temporary table, never in
	 * the file. */
	if (exec(st, "CREATE TEMP TABLE IF NOT EXISTS touched "
		     "(paper_id INTEGER PRIMARY KEY, extracted INTEGER NOT NULL)"))
		return -1;
	for (int i = 0; i < S__COUNT; i++) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
				       &st->stmt[i], NULL) != SQLITE_OK)
			return db_fail(st, "cannot prepare statement");
	}
	if (prepare_rows(st, S_CLAIM_INS, CLAIM_ROWS, CLAIM_PARAMS, &st->claim_rows) ||
	    prepare_rows(st, S_PAPER_INS, PAPER_ROWS, PAPER_PARAMS, &st->paper_rows) ||
	    prepare_rows(st, S_DERIV_INS, DERIV_ROWS, 2, &st->deriv_rows))
		return -1;
	for (int r = 0; r <= CLAIM_ROWS; r++)
		for (int i = 0; i <= CLAIM_PARAMS; i++)
			st->claim_bound[r][i] = bound_other;
	return 0;
}

/* A number of a derived value in JSON: the shortest form that reads back
 * exactly; infinities as SQLite writes them (9e999 reads back as one),
 * NaN as null. */
static void json_number(struct strbuf *out, double v)
{
	char buf[32];
	if (isnan(v)) {
		sb_adds(out, "null");
		return;
	}
	if (isinf(v)) {
		sb_adds(out, v < 0 ? "-9e999" : "9e999");
		return;
	}
	fmt_double(buf, sizeof buf, v);
	sb_adds(out, buf);
}

static void derivation_json(struct strbuf *out, const struct derivation *d)
{
	sb_adds(out, "{\"kind\":");
	esc_json(out, d->kind);
	sb_adds(out, ",\"value\":");
	json_number(out, d->value);
	/* Bounds equal to the value (an exact conversion) are left out. */
	if (d->low != d->value || d->high != d->value) {
		sb_adds(out, ",\"low\":");
		json_number(out, d->low);
		sb_adds(out, ",\"high\":");
		json_number(out, d->high);
	}
	sb_adds(out, ",\"unit\":");
	esc_json(out, d->unit);
	sb_adds(out, ",\"method\":");
	esc_json(out, d->method);
	sb_adds(out, ",\"assumption\":");
	esc_json(out, d->assumption);
	sb_addc(out, '}');
}

/* effdash_text_hash(TEXT) and effdash_abstract_hash(TEXT): the hashes
 * of paper.h, for migrations. */
static void sql_text_hash(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *t = sqlite3_value_text(argv[0]);
	if (!t)
		sqlite3_result_null(cx);
	else
		sqlite3_result_int64(cx, paper_text_hash((const char *)t));
}

/* effdash_derivation_json(kind, value, low, high, unit, method,
 * assumption): one derived value as insert_derivations writes it, for
 * the migration to schema version 5. */
static void sql_derivation_json(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct derivation d = {
		.kind = (char *)sqlite3_value_text(argv[0]),
		.value = sqlite3_value_double(argv[1]),
		.low = sqlite3_value_double(argv[2]),
		.high = sqlite3_value_double(argv[3]),
		.unit = (char *)sqlite3_value_text(argv[4]),
		.method = (char *)sqlite3_value_text(argv[5]),
		.assumption = (char *)sqlite3_value_text(argv[6]),
	};
	struct strbuf js = STRBUF_INIT;
	derivation_json(&js, &d);
	sqlite3_result_text(cx, js.buf, (int)js.len, SQLITE_TRANSIENT);
	sb_release(&js);
}

static void sql_abstract_hash(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *t = sqlite3_value_text(argv[0]);
	char hash[17];
	if (!t) {
		sqlite3_result_null(cx);
		return;
	}
	paper_abstract_hash((const char *)t, hash);
	sqlite3_result_text(cx, hash, -1, SQLITE_TRANSIENT);
}

/* SQLite counts every allocation it makes under one global mutex (for
 * sqlite3_status, which effdash never asks for); with a few threads each
 * on its own connection that lock is taken on every malloc and free.
 * Set before SQLite initializes; refused (harmlessly) if it already has. */
static pthread_once_t sqlite_setup_once = PTHREAD_ONCE_INIT;

static void sqlite_setup(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_open(const char *path, int readonly, struct store **out)
{
	pthread_once(&sqlite_setup_once, sqlite_setup);
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	/* One thread uses a connection, so SQLite's own locking is waste. */
	int flags = SQLITE_OPEN_NOMUTEX | (readonly ? SQLITE_OPEN_READONLY
					: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		err("%s: cannot open database: %s", path,
		    st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	/* A concurrent writer makes us wait rather than fail at once; WAL
	 * would leave side files next to a database people copy around, so
	 * the default rollback journal stays, with synchronous=FULL: a crash
	 * loses nothing that was committed. */
	sqlite3_busy_timeout(st->db, 10000);
	/* 32 KiB pages (for a new file): an abstract fits in one page
	 * instead of spilling into overflow pages, and a bulk load writes
	 * half as many pages as with 16 KiB (each a pwrite() call), for the
	 * same bytes.  secure_delete off:
	 * Debian builds SQLite with it on, which zeroes the space a row
	 * leaves on every page split of a bulk insert; what a database
	 * holds is public text, and VACUUM drops old rows for good. */
	/* Foreign keys are enforced once the schema is current: a migration
	 * that rebuilds a table must not cascade its drop. */
	if (exec(st, "PRAGMA page_size = 32768; "
		     "PRAGMA secure_delete = OFF; "
		     "PRAGMA synchronous = FULL; "
		     "PRAGMA cache_size = -32768"))
		goto fail;
	/* Readers map the file instead of copying every page they read
	 * through pread(): a report reads the whole database. */
	if (readonly && exec(st, "PRAGMA mmap_size = 2147418112"))
		goto fail;
	if (readonly) {
		int version;
		if (user_version(st, &version))
			goto fail;
		if (version > 0 && version < STORE_SCHEMA_VERSION) {
			err("%s: schema version %d is older than this effdash "
			    "(%d); run 'effdash ingest' to upgrade it",
			    path, version, STORE_SCHEMA_VERSION);
			goto fail;
		}
		if (version != STORE_SCHEMA_VERSION) {
			err("%s: not an effdash database of schema version %d "
			    "(found %d); run 'effdash ingest' first",
			    path, STORE_SCHEMA_VERSION, version);
			goto fail;
		}
	} else if (sqlite3_create_function(st->db, "effdash_text_hash", 1,
					   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
					   sql_text_hash, NULL, NULL) != SQLITE_OK ||
		   sqlite3_create_function(st->db, "effdash_abstract_hash", 1,
					   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
					   sql_abstract_hash, NULL, NULL) != SQLITE_OK ||
		   sqlite3_create_function(st->db, "effdash_derivation_json", 7,
					   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
					   sql_derivation_json, NULL, NULL) != SQLITE_OK) {
		db_fail(st, "cannot register a function");
		goto fail;
	} else if (migrate(st)) {
		goto fail;
	}
	if (exec(st, "PRAGMA foreign_keys = ON"))
		goto fail;
	if (prepare_all(st))
		goto fail;
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	writeback_stop(st);
	kf_drop(&st->kf);
	for (int i = 0; i < S__COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_finalize(st->claim_rows);
	sqlite3_finalize(st->paper_rows);
	sqlite3_finalize(st->deriv_rows);
	if (st->in_tx)
		exec(st, "ROLLBACK");
	sqlite3_close(st->db);
	free(st->path);
	free(st->deriv_order);
	sb_release(&st->deriv_json);
	free(st);
}

static int range_write(struct store *st);

int store_begin(struct store *st)
{
	if (st->in_tx)
		BUG("nested transaction");
	/* The writes keep references sound themselves: a paper is stored
	 * before its claims and a claim before its derived values, and the
	 * two statements that delete claims delete their derived values
	 * first (what ON DELETE CASCADE would do).  SQLite's check of every
	 * inserted row against its parents is then pure cost (a seventh of
	 * the storing thread's time in a large ingest), so it is off inside
	 * write transactions.  The tests run PRAGMA foreign_key_check after
	 * every kind of write. */
	if (exec(st, "PRAGMA foreign_keys = OFF"))
		return -1;
	if (exec(st, "BEGIN IMMEDIATE")) {
		exec(st, "PRAGMA foreign_keys = ON");
		return -1;
	}
	st->in_tx = 1;
	st->range_last = 0;
	st->n_pending = 0;
	st->next_claim_id = 0;
	st->n_papers = 0;
	st->n_derived = 0;
	st->next_paper_id = 0;
	kf_drop(&st->kf);
	writeback_start(st);
	return 0;
}

int store_commit(struct store *st)
{
	if (!st->in_tx)
		BUG("commit without transaction");
	if (store_settle(st) || range_write(st))
		return -1;
	writeback_stop(st);
	kf_drop(&st->kf);
	st->next_claim_id = 0;
	st->next_paper_id = 0;
	if (exec(st, "COMMIT"))
		return -1;
	st->in_tx = 0;
	return exec(st, "PRAGMA foreign_keys = ON");
}

void store_rollback(struct store *st)
{
	writeback_stop(st);
	kf_drop(&st->kf);
	st->n_pending = 0;
	st->next_claim_id = 0;
	st->n_papers = 0;
	st->n_derived = 0;
	st->next_paper_id = 0;
	st->range_last = 0;
	if (st->in_tx) {
		exec(st, "ROLLBACK");
		st->in_tx = 0;
		exec(st, "PRAGMA foreign_keys = ON");
	}
}

/* Helpers binding optional values: NULL strings become SQL NULL. */
static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static void bind_long_or_null(sqlite3_stmt *s, int i, long v, int present)
{
	if (present)
		sqlite3_bind_int64(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

/* One row of parameters of a claim insert: parameter i of the row is
 * base + i of statement s; bound[i] says what it holds. */
struct claim_slot {
	sqlite3_stmt *s;
	const char **bound;
	int base;
};

static void bind_claim_text(struct claim_slot *k, int i, const char *v, int named)
{
	if (v == k->bound[i] && (!v || named))
		return;
	bind_text(k->s, k->base + i, v);
	k->bound[i] = v && !named ? bound_other : v;
}

/* Parameter i of the row is NULL (when !present) or bound by the caller
 * (it returns 1 then). */
static int claim_param_null(struct claim_slot *k, int i, int present)
{
	if (present) {
		k->bound[i] = bound_other;
		return 1;
	}
	if (k->bound[i]) {
		sqlite3_bind_null(k->s, k->base + i);
		k->bound[i] = NULL;
	}
	return 0;
}

/* Run a bound write statement to completion and reset it. */
static int step_done(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : db_fail(st, what);
}

/* step_done for the statements of the bulk path, which bind every
 * parameter on every use: the bindings are left to be overwritten. */
static int step_bound(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_fail(st, what);
}

static const char *column_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static char *column_dup(sqlite3_stmt *s, int i)
{
	const char *t = column_text(s, i);
	return t ? xstrdup(t) : NULL;
}

/* column_dup into an arena, or with malloc when a is NULL. */
static char *column_copy(sqlite3_stmt *s, int i, struct arena *a)
{
	if (!a)
		return column_dup(s, i);
	const char *t = column_text(s, i);
	return t ? arena_strndup(a, t, (size_t)sqlite3_column_bytes(s, i)) : NULL;
}

static int str_eq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

int store_put_source(struct store *st, const char *path, const char *format,
		     const char *fingerprint, long *source_id, int *unchanged)
{
	sqlite3_stmt *s = st->stmt[S_SOURCE_GET];
	bind_text(s, 1, path);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*source_id = (long)sqlite3_column_int64(s, 0);
		*unchanged = str_eq(column_text(s, 1), fingerprint);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, "cannot look up source");
	if (rc == SQLITE_ROW) {
		s = st->stmt[S_SOURCE_UPD];
		sqlite3_bind_int64(s, 1, *source_id);
	} else {
		*unchanged = 0;
		s = st->stmt[S_SOURCE_INS];
		bind_text(s, 1, path);
	}
	bind_text(s, 2, format);
	bind_text(s, 3, fingerprint);
	if (step_done(st, s, "cannot record source"))
		return -1;
	if (rc == SQLITE_DONE)
		*source_id = (long)sqlite3_last_insert_rowid(st->db);
	return 0;
}

int store_get_resume(struct store *st, const char *path, struct source_resume *r)
{
	sqlite3_stmt *s = st->stmt[S_RESUME_GET];
	memset(r, 0, sizeof *r);
	bind_text(s, 1, path);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0 && column_text(s, 2) &&
	    column_text(s, 3)) {
		r->offset = (long long)sqlite3_column_int64(s, 0);
		r->line = (long)sqlite3_column_int64(s, 1);
		snprintf(r->hash, sizeof r->hash, "%s", column_text(s, 2));
		snprintf(r->format, sizeof r->format, "%s", column_text(s, 3));
	}
	if (rc == SQLITE_ROW && column_text(s, 4))
		snprintf(r->stored, sizeof r->stored, "%s", column_text(s, 4));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, "cannot look up source");
	return 0;
}

int store_set_resume(struct store *st, long source_id, const struct source_resume *r)
{
	sqlite3_stmt *s = st->stmt[S_RESUME_SET];
	int some = r && r->offset > 0;
	sqlite3_bind_int64(s, 1, source_id);
	bind_long_or_null(s, 2, some ? (long)r->offset : 0, some);
	bind_long_or_null(s, 3, some ? r->line : 0, some);
	bind_text(s, 4, some ? r->hash : NULL);
	bind_text(s, 5, some ? r->format : NULL);
	return step_done(st, s, "cannot record source");
}

/* Delete claims (statement claims) and, first, their derived values
 * (statement derived), both selected by one id: ON DELETE CASCADE by
 * hand, see store_begin(). */
static int forget_claims(struct store *st, int derived, int claims, long id,
			 const char *what)
{
	if (store_settle(st))
		return -1;
	/* SQLite gives the next claim one more than the largest id left */
	st->next_claim_id = 0;
	for (int k = 0; k < 2; k++) {
		sqlite3_stmt *s = st->stmt[k ? claims : derived];
		sqlite3_bind_int64(s, 1, id);
		if (step_done(st, s, what))
			return -1;
	}
	return 0;
}

/* Widen the stored range of the source whose curated claims were
 * stored last to cover them: before anything reads the ranges, and at
 * commit.  Kept in memory until then, so that a curated row costs no
 * update of its source. */
static int range_write(struct store *st)
{
	if (!st->range_last)
		return 0;
	sqlite3_stmt *s = st->stmt[S_RANGE_WIDEN];
	sqlite3_bind_int64(s, 1, st->range_source);
	sqlite3_bind_int64(s, 2, st->range_first);
	sqlite3_bind_int64(s, 3, st->range_last);
	st->range_last = 0;
	return step_done(st, s, "cannot record curated claims");
}

/* A curated claim of source_id was stored as claim_id. */
static int range_add(struct store *st, long source_id, long claim_id)
{
	if (st->range_last && st->range_source != source_id && range_write(st))
		return -1;
	if (!st->range_last) {
		st->range_source = source_id;
		st->range_first = claim_id;
	}
	st->range_last = claim_id;
	return 0;
}

int store_forget_curated(struct store *st, long source_id)
{
	if (range_write(st) ||
	    forget_claims(st, S_FORGET_CURATED_DERIV, S_FORGET_CURATED, source_id,
			  "cannot remove old curated claims"))
		return -1;
	sqlite3_stmt *s = st->stmt[S_RANGE_CLEAR];
	sqlite3_bind_int64(s, 1, source_id);
	return step_done(st, s, "cannot remove old curated claims");
}

/* (Re)build the filter from the stored papers (keys: about how many
 * keys they hold), with 64 bits a key; it is built again, twice as
 * large, when it falls to 32 bits a key, so fewer than 0.4% of new papers
 * are looked up in vain.  Returns -1 on a database error (the filter is
 * then left unloaded). */
static int kf_load(struct store *st, size_t keys)
{
	struct keyfilter *kf = &st->kf;
	if (store_settle(st))
		return -1;
	size_t nbits = (size_t)1 << 20;
	while (nbits < 64 * (keys + 1))
		nbits <<= 1;
	kf_drop(kf);
	kf->bits = xcalloc(nbits / 64, sizeof *kf->bits);
	kf->mask = nbits - 1;
	int rc = SQLITE_DONE;
	for (int k = 0; k < 2 && rc == SQLITE_DONE; k++) {
		sqlite3_stmt *s = st->stmt[k ? S_KEYS_ARXIV : S_KEYS_TITLE];
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			kf_add(kf, k ? kf_arxiv(column_text(s, 0))
				     : (unsigned long long)sqlite3_column_int64(s, 0));
		sqlite3_reset(s);
	}
	if (rc != SQLITE_DONE) {
		kf_drop(kf);
		return db_fail(st, "cannot read paper keys");
	}
	kf->loaded = 1;
	return 0;
}

/* Is the paper certainly not stored?  Only inside a write transaction,
 * when no other connection can add papers. */
static int surely_new(struct store *st, const struct paper *p, const struct paper_keys *k,
		      int *failed)
{
	struct keyfilter *kf = &st->kf;
	*failed = 0;
	if (!st->in_tx)
		return 0;
	size_t keys = kf->n;
	if (!kf->loaded) {
		if (!kf->counted) {
			kf->stored = store_max_paper_id(st);
			kf->counted = 1;
		}
		if (kf->stored < 0) {
			*failed = 1;
			return 0;
		}
		/* with no papers stored, loading costs nothing */
		if (kf->stored > 0 && ++kf->lookups < KF_AFTER + (size_t)kf->stored / 16)
			return 0;
		keys = 2 * ((size_t)kf->stored + kf->lookups);
	}
	if ((!kf->loaded || 32 * kf->n > kf->mask + 1) && kf_load(st, keys)) {
		*failed = 1;
		return 0;
	}
	return !kf_maybe(kf, (unsigned long long)k->title_hash) &&
	       (!p->arxiv_id || !kf_maybe(kf, kf_arxiv(p->arxiv_id)));
}

/* Look a paper up by arXiv id, then by folded title.  Returns 1 and
 * fills *id, hash (when the abstract hash is known) and *fp (0 when
 * none) if found. */
static int find_paper(struct store *st, const struct paper *p, const struct paper_keys *k,
		      long *id, char hash[17], long long *fp)
{
	int rc = SQLITE_DONE, failed;
	hash[0] = '\0';
	*fp = 0;
	if (surely_new(st, p, k, &failed))
		return 0;
	if (failed || store_settle(st))
		return -1;
	for (int pass = 0; pass < 2 && rc == SQLITE_DONE; pass++) {
		sqlite3_stmt *s;
		if (pass == 0) {
			if (!p->arxiv_id)
				continue;
			s = st->stmt[S_PAPER_BY_ARXIV];
			bind_text(s, 1, p->arxiv_id);
		} else {
			s = st->stmt[S_PAPER_BY_TITLE];
			bind_text(s, 1, k->title_key);
			bind_text(s, 2, p->arxiv_id);
			sqlite3_bind_int64(s, 3, k->title_hash);
		}
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_NULL)
			rc = SQLITE_DONE; /* the aggregate's row when none matched */
		if (rc == SQLITE_ROW) {
			*id = (long)sqlite3_column_int64(s, 0);
			const char *h = column_text(s, 1);
			if (h)
				snprintf(hash, 17, "%s", h);
			*fp = (long long)sqlite3_column_int64(s, 2);
		}
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, "cannot look up paper");
	return rc == SQLITE_ROW;
}

/* Insert the n rows of a queue of papers, claims or derived values: with
 * statement many (max rows) when the queue is full, else one at a time
 * with statement one.  bind(st, s, slot, r) binds queued row r as row
 * slot of s.  Papers and claims were given the ids first.. in their order
 * when queued, which SQLite must have given them (checked on the last
 * row of a statement: the ids of one statement's rows follow each
 * other); derived values carry their claims' ids (first 0: no check). */
static int rows_insert(struct store *st, size_t n, size_t max, sqlite3_stmt *many,
		       sqlite3_stmt *one,
		       void (*bind)(struct store *, sqlite3_stmt *, size_t, size_t),
		       long first, const char *what)
{
	for (size_t r = 0; r < n;) {
		sqlite3_stmt *s = n == max ? many : one;
		size_t rows = n == max ? n : 1;
		for (size_t slot = 0; slot < rows; slot++)
			bind(st, s, slot, r + slot);
		r += rows;
		if (step_bound(st, s, what))
			return -1;
		long got = (long)sqlite3_last_insert_rowid(st->db);
		if (first && got != first + (long)r - 1)
			BUG("%s: row stored as %ld, expected %ld", what, got, first + (long)r - 1);
	}
	return 0;
}

/* Parameters 2..10 of the paper insert and update, from ?(base + 2):
 * what a record says of its paper. */
static void bind_paper_fields(sqlite3_stmt *s, int base, const struct paper *p,
			      const struct paper_keys *k, long long fp, long source_id)
{
	bind_text(s, base + 2, p->title);
	bind_text(s, base + 3, p->arxiv_id);
	bind_text(s, base + 4, p->url);
	bind_text(s, base + 5, p->date);
	if (p->abstract) /* its length is known: SQLite need not measure it */
		sqlite3_bind_text(s, base + 6, p->abstract, (int)k->abstract_len, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, base + 6);
	bind_text(s, base + 7, k->hash[0] ? k->hash : NULL);
	sqlite3_bind_int64(s, base + 8, source_id);
	sqlite3_bind_int64(s, base + 9, p->source_line);
	sqlite3_bind_int64(s, base + 10, fp);
}

/* A new paper's row, from ?(base + 1). */
static void bind_paper_row(sqlite3_stmt *s, int base, const struct pending_paper *q)
{
	bind_text(s, base + 1, q->k->key);
	bind_paper_fields(s, base, q->p, q->k, q->fp, q->source_id);
	bind_text(s, base + 11, q->k->title_key);
	sqlite3_bind_int64(s, base + 12, q->k->title_hash);
}

/* Queued paper r as row slot of statement s (see rows_insert). */
static void bind_queued_paper(struct store *st, sqlite3_stmt *s, size_t slot, size_t r)
{
	bind_paper_row(s, (int)slot * PAPER_PARAMS, &st->papers[r]);
}

/* Insert the queued papers, as claims_insert() does claims. */
static int papers_insert(struct store *st)
{
	size_t n = st->n_papers;
	st->n_papers = 0;
	return rows_insert(st, n, PAPER_ROWS, st->paper_rows, st->stmt[S_PAPER_INS],
			   bind_queued_paper, st->next_paper_id - (long)n, "cannot store papers");
}

/* A paper's keys into the filter, when it is loaded. */
static void kf_add_paper(struct store *st, const struct paper *p, const struct paper_keys *k)
{
	if (!st->kf.loaded)
		return;
	kf_add(&st->kf, (unsigned long long)k->title_hash);
	if (p->arxiv_id)
		kf_add(&st->kf, kf_arxiv(p->arxiv_id));
}

/* store_write_paper; a new paper is queued when queue is set (see
 * store_queue_paper), else inserted at once. */
static int write_paper(struct store *st, struct paper *p, const struct paper_keys *k,
		       long long fp, long source_id, struct paper_write *w, int queue)
{
	char old[17];
	long id = 0;
	memset(w, 0, sizeof *w);
	int found = find_paper(st, p, k, &id, old, &w->old_fingerprint);
	if (found < 0)
		return -1;
	const char *h = k->hash[0] ? k->hash : NULL;
	w->inserted = !found;
	w->abstract_changed = h && (!found || strcmp(old, h));
	if (!found) {
		/* Papers are never deleted, so the next id is one more than
		 * the largest, stored or queued. */
		if (!st->next_paper_id) {
			long max = store_max_paper_id(st);
			if (max < 0)
				return -1;
			st->next_paper_id = max + 1;
		}
		p->id = st->next_paper_id++;
		st->papers[st->n_papers++] = (struct pending_paper){ p, k, fp, source_id };
		kf_add_paper(st, p, k);
		if ((st->n_papers == PAPER_ROWS || !queue) && store_settle(st))
			return -1;
		return 0;
	}
	p->id = id;
	sqlite3_stmt *s = st->stmt[S_PAPER_UPD];
	sqlite3_bind_int64(s, 1, p->id);
	bind_paper_fields(s, 0, p, k, fp, source_id);
	if (step_bound(st, s, "cannot store paper"))
		return -1;
	w->rewritten = sqlite3_changes(st->db) > 0;
	kf_add_paper(st, p, k); /* it may have gained an arXiv id */
	return 0;
}

int store_write_paper(struct store *st, struct paper *p, const struct paper_keys *k,
		      long long fp, long source_id, struct paper_write *w)
{
	return write_paper(st, p, k, fp, source_id, w, 0);
}

int store_queue_paper(struct store *st, struct paper *p, const struct paper_keys *k,
		      long long fp, long source_id, struct paper_write *w)
{
	return write_paper(st, p, k, fp, source_id, w, 1);
}

int store_put_paper(struct store *st, struct paper *p, long source_id,
		    int *abstract_changed)
{
	struct paper_keys k;
	struct paper_write w;
	paper_keys_compute(&k, p);
	int rc = store_write_paper(st, p, &k, paper_fingerprint(p), source_id, &w);
	paper_keys_release(&k);
	*abstract_changed = !rc && w.abstract_changed;
	return rc;
}

int store_paper_fingerprints(struct store *st, long long **out, size_t *n)
{
	sqlite3_stmt *s = st->stmt[S_FINGERPRINTS];
	size_t alloc = 0;
	int rc;
	*out = NULL;
	*n = 0;
	if (store_settle(st))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == alloc) {
			alloc = alloc ? 2 * alloc : 1024;
			*out = xrealloc(*out, alloc * sizeof **out);
		}
		(*out)[(*n)++] = (long long)sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(st, "cannot read paper fingerprints");
	}
	sort_i64(*out, *n);
	return 0;
}

long store_max_paper_id(struct store *st)
{
	sqlite3_stmt *s = st->stmt[S_PAPER_MAX];
	long id = -1;
	if (store_settle(st))
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		id = (long)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (id < 0)
		db_fail(st, "cannot count papers");
	return id;
}

int store_forget_extracted(struct store *st, long paper_id)
{
	return forget_claims(st, S_FORGET_EXTRACTED_DERIV, S_FORGET_EXTRACTED, paper_id,
			     "cannot remove old extracted claims");
}

static void bind_claim_row(struct claim_slot *k, const struct pending_claim *p)
{
	static const char baseline[] = "baseline";
	const struct claim *c = p->c;
	sqlite3_stmt *s = k->s;
	int b = k->base;
	sqlite3_bind_int64(s, b + 1, p->paper_id);
	bind_claim_text(k, 2, origin_name(c->origin), 1);
	bind_claim_text(k, 3, c->origin == ORIGIN_CURATED ? curation_name(c->curation) : NULL, 1);
	bind_claim_text(k, 4, quantity_name(c->quantity), 1);
	sqlite3_bind_double(s, b + 5, c->value);
	if (claim_param_null(k, 6, c->has_max))
		sqlite3_bind_double(s, b + 6, c->value_max);
	bind_claim_text(k, 7, c->unit, 0);
	bind_claim_text(k, 8, qualifier_name(c->qualifier), 1);
	bind_claim_text(k, 9, c->dimension, 0);
	bind_claim_text(k, 10, c->hardware, 0);
	bind_claim_text(k, 11, c->metric, 0);
	bind_claim_text(k, 12, c->dataset, 0);
	bind_claim_text(k, 13, c->subject_baseline ? baseline : NULL, 1);
	bind_claim_text(k, 14, c->baseline, 0);
	bind_claim_text(k, 15, c->raw ? c->raw : (c->span ? c->span : ""), 0);
	bind_claim_text(k, 16, c->span, 0);
	if (claim_param_null(k, 17, c->span_start >= 0))
		sqlite3_bind_int64(s, b + 17, c->span_start);
	if (claim_param_null(k, 18, c->span_end >= 0))
		sqlite3_bind_int64(s, b + 18, c->span_end);
	bind_claim_text(k, 19, c->evidence, 0);
	bind_claim_text(k, 20, c->note, 0);
	sqlite3_bind_int64(s, b + 21, p->source_id);
	sqlite3_bind_int64(s, b + 22, c->source_line);
}

/* Queued claim r as row slot of statement s, whose parameters (and
 * what they hold) are the one-row insert's when s is not the multi-row
 * one. */
static void bind_queued_claim(struct store *st, sqlite3_stmt *s, size_t slot, size_t r)
{
	int many = s == st->claim_rows;
	struct claim_slot k = { s, st->claim_bound[many ? slot : CLAIM_ROWS],
				many ? (int)slot * CLAIM_PARAMS : 0 };
	bind_claim_row(&k, &st->pending[r]);
}

/* Insert the queued claims: all CLAIM_ROWS of them with one statement,
 * or one at a time.  SQLite's cost per statement run (opening the
 * table's and the index's cursors, finding the table's end, closing the
 * statement) was a fifth of a claim's insert.  SQLite numbers the rows
 * (one more than the largest id, as claim_next_id expects), which costs
 * less than checking given ids.  The queue is empty afterwards, even on
 * an error. */
static int claims_insert(struct store *st)
{
	size_t n = st->n_pending;
	st->n_pending = 0;
	return rows_insert(st, n, CLAIM_ROWS, st->claim_rows, st->stmt[S_CLAIM_INS],
			   bind_queued_claim, st->next_claim_id - (long)n, "cannot store claims");
}

static int derived_insert(struct store *st);

int store_settle(struct store *st)
{
	if (st->n_papers && papers_insert(st))
		return -1;
	if (st->n_pending && claims_insert(st))
		return -1;
	return st->n_derived ? derived_insert(st) : 0;
}

/* The id the next claim stored gets: SQLite's own choice (one more than
 * the largest id), known ahead so that a claim's id is known while it
 * waits in the queue. */
static int claim_next_id(struct store *st, long *id)
{
	if (!st->next_claim_id) {
		sqlite3_stmt *s = st->stmt[S_CLAIM_MAX];
		int rc = sqlite3_step(s);
		long max = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
		sqlite3_reset(s);
		if (max < 0)
			return db_fail(st, "cannot count claims");
		st->next_claim_id = max + 1;
	}
	*id = st->next_claim_id++;
	return 0;
}

int store_queue_claim(struct store *st, long paper_id, const struct claim *c, long source_id,
		      long *claim_id)
{
	long id;
	if (claim_next_id(st, &id))
		return -1;
	st->pending[st->n_pending++] = (struct pending_claim){ c, paper_id, source_id };
	if (claim_id)
		*claim_id = id;
	if (st->n_pending == CLAIM_ROWS && claims_insert(st))
		return -1;
	return c->origin == ORIGIN_CURATED ? range_add(st, source_id, id) : 0;
}

int store_add_claim(struct store *st, long paper_id, const struct claim *c,
		    long source_id, long *claim_id)
{
	if (store_queue_claim(st, paper_id, c, source_id, claim_id))
		return -1;
	return store_settle(st);
}

int store_touch(struct store *st, long paper_id, int extracting, int *extracted_before)
{
	sqlite3_stmt *s;
	if (extracted_before) {
		s = st->stmt[S_TOUCHED_GET];
		sqlite3_bind_int64(s, 1, paper_id);
		int rc = sqlite3_step(s);
		*extracted_before = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(st, "cannot look up paper mark");
	}
	s = st->stmt[S_TOUCH];
	sqlite3_bind_int64(s, 1, paper_id);
	sqlite3_bind_int(s, 2, extracting);
	return step_done(st, s, "cannot mark paper");
}

int store_has_extracted(struct store *st, long paper_id, const struct claim *c)
{
	sqlite3_stmt *s = st->stmt[S_HAS_EXTRACTED];
	if (store_settle(st))
		return -1;
	sqlite3_bind_int64(s, 1, paper_id);
	bind_text(s, 2, quantity_name(c->quantity));
	sqlite3_bind_double(s, 3, c->value);
	bind_text(s, 4, c->dimension);
	bind_text(s, 5, c->subject_baseline ? "baseline" : NULL);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, "cannot look up claim");
	return rc == SQLITE_ROW;
}

int store_touch_source(struct store *st, long source_id)
{
	sqlite3_stmt *s = st->stmt[S_TOUCH_SOURCE];
	if (store_settle(st) || range_write(st))
		return -1;
	sqlite3_bind_int64(s, 1, source_id);
	return step_done(st, s, "cannot mark papers");
}

struct deriv_order {
	long claim_id;
	size_t at;
};

static int cmp_deriv_order(const void *a, const void *b)
{
	const struct deriv_order *x = a, *y = b;
	if (x->claim_id != y->claim_id)
		return x->claim_id < y->claim_id ? -1 : 1;
	return (x->at > y->at) - (x->at < y->at);
}

/* Append one claim's derived values as the JSON array derived.data
 * holds: d[o[k].at] for k from..to-1. */
static void derived_array(struct strbuf *out, const struct derivation *d,
			  const struct deriv_order *o, size_t from, size_t to)
{
	sb_addc(out, '[');
	for (size_t k = from; k < to; k++) {
		if (k > from)
			sb_addc(out, ',');
		derivation_json(out, &d[o[k].at]);
	}
	sb_addc(out, ']');
}

/* Insert the queued rows of derived: all DERIV_ROWS of them with one
 * statement, or one at a time (see claims_insert).  The queue is empty
 * afterwards, even on an error. */
/* Queued row r of derived as row slot of statement s (see rows_insert). */
static void bind_queued_derived(struct store *st, sqlite3_stmt *s, size_t slot, size_t r)
{
	const char *js = st->deriv_json.buf + st->deriv_off[r];
	size_t len = st->deriv_off[r + 1] - st->deriv_off[r];
	sqlite3_bind_int64(s, 2 * (int)slot + 1, st->deriv_claim[r]);
	sqlite3_bind_text(s, 2 * (int)slot + 2, js, (int)len, SQLITE_STATIC);
}

static int derived_insert(struct store *st)
{
	size_t n = st->n_derived;
	st->n_derived = 0;
	return rows_insert(st, n, DERIV_ROWS, st->deriv_rows, st->stmt[S_DERIV_INS],
			   bind_queued_derived, 0, "cannot store derived values");
}

/* Queue a row of derived for claim_id: returns the buffer its JSON is
 * to be appended to, then derived_queued() takes it. */
static struct strbuf *derived_slot(struct store *st, long claim_id)
{
	if (!st->n_derived)
		sb_reset(&st->deriv_json);
	st->deriv_off[st->n_derived] = st->deriv_json.len;
	st->deriv_claim[st->n_derived] = claim_id;
	return &st->deriv_json;
}

static int derived_queued(struct store *st)
{
	st->deriv_off[++st->n_derived] = st->deriv_json.len;
	return st->n_derived == DERIV_ROWS ? derived_insert(st) : 0;
}

/* One row of derived per claim, its values in the order given: a
 * paper's values come claim by claim, then those that pair claims (6ND
 * on the parameter claim, implied figures on the ratio), so a claim's
 * are gathered first. */
static int insert_derivations(struct store *st, const struct derivation *d, size_t n)
{
	if (!n)
		return 0;
	if (n > st->deriv_alloc) {
		st->deriv_alloc = 2 * n;
		st->deriv_order = xrealloc(st->deriv_order,
					   st->deriv_alloc * sizeof *st->deriv_order);
	}
	struct deriv_order *o = st->deriv_order;
	int sorted = 1;
	for (size_t i = 0; i < n; i++) {
		o[i] = (struct deriv_order){ d[i].claim_id, i };
		if (i && d[i].claim_id < d[i - 1].claim_id)
			sorted = 0;
	}
	if (!sorted)
		qsort(o, n, sizeof *o, cmp_deriv_order);
	for (size_t i = 0; i < n;) {
		size_t end = i + 1;
		while (end < n && o[end].claim_id == o[i].claim_id)
			end++;
		derived_array(derived_slot(st, o[i].claim_id), d, o, i, end);
		if (derived_queued(st))
			return -1;
		i = end;
	}
	return 0;
}

void store_derived_json(struct strbuf *out, size_t *off, size_t m,
			const struct derivation *d, size_t n)
{
	/* each claim's values in their order: a counting sort by claim */
	size_t *count = xcalloc(m + 2, sizeof *count);
	struct deriv_order *order = xmalloc((n + 1) * sizeof *order);
	for (size_t i = 0; i < n; i++) {
		if (d[i].claim_id < 1 || (size_t)d[i].claim_id > m)
			BUG("derived value of claim %ld, not 1..%zu", d[i].claim_id, m);
		count[d[i].claim_id + 1]++;
	}
	for (size_t t = 1; t <= m + 1; t++)
		count[t] += count[t - 1];
	for (size_t i = 0; i < n; i++)
		order[count[d[i].claim_id]++] = (struct deriv_order){ d[i].claim_id, i };
	/* count[t] is now where claim t's values end in order, and claim
	 * t + 1's begin */
	for (size_t t = 0; t < m; t++) {
		off[t] = out->len;
		if (count[t] < count[t + 1])
			derived_array(out, d, order, count[t], count[t + 1]);
	}
	off[m] = out->len;
	free(count);
	free(order);
}

int store_add_derived_json(struct store *st, long claim_id, const char *json, size_t len)
{
	sb_add(derived_slot(st, claim_id), json, len);
	return derived_queued(st);
}

int store_add_derivations(struct store *st, const struct derivation *d, size_t n)
{
	return insert_derivations(st, d, n);
}

int store_replace_paper_derivations(struct store *st, long paper_id,
				    const struct derivation *d, size_t n)
{
	sqlite3_stmt *q = st->stmt[S_PAPER_CLAIMS], *del = st->stmt[S_DERIV_DEL_PAPER];
	int rc;
	if (store_settle(st))
		return -1;
	sqlite3_bind_int64(q, 1, paper_id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		sqlite3_bind_int64(del, 1, sqlite3_column_int64(q, 0));
		if (step_done(st, del, "cannot remove derived values")) {
			sqlite3_reset(q);
			return -1;
		}
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return db_fail(st, "cannot read claims");
	return insert_derivations(st, d, n);
}

static void bind_positive(sqlite3_stmt *s, int i, double v)
{
	if (v > 0)
		sqlite3_bind_double(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

int store_put_accelerators(struct store *st, const struct accelerator *a,
			   size_t n)
{
	if (exec(st, "DELETE FROM accelerator"))
		return -1;
	sqlite3_stmt *s = st->stmt[S_ACCEL_INS];
	for (size_t i = 0; i < n; i++) {
		bind_text(s, 1, a[i].name);
		bind_text(s, 2, a[i].aliases ? a[i].aliases : "");
		bind_positive(s, 3, a[i].peak_flops / 1e12);
		bind_positive(s, 4, a[i].peak_fp32 / 1e12);
		bind_positive(s, 5, a[i].power_w);
		bind_long_or_null(s, 6, a[i].year, a[i].year > 0);
		bind_positive(s, 7, a[i].price_usd_h);
		bind_text(s, 8, a[i].price_date);
		bind_text(s, 9, a[i].source ? a[i].source : "");
		bind_text(s, 10, a[i].date);
		if (step_done(st, s, "cannot store accelerator"))
			return -1;
	}
	return 0;
}

int store_put_assumptions(struct store *st, const struct assumption *a,
			  size_t n)
{
	if (exec(st, "DELETE FROM assumption"))
		return -1;
	sqlite3_stmt *s = st->stmt[S_ASSUME_INS];
	for (size_t i = 0; i < n; i++) {
		bind_text(s, 1, a[i].name);
		bind_text(s, 2, a[i].value);
		bind_text(s, 3, a[i].source ? a[i].source : "");
		bind_text(s, 4, a[i].date);
		if (step_done(st, s, "cannot store assumption"))
			return -1;
	}
	return 0;
}

int store_put_price_index(struct store *st, const struct price_index *p, size_t n)
{
	if (exec(st, "DELETE FROM price_index"))
		return -1;
	sqlite3_stmt *s = st->stmt[S_CPI_INS];
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int(s, 1, p[i].year);
		sqlite3_bind_double(s, 2, p[i].cpi);
		bind_text(s, 3, p[i].date ? p[i].date : "");
		bind_text(s, 4, p[i].source ? p[i].source : "");
		if (step_done(st, s, "cannot store price index"))
			return -1;
	}
	return 0;
}

int store_put_currencies(struct store *st, const struct currency *c, size_t n)
{
	if (exec(st, "DELETE FROM currency"))
		return -1;
	sqlite3_stmt *s = st->stmt[S_CURRENCY_INS];
	for (size_t i = 0; i < n; i++) {
		bind_text(s, 1, c[i].code);
		bind_text(s, 2, c[i].name);
		bind_text(s, 3, c[i].symbols);
		sqlite3_bind_int(s, 4, c[i].year);
		sqlite3_bind_double(s, 5, c[i].per_usd);
		bind_text(s, 6, c[i].date ? c[i].date : "");
		bind_text(s, 7, c[i].source ? c[i].source : "");
		if (step_done(st, s, "cannot store currency"))
			return -1;
	}
	return 0;
}

/* ---- loading for reports ---- */

/* Run a query and call row() for each result row. */
/* Run sql (with *v bound to ?1 when v is not NULL), calling row for
 * every row. */
static int each_row_of(struct store *st, const char *sql, const long *v,
		       void (*row)(sqlite3_stmt *, void *), void *ctx)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "cannot prepare query");
	if (v)
		sqlite3_bind_int64(s, 1, *v);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		row(s, ctx);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : db_fail(st, "cannot read");
}

static int each_row(struct store *st, const char *sql,
		    void (*row)(sqlite3_stmt *, void *), void *ctx)
{
	return each_row_of(st, sql, NULL, row, ctx);
}

/* The first column of the first row of sql into *v (left as it is when
 * there is no row). */
static int scalar(struct store *st, const char *sql, long long *v)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "cannot prepare query");
	if (sqlite3_step(s) == SQLITE_ROW)
		*v = (long long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return 0;
}

/* Claims superseded by a curated decision, into ds->n_inactive. */
static int count_inactive(struct store *st, struct dataset *ds)
{
	long long n = (long long)ds->n_inactive;
	if (scalar(st, "SELECT count(*) FROM claim_status WHERE status = 'superseded'", &n))
		return -1;
	ds->n_inactive = (size_t)n;
	return 0;
}

/* Grow a dataset array by one element, zeroed. */
#define PUSH(arr, n) (arr = xrealloc(arr, (n + 1) * sizeof *arr), \
		      memset(&arr[n], 0, sizeof *arr), &arr[n++])

static void paper_row(sqlite3_stmt *s, void *ctx)
{
	struct dataset *ds = ctx;
	struct paper *p = PUSH(ds->papers, ds->n_papers);
	paper_init(p);
	p->id = (long)sqlite3_column_int64(s, 0);
	p->title = column_dup(s, 1);
	p->arxiv_id = column_dup(s, 2);
	p->url = column_dup(s, 3);
	p->date = column_dup(s, 4);
	p->abstract = column_dup(s, 5);
	p->source_file = column_dup(s, 6);
	p->source_line = (long)sqlite3_column_int64(s, 7);
}

/* Binary search of a paper by id in the id-sorted index. */
struct paper_index {
	long id;
	size_t at;
};

static int cmp_index(const void *a, const void *b)
{
	long x = ((const struct paper_index *)a)->id;
	long y = ((const struct paper_index *)b)->id;
	return (x > y) - (x < y);
}

struct claim_load {
	struct dataset *ds;
	struct paper_index *index;
	size_t alloc;              /* room in ds->claims */
};

static int parse_enum_column(sqlite3_stmt *s, int i, int (*parse)(const char *, int *))
{
	const char *t = column_text(s, i);
	int v = 0;
	if (t)
		parse(t, &v);
	return v;
}

static int parse_quantity(const char *t, int *v)
{
	enum quantity q;
	int rc = quantity_parse(t, &q);
	*v = (int)q;
	return rc;
}

static int parse_qualifier(const char *t, int *v)
{
	enum qualifier q;
	int rc = qualifier_parse(t, &q);
	*v = (int)q;
	return rc;
}

static int parse_curation(const char *t, int *v)
{
	enum curation c;
	int rc = curation_parse(t, &c);
	*v = (int)c;
	return rc;
}

/* Fill c from columns origin..source_line of the claim queries below
 * (column 2 onwards; columns 0 and 1 are the claim and paper ids), all
 * but column 21, where the source is named. */
static void fill_claim_fields(sqlite3_stmt *s, struct claim *c, struct arena *a)
{
	claim_init(c);
	c->origin = str_eq(column_text(s, 2), "curated") ? ORIGIN_CURATED : ORIGIN_EXTRACTED;
	c->curation = (enum curation)parse_enum_column(s, 3, parse_curation);
	c->quantity = (enum quantity)parse_enum_column(s, 4, parse_quantity);
	c->value = sqlite3_column_double(s, 5);
	c->has_max = sqlite3_column_type(s, 6) != SQLITE_NULL;
	c->value_max = c->has_max ? sqlite3_column_double(s, 6) : 0;
	c->unit = column_copy(s, 7, a);
	c->qualifier = (enum qualifier)parse_enum_column(s, 8, parse_qualifier);
	c->dimension = column_copy(s, 9, a);
	c->hardware = column_copy(s, 10, a);
	c->metric = column_copy(s, 11, a);
	c->dataset = column_copy(s, 12, a);
	c->subject_baseline = str_eq(column_text(s, 13), "baseline");
	c->baseline = column_copy(s, 14, a);
	c->raw = column_copy(s, 15, a);
	c->span = column_copy(s, 16, a);
	c->span_start = sqlite3_column_type(s, 17) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(s, 17);
	c->span_end = sqlite3_column_type(s, 18) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(s, 18);
	c->evidence = column_copy(s, 19, a);
	c->note = column_copy(s, 20, a);
	c->source_line = (long)sqlite3_column_int64(s, 22);
}

/* The same, with the source's path in column 21. */
static void fill_claim(sqlite3_stmt *s, struct claim *c)
{
	fill_claim_fields(s, c, NULL);
	c->source_file = column_dup(s, 21);
}

#define CLAIM_COLUMNS "r.id, r.paper_id, r.origin, r.curation, r.quantity, " \
	"r.value, r.value_max, r.unit, r.qualifier, r.dimension, " \
	"r.hardware, r.metric, r.dataset, r.subject, r.baseline, r.raw, " \
	"r.span, r.span_start, r.span_end, r.evidence, r.note, " \
	"r.source_file, r.source_line"

static void claim_row(sqlite3_stmt *s, void *ctx)
{
	struct claim_load *cl = ctx;
	struct dataset *ds = cl->ds;
	struct paper_index key = { (long)sqlite3_column_int64(s, 1), 0 };
	struct paper_index *hit = NULL;
	if (cl->index) {
		hit = bsearch(&key, cl->index, ds->n_papers, sizeof *cl->index, cmp_index);
		if (!hit)
			BUG("claim %lld of unknown paper", (long long)sqlite3_column_int64(s, 0));
	}
	/* doubling: half a million claims grown one at a time cost a
	 * system call (mremap) each */
	if (ds->n_claims == cl->alloc) {
		cl->alloc = cl->alloc ? 2 * cl->alloc : 1024;
		ds->claims = xrealloc(ds->claims, cl->alloc * sizeof *ds->claims);
	}
	struct stored_claim *sc = &ds->claims[ds->n_claims++];
	memset(sc, 0, sizeof *sc);
	sc->id = (long)sqlite3_column_int64(s, 0);
	/* without an index yet: the paper's id, placed later */
	sc->paper = hit ? hit->at : (size_t)key.id;
	fill_claim(s, &sc->claim);
}

/* One paper and its active claims at a time, for store_each_paper. */
struct paper_batch {
	struct paper paper;
	struct stored_claim *claims;
	size_t n, alloc;
};

static void batch_clear(struct paper_batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		claim_release(&b->claims[i].claim);
	b->n = 0;
	paper_release(&b->paper);
}

int store_each_paper(struct store *st, int touched_only, long upto,
		     int (*fn)(void *ctx, struct paper *p,
			       struct stored_claim *claims, size_t n),
		     void *ctx)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *s;
	struct paper_batch b;
	int rc, status = 0;
	if (store_settle(st))
		return -1;
	memset(&b, 0, sizeof b);
	sb_adds(&sql, "SELECT " CLAIM_COLUMNS ", p.title, p.arxiv_id, p.url, p.date "
		      "FROM report_claim r JOIN paper p ON p.id = r.paper_id "
		      "WHERE r.status = 'active'");
	if (touched_only)
		sb_adds(&sql, " AND (r.paper_id <= ?1 OR r.paper_id IN "
			"(SELECT paper_id FROM temp.touched))");
	sb_adds(&sql, " ORDER BY r.paper_id, r.span_start IS NULL, r.span_start, r.id");
	if (sqlite3_prepare_v2(st->db, sql.buf, -1, &s, NULL) != SQLITE_OK) {
		sb_release(&sql);
		return db_fail(st, "cannot prepare query");
	}
	sb_release(&sql);
	if (touched_only)
		sqlite3_bind_int64(s, 1, upto);
	while (!status && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		long pid = (long)sqlite3_column_int64(s, 1);
		if (b.n && b.paper.id != pid) {
			status = fn(ctx, &b.paper, b.claims, b.n);
			batch_clear(&b);
		}
		if (!b.n) {
			b.paper.id = pid;
			b.paper.title = column_dup(s, 23);
			b.paper.arxiv_id = column_dup(s, 24);
			b.paper.url = column_dup(s, 25);
			b.paper.date = column_dup(s, 26);
		}
		if (b.n == b.alloc) {
			b.alloc = b.alloc ? 2 * b.alloc : 16;
			b.claims = xrealloc(b.claims, b.alloc * sizeof *b.claims);
		}
		struct stored_claim *sc = &b.claims[b.n++];
		memset(sc, 0, sizeof *sc);
		sc->id = (long)sqlite3_column_int64(s, 0);
		fill_claim(s, &sc->claim);
	}
	if (!status && rc != SQLITE_DONE)
		status = db_fail(st, "cannot read claims");
	if (!status && b.n)
		status = fn(ctx, &b.paper, b.claims, b.n);
	batch_clear(&b);
	free(b.claims);
	sqlite3_finalize(s);
	return status;
}

static void accelerator_row(sqlite3_stmt *s, void *ctx)
{
	struct dataset *ds = ctx;
	struct accelerator *a = PUSH(ds->accelerators, ds->n_accelerators);
	a->name = column_dup(s, 0);
	a->aliases = column_dup(s, 1);
	a->peak_flops = sqlite3_column_double(s, 2) * 1e12;
	a->peak_fp32 = sqlite3_column_double(s, 3) * 1e12;
	a->power_w = sqlite3_column_double(s, 4);
	a->year = sqlite3_column_int(s, 5);
	a->price_usd_h = sqlite3_column_double(s, 6);
	a->price_date = column_dup(s, 7);
	a->source = column_dup(s, 8);
	a->date = column_dup(s, 9);
}

static void assumption_row(sqlite3_stmt *s, void *ctx)
{
	struct dataset *ds = ctx;
	struct assumption *a = PUSH(ds->assumptions, ds->n_assumptions);
	a->name = column_dup(s, 0);
	a->value = column_dup(s, 1);
	a->source = column_dup(s, 2);
	a->date = column_dup(s, 3);
}

static void price_index_row(sqlite3_stmt *s, void *ctx)
{
	struct dataset *ds = ctx;
	struct price_index *p = PUSH(ds->price_index, ds->n_price_index);
	p->year = sqlite3_column_int(s, 0);
	p->cpi = sqlite3_column_double(s, 1);
	p->date = column_dup(s, 2);
	p->source = column_dup(s, 3);
}

static void currency_row(sqlite3_stmt *s, void *ctx)
{
	struct dataset *ds = ctx;
	struct currency *c = PUSH(ds->currencies, ds->n_currencies);
	c->code = column_dup(s, 0);
	c->name = column_dup(s, 1);
	c->symbols = column_dup(s, 2);
	c->year = sqlite3_column_int(s, 3);
	c->per_usd = sqlite3_column_double(s, 4);
	c->date = column_dup(s, 5);
	c->source = column_dup(s, 6);
}

int store_load(struct store *st, struct dataset *ds)
{
	if (store_settle(st) || count_inactive(st, ds))
		return -1;
	/* Ordering makes every report deterministic: papers by folded title
	 * then key, claims by paper, then position in the abstract (curated
	 * claims without a position last), then id. */
	if (each_row(st, "SELECT id, title, arxiv_id, url, date, abstract, "
			 "source_file, source_line FROM report_paper "
			 "ORDER BY lower(title), key", paper_row, ds))
		return -1;
	struct claim_load cl = { ds, xcalloc(ds->n_papers + 1, sizeof *cl.index), 0 };
	for (size_t i = 0; i < ds->n_papers; i++) {
		cl.index[i].id = ds->papers[i].id;
		cl.index[i].at = i;
	}
	qsort(cl.index, ds->n_papers, sizeof *cl.index, cmp_index);
	int rc = each_row(st,
		"SELECT " CLAIM_COLUMNS " FROM report_claim r "
		"JOIN paper p ON p.id = r.paper_id WHERE r.status = 'active' "
		"ORDER BY lower(p.title), p.key, r.span_start IS NULL, "
		"r.span_start, r.id", claim_row, &cl);
	free(cl.index);
	if (rc)
		return -1;
	/* The stored derived values are not read: every reader derives
	 * them again under its own assumptions (normalize_derive). */
	if (each_row(st, "SELECT name, aliases, peak_fp16_tflops, "
			 "peak_fp32_tflops, power_w, year, price_usd_per_hour, "
			 "price_date, source, date FROM accelerator ORDER BY name",
		     accelerator_row, ds))
		return -1;
	if (each_row(st, "SELECT year, cpi_u, date, source FROM price_index "
			 "ORDER BY year", price_index_row, ds) ||
	    each_row(st, "SELECT code, name, symbols, year, units_per_usd, date, "
			 "source FROM currency ORDER BY code, year", currency_row, ds))
		return -1;
	return each_row(st, "SELECT name, value, source, date FROM assumption "
			    "ORDER BY name", assumption_row, ds);
}

long store_count(struct store *st, const char *table)
{
	static const char *const allowed[] = { "source", "paper", "claim",
					       "derivation", "accelerator",
					       "assumption", "price_index",
					       "currency" };
	if (store_settle(st))
		return -1;
	for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++) {
		if (strcmp(table, allowed[i]))
			continue;
		struct strbuf sql = STRBUF_INIT;
		sb_addf(&sql, "SELECT count(*) FROM %s", allowed[i]);
		sqlite3_stmt *s;
		long n = -1;
		if (sqlite3_prepare_v2(st->db, sql.buf, -1, &s, NULL) == SQLITE_OK) {
			if (sqlite3_step(s) == SQLITE_ROW)
				n = (long)sqlite3_column_int64(s, 0);
			sqlite3_finalize(s);
		}
		sb_release(&sql);
		return n;
	}
	BUG("store_count of unknown table '%s'", table);
}

/* ---- Loading for a report --------------------------------------------- */

/* What store_load reads, with the sorting done in memory: SQLite would
 * sort every paper with its abstract and every claim with all its
 * columns by title, which is most of the time of a load.  Only the order
 * is computed by a query (of ids); rows are read in table order and put
 * in place. */
struct paper_place {
	struct dataset *ds;
	struct arena *arena;       /* where the strings go */
	struct paper_index *rank; /* by id: position in the dataset */
	size_t n;
};

static void paper_rank_row(sqlite3_stmt *s, void *ctx)
{
	struct paper_place *pp = ctx;
	struct paper_index *r = PUSH(pp->rank, pp->n);
	r->id = (long)sqlite3_column_int64(s, 0);
	r->at = pp->n - 1;
}

static void paper_place_row(sqlite3_stmt *s, void *ctx)
{
	struct paper_place *pp = ctx;
	struct paper_index key = { (long)sqlite3_column_int64(s, 0), 0 };
	struct paper_index *hit = bsearch(&key, pp->rank, pp->n, sizeof *pp->rank,
					  cmp_index);
	if (!hit)
		BUG("paper %ld missing from the order", key.id);
	struct paper *p = &pp->ds->papers[hit->at];
	paper_init(p);
	p->id = key.id;
	p->title = column_copy(s, 1, pp->arena);
	p->arxiv_id = column_copy(s, 2, pp->arena);
	p->url = column_copy(s, 3, pp->arena);
	p->date = column_copy(s, 4, pp->arena);
	p->abstract = column_copy(s, 5, pp->arena);
	p->source_file = column_copy(s, 6, pp->arena);
	p->source_line = (long)sqlite3_column_int64(s, 7);
}

static int load_report_papers(struct store *st, struct dataset *ds,
			      struct arena *arena, struct paper_index **by_id)
{
	struct paper_place pp = { ds, arena, NULL, 0 };
	if (each_row(st, "SELECT id FROM report_paper ORDER BY lower(title), key",
		     paper_rank_row, &pp))
		goto fail;
	ds->papers = xcalloc(pp.n ? pp.n : 1, sizeof *ds->papers);
	ds->n_papers = pp.n;
	if (pp.n)
		qsort(pp.rank, pp.n, sizeof *pp.rank, cmp_index);
	if (each_row(st, "SELECT id, title, arxiv_id, url, date, abstract, "
			 "source_file, source_line FROM report_paper",
		     paper_place_row, &pp))
		goto fail;
	*by_id = pp.rank;
	return 0;
fail:
	free(pp.rank);
	return -1;
}

/* The order of store_load: paper, then position in the abstract (claims
 * without one last), then id. */
static int claim_order_cmp(const void *a, const void *b)
{
	const struct stored_claim *x = a, *y = b;
	if (x->paper != y->paper)
		return x->paper < y->paper ? -1 : 1;
	int xn = x->claim.span_start < 0, yn = y->claim.span_start < 0;
	if (xn != yn)
		return xn - yn;
	if (x->claim.span_start != y->claim.span_start)
		return x->claim.span_start < y->claim.span_start ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The paths of all sources, by id, so that each claim read from the
 * claim table names its file without a join. */
struct source_path {
	long id;
	char *path;
};

struct source_paths {
	struct source_path *v;
	size_t n;
	struct arena *arena;       /* the dataset's: claims share the paths */
};

static int cmp_source(const void *a, const void *b)
{
	long x = ((const struct source_path *)a)->id;
	long y = ((const struct source_path *)b)->id;
	return (x > y) - (x < y);
}

static void source_path_row(sqlite3_stmt *s, void *ctx)
{
	struct source_paths *sp = ctx;
	struct source_path *p = PUSH(sp->v, sp->n);
	p->id = (long)sqlite3_column_int64(s, 0);
	p->path = column_copy(s, 1, sp->arena);
}

/* Claims of the claim table, statuses not yet applied, into room counted
 * beforehand; the paper's id goes in the place of its position, as in
 * claim_row(). */
struct table_claims {
	struct stored_claim *v;
	size_t n, room;
	struct arena *arena;       /* where the strings go */
	const struct source_paths *sources;
	size_t last;               /* the source of the previous claim */
	int unknown_source;
	int too_many;              /* more rows than counted */
};

static void table_claim_row(sqlite3_stmt *s, void *ctx)
{
	struct table_claims *tc = ctx;
	if (tc->n == tc->room) {
		tc->too_many = 1;
		return;
	}
	struct stored_claim *sc = &tc->v[tc->n++];
	memset(sc, 0, sizeof *sc);
	sc->id = (long)sqlite3_column_int64(s, 0);
	sc->paper = (size_t)sqlite3_column_int64(s, 1);
	fill_claim_fields(s, &sc->claim, tc->arena);
	/* Claims come in id order, and a file's claims were stored
	 * together: the previous claim's source is nearly always this one's. */
	const struct source_paths *sp = tc->sources;
	struct source_path key = { (long)sqlite3_column_int64(s, 21), NULL };
	if (tc->last >= sp->n || sp->v[tc->last].id != key.id) {
		const struct source_path *hit =
			bsearch(&key, sp->v, sp->n, sizeof *sp->v, cmp_source);
		if (!hit) {
			tc->unknown_source = 1;
			return;
		}
		tc->last = (size_t)(hit - sp->v);
	}
	sc->claim.source_file = sp->v[tc->last].path;
}

/* What the view claim_status decides, for claims in memory: an extracted
 * claim is superseded when a curated claim of the same paper has the same
 * span, quantity and dimension (NULL spans match nothing, as in SQL); a
 * curated rejection is shown nowhere.  Both leave ds->claims, and the
 * superseded ones are counted in ds->n_inactive.  sc->paper still holds
 * the paper's id.  One hash table of the curated claims, instead of a
 * correlated query per extracted claim (most of a large load). */
static unsigned long long status_hash(const struct stored_claim *sc)
{
	const struct claim *c = &sc->claim;
	const char *dim = c->dimension ? c->dimension : "";
	unsigned long long h = XXH3_64bits_withSeed(c->span, strlen(c->span),
						    (unsigned long long)sc->paper * 31u +
						    (unsigned)c->quantity);
	return XXH3_64bits_withSeed(dim, strlen(dim), h);
}

static int status_same(const struct stored_claim *a, const struct stored_claim *b)
{
	const char *da = a->claim.dimension ? a->claim.dimension : "";
	const char *db = b->claim.dimension ? b->claim.dimension : "";
	return a->paper == b->paper && a->claim.quantity == b->claim.quantity &&
	       !strcmp(a->claim.span, b->claim.span) && !strcmp(da, db);
}

static void apply_statuses(struct dataset *ds)
{
	size_t curated = 0;
	for (size_t i = 0; i < ds->n_claims; i++)
		curated += ds->claims[i].claim.origin == ORIGIN_CURATED &&
			   ds->claims[i].claim.span;
	size_t size = 16;
	while (size < 2 * curated)
		size *= 2;
	size_t *slot = xcalloc(size, sizeof *slot); /* claim index + 1 */
	for (size_t i = 0; i < ds->n_claims; i++) {
		const struct stored_claim *sc = &ds->claims[i];
		if (sc->claim.origin != ORIGIN_CURATED || !sc->claim.span)
			continue;
		size_t at = (size_t)status_hash(sc) & (size - 1);
		while (slot[at])
			at = (at + 1) & (size - 1);
		slot[at] = i + 1;
	}
	size_t kept = 0;
	for (size_t i = 0; i < ds->n_claims; i++) {
		struct stored_claim *sc = &ds->claims[i];
		int drop = 0;
		if (sc->claim.origin == ORIGIN_CURATED) {
			drop = sc->claim.curation == CUR_REJECT;
		} else if (curated && sc->claim.span) {
			size_t at = (size_t)status_hash(sc) & (size - 1);
			for (; slot[at] && !drop; at = (at + 1) & (size - 1))
				drop = status_same(&ds->claims[slot[at] - 1], sc);
			ds->n_inactive += (size_t)drop;
		}
		if (drop && !ds->strings_in_arena)
			claim_release(&sc->claim);
		else if (!drop)
			ds->claims[kept++] = *sc;
	}
	ds->n_claims = kept;
	free(slot);
}

/* Put the claims in claim_order_cmp's order in linear time: a stable
 * counting sort by paper, then each paper's few claims sorted in place.
 * A comparison sort of the whole array moved every 200-byte claim about
 * twenty times. */
static void order_claims(struct dataset *ds)
{
	size_t n = ds->n_claims, np = ds->n_papers;
	size_t *end = xcalloc(np + 1, sizeof *end);
	for (size_t i = 0; i < n; i++)
		end[ds->claims[i].paper + 1]++;
	for (size_t p = 0; p < np; p++)
		end[p + 1] += end[p];
	struct stored_claim *out = xmalloc_huge((n ? n : 1) * sizeof *out);
	for (size_t i = 0; i < n; i++)
		out[end[ds->claims[i].paper]++] = ds->claims[i];
	/* end[p] is now where paper p's claims end */
	size_t from = 0;
	for (size_t p = 0; p < np; p++) {
		size_t to = end[p];
		for (size_t i = from + 1; i < to; i++) {
			struct stored_claim c = out[i];
			size_t j = i;
			for (; j > from && claim_order_cmp(&out[j - 1], &c) > 0; j--)
				out[j] = out[j - 1];
			out[j] = c;
		}
		from = to;
	}
	free(end);
	free(ds->claims);
	ds->claims = out;
}

#define TABLE_CLAIMS "SELECT id, paper_id, origin, curation, quantity, value, " \
	"value_max, unit, qualifier, dimension, hardware, metric, dataset, " \
	"subject, baseline, raw, span, span_start, span_end, evidence, note, " \
	"source_id, source_line FROM claim WHERE id "

/* The papers of a report, then the claims from id split on, read on a
 * connection of their own while the other claims are read on another. */
struct paper_load {
	struct store *st;
	struct dataset *ds;
	struct paper_index *index;
	int rc;
	long split;
	struct arena strings;      /* of the papers and claims read here */
	struct table_claims tc;
};

static void *load_papers_main(void *arg)
{
	struct paper_load *pl = arg;
	pl->rc = load_report_papers(pl->st, pl->ds, &pl->strings, &pl->index);
	if (pl->rc == 0 && pl->tc.room)
		pl->rc = each_row_of(pl->st, TABLE_CLAIMS ">= ?1 ORDER BY id",
				     &pl->split, table_claim_row, &pl->tc);
	return NULL;
}

/* Replace the paper ids claim_row() left in ds->claims by positions. */
static int place_claims(struct dataset *ds, const struct paper_index *index)
{
	for (size_t i = 0; i < ds->n_claims; i++) {
		struct paper_index key = { (long)ds->claims[i].paper, 0 };
		const struct paper_index *hit = bsearch(&key, index, ds->n_papers,
							sizeof *index, cmp_index);
		if (!hit) {
			err("claim %ld belongs to no paper", ds->claims[i].id);
			return -1;
		}
		ds->claims[i].paper = hit->at;
	}
	return 0;
}

static void first_column(sqlite3_stmt *s, void *ctx)
{
	*(long long *)ctx = (long long)sqlite3_column_int64(s, 0);
}

struct store_hold {
	sqlite3 *db;
};

struct store_hold *store_hold(const char *path)
{
	sqlite3 *db = NULL;
	/* the first read takes the SHARED lock, kept until COMMIT */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, 10000) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN; SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) !=
		    SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	struct store_hold *h = xcalloc(1, sizeof *h);
	h->db = db;
	return h;
}

void store_unhold(struct store_hold *h)
{
	if (!h)
		return;
	sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(h->db);
	free(h);
}

int store_load_report(const char *path, struct dataset *ds)
{
	struct store *st;
	struct source_paths sources = { NULL, 0, &ds->strings };
	struct paper_load pl = { NULL, ds, NULL, -1, 0, ARENA_INIT,
				 { NULL, 0, 0, NULL, &sources, 0, 0, 0 } };
	struct table_claims tc = { NULL, 0, 0, &ds->strings, &sources, 0, 0, 0 };
	pthread_t tid;
	int threaded = 0;
	int rc = -1;
	/* Each thread copies strings into an arena of its own; the second
	 * joins the dataset's at the end. */
	ds->strings_in_arena = 1;
	pl.tc.arena = &pl.strings;
	if (store_open(path, 1, &st))
		return -1;
	if (store_open(path, 1, &pl.st)) {
		store_close(st);
		return -1;
	}
	/* Both connections must see the same database.  Each reads inside a
	 * transaction whose first read takes a SHARED lock, held to the end;
	 * in the rollback-journal mode effdash uses, a writer cannot commit
	 * while one is held, so nothing can change between the first read of
	 * one connection and that of the other. */
	long long total = 0, split = 0;
	if (exec(st, "BEGIN") || exec(pl.st, "BEGIN") ||
	    exec(st, "SELECT 1 FROM paper LIMIT 1") ||
	    exec(pl.st, "SELECT 1 FROM paper LIMIT 1") ||
	    each_row(st, "SELECT id, path FROM source ORDER BY id", source_path_row,
		     &sources) ||
	    scalar(st, "SELECT count(*) FROM claim", &total))
		goto out;
	/* The papers, then the last 30% of the claims (by id), on one
	 * connection; the other claims on the other, at the same time.
	 * Reading the papers takes about as long as 40% of the claims.  The
	 * claims are read from their table as stored, into one array sized
	 * beforehand; their statuses and order are made here. */
	size_t first = (size_t)total * 7 / 10;
	if (total > 0) {
		long skip = (long)first;
		if (each_row_of(st, "SELECT id FROM claim ORDER BY id LIMIT 1 OFFSET ?1",
				&skip, first_column, &split))
			goto out;
		ds->claims = xmalloc_huge((size_t)total * sizeof *ds->claims);
	}
	pl.split = (long)split;
	tc.v = ds->claims;
	tc.room = first;
	pl.tc.v = ds->claims + first;
	pl.tc.room = (size_t)total - first;
	threaded = pthread_create(&tid, NULL, load_papers_main, &pl) == 0;
	if (!threaded)
		load_papers_main(&pl);
	int claims_rc = first ? each_row_of(st, TABLE_CLAIMS "< ?1 ORDER BY id", &pl.split,
					    table_claim_row, &tc)
			      : 0;
	if (threaded)
		pthread_join(tid, NULL);
	threaded = 0;
	arena_take(&ds->strings, &pl.strings);
	/* the second part follows the first only when that one is whole */
	ds->n_claims = tc.n == first ? first + pl.tc.n : tc.n;
	if (!claims_rc && (tc.unknown_source || pl.tc.unknown_source)) {
		err("%s: a claim names a source that is not stored", path);
		claims_rc = -1;
	}
	if (!claims_rc && !pl.rc &&
	    (tc.too_many || pl.tc.too_many || tc.n != first || pl.tc.n != pl.tc.room))
		BUG("claims changed while read in one transaction");
	if (claims_rc || pl.rc)
		goto out;
	apply_statuses(ds);
	if (place_claims(ds, pl.index))
		goto out;
	order_claims(ds);
	if (each_row(st, "SELECT name, aliases, peak_fp16_tflops, "
			 "peak_fp32_tflops, power_w, year, price_usd_per_hour, "
			 "price_date, source, date FROM accelerator ORDER BY name",
		     accelerator_row, ds) ||
	    each_row(st, "SELECT year, cpi_u, date, source FROM price_index "
			 "ORDER BY year", price_index_row, ds) ||
	    each_row(st, "SELECT code, name, symbols, year, units_per_usd, date, "
			 "source FROM currency ORDER BY code, year", currency_row, ds) ||
	    each_row(st, "SELECT name, value, source, date FROM assumption "
			 "ORDER BY name", assumption_row, ds))
		goto out;
	rc = 0;
out:
	if (threaded)
		pthread_join(tid, NULL);
	arena_release(&pl.strings);
	free(sources.v);
	free(pl.index);
	store_close(pl.st);
	store_close(st);
	return rc;
}

/* store.h - the SQLite store: the only module that speaks SQL.
 *
 * Schema and migrations are described in docs/schema.md.  Writers group
 * their work in one transaction (store_begin .. store_commit), so a failed
 * ingest leaves the database as it was. */
#ifndef EFFDASH_STORE_H
#define EFFDASH_STORE_H

#include "claim.h"
#include "dataset.h"
#include "paper.h"

struct store; /* opaque */

/* The schema version this program writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 6

/* Open (creating if needed) and migrate the database at path.  readonly:
 * open an existing database without creating or migrating it.  Returns 0
 * or -1 after printing the reason; *out is freed with store_close. */
int store_open(const char *path, int readonly, struct store **out);
void store_close(struct store *st);

int store_begin(struct store *st);
int store_commit(struct store *st);
void store_rollback(struct store *st);

/* Record an input file; *source_id receives its row id.  A file ingested
 * before under the same path keeps its id.  fingerprint identifies the
 * content; *unchanged is set when it equals the stored one. */
int store_put_source(struct store *st, const char *path, const char *format,
		     const char *fingerprint, long *source_id, int *unchanged);
/* Where a later read of an input that grew by appending may start: a
 * record boundary of the last read, with the fingerprint of the file as
 * it was then.  When the file's first SIZE bytes still have that
 * fingerprint, reading resumes there. */
struct source_resume {
	long long offset;  /* 0: read from the start */
	long line;         /* lines before offset */
	char hash[64];     /* "SIZE:xxh3:HASH" of the file when read; offset <= SIZE */
	char format[16];   /* "listing" or "jsonl" */
	char stored[64];   /* the file's fingerprint at its last ingest; "" if never read */
};
/* The resume point recorded for path (r->offset is 0 when none) and the
 * fingerprint stored for it. */
int store_get_resume(struct store *st, const char *path, struct source_resume *r);
/* Record (or, with r NULL or r->offset 0, clear) a source's resume point. */
int store_set_resume(struct store *st, long source_id, const struct source_resume *r);
/* Forget the curated claims previously read from a source, before it is
 * read again. */
int store_forget_curated(struct store *st, long source_id);

/* Insert or update a paper by its key; fills p->id.  *abstract_changed is
 * set when the abstract is new or differs from the stored one (extraction
 * must then run again for this paper). */
int store_put_paper(struct store *st, struct paper *p, long source_id,
		    int *abstract_changed);
/* What store_write_paper did. */
struct paper_write {
	int inserted;              /* a new paper row */
	int abstract_changed;      /* the abstract is new or differs */
	int rewritten;             /* an existing row was updated */
	long long old_fingerprint; /* of the row before (0: none or new) */
};
/* store_put_paper with the keys and fingerprint computed beforehand. */
int store_write_paper(struct store *st, struct paper *p, const struct paper_keys *k,
		      long long fingerprint, long source_id, struct paper_write *w);
/* The same in a write transaction, for many papers: a new paper is
 * queued, its id known at once (p->id), and queued papers are inserted
 * several rows to a statement.  *p and *k must stay as they are until
 * the queue is inserted (see store_queue_claim). */
int store_queue_paper(struct store *st, struct paper *p, const struct paper_keys *k,
		      long long fingerprint, long source_id, struct paper_write *w);
/* Every stored record fingerprint, ascending; the caller frees *out. */
int store_paper_fingerprints(struct store *st, long long **out, size_t *n);
/* The largest paper id (0 when there are none), or -1 on error. */
long store_max_paper_id(struct store *st);
/* Delete a paper's extracted claims (before extracting again). */
int store_forget_extracted(struct store *st, long paper_id);
/* Insert a claim of a paper; *claim_id may be NULL. */
int store_add_claim(struct store *st, long paper_id, const struct claim *c,
		    long source_id, long *claim_id);
/* The same, in a write transaction, for many claims: the claim is
 * queued and its id known at once, and the queued claims are inserted
 * several rows to a statement.  *c must stay as it is until the queue
 * is inserted: by store_settle(), by any store call that reads or
 * deletes claims, or at commit. */
int store_queue_claim(struct store *st, long paper_id, const struct claim *c, long source_id,
		      long *claim_id);
/* Insert the papers and claims queued by store_queue_paper and
 * store_queue_claim. */
int store_settle(struct store *st);
/* Mark a paper as changed in this connection, so its derived values are
 * recomputed (store_each_paper with touched_only); extracting says claims
 * are being extracted from a version of its abstract.  *extracted_before
 * (may be NULL) tells whether that already happened in this connection. */
int store_touch(struct store *st, long paper_id, int extracting, int *extracted_before);
/* Does the paper have an extracted claim of the same quantity, value,
 * dimension and subject?  1, 0, or -1 on error. */
int store_has_extracted(struct store *st, long paper_id, const struct claim *c);
/* Mark every paper with curated claims from a source as changed. */
int store_touch_source(struct store *st, long source_id);

/* Call fn once per paper that has active claims (all papers, or only
 * those touched and those with ids up to upto), in paper id order, with
 * the paper (no abstract) and its active claims (claims[i].paper is 0).
 * The arguments are valid during the call only.  Memory stays bounded by
 * one paper's claims. */
int store_each_paper(struct store *st, int touched_only, long upto,
		     int (*fn)(void *ctx, struct paper *p,
			       struct stored_claim *claims, size_t n),
		     void *ctx);
/* Add derived values (of claims that have none yet). */
int store_add_derivations(struct store *st, const struct derivation *d, size_t n);
/* The derived values of claims 1..m (by claim_id), as the JSON arrays
 * stored in derived.data, appended to out: claim t+1's array is
 * out->buf[off[t] .. off[t + 1]), empty when it has none.  off has m + 1
 * entries.  For a thread that derives claims before they are stored. */
void store_derived_json(struct strbuf *out, size_t *off, size_t m,
			const struct derivation *d, size_t n);
/* Store one claim's derived values, as store_derived_json wrote them. */
int store_add_derived_json(struct store *st, long claim_id, const char *json, size_t len);
/* Replace the derived values of one paper's claims. */
int store_replace_paper_derivations(struct store *st, long paper_id,
				    const struct derivation *d, size_t n);

/* Replace the reference tables. */
int store_put_accelerators(struct store *st, const struct accelerator *a,
			   size_t n);
int store_put_assumptions(struct store *st, const struct assumption *a,
			  size_t n);
int store_put_price_index(struct store *st, const struct price_index *p,
			  size_t n);
int store_put_currencies(struct store *st, const struct currency *c,
			 size_t n);

/* Load papers, active claims (extracted claims superseded by a curated
 * decision and curated rejections left out) and reference tables, through
 * the views of the schema; not the stored derived values (ds->derivations
 * stays empty): a reader derives them again under its own assumptions.
 * The tests hold store_load_report to it.  ds must be initialised. */
int store_load(struct store *st, struct dataset *ds);

/* Counts for messages and tests. */
long store_count(struct store *st, const char *table);

/* What every reading command (report, claims, explain) starts with: the
 * database at path opened read-only and loaded into ds (initialised by
 * the caller) as store_load would, but with the sorting and the claims'
 * statuses done in memory, which is faster on large databases. */
int store_load_report(const char *path, struct dataset *ds);

/* A read transaction on the database at path, held until store_unhold():
 * while it is held no writer can commit, so a copy of the file and what
 * is read meanwhile show the same state.  NULL when the database cannot
 * be opened or read (nothing is printed: the caller goes on without). */
struct store_hold;
struct store_hold *store_hold(const char *path);
void store_unhold(struct store_hold *h);

#endif

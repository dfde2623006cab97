/* cmd_ingest.c - effdash ingest: read inputs, extract, normalise, store,
 * all in one transaction. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "extract.h"
#include "normalize.h"
#include "refdata.h"
#include "source.h"
#include "store.h"
#include "util.h"
#include "xxh.h"

static const char ingest_usage[] =
	"usage: effdash [--db FILE] ingest [--format FMT] [--ref DIR] FILE...\n"
	"\n"
	"Read paper listings, JSON / JSON Lines of papers (arXiv snapshot,\n"
	"Hugging Face daily papers, OpenAlex) and curated claim files (CSV or\n"
	"JSON); extract claims from abstracts; store everything in the\n"
	"database in one transaction.\n"
	"\n"
	"  --format FMT  auto (default), listing, json, jsonl or csv\n"
	"  --ref DIR     read the reference tables from DIR instead of the\n"
	"                built-in copies of data/\n"
	"  --force       read files even when unchanged since the last ingest\n"
	"  --jobs N      extraction threads (default: one per processor; 0 =\n"
	"                extract in the storing thread); the result is the same\n"
	"  --batch N     records handed between threads at once (default 2048,\n"
	"                fewer when they hold 1 MiB of text); the result is the\n"
	"                same\n";

/*
 * Records flow through a ring of batches: the reading thread parses them
 * and tells records already stored (by fingerprint) from new ones,
 * worker threads extract claims from the new abstracts, and one storing
 * thread writes finished batches to the database strictly in input
 * order, so the database and every report are the same whatever the
 * number of threads.  Curated rows travel the same ring, so they are
 * stored in their place among the papers.  While a file is read only the
 * storing thread uses the database; between files (and before and after)
 * the reading thread does, with the ring empty.
 */
/* A batch closes at BATCH_JOBS records (--batch) or BATCH_BYTES of
 * text, whichever comes first.  Every hand-over between threads costs a
 * wake-up, and on a virtual machine a wake-up that crosses cores costs a
 * trip through the host: batches of 64 papers made 5,400 context
 * switches for 100k papers and took 3.0 s of CPU, batches of 1 MiB 790
 * and 2.6 s.  The byte limit keeps the text in flight to about
 * RING_BATCHES MiB whatever the records.  Each file starts with batches
 * of BATCH_FIRST records (and a 2048th of the bytes for each), doubled
 * batch by batch up to the limits, so that a few new records (a file
 * that grew by 1%) are not extracted by one thread while the other
 * waits for a batch to fill. */
#define BATCH_JOBS 2048
#define BATCH_JOBS_MAX 65536
#define BATCH_BYTES (1 << 20)
#define BATCH_FIRST 64
#define WORKER_NICE 19 /* how much lower the extracting threads' priority is */
/* Six batches in the ring: four were slower (a 100k listing 1.57 s
 * against 1.50 s, medians of 7), eight no faster (1.51 s) for 68 MB of
 * peak memory instead of 63 MB. */
#define RING_BATCHES 6
#define MAX_JOBS 16

enum batch_state { B_FREE = 0, B_FILLING, B_QUEUED, B_RUNNING, B_DONE, B_STORING };

/* The derived values of a group of curated rows (consecutive rows of one
 * paper), computed by a worker under provisional ids: the JSON arrays
 * of the group's active claims, in row order (see store_derived_json). */
struct group_derived {
	size_t n;                 /* active claims */
	size_t *off;              /* n + 1 offsets into json */
	struct strbuf json;
};

struct job {
	int is_claim;             /* a curated row: paper and claim */
	int group_start;          /* its paper differs from the row before */
	struct group_derived *derived; /* on a group's first row */
	struct claim claim;
	struct paper paper;
	long long fp;             /* the record's fingerprint */
	int skip;                 /* the same record is stored already */
	int extract;              /* extract its abstract */
	struct paper_keys keys;   /* computed by a worker */
	struct claim_list claims; /* found by a worker */
};

struct batch {
	struct job *jobs;         /* batch_jobs of them */
	size_t n;
	size_t bytes;             /* text of its records, roughly */
	size_t stale;             /* stored jobs the reader clears before refilling */
	enum batch_state state;
};

/*
 * The fingerprints of the records stored before this ingest, sorted: a
 * record whose fingerprint is here (and not gone) would change nothing,
 * so it is neither extracted nor looked up.  A stored row rewritten by
 * this ingest loses its old fingerprint (gone), so a later record equal
 * to what the row held goes through the store again.  9 bytes per stored
 * paper, loaded before the first file an ingest reads.
 */
struct seen {
	long long *fp;
	atomic_uchar *gone;       /* set by the storing thread, read by the reader */
	size_t n;
	int loaded;
};

struct ingest {
	struct store *st;
	long source_id;
	const char *path;
	long papers, claims;
	int failed;
	struct seen seen;
	long last_old_id;         /* papers with larger ids are new */
	const struct dataset *ref; /* reference tables, for derived values */
	struct normalize_setting *norm; /* its assumptions, resolved once */
	struct stored_claim *derive_buf;
	size_t derive_alloc;
	/* the pipeline */
	struct batch *ring;
	size_t batch_jobs;        /* records a batch holds at most */
	size_t batch_now;         /* and the batch being filled, this far into the file */
	size_t head, tail;        /* oldest batch not stored; batch filling */
	int threads;
	pthread_t tid[MAX_JOBS];
	pthread_t storer;
	int storing;              /* the storing thread runs */
	pthread_mutex_t mu;
	pthread_cond_t work, done, freed;
	int stop;
	/* progress on a terminal */
	int show_progress;
	const struct source_stats *stats;
	double started, shown;
	/* the paper of the previous curated row */
	struct paper last_paper;
	/* Its active claims while it is a paper this ingest created: their
	 * derived values are computed when the rows move on to another
	 * paper, without reading them back. */
	int group_open;
	struct claim_list group;
	long *group_ids;
	size_t group_alloc;
	/* The group's values computed by a worker (then group holds no
	 * claims, only group_ids), and how many active claims it has. */
	struct group_derived *group_derived;
	size_t group_active;
	/* The reader's: the previous curated row's paper (same_paper's
	 * fields), to mark where groups start. */
	struct strbuf row_paper, row_paper_prev;
};

static void group_derived_free(struct group_derived *g)
{
	if (!g)
		return;
	free(g->off);
	sb_release(&g->json);
	free(g);
}

/* A curated rejection is never active. */
static int claim_active(const struct claim *c)
{
	return !(c->origin == ORIGIN_CURATED && c->curation == CUR_REJECT);
}

static void extract_job(struct job *j)
{
	claim_list_clear(&j->claims);
	if (j->extract && j->paper.abstract)
		extract_claims(j->paper.abstract, strlen(j->paper.abstract), &j->claims);
}

/* A worker's share of a job: extraction and the keys for storing. */
static void prepare_job(struct job *j)
{
	if (j->skip)
		return;
	if (j->is_claim) {
		/* used when the row names another paper than the row before */
		paper_keys_compute(&j->keys, &j->paper);
		j->fp = paper_fingerprint(&j->paper);
		return;
	}
	extract_job(j);
	paper_keys_compute(&j->keys, &j->paper);
}

static ssize_t seen_find(const struct seen *sn, long long fp)
{
	size_t lo = 0, hi = sn->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sn->fp[mid] < fp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sn->n && sn->fp[lo] == fp ? (ssize_t)lo : -1;
}

static int seen_has(const struct seen *sn, long long fp)
{
	ssize_t i = seen_find(sn, fp);
	return i >= 0 && !atomic_load_explicit(&sn->gone[i], memory_order_relaxed);
}

static void seen_forget(struct seen *sn, long long fp)
{
	ssize_t i = seen_find(sn, fp);
	if (i >= 0)
		atomic_store_explicit(&sn->gone[i], 1, memory_order_relaxed);
}

static int seen_load(struct ingest *in)
{
	struct seen *sn = &in->seen;
	if (store_paper_fingerprints(in->st, &sn->fp, &sn->n))
		return -1;
	sn->gone = xcalloc(sn->n ? sn->n : 1, sizeof *sn->gone);
	sn->loaded = 1;
	return 0;
}

static void seen_release(struct seen *sn)
{
	free(sn->fp);
	free(sn->gone);
	memset(sn, 0, sizeof *sn);
}

static void derive_groups(struct ingest *in, struct batch *b);

/* Extract a queued batch.  Called with in->mu held; releases it while
 * extracting. */
static void run_batch(struct ingest *in, struct batch *b)
{
	b->state = B_RUNNING;
	pthread_mutex_unlock(&in->mu);
	for (size_t i = 0; i < b->n; i++)
		prepare_job(&b->jobs[i]);
	derive_groups(in, b);
	pthread_mutex_lock(&in->mu);
	b->state = B_DONE;
	pthread_cond_broadcast(&in->done);
}

static void *worker(void *arg)
{
	struct ingest *in = arg;
	/* The storing thread sets the pace: it alone writes, and with
	 * more threads than cores a fair share would give it less than a
	 * core.  The extracting threads step back as far as they can
	 * (niceness is per thread on Linux), so they take what the storing
	 * and reading threads leave; the ring of batches keeps them ahead.
	 * On two cores, 100k papers in 2.7 s instead of 3.0 s with five
	 * steps (medians of eight runs), and 2.05 s instead of 2.31 s with
	 * nineteen rather than five (medians of ten). */
	id_t self = (id_t)syscall(SYS_gettid);
	errno = 0;
	int nice_now = getpriority(PRIO_PROCESS, self);
	if (errno == 0)
		(void)setpriority(PRIO_PROCESS, self,
				  nice_now + WORKER_NICE > 19 ? 19 : nice_now + WORKER_NICE);
	pthread_mutex_lock(&in->mu);
	for (;;) {
		struct batch *b = NULL;
		for (size_t k = 0; k < RING_BATCHES && !b; k++) {
			struct batch *c = &in->ring[(in->head + k) % RING_BATCHES];
			if (c->state == B_QUEUED)
				b = c;
		}
		if (!b && in->stop)
			break;
		if (!b) {
			pthread_cond_wait(&in->work, &in->mu);
			continue;
		}
		run_batch(in, b);
	}
	pthread_mutex_unlock(&in->mu);
	return NULL;
}

static int span_order(const void *a, const void *b)
{
	const struct stored_claim *x = a, *y = b;
	long xs = x->claim.span_start, ys = y->claim.span_start;
	if ((xs < 0) != (ys < 0))
		return xs < 0 ? 1 : -1;
	if (xs != ys)
		return xs < ys ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* A dataset that borrows the reference tables and holds one paper's
 * active claims, sorted for deriving (by position in the abstract, then
 * id); its derived values are its own (released by normalize_clear). */
static struct dataset one_paper(const struct dataset *ref, struct paper *p,
				struct stored_claim *claims, size_t n)
{
	struct dataset one = *ref;
	one.strings_in_arena = 0;
	one.strings = (struct arena)ARENA_INIT;
	one.papers = p;
	one.n_papers = 1;
	one.claims = claims;
	one.n_claims = n;
	one.derivations = NULL;
	one.n_derivations = 0;
	qsort(claims, n, sizeof *claims, span_order);
	return one;
}

/* Derived values of one paper, in the order store_each_paper gives its
 * claims. */
static int derive_one(struct store *st, const struct dataset *ref,
		      const struct normalize_setting *norm, struct paper *p,
		      struct stored_claim *claims, size_t n, int replace)
{
	struct dataset one = one_paper(ref, p, claims, n);
	normalize_derive_with(&one, norm);
	int rc = replace ? store_replace_paper_derivations(st, p->id, one.derivations,
							   one.n_derivations)
			 : store_add_derivations(st, one.derivations, one.n_derivations);
	normalize_clear(&one);
	return rc;
}

/* The derived values of the curated rows jobs[0..n), one paper's (see
 * derive_groups). */
static void derive_group(struct ingest *in, struct job *jobs, size_t n)
{
	struct stored_claim *sc = xcalloc(n, sizeof *sc);
	size_t m = 0;
	for (size_t k = 0; k < n; k++)
		if (claim_active(&jobs[k].claim)) {
			sc[m].id = (long)m + 1;
			sc[m++].claim = jobs[k].claim; /* borrowed */
		}
	struct dataset one = one_paper(in->ref, &jobs[0].paper, sc, m);
	if (m && !normalize_derive_with(&one, in->norm)) {
		struct group_derived *g = xcalloc(1, sizeof *g);
		g->n = m;
		g->off = xmalloc((m + 1) * sizeof *g->off);
		store_derived_json(&g->json, g->off, m, one.derivations, one.n_derivations);
		jobs[0].derived = g;
	}
	normalize_clear(&one);
	free(sc);
}

/* A worker's share of curated rows: the derived values of each group
 * of rows (one paper's) that starts and ends in this batch, so that the
 * storing thread only inserts them.  Provisional ids 1..n in row order
 * stand for the ids the claims get when stored, which follow the same
 * order, so the values are those the storing thread would derive,
 * unless a method text names a claim by its id (6ND, implied figures):
 * such groups, and groups that may go on in the next batch, are left to
 * the storing thread.  The values are used only when the store creates
 * the paper (see store_claim_job). */
static void derive_groups(struct ingest *in, struct batch *b)
{
	for (size_t i = 0; i < b->n;) {
		struct job *j = &b->jobs[i];
		if (!j->is_claim || !j->group_start) {
			i++;
			continue;
		}
		size_t e = i + 1;
		while (e < b->n && b->jobs[e].is_claim && !b->jobs[e].group_start)
			e++;
		if (e < b->n && b->jobs[e].is_claim)
			derive_group(in, j, e - i);
		i = e;
	}
}

/* Room for n claims of one paper about to be derived (borrowed claims;
 * the slots are zeroed). */
static struct stored_claim *derive_slots(struct ingest *in, size_t n)
{
	if (n > in->derive_alloc) {
		in->derive_alloc = 2 * n;
		in->derive_buf = xrealloc(in->derive_buf,
					  in->derive_alloc * sizeof *in->derive_buf);
	}
	if (n)
		memset(in->derive_buf, 0, n * sizeof *in->derive_buf);
	return in->derive_buf;
}

/* store_queue_paper; a row it rewrote loses its old fingerprint. */
static int put_paper(struct ingest *in, struct paper *p, const struct paper_keys *k,
		     long long fp, struct paper_write *w)
{
	if (store_queue_paper(in->st, p, k, fp, in->source_id, w))
		return -1;
	if (w->rewritten && w->old_fingerprint)
		seen_forget(&in->seen, w->old_fingerprint);
	return 0;
}

/* A paper new to the database: its claims and their derived values are
 * written at once, with no lookups.  It is not marked touched, so the
 * derived values are not computed again at the end of the ingest unless
 * something else (a second version, a curated row) touches it. */
static int store_new_paper(struct ingest *in, struct job *j)
{
	struct paper *p = &j->paper;
	struct stored_claim *sc = derive_slots(in, j->claims.len);
	for (size_t i = 0; i < j->claims.len; i++) {
		struct claim *c = &j->claims.items[i];
		c->source_line = p->source_line;
		if (store_queue_claim(in->st, p->id, c, in->source_id, &sc[i].id))
			return -1;
		sc[i].claim = *c; /* borrowed */
		in->claims++;
	}
	if (!j->claims.len)
		return 0;
	return derive_one(in->st, in->ref, in->norm, p, sc, j->claims.len, 0);
}

/* Store one finished job: the paper, then its claims. */
static int store_job(struct ingest *in, struct job *j)
{
	struct paper *p = &j->paper;
	struct paper_write w;
	if (j->skip && seen_has(&in->seen, j->fp)) {
		in->papers++;
		return 0;
	}
	if (!j->keys.key)
		paper_keys_compute(&j->keys, p);
	if (put_paper(in, p, &j->keys, j->fp, &w))
		return -1;
	in->papers++;
	if (!w.abstract_changed)
		return 0;
	if (!j->extract) {
		/* Skipped when read, but an earlier record of this ingest
		 * changed the stored row since. */
		j->extract = 1;
		extract_job(j);
	}
	if (w.inserted)
		return store_new_paper(in, j);
	/* The abstract differs from the stored version: its extracted
	 * claims are replaced (curated ones stay).  A second version read
	 * by this same ingest (a listing that carries a paper twice) adds
	 * the claims the first version lacked instead: both versions are
	 * the paper's words.  A paper first stored by this ingest counts as
	 * read already. */
	int again;
	if (store_touch(in->st, p->id, 1, &again))
		return -1;
	if (p->id > in->last_old_id)
		again = 1;
	if (!again && store_forget_extracted(in->st, p->id))
		return -1;
	for (size_t i = 0; i < j->claims.len; i++) {
		struct claim *c = &j->claims.items[i];
		int dup = again ? store_has_extracted(in->st, p->id, c) : 0;
		if (dup < 0)
			return -1;
		if (dup)
			continue;
		c->source_line = p->source_line;
		if (store_queue_claim(in->st, p->id, c, in->source_id, NULL))
			return -1;
		in->claims++;
	}
	return 0;
}

static void job_clear(struct job *j)
{
	paper_release(&j->paper);
	paper_keys_release(&j->keys);
	claim_list_clear(&j->claims);
	claim_release(&j->claim);
	group_derived_free(j->derived);
	j->derived = NULL;
	j->is_claim = 0;
	j->group_start = 0;
}

static int store_claim_job(struct ingest *in, struct job *j);

/* The storing thread: stores the oldest batch once it is extracted, in
 * ring order, and frees its slot.  After a failure it only frees slots,
 * so the reader, told by in->failed, stops at its next batch. */
static void *storer(void *arg)
{
	struct ingest *in = arg;
	pthread_mutex_lock(&in->mu);
	for (;;) {
		struct batch *b = &in->ring[in->head];
		if (b->state == B_QUEUED && !in->threads) {
			run_batch(in, b);
			continue;
		}
		if (b->state != B_DONE) {
			if (in->stop)
				break;
			pthread_cond_wait(&in->done, &in->mu);
			continue;
		}
		b->state = B_STORING;
		int failed = in->failed;
		pthread_mutex_unlock(&in->mu);
		for (size_t i = 0; i < b->n && !failed; i++) {
			struct job *j = &b->jobs[i];
			failed = j->is_claim ? store_claim_job(in, j) : store_job(in, j);
		}
		/* The claims the jobs hold are stored before the reader
		 * frees them. */
		if (store_settle(in->st))
			failed = 1;
		pthread_mutex_lock(&in->mu);
		if (failed)
			in->failed = 1;
		/* The reader frees what the jobs hold when it refills the
		 * slot: this thread, the one that bounds the pace, only
		 * stores. */
		b->stale = b->n;
		b->n = 0;
		b->state = B_FREE;
		in->head = (in->head + 1) % RING_BATCHES;
		pthread_cond_broadcast(&in->freed);
	}
	pthread_mutex_unlock(&in->mu);
	return NULL;
}

/* A file's first batch: BATCH_FIRST records (see BATCH_JOBS). */
static void batches_restart(struct ingest *in)
{
	in->batch_now = in->batch_jobs < BATCH_FIRST ? in->batch_jobs : BATCH_FIRST;
}

static int pipeline_start(struct ingest *in, int threads, size_t batch_jobs)
{
	in->batch_jobs = batch_jobs;
	batches_restart(in);
	in->ring = xcalloc(RING_BATCHES, sizeof *in->ring);
	for (size_t k = 0; k < RING_BATCHES; k++)
		in->ring[k].jobs = xcalloc(batch_jobs, sizeof *in->ring[k].jobs);
	for (size_t k = 0; k < RING_BATCHES; k++)
		for (size_t i = 0; i < batch_jobs; i++)
			claim_init(&in->ring[k].jobs[i].claim);
	in->threads = 0;
	pthread_mutex_init(&in->mu, NULL);
	pthread_cond_init(&in->work, NULL);
	pthread_cond_init(&in->done, NULL);
	pthread_cond_init(&in->freed, NULL);
	if (pthread_create(&in->storer, NULL, storer, in)) {
		err("ingest: cannot start a thread");
		return -1;
	}
	in->storing = 1;
	for (int i = 0; i < threads && i < MAX_JOBS; i++) {
		if (pthread_create(&in->tid[i], NULL, worker, in))
			break; /* fewer threads; the storing thread extracts too */
		in->threads++;
	}
	return 0;
}

/* Hand the filling batch to the workers (or the storing thread). */
static void submit(struct ingest *in)
{
	struct batch *b = &in->ring[in->tail];
	pthread_mutex_lock(&in->mu);
	b->state = B_QUEUED;
	pthread_cond_signal(&in->work);
	pthread_cond_broadcast(&in->done);
	pthread_mutex_unlock(&in->mu);
	in->tail = (in->tail + 1) % RING_BATCHES;
}

/* Wait until the slot the reader fills next is free; -1 when storing
 * failed (the read stops). */
static int wait_slot(struct ingest *in)
{
	pthread_mutex_lock(&in->mu);
	while (in->ring[in->tail].state != B_FREE && !in->failed)
		pthread_cond_wait(&in->freed, &in->mu);
	int failed = in->failed;
	pthread_mutex_unlock(&in->mu);
	return failed ? -1 : 0;
}

/* Store everything still in the ring and wait until it is empty: the
 * database is the reader's again.  -1 if any storing failed. */
static int pipeline_flush(struct ingest *in)
{
	if (!in->ring)
		return 0;
	if (in->ring[in->tail].n) /* the reader's batch, being filled */
		submit(in);
	batches_restart(in);
	pthread_mutex_lock(&in->mu);
	for (size_t k = 0; k < RING_BATCHES; k++)
		while (in->ring[k].state != B_FREE)
			pthread_cond_wait(&in->freed, &in->mu);
	int failed = in->failed;
	pthread_mutex_unlock(&in->mu);
	return failed ? -1 : 0;
}

static void pipeline_stop(struct ingest *in)
{
	if (!in->ring)
		return;
	pthread_mutex_lock(&in->mu);
	in->stop = 1;
	pthread_cond_broadcast(&in->work);
	pthread_cond_broadcast(&in->done);
	pthread_mutex_unlock(&in->mu);
	for (int i = 0; i < in->threads; i++)
		pthread_join(in->tid[i], NULL);
	if (in->storing)
		pthread_join(in->storer, NULL);
	for (size_t k = 0; k < RING_BATCHES; k++) {
		for (size_t i = 0; i < in->batch_jobs; i++) {
			job_clear(&in->ring[k].jobs[i]);
			claim_list_release(&in->ring[k].jobs[i].claims);
		}
		free(in->ring[k].jobs);
	}
	free(in->ring);
	pthread_mutex_destroy(&in->mu);
	pthread_cond_destroy(&in->work);
	pthread_cond_destroy(&in->done);
	pthread_cond_destroy(&in->freed);
}

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* "effdash: FILE: 45% 123456 papers, 3456 papers/s, 21.3 MB/s, ETA 0:12"
 * on stderr, redrawn at most four times a second. */
static void progress(struct ingest *in)
{
	if (!in->show_progress || !in->stats || !in->stats->file)
		return;
	double t = seconds_now();
	if (t - in->shown < 0.25)
		return;
	in->shown = t;
	double dt = t - in->started > 1e-6 ? t - in->started : 1e-6;
	long long pos = ftell((FILE *)in->stats->file);
	long long size = in->stats->size;
	long n = in->stats->papers;
	fprintf(stderr, "\reffdash: %s: ", in->path);
	if (size > 0)
		fprintf(stderr, "%3d%% ", (int)(100.0 * (double)pos / (double)size));
	fprintf(stderr, "%ld papers, %.0f papers/s, %.1f MB/s", n, n / dt, pos / dt / 1e6);
	if (size > 0 && pos > 0) {
		long eta = (long)((double)(size - pos) / ((double)pos / dt));
		fprintf(stderr, ", ETA %ld:%02ld", eta / 60, eta % 60);
	}
	fputs("   ", stderr);
}

/* The next slot of the batch being filled. */
static struct job *next_job(struct ingest *in)
{
	struct batch *b = &in->ring[in->tail];
	if (!b->n) {
		/* Free (wait_slot saw to it); others look at states. */
		pthread_mutex_lock(&in->mu);
		if (b->state != B_FREE)
			BUG("batch %zu is busy", in->tail);
		b->state = B_FILLING;
		pthread_mutex_unlock(&in->mu);
		for (size_t i = 0; i < b->stale; i++)
			job_clear(&b->jobs[i]);
		b->stale = 0;
		b->bytes = 0;
	}
	return &b->jobs[b->n++];
}

/* A full batch goes to the workers; the reader goes on once the next
 * slot is free. */
static int job_added(struct ingest *in, size_t bytes)
{
	struct batch *b = &in->ring[in->tail];
	b->bytes += bytes;
	if (b->n < in->batch_now && b->bytes < in->batch_now * (BATCH_BYTES / BATCH_JOBS))
		return 0;
	submit(in);
	if (in->batch_now < in->batch_jobs)
		in->batch_now = in->batch_now * 2 < in->batch_jobs ? in->batch_now * 2 : in->batch_jobs;
	return wait_slot(in);
}

static int on_paper(void *ctx, struct paper *p)
{
	struct ingest *in = ctx;
	progress(in);
	struct job *j = next_job(in);
	paper_move(&j->paper, p);
	j->fp = paper_fingerprint(&j->paper);
	j->skip = seen_has(&in->seen, j->fp);
	j->extract = !j->skip;
	return job_added(in, strlen(j->paper.title) +
			       (j->paper.abstract ? strlen(j->paper.abstract) : 0));
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* The fields that make two curated rows name the same paper: same_paper
 * (the storing thread) and row_paper_key (the reader) compare these. */
#define ROW_PAPER_FIELDS 4
static void row_paper_fields(const struct paper *p, const char *f[ROW_PAPER_FIELDS])
{
	f[0] = p->title;
	f[1] = p->arxiv_id;
	f[2] = p->url;
	f[3] = p->date;
}

/* Curated files list a paper's claims on consecutive rows: a row naming
 * the same paper as the previous one reuses its id instead of looking the
 * paper up and updating it again. */
static int same_paper(const struct paper *a, const struct paper *b)
{
	const char *fa[ROW_PAPER_FIELDS], *fb[ROW_PAPER_FIELDS];
	row_paper_fields(a, fa);
	row_paper_fields(b, fb);
	for (size_t i = 0; i < ROW_PAPER_FIELDS; i++)
		if (!same_text(fa[i], fb[i]))
			return 0;
	return 1;
}

/* Derive the open group's values (see struct ingest) and close it. */
static int close_group(struct ingest *in)
{
	int rc = 0;
	struct group_derived *g = in->group_derived;
	if (in->group_open && g) {
		/* computed by a worker: claim t of the group is row t */
		if (g->n != in->group_active)
			BUG("a group of %zu active rows derived as %zu", in->group_active, g->n);
		for (size_t t = 0; t < g->n && !rc; t++)
			if (g->off[t + 1] > g->off[t])
				rc = store_add_derived_json(in->st, in->group_ids[t],
							    g->json.buf + g->off[t],
							    g->off[t + 1] - g->off[t]);
	} else if (in->group_open && in->group.len) {
		struct stored_claim *sc = derive_slots(in, in->group.len);
		for (size_t i = 0; i < in->group.len; i++) {
			sc[i].id = in->group_ids[i];
			sc[i].claim = in->group.items[i]; /* borrowed */
		}
		rc = derive_one(in->st, in->ref, in->norm, &in->last_paper, sc, in->group.len, 0);
	}
	claim_list_clear(&in->group);
	group_derived_free(in->group_derived);
	in->group_derived = NULL;
	in->group_active = 0;
	in->group_open = 0;
	return rc;
}

/* The fields same_paper compares, as one string: each is a presence
 * byte and its text up to a NUL. */
static void row_paper_key(struct strbuf *out, const struct paper *p)
{
	const char *f[ROW_PAPER_FIELDS];
	row_paper_fields(p, f);
	sb_reset(out);
	for (size_t i = 0; i < ROW_PAPER_FIELDS; i++) {
		sb_addc(out, f[i] ? '1' : '0');
		if (f[i])
			sb_add(out, f[i], strlen(f[i]) + 1);
	}
}

static int on_claim(void *ctx, struct paper *p, struct claim *c)
{
	struct ingest *in = ctx;
	struct job *j = next_job(in);
	j->is_claim = 1;
	j->skip = 0;
	/* Where a group of rows of one paper starts, as the storing thread
	 * will see it (same_paper with the row before, in this file). */
	row_paper_key(&in->row_paper, p);
	j->group_start = !in->row_paper_prev.len || in->row_paper.len != in->row_paper_prev.len ||
			 memcmp(in->row_paper.buf, in->row_paper_prev.buf, in->row_paper.len);
	struct strbuf t = in->row_paper;
	in->row_paper = in->row_paper_prev;
	in->row_paper_prev = t;
	paper_move(&j->paper, p);
	j->claim = *c; /* taken: the reader releases an empty claim */
	claim_init(c);
	return job_added(in, in->row_paper_prev.len + sizeof *c);
}

/* Store a curated row (in the storing thread). */
static int store_claim_job(struct ingest *in, struct job *j)
{
	struct paper *p = &j->paper;
	struct claim *c = &j->claim;
	long claim_id;
	if (in->last_paper.id && same_paper(p, &in->last_paper)) {
		p->id = in->last_paper.id;
	} else {
		struct paper_write w;
		if (close_group(in))
			return -1;
		if (!j->keys.key) {
			paper_keys_compute(&j->keys, p);
			j->fp = paper_fingerprint(p);
		}
		if (put_paper(in, p, &j->keys, j->fp, &w))
			return -1;
		/* A paper stored before, or met earlier in this ingest, is
		 * derived again at the end from everything it holds. */
		in->group_open = w.inserted;
		if (!w.inserted && store_touch(in->st, p->id, 0, NULL))
			return -1;
		if (w.inserted) {
			in->group_derived = j->derived;
			j->derived = NULL;
		}
		paper_copy(&in->last_paper, p);
	}
	if (store_queue_claim(in->st, p->id, c, in->source_id, &claim_id))
		return -1;
	in->claims++;
	if (in->group_open && claim_active(c)) {
		if (in->group_active == in->group_alloc) {
			in->group_alloc = in->group_alloc ? 2 * in->group_alloc : 16;
			in->group_ids = xrealloc(in->group_ids,
						 in->group_alloc * sizeof *in->group_ids);
		}
		in->group_ids[in->group_active++] = claim_id;
		/* the claims themselves only when the group is derived here */
		if (!in->group_derived)
			claim_copy(claim_list_push(&in->group), c);
	}
	return 0;
}

/* "SIZE:xxh3:HASH" of the file's bytes: equal fingerprints mean the file
 * need not be read again.  Hashing runs at memory speed, so an unchanged
 * file costs little more than reading it once.  With prefix > 0,
 * prefix_out also gets the fingerprint of the first prefix bytes ("" when
 * the file is shorter), in the same pass. */
static int fingerprint(const char *path, char whole[64], long long prefix, char prefix_out[64])
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	XXH3_state_t *h = XXH3_createState();
	unsigned long long size = 0;
	static unsigned char buf[1 << 17];
	size_t n;
	if (!h) {
		fclose(f);
		err("%s: out of memory", path);
		return -1;
	}
	if (prefix > 0)
		prefix_out[0] = '\0';
	XXH3_64bits_reset(h);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (prefix > 0 && size < (unsigned long long)prefix &&
		    size + n >= (unsigned long long)prefix) {
			size_t head = (size_t)((unsigned long long)prefix - size);
			XXH3_64bits_update(h, buf, head);
			fingerprint_text(prefix_out, (unsigned long long)prefix,
					 (unsigned long long)XXH3_64bits_digest(h));
			XXH3_64bits_update(h, buf + head, n - head);
		} else {
			XXH3_64bits_update(h, buf, n);
		}
		size += n;
	}
	int bad = ferror(f);
	fclose(f);
	unsigned long long sum = XXH3_64bits_digest(h);
	XXH3_freeState(h);
	if (bad) {
		err("%s: read error", path);
		return -1;
	}
	fingerprint_text(whole, size, sum);
	return 0;
}

/* Remember where a later read of a grown file may start (see struct
 * source_resume), or forget it when this read gave no such point.  fp is
 * the file's fingerprint taken before reading: a later file whose first
 * SIZE bytes have it again only grew, and the point lies within them
 * (one that does not, because the file grew while it was read, is not
 * kept). */
static int record_resume(struct ingest *in, const char *fp, int rc,
			 const struct source_stats *stats)
{
	struct source_resume r;
	memset(&r, 0, sizeof r);
	if (rc == 0 && !stats->claims && stats->resume_offset > 0 && stats->resume_format &&
	    stats->resume_offset <= strtoll(fp, NULL, 10)) {
		r.offset = stats->resume_offset;
		r.line = stats->resume_line;
		snprintf(r.format, sizeof r.format, "%s", stats->resume_format);
		snprintf(r.hash, sizeof r.hash, "%s", fp);
	}
	return store_set_resume(in->st, in->source_id, &r);
}

/* Read one file; returns 0, 1 (records skipped) or -1 (refused).  A file
 * that only grew at its end since the last ingest is read from where
 * that ingest's last complete record ended. */
static int ingest_file(struct ingest *in, const char *path, enum source_format fmt,
		       int force)
{
	char fp[64] = "", prefix[64] = "";
	int unchanged;
	struct source_stats stats;
	struct source_sink sink = { on_paper, on_claim, in };
	struct source_resume r;
	struct source_start start = { 0, 0, 0, NULL };
	struct stat sb;
	if (store_get_resume(in->st, path, &r))
		return -1;
	/* A fingerprint taken before reading decides whether the file is
	 * unchanged or only grew.  When it can be neither (never read, or
	 * of another size than at its last ingest with no resume point it
	 * could have grown from), or --force reads it anyway, its bytes are
	 * hashed as they are read instead: one pass over the file, not two. */
	long long grown_from = r.offset > 0 ? strtoll(r.hash, NULL, 10) : 0;
	long long size = stat(path, &sb) == 0 && S_ISREG(sb.st_mode) ? (long long)sb.st_size : -1;
	int hash_first = !force && r.stored[0] && size >= 0 &&
			 (strtoll(r.stored, NULL, 10) == size ||
			  (grown_from > 0 && grown_from <= size));
	if (hash_first) {
		if (fingerprint(path, fp, grown_from, prefix))
			return -1;
	} else {
		start.fingerprint = fp;
	}
	/* "-" is no fingerprint: the row gets the real one after the read */
	if (store_put_source(in->st, path, "pending", hash_first ? fp : "-", &in->source_id,
			     &unchanged))
		return -1;
	if (unchanged && !force) {
		if (!diag_quiet)
			fprintf(stderr, "effdash: %s: unchanged since the last ingest\n", path);
		return 0;
	}
	int jsonl = !strcmp(r.format, "jsonl");
	if (!force && r.offset > 0 && prefix[0] && !strcmp(prefix, r.hash) &&
	    (jsonl ? fmt == FMT_AUTO || fmt == FMT_JSON
		   : !strcmp(r.format, "listing") && (fmt == FMT_AUTO || fmt == FMT_LISTING))) {
		start.offset = r.offset;
		start.line = r.line;
		start.json_lines = jsonl;
		fmt = jsonl ? FMT_JSON : FMT_LISTING;
		if (!diag_quiet)
			fprintf(stderr, "effdash: %s: grew since the last ingest; reading from "
				"line %ld\n", path, r.line + 1);
	} else if (store_touch_source(in->st, in->source_id) ||
		   store_forget_curated(in->st, in->source_id)) {
		return -1;
	}
	if (!in->seen.loaded && seen_load(in))
		return -1;
	in->path = path;
	paper_release(&in->last_paper);
	sb_reset(&in->row_paper_prev);
	in->stats = &stats;
	in->started = in->shown = seconds_now();
	int rc = source_read_from(path, fmt, &start, &sink, &stats);
	if (pipeline_flush(in) || close_group(in))
		rc = -1;
	if (in->show_progress && in->shown > in->started)
		fputc('\n', stderr); /* end the progress line */
	in->stats = NULL;
	if (start.offset && !stats.kind)
		stats.kind = jsonl ? "papers-json" : "listing";
	if (start.offset && !stats.resume_offset && rc == 0) {
		/* Nothing complete was added: the old point still holds. */
		stats.resume_offset = r.offset;
		stats.resume_line = r.line;
	}
	if (rc >= 0 && (store_put_source(in->st, path, stats.kind, fp, &in->source_id,
					 &unchanged) ||
			record_resume(in, fp, rc, &stats)))
		return -1;
	return rc;
}

/* The reference tables as read: the built-in copies, or DIR/NAME.csv for
 * each of them.  Their fingerprint decides whether every derived value
 * must be recomputed. */
static int reference_fingerprint(const char *ref_dir, char out[64])
{
	unsigned long long h = 0, size = 0;
	for (unsigned i = 0; i < reference_file_count; i++) {
		char *text = NULL;
		size_t len;
		const char *src = reference_files[i].text;
		if (ref_dir) {
			struct strbuf path = STRBUF_INIT;
			sb_addf(&path, "%s/%s.csv", ref_dir, reference_files[i].name);
			int rc = read_file(path.buf, &text, &len);
			if (rc && errno != ENOENT) {
				err("%s: cannot read: %s", path.buf, strerror(errno));
				sb_release(&path);
				return -1;
			}
			sb_release(&path);
			src = text ? text : "";
		}
		size_t n = strlen(src);
		h = XXH3_64bits_withSeed(src, n, h); /* each file seeds the next */
		size += n;
		free(text);
	}
	fingerprint_text(out, size, h);
	return 0;
}

/* Read the reference tables and store them when they changed since the
 * last ingest (*changed is then set: every stored paper's derived values
 * must be recomputed). */
static int prepare_reference(struct store *st, const char *ref_dir, struct dataset *ref,
			     int *changed)
{
	char fp[64];
	long id;
	int unchanged;
	int rc = reference_fingerprint(ref_dir, fp);
	if (!rc)
		rc = normalize_load_reference(ref_dir, ref);
	if (!rc)
		rc = store_put_source(st, "(reference tables)", "reference", fp, &id, &unchanged);
	if (!rc && !unchanged) {
		rc = store_put_accelerators(st, ref->accelerators, ref->n_accelerators);
		if (!rc)
			rc = store_put_assumptions(st, ref->assumptions, ref->n_assumptions);
		if (!rc)
			rc = store_put_price_index(st, ref->price_index, ref->n_price_index);
		if (!rc)
			rc = store_put_currencies(st, ref->currencies, ref->n_currencies);
	}
	*changed = !unchanged;
	return rc;
}

struct derive {
	struct store *st;
	const struct dataset *ref;
	const struct normalize_setting *norm;
};

static int derive_paper(void *ctx, struct paper *p, struct stored_claim *claims, size_t n)
{
	struct derive *dv = ctx;
	return derive_one(dv->st, dv->ref, dv->norm, p, claims, n, 1);
}

/* Recompute the derived values of the papers this ingest touched, and of
 * every paper stored before it when the reference tables changed.  New
 * papers got theirs when stored.  Streams paper by paper, so memory stays
 * flat. */
static int derive_rest(struct ingest *in, int ref_changed)
{
	struct derive dv = { in->st, in->ref, in->norm };
	return store_each_paper(in->st, 1, ref_changed ? in->last_old_id : 0,
				derive_paper, &dv);
}

/* Create the database's folder when it is missing (one level). */
static int ensure_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return 0;
	char *dir = xstrndup(path, (size_t)(slash - path));
	int rc = mkdir(dir, 0777);
	if (rc && errno == EEXIST)
		rc = 0;
	if (rc)
		err("%s: cannot create folder: %s", dir, strerror(errno));
	free(dir);
	return rc;
}

int cmd_ingest(int argc, char **argv, const struct global_opts *g)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "ref", required_argument, NULL, 'r' },
		{ "force", no_argument, NULL, 'F' },
		{ "batch", required_argument, NULL, 'b' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum source_format fmt = FMT_AUTO;
	const char *ref_dir = NULL;
	int force = 0, c;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int jobs = ncpu > 1 ? (int)(ncpu < MAX_JOBS ? ncpu : MAX_JOBS) : 0;
	long batch = BATCH_JOBS;
	char *end;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+f:r:j:b:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (source_format_parse(optarg, &fmt)) {
				err("ingest: unknown format '%s'", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'r':
			ref_dir = optarg;
			break;
		case 'F':
			force = 1;
			break;
		case 'j':
			jobs = (int)strtol(optarg, &end, 10);
			if (*end || jobs < 0 || jobs > MAX_JOBS) {
				err("ingest: --jobs takes a number from 0 to %d", MAX_JOBS);
				return EXIT_USAGE;
			}
			break;
		case 'b':
			batch = strtol(optarg, &end, 10);
			if (*end || batch < 1 || batch > BATCH_JOBS_MAX) {
				err("ingest: --batch takes a number from 1 to %d", BATCH_JOBS_MAX);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			fputs(ingest_usage, stdout);
			return EXIT_OK;
		default:
			fputs(ingest_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind == argc) {
		fputs(ingest_usage, stderr);
		return EXIT_USAGE;
	}
	struct ingest in;
	struct dataset ref;
	int ref_changed = 0;
	memset(&in, 0, sizeof in);
	dataset_init(&ref);
	in.ref = &ref;
	if (ensure_parent(g->db) || store_open(g->db, 0, &in.st))
		return EXIT_FAIL;
	if (pipeline_start(&in, jobs, (size_t)batch)) {
		pipeline_stop(&in);
		store_close(in.st);
		return EXIT_FAIL;
	}
	in.show_progress = !g->quiet && isatty(STDERR_FILENO);
	int status = EXIT_OK;
	if (store_begin(in.st) || (in.last_old_id = store_max_paper_id(in.st)) < 0 ||
	    prepare_reference(in.st, ref_dir, &ref, &ref_changed)) {
		store_rollback(in.st);
		status = EXIT_FAIL;
		goto out;
	}
	in.norm = normalize_setting_new(&ref);
	for (int i = optind; i < argc; i++) {
		int rc = ingest_file(&in, argv[i], fmt, force);
		if (rc < 0) {
			status = EXIT_FAIL;
			break;
		}
		if (rc > 0)
			status = EXIT_PARTIAL;
	}
	if (status != EXIT_FAIL && derive_rest(&in, ref_changed))
		status = EXIT_FAIL;
	if (status == EXIT_FAIL) {
		store_rollback(in.st);
		err("ingest failed; the database is unchanged");
		goto out;
	}
	if (store_commit(in.st)) {
		status = EXIT_FAIL;
		goto out;
	}
	if (!g->quiet)
		fprintf(stderr, "effdash: %s: %ld paper records and %ld claims stored "
			"from %d file%s; the database holds %ld papers, %ld claims\n",
			g->db, in.papers, in.claims, argc - optind, argc - optind == 1 ? "" : "s",
			store_count(in.st, "paper"), store_count(in.st, "claim"));
out:
	paper_release(&in.last_paper);
	claim_list_release(&in.group);
	free(in.group_ids);
	group_derived_free(in.group_derived);
	sb_release(&in.row_paper);
	sb_release(&in.row_paper_prev);
	pipeline_stop(&in);
	seen_release(&in.seen);
	free(in.derive_buf);
	normalize_setting_free(in.norm);
	dataset_release(&ref);
	store_close(in.st);
	return status;
}

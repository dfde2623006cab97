/* cmd_ingest.c - effdash ingest: read inputs, extract, normalise, store,
 * all in one transaction. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "diag.h"
#include "extract.h"
#include "normalize.h"
#include "source.h"
#include "store.h"
#include "util.h"

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
	"  --force       read files even when unchanged since the last ingest\n";

struct ingest {
	struct store *st;
	long source_id;
	const char *path;
	struct claim_list found;
	long papers, claims;
	int failed;
};

static int on_paper(void *ctx, struct paper *p)
{
	struct ingest *in = ctx;
	int changed;
	if (store_put_paper(in->st, p, in->source_id, &changed))
		return -1;
	in->papers++;
	if (!changed)
		return 0;
	/* The abstract is new or differs from the stored version: its
	 * extracted claims are replaced; curated ones stay. */
	if (store_forget_extracted(in->st, p->id))
		return -1;
	claim_list_clear(&in->found);
	extract_claims(p->abstract, strlen(p->abstract), &in->found);
	for (size_t i = 0; i < in->found.len; i++) {
		struct claim *c = &in->found.items[i];
		c->source_line = p->source_line;
		if (store_add_claim(in->st, p->id, c, in->source_id, NULL))
			return -1;
		in->claims++;
	}
	return 0;
}

static int on_claim(void *ctx, struct paper *p, struct claim *c)
{
	struct ingest *in = ctx;
	int changed;
	if (store_put_paper(in->st, p, in->source_id, &changed))
		return -1;
	if (store_add_claim(in->st, p->id, c, in->source_id, NULL))
		return -1;
	in->claims++;
	return 0;
}

/* Size and FNV-1a hash of the file's bytes: equal fingerprints mean the
 * file need not be read again. */
static int fingerprint(const char *path, char out[64])
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	unsigned long long h = 1469598103934665603ULL, size = 0;
	unsigned char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		for (size_t i = 0; i < n; i++) {
			h ^= buf[i];
			h *= 1099511628211ULL;
		}
		size += n;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		err("%s: read error", path);
		return -1;
	}
	snprintf(out, 64, "%llu:%016llx", size, h);
	return 0;
}

/* Read one file; returns 0, 1 (records skipped) or -1 (refused). */
static int ingest_file(struct ingest *in, const char *path, enum source_format fmt,
		       int force)
{
	char fp[64];
	int unchanged;
	struct source_stats stats;
	struct source_sink sink = { on_paper, on_claim, in };
	if (fingerprint(path, fp))
		return -1;
	if (store_put_source(in->st, path, "pending", fp, &in->source_id, &unchanged))
		return -1;
	if (unchanged && !force) {
		if (!diag_quiet)
			fprintf(stderr, "effdash: %s: unchanged since the last ingest\n", path);
		return 0;
	}
	if (store_forget_curated(in->st, in->source_id))
		return -1;
	in->path = path;
	int rc = source_read(path, fmt, &sink, &stats);
	if (rc >= 0 && store_put_source(in->st, path, stats.kind, fp, &in->source_id,
					&unchanged))
		return -1;
	return rc;
}

/* Store the reference tables (read afresh, so edits to data/ take effect)
 * and recompute the derived values of every active claim. */
static int derive_all(struct store *st, const char *ref_dir)
{
	struct dataset ref, ds;
	dataset_init(&ref);
	dataset_init(&ds);
	int rc = normalize_load_reference(ref_dir, &ref);
	if (!rc)
		rc = store_put_accelerators(st, ref.accelerators, ref.n_accelerators);
	if (!rc)
		rc = store_put_assumptions(st, ref.assumptions, ref.n_assumptions);
	if (!rc)
		rc = store_load(st, &ds);
	if (!rc) {
		normalize_derive(&ds);
		rc = store_replace_derivations(st, ds.derivations, ds.n_derivations);
	}
	dataset_release(&ref);
	dataset_release(&ds);
	return rc;
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum source_format fmt = FMT_AUTO;
	const char *ref_dir = NULL;
	int force = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+f:r:h", opts, NULL)) != -1) {
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
	memset(&in, 0, sizeof in);
	if (ensure_parent(g->db) || store_open(g->db, 0, &in.st))
		return EXIT_FAIL;
	int status = EXIT_OK;
	if (store_begin(in.st)) {
		status = EXIT_FAIL;
		goto out;
	}
	for (int i = optind; i < argc; i++) {
		int rc = ingest_file(&in, argv[i], fmt, force);
		if (rc < 0) {
			status = EXIT_FAIL;
			break;
		}
		if (rc > 0)
			status = EXIT_PARTIAL;
	}
	if (status != EXIT_FAIL && derive_all(in.st, ref_dir))
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
	claim_list_release(&in.found);
	store_close(in.st);
	return status;
}

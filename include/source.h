/* source.h - readers of input files: paper listings and paper records
 * (abstracts to extract from) and curated claim files. */
#ifndef EFFDASH_SOURCE_H
#define EFFDASH_SOURCE_H

#include "claim.h"
#include "paper.h"

enum source_format {
	FMT_AUTO = 0,
	FMT_LISTING,  /* header lines, then title / abstract paragraphs */
	FMT_JSON,     /* JSON or JSON Lines of papers or of curated claims */
	FMT_CSV       /* curated claims */
};

/* Where a reader hands its records.  The records are borrowed: valid
 * during the call only.  A callback returns 0 to go on, -1 to stop the
 * read (the reader then returns -1). */
struct source_sink {
	int (*paper)(void *ctx, struct paper *p);
	int (*claim)(void *ctx, struct paper *p, struct claim *c);
	void *ctx;
};

struct source_stats {
	long papers;   /* paper records delivered */
	long claims;   /* curated claims delivered */
	long skipped;  /* records reported and skipped */
	const char *kind; /* "listing", "papers-json", "claims-json", "claims-csv" */
	void *file;       /* the open FILE while reading (for progress), or NULL */
	long long size;   /* the file's size in bytes, or -1 */
	/* A point a later read of the file, grown by appending, may start
	 * from: just after the last complete paper record, where the
	 * reader holds no state.  Set by the listing and JSON Lines paper
	 * readers; 0 when there is none. */
	long long resume_offset;
	long resume_line;          /* lines before resume_offset */
	const char *resume_format; /* "listing" or "jsonl" */
};

/* Where to start reading: 0 / 0 for the start of the file, or a resume
 * point of an earlier read (the format must then be given). */
struct source_start {
	long long offset;
	long line;
	int json_lines;   /* with FMT_JSON: the file is JSON Lines */
	/* When set (64 bytes), receives the fingerprint "SIZE:xxh3:HASH" of
	 * the whole file's bytes, hashed as they are read (bytes the reader
	 * did not reach are read for it at the end). */
	char *fingerprint;
};

/* Read the file at path in format fmt (FMT_AUTO: decide from the content)
 * and deliver its records to sink.  Returns 0 when everything was read,
 * 1 when some records were reported and skipped, -1 when the file was
 * refused (reason printed as effdash: path:line:col: ...).  Curated claim
 * files are all or nothing: any bad row refuses the file. */
int source_read(const char *path, enum source_format fmt,
		const struct source_sink *sink, struct source_stats *stats);
/* source_read from a resume point; a file with nothing new there is not
 * an error. */
int source_read_from(const char *path, enum source_format fmt,
		     const struct source_start *start, const struct source_sink *sink,
		     struct source_stats *stats);

int source_format_parse(const char *name, enum source_format *fmt);

/* Normalise an arXiv identifier as found in records ("arXiv:2401.01234v2",
 * "https://arxiv.org/abs/cs/0112017v1", "2401.01234") to its versionless
 * form.  Returns a new string, or NULL when s is not an arXiv id. */
char *arxiv_id_normalise(const char *s);

/* Collapse runs of white space (including newlines and no-break spaces)
 * to single spaces and trim; returns a new string. */
char *text_fold_space(const char *s, size_t n);

#endif

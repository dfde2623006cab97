/* claim.h - one efficiency figure about one paper, in canonical units.
 *
 * The vocabulary (quantity kinds, dimensions, qualifiers) is the one the
 * evaluation files share; see README.md "Claim vocabulary". */
#ifndef EFFDASH_CLAIM_H
#define EFFDASH_CLAIM_H

#include <stddef.h>

enum quantity {
	Q_NONE = 0,
	Q_COST_USD,  /* US dollars */
	Q_COMPUTE,   /* device-hours summed over devices; hardware optional */
	Q_PARAMS,    /* parameter count */
	Q_TOKENS,    /* training tokens */
	Q_DATA_SIZE, /* training examples that are not tokens */
	Q_MEMORY_GB, /* gigabytes */
	Q_RATIO,     /* factor >= 1, "this many times better" in dimension */
	Q_QUALITY,   /* result as stated, with metric and dataset */
	Q__COUNT
};

enum qualifier {
	QUAL_NONE = 0,
	QUAL_UPPER, /* "up to X" */
	QUAL_LOWER, /* "over X", "more than X", "at least X" */
	QUAL_APPROX /* "about X", "~X" */
};

enum origin { ORIGIN_EXTRACTED = 0, ORIGIN_CURATED };

/* What a curated row does to the extracted claim with the same paper and
 * span: add a claim, confirm one, correct one, or reject one. */
enum curation { CUR_ADD = 0, CUR_CONFIRM, CUR_CORRECT, CUR_REJECT };

struct claim {
	enum quantity quantity;
	double value;
	double value_max;  /* upper end of a range; valid when has_max */
	int has_max;
	enum qualifier qualifier;
	int subject_baseline; /* figure belongs to a comparator */
	enum origin origin;
	enum curation curation;
	/* Owned strings, NULL when absent. */
	char *unit;      /* canonical unit: USD, device-hours, count, GB, x, or
			    the metric's unit ("%", "FID", ...) for quality */
	char *dimension; /* ratio only: cost, time, memory, ... */
	char *hardware;  /* normalised device name: A100, V100, RTX 4090 ... */
	char *metric;    /* quality: lower-case metric name */
	char *dataset;   /* quality: dataset as written */
	char *baseline;  /* what a ratio is measured against, as written */
	char *raw;       /* the figure as written ("6,250 A100 GPU days") */
	char *span;      /* exact evidence text in the abstract */
	char *evidence;  /* a longer quoted sentence (curated) */
	char *note;      /* conversion steps applied, human readable */
	long span_start; /* byte offsets of span in the abstract; -1 if none */
	long span_end;
	/* Where the claim came from. */
	char *source_file;
	long source_line;
};

/* Zero a claim (span offsets -1). */
void claim_init(struct claim *c);
/* Free a claim's strings and re-initialise it. */
void claim_release(struct claim *c);
/* Deep copy src into dst (dst must be initialised or released). */
void claim_copy(struct claim *dst, const struct claim *src);
/* Replace one owned string field with a copy of s (NULL clears). */
void claim_set(char **field, const char *s);

/* The *_name functions return strings that live as long as the program
 * (the store compares them by address). */
const char *quantity_name(enum quantity q);   /* "cost_usd", ... "none" */
int quantity_parse(const char *name, enum quantity *q); /* 0 ok, -1 unknown */
const char *qualifier_name(enum qualifier q); /* NULL for QUAL_NONE */
int qualifier_parse(const char *name, enum qualifier *q);
const char *origin_name(enum origin o);
const char *curation_name(enum curation c);
int curation_parse(const char *name, enum curation *c);
/* Is name one of the ratio dimensions of the vocabulary? */
int dimension_valid(const char *name);
/* Canonical unit of a quantity kind ("USD", "device-hours", ...); NULL for
 * quality and none. */
const char *quantity_unit(enum quantity q);

/* A growable array of claims; the list owns its claims. */
struct claim_list {
	struct claim *items;
	size_t len;
	size_t alloc;
};

#define CLAIM_LIST_INIT { NULL, 0, 0 }

/* Append an initialised claim slot and return it. */
struct claim *claim_list_push(struct claim_list *l);
void claim_list_release(struct claim_list *l);
/* Release the claims but keep the storage. */
void claim_list_clear(struct claim_list *l);

#endif

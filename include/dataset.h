/* dataset.h - everything a report shows, loaded from the store into
 * memory.  Renderers read only this; they never see SQL. */
#ifndef EFFDASH_DATASET_H
#define EFFDASH_DATASET_H

#include <stddef.h>

#include "claim.h"
#include "paper.h"
#include "util.h"

/* A value derived from a claim by one conversion, with its assumptions. */
struct derivation {
	long id;
	long claim_id;
	char *kind;       /* "ref_hours", "flop", "usd", "energy_kwh", ... */
	double value;
	double low, high; /* bounds (equal to value when exact) */
	char *unit;       /* "A100-hours", "FLOP", "USD", "kWh" */
	char *method;     /* the formula, in words with the numbers used */
	char *assumption; /* named assumptions: "price A100=1.29 USD/h (...)" */
};

struct stored_claim {
	long id;
	size_t paper;     /* index into dataset.papers */
	int status;       /* 0 active, 1 superseded by a curated decision */
	struct claim claim;
};

/* One accelerator of the reference table. */
struct accelerator {
	char *name;
	char *aliases;        /* ';'-separated */
	double peak_flops;    /* dense FP16/BF16 FLOP/s */
	double peak_fp32;
	double power_w;
	int year;
	double price_usd_h;   /* on-demand price per device-hour */
	char *price_date;
	char *date;           /* when the row's figures were taken */
	char *source;
};

/* A named default or overridden assumption. */
struct assumption {
	char *name;
	char *value;
	char *source;
	char *date;           /* date of the source; NULL for overrides */
};

/* One year of the price index used for constant dollars (US CPI-U). */
struct price_index {
	int year;
	double cpi;           /* annual average, 1982-84 = 100 */
	char *date;           /* when the figure was published */
	char *source;
};

/* The annual average exchange rate of one currency in one year. */
struct currency {
	char *code;           /* ISO 4217: "EUR" */
	char *name;
	char *symbols;        /* ';'-separated ways of writing it: "€;euro" */
	int year;
	double per_usd;       /* units of the currency per US dollar */
	char *date;
	char *source;
};

struct dataset {
	/* When set, the strings of papers, claims and derived values live
	 * in strings and go with it (a report's load), not one by one. */
	int strings_in_arena;
	struct arena strings;
	struct paper *papers;            /* ordered by title, then key */
	size_t n_papers;
	struct stored_claim *claims;     /* ordered by paper, then position */
	size_t n_claims;
	size_t n_inactive;               /* extracted claims not loaded: a
					    curated row confirms, corrects or
					    rejects them */
	struct derivation *derivations;  /* ordered by claim id, then kind */
	size_t n_derivations;
	struct accelerator *accelerators;
	size_t n_accelerators;
	struct assumption *assumptions;
	size_t n_assumptions;
	struct price_index *price_index; /* ordered by year */
	size_t n_price_index;
	struct currency *currencies;     /* ordered by code, then year */
	size_t n_currencies;
};

void dataset_init(struct dataset *ds);
void dataset_release(struct dataset *ds);
/* A copy of s[0..n) that ds owns: in its arena when its strings live
 * there, else from malloc. */
char *dataset_strndup(struct dataset *ds, const char *s, size_t n);

#endif

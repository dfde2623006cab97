/* curated.h - turning one curated claim row (from CSV or JSON) into a
 * paper and a claim, with every check a hand-made file needs.  Private to
 * the source readers. */
#ifndef EFFDASH_CURATED_H
#define EFFDASH_CURATED_H

#include "claim.h"
#include "paper.h"

enum curated_field {
	CF_PAPER, CF_ARXIV_ID, CF_URL, CF_DATE, CF_QUANTITY, CF_FIGURE,
	CF_VALUE, CF_VALUE_MAX, CF_UNIT, CF_DIMENSION, CF_HARDWARE, CF_METRIC,
	CF_DATASET, CF_QUALIFIER, CF_SUBJECT, CF_BASELINE, CF_SPAN,
	CF_EVIDENCE, CF_ACTION, CF__COUNT
};

struct curated_row {
	const char *value[CF__COUNT]; /* NULL or "" when absent */
	long line[CF__COUNT];
	long col[CF__COUNT];
	long row_line;                /* line of the record */
};

/* The field called name (also accepts "title" for paper); -1 if none. */
int curated_field_find(const char *name);
const char *curated_field_name(enum curated_field f);

/* Build p and c (both initialised by the caller) from row.  Returns 0, or
 * -1 after printing path:line:col: reason. */
int curated_convert(const struct curated_row *row, const char *path,
		    struct paper *p, struct claim *c);

#endif

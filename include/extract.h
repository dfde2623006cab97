/* extract.h - find efficiency claims in the text of one abstract. */
#ifndef EFFDASH_EXTRACT_H
#define EFFDASH_EXTRACT_H

#include <stddef.h>

#include "claim.h"

/* Append to out every claim found in text[0..len) (UTF-8, not necessarily
 * NUL-terminated), in order of position.  Each claim has origin extracted,
 * span (an exact copy of text[span_start..span_end)), raw, unit, note and
 * the fields its kind needs.  Never fails; text that is not a claim yields
 * nothing. */
void extract_claims(const char *text, size_t len, struct claim_list *out);

/* 1 when the vectorised skim of sentences without figures stops at every
 * byte pair its table names (a self-check for the unit tests). */
int extract_skim_check(void);

#endif

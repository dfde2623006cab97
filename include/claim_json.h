/* claim_json.h - a claim as one line of JSON (the JSON Lines export). */
#ifndef EFFDASH_CLAIM_JSON_H
#define EFFDASH_CLAIM_JSON_H

#include "claim.h"
#include "util.h"

/* Append the claim as a JSON object (no newline) to out.  paper and
 * arxiv_id may be NULL; absent optional fields are written as null so
 * every line has the same keys. */
void claim_json(struct strbuf *out, const struct claim *c, const char *paper,
		const char *arxiv_id, long id);

#endif

/* paper.h - one paper as read from a source. */
#ifndef EFFDASH_PAPER_H
#define EFFDASH_PAPER_H

#include <stddef.h>

struct paper {
	long id;          /* store row id; 0 before storing */
	char *title;      /* as written, white space folded */
	char *abstract;   /* NULL when the source has none */
	char *arxiv_id;   /* without version ("2407.15811", "cs/0112017") */
	char *url;
	char *date;       /* ISO 8601 date (YYYY-MM-DD) or NULL */
	char *source_file;
	long source_line;
};

void paper_init(struct paper *p);
void paper_release(struct paper *p);
void paper_copy(struct paper *dst, const struct paper *src);
/* Hand src's fields to dst (released first); src is left empty. */
void paper_move(struct paper *dst, struct paper *src);

/* The key that identifies a paper across sources: "arxiv:ID" when the
 * arXiv id is known, else "title:" + the title folded to lower case with
 * runs of white space and punctuation collapsed.  Caller frees. */
char *paper_key_for(const char *arxiv_id, const char *title);

/* What storing a record needs beyond the record itself; pure, so the
 * extraction threads compute it and the writing thread only writes. */
struct paper_keys {
	char *key;       /* paper_key_for(arxiv_id, title) */
	char *title_key; /* paper_key_for(NULL, title) */
	long long title_hash; /* paper_text_hash(title_key) */
	char hash[17];   /* paper_abstract_hash; "" without an abstract */
	size_t abstract_len; /* strlen(abstract), measured while it is at hand */
};
void paper_keys_compute(struct paper_keys *k, const struct paper *p);
void paper_keys_release(struct paper_keys *k);

/* The abstract's XXH3 as 16 hex digits: tells whether it changed. */
void paper_abstract_hash(const char *abstract, char out[17]);
/* A 64-bit hash (XXH3) of a string, for index keys. */
long long paper_text_hash(const char *s);

/* The record's fingerprint (XXH3 over title, ids, URL, date and
 * abstract): two records with equal fingerprints store the same thing.
 * Never 0, so 0 can mean "none". */
long long paper_fingerprint(const struct paper *p);

#endif

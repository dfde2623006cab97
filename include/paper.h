/* paper.h - one paper as read from a source. */
#ifndef EFFDASH_PAPER_H
#define EFFDASH_PAPER_H

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

/* The key that identifies a paper across sources: "arxiv:ID" when the
 * arXiv id is known, else "title:" + the title folded to lower case with
 * runs of white space and punctuation collapsed.  Caller frees. */
char *paper_key_for(const char *arxiv_id, const char *title);

#endif

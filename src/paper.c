/* paper.c - the paper record and its identity key. */
#include "paper.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void paper_init(struct paper *p)
{
	memset(p, 0, sizeof *p);
}

void paper_release(struct paper *p)
{
	free(p->title);
	free(p->abstract);
	free(p->arxiv_id);
	free(p->url);
	free(p->date);
	free(p->source_file);
	paper_init(p);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void paper_copy(struct paper *dst, const struct paper *src)
{
	paper_release(dst);
	dst->id = src->id;
	dst->title = dup_or_null(src->title);
	dst->abstract = dup_or_null(src->abstract);
	dst->arxiv_id = dup_or_null(src->arxiv_id);
	dst->url = dup_or_null(src->url);
	dst->date = dup_or_null(src->date);
	dst->source_file = dup_or_null(src->source_file);
	dst->source_line = src->source_line;
}

/*
 * Titles are folded so that the same paper from two sources meets: ASCII
 * letters lower-cased, and every run of bytes that are neither ASCII
 * letters, digits nor UTF-8 (so: spaces, punctuation, LaTeX braces and
 * dollars) becomes one space.  "PixArt-$α$: Fast" and "PixArt-α: fast"
 * therefore share a key.
 */
char *paper_key_for(const char *arxiv_id, const char *title)
{
	struct strbuf sb = STRBUF_INIT;
	if (arxiv_id && *arxiv_id) {
		sb_adds(&sb, "arxiv:");
		sb_adds(&sb, arxiv_id);
		return sb_detach(&sb);
	}
	sb_adds(&sb, "title:");
	int gap = 0;
	for (const unsigned char *s = (const unsigned char *)(title ? title : ""); *s; s++) {
		if (isalnum(*s) || *s >= 0x80) {
			if (gap && sb.len > 6)
				sb_addc(&sb, ' ');
			gap = 0;
			sb_addc(&sb, (char)tolower(*s));
		} else {
			gap = 1;
		}
	}
	return sb_detach(&sb);
}

/* paper.c - the paper record and its identity key. */
#include "paper.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

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

void paper_move(struct paper *dst, struct paper *src)
{
	paper_release(dst);
	*dst = *src;
	paper_init(src);
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

void paper_keys_compute(struct paper_keys *k, const struct paper *p)
{
	k->key = paper_key_for(p->arxiv_id, p->title);
	k->title_key = paper_key_for(NULL, p->title);
	k->title_hash = paper_text_hash(k->title_key);
	k->hash[0] = '\0';
	if (p->abstract)
		paper_abstract_hash(p->abstract, k->hash);
}

void paper_keys_release(struct paper_keys *k)
{
	free(k->key);
	free(k->title_key);
	k->key = k->title_key = NULL;
	k->hash[0] = '\0';
}

void paper_abstract_hash(const char *abstract, char out[17])
{
	snprintf(out, 17, "%016llx",
		 (unsigned long long)XXH3_64bits(abstract, strlen(abstract)));
}

long long paper_text_hash(const char *s)
{
	return (long long)XXH3_64bits(s, strlen(s));
}

long long paper_fingerprint(const struct paper *p)
{
	unsigned long long h = 1;
	h = hash_text(h, p->title);
	h = hash_text(h, p->arxiv_id);
	h = hash_text(h, p->url);
	h = hash_text(h, p->date);
	h = hash_text(h, p->abstract);
	return h ? (long long)h : 1;
}

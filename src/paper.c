/* paper.c - the paper record and its identity key. */
#include "paper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xxh.h"

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
	if (arxiv_id && *arxiv_id) {
		size_t n = strlen(arxiv_id);
		char *key = xmalloc(n + 7);
		memcpy(key, "arxiv:", 6);
		memcpy(key + 6, arxiv_id, n + 1);
		return key;
	}
	/* letters and digits (ASCII folded to lower case, other bytes kept)
	 * in runs joined by one space: never longer than "title:" + title */
	const unsigned char *s = (const unsigned char *)(title ? title : "");
	char *key = xmalloc(strlen((const char *)s) + 7), *o = key + 6;
	memcpy(key, "title:", 6);
	int gap = 0;
	for (; *s; s++) {
		unsigned char c = *s;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
		} else if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c - 'A' + 'a');
		} else {
			gap = 1;
			continue;
		}
		if (gap && o > key + 6)
			*o++ = ' ';
		gap = 0;
		*o++ = (char)c;
	}
	*o = '\0';
	return key;
}

/* paper_abstract_hash of the n bytes at abstract. */
static void abstract_hash_n(const char *abstract, size_t n, char out[17])
{
	snprintf(out, 17, "%016llx", (unsigned long long)XXH3_64bits(abstract, n));
}

void paper_keys_compute(struct paper_keys *k, const struct paper *p)
{
	k->title_key = paper_key_for(NULL, p->title);
	k->key = p->arxiv_id && *p->arxiv_id ? paper_key_for(p->arxiv_id, NULL)
					     : xstrdup(k->title_key);
	k->title_hash = paper_text_hash(k->title_key);
	k->hash[0] = '\0';
	k->abstract_len = 0;
	if (p->abstract) {
		k->abstract_len = strlen(p->abstract);
		abstract_hash_n(p->abstract, k->abstract_len, k->hash);
	}
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
	abstract_hash_n(abstract, strlen(abstract), out);
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

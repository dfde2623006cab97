/* source_impl.h - the readers behind source_read.  Private. */
#ifndef EFFDASH_SOURCE_IMPL_H
#define EFFDASH_SOURCE_IMPL_H

#include <stdio.h>

#include "source.h"

/* start: where the file position is (offset and lines before it). */
int source_read_listing(FILE *f, const char *path, const struct source_start *start,
			const struct source_sink *sink, struct source_stats *stats);
int source_read_json(FILE *f, const char *path, const struct source_start *start,
		     const struct source_sink *sink, struct source_stats *stats);
int source_read_csv(FILE *f, const char *path, const struct source_sink *sink,
		    struct source_stats *stats);

/* The paper in one JSON record (text[0..n)) as the fast reader of flat
 * records (fast = 1) or cJSON (fast = 0) reads it, for the tests that
 * hold the two together.  0 when read, 1 when the fast reader leaves the
 * record to cJSON, -1 when it is not valid JSON.  p is to be released. */
struct paper;
int source_json_paper_fields(const char *text, size_t n, int fast, struct paper *p);

/* Longest line or record effdash reads (a 50 MB abstract is refused
 * politely rather than read into memory). */
#define SOURCE_MAX_RECORD (16u << 20)

#endif

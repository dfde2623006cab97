/* csvread.h - an RFC 4180 CSV reader that knows where every field starts,
 * so errors can name file:line:col.  Streams: one record in memory. */
#ifndef EFFDASH_CSVREAD_H
#define EFFDASH_CSVREAD_H

#include <stdio.h>

#include "util.h"

#define CSV_MAX_FIELDS 64
/* Longest record read (bytes of its fields); longer ones are refused. */
#define CSV_MAX_RECORD (16u << 20)

struct csv_record {
	size_t n;                       /* number of fields */
	char *field[CSV_MAX_FIELDS];    /* NUL-terminated, point into buf */
	long line[CSV_MAX_FIELDS];      /* 1-based line of each field start */
	long col[CSV_MAX_FIELDS];       /* 1-based byte column */
	long first_line;                /* line the record starts on */
};

struct csv_reader {
	FILE *f;
	const char *path;
	long line, col;   /* position of the next byte */
	struct strbuf buf;
	size_t offs[CSV_MAX_FIELDS];
	unsigned char *data;  /* the chunk read: bytes pos..end are next */
	size_t pos, end;
	int eof;
};

/* Read from f (not closed by the reader); path is for messages. */
void csv_reader_init(struct csv_reader *r, FILE *f, const char *path);
void csv_reader_release(struct csv_reader *r);

/* Read the next record into rec (valid until the next call).  Returns 1
 * for a record, 0 at end of input, -1 on a syntax error (printed as
 * path:line:col).  Blank lines are skipped.  A leading UTF-8 byte order
 * mark is ignored; CRLF and LF both end records; NUL bytes, invalid UTF-8
 * and records longer than CSV_MAX_RECORD are errors. */
int csv_read(struct csv_reader *r, struct csv_record *rec);

#endif

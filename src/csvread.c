/* csvread.c - RFC 4180 reading with positions.
 *
 * libcsv (used nowhere for reading) parses well but cannot say where a
 * field or an error is; effdash promises file:line:col for every bad
 * input, so reading is this small state machine instead. */
#include "csvread.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* Bytes read from the file at a time. */
#define CSV_CHUNK (64u << 10)

void csv_reader_init(struct csv_reader *r, FILE *f, const char *path)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->path = path;
	r->line = 1;
	r->col = 1;
	r->data = xmalloc(CSV_CHUNK);
	sb_init(&r->buf);
}

void csv_reader_release(struct csv_reader *r)
{
	free(r->data);
	r->data = NULL;
	sb_release(&r->buf);
}

/* Is there a byte to read?  Reads the next chunk when needed. */
static int fill(struct csv_reader *r)
{
	if (r->pos < r->end)
		return 1;
	if (r->eof)
		return 0;
	r->pos = 0;
	r->end = fread(r->data, 1, CSV_CHUNK, r->f);
	r->eof = r->end == 0;
	return !r->eof;
}

static int next(struct csv_reader *r)
{
	if (!fill(r))
		return EOF;
	int c = r->data[r->pos++];
	if (c == '\n') {
		r->line++;
		r->col = 1;
	} else {
		r->col++;
	}
	return c;
}

static int peek(struct csv_reader *r)
{
	return fill(r) ? r->data[r->pos] : EOF;
}

/* Bytes that end a run of field text: in a quoted field a quote, a
 * newline (it moves the line) and NUL (refused where it is); unquoted,
 * also the comma and the carriage return. */
static const unsigned char stop_quoted[256] = { ['"'] = 1, ['\n'] = 1, ['\0'] = 1 };
static const unsigned char stop_plain[256] = { ['"'] = 1, ['\n'] = 1, ['\0'] = 1,
					       [','] = 1, ['\r'] = 1 };

/* Add the run of bytes up to the next one in stop to the field at once,
 * instead of byte by byte: most of a file is such runs.  It stops short
 * of the record limit, so the byte past it meets add_byte's refusal at
 * its own column. */
static void take_run(struct csv_reader *r, const unsigned char *stop)
{
	while (fill(r)) {
		size_t s = r->pos, e = s;
		while (e < r->end && !stop[r->data[e]])
			e++;
		size_t n = e - s, room = CSV_MAX_RECORD > r->buf.len ? CSV_MAX_RECORD - r->buf.len : 0;
		if (n > room)
			n = room;
		sb_add(&r->buf, (const char *)r->data + s, n);
		r->pos = s + n;
		r->col += (long)n;
		if (r->pos < r->end)
			return;
	}
}

static int fail(struct csv_reader *r, long line, long col, const char *msg)
{
	err_at(r->path, line, col, "%s", msg);
	return -1;
}

/* Add byte c, just read, to the field: NUL bytes and records too long
 * to hold are refused where they are. */
static int add_byte(struct csv_reader *r, int c)
{
	if (c == '\0')
		return fail(r, r->line, r->col - 1, "NUL byte in field");
	if (r->buf.len >= CSV_MAX_RECORD)
		return fail(r, r->line, r->col - 1, "record longer than 16 MiB");
	sb_addc(&r->buf, (char)c);
	return 0;
}

/* Validate the UTF-8 of the field just finished. */
static int check_field(struct csv_reader *r, size_t start, long line, long col)
{
	size_t bad;
	const char *s = sb_str(&r->buf) + start;
	size_t n = r->buf.len - start;
	if (!utf8_valid(s, n, &bad))
		return fail(r, line, col + (long)bad, "invalid UTF-8");
	return 0;
}

/* Read one field; *end gets the delimiter that ended it (',', '\n', EOF). */
static int read_field(struct csv_reader *r, int *end)
{
	long line = r->line, col = r->col;
	size_t start = r->buf.len;
	int c = next(r);
	if (c == '"') {
		for (;;) {
			take_run(r, stop_quoted);
			c = next(r);
			if (c == EOF)
				return fail(r, line, col, "unterminated quoted field");
			if (c == '"') {
				if (peek(r) == '"') {
					next(r);
					if (add_byte(r, '"'))
						return -1;
					continue;
				}
				c = next(r);
				break;
			}
			if (add_byte(r, c))
				return -1;
		}
		if (c == '\r' && peek(r) == '\n')
			c = next(r);
		if (c != ',' && c != '\n' && c != EOF)
			return fail(r, r->line, r->col - 1,
				    "unexpected character after closing quote");
	} else {
		while (c != ',' && c != '\n' && c != EOF) {
			if (c == '"')
				return fail(r, r->line, r->col - 1,
					    "quote inside unquoted field");
			if (c == '\r' && peek(r) == '\n') {
				c = next(r);
				break;
			}
			if (add_byte(r, c))
				return -1;
			take_run(r, stop_plain);
			c = next(r);
		}
	}
	*end = c;
	return check_field(r, start, line, col);
}

int csv_read(struct csv_reader *r, struct csv_record *rec)
{
	for (;;) {
		int c = peek(r);
		if (c == EOF)
			return 0;
		if (r->line == 1 && r->col == 1 && c == 0xEF) {
			/* Byte order mark. */
			unsigned char bom[3];
			for (int i = 0; i < 3; i++)
				bom[i] = (unsigned char)next(r);
			if (bom[1] != 0xBB || bom[2] != 0xBF)
				return fail(r, 1, 1, "invalid UTF-8");
			r->col = 1;
			continue;
		}
		if (c == '\n' || c == '\r') {
			next(r);
			continue;
		}
		break;
	}
	sb_reset(&r->buf);
	rec->n = 0;
	rec->first_line = r->line;
	int end;
	do {
		if (rec->n == CSV_MAX_FIELDS)
			return fail(r, r->line, r->col, "too many fields");
		rec->line[rec->n] = r->line;
		rec->col[rec->n] = r->col;
		r->offs[rec->n] = r->buf.len;
		if (read_field(r, &end))
			return -1;
		sb_addc(&r->buf, '\0');
		rec->n++;
	} while (end == ',');
	for (size_t i = 0; i < rec->n; i++)
		rec->field[i] = r->buf.buf + r->offs[i];
	return 1;
}

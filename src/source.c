/* source.c - format detection, dispatch and text helpers for readers. */
#include "source.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "source_impl.h"
#include "util.h"
#include "xxh.h"

#ifdef EFFDASH_AVX2
#include <immintrin.h>
#endif

int source_format_parse(const char *name, enum source_format *fmt)
{
	static const struct {
		const char *name;
		enum source_format fmt;
	} names[] = {
		{ "auto", FMT_AUTO }, { "listing", FMT_LISTING },
		{ "json", FMT_JSON }, { "jsonl", FMT_JSON }, { "csv", FMT_CSV },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (!strcmp(name, names[i].name)) {
			*fmt = names[i].fmt;
			return 0;
		}
	}
	return -1;
}

/* Decide the format from the first bytes: JSON starts with { or [, a
 * curated CSV with a header row naming the paper column, anything else
 * is a listing. */
static enum source_format detect(FILE *f)
{
	char head[512];
	size_t n = fread(head, 1, sizeof head - 1, f);
	head[n] = '\0';
	if (fseeko(f, 0, SEEK_SET)) /* a pipe: what was read is gone */
		return FMT_AUTO;
	clearerr(f);
	size_t i = 0;
	if (n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && isspace((unsigned char)head[i]))
		i++;
	if (head[i] == '{' || head[i] == '[')
		return FMT_JSON;
	if (!strncmp(head + i, "paper,", 6) || !strncmp(head + i, "title,", 6) ||
	    !strncmp(head + i, "\"paper\",", 8))
		return FMT_CSV;
	return FMT_LISTING;
}

int source_read(const char *path, enum source_format fmt,
		const struct source_sink *sink, struct source_stats *stats)
{
	struct source_start start = { 0, 0, 0, NULL };
	return source_read_from(path, fmt, &start, sink, stats);
}

#define SOURCE_IO_BUFFER (256 * 1024)

/* A file read through stdio whose bytes are hashed on their way in, so
 * a file new to the database costs one pass, not a hashing pass before
 * the reading one.  Bytes are hashed once, in order: a read that goes
 * back (detect()'s rewind) skips what was hashed, and whatever the
 * reader did not reach is read by hashed_finish(). */
struct hashed_file {
	int fd;
	off_t pos;     /* of the next read */
	off_t hashed;  /* bytes [0, hashed) are in h */
	XXH3_state_t *h;
};

static ssize_t hashed_read(void *cookie, char *buf, size_t size)
{
	struct hashed_file *hf = cookie;
	ssize_t n = read(hf->fd, buf, size);
	if (n > 0) {
		off_t end = hf->pos + n;
		if (hf->pos <= hf->hashed && end > hf->hashed) {
			XXH3_64bits_update(hf->h, buf + (hf->hashed - hf->pos),
					   (size_t)(end - hf->hashed));
			hf->hashed = end;
		}
		hf->pos = end;
	}
	return n;
}

static int hashed_seek(void *cookie, off64_t *offset, int whence)
{
	struct hashed_file *hf = cookie;
	off_t at = lseek(hf->fd, (off_t)*offset, whence);
	if (at < 0)
		return -1;
	hf->pos = at;
	*offset = at;
	return 0;
}

static int hashed_close(void *cookie)
{
	return close(((struct hashed_file *)cookie)->fd);
}

static FILE *hashed_open(const char *path, struct hashed_file *hf)
{
	static const cookie_io_functions_t io = { hashed_read, NULL, hashed_seek, hashed_close };
	memset(hf, 0, sizeof *hf);
	hf->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (hf->fd < 0)
		return NULL;
	hf->h = XXH3_createState();
	FILE *f = hf->h ? fopencookie(hf, "rb", io) : NULL;
	if (!f) {
		XXH3_freeState(hf->h);
		close(hf->fd);
		errno = ENOMEM;
		return NULL;
	}
	XXH3_64bits_reset(hf->h);
	return f;
}

/* Hash the bytes the reader left, and write the fingerprint. */
static int hashed_finish(struct hashed_file *hf, char out[64])
{
	char *buf = xmalloc(1 << 16);
	ssize_t n;
	for (;;) {
		/* on from where reading stopped (a pipe can do only that),
		 * or back to the first byte not hashed */
		int on = hf->pos == hf->hashed;
		n = on ? read(hf->fd, buf, 1 << 16) : pread(hf->fd, buf, 1 << 16, hf->hashed);
		if (n <= 0)
			break;
		if (on)
			hf->pos += n;
		XXH3_64bits_update(hf->h, buf, (size_t)n);
		hf->hashed += n;
	}
	free(buf);
	if (n < 0)
		return -1;
	fingerprint_text(out, (unsigned long long)hf->hashed,
			 (unsigned long long)XXH3_64bits_digest(hf->h));
	return 0;
}

static int read_format(FILE *f, enum source_format fmt, const char *path,
		       const struct source_start *start, const struct source_sink *sink,
		       struct source_stats *stats)
{
	struct stat sb;
	stats->file = f;
	stats->size = fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) ? (long long)sb.st_size : -1;
	int rc;
	switch (fmt) {
	case FMT_LISTING:
		stats->kind = "listing";
		rc = source_read_listing(f, path, start, sink, stats);
		break;
	case FMT_JSON:
		rc = source_read_json(f, path, start, sink, stats);
		break;
	case FMT_CSV:
		stats->kind = "claims-csv";
		rc = source_read_csv(f, path, sink, stats);
		break;
	default:
		BUG("format %d", (int)fmt);
	}
	stats->file = NULL;
	if (rc >= 0 && ferror(f)) {
		err("%s: read error: %s", path, strerror(errno));
		rc = -1;
	}
	return rc;
}

int source_read_from(const char *path, enum source_format fmt,
		     const struct source_start *start, const struct source_sink *sink,
		     struct source_stats *stats)
{
	struct hashed_file hf;
	memset(stats, 0, sizeof *stats);
	FILE *f = start->fingerprint ? hashed_open(path, &hf) : fopen(path, "rb");
	if (!f) {
		err("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	/* Reads of 256 KiB instead of stdio's 4 KiB: a large input took a
	 * system call per 4 KiB. */
	char *iobuf = malloc(SOURCE_IO_BUFFER);
	if (iobuf && setvbuf(f, iobuf, _IOFBF, SOURCE_IO_BUFFER)) {
		free(iobuf);
		iobuf = NULL;
	}
	int rc = 0;
	if (start->offset > 0) {
		if (fmt == FMT_AUTO || fmt == FMT_CSV)
			BUG("resuming needs a paper format");
		if (fseeko(f, (off_t)start->offset, SEEK_SET)) {
			err("%s: cannot seek: %s", path, strerror(errno));
			rc = -1;
		}
	}
	if (!rc && fmt == FMT_AUTO && (fmt = detect(f)) == FMT_AUTO) {
		err("%s: cannot tell the format of a file that cannot be read twice "
		    "(a pipe); give it with --format", path);
		rc = -1;
	}
	if (!rc)
		rc = read_format(f, fmt, path, start, sink, stats);
	if (rc >= 0 && start->fingerprint && hashed_finish(&hf, start->fingerprint)) {
		err("%s: read error: %s", path, strerror(errno));
		rc = -1;
	}
	fclose(f);
	free(iobuf);
	if (start->fingerprint)
		XXH3_freeState(hf.h);
	if (rc >= 0 && !start->offset && stats->papers == 0 && stats->claims == 0 &&
	    stats->skipped == 0) {
		err_at(path, 1, 1, "no papers or claims found");
		rc = -1;
	}
	return rc;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* New-style ids "YYMM.NNNN(N)" and old-style "archive(.SC)/YYMMNNN". */
static int arxiv_shape(const char *s, size_t n)
{
	const char *dot = memchr(s, '.', n);
	const char *slash = memchr(s, '/', n);
	if (!slash && dot && dot - s == 4 && all_digits(s, 4)) {
		size_t tail = n - 5;
		return (tail == 4 || tail == 5) && all_digits(dot + 1, tail);
	}
	if (slash && n - (size_t)(slash - s) == 8 && all_digits(slash + 1, 7)) {
		/* An archive name ("cs", "hep-th", "math.AG") starts with a
		 * letter, so "../1234567" is not an id (ids name files). */
		if (!isalpha((unsigned char)*s))
			return 0;
		for (const char *p = s; p < slash; p++)
			if (!(islower((unsigned char)*p) || *p == '-' || *p == '.' ||
			      isupper((unsigned char)*p)))
				return 0;
		return slash > s;
	}
	return 0;
}

char *arxiv_id_normalise(const char *s)
{
	static const char *const prefixes[] = {
		"https://arxiv.org/abs/", "http://arxiv.org/abs/",
		"https://arxiv.org/pdf/", "http://arxiv.org/pdf/",
		"arXiv:", "arxiv:",
	};
	while (isspace((unsigned char)*s))
		s++;
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t k = strlen(prefixes[i]);
		if (!strncmp(s, prefixes[i], k)) {
			s += k;
			break;
		}
	}
	size_t n = strcspn(s, " \t\r\n");
	if (n > 4 && !strncmp(s + n - 4, ".pdf", 4))
		n -= 4;
	/* Drop a version suffix "v2". */
	size_t end = n;
	while (end > 0 && isdigit((unsigned char)s[end - 1]))
		end--;
	if (end > 0 && end < n && s[end - 1] == 'v')
		n = end - 1;
	if (!arxiv_shape(s, n))
		return NULL;
	return xstrndup(s, n);
}

#ifndef __SSE2__
/* White space other than ' ', and the first byte of a no-break space
 * (U+00A0 is C2 A0): bytes text_fold_space may have to change. */
static const unsigned char fold_odd[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [0xC2] = 1,
};
#endif

#ifdef EFFDASH_AVX2
/* The SSE2 test of text_fold_space, 32 bytes at a time with AVX2, each
 * byte against the one before it loaded from one byte earlier: where
 * the folded prefix of u[0..n) ends, u[0] being neither white space nor
 * 0xC2 (the caller's test). */
__attribute__((target("avx2"))) static size_t folded_prefix_avx2(const unsigned char *u, size_t n)
{
	const __m256i space = _mm256_set1_epi8(' '), c2 = _mm256_set1_epi8((char)0xC2),
		      tab = _mm256_set1_epi8('\t'), four = _mm256_set1_epi8(4);
	size_t i = 1;
	for (; i + 32 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(u + i));
		__m256i prev = _mm256_loadu_si256((const __m256i *)(const void *)(u + i - 1));
		__m256i d = _mm256_sub_epi8(v, tab); /* '\t'..'\r' become 0..4 */
		__m256i ws = _mm256_cmpeq_epi8(_mm256_min_epu8(d, four), d);
		__m256i bad = _mm256_or_si256(
			_mm256_or_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v, space),
							 _mm256_cmpeq_epi8(prev, space)),
					ws),
			_mm256_cmpeq_epi8(v, c2));
		if (_mm256_movemask_epi8(bad))
			break;
	}
	return i;
}
#endif

char *text_fold_space(const char *s, size_t n)
{
	/* Most titles and abstracts are folded already: words separated by
	 * single spaces.  That prefix is found 16 bytes at a time without
	 * branches and copied whole; the rest, if any, byte by byte. */
	const unsigned char *u = (const unsigned char *)s;
	char *out = xmalloc(n + 1);
	size_t len = 0, i = 0;
	int gap = 0;
#ifdef EFFDASH_AVX2
	if (n >= 33 && u[0] > ' ' && u[0] != 0xC2 && cpu_avx2())
		i = folded_prefix_avx2(u, n);
	else
#endif
#ifdef __SSE2__
	/* the same test with SSE2: a space after a space, a byte in 9..13,
	 * or 0xC2 */
	if (n >= 16 && u[0] != ' ') {
		const __m128i space = _mm_set1_epi8(' '), c2 = _mm_set1_epi8((char)0xC2),
			      lo = _mm_set1_epi8('\t'), hi = _mm_set1_epi8('\r');
		int bad = 0;
		for (i = 0; i + 16 <= n && !bad; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(u + i));
			__m128i sp = _mm_cmpeq_epi8(v, space);
			/* the space flags shifted one byte later, with the last
			 * byte of the block before in front */
			__m128i sp1 = _mm_or_si128(_mm_slli_si128(sp, 1),
						   _mm_cvtsi32_si128(i && u[i - 1] == ' ' ? 0xFF : 0));
			__m128i ws = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, lo), v),
						   _mm_cmpeq_epi8(_mm_min_epu8(v, hi), v));
			__m128i b = _mm_or_si128(_mm_or_si128(_mm_and_si128(sp, sp1), ws),
						 _mm_cmpeq_epi8(v, c2));
			bad = _mm_movemask_epi8(b);
		}
		if (bad)
			i -= 16;
	}
#else
	unsigned prev = 1; /* a leading space is not verbatim */
	while (i + 16 <= n) {
		unsigned bad = 0, p = prev;
		for (size_t k = i; k < i + 16; k++) {
			unsigned sp = u[k] == ' ';
			bad |= (sp & p) | fold_odd[u[k]];
			p = sp;
		}
		if (bad)
			break;
		prev = p;
		i += 16;
	}
#endif
	if (i) {
		memcpy(out, s, i);
		len = i;
		if (out[len - 1] == ' ') {
			len--; /* a single space: a gap before the next word */
			gap = 1;
		}
	}
	for (; i < n; i++) {
		unsigned char c = u[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			gap = 1;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && u[i + 1] == 0xA0) {
			gap = 1; /* no-break space */
			i++;
			continue;
		}
		if (gap && len)
			out[len++] = ' ';
		gap = 0;
		out[len++] = (char)c;
	}
	out[len] = '\0';
	return out;
}

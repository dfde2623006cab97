/* escape.c - one escaping function per output sink.
 *
 * Every function reads untrusted bytes.  Invalid UTF-8 becomes U+FFFD so
 * that every file we write is valid UTF-8 (an SVG with a stray byte is not
 * valid XML and browsers refuse to show it). */
#include "escape.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes there
 * are not valid UTF-8.  s is NUL-terminated, which stops every scan. */
static size_t utf8_len(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0], min;
	size_t k;
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		k = 1, min = 0x80, c &= 0x1F;
	else if ((c & 0xF0) == 0xE0)
		k = 2, min = 0x800, c &= 0x0F;
	else if ((c & 0xF8) == 0xF0)
		k = 3, min = 0x10000, c &= 0x07;
	else
		return 0;
	for (size_t j = 1; j <= k; j++) {
		if ((s[j] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[j] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return k + 1;
}

/*
 * Walk s one character at a time.  ASCII bytes go to map(), which appends
 * their escaped form; valid multi-byte sequences are copied; invalid bytes
 * become U+FFFD.
 */
typedef void ascii_map(struct strbuf *out, char c);

/* For each sink, the printable ASCII characters its map() changes; every
 * other printable ASCII character is copied as it is. */
static const char html_special[] = "&<>\"'";
static const char url_special[] = " &<>\"'";
static const char gnuplot_special[] = "\\\"`";
static const char gnuplot_data_special[] = "\"`\\{}^_@&~";
static const char json_special[] = "\"\\";
static const char no_special[] = "";

/* The same sets as tables, for the bytes looked at one at a time. */
typedef unsigned char special_set[128];
static const special_set html_table = {
	['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1,
};
static const special_set url_table = {
	[' '] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1,
};
static const special_set gnuplot_table = {
	['\\'] = 1, ['"'] = 1, ['`'] = 1,
};
static const special_set gnuplot_data_table = {
	['"'] = 1, ['`'] = 1, ['\\'] = 1, ['{'] = 1, ['}'] = 1, ['^'] = 1,
	['_'] = 1, ['@'] = 1, ['&'] = 1, ['~'] = 1,
};
static const special_set json_table = { ['"'] = 1, ['\\'] = 1 };
static const special_set no_table;

/* How many bytes from s (len of them) are plain, i.e. printable ASCII
 * outside the sink's set: the run copied at once, without a call per
 * byte.  16 bytes at a time while 16 are left (abstracts, evidence), the
 * rest through the table.  Inlined into each sink, where the set is a
 * constant, so its vectors are made once and the comparisons unrolled. */
static inline __attribute__((always_inline)) size_t
plain_run(const char *s, size_t len, const char *special, size_t n_special,
	  const unsigned char *table)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
	for (; len - i >= 16; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		/* signed: bytes >= 0x80 are below 0x20 too */
		__m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, space),
					    _mm_cmpeq_epi8(v, del));
		for (size_t k = 0; k < n_special; k++)
			stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8(special[k])));
		unsigned mask = (unsigned)_mm_movemask_epi8(stop);
		if (mask)
			return i + (size_t)__builtin_ctz(mask);
	}
#else
	(void)special;
	(void)n_special;
#endif
	unsigned char c;
	while (i < len && (c = (unsigned char)s[i]) >= 0x20 && c < 0x7F && !table[c])
		i++;
	return i;
}

static inline __attribute__((always_inline)) void
walk_set(struct strbuf *out, const char *s, ascii_map *map, const char *special,
	 size_t n_special, const unsigned char *table)
{
	const char *end = s + strlen(s);
	while (s < end) {
		size_t plain = plain_run(s, (size_t)(end - s), special, n_special, table);
		if (plain) {
			sb_add(out, s, plain);
			s += plain;
			continue;
		}
		size_t n = utf8_len(s);
		if (n == 1)
			map(out, *s);
		else if (n > 1)
			sb_add(out, s, n);
		else
			sb_adds(out, REPLACEMENT);
		s += n ? n : 1;
	}
}

/* walk(out, s, map, html) escapes with the set html_special. */
#define walk(out, s, map, set) \
	walk_set(out, s, map, set##_special, sizeof set##_special - 1, set##_table)

static int is_control(char c)
{
	unsigned char u = (unsigned char)c;
	return u < 0x20 || u == 0x7F;
}

static void map_html(struct strbuf *out, char c)
{
	switch (c) {
	case '&': sb_adds(out, "&amp;"); break;
	case '<': sb_adds(out, "&lt;"); break;
	case '>': sb_adds(out, "&gt;"); break;
	case '"': sb_adds(out, "&quot;"); break;
	case '\'': sb_adds(out, "&#39;"); break;
	case '\n':
	case '\t': sb_addc(out, c); break;
	default:
		/* C0 controls are parse errors in HTML. */
		if (is_control(c))
			sb_adds(out, REPLACEMENT);
		else
			sb_addc(out, c);
	}
}

void esc_html(struct strbuf *out, const char *s)
{
	walk(out, s, map_html, html);
}

static void map_attr(struct strbuf *out, char c)
{
	if (c == '\n' || c == '\t')
		sb_addc(out, ' ');
	else
		map_html(out, c);
}

void esc_attr(struct strbuf *out, const char *s)
{
	walk(out, s, map_attr, html);
}

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int prefix_is(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower((unsigned char)s[i]) != word[i])
			return 0;
	return 1;
}

/* A URL is safe when it has no scheme (relative) or its scheme is http or
 * https.  The scheme is what precedes the first ':' when that ':' comes
 * before any '/', '?' or '#'; anything odd there (spaces, tabs that
 * browsers strip) makes it not http, so it is refused. */
static int url_allowed(const char *s)
{
	size_t n = strcspn(s, ":/?#");
	if (s[n] != ':')
		return 1;
	return prefix_is(s, n, "http") || prefix_is(s, n, "https");
}

static void map_url(struct strbuf *out, char c)
{
	if (c == ' ' || is_control(c))
		sb_addf(out, "%%%02X", (unsigned)(unsigned char)c);
	else
		map_html(out, c);
}

void esc_url(struct strbuf *out, const char *s)
{
	if (!s || !*s || !url_allowed(s)) {
		sb_addc(out, '#');
		return;
	}
	walk(out, s, map_url, url);
}

/* A plain number: optional sign, digits with an optional fraction, an
 * optional exponent.  Such a cell is data, never a formula. */
static int plain_number(const char *s)
{
	const char *p = s;
	int digits = 0;
	if (*p == '+' || *p == '-')
		p++;
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/* The cell is walked once: runs of plain bytes are copied, a quote is
 * doubled, and a comma, quote, CR or LF means the cell must be quoted,
 * which is done at the end by moving what was written one byte on. */
static const char csv_special[] = "\",";
static const special_set csv_table = { ['"'] = 1, [','] = 1 };

void esc_csv(struct strbuf *out, const char *s)
{
	if (!s)
		return;
	int guard = *s && strchr("=+-@\t\r", *s) && !plain_number(s);
	if (guard)
		sb_add(out, "\"'", 2);
	size_t start = out->len;
	int quote = guard;
	const char *end = s + strlen(s);
	while (s < end) {
		size_t plain = plain_run(s, (size_t)(end - s), csv_special,
					 sizeof csv_special - 1, csv_table);
		if (plain) {
			sb_add(out, s, plain);
			s += plain;
			continue;
		}
		size_t n = utf8_len(s);
		if (n > 1) {
			sb_add(out, s, n);
		} else if (n == 0) {
			sb_adds(out, REPLACEMENT);
		} else {
			quote |= *s == '"' || *s == ',' || *s == '\r' || *s == '\n';
			if (*s == '"')
				sb_addc(out, '"');
			sb_addc(out, *s);
		}
		s += n ? n : 1;
	}
	if (quote && !guard) {
		sb_addc(out, '"'); /* room for one more byte */
		memmove(out->buf + start + 1, out->buf + start, out->len - 1 - start);
		out->buf[start] = '"';
	}
	if (quote)
		sb_addc(out, '"');
}

/* Inside a double-quoted gnuplot string, backslash starts an escape and a
 * backtick runs a shell command even in the middle of the string; the
 * backtick cannot be escaped, so it becomes a plain apostrophe. */
static void map_gnuplot(struct strbuf *out, char c)
{
	switch (c) {
	case '\\': sb_adds(out, "\\\\"); break;
	case '"': sb_adds(out, "\\\""); break;
	case '`': sb_addc(out, '\''); break;
	default:
		sb_addc(out, is_control(c) ? ' ' : c);
	}
}

void esc_gnuplot(struct strbuf *out, const char *s)
{
	sb_addc(out, '"');
	if (s)
		walk(out, s, map_gnuplot, gnuplot);
	sb_addc(out, '"');
}

/* Data files have no escapes at all: characters that end a field, start a
 * command or mean something to enhanced text become harmless look-alikes. */
static void map_gnuplot_data(struct strbuf *out, char c)
{
	switch (c) {
	case '"':
	case '`': sb_addc(out, '\''); break;
	case '\\': sb_addc(out, '/'); break;
	case '{': sb_addc(out, '('); break;
	case '}': sb_addc(out, ')'); break;
	case '^': sb_adds(out, "\xCB\x86"); break;      /* U+02C6 ˆ */
	case '_': sb_adds(out, "\xEF\xBC\xBF"); break;  /* U+FF3F ＿ */
	case '@': sb_adds(out, "\xEF\xBC\xA0"); break;  /* U+FF20 ＠ */
	case '&': sb_adds(out, "\xEF\xBC\x86"); break;  /* U+FF06 ＆ */
	case '~': sb_adds(out, "\xE2\x88\xBC"); break;  /* U+223C ∼ */
	default:
		sb_addc(out, is_control(c) ? ' ' : c);
	}
}

void esc_gnuplot_data(struct strbuf *out, const char *s)
{
	sb_addc(out, '"');
	if (s && *s)
		walk(out, s, map_gnuplot_data, gnuplot_data);
	else
		sb_addc(out, '-'); /* "" would read as a missing value */
	sb_addc(out, '"');
}

static void map_json(struct strbuf *out, char c)
{
	switch (c) {
	case '"': sb_adds(out, "\\\""); break;
	case '\\': sb_adds(out, "\\\\"); break;
	case '\n': sb_adds(out, "\\n"); break;
	case '\t': sb_adds(out, "\\t"); break;
	case '\r': sb_adds(out, "\\r"); break;
	default:
		if (is_control(c))
			sb_addf(out, "\\u%04x", (unsigned)(unsigned char)c);
		else
			sb_addc(out, c);
	}
}

void esc_json(struct strbuf *out, const char *s)
{
	if (!s) {
		sb_adds(out, "null");
		return;
	}
	sb_addc(out, '"');
	walk(out, s, map_json, json);
	sb_addc(out, '"');
}

static void map_tsv(struct strbuf *out, char c)
{
	sb_addc(out, is_control(c) ? ' ' : c);
}

void esc_tsv(struct strbuf *out, const char *s)
{
	if (s)
		walk(out, s, map_tsv, no);
}

static int slug_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A name cut short ends at a word boundary when one is not too far back:
 * "...-photorealistic" rather than "...-photoreali". */
static void cut_at_word(struct strbuf *out, size_t start, size_t max)
{
	const char *dash = memrchr(out->buf + start, '-', out->len - start);
	if (dash && (size_t)(dash - (out->buf + start)) > max / 2) {
		out->len = (size_t)(dash - out->buf);
		out->buf[out->len] = '\0';
	}
}

void esc_filename(struct strbuf *out, const char *s, size_t max)
{
	size_t start = out->len;
	int gap = 0;
	if (max == 0)
		max = 1;
	for (; s && *s && out->len - start < max; s++) {
		char c = (char)ascii_lower((unsigned char)*s);
		if (!slug_char(c)) {
			gap = 1;
			continue;
		}
		if (gap && out->len > start) {
			if (out->len - start + 1 >= max)
				break; /* no room for "-" and a letter */
			sb_addc(out, '-');
		}
		gap = 0;
		sb_addc(out, c);
	}
	if (out->len - start == max && s &&
	    slug_char((char)ascii_lower((unsigned char)*s)))
		cut_at_word(out, start, max);
	if (out->len == start)
		sb_add(out, "untitled", max < 8 ? max : 8);
}

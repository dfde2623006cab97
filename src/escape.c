/* escape.c - one escaping function per output sink.
 *
 * Every function reads untrusted bytes.  Invalid UTF-8 becomes U+FFFD so
 * that every file we write is valid UTF-8 (an SVG with a stray byte is not
 * valid XML and browsers refuse to show it). */
#include "escape.h"

#include <string.h>

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
typedef unsigned char special_set[128];

static const special_set html_special = {
	['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1,
};
static const special_set url_special = {
	[' '] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1,
};
static const special_set csv_special = { ['"'] = 1 };
static const special_set gnuplot_special = {
	['\\'] = 1, ['"'] = 1, ['`'] = 1,
};
static const special_set gnuplot_data_special = {
	['"'] = 1, ['`'] = 1, ['\\'] = 1, ['{'] = 1, ['}'] = 1, ['^'] = 1,
	['_'] = 1, ['@'] = 1, ['&'] = 1, ['~'] = 1,
};
static const special_set json_special = { ['"'] = 1, ['\\'] = 1 };
static const special_set no_special;

/* Runs of printable ASCII outside special are copied at once, without a
 * call per byte. */
static void walk(struct strbuf *out, const char *s, ascii_map *map,
		 const unsigned char *special)
{
	while (*s) {
		size_t plain = 0;
		unsigned char c;
		while ((c = (unsigned char)s[plain]) >= 0x20 && c < 0x7F &&
		       !special[c])
			plain++;
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
	walk(out, s, map_html, html_special);
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
	walk(out, s, map_attr, html_special);
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
	walk(out, s, map_url, url_special);
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

static void map_csv(struct strbuf *out, char c)
{
	if (c == '"')
		sb_adds(out, "\"\"");
	else
		sb_addc(out, c);
}

void esc_csv(struct strbuf *out, const char *s)
{
	if (!s)
		return;
	int guard = *s && strchr("=+-@\t\r", *s) && !plain_number(s);
	int quote = guard || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		sb_addc(out, '"');
	if (guard)
		sb_addc(out, '\'');
	walk(out, s, map_csv, csv_special);
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
		walk(out, s, map_gnuplot, gnuplot_special);
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
		walk(out, s, map_gnuplot_data, gnuplot_data_special);
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
	walk(out, s, map_json, json_special);
	sb_addc(out, '"');
}

static void map_tsv(struct strbuf *out, char c)
{
	sb_addc(out, is_control(c) ? ' ' : c);
}

void esc_tsv(struct strbuf *out, const char *s)
{
	if (s)
		walk(out, s, map_tsv, no_special);
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

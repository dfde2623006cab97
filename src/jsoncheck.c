/* jsoncheck.c - an RFC 8259 validator: a recursive-descent walk over the
 * bytes that builds nothing.  cJSON alone accepts a number of invalid
 * texts (trailing garbage, invalid UTF-8 and lone surrogates in strings,
 * some malformed numbers), so every JSON input is checked here first and
 * the problem is reported with its exact position. */
#include "jsoncheck.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util.h"
#ifdef EFFDASH_AVX2
#include <immintrin.h>
#endif

struct jc {
	const unsigned char *s;
	size_t n, i;
	const char *why;
	int depth;
	size_t nul; /* offset of the first \u0000 escape; n when none */
};

static int fail(struct jc *j, const char *why)
{
	if (!j->why)
		j->why = why;
	return -1;
}

static void ws(struct jc *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
			       j->s[j->i] == '\n' || j->s[j->i] == '\r'))
		j->i++;
}

static int lit(struct jc *j, const char *word)
{
	size_t k = strlen(word);
	if (j->n - j->i < k || memcmp(j->s + j->i, word, k))
		return fail(j, "invalid literal");
	j->i += k;
	return 0;
}

static int digits(struct jc *j)
{
	size_t start = j->i;
	while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
		j->i++;
	return j->i > start ? 0 : fail(j, "digit expected");
}

static int number(struct jc *j)
{
	if (j->s[j->i] == '-')
		j->i++;
	if (j->i < j->n && j->s[j->i] == '0') {
		j->i++;
	} else if (digits(j)) {
		return -1;
	}
	if (j->i < j->n && j->s[j->i] == '.') {
		j->i++;
		if (digits(j))
			return -1;
	}
	if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
		j->i++;
		if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		if (digits(j))
			return -1;
	}
	return 0;
}

static int hex4(struct jc *j, unsigned *out)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++, j->i++) {
		if (j->i >= j->n)
			return fail(j, "truncated \\u escape");
		unsigned char c = j->s[j->i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return fail(j, "invalid \\u escape");
	}
	*out = v;
	return 0;
}

static int escape(struct jc *j)
{
	unsigned u, lo;
	if (j->i >= j->n)
		return fail(j, "unterminated string");
	switch (j->s[j->i++]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
		return 0;
	case 'u':
		if (hex4(j, &u))
			return -1;
		if (u == 0 && j->nul == j->n)
			j->nul = j->i - 6;
		/* Lone surrogates are accepted by RFC 8259's grammar; they
		 * cannot become UTF-8, so they are refused here. */
		if (u >= 0xDC00 && u <= 0xDFFF)
			return fail(j, "lone low surrogate in \\u escape");
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (j->n - j->i < 6 || j->s[j->i] != '\\' || j->s[j->i + 1] != 'u')
				return fail(j, "lone high surrogate in \\u escape");
			j->i += 2;
			if (hex4(j, &lo))
				return -1;
			if (lo < 0xDC00 || lo > 0xDFFF)
				return fail(j, "invalid surrogate pair");
		}
		return 0;
	default:
		j->i--;
		return fail(j, "invalid escape");
	}
}

/* Printable ASCII other than the quote and backslash: string() skips runs
 * of such bytes in a tight loop. */
static int plain_byte(unsigned char c)
{
	return (unsigned)(c - 0x20) < 0x60 && c != '"' && c != '\\';
}

#ifdef EFFDASH_AVX2
/* The SSE2 loop of string(), 32 bytes at a time with AVX2: from i, the
 * first byte that needs a look (a quote, a backslash, a control byte or
 * a byte of a UTF-8 sequence), or the first from which fewer than 32
 * bytes are left. */
__attribute__((target("avx2"))) static size_t plain_run32(const unsigned char *s, size_t i,
							    size_t n)
{
	const __m256i quote = _mm256_set1_epi8('"'), bs = _mm256_set1_epi8('\\'),
		      ctl = _mm256_set1_epi8(0x20);
	for (; n - i >= 32; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		__m256i m = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, quote),
							    _mm256_cmpeq_epi8(v, bs)),
					    _mm256_cmpgt_epi8(ctl, v));
		unsigned mask = (unsigned)_mm256_movemask_epi8(m);
		if (mask)
			return i + (size_t)__builtin_ctz(mask);
	}
	return i;
}
#endif

static int string(struct jc *j)
{
	j->i++; /* opening quote */
	for (;;) {
#ifdef EFFDASH_AVX2
		if (j->n - j->i >= 32 && cpu_avx2())
			j->i = plain_run32(j->s, j->i, j->n);
#endif
#ifdef __SSE2__
		/* Sixteen bytes at a time while none of them needs a look:
		 * a quote, a backslash, a control byte or a byte of a UTF-8
		 * sequence (negative as a signed byte, so below 0x20 too). */
		while (j->n - j->i >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(j->s + j->i));
			__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
							      _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
						 _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
			unsigned mask = (unsigned)_mm_movemask_epi8(m);
			if (mask) {
				j->i += (size_t)__builtin_ctz(mask);
				break;
			}
			j->i += 16;
		}
#endif
		while (j->i < j->n && plain_byte(j->s[j->i]))
			j->i++;
		if (j->i >= j->n)
			return fail(j, "unterminated string");
		unsigned char c = j->s[j->i];
		if (c == '"') {
			j->i++;
			return 0;
		}
		if (c < 0x20)
			return fail(j, "control character in string");
		if (c == '\\') {
			j->i++;
			if (escape(j))
				return -1;
			continue;
		}
		if (c >= 0x80) {
			size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			size_t bad;
			if (j->n - j->i < k || !utf8_valid((const char *)j->s + j->i, k, &bad))
				return fail(j, "invalid UTF-8");
			j->i += k;
			continue;
		}
		j->i++;
	}
}

static int value(struct jc *j);

/* Object or array: open/close brackets, members separated by commas. */
static int container(struct jc *j, int object)
{
	char close = object ? '}' : ']';
	if (++j->depth > JSON_MAX_DEPTH)
		return fail(j, "nesting too deep");
	j->i++;
	ws(j);
	if (j->i < j->n && j->s[j->i] == close) {
		j->i++;
		j->depth--;
		return 0;
	}
	for (;;) {
		if (object) {
			if (j->i >= j->n || j->s[j->i] != '"')
				return fail(j, "member name expected");
			if (string(j))
				return -1;
			ws(j);
			if (j->i >= j->n || j->s[j->i] != ':')
				return fail(j, "':' expected");
			j->i++;
		}
		if (value(j))
			return -1;
		ws(j);
		if (j->i < j->n && j->s[j->i] == ',') {
			j->i++;
			ws(j);
			continue;
		}
		if (j->i < j->n && j->s[j->i] == close) {
			j->i++;
			j->depth--;
			return 0;
		}
		return fail(j, object ? "',' or '}' expected" : "',' or ']' expected");
	}
}

static int value(struct jc *j)
{
	ws(j);
	if (j->i >= j->n)
		return fail(j, "value expected");
	switch (j->s[j->i]) {
	case '{':
		return container(j, 1);
	case '[':
		return container(j, 0);
	case '"':
		return string(j);
	case 't':
		return lit(j, "true");
	case 'f':
		return lit(j, "false");
	case 'n':
		return lit(j, "null");
	default:
		if (j->s[j->i] == '-' || (j->s[j->i] >= '0' && j->s[j->i] <= '9'))
			return number(j);
		return fail(j, "value expected");
	}
}

int json_check_nul(const char *text, size_t n, size_t *where, const char **why,
		   size_t *nul)
{
	struct jc j = { (const unsigned char *)text, n, 0, NULL, 0, n };
	*nul = n;
	if (value(&j) == 0) {
		ws(&j);
		if (j.i == j.n) {
			*nul = j.nul;
			return 0;
		}
		fail(&j, "unexpected text after the value");
	}
	*where = j.i;
	*why = j.why;
	return -1;
}

int json_check(const char *text, size_t n, size_t *where, const char **why)
{
	size_t nul;
	return json_check_nul(text, n, where, why, &nul);
}

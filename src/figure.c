/* figure.c - read one figure: numbers with separators, scales, ranges,
 * multiplication and percent signs, currency marks; the word lexicon and
 * accelerator names; and figure_parse() for curated figures.
 *
 * Everything here works on byte offsets into the caller's text and never
 * allocates, so the extractor can call it for every number it meets. */
#include "figure.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lexicon.h"
#include "util.h"

const unsigned char lex_lower[256] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
	0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
	0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
	0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
	0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
	0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
	0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
	0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
	0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf,
	0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
	0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
	0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,
};

static unsigned char byte_at(const char *t, size_t len, size_t i)
{
	return i < len ? (unsigned char)t[i] : 0;
}

size_t space_len_slow(const char *t, size_t len, size_t i)
{
	unsigned char c = byte_at(t, len, i), c1, c2;

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v')
		return 1;
	c1 = byte_at(t, len, i + 1);
	c2 = byte_at(t, len, i + 2);
	if (c == 0xc2 && c1 == 0xa0) /* no-break space */
		return 2;
	/* U+2000..U+200B spaces, U+202F narrow no-break, U+205F, U+3000 */
	if (c == 0xe2 && c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8b) || c2 == 0xaf))
		return 3;
	if (c == 0xe2 && c1 == 0x81 && c2 == 0x9f)
		return 3;
	if (c == 0xe3 && c1 == 0x80 && c2 == 0x80)
		return 3;
	return 0;
}

double round4(double v)
{
	return round(v * 10000.0) / 10000.0;
}

/* ---- numbers ---------------------------------------------------------- */

static double pow10i(int e)
{
	static const double p[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
	};
	if (e >= 0 && e <= 22)
		return p[e];
	return pow(10.0, e);
}

/* Is t[i..] a thousands group ",ddd" not followed by another digit? */
static int thousands_group(const char *t, size_t len, size_t i)
{
	return byte_at(t, len, i) == ',' && is_digit(byte_at(t, len, i + 1)) &&
	       is_digit(byte_at(t, len, i + 2)) &&
	       is_digit(byte_at(t, len, i + 3)) &&
	       !is_digit(byte_at(t, len, i + 4));
}

/* Do the bytes of lit (exactly, any byte) start at t[j]? */
static int bytes_at(const char *t, size_t len, size_t j, const char *lit)
{
	size_t n = strlen(lit);

	return j <= len && len - j >= n && !memcmp(t + j, lit, n);
}

/* A power of ten's exponent at t[i], after a "10": "^{23}", "^4",
 * "^{-3}", or superscript digits ("⁴", "⁻³").  Returns the index after
 * it, or i when there is none. */
static size_t ten_exponent(const char *t, size_t len, size_t i, int *e)
{
	size_t j = i;
	int sign = 1, v = 0, nd = 0;

	if (byte_at(t, len, j) == '^') {
		int brace = byte_at(t, len, ++j) == '{';
		j += (size_t)brace;
		if (byte_at(t, len, j) == '-' || byte_at(t, len, j) == '+')
			sign = byte_at(t, len, j++) == '-' ? -1 : 1;
		else if (bytes_at(t, len, j, "\xe2\x88\x92")) /* − */
			sign = -1, j += 3;
		while (is_digit(byte_at(t, len, j)) && nd < 3)
			v = v * 10 + (t[j++] - '0'), nd++;
		if (!nd || is_digit(byte_at(t, len, j)) ||
		    (brace && byte_at(t, len, j++) != '}'))
			return i;
	} else {
		/* ⁰ e2 81 b0, ¹ c2 b9, ² c2 b2, ³ c2 b3, ⁴..⁹ e2 81 b4..b9,
		 * ⁻ e2 81 bb */
		if (bytes_at(t, len, j, "\xe2\x81\xbb"))
			sign = -1, j += 3;
		for (;;) {
			unsigned char a = byte_at(t, len, j), b = byte_at(t, len, j + 1),
				      c = byte_at(t, len, j + 2);
			int d = -1;
			if (a == 0xc2 && b == 0xb9)
				d = 1;
			else if (a == 0xc2 && (b == 0xb2 || b == 0xb3))
				d = b - 0xb0;
			else if (a == 0xe2 && b == 0x81 && (c == 0xb0 || (c >= 0xb4 && c <= 0xb9)))
				d = c - 0xb0;
			if (d < 0 || nd == 3)
				break;
			v = v * 10 + d, nd++;
			j += a == 0xc2 ? 2 : 3;
		}
		if (!nd)
			return i;
	}
	*e = sign * v;
	return j;
}

/* "\times10^{23}", " \times 10^{4}", "$\times$10^4", " × 10⁴", "\cdot 10^3"
 * at t[i], after a mantissa: the index after the exponent, or i. */
static size_t times_ten_power(const char *t, size_t len, size_t i, int *e)
{
	size_t j = i;

	if (byte_at(t, len, j) == ' ')
		j++;
	if (byte_at(t, len, j) == '$')
		j++;
	if (span_starts(t, j, len, "\\times"))
		j += 6;
	else if (span_starts(t, j, len, "\\cdot"))
		j += 5;
	else if (bytes_at(t, len, j, "\xc3\x97")) /* × */
		j += 2;
	else
		return i;
	if (byte_at(t, len, j) == '$')
		j++;
	if (byte_at(t, len, j) == ' ' || byte_at(t, len, j) == '{')
		j++;
	if (byte_at(t, len, j) == '$')
		j++;
	if (byte_at(t, len, j) != '1' || byte_at(t, len, j + 1) != '0')
		return i;
	size_t k = ten_exponent(t, len, j + 2, e);
	return k > j + 2 ? k : i;
}

/* Read digits, thousands groups, a decimal part and (allow_exp) an
 * exponent.  The mantissa is kept as an integer in a double and scaled
 * once at the end, so "1.16" times a billion is exactly 1160000000.
 * A run of any length is consumed (so the caller always makes progress)
 * but more than 30 significant digits is out of range: no real figure
 * has them, and this stops 50 MB of digits from meaning anything. */
static size_t read_number(const char *t, size_t len, size_t i, int allow_exp,
			  double *v, int *oor)
{
	double mant = 0;
	int ndig = 0, frac = 0, exp = 0, group_ok = 1, lead = 0;

	*oor = 0;
	while (i < len) {
		unsigned char c = (unsigned char)t[i];
		if (is_digit(c)) {
			if (ndig < 400)
				mant = mant * 10 + (c - '0');
			ndig++;
			lead++;
			i++;
		} else if (group_ok && lead >= 1 && lead <= 3 &&
			   thousands_group(t, len, i)) {
			lead = 0;
			i++;
		} else {
			break;
		}
		if (lead > 3)
			group_ok = 0;
	}
	if (byte_at(t, len, i) == '.' && is_digit(byte_at(t, len, i + 1))) {
		i++;
		while (is_digit(byte_at(t, len, i))) {
			if (ndig < 400) {
				mant = mant * 10 + (t[i] - '0');
				frac++;
			}
			ndig++;
			i++;
		}
	}
	if (allow_exp && (byte_at(t, len, i) == 'e' || byte_at(t, len, i) == 'E')) {
		size_t j = i + 1;
		int sign = 1, e = 0, nd = 0;
		if (byte_at(t, len, j) == '+' || byte_at(t, len, j) == '-')
			sign = byte_at(t, len, j++) == '-' ? -1 : 1;
		while (is_digit(byte_at(t, len, j))) {
			if (e < 100000)
				e = e * 10 + (t[j] - '0');
			nd++;
			j++;
		}
		if (nd && !is_alpha(byte_at(t, len, j))) {
			exp = sign * e;
			i = j;
		}
	}
	/* powers of ten written out: "10^{4}", "10⁴", "3.8\times10^{23}" */
	{
		int e10 = 0;
		size_t j;
		if (mant == 10 && ndig == 2 && !frac && !exp &&
		    (j = ten_exponent(t, len, i, &e10)) > i) {
			mant = 1;
			exp = e10;
			i = j;
		} else if ((j = times_ten_power(t, len, i, &e10)) > i) {
			exp += e10;
			i = j;
		}
	}
	if (ndig > 30)
		*oor = 1;
	/* Dividing by an exact power of ten rounds correctly where
	 * multiplying by its inexact inverse would not (127 * 0.1 is
	 * 12.700000000000001, 127 / 10 is 12.7). */
	if (exp - frac >= 0)
		*v = mant * pow10i(exp - frac);
	else if (exp - frac >= -22)
		*v = mant / pow10i(frac - exp);
	else
		*v = mant / pow10i(frac) * pow10i(exp);
	if (!isfinite(*v))
		*oor = 1;
	return i;
}

/* A scale written after a number: a letter glued to it ("7B", "184K") or
 * a word ("1.16 billion", "3-billion-parameter").  Returns the multiplier
 * (1 if none) and moves *i past it. */
static double read_scale(const char *t, size_t len, size_t *i)
{
	static const struct {
		const char *word;
		double mult;
	} words[] = {
		{ "thousand", 1e3 }, { "million", 1e6 }, { "billion", 1e9 },
		{ "trillion", 1e12 },
	};
	size_t j = *i, ws, we;
	unsigned char c = byte_at(t, len, j);

	if (c == 'K' || c == 'k' || c == 'M' || c == 'B' || c == 'T') {
		if (!is_alpha(byte_at(t, len, j + 1))) {
			*i = j + 1;
			return c == 'M' ? 1e6 : c == 'B' ? 1e9 : c == 'T' ? 1e12 : 1e3;
		}
	}
	if (c == '-')
		j++;
	else
		while (space_len(t, len, j))
			j += space_len(t, len, j);
	if (j == *i && c != '-')
		return 1;
	ws = j;
	while (is_alpha(byte_at(t, len, j)))
		j++;
	we = j;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		if (span_is(t, ws, we, words[k].word)) {
			*i = we;
			return words[k].mult;
		}
	}
	return 1;
}

/* Does the text at i spell a range separator?  Returns its length. */
static size_t range_sep(const char *t, size_t len, size_t i)
{
	unsigned char c = byte_at(t, len, i), c1 = byte_at(t, len, i + 1),
		      c2 = byte_at(t, len, i + 2);

	if (c == '-' && c1 == '-') /* LaTeX's en dash, "10--20" */
		return c2 == '-' ? 3 : 2;
	if (c == '-' || c == '~')
		return 1;
	if (c == 0xe2 && c1 == 0x80 && (c2 == 0x93 || c2 == 0x94)) /* – — */
		return 3;
	if (c == 0xe2 && c1 == 0x88 && (c2 == 0x92 || c2 == 0xbc)) /* − ∼ */
		return 3;
	if (to_lower(c) == 't' && to_lower(c1) == 'o' && !is_alnum(c2))
		return 2;
	return 0;
}

/* Skip white space from i. */
static size_t skip_space(const char *t, size_t len, size_t i)
{
	size_t n;

	while ((n = space_len(t, len, i)) != 0)
		i += n;
	return i;
}

/* A multiplication or percent sign after a number.  Moves *i past it.
 * *glued_digit is set for "384times384" and "8x7B": a product of two
 * numbers (a resolution or an expert count), not a factor. */
static enum fig_suffix read_suffix(const char *t, size_t len, size_t *i,
				   int *glued_digit)
{
	size_t j = *i, k;
	unsigned char c;

	*glued_digit = 0;
	if (byte_at(t, len, j) == ' ' ||
	    (byte_at(t, len, j) == '~' && /* LaTeX's tie: "76.3~\%" */
	     (byte_at(t, len, j + 1) == '\\' || is_alpha(byte_at(t, len, j + 1)))))
		j++;
	/* "2.5 $\times$", "40 $\%$", "\textbf{3.5}$\times$": LaTeX math
	 * and a typeface's brace around the sign */
	if (byte_at(t, len, j) == '}')
		j++;
	if (byte_at(t, len, j) == '$' && byte_at(t, len, j + 1) == '\\')
		j++;
	c = byte_at(t, len, j);
	if (c == '%') {
		*i = j + 1;
		return FS_PERCENT;
	}
	if (c == '\\' && byte_at(t, len, j + 1) == '%') {
		*i = j + 2;
		return FS_PERCENT;
	}
	if (span_starts(t, j, len, "percent") && !is_alpha(byte_at(t, len, j + 7))) {
		*i = j + 7;
		return FS_PERCENT;
	}
	k = 0;
	if (c == 0xc3 && byte_at(t, len, j + 1) == 0x97) /* × */
		k = 2;
	else if ((c == 'x' || c == 'X') && !is_alpha(byte_at(t, len, j + 1)))
		k = 1;
	else if (c == '\\' && span_starts(t, j + 1, len, "times"))
		k = 6;
	else if (span_starts(t, j, len, "times") &&
		 !is_alpha(byte_at(t, len, j + 5)))
		k = 5;
	else if ((c == '-' && span_starts(t, j + 1, len, "fold")) ||
		 span_starts(t, j, len, "fold"))
		k = c == '-' ? 5 : 4;
	if (!k || is_alpha(byte_at(t, len, j + k)))
		return FS_NONE;
	if (is_digit(byte_at(t, len, j + k))) {
		*glued_digit = 1;
		return FS_NONE;
	}
	j += k;
	/* LaTeX leftovers: "$1.18\times$", "\times{}" */
	while (byte_at(t, len, j) == '$' || byte_at(t, len, j) == '}' ||
	       (byte_at(t, len, j) == '{' && byte_at(t, len, j + 1) == '}'))
		j += byte_at(t, len, j) == '{' ? 2 : 1;
	*i = j;
	return FS_TIMES;
}

/* Does t[s..e) (case-insensitive) spell the upper-case code?  Only
 * whole words count: the byte before s must not be a letter. */
static int code_at(const char *t, size_t s, size_t e, const char *code)
{
	size_t n = strlen(code);

	if (e - s != n || (s > 0 && is_alpha((unsigned char)t[s - 1])))
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((t[s + i] & ~0x20) != code[i])
			return 0;
	return 1;
}

/* A currency other than the US dollar written before the number that
 * ends at p (white space already skipped): the euro, pound and yen
 * signs, an ISO code, or a dollar of another country ("A$", "HK$").
 * Returns its code and sets *start, or NULL. */
static const char *other_currency(const char *t, size_t p, size_t *start)
{
	static const char *const codes[] = {
		"EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "KRW", "AUD",
		"CAD",
	};
	static const char *const dollars[][2] = {
		{ "A", "AUD" }, { "C", "CAD" }, { "HK", "HKD" }, { "NT", "TWD" },
		{ "S", "SGD" }, { "NZ", "NZD" }, { "R", "BRL" },
	};
	size_t s;
	unsigned char c = p >= 1 ? (unsigned char)t[p - 1] : 0;

	/* most numbers follow a space or a lower-case word */
	if (c != '$' && c < 0x80 && !(c >= 'A' && c <= 'Z'))
		return NULL;
	if (p >= 3 && (unsigned char)t[p - 3] == 0xe2 &&
	    (unsigned char)t[p - 2] == 0x82 && (unsigned char)t[p - 1] == 0xac) {
		*start = p - 3;
		return "EUR";
	}
	if (p >= 2 && (unsigned char)t[p - 2] == 0xc2 &&
	    ((unsigned char)t[p - 1] == 0xa3 || (unsigned char)t[p - 1] == 0xa5)) {
		*start = p - 2;
		return (unsigned char)t[p - 1] == 0xa3 ? "GBP" : "JPY";
	}
	if (p >= 1 && t[p - 1] == '$') {
		for (s = p - 1; s > 0 && is_alpha((unsigned char)t[s - 1]) &&
				p - 1 - s < 3; s--)
			;
		for (size_t i = 0; i < sizeof dollars / sizeof *dollars; i++)
			if (code_at(t, s, p - 1, dollars[i][0])) {
				*start = s;
				return dollars[i][1];
			}
		return NULL;
	}
	for (s = p; s > 0 && is_alpha((unsigned char)t[s - 1]) && p - s < 4; s--)
		;
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
		if (code_at(t, s, p, codes[i]) &&
		    t[s] >= 'A' && t[s] <= 'Z') {
			*start = s;
			return codes[i];
		}
	return NULL;
}

/* Does the '$' at t[d] close LaTeX math ("$\sim$100", "$>$100",
 * "$^{2}$")?  Then the byte before it is a command's last letter or a
 * mathematical sign, where a dollar sign follows a space, a bracket or
 * "US". */
static int closes_math(const char *t, size_t d)
{
	unsigned char c = d > 0 ? (unsigned char)t[d - 1] : 0;
	size_t s = d - 1;

	if (c == '<' || c == '>' || c == '=' || c == '}' || c == '^' ||
	    c == '_' || c == '{' || c == '|')
		return 1;
	if (!is_alpha(c))
		return 0;
	while (s > 0 && d - s < 12 && is_alpha((unsigned char)t[s - 1]))
		s--;
	return s > 0 && t[s - 1] == '\\';
}

/* A currency mark before the number at pos: "$", "US$", "US$ ", "\" (the
 * dollar sign lost to LaTeX), or another currency (the euro sign, "EUR ",
 * "A$").  Sets f->money / f->currency / f->math_dollar and f->start. */
static void read_prefix(const char *t, size_t len, size_t pos,
			struct fig_read *f)
{
	size_t p = pos, s;

	f->start = pos;
	if (p >= 1 && t[p - 1] == ' ')
		p--;
	if ((f->currency = other_currency(t, p, &s)) != NULL) {
		f->start = s;
		return;
	}
	/* "USD 1,000", "USD1,000" */
	for (s = p; s > 0 && is_alpha((unsigned char)t[s - 1]) && p - s < 4; s--)
		;
	if (p >= 3 && t[p - 1] == 'D' && code_at(t, s, p, "USD")) {
		f->money = 1;
		f->start = s;
		return;
	}
	p = pos;
	if (p >= 1 && t[p - 1] == ' ' && p >= 2 && t[p - 2] == '$')
		p--;
	if (p >= 1 && t[p - 1] == '$' && closes_math(t, p - 1)) {
		f->math_dollar = 1;
	} else if (p >= 1 && t[p - 1] == '$') {
		p--;
		f->money = 1;
		if (p >= 2 && to_lower((unsigned char)t[p - 2]) == 'u' &&
		    to_lower((unsigned char)t[p - 1]) == 's')
			p -= 2;
		f->start = p;
	} else if (pos >= 1 && t[pos - 1] == '\\') {
		f->money = 1;
		f->start = pos - 1;
	}
	(void)len;
}

int fig_read_at(const char *t, size_t len, size_t pos, int allow_exp,
		struct fig_read *f)
{
	size_t i, j, n;
	double mult, hi_mult;
	int oor, glued;
	enum fig_suffix lo_suffix;

	memset(f, 0, sizeof *f);
	if (!is_digit(byte_at(t, len, pos)))
		return -1;
	read_prefix(t, len, pos, f);
	f->num_start = pos;
	i = read_number(t, len, pos, allow_exp, &f->lo, &oor);
	f->out_of_range = oor;
	/* a number in LaTeX math: "$7$B", "$12.7$ FID", "2.5$\times$" */
	int in_math = pos > 0 && t[pos - 1] == '$';
	if (byte_at(t, len, i) == '$' &&
	    (in_math || byte_at(t, len, i + 1) == '\\')) {
		if (in_math && f->money) {
			f->money = 0;
			f->math_dollar = 1;
			f->start = pos;
		}
		i++;
	}
	mult = read_scale(t, len, &i);
	f->scaled = mult != 1;
	f->lo *= mult;
	f->lo_end = i;
	/* "1%-7%", "10x-20x": a suffix may sit on both ends of a range */
	j = i;
	lo_suffix = read_suffix(t, len, &j, &glued);
	if (glued) {
		f->end = i;
		return 0;
	}
	if (lo_suffix != FS_NONE)
		i = j;
	j = skip_space(t, len, i);
	n = range_sep(t, len, j);
	if (n) {
		size_t k = skip_space(t, len, j + n), h, mark = k;
		int hi_oor;
		if (byte_at(t, len, k) == '\\' && byte_at(t, len, k + 1) == '$')
			mark = ++k; /* "\$40" */
		if (byte_at(t, len, k) == '$' || byte_at(t, len, k) == '\\')
			k++;
		if (is_digit(byte_at(t, len, k)) &&
		    !hardware_at(t, len, k, &h)) {
			f->hi_start = f->money ? mark : k; /* "$100" */
			i = read_number(t, len, k, allow_exp, &f->hi, &hi_oor);
			hi_mult = read_scale(t, len, &i);
			f->hi *= hi_mult;
			if (!f->scaled && hi_mult != 1)
				f->lo *= hi_mult;
			f->scaled |= hi_mult != 1;
			f->has_hi = 1;
			f->out_of_range |= hi_oor;
		}
	}
	j = i;
	f->suffix = read_suffix(t, len, &j, &glued);
	if (glued) {
		f->suffix = FS_NONE;
	} else if (f->suffix != FS_NONE) {
		i = j;
	} else if (!f->has_hi) {
		f->suffix = lo_suffix;
	} else if (lo_suffix != FS_NONE) {
		f->suffix = lo_suffix;
	}
	f->end = i;
	/* "$1.18\times$" is LaTeX math, not money */
	if (f->money && f->start < pos && t[pos - 1] == '$' &&
	    (f->suffix != FS_NONE || byte_at(t, len, f->end) == '$')) {
		f->money = 0;
		f->math_dollar = 1;
		f->start = pos;
	}
	if (f->money && t[pos - 1] == '\\' && f->suffix != FS_NONE)
		f->money = 0, f->start = pos;
	return 0;
}

/* ---- lexicon ---------------------------------------------------------- */

static const char *const dim_names[DIM__COUNT] = {
	NULL, "cost", "time", "memory", "params", "tokens", "data", "flops",
	"energy", "latency", "storage", "compute",
};

const char *dim_name(enum dim d)
{
	if ((int)d < 0 || d >= DIM__COUNT)
		BUG("dimension %d out of range", (int)d);
	return dim_names[d];
}

/* Metric names (lower case, as the vocabulary writes them) and the unit a
 * bare figure of that metric is in. */
static const struct {
	const char *name;
	const char *unit;
} metrics[] = {
	{ "fid", "FID" },          /* 0 */
	{ "fvd", "FVD" },          /* 1 */
	{ "accuracy", "%" },       /* 2 */
	{ "top-1 accuracy", "%" }, /* 3 */
	{ "perplexity", "perplexity" }, /* 4 */
	{ "bleu", "BLEU" },        /* 5 */
	{ "map", "mAP" },          /* 6 */
	{ "maph", "mAPH" },        /* 7 */
	{ "suc", "SUC" },          /* 8 */
	{ "win rate", "%" },       /* 9 */
	{ "pass@1", "%" },         /* 10 */
	{ "success rate", "%" },   /* 11 */
	{ "dice", "%" },           /* 12 */
	{ "miou", "mIoU" },        /* 13 */
	{ "psnr", "dB" },          /* 14 */
	{ "f1", "F1" },            /* 15 */
	{ "rouge", "ROUGE" },      /* 16 */
	{ "glue", "GLUE" },        /* 17 */
	{ "cider", "CIDEr" },      /* 18 */
	{ "inception score", "IS" }, /* 19 */
	{ "top-5 accuracy", "%" }, /* 20 */
	{ "exact match", "EM" },   /* 21 */
	{ "auc", "AUC" },          /* 22 */
	{ "ssim", "SSIM" },        /* 23 */
	{ "wer", "WER" },          /* 24 */
	{ "ap", "AP" },            /* 25 */
	{ "iou", "IoU" },          /* 26 */
	{ "score", "score" },      /* 27 */
};

const char *metric_name(int metric)
{
	if (metric < 0 || (size_t)metric >= sizeof metrics / sizeof *metrics)
		return NULL;
	return metrics[metric].name;
}

const char *metric_unit(int metric)
{
	if (metric < 0 || (size_t)metric >= sizeof metrics / sizeof *metrics)
		return NULL;
	return metrics[metric].unit;
}

struct lex_entry {
	const char *word;
	uint32_t flags;
	unsigned char dim;
	signed char metric;
};

#define D(x) DIM_##x
/* Sorted by word (byte order), so a word is listed once; lex_sorted()
 * checks it in the unit tests.  Only inflections that occur in prose are
 * listed; looking up exact words is faster than stemming and as good for
 * abstracts. */
static const struct lex_entry lexicon[] = {
	{ "about", LX_APPROX, 0, -1 },
	{ "above", LX_LOWER, 0, -1 },
	{ "acc", LX_METRIC, 0, 2 },
	{ "accelerate", LX_DIM | LX_CHANGE, D(TIME), -1 },
	{ "accelerated", LX_DIM | LX_CHANGE, D(TIME), -1 },
	{ "accelerates", LX_DIM | LX_CHANGE, D(TIME), -1 },
	{ "accelerating", LX_DIM | LX_CHANGE, D(TIME), -1 },
	{ "acceleration", LX_DIM, D(TIME), -1 },
	{ "accelerator", LX_DEVICE, 0, -1 },
	{ "accelerators", LX_DEVICE, 0, -1 },
	{ "accuracy", LX_METRIC, 0, 2 },
	{ "against", LX_COMPARE, 0, -1 },
	{ "almost", LX_APPROX, 0, -1 },
	{ "an", LX_FILLER, 0, -1 },
	{ "annotations", LX_DATA | LX_DIM, D(DATA), -1 },
	{ "ap", LX_METRIC, 0, 25 },
	{ "approaches", LX_COMPARE, 0, -1 },
	{ "approaching", LX_COMPARE, 0, -1 },
	{ "approx", LX_APPROX, 0, -1 },
	{ "approximately", LX_APPROX, 0, -1 },
	{ "around", LX_APPROX, 0, -1 },
	{ "auc", LX_METRIC, 0, 22 },
	{ "baseline", LX_BASEWORD, 0, -1 },
	{ "baselines", LX_BASEWORD, 0, -1 },
	{ "benchmark", LX_DSCUE | LX_SKIPNOUN, 0, -1 },
	{ "benchmarks", LX_DSCUE | LX_SKIPNOUN, 0, -1 },
	{ "better", LX_DELTA, 0, -1 },
	{ "billion", LX_SCALEWORD, 0, -1 },
	{ "bit", LX_SKIPNOUN, 0, -1 },
	{ "bits", LX_SKIPNOUN, 0, -1 },
	{ "bleu", LX_METRIC, 0, 5 },
	{ "boost", LX_DELTA | LX_CHANGE, 0, -1 },
	{ "boosts", LX_DELTA | LX_CHANGE, 0, -1 },
	{ "budget", LX_DIM, D(COST), -1 },
	{ "captions", LX_DATA, 0, -1 },
	{ "carbon", LX_DIM, D(ENERGY), -1 },
	{ "cards", LX_DEVICE, 0, -1 },
	{ "challenge", LX_DSCUE, 0, -1 },
	{ "cheaper", LX_DIM | LX_LESS, D(COST), -1 },
	{ "chip", LX_DEVICE, 0, -1 },
	{ "chips", LX_DEVICE, 0, -1 },
	{ "cider", LX_METRIC, 0, 18 },
	{ "clips", LX_DATA, 0, -1 },
	{ "co2", LX_DIM, D(ENERGY), -1 },
	{ "comparable", LX_COMPARE, 0, -1 },
	{ "compared", LX_COMPARE, 0, -1 },
	{ "complexity", LX_DIM, D(FLOPS), -1 },
	{ "compress", LX_DIM | LX_REDUCE, D(PARAMS), -1 },
	{ "compresses", LX_DIM | LX_REDUCE, D(PARAMS), -1 },
	{ "compressing", LX_DIM | LX_REDUCE, D(PARAMS), -1 },
	{ "compression", LX_DIM | LX_REDUCE, D(PARAMS), -1 },
	{ "computation", LX_DIM, D(COMPUTE), -1 },
	{ "computational", LX_DIM, D(COMPUTE), -1 },
	{ "compute", LX_DIM, D(COMPUTE), -1 },
	{ "context", LX_CONTEXT, 0, -1 },
	{ "convergence", LX_DIM, D(TIME), -1 },
	{ "converges", LX_DIM, D(TIME), -1 },
	{ "conversations", LX_DATA, 0, -1 },
	{ "corpus", LX_DSCUE, 0, -1 },
	{ "cost", LX_DIM | LX_COST, D(COST), -1 },
	{ "costing", LX_COST, 0, -1 },
	{ "costs", LX_DIM | LX_COST, D(COST), -1 },
	{ "cut", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "cuts", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "cutting", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "data", LX_DATA | LX_DIM, D(DATA), -1 },
	{ "dataset", LX_DSCUE, 0, -1 },
	{ "datasets", LX_SKIPNOUN, 0, -1 },
	{ "day", LX_DAYS, 0, -1 },
	{ "days", LX_DAYS, 0, -1 },
	{ "decrease", LX_REDUCE | LX_CHANGE | LX_LESS, 0, -1 },
	{ "decreased", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "decreases", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "decreasing", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "demonstrations", LX_DATA, 0, -1 },
	{ "dialogues", LX_DATA, 0, -1 },
	{ "dice", LX_METRIC, 0, 12 },
	{ "disk", LX_DIM, D(STORAGE), -1 },
	{ "documents", LX_DATA, 0, -1 },
	{ "dollars", LX_MONEY, 0, -1 },
	{ "drop", LX_DELTA, 0, -1 },
	{ "drops", LX_DELTA, 0, -1 },
	{ "effort", LX_DIM, D(COMPUTE), -1 },
	{ "emissions", LX_DIM, D(ENERGY), -1 },
	{ "energy", LX_DIM, D(ENERGY), -1 },
	{ "epochs", LX_DIM | LX_SKIPNOUN, D(TIME), -1 },
	{ "eur", LX_CURRENCY, 0, -1 },
	{ "euro", LX_CURRENCY, 0, -1 },
	{ "euros", LX_CURRENCY, 0, -1 },
	{ "examples", LX_DATA | LX_DIM, D(DATA), -1 },
	{ "exceeds", LX_COMPARE, 0, -1 },
	{ "expense", LX_DIM, D(COST), -1 },
	{ "expenses", LX_DIM, D(COST), -1 },
	{ "f1", LX_METRIC, 0, 15 },
	{ "fast", LX_DIM, D(TIME), -1 },
	{ "faster", LX_DIM | LX_LESS, D(TIME), -1 },
	{ "fewer", LX_LESS, 0, -1 },
	{ "fid", LX_METRIC, 0, 0 },
	{ "flop", LX_DIM, D(FLOPS), -1 },
	{ "flops", LX_DIM, D(FLOPS), -1 },
	{ "fps", LX_DIM, D(TIME), -1 },
	{ "fvd", LX_METRIC, 0, 1 },
	{ "gain", LX_DELTA, 0, -1 },
	{ "gains", LX_DELTA, 0, -1 },
	{ "gb", LX_GB, 0, -1 },
	{ "gbp", LX_CURRENCY, 0, -1 },
	{ "gflops", LX_DIM, D(FLOPS), -1 },
	{ "gib", LX_GB, 0, -1 },
	{ "glue", LX_METRIC, 0, 17 },
	{ "gpu", LX_DEVICE, 0, -1 },
	{ "gpus", LX_DEVICE, 0, -1 },
	{ "h", LX_HOURS, 0, -1 },
	{ "higher", LX_DELTA, 0, -1 },
	{ "hour", LX_HOURS, 0, -1 },
	{ "hours", LX_HOURS, 0, -1 },
	{ "hrs", LX_HOURS, 0, -1 },
	{ "images", LX_DATA, 0, -1 },
	{ "improve", LX_DELTA | LX_CHANGE, 0, -1 },
	{ "improved", LX_DELTA | LX_CHANGE, 0, -1 },
	{ "improvement", LX_DELTA, 0, -1 },
	{ "improvements", LX_DELTA, 0, -1 },
	{ "improves", LX_DELTA | LX_CHANGE, 0, -1 },
	{ "improving", LX_DELTA | LX_CHANGE, 0, -1 },
	{ "including", LX_COMPARE, 0, -1 },
	{ "increase", LX_DELTA | LX_CHANGE, 0, -1 },
	{ "increases", LX_DELTA | LX_CHANGE, 0, -1 },
	{ "inference", LX_DIM, D(TIME), -1 },
	{ "input", LX_CONTEXT, 0, -1 },
	{ "instructions", LX_DATA, 0, -1 },
	{ "iou", LX_METRIC, 0, 26 },
	{ "iterations", LX_DIM | LX_SKIPNOUN, D(TIME), -1 },
	{ "jpy", LX_CURRENCY, 0, -1 },
	{ "just", LX_FILLER | LX_ONLY, 0, -1 },
	{ "labels", LX_DATA | LX_DIM, D(DATA), -1 },
	{ "languages", LX_SKIPNOUN, 0, -1 },
	{ "latency", LX_DIM, D(LATENCY), -1 },
	{ "layers", LX_SKIPNOUN, 0, -1 },
	{ "least", LX_LOWER, 0, -1 },
	{ "length", LX_CONTEXT, 0, -1 },
	{ "less", LX_LESS, 0, -1 },
	{ "like", LX_COMPARE, 0, -1 },
	{ "llm", LX_MODEL, 0, -1 },
	{ "llms", LX_MODEL, 0, -1 },
	{ "lm", LX_MODEL, 0, -1 },
	{ "lms", LX_MODEL, 0, -1 },
	{ "lower", LX_LESS | LX_REDUCE, 0, -1 },
	{ "lowering", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "lowers", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "macs", LX_DIM, D(FLOPS), -1 },
	{ "map", LX_METRIC, 0, 6 },
	{ "maph", LX_METRIC, 0, 7 },
	{ "margin", LX_DELTA, 0, -1 },
	{ "matches", LX_COMPARE, 0, -1 },
	{ "memory", LX_DIM | LX_MEMORY, D(MEMORY), -1 },
	{ "merely", LX_FILLER | LX_ONLY, 0, -1 },
	{ "miou", LX_METRIC, 0, 13 },
	{ "model", LX_MODEL, 0, -1 },
	{ "models", LX_MODEL, 0, -1 },
	{ "more", LX_LOWER, 0, -1 },
	{ "namely", LX_COMPARE, 0, -1 },
	{ "nearly", LX_APPROX, 0, -1 },
	{ "networks", LX_MODEL, 0, -1 },
	{ "of", LX_FILLER, 0, -1 },
	{ "only", LX_FILLER | LX_ONLY, 0, -1 },
	{ "outperform", LX_COMPARE, 0, -1 },
	{ "outperformed", LX_COMPARE, 0, -1 },
	{ "outperforming", LX_COMPARE, 0, -1 },
	{ "outperforms", LX_COMPARE, 0, -1 },
	{ "over", LX_LOWER, 0, -1 },
	{ "pairs", LX_DATA, 0, -1 },
	{ "param", LX_PARAM, 0, -1 },
	{ "parameter", LX_PARAM | LX_DIM, D(PARAMS), -1 },
	{ "parameters", LX_PARAM | LX_DIM, D(PARAMS), -1 },
	{ "params", LX_PARAM | LX_DIM, D(PARAMS), -1 },
	{ "pass@1", LX_METRIC, 0, 10 },
	{ "patches", LX_DATA, 0, -1 },
	{ "perplexity", LX_METRIC, 0, 4 },
	{ "point", LX_DELTA, 0, -1 },
	{ "points", LX_DELTA, 0, -1 },
	{ "pounds", LX_CURRENCY, 0, -1 },
	{ "power", LX_DIM, D(ENERGY), -1 },
	{ "ppl", LX_METRIC, 0, 4 },
	{ "previous", LX_BASEWORD, 0, -1 },
	{ "prior", LX_BASEWORD, 0, -1 },
	{ "problems", LX_DATA, 0, -1 },
	{ "psnr", LX_METRIC, 0, 14 },
	{ "questions", LX_DATA, 0, -1 },
	{ "ram", LX_MEMORY, 0, -1 },
	{ "rate", LX_METRIC, 0, 11 },
	{ "reduce", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "reduced", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "reduces", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "reducing", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "reduction", LX_REDUCE, 0, -1 },
	{ "reductions", LX_REDUCE, 0, -1 },
	{ "rivals", LX_COMPARE, 0, -1 },
	{ "rmb", LX_CURRENCY, 0, -1 },
	{ "rouge", LX_METRIC, 0, 16 },
	{ "roughly", LX_APPROX, 0, -1 },
	{ "samples", LX_DATA | LX_DIM, D(DATA), -1 },
	{ "save", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "saved", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "saves", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "saving", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "savings", LX_REDUCE, 0, -1 },
	{ "scale", LX_MODEL, 0, -1 },
	{ "scales", LX_MODEL, 0, -1 },
	{ "seconds", LX_SKIPNOUN, 0, -1 },
	{ "sentences", LX_DATA, 0, -1 },
	{ "sequence", LX_CONTEXT, 0, -1 },
	{ "sequences", LX_CONTEXT, 0, -1 },
	{ "shorter", LX_LESS | LX_DIM, D(TIME), -1 },
	{ "shrink", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "shrinks", LX_REDUCE | LX_CHANGE, 0, -1 },
	{ "size", LX_DIM, D(PARAMS), -1 },
	{ "smaller", LX_LESS | LX_DIM, D(PARAMS), -1 },
	{ "sped", LX_DIM | LX_CHANGE, D(TIME), -1 },
	{ "speed", LX_DIM | LX_CHANGE, D(TIME), -1 },
	{ "speeding", LX_DIM | LX_CHANGE, D(TIME), -1 },
	{ "speeds", LX_DIM | LX_CHANGE, D(TIME), -1 },
	{ "speedup", LX_DIM, D(TIME), -1 },
	{ "speedups", LX_DIM, D(TIME), -1 },
	{ "ssim", LX_METRIC, 0, 23 },
	{ "statements", LX_DATA, 0, -1 },
	{ "steps", LX_DIM | LX_SKIPNOUN, D(TIME), -1 },
	{ "storage", LX_DIM, D(STORAGE), -1 },
	{ "student", LX_MODEL, 0, -1 },
	{ "suc", LX_METRIC, 0, 8 },
	{ "such", LX_COMPARE, 0, -1 },
	{ "surpass", LX_COMPARE, 0, -1 },
	{ "surpasses", LX_COMPARE, 0, -1 },
	{ "surpassing", LX_COMPARE, 0, -1 },
	{ "tasks", LX_SKIPNOUN, 0, -1 },
	{ "than", LX_COMPARE, 0, -1 },
	{ "the", LX_FILLER, 0, -1 },
	{ "thousand", LX_SCALEWORD, 0, -1 },
	{ "throughput", LX_DIM, D(TIME), -1 },
	{ "time", LX_DIM, D(TIME), -1 },
	{ "token", LX_TOKEN, 0, -1 },
	{ "tokens", LX_TOKEN | LX_DIM, D(TOKENS), -1 },
	{ "tpu", LX_DEVICE, 0, -1 },
	{ "tpus", LX_DEVICE, 0, -1 },
	{ "trajectories", LX_DATA, 0, -1 },
	{ "transformer", LX_MODEL, 0, -1 },
	{ "transformers", LX_MODEL, 0, -1 },
	{ "trillion", LX_SCALEWORD, 0, -1 },
	{ "up", LX_UPPER, 0, -1 },
	{ "usd", LX_MONEY, 0, -1 },
	{ "utterances", LX_DATA, 0, -1 },
	{ "variant", LX_MODEL, 0, -1 },
	{ "variants", LX_MODEL, 0, -1 },
	{ "versus", LX_COMPARE, 0, -1 },
	{ "videos", LX_DATA, 0, -1 },
	{ "vram", LX_MEMORY | LX_DIM, D(MEMORY), -1 },
	{ "vs", LX_COMPARE, 0, -1 },
	{ "wall", LX_DIM, D(TIME), -1 },
	{ "week", LX_WEEKS, 0, -1 },
	{ "weeks", LX_WEEKS, 0, -1 },
	{ "wer", LX_METRIC, 0, 24 },
	{ "whereas", LX_BASEWORD, 0, -1 },
	{ "within", LX_UPPER, 0, -1 },
	{ "yen", LX_CURRENCY, 0, -1 },
	{ "yuan", LX_CURRENCY, 0, -1 },
};
#undef D

int lex_sorted(void)
{
	for (size_t i = 1; i < sizeof lexicon / sizeof *lexicon; i++)
		if (strcmp(lexicon[i - 1].word, lexicon[i].word) >= 0)
			return 0;
	return 1;
}

/* The lexicon hashed by its lower-case words: one probe (two at most in
 * practice) instead of a binary search of strcmp calls.  Built once;
 * slots hold an entry's index plus one, 0 when empty. */
#define LEX_SLOTS 1024
static uint16_t lex_slot[LEX_SLOTS];
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static uint32_t lex_hash_step(uint32_t h, unsigned char c)
{
	return (h ^ c) * 0x01000193u;
}

static size_t lex_home(uint32_t h)
{
	return (size_t)(h ^ h >> 15) & (LEX_SLOTS - 1);
}

static void lex_fill_slots(void)
{
	for (size_t i = 0; i < sizeof lexicon / sizeof *lexicon; i++) {
		uint32_t h = 0x811c9dc5u;
		for (const char *c = lexicon[i].word; *c; c++)
			h = lex_hash_step(h, (unsigned char)*c);
		size_t j = lex_home(h);
		while (lex_slot[j])
			j = (j + 1) & (LEX_SLOTS - 1);
		lex_slot[j] = (uint16_t)(i + 1);
	}
}

uint32_t lex_lookup(const char *t, size_t s, size_t e, enum dim *dim,
		    int *metric)
{
	char w[24];
	size_t n = e - s;
	uint32_t h = 0x811c9dc5u;

	*dim = DIM_NONE;
	*metric = -1;
	if (n == 0 || n >= sizeof w)
		return 0;
	pthread_once(&lex_once, lex_fill_slots);
	for (size_t i = 0; i < n; i++) {
		w[i] = (char)to_lower((unsigned char)t[s + i]);
		h = lex_hash_step(h, (unsigned char)w[i]);
	}
	for (size_t j = lex_home(h); lex_slot[j]; j = (j + 1) & (LEX_SLOTS - 1)) {
		const struct lex_entry *x = &lexicon[lex_slot[j] - 1];
		if (!strncmp(x->word, w, n) && x->word[n] == '\0') {
			*dim = (enum dim)x->dim;
			*metric = x->metric;
			return x->flags;
		}
	}
	return 0;
}

/* ---- hardware --------------------------------------------------------- */

/* Read one alphanumeric word at i into lower-case buf; returns its end. */
static size_t word_lower(const char *t, size_t len, size_t i, char *buf,
			 size_t size)
{
	size_t n = 0;

	while (i < len && is_alnum((unsigned char)t[i])) {
		if (n + 1 < size)
			buf[n++] = (char)to_lower((unsigned char)t[i]);
		else
			n = size; /* too long to be a device name */
		i++;
	}
	buf[n < size ? n : 0] = '\0';
	return i;
}

/* Devices written as one word, with the vocabulary's spelling. */
static const char *device_word(const char *w)
{
	static const char *const plain[][2] = {
		{ "a100", "A100" }, { "a800", "A800" }, { "h100", "H100" },
		{ "h800", "H800" }, { "h200", "H200" }, { "v100", "V100" },
		{ "v100s", "V100" }, { "p100", "P100" }, { "t4", "T4" },
		{ "k80", "K80" }, { "a10", "A10" }, { "a10g", "A10" },
		{ "a40", "A40" }, { "a6000", "A6000" }, { "a5000", "A5000" },
		{ "l4", "L4" }, { "l40", "L40" }, { "l40s", "L40S" },
		{ "mi250x", "MI250X" }, { "mi250", "MI250" },
		{ "mi300x", "MI300X" }, { "mi100", "MI100" }, { "b200", "B200" },
		{ "gh200", "GH200" }, { "p40", "P40" }, { "m40", "M40" },
		{ "titan", "Titan" }, { "gaudi2", "Gaudi2" },
	};
	/* a plural: "A100s", "H100s" (V100S and L40S, models of their
	 * own, are found first) */
	char one[16];
	size_t n = strlen(w);
	int plural = n > 2 && n < sizeof one && w[n - 1] == 's';
	if (plural) {
		memcpy(one, w, n - 1);
		one[n - 1] = '\0';
	}
	for (int pass = 0; pass <= plural; pass++) {
		const char *v = pass ? one : w;
		for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
			if (plain[i][0][0] == v[0] && !strcmp(v, plain[i][0]))
				return plain[i][1];
	}
	return NULL;
}

/* Consumer cards by number: 1080 -> "GTX 1080", 4090 -> "RTX 4090". */
static const char *card_number(const char *w, int ti)
{
	static const char *const cards[][3] = {
		{ "1080", "GTX 1080", "GTX 1080 Ti" },
		{ "2080", "RTX 2080", "RTX 2080 Ti" },
		{ "3060", "RTX 3060", "RTX 3060 Ti" },
		{ "3070", "RTX 3070", "RTX 3070 Ti" },
		{ "3080", "RTX 3080", "RTX 3080 Ti" },
		{ "3090", "RTX 3090", "RTX 3090 Ti" },
		{ "4060", "RTX 4060", "RTX 4060 Ti" },
		{ "4070", "RTX 4070", "RTX 4070 Ti" },
		{ "4080", "RTX 4080", "RTX 4080" },
		{ "4090", "RTX 4090", "RTX 4090" },
		{ "5090", "RTX 5090", "RTX 5090" },
		{ "6000", "RTX 6000", "RTX 6000" },
		{ "8000", "RTX 8000", "RTX 8000" },
	};
	if (strlen(w) != 4)
		return NULL;
	for (size_t i = 0; i < sizeof cards / sizeof *cards; i++)
		if (cards[i][0][0] == w[0] && !strcmp(w, cards[i][0]))
			return cards[i][ti ? 2 : 1];
	return NULL;
}

static const char *tpu_version(const char *v)
{
	static const char *const tpus[][2] = {
		{ "v2", "TPUv2" }, { "v3", "TPUv3" }, { "v4", "TPUv4" },
		{ "v5e", "TPUv5e" }, { "v5p", "TPUv5p" }, { "v5", "TPUv5" },
		{ "v6e", "TPUv6e" },
	};
	for (size_t i = 0; i < sizeof tpus / sizeof *tpus; i++)
		if (!strcmp(v, tpus[i][0]))
			return tpus[i][1];
	return NULL;
}

/* Skip a memory size written after a device name ("-80GB", " 80 GB",
 * "-SXM4") so it is not read as a separate figure. */
static size_t skip_device_tail(const char *t, size_t len, size_t i)
{
	size_t j = i;

	if (byte_at(t, len, j) == '-' || byte_at(t, len, j) == ' ')
		j++;
	if (is_digit(byte_at(t, len, j))) {
		while (is_digit(byte_at(t, len, j)))
			j++;
		if (byte_at(t, len, j) == ' ')
			j++;
		if (span_starts(t, j, len, "gb") && !is_alpha(byte_at(t, len, j + 2)))
			return j + 2;
		return i;
	}
	if (span_starts(t, j, len, "sxm") || span_starts(t, j, len, "pcie")) {
		while (is_alnum(byte_at(t, len, j)))
			j++;
		return j;
	}
	return i;
}

/* The word after a card number: "Ti" makes it the Ti model. */
static int ti_after(const char *t, size_t len, size_t i, size_t *end)
{
	size_t j = i;

	if (byte_at(t, len, j) == ' ')
		j++;
	if (span_starts(t, j, len, "ti") && !is_alnum(byte_at(t, len, j + 2))) {
		*end = j + 2;
		return 1;
	}
	*end = i;
	return 0;
}

/* Can a device name start with byte c?  Device names start with one of
 * a few letters ("A100", "RTX", "TPU", "NVIDIA") or are a card number of
 * four digits; everything else is turned away before any comparison,
 * since this is asked for nearly every number and word near a figure. */
static int device_start(const char *t, size_t len, size_t s)
{
	static const unsigned char first[256] = {
		['a'] = 1, ['b'] = 1, ['c'] = 1, ['g'] = 1, ['h'] = 1, ['k'] = 1,
		['l'] = 1, ['m'] = 1, ['n'] = 1, ['p'] = 1, ['r'] = 1, ['t'] = 1,
		['v'] = 1,
	};
	unsigned char c = byte_at(t, len, s);

	if (is_digit(c))
		return is_digit(byte_at(t, len, s + 1)) &&
		       is_digit(byte_at(t, len, s + 2)) &&
		       is_digit(byte_at(t, len, s + 3)) &&
		       !is_alnum(byte_at(t, len, s + 4)) &&
		       !((byte_at(t, len, s + 4) == '.' ||
			  byte_at(t, len, s + 4) == ',') &&
			 is_digit(byte_at(t, len, s + 5)));
	return first[to_lower(c)];
}

/* Words before a device's own name ("NVIDIA A100", "Google TPU v4") and
 * the series of consumer cards ("RTX 4090"), lower case. */
static const char *const device_makers[] = {
	"nvidia", "amd", "google", "geforce", "tesla", "cloud",
};
static const char *const card_series[] = { "rtx", "gtx" };

static int word_among(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i][0] == w[0] && !strcmp(w, list[i]))
			return 1;
	return 0;
}

#define AMONG(w, list) word_among((w), (list), sizeof(list) / sizeof *(list))

/* Is w a word of a device name without a digit: a maker, a series,
 * "tpu" (a version follows) or "titan" (device_word)? */
static int digitless_device(const char *w)
{
	return AMONG(w, device_makers) || AMONG(w, card_series) ||
	       !strcmp(w, "tpu") || !strcmp(w, "titan");
}

const char *hardware_at(const char *t, size_t len, size_t s, size_t *used)
{
	char w[16], v[16];
	size_t i = s, e, e2;
	const char *name;

	if (!device_start(t, len, s))
		return NULL;
	e = word_lower(t, len, i, w, sizeof w);
	/* a device's word has a digit ("A100", "TPUv3", "4090") or is one
	 * of a few names: most words are turned away here */
	if (!strpbrk(w, "0123456789") && !digitless_device(w))
		return NULL;
	if (AMONG(w, device_makers)) {
		i = skip_space(t, len, e);
		if (i == e || !(name = hardware_at(t, len, i, used)))
			return NULL;
		*used += i - s;
		return name;
	}
	if (AMONG(w, card_series)) {
		i = e;
		if (byte_at(t, len, i) == ' ' || byte_at(t, len, i) == '-')
			i++;
		e = word_lower(t, len, i, w, sizeof w);
	} else if ((!strncmp(w, "rtx", 3) || !strncmp(w, "gtx", 3)) &&
		   is_digit((unsigned char)w[3])) {
		memmove(w, w + 3, strlen(w + 3) + 1);
	}
	if ((name = card_number(w, ti_after(t, len, e, &e2))) != NULL) {
		*used = e2 - s;
		return name;
	}
	if (!strncmp(w, "tpu", 3)) {
		if (w[3] == '\0') {
			i = e;
			if (byte_at(t, len, i) == ' ' || byte_at(t, len, i) == '-')
				i++;
			e2 = word_lower(t, len, i, v, sizeof v);
			if ((name = tpu_version(v)) != NULL) {
				*used = e2 - s;
				return name;
			}
			return NULL;
		}
		if ((name = tpu_version(w + 3)) != NULL) {
			*used = e - s;
			return name;
		}
		return NULL;
	}
	if ((name = device_word(w)) != NULL) {
		*used = skip_device_tail(t, len, e) - s;
		return name;
	}
	return NULL;
}

const char *hardware_normalise(const char *name, size_t len)
{
	size_t i = skip_space(name, len, 0), used;
	const char *hw;

	if (i >= len)
		return NULL;
	/* "8-4090", "8x A100": a device count glued to the name */
	if (is_digit((unsigned char)name[i])) {
		size_t j = i;
		while (j < len && is_digit((unsigned char)name[j]))
			j++;
		if (j < len && (name[j] == '-' || name[j] == 'x' ||
				name[j] == '*' || name[j] == '\xc3')) {
			size_t k = j + (name[j] == '\xc3' ? 2 : 1);
			k = skip_space(name, len, k);
			if ((hw = hardware_at(name, len, k, &used)) != NULL)
				return hw;
		}
	}
	return hardware_at(name, len, i, &used);
}

/* ---- curated figures -------------------------------------------------- */

/* msg with an optional quoted subject: "unknown unit 'furlongs'". */
static void set_err(struct figure_error *err, long col, const char *msg,
		    const char *subject)
{
	if (!err)
		return;
	err->col = col;
	if (subject)
		snprintf(err->msg, sizeof err->msg, "%s '%s'", msg, subject);
	else
		snprintf(err->msg, sizeof err->msg, "%s", msg);
}

/* Keep the caller's non-NULL fields, fill the rest from the claim the
 * text yielded. */
static void merge_claim(struct claim *out, struct claim *c)
{
	char **mine[] = { &out->dimension, &out->hardware, &out->metric,
			  &out->dataset };
	char **theirs[] = { &c->dimension, &c->hardware, &c->metric,
			    &c->dataset };

	out->quantity = c->quantity;
	out->value = c->value;
	out->value_max = c->value_max;
	out->has_max = c->has_max;
	out->qualifier = c->qualifier;
	for (size_t i = 0; i < sizeof mine / sizeof *mine; i++)
		if (!*mine[i])
			claim_set(mine[i], *theirs[i]);
	claim_set(&out->unit, c->unit);
	claim_set(&out->note, c->note);
}

/* A bare number with the caller's hint: "1890" as cost_usd, "7B" as
 * params.  Ratios, quality and compute need words to mean anything. */
static int bare_with_hint(const struct fig_read *f, enum quantity hint,
			  struct claim *c)
{
	char buf[64];

	if (hint == Q_NONE || hint == Q_QUALITY ||
	    (hint == Q_RATIO && f->suffix != FS_TIMES) ||
	    (hint != Q_RATIO && f->suffix != FS_NONE))
		return -1;
	c->quantity = hint;
	c->value = f->lo;
	if (f->has_hi) {
		c->has_max = 1;
		c->value_max = f->hi;
	}
	claim_set(&c->unit, quantity_unit(hint));
	fmt_double(buf, sizeof buf, f->lo);
	claim_set(&c->note, buf);
	return 0;
}

/* The first word after the figure, for "unknown unit 'furlongs'". */
static void unknown_unit(const char *text, size_t len, size_t i,
			 struct figure_error *err)
{
	char w[40];
	size_t s = skip_space(text, len, i), e = s, n;

	while (e < len && !space_len(text, len, e) && e - s < sizeof w - 1)
		e++;
	n = e - s;
	memcpy(w, text + s, n);
	w[n] = '\0';
	if (!n)
		set_err(err, (long)s + 1, "missing unit", NULL);
	else
		set_err(err, (long)s + 1, "unknown unit", w);
}

/* Column of the first digit, or 0 if the text has none worth reading. */
static size_t first_digit(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (is_digit((unsigned char)text[i]))
			return i + 1;
	return 0;
}

/* A curated figure may spell its number ("one billion"): the word is
 * replaced by its digits in sb so the reader sees "1 billion".  Returns
 * 1 if a number word was found. */
static int spelled_number(const char *text, size_t len, struct strbuf *sb)
{
	static const char *const words[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve",
	};
	size_t i = 0;

	while (i < len) {
		size_t s = i, e;
		while (s < len && !is_alpha((unsigned char)text[s]))
			s++;
		for (e = s; e < len && is_alpha((unsigned char)text[e]); e++)
			;
		for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
			if (e > s && span_is(text, s, e, words[w])) {
				sb_add(sb, text, s);
				sb_addf(sb, "%zu", w);
				sb_add(sb, text + e, len - e);
				return 1;
			}
		}
		i = e > s ? e : s + 1;
	}
	return 0;
}

/* The code of a currency word of the lexicon ("euros" -> "EUR"). */
static const char *currency_word(const char *t, size_t s, size_t e)
{
	static const char *const words[][2] = {
		{ "eur", "EUR" }, { "euro", "EUR" }, { "euros", "EUR" },
		{ "gbp", "GBP" }, { "pounds", "GBP" }, { "jpy", "JPY" },
		{ "yen", "JPY" }, { "rmb", "CNY" }, { "yuan", "CNY" },
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (span_is(t, s, e, words[i][0]))
			return words[i][1];
	return "other";
}

/* An amount in another currency ("EUR 1,200", "300 euros"): cost_usd is
 * in US dollars and nothing here converts, so the figure is refused; the
 * amount and its currency code are left in out->value and out->unit, and
 * out->note says why.  Returns 1 for such a figure. */
static int other_currency_figure(const char *text, size_t len,
				 const struct fig_read *f, struct claim *out)
{
	const char *code = f->currency;
	size_t s = skip_space(text, len, f->end), e = s;
	enum dim dim;
	int metric;

	while (e < len && is_alpha((unsigned char)text[e]))
		e++;
	if (!code && e > s && (lex_lookup(text, s, e, &dim, &metric) & LX_CURRENCY))
		code = currency_word(text, s, e);
	if (!code)
		return 0;
	out->value = f->lo;
	claim_set(&out->unit, code);
	claim_set(&out->note, "amount not in US dollars: not converted, no "
		  "cost_usd claim");
	return 1;
}

int figure_parse(const char *text, enum quantity hint, struct claim *out,
		 struct figure_error *err)
{
	struct claim_list l = CLAIM_LIST_INIT;
	struct strbuf spelled = STRBUF_INIT;
	struct fig_read f;
	const char *raw = text;
	size_t len = strlen(text), d = first_digit(text, len);
	int rc = -1;

	if (!d && extract_standalone(text, len, &l)) {
		/* "within a single GPU hour": the number is a word */
		merge_claim(out, &l.items[0]);
		claim_set(&out->raw, text);
		claim_list_release(&l);
		return 0;
	}
	if (!d && spelled_number(text, len, &spelled)) {
		text = sb_str(&spelled);
		len = spelled.len;
		d = first_digit(text, len);
	}
	if (!d) {
		set_err(err, (long)skip_space(text, len, 0) + 1, "no number",
			NULL);
		return -1;
	}
	fig_read_at(text, len, d - 1, 1, &f);
	if (f.out_of_range || !(f.lo >= 0) || (f.has_hi && !(f.hi >= f.lo))) {
		set_err(err, (long)d, "number out of range", NULL);
		goto out;
	}
	if (d >= 2 && text[d - 2] == '-' &&
	    (d < 3 || !is_alnum((unsigned char)text[d - 3]))) {
		set_err(err, (long)d - 1, "negative amount", NULL);
		goto out;
	}
	if (f.lo == 0 && hint != Q_QUALITY) {
		set_err(err, (long)d, "zero amount", NULL);
		goto out;
	}
	if (other_currency_figure(text, len, &f, out)) {
		set_err(err, (long)f.start + 1, "amount not in US dollars",
			out->unit);
		goto out;
	}
	extract_standalone(text, len, &l);
	for (size_t i = 0; i < l.len; i++) {
		struct claim *c = &l.items[i];
		if (hint == Q_NONE || c->quantity == hint) {
			merge_claim(out, c);
			rc = 0;
			break;
		}
	}
	/* Training data is counted in any unit ("240,000 image patches",
	 * "20,000 statements"): with that hint, the words after the number
	 * name the items. */
	if (rc && ((hint != Q_NONE && skip_space(text, len, f.end) == len) ||
		   (hint == Q_DATA_SIZE && !l.len))) {
		struct claim c;
		claim_init(&c);
		if (!bare_with_hint(&f, hint, &c)) {
			merge_claim(out, &c);
			rc = 0;
		}
		claim_release(&c);
	}
	if (rc == 0) {
		claim_set(&out->raw, raw);
	} else if (l.len) {
		set_err(err, (long)d, "figure is not of kind",
			quantity_name(hint));
	} else {
		unknown_unit(text, len, f.end, err);
	}
out:
	claim_list_release(&l);
	sb_release(&spelled);
	return rc;
}

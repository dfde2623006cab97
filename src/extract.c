/* extract.c - find the efficiency claims in one abstract.
 *
 * The text is read once, a sentence at a time: each sentence is cut into
 * tokens (words, numbers, punctuation) in one reusable array, and every
 * number in it is then judged from the words around it: what follows it
 * (its unit: "GPU days", "parameters", "FID", "x lower cost") and what
 * precedes it ("up to", "reduce ... by", "surpasses", "from ... to").
 * Nothing is allocated per byte; the only allocations are the token array
 * (grown once) and the claims themselves.
 *
 * The rules follow the annotation guidelines: what a figure is about is
 * decided from context words in lexicon tables (figure.c), never from
 * particular papers. */
#include "extract.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "lexicon.h"
#include "util.h"

#ifdef EFFDASH_AVX2
#include <immintrin.h>
#endif

/* A sentence longer than this many tokens is cut; 50 MB of one word is
 * still one token, so the cap bounds memory, not correctness. */
#define MAX_TOKENS 1024
/* How far back (in words) context may be looked for. */
#define BACK_WORDS 24

struct ctx {
	const char *t;
	size_t len;
	struct tok *tok;
	size_t n;
	size_t consumed;      /* bytes already read as part of a figure */
	struct claim_list *out;
	size_t first;         /* first claim of this call in out */
	int standalone;       /* a curated figure, not an abstract */
	/* The last claim made, for "(5.7M)" after "to merely 0.9%" and for
	 * the dimension of a second "10 times" in the same sentence. */
	long sentence;
	long last_sentence;
	enum quantity last_q;
	enum dim last_dim;
	size_t last_end;
	/* The unit of the last absolute figure of the paper's own, when it
	 * had no device count ("30K GPU hours"), for a bare comparator's
	 * figure after it ("compared with 300K for the original model"). */
	long unit_sentence;
	enum quantity unit_q;
	double unit_mult;
	const char *unit_hw;
};

/* ---- tokens ------------------------------------------------------------ */

/* Length of the UTF-8 sequence led by c, clamped to what is left. */
static size_t utf8_len(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	size_t n = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;

	if (i + n > len)
		n = len - i;
	for (size_t k = 1; k < n; k++)
		if (((unsigned char)t[i + k] & 0xc0) != 0x80)
			return k;
	return n;
}

/* A multi-byte punctuation mark, normalised: dashes and minus to '-',
 * tildes and approximately-equal to '~', × to '*', ± to '+', quotes to
 * '"'.  0 if the sequence is a letter. */
static int multibyte_sym(const char *t, size_t len, size_t i, size_t n)
{
	unsigned char c = (unsigned char)t[i];
	unsigned char c1 = n > 1 ? (unsigned char)t[i + 1] : 0;
	unsigned char c2 = n > 2 ? (unsigned char)t[i + 2] : 0;

	(void)len;
	if (n == 2 && c == 0xc3 && c1 == 0x97)
		return '*';
	if (n == 2 && c == 0xc2)
		return c1 == 0xb1 ? '+' : '?';
	if (n == 3 && c == 0xe2 && c1 == 0x80)
		return (c2 >= 0x90 && c2 <= 0x95) ? '-' :
		       (c2 >= 0x98 && c2 <= 0x9f) ? '"' : '?';
	if (n == 3 && c == 0xe2 && c1 == 0x88)
		return c2 == 0x92 ? '-' : c2 == 0xbc ? '~' : '?';
	if (n == 3 && c == 0xe2 && c1 == 0x89)
		return c2 == 0x88 ? '~' : c2 == 0xa4 ? '<' : c2 == 0xa5 ? '>' : '?';
	if (n == 3 && c == 0xe2)
		return '?';
	return 0;
}

/* The end of the name of the LaTeX command whose backslash is t[i]: its
 * letters, which end at a digit ("\sim100"). */
static size_t latex_name_end(const char *t, size_t len, size_t i)
{
	size_t j = i + 1;

	while (j < len && j - i <= 12 && is_alpha((unsigned char)t[j]))
		j++;
	return j;
}

/* Is the command t[i..j) (backslash and name) named name? */
static int latex_name_is(const char *t, size_t i, size_t j, const char *name)
{
	return strlen(name) == j - i - 1 && !memcmp(t + i + 1, name, j - i - 1);
}

/* A LaTeX relation at t[i] (a backslash): "\sim" and "\approx" as '~',
 * "\geq", "\gtrsim" as '>', "\leq", "\lesssim" as '<', "\times" as
 * '*', the symbols multibyte_sym gives their Unicode forms; 0 for any
 * other command.  *end is set after the command's name. */
static int latex_relation(const char *t, size_t len, size_t i, size_t *end)
{
	static const struct {
		const char *name;
		int sym;
	} rel[] = {
		{ "sim", '~' }, { "approx", '~' }, { "simeq", '~' },
		{ "thicksim", '~' }, { "geq", '>' }, { "ge", '>' },
		{ "geqslant", '>' }, { "gtrsim", '>' }, { "gg", '>' },
		{ "gt", '>' }, { "leq", '<' }, { "le", '<' },
		{ "leqslant", '<' }, { "lesssim", '<' }, { "ll", '<' },
		{ "lt", '<' }, { "times", '*' }, { "cdot", '*' },
	};
	size_t j = latex_name_end(t, len, i);

	for (size_t k = 0; k < sizeof rel / sizeof *rel; k++)
		if (latex_name_is(t, i, j, rel[k].name)) {
			*end = j;
			return rel[k].sym;
		}
	return 0;
}

/* A LaTeX typeface command and its opening brace at t[i] ("\textbf{",
 * "\mathbf{", "\emph{"): the index after the brace, or 0. */
static size_t latex_typeface(const char *t, size_t len, size_t i)
{
	static const char *const faces[] = {
		"textbf", "mathbf", "textit", "mathit", "emph", "mathrm", "textrm",
		"text", "bm", "boldsymbol", "underline", "mathbb", "texttt",
	};
	size_t j = latex_name_end(t, len, i);

	if (j >= len || t[j] != '{')
		return 0;
	for (size_t k = 0; k < sizeof faces / sizeof *faces; k++)
		if (latex_name_is(t, i, j, faces[k]))
			return j + 1;
	return 0;
}

static void push_tok(struct ctx *x, size_t s, size_t e, int kind, int sym,
		     int space)
{
	struct tok *k = &x->tok[x->n++];

	k->s = s;
	k->e = e;
	k->kind = (unsigned char)kind;
	k->sym = (unsigned char)sym;
	k->space = (unsigned char)space;
	k->lex = 0;
	k->digit = 0;
	k->dim = 0;
	k->metric = -1;
}

/* Bytes of a word's body: 1 for an ASCII letter, 2 for a digit. */
static const unsigned char word_byte[256] = {
	['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2,
	['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1,
	['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
	['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* End of a word starting at i: letters, digits and non-punctuation UTF-8,
 * with '.' between alphanumerics ("v1.5", "3.8B"), ',' in thousands
 * ("6,250") and '@' in "pass@1". */
static size_t word_end(const char *t, size_t len, size_t i, int *digit)
{
	unsigned d = 0;

	while (i < len) {
		unsigned char c = (unsigned char)t[i];
		/* letters and digits, most of a word, in a tight loop */
		unsigned k = word_byte[c];
		if (k) {
			d |= k;
			i++;
			continue;
		}
		unsigned char nx = i + 1 < len ? (unsigned char)t[i + 1] : 0;
		if (c >= 0x80) {
			size_t n = utf8_len(t, len, i);
			if (space_len(t, len, i) || multibyte_sym(t, len, i, n))
				break;
			i += n;
		} else if (c == '.' && i > 0 && is_alnum((unsigned char)t[i - 1]) &&
			   is_alnum(nx)) {
			i++;
		} else if (c == ',' && i > 0 && is_digit((unsigned char)t[i - 1]) &&
			   i + 3 < len + 0 && is_digit(nx) &&
			   is_digit((unsigned char)t[i + 2]) &&
			   is_digit((unsigned char)t[i + 3]) &&
			   (i + 4 >= len || !is_digit((unsigned char)t[i + 4]))) {
			i++;
		} else if (c == '@' && is_alnum(nx)) {
			i++;
		} else {
			break;
		}
	}
	*digit = (int)(d >> 1);
	return i;
}

/* Does the '.' at i end a sentence?  Not after "vs", "e.g", "al", and not
 * unless white space (or the end) follows. */
static const char *const abbrev[] = {
	"vs", "e.g", "i.e", "al", "etc", "cf", "fig", "eq", "approx",
	"resp", "no", "ca", "viz", "sec", "ref", "tab",
};

static int is_abbrev(const char *t, size_t s, size_t e)
{
	if (e - s < 2 || e - s > 6) /* the lengths of abbrev[] */
		return 0;
	for (size_t k = 0; k < sizeof abbrev / sizeof *abbrev; k++)
		if (span_is(t, s, e, abbrev[k]))
			return 1;
	return 0;
}

static int sentence_stop(struct ctx *x, size_t i)
{
	const char *t = x->t;
	/* the mark itself is the last token; the word is the one before */
	struct tok *prev = x->n >= 2 ? &x->tok[x->n - 2] : NULL;

	if (i + 1 < x->len && !space_len(t, x->len, i + 1))
		return 0;
	if (t[i] != '.' || !prev || prev->e != i || prev->kind == TK_PUNCT)
		return 1;
	return !is_abbrev(t, prev->s, prev->e);
}

/* Bytes at which the skimming loop of boring_until() must look closer. */
static const unsigned char boring_stop[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['\n'] = 1, ['.'] = 1,
	['!'] = 1, ['?'] = 1,
};

/* Pairs of bytes (c, next) at which the skimming loop must look closer:
 * every pair led by a byte of boring_stop, and the letter pairs inside
 * the words spelled_hint() knows ("gl" of "single", "ll" of "billion",
 * "lf" of "half", "tw" of "twice", "im" of "times", "ld" of "fold", ...).
 * A bit per pair, 8 KB, filled once. */
static unsigned char stop_pairs[65536 / 8];
static pthread_once_t stop_pairs_once = PTHREAD_ONCE_INIT; /* threads extract */

static void stop_pairs_fill(void)
{
	static const char *const pairs[] = {
		"gl", "gn", "ll", "lf", "lv", "bl", "tw", "Tw", "im", "ld",
	};
	for (unsigned c = 0; c < 256; c++)
		if (boring_stop[c])
			for (unsigned n = 0; n < 256; n++)
				stop_pairs[(c << 5) | (n >> 3)] |= (unsigned char)(1u << (n & 7));
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		unsigned c = (unsigned char)pairs[i][0], n = (unsigned char)pairs[i][1];
		stop_pairs[(c << 5) | (n >> 3)] |= (unsigned char)(1u << (n & 7));
	}
}

#ifdef __SSE2__
/* The pairs of stop_pairs among the 16 starting at p (p[0..16] are
 * read), as a bit mask: a bit may be set where the table has none (the
 * byte loop checks the table again), never the other way round;
 * extract_skim_check() holds the two together. */
static unsigned skim_mask16(const unsigned char *p)
{
	const __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
#define EQ(v, ch) _mm_cmpeq_epi8((v), _mm_set1_epi8(ch))
	const __m128i d = _mm_sub_epi8(a, _mm_set1_epi8('0'));
	__m128i m = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
	const __m128i nl = EQ(b, 'l');
	m = _mm_or_si128(m, _mm_or_si128(_mm_or_si128(EQ(a, '\n'), EQ(a, '.')),
					  _mm_or_si128(EQ(a, '!'), EQ(a, '?'))));
	m = _mm_or_si128(m, _mm_and_si128(EQ(a, 'g'), _mm_or_si128(nl, EQ(b, 'n'))));
	m = _mm_or_si128(m, _mm_and_si128(EQ(a, 'l'),
					  _mm_or_si128(_mm_or_si128(nl, EQ(b, 'f')),
						       _mm_or_si128(EQ(b, 'v'), EQ(b, 'd')))));
	m = _mm_or_si128(m, _mm_and_si128(EQ(a, 'b'), nl));
	m = _mm_or_si128(m, _mm_and_si128(_mm_or_si128(EQ(a, 't'), EQ(a, 'T')), EQ(b, 'w')));
	m = _mm_or_si128(m, _mm_and_si128(EQ(a, 'i'), EQ(b, 'm')));
#undef EQ
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

#ifdef EFFDASH_AVX2
/* The pairs of skim_mask16, 32 at a time (p[i..i+32] are read), with
 * AVX2: from i, the first position where the table may stop the skim,
 * or the first from which fewer than 33 bytes are left.  A byte's
 * classes are looked up by its two nibbles (a class holds the bytes
 * whose both nibbles allow it), for the first byte of a pair and for
 * the second; a pair may stop when the two share a class:
 *   1 digits and '?' (any second byte)   2 '.' '!' (any)   4 newline (any)
 *   8 'g' then 'l' 'n'   16 'l' then 'l' 'f' 'v' 'd' (and 't' '|': nibbles)
 *   32 'b' then 'l'   64 't' 'T' then 'w'   128 'i' then 'm'.
 * About twenty instructions a 32-byte block where comparing byte by
 * byte took forty-five.  The loop is in here so that the tables stay in
 * registers. */
__attribute__((target("avx2"))) static size_t skim_run32(const unsigned char *p, size_t i,
							 size_t len)
{
	/* first byte: by low nibble, by high nibble */
	const __m256i a_lo = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		1, 1 | 2, 1 | 32, 1, 1 | 64, 1, 1, 1 | 8, 1, (char)(1 | 128), 4, 0, 16, 0, 2, 1));
	const __m256i a_hi = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		4, 0, 2, 1, 0, 64, (char)(8 | 16 | 32 | 128), 64, 0, 0, 0, 0, 0, 0, 0, 0));
	/* second byte: classes 1, 2 and 4 take any */
	const __m256i b_lo = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		7, 7, 7, 7, 7 | 16, 7, 7 | 16, 7 | 64, 7, 7, 7, 7, 7 | 8 | 16 | 32, (char)(7 | 128),
		7 | 8, 7));
	const __m256i b_hi = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		7, 7, 7, 7, 7, 7, (char)(7 | 8 | 16 | 32 | 128), 7 | 16 | 64, 7, 7, 7, 7, 7, 7, 7, 7));
	const __m256i low4 = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
	for (; i + 33 <= len; i += 32) {
		const __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		const __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(p + i + 1));
		const __m256i ca = _mm256_and_si256(
			_mm256_shuffle_epi8(a_lo, _mm256_and_si256(a, low4)),
			_mm256_shuffle_epi8(a_hi, _mm256_and_si256(_mm256_srli_epi16(a, 4), low4)));
		const __m256i cb = _mm256_and_si256(
			_mm256_shuffle_epi8(b_lo, _mm256_and_si256(b, low4)),
			_mm256_shuffle_epi8(b_hi, _mm256_and_si256(_mm256_srli_epi16(b, 4), low4)));
		unsigned none = (unsigned)_mm256_movemask_epi8(
			_mm256_cmpeq_epi8(_mm256_and_si256(ca, cb), zero));
		if (none != 0xFFFFFFFFu)
			return i + (size_t)__builtin_ctz(~none);
	}
	return i;
}
#endif

int extract_skim_check(void)
{
#ifdef __SSE2__
	unsigned char buf[33] = { 0 };
	pthread_once(&stop_pairs_once, stop_pairs_fill);
	for (unsigned c = 0; c < 256; c++)
		for (unsigned n = 0; n < 256; n++) {
			int table = (stop_pairs[(c << 5) | (n >> 3)] >> (n & 7)) & 1;
			if (!table)
				continue;
			buf[0] = (unsigned char)c;
			buf[1] = (unsigned char)n;
			if (!(skim_mask16(buf) & 1))
				return 0;
#ifdef EFFDASH_AVX2
			/* the pair first, on either side of the middle and last */
			for (unsigned k = 0; cpu_avx2() && k < 32; k += k == 0 ? 15 : k == 15 ? 1 : 15) {
				memset(buf, 0, sizeof buf);
				buf[k] = (unsigned char)c;
				buf[k + 1] = (unsigned char)n;
				if (skim_run32(buf, 0, sizeof buf) > k)
					return 0;
			}
			memset(buf, 0, sizeof buf);
#endif
		}
#endif
	return 1;
}

/* Does t[i..] begin with the lower-case literal lit (n bytes), in any
 * case?  LOWER_IS passes the literal's length. */
static int lower_is(const char *t, size_t len, size_t i, const char *lit, size_t n)
{
	if (i + n > len)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (to_lower((unsigned char)t[i + k]) != lit[k])
			return 0;
	return 1;
}
#define LOWER_IS(t, len, i, lit) lower_is((t), (len), (i), "" lit "", sizeof(lit) - 1)

/* Does the letter at i (one of g, l, w, m, f) sit inside a word that
 * may spell a figure: "single", "magnitude", "billion", "half", "halves",
 * "double", "twice", "times", "tenfold"?  A few byte compares; the word
 * itself is judged when the sentence is read. */
static int spelled_hint(const char *t, size_t len, size_t pos, size_t i)
{
	/* one byte beside the letter turns most of them away */
	unsigned char prev = i > pos ? (unsigned char)t[i - 1] : 0;
	unsigned char next = i + 1 < len ? (unsigned char)t[i + 1] : 0;

	switch (t[i]) {
	case 'g':
		if (prev != 'n' && prev != 'a')
			return 0;
		break;
	case 'l':
		if (next != 'l' && prev != 'a' && prev != 'b')
			return 0;
		break;
	case 'w':
		if (prev != 't' && prev != 'T')
			return 0;
		break;
	case 'm':
		if (prev != 'i' || next != 'e')
			return 0;
		break;
	case 'f':
		if (next != 'o')
			return 0;
		break;
	}
	switch (t[i]) {
	case 'g':
		return (i >= pos + 3 && LOWER_IS(t, len, i - 3, "single")) ||
		       (i >= pos + 2 && LOWER_IS(t, len, i - 2, "magnitude"));
	case 'l':
		return LOWER_IS(t, len, i, "llion") ||
		       (i >= pos + 2 && LOWER_IS(t, len, i - 2, "hal") &&
			i + 1 < len && (t[i + 1] == 'f' || t[i + 1] == 'v')) ||
		       (i >= pos + 4 && LOWER_IS(t, len, i - 4, "doubl"));
	case 'w':
		return i >= pos + 1 && LOWER_IS(t, len, i - 1, "twice");
	case 'm':
		return i >= pos + 2 && LOWER_IS(t, len, i - 2, "times");
	case 'f':
		return LOWER_IS(t, len, i, "fold");
	case 'd':
		return i >= pos + 3 && LOWER_IS(t, len, i - 3, "fold");
	}
	return 0;
}

/* Start of the word that ends at i (for the abbreviation check). */
static size_t word_start(const char *t, size_t pos, size_t i)
{
	while (i > pos && !space_len(t, i, i - 1) && t[i - 1] != '(')
		i--;
	return i;
}

/* Most sentences hold no figure.  A sentence with no digit and no word
 * that may spell one (spelled_hint: "single", "billion", "half",
 * "twice", "times", "-fold", "magnitude") cannot yield a claim, so it is
 * skimmed by a table-driven byte loop without being cut into tokens; its
 * end is found with the same rule as tokenize()'s.  ("one GPU hour" in a
 * sentence without any digit is missed: rare, and the price of not
 * stopping at every "e".)  Returns the end of a boring sentence, or 0 if
 * the sentence needs reading. */
static size_t boring_until(struct ctx *x, size_t pos)
{
	const char *t = x->t;
	size_t len = x->len;

	for (size_t i = pos; i < len; i++) {
#ifdef EFFDASH_AVX2
		if (i + 33 <= len && cpu_avx2()) {
			i = skim_run32((const unsigned char *)t, i, len);
			if (i + 33 > len) {
				i--; /* the loop's i++ takes it back */
				continue;
			}
		} else
#endif
#ifdef __SSE2__
		/* Sixteen pairs at a time while 17 bytes are left (32 and 33
		 * with AVX2); the byte loop below looks only where a pair may
		 * stop it. */
		if (i + 17 <= len) {
			unsigned m = skim_mask16((const unsigned char *)t + i);
			if (!m) {
				i += 15;
				continue;
			}
			i += (size_t)__builtin_ctz(m);
		}
#endif
		unsigned char c = (unsigned char)t[i];
		unsigned char n = i + 1 < len ? (unsigned char)t[i + 1] : 0;
		if (!(stop_pairs[(c << 5) | (n >> 3)] & (1u << (n & 7))))
			continue;
		if (is_digit(c))
			return 0;
		if (is_alpha(c)) {
			/* the letter that matters is the second of the pair */
			if (spelled_hint(t, len, pos, i) ||
			    (i + 1 < len && spelled_hint(t, len, pos, i + 1)))
				return 0;
			continue;
		}
		if (c == '\n') {
			if (i + 1 < len && t[i + 1] == '\n')
				return i + 2;
			continue;
		}
		if ((i + 1 == len || space_len(t, len, i + 1)) &&
		    (c != '.' || !is_abbrev(t, word_start(t, pos, i), i)))
			return i + 1;
	}
	return len;
}

/* LaTeX's marks at t[*i] that are no tokens of their own, or one token
 * for a command; returns 1 when it took the byte (and moved *i).
 * - '$': math delimiters and dollar signs alike are transparent to the
 *   words around them ("$\sim$100", "$7$B", "2.5$\times$"); money is
 *   told from the bytes before a number (read_prefix).
 * - '~' between a word and a letter, a backslash or a number after a
 *   word: LaTeX's tie, a space that does not break ("8~A100", "2~days",
 *   "by~50\%"); between figures it is a range ("10~20X", "0.8dB~2dB")
 *   and before a number "about".
 * - a relation ("\sim", "\geq", "\times"): one token, as its Unicode
 *   sign would be.
 * - a typeface ("\textbf{3.5}", "$\mathbf{3.5\times}$"): no word, and
 *   its braces no punctuation (*faces counts the open ones). */
static __attribute__((noinline)) int latex_mark(struct ctx *x, size_t pos, size_t *i,
						 int *space, size_t *faces)
{
	const char *t = x->t;
	size_t len = x->len, j = *i, e;
	unsigned char c = (unsigned char)t[j];
	int sym;

	if (c == '$') {
		*i = j + 1;
		return 1;
	}
	if (c == '~') {
		if (j > pos && j + 1 < len && is_alnum((unsigned char)t[j - 1]) &&
		    (is_alpha((unsigned char)t[j + 1]) || t[j + 1] == '\\' ||
		     (is_alnum((unsigned char)t[j + 1]) && x->n &&
		      x->tok[x->n - 1].kind == TK_WORD && !x->tok[x->n - 1].digit &&
		      x->tok[x->n - 1].e == j))) {
			*i = j + 1;
			*space = 1;
			return 1;
		}
		return 0;
	}
	if (c == '\\') {
		if ((sym = latex_relation(t, len, j, &e)) != 0) {
			push_tok(x, j, e, TK_PUNCT, sym, *space);
			*i = e;
			*space = 0;
			return 1;
		}
		if ((e = latex_typeface(t, len, j)) != 0) {
			*i = e;
			++*faces;
			return 1;
		}
		return 0;
	}
	if (c == '}' && *faces) {
		*i = j + 1;
		--*faces;
		return 1;
	}
	return 0;
}

/* Cut the sentence starting at pos into x->tok; returns its end. */
static size_t tokenize(struct ctx *x, size_t pos)
{
	const char *t = x->t;
	size_t i = pos, len = x->len, nl = 0, faces = 0;
	int space = 1;

	x->n = 0;
	while (i < len && x->n < MAX_TOKENS) {
		unsigned char c = (unsigned char)t[i];
		size_t sl = space_len(t, len, i), n, e;
		int sym = 0;
		if (sl || c == '\0') {
			if (c == '\n' && ++nl >= 2 && x->n)
				return i + 1; /* a blank line ends a paragraph */
			i += sl ? sl : 1;
			space = 1;
			continue;
		}
		nl = 0;
		if (!is_alnum(c)) {
			if ((c == '$' || c == '~' || c == '\\' || c == '}') &&
			    latex_mark(x, pos, &i, &space, &faces))
				continue;
			n = c >= 0x80 ? utf8_len(t, len, i) : 1;
			sym = c >= 0x80 ? multibyte_sym(t, len, i, n) : 0;
		}
		if (is_alnum(c) || (c >= 0x80 && !sym)) {
			int digit;
			e = word_end(t, len, i, &digit);
			push_tok(x, i, e, is_digit(c) ? TK_NUM : TK_WORD, 0, space);
			x->tok[x->n - 1].digit = (unsigned char)digit;
			i = e;
		} else {
			push_tok(x, i, i + n, TK_PUNCT, sym ? sym : c, space);
			i += n;
			if ((c == '.' || c == '!' || c == '?') && sentence_stop(x, i - 1))
				return i;
		}
		space = 0;
	}
	return i;
}

/* The token accessors run tens of millions of times per 100k papers:
 * always inline, whatever the size of their callers. */
#define TOKEN_INLINE static inline __attribute__((always_inline))

TOKEN_INLINE struct tok *tk(struct ctx *x, long i)
{
	return i >= 0 && (size_t)i < x->n ? &x->tok[i] : NULL;
}

static void lex_fill_slow(struct ctx *x, struct tok *k)
{
	enum dim d = DIM_NONE;
	int m = -1;

	k->lex = LX_DONE;
	if (k->kind == TK_WORD)
		k->lex |= lex_lookup(x->t, k->s, k->e, &d, &m);
	k->dim = (unsigned char)d;
	k->metric = (short)m;
}

/* A token's lexicon entry, looked up the first time it is asked for. */
TOKEN_INLINE void lex_fill(struct ctx *x, struct tok *k)
{
	if (!(k->lex & LX_DONE))
		lex_fill_slow(x, k);
}

/* Lexicon flags of token i (0 for punctuation and numbers). */
TOKEN_INLINE uint32_t lx(struct ctx *x, long i)
{
	struct tok *k = tk(x, i);

	if (!k)
		return 0;
	lex_fill(x, k);
	return k->lex & ~LX_DONE;
}

static enum dim dm(struct ctx *x, long i)
{
	struct tok *k = tk(x, i);

	if (!k)
		return DIM_NONE;
	lex_fill(x, k);
	return (enum dim)k->dim;
}

static int metric_of(struct ctx *x, long i)
{
	struct tok *k = tk(x, i);

	if (!k)
		return -1;
	lex_fill(x, k);
	return k->metric;
}

/* Is token i the word lit (lower case, n bytes)?  The length is compared
 * first: most words differ in it, and this runs thousands of times per
 * figure-dense sentence. */
TOKEN_INLINE int word_is(struct ctx *x, long i, const char *lit, size_t n)
{
	struct tok *k = tk(x, i);

	if (!k || k->kind == TK_PUNCT || k->e - k->s != n)
		return 0;
	for (size_t b = 0; b < n; b++)
		if (to_lower((unsigned char)x->t[k->s + b]) != lit[b])
			return 0;
	return 1;
}

/* IS_W(x, i, "word"): word_is with the literal's length known at compile
 * time. */
#define IS_W(x, i, lit) word_is((x), (i), "" lit "", sizeof(lit) - 1)

TOKEN_INLINE int is_p(struct ctx *x, long i, int sym)
{
	struct tok *k = tk(x, i);

	return k && k->kind == TK_PUNCT && k->sym == sym;
}

/* Is token i glued (no space) to token i-1? */
TOKEN_INLINE int glued(struct ctx *x, long i)
{
	struct tok *k = tk(x, i);

	return k && i > 0 && !k->space;
}

/* Is token i a number standing alone ("12", "6,250"), not "3D" or a
 * part of a name? */
static int plain_number(struct ctx *x, long i)
{
	struct tok *k = tk(x, i);

	if (!k || k->kind != TK_NUM || glued(x, i))
		return 0;
	for (size_t b = k->s; b < k->e; b++)
		if (is_alpha((unsigned char)x->t[b]))
			return 0;
	return 1;
}

/* Is the number at token i followed by a percent sign ("%" or "\%")? */
static int pct_after(struct ctx *x, long i)
{
	return is_p(x, i + 1, '%') || (is_p(x, i + 1, '\\') && is_p(x, i + 2, '%'));
}

/* First token at or after byte b. */
static long tok_from(struct ctx *x, long k, size_t b)
{
	while ((size_t)k < x->n && x->tok[k].s < b)
		k++;
	return k;
}

/* ---- claims ------------------------------------------------------------ */

static struct claim *emit(struct ctx *x, enum quantity q, double v,
			  size_t s, size_t e)
{
	struct claim *c = claim_list_push(x->out);
	const char *unit = quantity_unit(q);

	c->quantity = q;
	c->value = v;
	c->origin = ORIGIN_EXTRACTED;
	c->span_start = (long)s;
	c->span_end = (long)e;
	c->span = xstrndup(x->t + s, e - s);
	c->raw = xstrndup(x->t + s, e - s);
	if (unit)
		c->unit = xstrdup(unit);
	x->last_q = q;
	x->last_dim = DIM_NONE;
	x->last_end = e;
	x->last_sentence = x->sentence;
	return c;
}

/* Notes are written for every claim, so on text dense with figures their
 * formatting is a large part of the work: numbers that are integers or
 * short decimals are written here directly, and only the rest goes
 * through fmt_double() (printf and strtod).  The result is the same
 * text: the shortest decimal that reads back as v. */
static size_t num_fmt(char *buf, size_t size, double v)
{
	static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	char tmp[32];
	size_t n = 0, w = 0;

	if (v >= 1e-3 && v < 1e9) {
		for (int k = 0; k <= 6; k++) {
			double m = round(v * p10[k]);
			if (m / p10[k] != v)
				continue;
			unsigned long long u = (unsigned long long)m;
			int digits = 0;
			do {
				tmp[n++] = (char)('0' + u % 10);
				u /= 10;
				digits++;
			} while (u || digits <= k);
			/* tmp holds the digits in reverse; k of them are the
			 * fraction */
			while (n > (size_t)k && w + 1 < size)
				buf[w++] = tmp[--n];
			if (k && w + 1 < size)
				buf[w++] = '.';
			while (n && w + 1 < size)
				buf[w++] = tmp[--n];
			buf[w] = '\0';
			return w;
		}
	}
	if (v >= 1e9 && v < 1e15 && v == floor(v)) {
		unsigned long long u = (unsigned long long)v;
		do {
			tmp[n++] = (char)('0' + u % 10);
			u /= 10;
		} while (u);
		while (n && w + 1 < size)
			buf[w++] = tmp[--n];
		buf[w] = '\0';
		return w;
	}
	fmt_double(buf, size, v);
	return strlen(buf);
}

/* A note of a few dozen bytes, assembled on the stack and copied once. */
struct note {
	char buf[192];
	size_t len;
};

static void note_add(struct note *n, const char *s, size_t len)
{
	if (len > sizeof n->buf - 1 - n->len)
		len = sizeof n->buf - 1 - n->len;
	memcpy(n->buf + n->len, s, len);
	n->len += len;
}

static void note_num(struct note *n, double v)
{
	char b[40];
	size_t len = num_fmt(b, sizeof b, v);

	note_add(n, b, len);
}

static void note_set(struct claim *c, const struct note *n)
{
	free(c->note);
	c->note = xstrndup(n->buf, n->len);
}

/* fmt with "@1" and "@2" standing for a and b. */
static void set_note(struct claim *c, const char *fmt, double a, double b)
{
	struct note n;
	const char *p = fmt, *q;

	n.len = 0;
	while ((q = strchr(p, '@')) != NULL) {
		note_add(&n, p, (size_t)(q - p));
		if (q[1] == '1' || q[1] == '2') {
			note_num(&n, q[1] == '1' ? a : b);
			p = q + 2;
		} else {
			note_add(&n, q, 1);
			p = q + 1;
		}
	}
	note_add(&n, p, strlen(p));
	note_set(c, &n);
}

static void set_range(struct claim *c, const struct fig_read *f, double mult)
{
	if (f->has_hi && f->hi != f->lo) {
		double lo = fmin(f->lo, f->hi) * mult, hi = fmax(f->lo, f->hi) * mult;
		c->value = lo;
		c->value_max = hi;
		c->has_max = 1;
	}
}

/* ---- context ----------------------------------------------------------- */

/* Qualifier words just before token k (skipping "only", "a", "the"). */
static enum qualifier qualifier_before(struct ctx *x, long k)
{
	for (long i = k - 1, seen = 0; i >= 0 && seen < 4; i--) {
		uint32_t f = lx(x, i);
		if (is_p(x, i, '~'))
			return QUAL_APPROX;
		if (is_p(x, i, '>'))
			return QUAL_LOWER;
		if (is_p(x, i, '<'))
			return QUAL_UPPER;
		if (tk(x, i)->kind == TK_PUNCT) {
			if (is_p(x, i, '\\') || is_p(x, i, '('))
				continue;
			return QUAL_NONE;
		}
		seen++;
		/* "about US$85,000", "roughly USD 2,000" */
		if ((IS_W(x, i, "us") || IS_W(x, i, "usd")) && i >= k - 2)
			continue;
		if (IS_W(x, i, "to") && IS_W(x, i - 1, "up"))
			return QUAL_UPPER;
		if (f & LX_APPROX)
			return QUAL_APPROX;
		if (IS_W(x, i, "within") || IS_W(x, i, "under") || IS_W(x, i, "below") ||
		    (IS_W(x, i, "than") && (IS_W(x, i - 1, "less") || IS_W(x, i - 1, "fewer"))))
			return QUAL_UPPER;
		if (IS_W(x, i, "least") || IS_W(x, i, "over") ||
		    IS_W(x, i, "above") || IS_W(x, i, "exceeding") ||
		    (IS_W(x, i, "than") && IS_W(x, i - 1, "more")))
			return QUAL_LOWER;
		if (!(f & LX_FILLER) && !IS_W(x, i, "than") && !IS_W(x, i, "to"))
			return QUAL_NONE;
	}
	return QUAL_NONE;
}

/* Does a word of comparison ("than", "surpasses", "such as", "e.g.")
 * occur in the words before token k in this sentence?  Lists ("A, B and
 * C") are crossed; ';' and ':' stop the search. */
static int comparator_before(struct ctx *x, long k, int words)
{
	for (long i = k - 1, seen = 0; i >= 0 && seen < words; i--) {
		if (is_p(x, i, ';') || is_p(x, i, ':'))
			return 0;
		if (tk(x, i)->kind == TK_PUNCT)
			continue;
		seen++;
		if (lx(x, i) & (LX_COMPARE | LX_BASEWORD))
			return 1;
		if (IS_W(x, i, "e.g") || IS_W(x, i, "over"))
			return 1;
	}
	return 0;
}

/* A dataset-like name at token i: the compound of words and numbers
 * joined by '-' ("CIFAR-10", "ImageNet-1K", "WikiText-103") that starts
 * with a capital or digit and has another capital or digit in it.  Sets
 * *s and *e to its bytes; returns the index after it, or -1. */
static long dataset_at(struct ctx *x, long i, size_t *s, size_t *e)
{
	static const char *const notsets[] = {
		"gpu", "gpus", "tpu", "llm", "llms", "sota", "ai", "nlp", "we",
		"our", "it", "this", "these", "in", "on", "the", "a", "an",
		"vit", "cnn", "cnns", "moe", "lora", "i", "fp16", "bf16", "int4",
		"int8", "flops", "macs", "gb", "fps", "api", "rl", "sft",
	};
	/* benchmarks whose names have a single capital or none */
	static const char *const plainsets[] = {
		"cityscapes", "nuscenes", "objaverse", "kinetics", "waymo",
		"argoverse", "pile", "places", "wikipedia",
	};
	struct tok *k = tk(x, i);
	long j = i;
	int caps = 0, digits = 0, known = 0;
	size_t u;

	if (!k || k->kind == TK_PUNCT)
		return -1;
	for (size_t n = 0; n < sizeof plainsets / sizeof *plainsets && !known; n++)
		known = span_is(x->t, k->s, k->e, plainsets[n]);
	if (!known && !(x->t[k->s] >= 'A' && x->t[k->s] <= 'Z') && k->kind != TK_NUM)
		return -1;
	if (hardware_at(x->t, x->len, k->s, &u))
		return -1;
	for (size_t n = 0; n < sizeof notsets / sizeof *notsets; n++)
		if (span_is(x->t, k->s, k->e, notsets[n]) &&
		    !(is_p(x, i + 1, '-') && glued(x, i + 1)))
			return -1;
	*s = k->s;
	for (;;) {
		struct tok *w = tk(x, j);
		for (size_t b = w->s; b < w->e; b++) {
			unsigned char c = (unsigned char)x->t[b];
			caps += c >= 'A' && c <= 'Z';
			digits += is_digit(c);
		}
		*e = w->e;
		j++;
		if ((is_p(x, j, '-') || is_p(x, j, '+')) && glued(x, j) &&
		    tk(x, j + 1) && tk(x, j + 1)->kind != TK_PUNCT && glued(x, j + 1)) {
			j++;
			continue;
		}
		break;
	}
	if (!known && (caps + digits < 2 || (k->kind == TK_NUM && !caps)))
		return -1;
	return j;
}

/* The dataset a quality figure is on: "on [the] X" after it, else the
 * nearest "on X", "X benchmark" or "(X)" before it in the sentence. */
static int find_dataset(struct ctx *x, long k, long after, size_t *s, size_t *e)
{
	long i, seen;

	for (i = after, seen = 0; (size_t)i < x->n && seen < 14; i++) {
		/* a comma starts another clause with its own dataset */
		if (is_p(x, i, ';') || is_p(x, i, ','))
			break;
		if (tk(x, i)->kind == TK_PUNCT)
			continue;
		seen++;
		/* the next result has its own dataset: "82.4% mIoU on
		 * Cityscapes and 48.1 mIoU on ADE20K" */
		if (i > after && tk(x, i)->kind == TK_NUM &&
		    (pct_after(x, i) || (!glued(x, i) && (metric_of(x, i + 1) >= 0 ||
							 IS_W(x, i - 1, "and")))))
			break;
		if (IS_W(x, i, "on") || IS_W(x, i, "in") || IS_W(x, i, "of")) {
			long j = i + 1;
			if (IS_W(x, j, "the"))
				j++;
			if (dataset_at(x, j, s, e) >= 0)
				return 1;
		}
	}
	for (i = k - 1, seen = 0; i >= 0 && seen < 30; i--) {
		if (is_p(x, i, ';'))
			break;
		if (tk(x, i)->kind == TK_PUNCT)
			continue;
		seen++;
		if (IS_W(x, i, "on") || IS_W(x, i, "in")) {
			long j = i + 1;
			if (IS_W(x, j, "the"))
				j++;
			if (dataset_at(x, j, s, e) >= 0)
				return 1;
		}
		if ((lx(x, i) & (LX_DSCUE | LX_METRIC)) && i > 0 &&
		    (!is_p(x, i - 1, '-') || !glued(x, i - 1))) {
			long j = i - 1;
			/* back to the start of the compound before the cue */
			while (j > 0 && glued(x, j) &&
			       (tk(x, j - 1)->kind != TK_PUNCT || is_p(x, j - 1, '-')))
				j--;
			if (dataset_at(x, j, s, e) == i)
				return 1;
		}
		if (is_p(x, i + 1, ')') && is_p(x, i - 1, '(') &&
		    dataset_at(x, i, s, e) == i + 1)
			return 1;
	}
	return 0;
}

/* Metric of a bare percentage on a dataset: code benchmarks report
 * pass@1, everything else accuracy. */
static const char *default_metric(const char *t, size_t s, size_t e)
{
	if (span_starts(t, s, e, "humaneval") || span_starts(t, s, e, "mbpp") ||
	    span_starts(t, s, e, "cruxeval"))
		return "pass@1";
	return "accuracy";
}

/* The time words of accelerator time in a dimension phrase. */
#define ACCEL_TIME_WORDS (LX_HOURS | LX_DAYS | LX_WEEKS)

/* Accelerator time at token i: "GPU hours", "GPU-days", "A100 hours".
 * Returns the index of the time word, or -1. */
static long accel_time(struct ctx *x, long i)
{
	size_t used;
	long j = i + 1;

	if (is_p(x, j, '-') && glued(x, j))
		j++;
	/* the time word first: a lookup, where a device name is compares */
	if (!tk(x, i) || !(lx(x, j) & ACCEL_TIME_WORDS) ||
	    (!(lx(x, i) & LX_DEVICE) && !hardware_at(x->t, x->len, tk(x, i)->s, &used)))
		return -1;
	return j;
}

/* Accelerator time ending at the time word i ("GPU hours", "A100-days"):
 * the index of its device word, or -1. */
static long accel_time_to(struct ctx *x, long i)
{
	long j = i - 1;

	if (is_p(x, j, '-') && glued(x, j))
		j--;
	return accel_time(x, j) == i ? j : -1;
}

/* The dimension named by the words from token i on: the first dimension
 * word, but where two stand together the second wins ("computational
 * complexity" is flops) unless it is "cost" or "size", which only repeat
 * the first ("computational cost" is compute, "sample size" is data).
 * *last gets the index of the word used. */
static enum dim dim_phrase(struct ctx *x, long i, long *last)
{
	enum dim d = dm(x, i);
	long at = accel_time(x, i);

	/* "2.1x fewer GPU hours": compute, as the guidelines name it */
	if (at >= 0) {
		*last = at;
		return DIM_COMPUTE;
	}

	/* "14% of the time" is a frequency, not training time */
	if (IS_W(x, i, "time") && (IS_W(x, i - 1, "the") || IS_W(x, i - 1, "of")) &&
	    !dm(x, i + 1))
		return DIM_NONE;
	if (IS_W(x, i, "sample") || (IS_W(x, i, "training") && IS_W(x, i + 1, "data")))
		d = DIM_DATA;
	if (!d)
		return DIM_NONE;
	*last = i;
	for (long j = i + 1; (size_t)j < x->n; j++) {
		enum dim d2;
		if (is_p(x, j, '-') && glued(x, j))
			continue;
		d2 = dm(x, j);
		if (!d2 || IS_W(x, j, "faster") || IS_W(x, j, "smaller"))
			break;
		*last = j;
		if (d2 != DIM_COST && !IS_W(x, j, "size") && !IS_W(x, j, "inference"))
			d = d2;
	}
	return d;
}

/* Words that may stand between a number and its unit or dimension
 * ("lower", "total", "training", "the"). */
static int modifier(struct ctx *x, long i)
{
	uint32_t f = lx(x, i);

	if (f & (LX_LESS | LX_FILLER))
		return 1;
	return IS_W(x, i, "training") || IS_W(x, i, "total") ||
	       IS_W(x, i, "pre") || IS_W(x, i, "overall") ||
	       IS_W(x, i, "gpu") || IS_W(x, i, "end") || IS_W(x, i, "to") ||
	       IS_W(x, i, "mean") || IS_W(x, i, "average") ||
	       IS_W(x, i, "labeled") || IS_W(x, i, "trainable") ||
	       IS_W(x, i, "in") || IS_W(x, i, "wall") || IS_W(x, i, "clock") ||
	       IS_W(x, i, "model") || IS_W(x, i, "fine") ||
	       IS_W(x, i, "tuning") || IS_W(x, i, "extra");
}

/* Dimension after a factor: "x lower cost", "times faster inference",
 * "x computational complexity reduction". */
static enum dim dim_after(struct ctx *x, long i, long *used)
{
	for (long seen = 0; (size_t)i < x->n && seen < 5; i++) {
		struct tok *k = tk(x, i);
		enum dim d;
		if (k->kind == TK_PUNCT) {
			if (k->sym == '-' && glued(x, i))
				continue;
			if (k->sym == '(' && seen == 0) {
				long j = i + 1;
				while ((size_t)j < x->n && j < i + 10 && !is_p(x, j, ')'))
					j++;
				if (is_p(x, j, ')')) {
					i = j;
					continue;
				}
			}
			return DIM_NONE;
		}
		/* "reduction in the number of trainable parameters" */
		if (IS_W(x, i, "number") && IS_W(x, i + 1, "of")) {
			i++;
			continue;
		}
		seen++;
		/* the next clause: "2.5x while reducing energy by 30%" */
		if (IS_W(x, i, "while") || IS_W(x, i, "whereas") || IS_W(x, i, "and") ||
		    IS_W(x, i, "but") || IS_W(x, i, "yet") || IS_W(x, i, "although"))
			return DIM_NONE;
		if ((d = dim_phrase(x, i, used)) != DIM_NONE) {
			/* "faster inference": the noun is more precise */
			if (d == DIM_TIME && IS_W(x, i, "faster") &&
			    dm(x, i + 1) == DIM_LATENCY)
				d = DIM_LATENCY;
			return d;
		}
		/* "8x fewer GPUs": the accelerators a run needs are its
		 * compute ("GPU memory" and "GPU hours" were read above) */
		if ((lx(x, i) & LX_DEVICE) && (lx(x, i - 1) & LX_LESS) && !dm(x, i + 1) &&
		    !(is_p(x, i + 1, '-') && glued(x, i + 1))) {
			*used = i;
			return DIM_COMPUTE;
		}
		if (k->kind == TK_NUM || lx(x, i) & LX_COMPARE)
			return DIM_NONE;
		if (!modifier(x, i) && seen > 2)
			return DIM_NONE;
	}
	return DIM_NONE;
}

/* Is token i a factor or a percentage ("3.2x", "2.5", "40%")? */
static int factor_token(struct ctx *x, long i)
{
	const struct tok *k = tk(x, i);

	if (!k || k->kind != TK_NUM)
		return 0;
	char last = x->t[k->e - 1];
	return last == 'x' || last == 'X' || pct_after(x, i) || is_p(x, i + 1, '*') ||
	       IS_W(x, i + 1, "times") || IS_W(x, i + 1, "x");
}

/* Dimension before a figure: "reducing the computational cost by 8x",
 * "compress ... by a factor of 2-4x".  The nearest dimension word wins,
 * read as a phrase from its first word. */
static enum dim dim_before(struct ctx *x, long k, int words)
{
	for (long i = k - 1, seen = 0; i >= 0 && seen < words; i--) {
		struct tok *w = tk(x, i);
		long last;
		if (w->kind == TK_PUNCT) {
			if (w->sym == ';' || w->sym == ':' || w->sym == ')')
				return DIM_NONE;
			continue;
		}
		seen++;
		/* a number, or another figure's factor or percentage: "cuts
		 * memory by 3.2x and speeds up training by 1.7x" */
		if (plain_number(x, i) || factor_token(x, i))
			return DIM_NONE;
		/* "reduces GPU hours by 2x" */
		if (lx(x, i) & ACCEL_TIME_WORDS) {
			if (accel_time_to(x, i) >= 0)
				return DIM_COMPUTE;
		}
		if (dm(x, i)) {
			long j = i;
			while (j > 0 && dm(x, j - 1) && !IS_W(x, j - 1, "faster"))
				j--;
			return dim_phrase(x, j, &last);
		}
	}
	return DIM_NONE;
}

/* ---- units ------------------------------------------------------------- */

/* What follows a number, as far as the unit tells. */
struct unit {
	enum quantity q;
	double mult;        /* to canonical (days -> 24 hours) */
	double devices;     /* compute: device count (1 if in the unit) */
	int dev_unstated;   /* "on a TPU": count unknown, lower bound */
	const char *hw;
	int metric;
	int percent;        /* the figure carried a percent sign */
	enum dim dim;       /* ratio (from-to of FPS) */
	size_t end;         /* end of the unit words */
	const char *time_word;
};

/* Device phrase at token i: "[on|using|with] [a single|N|N-] [NVIDIA]
 * [A100] [80 GB] GPUs|chips|node".  Fills u->devices/hw; returns the
 * index after it or -1. */
static long device_phrase(struct ctx *x, long i, struct unit *u)
{
	long j = i;
	int count_given = 0, device = 0;
	size_t used;

	if (IS_W(x, j, "on") || IS_W(x, j, "using") || IS_W(x, j, "with") ||
	    IS_W(x, j, "across") || IS_W(x, j, "of"))
		j++;
	u->devices = 1;
	if (IS_W(x, j, "a") || IS_W(x, j, "an") || IS_W(x, j, "one")) {
		j++;
		if (IS_W(x, j, "single")) {
			count_given = 1;
			j++;
		}
	} else if (IS_W(x, j, "single")) {
		count_given = 1;
		j++;
	}
	if (tk(x, j) && tk(x, j)->kind == TK_NUM &&
	    !hardware_at(x->t, x->len, tk(x, j)->s, &used)) {
		struct fig_read f;
		if (fig_read_at(x->t, x->len, tk(x, j)->s, 0, &f) || f.lo < 1 ||
		    f.lo > 1e6 || f.has_hi ||
		    (f.suffix != FS_NONE && f.suffix != FS_TIMES)) /* "8× A100" */
			return -1;
		u->devices = f.lo;
		count_given = 1;
		/* "8xA100": the name glued to the count's sign */
		size_t at = f.end;
		const char *hw = NULL;
		if (f.suffix == FS_NONE && at < tk(x, j)->e &&
		    (x->t[at] == 'x' || x->t[at] == 'X'))
			at++;
		if (at > f.lo_end && at < tk(x, j)->e)
			hw = hardware_at(x->t, x->len, at, &used);
		if (hw) {
			u->hw = hw;
			device = 1;
			j = tok_from(x, j, at + used);
		} else {
			j = tok_from(x, j, f.lo_end);
			if (is_p(x, j, '-') || is_p(x, j, '*') || IS_W(x, j, "x"))
				j++;
		}
	}
	for (int n = 0; n < 4 && (size_t)j < x->n; n++) {
		struct tok *k = tk(x, j);
		const char *hw = hardware_at(x->t, x->len, k->s, &used);
		if (hw) {
			u->hw = hw;
			device = 1;
			j = tok_from(x, j, k->s + used);
		} else if (lx(x, j) & LX_DEVICE) {
			device = 1;
			j++;
		} else if (IS_W(x, j, "node") || IS_W(x, j, "nodes") ||
			   IS_W(x, j, "nvidia") || IS_W(x, j, "cloud")) {
			j++;
		} else {
			break;
		}
	}
	if (!device)
		return -1;
	u->dev_unstated = !count_given;
	return j;
}

/* Time unit at token j ("hours", "GPU days", "A100 GPU days", "V100-days",
 * "GPU-hours").  Returns the index after it or -1; sets u->mult and, when
 * a device stands inside the unit, u->devices = 1 and u->hw. */
static long time_unit(struct ctx *x, long j, struct unit *u, int *in_unit)
{
	size_t used;

	*in_unit = 0;
	for (int n = 0; n < 3 && (size_t)j < x->n; n++) {
		struct tok *k = tk(x, j);
		const char *hw = hardware_at(x->t, x->len, k->s, &used);
		if (hw) {
			u->hw = hw;
			*in_unit = 1;
			j = tok_from(x, j, k->s + used);
		} else if (lx(x, j) & LX_DEVICE) {
			*in_unit = 1;
			j++;
		} else if (is_p(x, j, '-') && glued(x, j)) {
			j++;
		} else {
			break;
		}
	}
	if (lx(x, j) & LX_HOURS)
		u->mult = 1, u->time_word = "h";
	else if (lx(x, j) & LX_DAYS)
		u->mult = 24, u->time_word = "days";
	else if (lx(x, j) & LX_WEEKS)
		u->mult = 168, u->time_word = "weeks";
	else if (IS_W(x, j, "minutes") || IS_W(x, j, "minute") || IS_W(x, j, "mins") ||
		 IS_W(x, j, "min"))
		u->mult = 1.0 / 60, u->time_word = "minutes";
	else if (IS_W(x, j, "seconds") || IS_W(x, j, "second") || IS_W(x, j, "secs"))
		u->mult = 1.0 / 3600, u->time_word = "seconds";
	else if (IS_W(x, j, "months") || IS_W(x, j, "month"))
		u->mult = 730, u->time_word = "months"; /* 365 days / 12 */
	else if (IS_W(x, j, "years") || IS_W(x, j, "year"))
		u->mult = 8760, u->time_word = "years";
	else
		return -1;
	return j + 1;
}

/* Compute: a time with a device in the unit, or a time followed by a
 * device phrase ("13 hours on 8 A100 GPUs", "146 hours of A100
 * training"). */
static int unit_compute(struct ctx *x, long j, struct unit *u)
{
	int in_unit;
	long e = time_unit(x, j, u, &in_unit), d;

	if (e < 0)
		return 0;
	u->q = Q_COMPUTE;
	u->devices = 1;
	if (in_unit) {
		u->end = tk(x, e - 1)->e;
		/* "184K GPU-hours on A100s" */
		if (!u->hw && IS_W(x, e, "on") &&
		    (d = device_phrase(x, e, u)) >= 0)
			u->devices = 1, u->end = tk(x, d - 1)->e;
		u->dev_unstated = 0;
		return 1;
	}
	if (IS_W(x, e, "of") || IS_W(x, e, "on") || IS_W(x, e, "using") ||
	    IS_W(x, e, "with") || IS_W(x, e, "across")) {
		d = device_phrase(x, e, u);
		if (d >= 0) {
			u->end = tk(x, d - 1)->e;
			return 1;
		}
	}
	/* "trained in 2 days on a TPU": "in" before the figure is fine */
	return 0;
}

/* Parameters: "parameters", "-parameter", "billion-parameter", "7B model",
 * "770M T5 model", "125M subquadratic decoder models". */
static int unit_params(struct ctx *x, long j, const struct fig_read *f,
		       struct unit *u)
{
	long i = j;

	if (is_p(x, i, '-') && glued(x, i))
		i++;
	if (IS_W(x, i, "trainable") || IS_W(x, i, "total") ||
	    IS_W(x, i, "active") || IS_W(x, i, "learnable"))
		i++;
	if (lx(x, i) & LX_PARAM) {
		u->q = Q_PARAMS;
		u->end = tk(x, i)->e;
		return 1;
	}
	if (!f->scaled || f->lo < 1e6)
		return 0;
	for (int n = 0; n < 4 && (size_t)j < x->n; n++, j++) {
		struct tok *k = tk(x, j);
		uint32_t fl = lx(x, j);
		if (fl & LX_MODEL) {
			u->q = Q_PARAMS;
			u->end = k->e;
			/* "7B language model", "3B-parameter LM" */
			if (IS_W(x, j, "language") && (lx(x, j + 1) & LX_MODEL))
				u->end = tk(x, j + 1)->e;
			return 1;
		}
		if (k->kind == TK_PUNCT && !(k->sym == '-' && glued(x, j)))
			return 0;
		if (fl & (LX_DATA | LX_TOKEN | LX_DEVICE | LX_GB | LX_COMPARE))
			return 0;
		if (k->kind == TK_NUM)
			return 0;
	}
	return 0;
}

/* Training data: "37M publicly available real and synthetic images",
 * "400 million (image, text) pairs", "747k math problems". */
static int unit_data(struct ctx *x, long j, struct unit *u)
{
	int paren = 0;

	for (int n = 0; n < 8 && (size_t)j < x->n; n++, j++) {
		struct tok *k = tk(x, j);
		uint32_t fl = lx(x, j);
		if (k->kind == TK_PUNCT) {
			if (k->sym == '(')
				paren++;
			else if (k->sym == ')' && paren)
				paren--;
			else if (!(k->sym == '-' || (k->sym == ',' && paren)))
				return 0;
			continue;
		}
		if ((fl & LX_DATA) && !(is_p(x, j + 1, '-') && glued(x, j + 1))) {
			u->q = Q_DATA_SIZE;
			u->end = k->e;
			return 1;
		}
		if (k->kind == TK_NUM ||
		    (fl & (LX_SKIPNOUN | LX_PARAM | LX_TOKEN | LX_MODEL |
			   LX_COMPARE | LX_DEVICE | LX_HOURS | LX_DAYS |
			   LX_METRIC | LX_CHANGE | LX_DELTA)))
			return 0;
		if (IS_W(x, j, "of") || IS_W(x, j, "to") || IS_W(x, j, "from") ||
		    IS_W(x, j, "with") || IS_W(x, j, "for") || IS_W(x, j, "in") ||
		    IS_W(x, j, "on") || IS_W(x, j, "than") || IS_W(x, j, "per"))
			return 0;
		/* "14 million possible instructions": a space of choices,
		 * not examples anyone trained on */
		if (IS_W(x, j, "possible") || IS_W(x, j, "potential") ||
		    IS_W(x, j, "feasible") || IS_W(x, j, "hypothetical"))
			return 0;
	}
	return 0;
}

/* Past the words that may stand before a metric's name ("average",
 * "zero-shot"): the token that may name it. */
static long metric_words(struct ctx *x, long j)
{
	if (IS_W(x, j, "average") || IS_W(x, j, "mean") || IS_W(x, j, "overall"))
		j++;
	if ((IS_W(x, j, "zero") || IS_W(x, j, "few") || IS_W(x, j, "one")) &&
	    is_p(x, j + 1, '-') && IS_W(x, j + 2, "shot"))
		j += 3;
	return j;
}

/* "per second", "/s", "per GPU-hour", "per month" at token i: a rate
 * in time. */
static int per_time(struct ctx *x, long i)
{
	if (!IS_W(x, i, "per") && !is_p(x, i, '/'))
		return 0;
	i++;
	if (lx(x, i) & LX_DEVICE)
		i += is_p(x, i + 1, '-') ? 2 : 1;
	return IS_W(x, i, "second") || IS_W(x, i, "sec") || IS_W(x, i, "s") ||
	       IS_W(x, i, "minute") || IS_W(x, i, "min") || IS_W(x, i, "hour") ||
	       IS_W(x, i, "h") || IS_W(x, i, "day") || IS_W(x, i, "month") ||
	       IS_W(x, i, "year") || IS_W(x, i, "step") || IS_W(x, i, "iteration");
}

/* Everything a plain number (no % or x) may be followed by. */
static int read_unit(struct ctx *x, long j, const struct fig_read *f,
		     struct unit *u)
{
	memset(u, 0, sizeof *u);
	u->mult = 1;
	u->metric = -1;
	if (unit_compute(x, j, u))
		return 1;
	if (lx(x, j) & LX_GB) {
		u->q = Q_MEMORY_GB;
		u->end = tk(x, j)->e;
		return 1;
	}
	if (lx(x, j) & LX_MONEY) {
		u->q = Q_COST_USD;
		u->end = tk(x, j)->e;
		return 1;
	}
	/* "3,000 tokens per second", "120 images/s": a speed, only
	 * meaningful as a before/after pair */
	if (IS_W(x, j, "fps") || ((lx(x, j) & (LX_TOKEN | LX_DATA)) && per_time(x, j + 1))) {
		u->q = Q_RATIO;
		u->dim = DIM_TIME;
		u->end = tk(x, j)->e;
		return 1;
	}
	if (lx(x, j) & LX_TOKEN ||
	    ((IS_W(x, j, "training") || IS_W(x, j, "text") ||
	      (is_p(x, j, '-') && glued(x, j) && glued(x, j + 1))) &&
	     (lx(x, j + 1) & LX_TOKEN))) {
		/* "300B tokens", "2T training tokens", "a 100B-token corpus" */
		long i = (lx(x, j) & LX_TOKEN) ? j : j + 1;
		u->q = Q_TOKENS;
		u->end = tk(x, i)->e;
		return 1;
	}
	if (unit_params(x, j, f, u))
		return 1;
	if (unit_data(x, j, u))
		return 1;
	/* "the resulting 1.4B subset", "a 5M dataset": the size of a
	 * training set named by what it is, in a scaled count */
	if (f->scaled && f->lo >= 1e4 &&
	    (IS_W(x, j, "subset") || IS_W(x, j, "dataset") || IS_W(x, j, "corpus") ||
	     IS_W(x, j, "split")) && !(lx(x, j + 1) & (LX_TOKEN | LX_DATA)) &&
	    !IS_W(x, j + 1, "of")) {
		u->q = Q_DATA_SIZE;
		u->end = tk(x, j)->e;
		return 1;
	}
	if (metric_of(x, j) >= 0 || (IS_W(x, j, "top") && metric_of(x, j + 3) >= 0) ||
	    metric_of(x, metric_words(x, j)) >= 0) {
		long m = metric_of(x, j) >= 0 ? j
			 : IS_W(x, j, "top") && metric_of(x, j + 3) >= 0 ? j + 3
									  : metric_words(x, j);
		u->q = Q_QUALITY;
		u->metric = metric_of(x, m);
		u->end = tk(x, m)->e;
		return 1;
	}
	return 0;
}

/* ---- emitting each kind ------------------------------------------------ */

static void note_compute(struct claim *c, const struct fig_read *f,
			 const struct unit *u, double v)
{
	struct note n;
	const char *tw = u->time_word ? u->time_word : "h";

	n.len = 0;
	note_num(&n, f->has_hi ? f->hi : f->lo);
	note_add(&n, " ", 1);
	note_add(&n, tw, strlen(tw));
	if (u->mult < 1) {
		/* minutes: "76 minutes / 60 x 1024 devices" */
		note_add(&n, " / ", 3);
		note_num(&n, 1 / u->mult);
	} else if (u->mult != 1) {
		note_add(&n, " x ", 3);
		note_num(&n, u->mult);
		note_add(&n, " h", 2);
	}
	if (u->devices != 1) {
		note_add(&n, " x ", 3);
		note_num(&n, u->devices);
		note_add(&n, " devices", 8);
	}
	note_add(&n, " = ", 3);
	note_num(&n, v);
	note_add(&n, " device-hours", 13);
	if (u->dev_unstated)
		note_add(&n, " (device count not stated: at least)", 36);
	note_set(c, &n);
}

/* Emit an absolute claim of the unit's kind for value v (already in the
 * figure's scale) over bytes [s, e). */
static struct claim *emit_absolute(struct ctx *x, const struct unit *u,
				   const struct fig_read *f, double v,
				   size_t s, size_t e, int baseline)
{
	struct claim *c;
	double total = v;

	if (u->q == Q_COMPUTE)
		total = v * u->mult * u->devices;
	if (!(total > 0) || !isfinite(total))
		return NULL;
	c = emit(x, u->q, total, s, e);
	c->subject_baseline = baseline;
	if (!baseline && u->devices <= 1 && !u->dev_unstated) {
		x->unit_sentence = x->sentence;
		x->unit_q = u->q;
		x->unit_mult = u->q == Q_COMPUTE ? u->mult : 1;
		x->unit_hw = u->hw;
	}
	if (u->q == Q_COMPUTE) {
		if (u->hw)
			c->hardware = xstrdup(u->hw);
		note_compute(c, f, u, total);
		if (u->dev_unstated)
			c->qualifier = QUAL_LOWER;
	} else {
		set_note(c, "@1", total, 0);
	}
	return c;
}

static struct claim *emit_ratio(struct ctx *x, double v, enum dim d,
				size_t s, size_t e)
{
	struct claim *c;

	if (!(v >= 1) || !isfinite(v) || d == DIM_NONE)
		return NULL;
	c = emit(x, Q_RATIO, round4(v), s, e);
	c->dimension = xstrdup(dim_name(d));
	x->last_dim = d;
	return c;
}

static struct claim *emit_quality(struct ctx *x, double v, const char *metric,
				  const char *unit, long k, long after,
				  size_t s, size_t e)
{
	struct claim *c = emit(x, Q_QUALITY, v, s, e);
	size_t ds, de;

	c->metric = xstrdup(metric);
	c->unit = xstrdup(unit);
	if (!strcmp(metric, "glue"))
		c->dataset = xstrdup("GLUE"); /* the score names its benchmark */
	else if (find_dataset(x, k, after, &ds, &de))
		c->dataset = xstrndup(x->t + ds, de - ds);
	set_note(c, "@1 as stated", v, 0);
	return c;
}

/* Is there a verb of change before "from" at token b - 1? */
static int change_from(struct ctx *x, long b)
{
	for (long i = b - 2, seen = 0; i >= 0 && seen < 12; i--) {
		if (tk(x, i)->kind == TK_PUNCT)
			continue;
		seen++;
		if (lx(x, i) & (LX_CHANGE | LX_REDUCE) || IS_W(x, i, "fast"))
			return 1;
		if (IS_W(x, i, "ranging") || IS_W(x, i, "scales") ||
		    IS_W(x, i, "range") || IS_W(x, i, "vary"))
			return 0;
	}
	return 0;
}

/* "from 35.0 to 10.8 GPU hours", "from 52 to 119 FPS": a change, not a
 * range, when "from" follows a verb of change. */
static int is_transition(struct ctx *x, long k, const struct fig_read *f)
{
	long b = is_p(x, k - 1, '\\') ? k - 1 : k; /* "from \$120" */

	if (!f->has_hi || !IS_W(x, b - 1, "from"))
		return 0;
	if (tok_from(x, k, f->lo_end) >= (long)x->n ||
	    !IS_W(x, tok_from(x, k, f->lo_end), "to"))
		return 0;
	return change_from(x, b);
}

/* ---- factors ----------------------------------------------------------- */

static long after_tok(struct ctx *x, long k, const struct fig_read *f)
{
	return tok_from(x, k, f->end);
}

static int worse_after(struct ctx *x, long a);

/* "118x lower cost", "2.54x speedup", "reducing the cost by 8-10 times". */
static void factor_times(struct ctx *x, long k, const struct fig_read *f)
{
	long a = after_tok(x, k, f), used = a;
	enum dim d = dim_after(x, a, &used);
	size_t end = f->end;
	struct claim *c;

	/* "4x more data", "3x more GPU memory": more of a cost is no gain;
	 * more throughput or speed is, and so is "more sample-efficient" */
	if (worse_after(x, a) &&
	    !(d == DIM_TIME && (IS_W(x, used, "throughput") || IS_W(x, used, "speed") ||
				IS_W(x, used, "fps"))) &&
	    !IS_W(x, used + 1, "efficient") &&
	    !(is_p(x, used + 1, '-') && IS_W(x, used + 2, "efficient"))) {
		/* "2x more tokens per second", "4x more requests per
		 * second": a rate, so a speed-up */
		long r = a + 1;
		while (r < a + 4 && (size_t)r < x->n && !per_time(x, r))
			r++;
		if (!IS_W(x, a, "more") || !per_time(x, r))
			return;
		d = DIM_TIME;
		used = r - 1;
	}
	if (d != DIM_NONE)
		end = tk(x, used)->e;
	else if ((d = dim_before(x, k, 14)) == DIM_NONE &&
		 x->last_sentence == x->sentence && x->last_q == Q_RATIO)
		d = x->last_dim;
	c = emit_ratio(x, f->lo, d, f->start, end);
	if (!c)
		return;
	set_range(c, f, 1);
	c->qualifier = qualifier_before(x, k);
	set_note(c, "factor @1 as stated", c->value, 0);
}

/* The share words after a percentage: "of the training data", "the size
 * of", "as many parameters as".  Returns the dimension, or DIM_NONE. */
static enum dim share_after(struct ctx *x, long a, long *used)
{
	long i = a;

	if (IS_W(x, i, "of") || (IS_W(x, i, "as") && IS_W(x, i + 1, "many"))) {
		i += IS_W(x, i, "of") ? 1 : 2;
		for (int n = 0; n < 8 && (size_t)i < x->n; n++, i++) {
			enum dim d;
			if (is_p(x, i, ',') || is_p(x, i, ';') || is_p(x, i, '.'))
				return DIM_NONE;
			if ((d = dim_phrase(x, i, used)) != DIM_NONE)
				return d;
			if (tk(x, i)->kind == TK_NUM && !glued(x, i))
				return DIM_NONE;
		}
		return DIM_NONE;
	}
	if (IS_W(x, i, "the")) {
		enum dim d = dim_phrase(x, i + 1, used);
		if (d == DIM_NONE)
			d = dim_phrase(x, i + 2, used);
		return d;
	}
	return DIM_NONE;
}

/* Reduction words after a percentage: "80% memory and energy reductions",
 * "86% fewer parameters", "42.9% energy savings".  Fills up to 3
 * dimensions; returns how many, and *reduce if a reduction word was
 * seen. */
static int dims_after_pct(struct ctx *x, long a, enum dim *dims, int *reduce,
			  long *used)
{
	int n = 0;
	long i = a;

	*reduce = 0;
	/* "45% and 47% computational cost": share the second's words */
	if (IS_W(x, i, "and") && tk(x, i + 1) && tk(x, i + 1)->kind == TK_NUM &&
	    is_p(x, i + 2, '%'))
		i += 3;
	for (int seen = 0; (size_t)i < x->n && seen < 6; i++) {
		struct tok *k = tk(x, i);
		uint32_t fl = lx(x, i);
		enum dim d;
		if (k->kind == TK_PUNCT) {
			if (k->sym == '-' && glued(x, i))
				continue;
			break;
		}
		seen++;
		if (fl & (LX_REDUCE | LX_LESS)) {
			*reduce = 1;
			*used = i;
			if (n && !IS_W(x, i + 1, "and"))
				break;
			continue;
		}
		if ((d = dim_phrase(x, i, used)) != DIM_NONE) {
			if (n < 3)
				dims[n++] = d;
			i = *used;
			if (!IS_W(x, i + 1, "and") && !(lx(x, i + 1) & (LX_REDUCE | LX_LESS)))
				break;
			continue;
		}
		if (IS_W(x, i, "and") && n)
			continue;
		if (!modifier(x, i))
			break;
	}
	return n;
}

/* A verb of reduction before a percentage ("reduce ... by up to 73%",
 * "saving the training cost by 43%", "reducing 90% CO2 emissions"), and
 * the dimension between them; a second one joined by "and" goes to *d2
 * ("reduces the parameter count and MACs by half").  *verb_dim is set
 * when the dimension is only implied by the verb ("compresses X to
 * 40%").  Returns 1 if found. */
static int reduce_before(struct ctx *x, long k, enum dim *d, enum dim *d2,
			 int *to_share, int *verb_dim)
{
	long first_at = -1;

	*d = *d2 = DIM_NONE;
	*to_share = *verb_dim = 0;
	for (long i = k - 1, seen = 0; i >= 0 && seen < 14; i--) {
		struct tok *w = tk(x, i);
		if (w->kind == TK_PUNCT) {
			if (w->sym == ',' || w->sym == ';' || w->sym == ':' ||
			    w->sym == '(' || w->sym == ')')
				return 0;
			continue;
		}
		seen++;
		if (w->kind == TK_NUM && seen > 1 && plain_number(x, i) &&
		    !pct_after(x, i))
			return 0;
		if (seen <= 3 && IS_W(x, i, "to") && !IS_W(x, i - 1, "up"))
			*to_share = 1;
		if (dm(x, i) && !(lx(x, i) & (LX_CHANGE | LX_REDUCE))) {
			long j = i, last;
			while (j > 0 && dm(x, j - 1) &&
			       !(lx(x, j - 1) & (LX_CHANGE | LX_REDUCE)))
				j--;
			if (*d == DIM_NONE) {
				*d = dim_phrase(x, j, &last);
				first_at = j;
			} else if (*d2 == DIM_NONE && i < first_at &&
				   i >= first_at - 4 && IS_W(x, first_at - 1, "and")) {
				*d2 = dim_phrase(x, j, &last);
				if (*d2 == *d)
					*d2 = DIM_NONE;
			}
		}
		if (lx(x, i) & LX_REDUCE) {
			if (lx(x, i) & LX_DIM && *d == DIM_NONE) {
				*d = dm(x, i);
				*verb_dim = 1;
			}
			return 1;
		}
		/* "improving latency by 6%" is a reduction of latency */
		if ((lx(x, i) & LX_CHANGE) && (lx(x, i) & LX_DELTA) &&
		    (*d == DIM_LATENCY || *d == DIM_MEMORY || *d == DIM_ENERGY ||
		     *d == DIM_COST || *d == DIM_COMPUTE || *d == DIM_FLOPS))
			return 1;
		if (lx(x, i) & LX_COMPARE)
			return 0;
	}
	return 0;
}

/* "55.6% of FLOPs of ResNet-18 are reduced": the verb after the share
 * makes it a reduction. */
static int reduce_follows(struct ctx *x, long i)
{
	for (int seen = 0; (size_t)i < x->n && seen < 6; i++) {
		if (tk(x, i)->kind == TK_PUNCT) {
			if (is_p(x, i, '-') && glued(x, i))
				continue;
			return 0;
		}
		seen++;
		if (lx(x, i) & LX_REDUCE)
			return 1;
		if (lx(x, i) & (LX_COMPARE | LX_CHANGE))
			return 0;
	}
	return 0;
}

/* Emit one ratio from a percentage: a reduction by p% is 1/(1-p/100), a
 * share of p% is 100/p. */
static void pct_ratio(struct ctx *x, const struct fig_read *f, enum dim d,
		      int share, size_t end, enum qualifier q)
{
	double p = f->has_hi ? fmax(f->lo, f->hi) : f->lo, v;
	struct claim *c;

	if (share) {
		p = f->has_hi ? fmin(f->lo, f->hi) : f->lo;
		if (!(p > 0 && p < 100))
			return;
		v = 100.0 / p;
	} else {
		if (!(p > 0 && p < 100))
			return;
		v = 1.0 / (1.0 - p / 100.0);
	}
	c = emit_ratio(x, v, d, f->start, end);
	if (!c)
		return;
	c->qualifier = q;
	if (share)
		set_note(c, "@1% share = 100/@1 = @2x", p, c->value);
	else
		set_note(c, "@1% reduction = 1/(1-@1/100) = @2x", p, c->value);
}

/* Is the percentage at k a change of a quality metric ("+6.8%", "by
 * 2.7%", "6.3% increase", "improvements ... (e.g., up to 49.76%")? */
static int pct_is_delta(struct ctx *x, long k, long a, int from_to)
{
	if (is_p(x, k - 1, '+') || (lx(x, a) & LX_DELTA) ||
	    IS_W(x, a, "percentage"))
		return 1;
	for (long i = k - 1, seen = 0; i >= 0 && seen < 10; i--) {
		if (is_p(x, i, ';') || is_p(x, i, ':'))
			break;
		if (tk(x, i)->kind == TK_PUNCT)
			continue;
		seen++;
		if (seen <= 4 && IS_W(x, i, "by"))
			return 1;
		/* "improve ... by", "improvements (e.g., up to 49.76%)"; a verb
		 * of change before "82.71% accuracy" or "from A% to B%" leaves
		 * an absolute result */
		if ((lx(x, i) & LX_DELTA) &&
		    (!(lx(x, i) & LX_CHANGE) || (!from_to && metric_of(x, a) < 0)))
			return 1;
		if (tk(x, i)->kind == TK_NUM)
			break;
	}
	return 0;
}

/* The metric at token m, with its modifiers: "top-1 accuracy", "success
 * rate", "win rate".  NULL for a rate of something else. */
static const char *metric_refined(struct ctx *x, long m)
{
	const char *name = metric_name(metric_of(x, m));

	if (IS_W(x, m, "rate")) {
		if (IS_W(x, m - 1, "win"))
			return "win rate";
		return IS_W(x, m - 1, "success") ? "success rate" : NULL;
	}
	if (name && !strcmp(name, "accuracy"))
		for (long b = m - 1; b >= 0 && b >= m - 4; b--)
			if (IS_W(x, b, "top1") || (IS_W(x, b, "top") && IS_W(x, b + 2, "1")))
				return "top-1 accuracy";
	return name;
}

/* A bare percentage that is a result: "achieves 81.1% on HumanEval",
 * "reach 98% accuracy", "from 58.8% to 90.0%", "accuracy of 41.1%". */
static void pct_quality(struct ctx *x, long k, const struct fig_read *f)
{
	long a = after_tok(x, k, f), m = -1, i;
	size_t ds, de, end = f->end;
	const char *metric = NULL;
	double v = f->has_hi ? f->hi : f->lo;

	if (pct_is_delta(x, k, a, is_transition(x, k, f)) || is_p(x, k - 1, ':'))
		return;
	/* metric after: "98% accuracy", "41.1% top-1 accuracy" */
	for (i = a; (size_t)i < x->n && i < a + 5; i++) {
		if (metric_of(x, i) >= 0) {
			m = i;
			break;
		}
		if (!(IS_W(x, i, "top") || IS_W(x, i, "zero") || IS_W(x, i, "shot") ||
		      is_p(x, i, '-') || (tk(x, i)->kind == TK_NUM && glued(x, i)) ||
		      IS_W(x, i, "top1") || IS_W(x, i, "mean") ||
		      IS_W(x, i, "test") || IS_W(x, i, "average") ||
		      IS_W(x, i, "success") || IS_W(x, i, "win")))
			break;
	}
	if (m >= 0) {
		end = tk(x, m)->e;
		/* "0.21% top-1 accuracy increase" */
		if (lx(x, m + 1) & LX_DELTA)
			return;
	} else {
		/* metric before: "accuracy of 41.1%", "Dice of 94.6%" */
		for (i = k - 1; i >= 0 && i >= k - 3; i--)
			if (metric_of(x, i) >= 0)
				break;
		if (i >= 0 && i >= k - 3 && metric_of(x, i) >= 0)
			m = i;
	}
	if (m >= 0)
		metric = metric_refined(x, m);
	if (!metric) {
		/* a bare percentage needs a dataset right after it, or a verb of
		 * achievement and a dataset somewhere in the sentence */
		int verb = (IS_W(x, k - 1, "to") && !IS_W(x, k - 2, "up")) ||
			   IS_W(x, k - 1, "from") || IS_W(x, k - 1, "achieves") ||
			   IS_W(x, k - 1, "achieve") || IS_W(x, k - 1, "reaches") ||
			   IS_W(x, k - 1, "of") || IS_W(x, k - 1, "obtains") ||
			   IS_W(x, k - 1, "scores");
		int on = IS_W(x, a, "on") && find_dataset(x, k, a, &ds, &de);
		if (!on && !(verb && find_dataset(x, k, a, &ds, &de)))
			return;
		if (IS_W(x, k - 1, "of") && !IS_W(x, k - 2, "average"))
			return;
		metric = default_metric(x->t, ds, de);
	}
	emit_quality(x, v, metric, "%", k, a, f->start, end);
}

static void factor_percent(struct ctx *x, long k, const struct fig_read *f)
{
	long a = after_tok(x, k, f), used = a;
	enum dim dims[3], d, d2;
	int n, reduce, to_share, verb_dim;
	enum qualifier q = qualifier_before(x, k);

	/* "(<3%) of", "less than 1% of": the share is at most p, the factor
	 * at least 100/p */
	if (is_p(x, k - 1, '<') || (IS_W(x, k - 1, "than") && IS_W(x, k - 2, "less")))
		q = QUAL_LOWER;
	if (is_p(x, a, ')') && IS_W(x, a + 1, "of"))
		a++;
	/* "0.1% (10k) of the training data" */
	if (is_p(x, a, '(') && tk(x, a + 1) && tk(x, a + 1)->kind == TK_NUM &&
	    is_p(x, a + 2, ')') && IS_W(x, a + 3, "of"))
		a += 3;
	if ((d = share_after(x, a, &used)) != DIM_NONE) {
		/* "save 80% of the training steps" is a reduction by 80%,
		 * "reducing ... to 0.9%" and "using 20% of" are shares */
		enum dim r1, r2;
		int share = !reduce_before(x, k, &r1, &r2, &to_share, &verb_dim) ||
			    to_share;
		if (reduce_follows(x, used + 1))
			share = 0;
		pct_ratio(x, f, d, share, tk(x, used)->e, q);
		return;
	}
	n = dims_after_pct(x, a, dims, &reduce, &used);
	/* "72% model FLOPs utilization": a rate of use, no share */
	if (n && (IS_W(x, used + 1, "utilization") || IS_W(x, used + 1, "utilisation") ||
		  IS_W(x, used + 1, "mfu")))
		return;
	if (n && reduce) {
		for (int i = 0; i < n; i++)
			pct_ratio(x, f, dims[i], 0, tk(x, used)->e, q);
		return;
	}
	if (reduce_before(x, k, &d, &d2, &to_share, &verb_dim)) {
		if (n)
			d = dims[0], d2 = DIM_NONE;
		/* "compresses the network to 40%": a share of what the verb
		 * does not say */
		if (d != DIM_NONE && !(to_share && verb_dim)) {
			pct_ratio(x, f, d, to_share, n ? tk(x, used)->e : f->end, q);
			if (d2 != DIM_NONE)
				pct_ratio(x, f, d2, to_share,
					  n ? tk(x, used)->e : f->end, q);
			return;
		}
		if (d != DIM_NONE)
			return;
	}
	if (n && !pct_is_delta(x, k, a, 0)) {
		/* "using only 8.9% parameters", "10.7% training data" */
		pct_ratio(x, f, dims[0], 1, tk(x, used)->e, q);
		return;
	}
	/* "our training cost is merely 1%", "MACs to 0.8%" */
	if ((lx(x, k - 1) & LX_ONLY) || IS_W(x, k - 1, "to")) {
		d = dim_before(x, k, 4);
		if (d != DIM_NONE && !pct_is_delta(x, k, a, 0)) {
			pct_ratio(x, f, d, 1, f->end, q);
			return;
		}
	}
	pct_quality(x, k, f);
}

/* ---- absolute figures ---------------------------------------------------- */

/* The subject of an absolute figure: a comparator's when "than",
 * "whereas", "compared with" or "baseline" stands before it in the
 * clause. */
static int baseline_subject(struct ctx *x, long k)
{
	for (long i = k - 1, seen = 0; i >= 0 && seen < 12; i--) {
		if (is_p(x, i, ';') || is_p(x, i, ':'))
			return 0;
		if (tk(x, i)->kind == TK_PUNCT)
			continue;
		seen++;
		if (glued(x, i))
			continue;
		/* "more than 240,000": a bound, not a comparator */
		if (IS_W(x, i, "than") && seen <= 2 &&
		    (IS_W(x, i - 1, "more") || IS_W(x, i - 1, "less") ||
		     IS_W(x, i - 1, "fewer") || IS_W(x, i - 1, "greater") ||
		     IS_W(x, i - 1, "over")))
			continue;
		if (IS_W(x, i, "than") || IS_W(x, i, "whereas") ||
		    IS_W(x, i, "baseline") || IS_W(x, i, "compared") ||
		    IS_W(x, i, "vs") || IS_W(x, i, "versus"))
			return 1;
		if (IS_W(x, i, "we") || IS_W(x, i, "our"))
			return 0;
	}
	return 0;
}

/* Metric named just before a figure: "FID of 12.7", "FVD 83", "SUC score
 * from 0.703", "GLUE (dev) score of 79.6". */
static int metric_before(struct ctx *x, long k)
{
	for (long i = k - 1, seen = 0; i >= 0 && seen < 4; i--) {
		if (tk(x, i)->kind == TK_PUNCT) {
			if (is_p(x, i, '(') || is_p(x, i, ')'))
				continue;
			return -1;
		}
		seen++;
		if (metric_of(x, i) >= 0) {
			/* a rate other than a success or win rate ("learning
			 * rate") is no result */
			if (IS_W(x, i, "rate") && !metric_refined(x, i))
				return -1;
			/* "score" alone is too vague; "GLUE score" is glue */
			if (IS_W(x, i, "score")) {
				long j = i - 1;
				while (j >= 0 && (is_p(x, j, ')') || is_p(x, j, '(') ||
						  IS_W(x, j, "dev") || IS_W(x, j, "test")))
					j--;
				if (metric_of(x, j) >= 0)
					return metric_of(x, j);
				if (j >= 0 && tk(x, j)->kind == TK_WORD &&
				    span_is(x->t, tk(x, j)->s, tk(x, j)->e, "glue"))
					return metric_of(x, j);
				continue;
			}
			return metric_of(x, i);
		}
		if (!(IS_W(x, i, "of") || IS_W(x, i, "from") || IS_W(x, i, "is") ||
		      IS_W(x, i, "a") || IS_W(x, i, "an") || IS_W(x, i, "dev") ||
		      IS_W(x, i, "test") || IS_W(x, i, "zero") || IS_W(x, i, "shot") ||
		      IS_W(x, i, "achieves") || IS_W(x, i, "score")))
			return -1;
	}
	return -1;
}

/* "ranging from", "varying from": the pair after it is a range. */
static int range_words(struct ctx *x, long k)
{
	for (long i = k - 2, seen = 0; i >= 0 && seen < 4; i--, seen++)
		if (IS_W(x, i, "ranging") || IS_W(x, i, "range") ||
		    IS_W(x, i, "ranges") || IS_W(x, i, "varying") ||
		    IS_W(x, i, "vary") || IS_W(x, i, "varies") || IS_W(x, i, "between"))
			return 1;
	return 0;
}

/* "accuracy of code repair from 16.4 to 17.8", "the BLEU score on the
 * test split from 14.7 to 15.9": a metric named a few words before a
 * change stated with "from".  Returns the metric, or -1. */
static int metric_before_from(struct ctx *x, long k)
{
	if (!IS_W(x, k - 1, "from"))
		return -1;
	for (long i = k - 2, seen = 0; i >= 0 && seen < 7; i--) {
		int m;
		if (tk(x, i)->kind != TK_WORD)
			return -1;
		seen++;
		long h = i + 1;
		if ((m = metric_of(x, i)) < 0)
			continue;
		/* the metric heads the phrase: "accuracy of ...", "BLEU score
		 * on ..." */
		if (IS_W(x, h, "score"))
			h++;
		if (h == k - 1 || IS_W(x, h, "of") || IS_W(x, h, "on") ||
		    IS_W(x, h, "for") || IS_W(x, h, "in"))
			return m;
		/* or is the subject of the change: "accuracy improves from",
		 * "FID drops from" */
		if (h + 1 == k - 1 && (lx(x, h) & (LX_CHANGE | LX_REDUCE | LX_DELTA)))
			return m;
		return -1;
	}
	return -1;
}

/* Quality as a plain number: "12.7 FID", "16.7 perplexity", "FID of
 * 12.7", "SUC score from 0.703 to 0.742". */
static int plain_quality(struct ctx *x, long k, const struct fig_read *f,
			 const struct unit *u, int transition)
{
	int m = u->q == Q_QUALITY ? u->metric : metric_before(x, k);
	long a = after_tok(x, k, f);
	double v;
	struct claim *c;

	/* a metric before "from X to Y" makes the pair a change, whatever
	 * verb stood before it: the second figure is the result */
	if (m < 0 && f->has_hi && (m = metric_before_from(x, k)) >= 0)
		transition = 1;
	if (m >= 0 && f->has_hi && IS_W(x, k - 1, "from") && !range_words(x, k))
		transition = 1;

	/* "a FID of 6.2 on ImageNet and 9.1 on MS-COCO": the second result
	 * of a pair, on its own dataset, in the first one's metric */
	if (m < 0 && !f->has_hi && IS_W(x, k - 1, "and") && IS_W(x, a, "on") &&
	    x->last_q == Q_QUALITY && x->last_sentence == x->sentence &&
	    x->out->len > x->first && x->out->items[x->out->len - 1].metric) {
		const struct claim *prev = &x->out->items[x->out->len - 1];
		const char *metric = prev->metric, *unit = prev->unit;
		size_t ds, de;
		long j = IS_W(x, a + 1, "the") ? a + 2 : a + 1;
		if (dataset_at(x, j, &ds, &de) < 0)
			return 0;
		emit_quality(x, f->lo, metric, unit ? unit : "", k, a, f->start, f->end);
		return 1;
	}
	if (m < 0 || !strcmp(metric_name(m), "score"))
		return 0;
	v = (transition || !f->has_hi) ? (f->has_hi ? f->hi : f->lo) : f->lo;
	long z = u->q == Q_QUALITY ? tok_from(x, a, u->end) : a;

	if (IS_W(x, z, "score"))
		z++;
	if (is_p(x, k - 1, '+') || IS_W(x, k - 1, "by") || (lx(x, a) & LX_DELTA) ||
	    (lx(x, z) & LX_DELTA))
		return 1; /* a delta: consumed, not claimed */
	if (u->q == Q_QUALITY && (IS_W(x, k - 1, "higher") || IS_W(x, a, "higher")))
		return 1;
	c = emit_quality(x, v, metric_name(m), metric_unit(m), k,
			 u->q == Q_QUALITY ? tok_from(x, a, u->end) : a, f->start,
			 u->q == Q_QUALITY ? u->end : f->end);
	if (f->has_hi && !transition) {
		c->value_max = f->hi;
		c->has_max = 1;
	}
	return 1;
}

/* Name sizes: "LLaMA-3.1-8B", "Qwen2.5-Math-7B", "Pythia 410M".  Returns
 * the size, or 0 if token i is no size ("ResNet-18", "GPT-3"). */
static double size_token(struct ctx *x, long i)
{
	struct tok *k = tk(x, i);
	const char *t = x->t;
	size_t p = k->s, e = k->e;
	double v = 0, mult = 1, experts = 1;
	int frac = 0, nd = 0;

	if (!k || k->kind != TK_NUM)
		return 0;
	/* "8x7B": experts times size */
	for (size_t q = p; q < e; q++) {
		if (t[q] == 'x' && q > p && is_digit((unsigned char)t[q - 1]) &&
		    q + 1 < e && is_digit((unsigned char)t[q + 1])) {
			double n = 0;
			for (size_t r = p; r < q; r++)
				n = n * 10 + (t[r] - '0');
			experts = n;
			p = q + 1;
			break;
		}
	}
	for (; p < e && (is_digit((unsigned char)t[p]) || t[p] == '.'); p++) {
		if (t[p] == '.') {
			frac = 1;
			continue;
		}
		v = v * 10 + (t[p] - '0');
		nd++;
		if (frac)
			mult /= 10;
	}
	if (!nd || p + 1 != e || nd > 6)
		return 0;
	switch (t[p]) {
	case 'B': case 'b': mult *= 1e9; break;
	case 'M': case 'm': mult *= 1e6; break;
	case 'T': mult *= 1e12; break;
	default: return 0;
	}
	return experts * v * mult;
}

/* Dataset names that carry a size ("LAION-2B", "YFCC-15M", "JFT-300M"). */
static int dataset_name(const char *t, size_t s, size_t e)
{
	static const char *const sets[] = {
		"laion", "datacomp", "yfcc", "webvid", "jft", "coyo", "cc",
		"howto", "objects", "openimages", "mc4", "redpajama",
		"slimpajama", "dolma", "fineweb", "c4", "pile", "imagenet",
		"in", "sa", "hd", "panda", "wit", "mmc4", "obelics", "laion5b",
		"kinetics", "internvid", "sharegpt",
	};
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
		if (span_is(t, s, e, sets[i]))
			return 1;
	return 0;
}

static void emit_params(struct ctx *x, double v, size_t s, size_t e,
			int baseline)
{
	struct claim *c = emit(x, Q_PARAMS, v, s, e);

	c->subject_baseline = baseline;
	set_note(c, "@1 parameters", v, 0);
}

/* A compound starting at word k ("LLaMA-3.1-8B"): a model name.  Claims
 * its size when the paper's own model carries it; returns the index after
 * the compound. */
static long handle_name(struct ctx *x, long k)
{
	long j = k + 1, size_at = -1;
	double v = 0;

	while ((size_t)j < x->n && glued(x, j) &&
	       (tk(x, j)->kind != TK_PUNCT || ((tk(x, j)->sym == '-' ||
						 tk(x, j)->sym == '_' ||
						 tk(x, j)->sym == '+' ||
						 tk(x, j)->sym == '.') &&
						tk(x, j + 1) && glued(x, j + 1) &&
						tk(x, j + 1)->kind != TK_PUNCT))) {
		if (tk(x, j)->kind == TK_NUM && size_token(x, j) > 0) {
			size_at = j;
			v = size_token(x, j);
		}
		j++;
	}
	if (size_at < 0 || dataset_name(x->t, tk(x, k)->s, tk(x, k)->e) ||
	    (lx(x, j) & (LX_DSCUE | LX_DATA)) || comparator_before(x, k, BACK_WORDS))
		return j;
	if (IS_W(x, j, "to") && tk(x, j + 1) && tk(x, j + 1)->kind == TK_NUM &&
	    size_token(x, j + 1) > v) {
		/* "MobileLLM-125M to 600M" */
		struct claim *c = emit(x, Q_PARAMS, v, tk(x, k)->s, tk(x, j + 1)->e);
		c->value_max = size_token(x, j + 1);
		c->has_max = 1;
		set_note(c, "@1 to @2 parameters", v, c->value_max);
		x->consumed = tk(x, j + 1)->e;
		return j + 2;
	}
	emit_params(x, v, tk(x, k)->s, tk(x, j - 1)->e, 0);
	return j;
}

/* "Pythia 410M", "Llama-2 7B", "CodeT5+ 16B": a size after a name; also
 * in parentheses, "Llama-3 (8B)", "RT-2-X (55B)". */
static int name_size(struct ctx *x, long k, const struct fig_read *f)
{
	long p = k - 1;
	struct tok *w;
	int caps = 0;
	double v = size_token(x, k);
	size_t end = tk(x, k)->e;

	if (v <= 0 || !f->scaled)
		return 0;
	if (is_p(x, p, '(') && !tk(x, k)->space &&
	    is_p(x, after_tok(x, k, f), ')') && tk(x, p)->space) {
		end = tk(x, after_tok(x, k, f))->e;
		p--;
	} else if (!tk(x, k)->space) {
		return 0;
	}
	if (is_p(x, p, '+') && glued(x, p))
		p--;
	w = tk(x, p);
	if (!w || w->kind == TK_PUNCT || lx(x, p))
		return 0;
	for (size_t b = w->s; b < w->e; b++)
		caps += x->t[b] >= 'A' && x->t[b] <= 'Z';
	if (!caps && w->kind != TK_NUM)
		return 0;
	/* the name may be a compound: back to its first word */
	while (p > 0 && glued(x, p) && tk(x, p - 1)->kind != TK_PUNCT)
		p--;
	while (p > 1 && glued(x, p) && (is_p(x, p - 1, '-') || is_p(x, p - 1, '_')))
		p -= 2;
	if (tk(x, p)->kind == TK_NUM ||
	    dataset_name(x->t, tk(x, p)->s, tk(x, p)->e))
		return 0;
	if (comparator_before(x, p, BACK_WORDS))
		return 1;
	emit_params(x, v, tk(x, p)->s, end, 0);
	x->consumed = end;
	return 1;
}

/* Compute from a device count: "1,024 H100 GPUs for 30 days". */
static int devices_first(struct ctx *x, long k, const struct fig_read *f)
{
	struct unit u, tu;
	long d, j;
	struct fig_read t2;
	int in_unit;
	struct claim *c;

	memset(&u, 0, sizeof u);
	if (f->has_hi || f->suffix != FS_NONE || f->lo < 1)
		return 0;
	d = device_phrase(x, k, &u);
	if (d < 0)
		return 0;
	/* "for 21 days", "in 3 days", ", taking 5 days" */
	if (is_p(x, d, ',') && (IS_W(x, d + 1, "taking") ||
				(IS_W(x, d + 1, "which") && IS_W(x, d + 2, "takes"))))
		d += IS_W(x, d + 1, "taking") ? 1 : 2;
	else if (!IS_W(x, d, "for") && !IS_W(x, d, "in") && !IS_W(x, d, "within") &&
		 !IS_W(x, d, "taking"))
		return 0;
	if (!tk(x, d + 1) || tk(x, d + 1)->kind != TK_NUM)
		return 0;
	j = d + 1;
	if (fig_read_at(x->t, x->len, tk(x, j)->s, 0, &t2) || t2.suffix != FS_NONE)
		return 0;
	memset(&tu, 0, sizeof tu);
	if (time_unit(x, tok_from(x, j, t2.end), &tu, &in_unit) < 0)
		return 0;
	u.mult = tu.mult;
	u.time_word = tu.time_word;
	u.q = Q_COMPUTE;
	u.dev_unstated = 0;
	u.end = tk(x, tok_from(x, j, t2.end))->e;
	c = emit_absolute(x, &u, &t2, t2.lo, f->start, u.end, 0);
	if (c)
		c->qualifier = qualifier_before(x, k);
	x->consumed = u.end;
	return 1;
}

/* Time written in words: "within a single GPU hour", "in a single day
 * using 8 V100 GPUs". */
static void word_time(struct ctx *x, long k)
{
	struct unit u;
	long s = k - 1, d;
	int in_unit = 0;
	size_t used;
	struct claim *c;

	memset(&u, 0, sizeof u);
	while (s >= 0 && ((lx(x, s) & LX_DEVICE) ||
			  hardware_at(x->t, x->len, tk(x, s)->s, &used) ||
			  (is_p(x, s, '-') && glued(x, s + 1)))) {
		in_unit = 1;
		s--;
	}
	if (!(IS_W(x, s, "single") || IS_W(x, s, "one")))
		return;
	if (IS_W(x, s - 1, "a"))
		s--;
	if (time_unit(x, s + (IS_W(x, s, "a") ? 2 : 1), &u, &in_unit) != k + 1)
		return;
	u.q = Q_COMPUTE;
	u.devices = 1;
	u.end = tk(x, k)->e;
	if (!in_unit) {
		d = device_phrase(x, k + 1, &u);
		if (d >= 0) {
			u.end = tk(x, d - 1)->e;
		} else if (IS_W(x, s - 1, "in") || IS_W(x, s - 1, "within")) {
			/* the devices first: "on a single GPU in one day", the
			 * longest phrase that ends there */
			long best = -1;
			struct unit du;
			for (long i = s - 2; i >= 0 && i >= s - 9; i--) {
				memset(&du, 0, sizeof du);
				if (device_phrase(x, i, &du) == s - 1)
					best = i;
			}
			if (best < 0 || device_phrase(x, best, &u) != s - 1)
				return;
			if (IS_W(x, best, "on") || IS_W(x, best, "using") ||
			    IS_W(x, best, "with"))
				best++;
			s = best;
		} else {
			return;
		}
	}
	{
		struct fig_read one;
		memset(&one, 0, sizeof one);
		one.lo = 1;
		c = emit_absolute(x, &u, &one, 1, tk(x, s)->s, u.end, 0);
	}
	if (c && !c->qualifier)
		c->qualifier = qualifier_before(x, s);
	x->consumed = u.end;
}

/* A second figure joined by "and", "or", "to", "vs." that names the unit
 * both share: "1.3 billion and 3 billion parameters", "675 vs. 6,250 A100
 * GPU days".  Returns the token of the second number or -1. */
static long partner(struct ctx *x, long a, int *vs)
{
	long i = a;

	*vs = 0;
	if (is_p(x, i, ','))
		i++;
	/* "$12k (vs. $160k for the baseline)" */
	if (is_p(x, i, '(') && (IS_W(x, i + 1, "vs") || IS_W(x, i + 1, "versus")))
		i++;
	if (IS_W(x, i, "vs") || IS_W(x, i, "versus")) {
		*vs = 1;
		i++;
		if (is_p(x, i, '.'))
			i++;
	} else if (IS_W(x, i, "and") || IS_W(x, i, "or")) {
		i++;
	} else if (i == a) {
		return -1;
	}
	if (is_p(x, i, '\\'))
		i++;
	if (!tk(x, i) || tk(x, i)->kind != TK_NUM)
		return -1;
	return i;
}

static int read_partner_unit(struct ctx *x, long p, struct fig_read *f2,
			     struct unit *u, int depth)
{
	int vs;
	long q;

	if (fig_read_at(x->t, x->len, tk(x, p)->s, 0, f2) || f2->suffix != FS_NONE)
		return 0;
	if (f2->money) {
		memset(u, 0, sizeof *u);
		u->q = Q_COST_USD;
		u->mult = 1;
		u->metric = -1;
		u->end = f2->end;
		return 1;
	}
	if (read_unit(x, tok_from(x, p, f2->end), f2, u))
		return 1;
	if (depth < 3 && (q = partner(x, tok_from(x, p, f2->end), &vs)) >= 0 && !vs) {
		struct fig_read f3;
		return read_partner_unit(x, q, &f3, u, depth + 1);
	}
	return 0;
}

/* "(26,000 vs. \320,000)": the first is ours, the second the baseline's;
 * the ratio counts unless a ratio was just stated for the same pair. */
static void emit_vs(struct ctx *x, long k, const struct fig_read *f,
		    const struct fig_read *f2, const struct unit *u)
{
	static const enum dim unit_dim[Q__COUNT] = {
		DIM_NONE, DIM_COST, DIM_COMPUTE, DIM_PARAMS, DIM_TOKENS,
		DIM_DATA, DIM_MEMORY, DIM_NONE, DIM_NONE,
	};
	int after_ratio = x->last_q == Q_RATIO && x->last_sentence == x->sentence &&
			  is_p(x, k - 1, '(') && f->start - x->last_end < 24;
	struct claim *c;
	double a = f->lo, b = f2->lo;

	if (u->q == Q_QUALITY) {
		/* "FVD 83 vs. 176 on MSR-VTT": the dataset follows the pair */
		struct unit u2 = *u;
		u2.end = f2->end;
		plain_quality(x, k, f, &u2, 0);
		x->consumed = f2->end;
		return;
	}
	emit_absolute(x, u, f, a, f->start, f->end, 0);
	emit_absolute(x, u, f2, b, f2->start, u->end, 1);
	if (!after_ratio && unit_dim[u->q] != DIM_NONE && a > 0 && b > 0) {
		c = emit_ratio(x, fmax(a, b) / fmin(a, b), unit_dim[u->q],
			       f->start, u->end);
		if (c)
			set_note(c, "@1 vs @2", a, b);
	}
	x->consumed = u->end > f2->end ? u->end : f2->end;
}

/* "from 35.0 to 10.8 GPU hours": the new figure is ours, the old one the
 * baseline's, and their quotient a ratio in the unit's dimension. */
static void emit_transition(struct ctx *x, long k, const struct fig_read *f,
			    const struct unit *u)
{
	static const enum dim unit_dim[Q__COUNT] = {
		DIM_NONE, DIM_COST, DIM_COMPUTE, DIM_PARAMS, DIM_TOKENS,
		DIM_DATA, DIM_MEMORY, DIM_NONE, DIM_NONE,
	};
	enum dim d = u->q == Q_RATIO ? u->dim : unit_dim[u->q];
	struct claim *c;

	if (u->q == Q_QUALITY) {
		plain_quality(x, k, f, u, 1);
		return;
	}
	if (u->q != Q_RATIO) {
		struct fig_read hi = *f;
		hi.lo = f->hi;
		hi.has_hi = 0;
		emit_absolute(x, u, f, f->lo, f->start, u->end, 1);
		emit_absolute(x, u, &hi, f->hi, f->hi_start, u->end, 0);
	}
	if (d != DIM_NONE && f->lo > 0 && f->hi > 0) {
		c = emit_ratio(x, fmax(f->lo, f->hi) / fmin(f->lo, f->hi), d,
			       f->start, u->end);
		if (c)
			set_note(c, "from @1 to @2", f->lo, f->hi);
	}
}

/* The unit of a change named before it: "reduces the number of GPU
 * hours required from 1,000 to 250", "cuts the tokens needed from 3B to
 * 1B".  Looks back from "from" (token k - 1) within the clause. */
static int unit_before(struct ctx *x, long k, struct unit *u)
{
	for (long i = k - 2, seen = 0; i >= 0 && seen < 8; i--) {
		if (is_p(x, i, ',') || is_p(x, i, ';') || is_p(x, i, ':') || is_p(x, i, '.'))
			return 0;
		if (tk(x, i)->kind == TK_PUNCT)
			continue;
		seen++;
		if (tk(x, i)->kind == TK_NUM)
			return 0;
		if (lx(x, i) & ACCEL_TIME_WORDS) {
			long j = accel_time_to(x, i);
			int in_unit;
			if (j < 0)
				return 0;
			memset(u, 0, sizeof *u);
			u->metric = -1;
			u->devices = 1;
			if (time_unit(x, j, u, &in_unit) < 0)
				return 0;
			u->q = Q_COMPUTE;
			return 1;
		}
		if (lx(x, i) & (LX_TOKEN | LX_PARAM)) {
			memset(u, 0, sizeof *u);
			u->metric = -1;
			u->mult = 1;
			u->q = (lx(x, i) & LX_TOKEN) ? Q_TOKENS : Q_PARAMS;
			return 1;
		}
	}
	return 0;
}

/* Does a memory word stand among tokens [from, to), but for token skip? */
static int memory_named(struct ctx *x, long from, long to, long skip)
{
	for (long i = from < 0 ? 0 : from; i < to; i++)
		if (i != skip && (lx(x, i) & LX_MEMORY))
			return 1;
	return 0;
}

/* The second figure of a change, after "to" at token to: a plain number
 * (no range, factor or percentage) read into t2.  Returns its token, or
 * -1. */
static long change_second(struct ctx *x, long to, struct fig_read *t2)
{
	long n2 = to + 1;

	if (!IS_W(x, to, "to") || !tk(x, n2) || tk(x, n2)->kind != TK_NUM ||
	    fig_read_at(x->t, x->len, tk(x, n2)->s, 0, t2) || t2->suffix != FS_NONE ||
	    t2->has_hi)
		return -1;
	return n2;
}

/* The change "from X unit to Y unit" read as "from X to Y unit": the
 * first figure f with its value lo in the second's unit u, the second t2
 * (see emit_transition). */
static void pair_change(struct ctx *x, long k, const struct fig_read *f, double lo,
			const struct fig_read *t2, const struct unit *u)
{
	struct fig_read pair = *f;

	pair.lo = lo;
	pair.hi = t2->lo;
	pair.has_hi = 1;
	pair.hi_start = t2->start;
	emit_transition(x, k, &pair, u);
	x->consumed = u->end;
}

/* A wall-clock time unit at j: time_unit's words, or milliseconds.
 * Returns the index after it or -1. */
static long wall_unit(struct ctx *x, long j, struct unit *u)
{
	int in_unit;
	long e;

	memset(u, 0, sizeof *u);
	if (IS_W(x, j, "ms") || IS_W(x, j, "milliseconds") || IS_W(x, j, "millisecond")) {
		u->mult = 1.0 / 3600000;
		return j + 1;
	}
	e = time_unit(x, j, u, &in_unit);
	return e >= 0 && !in_unit ? e : -1;
}

/* A change of time: "cuts the training time from 12 to 3 hours", "from 3
 * weeks to 4 days".  Wall-clock time is no compute, but its change is a
 * ratio of time; with devices after the second side ("from 10 days to 2
 * days on 64 V100s") both sides are compute on those devices.  k is the
 * first figure, whose unit read_unit did not take. */
static int time_change(struct ctx *x, long k, const struct fig_read *f)
{
	struct unit t1, t2u, dev;
	struct fig_read t2;
	long a = after_tok(x, k, f), e1, n2, j2, e2;
	double v1, v2;
	struct claim *c;

	if (!IS_W(x, k - 1, "from") ||
	    !(change_from(x, k) || (lx(x, k - 2) & LX_DELTA)))
		return 0;
	if (f->has_hi) {
		/* "from 12 to 3 hours" */
		if (f->suffix != FS_NONE || (e1 = wall_unit(x, a, &t1)) < 0)
			return 0;
		v1 = f->lo * t1.mult;
		v2 = f->hi * t1.mult;
		e2 = e1;
	} else {
		/* "from 3 weeks to 4 days" */
		if (f->suffix != FS_NONE || (e1 = wall_unit(x, a, &t1)) < 0)
			return 0;
		if ((n2 = change_second(x, e1, &t2)) < 0 || t2.money)
			return 0;
		j2 = tok_from(x, n2, t2.end);
		memset(&dev, 0, sizeof dev);
		dev.metric = -1;
		if (unit_compute(x, j2, &dev) && dev.q == Q_COMPUTE && !dev.dev_unstated) {
			pair_change(x, k, f, f->lo * t1.mult / dev.mult, &t2, &dev);
			return 1;
		}
		if ((e2 = wall_unit(x, j2, &t2u)) < 0)
			return 0;
		v1 = f->lo * t1.mult;
		v2 = t2.lo * t2u.mult;
	}
	if (v1 <= 0 || v2 <= 0 || v1 == v2)
		return 0;
	/* "inference latency drops from 120 ms to 35 ms" */
	c = emit_ratio(x, fmax(v1, v2) / fmin(v1, v2),
		       dim_before(x, k, 8) == DIM_LATENCY ? DIM_LATENCY : DIM_TIME, f->start,
		       tk(x, e2 - 1)->e);
	if (c)
		set_note(c, "from @1 h to @2 h", v1, v2);
	x->consumed = tk(x, e2 - 1)->e;
	return 1;
}

/* A change with the unit on both sides: "reduces memory usage from 78 GB
 * to 22 GB", "from 3B tokens to 1B tokens".  u is the first figure's
 * unit; the second must be of the same kind and scale.  Read as the
 * change "from 78 to 22 GB" is. */
static int unit_pair(struct ctx *x, long k, const struct fig_read *f, const struct unit *u)
{
	struct fig_read t2;
	struct unit u2;
	long to, n2;

	if (f->has_hi || f->suffix != FS_NONE || !IS_W(x, k - 1, "from") ||
	    (u->q != Q_MEMORY_GB && u->q != Q_TOKENS && u->q != Q_DATA_SIZE &&
	     u->q != Q_PARAMS))
		return 0;
	to = tok_from(x, k, u->end);
	if (!IS_W(x, to, "to") || !change_from(x, k) || (n2 = change_second(x, to, &t2)) < 0)
		return 0;
	if (t2.end < tk(x, n2)->e) {
		/* "to 22GB": only a size's unit is read glued (as glued_rest
		 * does, without splitting the token) */
		size_t e2 = tk(x, n2)->e;
		if (!span_is(x->t, t2.end, e2, "gb") && !span_is(x->t, t2.end, e2, "gib"))
			return 0;
		memset(&u2, 0, sizeof u2);
		u2.q = Q_MEMORY_GB;
		u2.mult = 1;
		u2.metric = -1;
		u2.end = e2;
	} else if (!read_unit(x, tok_from(x, n2, t2.end), &t2, &u2)) {
		return 0;
	}
	if (u2.q != u->q || u2.mult != u->mult)
		return 0;
	/* memory named before the change, as for a lone size */
	if (u->q == Q_MEMORY_GB && !memory_named(x, k - 6, k, -1))
		return 0;
	pair_change(x, k, f, f->lo, &t2, &u2);
	return 1;
}

/* A figure in parentheses after a share: "to merely 0.9% (5.7M)",
 * "0.1% (10k) of the training data"; or after a dataset: "dataset
 * (620K)". */
static int paren_figure(struct ctx *x, long k, const struct fig_read *f)
{
	long a = after_tok(x, k, f);
	enum quantity q = Q_NONE;
	enum dim d = DIM_NONE;

	if (!is_p(x, k - 1, '(') || !is_p(x, a, ')') || !f->scaled)
		return 0;
	if (x->last_q == Q_RATIO && x->last_sentence == x->sentence &&
	    tk(x, k - 1)->s - x->last_end < 4)
		d = x->last_dim;
	else if (x->last_q == Q_RATIO && x->last_sentence == x->sentence &&
		 tk(x, k - 2) && is_p(x, k - 2, '%'))
		d = x->last_dim;
	if (d == DIM_PARAMS)
		q = Q_PARAMS;
	else if (d == DIM_DATA)
		q = Q_DATA_SIZE;
	else if (d == DIM_TOKENS)
		q = Q_TOKENS;
	else if (lx(x, k - 2) & (LX_DSCUE | LX_DATA))
		q = Q_DATA_SIZE;
	else if (d == DIM_NONE && IS_W(x, a + 1, "of")) {
		long used;
		enum dim d2 = share_after(x, a + 1, &used);
		q = d2 == DIM_DATA ? Q_DATA_SIZE : d2 == DIM_PARAMS ? Q_PARAMS : Q_NONE;
	}
	if (q == Q_NONE)
		return 0;
	{
		struct claim *c = emit(x, q, f->lo, f->start, f->end);
		set_note(c, "@1", f->lo, 0);
	}
	return 1;
}

/* "that costs 28,400", "at a cost of 1,890": money without a sign. */
static int bare_cost(struct ctx *x, long k, const struct fig_read *f)
{
	long i = k - 1;

	if (IS_W(x, i, "of") || IS_W(x, i, "only") || IS_W(x, i, "roughly") ||
	    IS_W(x, i, "about"))
		i--;
	if (!(lx(x, i) & LX_COST) || f->lo < 10 || f->has_hi || f->suffix != FS_NONE)
		return 0;
	if (tk(x, after_tok(x, k, f)) && tk(x, after_tok(x, k, f))->kind == TK_WORD &&
	    !(lx(x, after_tok(x, k, f)) & (LX_FILLER | LX_COMPARE)) &&
	    !IS_W(x, after_tok(x, k, f), "and"))
		return 0;
	return 1;
}

/* "took 146 hours of A100 training whereas X was trained for 23,000 A100
 * hours", "with 1B tokens than the baseline ... with 3B tokens": the text
 * sets the paper's figure against a comparator's of the same kind in one
 * sentence, which implies a ratio (the guidelines annotate it).  base is
 * the comparator's claim just made; the paper's is the last claim of the
 * same kind, not a comparator's, earlier in the sentence.  No ratio when
 * the sentence states one of that dimension itself, or when the paper's
 * figure is the larger.  Model sizes are left out: a smaller model set
 * against larger ones ("our 3B model rivals 7B models") compares results
 * across sizes, not what either cost. */
static void implied_ratio(struct ctx *x, const struct claim *base)
{
	static const enum dim unit_dim[Q__COUNT] = {
		DIM_NONE, DIM_COST, DIM_COMPUTE, DIM_NONE, DIM_TOKENS,
		DIM_DATA, DIM_MEMORY, DIM_NONE, DIM_NONE,
	};
	enum dim d = unit_dim[base->quantity];
	long from = (long)x->tok[0].s, own_s = -1, base_e = base->span_end;
	double own = 0, theirs = base->value;
	struct claim *c;

	if (d == DIM_NONE)
		return;
	for (size_t i = x->out->len - 1, n = 0; i-- > x->first && n < 16; n++) {
		const struct claim *o = &x->out->items[i];
		if (o->span_start < from)
			break;
		if (o->quantity == Q_RATIO && o->dimension &&
		    !strcmp(o->dimension, dim_name(d)))
			return;
		if (own_s < 0 && o->quantity == base->quantity &&
		    !o->subject_baseline && !o->has_max) {
			own = o->value;
			own_s = o->span_start;
		}
	}
	if (own_s < 0 || !(own > 0) || !(theirs > own))
		return;
	c = emit_ratio(x, theirs / own, d, (size_t)own_s, (size_t)base_e);
	if (c)
		set_note(c, "@1 vs @2 (the comparator's): ratio implied", own, theirs);
}

static void handle_money(struct ctx *x, long k, const struct fig_read *f)
{
	struct unit u;
	struct claim *c;
	long a = after_tok(x, k, f), p;
	int vs;

	memset(&u, 0, sizeof u);
	u.q = Q_COST_USD;
	u.mult = 1;
	u.end = f->end;
	u.metric = -1;
	/* "reduces the cost from $1,000 to $100": a change, as for amounts */
	if (is_transition(x, k, f)) {
		emit_transition(x, k, f, &u);
		return;
	}
	if ((p = partner(x, a, &vs)) >= 0 && vs) {
		struct fig_read f2;
		if (!fig_read_at(x->t, x->len, tk(x, p)->s, 0, &f2)) {
			u.end = f2.end;
			emit_vs(x, k, f, &f2, &u);
			return;
		}
	}
	/* "$2 per hour", "$1.10/GPU-hour": a price, not money spent */
	if (per_time(x, a))
		return;
	c = emit_absolute(x, &u, f, f->lo, f->start, f->end, baseline_subject(x, k));
	if (!c)
		return;
	set_range(c, f, 1);
	c->qualifier = qualifier_before(x, k);
	if (c->subject_baseline && !c->has_max)
		implied_ratio(x, c);
}

/* Letters glued to the number ("25.8GB", "1024px"): a known unit is
 * read as if spaced (*a points at a token for it); anything else makes
 * the number no figure (returns 1). */
static int glued_rest(struct ctx *x, long k, const struct fig_read *f, long *a)
{
	long i = k;
	struct tok *w;

	while ((size_t)i + 1 < x->n && x->tok[i].e < f->end)
		i++;
	w = tk(x, i);
	if (!w || w->e <= f->end || w->s >= f->end)
		return 0;
	if (x->t[f->end] == '.' || x->t[f->end] == ',')
		return 1;
	/* "8xA100": a count of devices, read by device_phrase */
	if ((x->t[f->end] == 'x' || x->t[f->end] == 'X') && f->end + 1 < w->e) {
		size_t used;
		if (hardware_at(x->t, x->len, f->end + 1, &used))
			return 0;
	}
	if (span_is(x->t, f->end, w->e, "gb") || span_is(x->t, f->end, w->e, "gib")) {
		/* a token of its own for the unit, so read_unit sees it */
		w->s = f->end;
		w->kind = TK_WORD;
		w->digit = 0;
		w->lex = 0;
		*a = i;
		return 0;
	}
	return 1;
}

/* Words that make sizes of a class of models ("LLMs at 7B and 34B
 * scales", "7B LLMs") a comparator's: the class is what the paper is set
 * against ("than 7B LLMs", "across ... LLMs at 7B", "other 7B models").
 * Looks back from token k within the clause. */
static int class_cue(struct ctx *x, long k)
{
	for (long i = k - 1, seen = 0; i >= 0 && seen < 10; i--) {
		if (is_p(x, i, ';') || is_p(x, i, ':') || is_p(x, i, '.'))
			return 0;
		if (tk(x, i)->kind == TK_PUNCT)
			continue;
		seen++;
		if ((lx(x, i) & (LX_COMPARE | LX_BASEWORD)) || IS_W(x, i, "across") ||
		    IS_W(x, i, "various") || IS_W(x, i, "spectrum") ||
		    IS_W(x, i, "among") || IS_W(x, i, "other") ||
		    IS_W(x, i, "existing") || IS_W(x, i, "over"))
			return 1;
		if (IS_W(x, i, "we") || IS_W(x, i, "our"))
			return 0;
	}
	return 0;
}

/* A plural model noun: the figure sizes a class, not one model. */
static int plural_model(struct ctx *x, long i)
{
	struct tok *w = tk(x, i);

	return w && (lx(x, i) & LX_MODEL) &&
	       to_lower((unsigned char)x->t[w->e - 1]) == 's' &&
	       !IS_W(x, i, "transformers");
}

/* "LLMs at 7B and 34B", "models of 7B": the plural noun before a list of
 * sizes.  Returns its token or -1. */
static long class_noun_before(struct ctx *x, long k)
{
	long i = k - 1;

	/* a list of a few sizes; bounded, so a run of them stays linear */
	while (i >= 1 && i > k - 12 &&
	       (IS_W(x, i, "and") || IS_W(x, i, "or") || is_p(x, i, ',') ||
		(tk(x, i)->kind == TK_NUM && size_token(x, i) > 0)))
		i--;
	if (!(IS_W(x, i, "at") || IS_W(x, i, "of") || IS_W(x, i, "with")))
		return -1;
	return plural_model(x, i - 1) ? i - 1 : -1;
}

/* A size whose unit is a plural model noun ("7B LLMs", "7B and 34B
 * scales") with a comparator cue before it. */
static int class_after(struct ctx *x, long k)
{
	long i = k + 1;

	while (i < k + 12 &&
	       (IS_W(x, i, "and") || IS_W(x, i, "or") || is_p(x, i, ',') ||
		(tk(x, i) && tk(x, i)->kind == TK_NUM && size_token(x, i) > 0)))
		i++;
	if (!plural_model(x, i))
		return 0;
	if (class_noun_before(x, k) >= 0)
		return class_cue(x, class_noun_before(x, k));
	return class_cue(x, k);
}

/* A number with neither % nor x after it. */
static void handle_plain(struct ctx *x, long k, const struct fig_read *f)
{
	long a = after_tok(x, k, f), p;
	struct unit u;
	int vs, cue = 0, transition = is_transition(x, k, f);
	struct claim *c;

	/* a glued unit we do not know ("1024px", "2.64dB", "3D") or a
	 * version ("1.5.2") */
	if (glued_rest(x, k, f, &a))
		return;
	if (f->money) {
		handle_money(x, k, f);
		return;
	}
	if (devices_first(x, k, f))
		return;
	if (!read_unit(x, a, f, &u)) {
		/* "the GPU hours required drop from 1,000 to 250" */
		if ((transition || (f->has_hi && IS_W(x, k - 1, "from") &&
				    (lx(x, k - 2) & LX_DELTA))) &&
		    unit_before(x, k, &u)) {
			u.end = f->end;
			emit_transition(x, k, f, &u);
			x->consumed = u.end;
			return;
		}
		if (time_change(x, k, f))
			return;
		/* "30K GPU hours, compared with 300K for the original model" */
		if ((IS_W(x, k - 1, "with") || IS_W(x, k - 1, "to")) &&
		    IS_W(x, k - 2, "compared") && x->unit_sentence == x->sentence &&
		    !f->has_hi && f->suffix == FS_NONE && !f->money &&
		    (x->unit_q == Q_COMPUTE || x->unit_q == Q_TOKENS ||
		     x->unit_q == Q_DATA_SIZE || x->unit_q == Q_MEMORY_GB)) {
			struct unit same;
			memset(&same, 0, sizeof same);
			same.q = x->unit_q;
			same.mult = x->unit_mult;
			same.devices = 1;
			same.hw = x->unit_hw;
			same.metric = -1;
			same.end = f->end;
			c = emit_absolute(x, &same, f, f->lo, f->start, f->end, 1);
			if (c)
				implied_ratio(x, c);
			return;
		}
		if ((p = partner(x, a, &vs)) >= 0) {
			struct fig_read f2;
			if (read_partner_unit(x, p, &f2, &u, 0) &&
			    u.q != Q_RATIO) {
				if (vs) {
					emit_vs(x, k, f, &f2, &u);
					return;
				}
				u.end = f->end;
				goto claim;
			}
		}
		memset(&u, 0, sizeof u);
		u.metric = -1;
		if (plain_quality(x, k, f, &u, transition))
			return;
		if (paren_figure(x, k, f) || name_size(x, k, f))
			return;
		if (bare_cost(x, k, f)) {
			u.q = Q_COST_USD;
			u.mult = 1;
			u.end = f->end;
			goto claim;
		}
		/* "LLMs at 7B and 34B", "models of 1B, 3B and 8B" */
		if (f->scaled && f->lo >= 1e6 && size_token(x, k) > 0 &&
		    (p = class_noun_before(x, k)) >= 0) {
			c = emit(x, Q_PARAMS, f->lo, f->start, f->end);
			c->subject_baseline = class_cue(x, p);
			set_note(c, "@1 parameters", f->lo, 0);
			return;
		}
		/* "models up to 2.7B", "model with 7B" */
		if (f->scaled && f->lo >= 1e6 && qualifier_before(x, k) &&
		    (lx(x, k - 3) & LX_MODEL)) {
			c = emit(x, Q_PARAMS, f->lo, tk(x, k - 3)->s, f->end);
			c->qualifier = qualifier_before(x, k);
			set_note(c, "@1 parameters", f->lo, 0);
		}
		return;
	}
	if (transition) {
		emit_transition(x, k, f, &u);
		x->consumed = u.end;
		return;
	}
	if (unit_pair(x, k, f, &u))
		return;
	if (u.q == Q_QUALITY) {
		plain_quality(x, k, f, &u, 0);
		x->consumed = u.end;
		return;
	}
	if (u.q == Q_RATIO)
		return;
claim:
	if (u.q == Q_MEMORY_GB && !x->standalone) {
		/* a size in GB is memory only when memory is named ("16 GB of
		 * GPU memory") */
		if (!memory_named(x, k - 4, a + 4, k))
			return;
	}
	if (u.q == Q_TOKENS && !x->standalone) {
		/* context lengths and visual tokens are not training data */
		if (f->lo < 1e6)
			return;
		for (long i = k - 5; i < k; i++)
			if (i >= 0 && (lx(x, i) & LX_CONTEXT))
				return;
	}
	if (u.q == Q_DATA_SIZE && !f->scaled && f->lo < 50 && !x->standalone)
		return;
	if (u.q == Q_DATA_SIZE && !x->standalone && f->lo < 1e4 &&
	    IS_W(x, tok_from(x, k, u.end) - 1, "patches"))
		return; /* patches of an image, not a training set */
	c = emit_absolute(x, &u, f, f->lo, f->start, u.end > f->end ? u.end : f->end,
			  (cue = baseline_subject(x, k)) ||
			  (u.q == Q_PARAMS && (comparator_before(x, k, 6) ||
					       class_after(x, k))));
	if (!c)
		return;
	if (u.q != Q_COMPUTE)
		set_range(c, f, 1);
	if (!c->qualifier)
		c->qualifier = qualifier_before(x, k);
	if (u.end > x->consumed)
		x->consumed = u.end;
	if (cue && !c->has_max)
		implied_ratio(x, c);
}

/* ---- driver ------------------------------------------------------------ */

/* Is the number at token k part of something else: "E$^{2}$", "8/15",
 * "Mixtral-8x7B" (the name handler saw it)? */
static int number_glued(struct ctx *x, long k)
{
	struct tok *p = tk(x, k - 1);

	if (!p || tk(x, k)->space)
		return 0;
	if (p->kind != TK_PUNCT)
		return 1;
	return p->sym == '^' || p->sym == '{' || p->sym == '_' || p->sym == '[' ||
	       p->sym == '#' || p->sym == '/' || p->sym == '.' || p->sym == ':' ||
	       p->sym == '*' || p->sym == '=' || p->sym == '-' || p->sym == '@';
}

/* A currency after the amount at token k: a euro, pound or yen sign,
 * "300 EUR", "20 euros". */
static int currency_after(struct ctx *x, long k, const struct fig_read *f)
{
	const unsigned char *t = (const unsigned char *)x->t;
	size_t i = f->end, s;

	if (f->suffix != FS_NONE)
		return 0;
	if (i < x->len && t[i] == ' ')
		i++;
	if (i + 2 < x->len && t[i] == 0xe2 && t[i + 1] == 0x82 && t[i + 2] == 0xac)
		return 1;
	if (i + 1 < x->len && t[i] == 0xc2 && (t[i + 1] == 0xa3 || t[i + 1] == 0xa5))
		return 1;
	for (s = i; s < x->len && is_alpha(t[s]); s++)
		;
	if (s == i || s - i > 6)
		return 0;
	k = tok_from(x, k, i);
	return tk(x, k) && tk(x, k)->s == i && (lx(x, k) & LX_CURRENCY);
}

/* The value of a token of digits only; 0 when it has anything else. */
static int digits_value(struct ctx *x, const struct tok *k, double *v)
{
	*v = 0;
	for (size_t i = k->s; i < k->e; i++) {
		if (!is_digit((unsigned char)x->t[i]))
			return 0;
		*v = *v * 10 + (x->t[i] - '0');
	}
	return 1;
}

/* "1/10 of the compute", "1/3 the memory": a share, read as "10% of"
 * is.  Returns whether it was one. */
static int fraction_share(struct ctx *x, long k)
{
	struct tok *a = tk(x, k), *b = tk(x, k + 2);
	struct fig_read f;
	double n = 0, d = 0;

	if (!b || !is_p(x, k + 1, '/') || !glued(x, k + 1) || !glued(x, k + 2) ||
	    b->kind != TK_NUM || !(IS_W(x, k + 3, "of") || IS_W(x, k + 3, "the")) ||
	    a->e - a->s > 3 || b->e - b->s > 4)
		return 0;
	if (!digits_value(x, a, &n) || !digits_value(x, b, &d) || n < 1 || d <= n)
		return 0;
	memset(&f, 0, sizeof f);
	f.lo = 100 * n / d;
	f.suffix = FS_PERCENT;
	f.start = f.num_start = a->s;
	f.end = f.lo_end = b->e;
	x->consumed = f.end;
	factor_percent(x, k, &f);
	return 1;
}

static void handle_number(struct ctx *x, long k)
{
	struct fig_read f;

	if (fraction_share(x, k))
		return;

	size_t s = tk(x, k)->s;
	/* "US$2.1M", "\1,890": glued to a currency mark, not a word */
	if (number_glued(x, k) && !(s > 0 && (x->t[s - 1] == '$' || x->t[s - 1] == '\\')))
		return;
	if (is_p(x, k - 1, '-') && !tk(x, k)->space && tk(x, k - 1)->space &&
	    !x->standalone)
		return; /* "-2.1 points": a signed change */
	if (fig_read_at(x->t, x->len, tk(x, k)->s, x->standalone, &f))
		return;
	if (f.out_of_range || f.currency || currency_after(x, k, &f)) {
		/* a cost_usd claim is in US dollars: an amount in another
		 * currency is read (so that it is no other figure) and left */
		x->consumed = f.end;
		return;
	}
	x->consumed = f.end;
	if (f.suffix == FS_TIMES && !f.has_hi) {
		/* "8× A100 GPUs for 2 days", "8 $\times$ A100": a count of
		 * devices, read as "8 A100 GPUs" is */
		long a = after_tok(x, k, &f);
		size_t used;
		if (tk(x, a) && hardware_at(x->t, x->len, tk(x, a)->s, &used)) {
			f.suffix = FS_NONE;
			f.end = tk(x, a)->s;
		}
	}
	/* "by a factor of 12" */
	if (f.suffix == FS_NONE && !f.money && IS_W(x, k - 1, "of") &&
	    IS_W(x, k - 2, "factor") && f.lo >= 1)
		f.suffix = FS_TIMES;
	if (f.suffix == FS_TIMES)
		factor_times(x, k, &f);
	else if (f.suffix == FS_PERCENT)
		factor_percent(x, k, &f);
	else
		handle_plain(x, k, &f);
	if (x->consumed < f.end)
		x->consumed = f.end;
}

/* ---- spelled figures ---------------------------------------------------- */

/* The bytes of a literal of at most 8 letters packed into a word, the
 * first lowest, as pack_lower() packs a word of the text. */
#define PACK_AT(lit, i) \
	(sizeof(lit) > (i) + 1 ? (uint64_t)(unsigned char)(lit)[(i) < sizeof(lit) ? (i) : 0] << (8 * (i)) : 0)
#define PACK(lit) \
	(PACK_AT(lit, 0) | PACK_AT(lit, 1) | PACK_AT(lit, 2) | PACK_AT(lit, 3) | \
	 PACK_AT(lit, 4) | PACK_AT(lit, 5) | PACK_AT(lit, 6) | PACK_AT(lit, 7))

static uint64_t pack_lower(const char *t, size_t s, size_t n)
{
	uint64_t k = 0;

	for (size_t i = 0; i < n; i++)
		k |= (uint64_t)to_lower((unsigned char)t[s + i]) << (8 * i);
	return k;
}

/* Numbers written as words, for "one billion parameters", "three times
 * faster", "two orders of magnitude". */
static double number_word(struct ctx *x, long k)
{
	struct tok *w = tk(x, k);

	if (!w || w->kind != TK_WORD || w->e - w->s < 3 || w->e - w->s > 7)
		return 0;
	/* the word packed into one integer: a compare per candidate of its
	 * length, instead of a loop over letters */
	uint64_t p = pack_lower(x->t, w->s, w->e - w->s);
#define NW(lit, v) \
	do { \
		if (p == PACK(lit)) \
			return v; \
	} while (0)
	switch (w->e - w->s) {
	case 3:
		NW("one", 1);
		NW("two", 2);
		NW("six", 6);
		NW("ten", 10);
		break;
	case 4:
		NW("four", 4);
		NW("five", 5);
		NW("nine", 9);
		break;
	case 5:
		NW("three", 3);
		NW("seven", 7);
		NW("eight", 8);
		NW("forty", 40);
		NW("fifty", 50);
		break;
	case 6:
		NW("eleven", 11);
		NW("twelve", 12);
		NW("twenty", 20);
		NW("thirty", 30);
		break;
	case 7:
		NW("fifteen", 15);
		NW("hundred", 100);
		break;
	}
#undef NW
	return 0;
}

/* "threefold", "tenfold": a number word glued to "fold". */
static double fold_word(struct ctx *x, long k)
{
	struct tok *w = tk(x, k);
	struct tok save;
	double v;

	if (!w || w->kind != TK_WORD || w->e - w->s < 7 ||
	    !span_is(x->t, w->e - 4, w->e, "fold"))
		return 0;
	save = *w;
	w->e -= 4;
	v = number_word(x, k);
	*w = save;
	return v;
}

static double scale_word(struct ctx *x, long k)
{
	if (IS_W(x, k, "thousand"))
		return 1e3;
	if (IS_W(x, k, "million"))
		return 1e6;
	if (IS_W(x, k, "billion"))
		return 1e9;
	if (IS_W(x, k, "trillion"))
		return 1e12;
	return 0;
}

/* A factor is "better" only in the sense of the guidelines: "twice as
 * fast", not "twice as many parameters" or "an order of magnitude
 * larger". */
static int worse_after(struct ctx *x, long a)
{
	if (IS_W(x, a, "as") && (IS_W(x, a + 1, "many") || IS_W(x, a + 1, "much") ||
				 IS_W(x, a + 1, "large") || IS_W(x, a + 1, "big")))
		return 1;
	return IS_W(x, a, "more") || IS_W(x, a, "larger") || IS_W(x, a, "bigger") ||
	       IS_W(x, a, "higher") || IS_W(x, a, "longer") ||
	       IS_W(x, a, "slower") || IS_W(x, a, "greater") ||
	       (IS_W(x, a, "the") && IS_W(x, a + 1, "number"));
}

/* A verb of change or reduction shortly before token k ("reduces memory
 * by an order of magnitude", "accelerates training three times"). */
static int change_before(struct ctx *x, long k)
{
	for (long i = k - 1, seen = 0; i >= 0 && seen < 8; i--) {
		if (tk(x, i)->kind == TK_PUNCT) {
			if (is_p(x, i, ',') || is_p(x, i, ';') || is_p(x, i, ':'))
				return 0;
			continue;
		}
		seen++;
		if (lx(x, i) & (LX_REDUCE | LX_CHANGE))
			return 1;
	}
	return 0;
}

/* A spelled factor over tokens [k, f->end): its dimension from the words
 * after it, or, after a verb of change, from the words before. */
static void spelled_factor(struct ctx *x, long k, const struct fig_read *f)
{
	long a = after_tok(x, k, f), used = a;
	enum dim d;
	size_t end = f->end;
	struct claim *c;

	if (worse_after(x, a))
		return;
	d = dim_after(x, a, &used);
	if (d != DIM_NONE)
		end = tk(x, used)->e;
	else if (change_before(x, k))
		d = dim_before(x, k, 14);
	c = emit_ratio(x, f->lo, d, f->start, end);
	if (!c)
		return;
	c->qualifier = qualifier_before(x, k);
	set_note(c, "factor @1 as stated in words", f->lo, 0);
	x->consumed = end;
}

/* "halves the memory", "halving training time": a reduction by 2 in the
 * dimension named after the verb. */
static void halving(struct ctx *x, long k)
{
	long used = k + 1;
	enum dim d = dim_after(x, k + 1, &used);
	struct claim *c;

	if (d == DIM_NONE)
		return;
	c = emit_ratio(x, 2, d, tk(x, k)->s, tk(x, used)->e);
	if (c)
		set_note(c, "halved: factor @1", 2, 0);
	x->consumed = tk(x, used)->e;
}

/* "doubles the throughput": twice as fast.  Doubling anything else
 * (cost, time, parameters) is no gain and is left. */
static void doubling(struct ctx *x, long k)
{
	long used = k + 1;
	enum dim d = dim_after(x, k + 1, &used);
	struct claim *c;

	if (d != DIM_TIME || !(IS_W(x, used, "throughput") || IS_W(x, used, "speed") ||
			       IS_W(x, used, "fps")))
		return;
	c = emit_ratio(x, 2, d, tk(x, k)->s, tk(x, used)->e);
	if (c)
		set_note(c, "doubled: factor @1", 2, 0);
	x->consumed = tk(x, used)->e;
}

/* A figure written in words starting at token k.  It is read into a
 * fig_read as if it were digits and judged by the same rules. */
/* Can word k, with number_word() value v, start anything handle_spelled()
 * reads?  Most words that pass maybe_spelled() ("the", "for", "that")
 * cannot, and are turned away here by length and first letter: "a" and
 * "an" count only before "order(s)" or a scale word; a word that is no
 * number only as "twice", "half", "halve..", "double.." or "..fold". */
static int spelled_worth(struct ctx *x, long k, double v)
{
	const struct tok *w = tk(x, k), *nx = tk(x, k + 1);
	size_t n = w->e - w->s;
	int c = to_lower((unsigned char)x->t[w->s]);

	if (IS_W(x, k, "a") || IS_W(x, k, "an")) {
		if (!nx || nx->kind != TK_WORD)
			return 0;
		int c1 = to_lower((unsigned char)x->t[nx->s]);
		return c1 == 'o' || c1 == 't' || c1 == 'm' || c1 == 'b';
	}
	if (v > 0)
		return 1;
	return (c == 't' && n == 5) || (c == 'h' && n >= 4 && n <= 7) ||
	       (c == 'd' && n >= 6 && n <= 8) ||
	       (n >= 7 && span_is(x->t, w->e - 4, w->e, "fold"));
}

static void handle_spelled(struct ctx *x, long k)
{
	struct fig_read f;
	double v = number_word(x, k), scale;
	long j = k + 1;

	if (!spelled_worth(x, k, v))
		return;
	memset(&f, 0, sizeof f);
	f.start = f.num_start = tk(x, k)->s;
	if (IS_W(x, k, "a") || IS_W(x, k, "an"))
		v = 1;
	if (v > 0 && (IS_W(x, j, "order") || IS_W(x, j, "orders")) &&
	    IS_W(x, j + 1, "of") && IS_W(x, j + 2, "magnitude")) {
		/* "an order of magnitude": 10; "two orders": 100 */
		if (v > 3)
			return;
		f.lo = pow(10, v);
		f.suffix = FS_TIMES;
		f.end = f.lo_end = tk(x, j + 2)->e;
		spelled_factor(x, k, &f);
		return;
	}
	/* "one billion parameters"; "a million-dollar question" is an
	 * adjective, no amount */
	if (v > 0 && (scale = scale_word(x, j)) > 0 &&
	    !(is_p(x, j + 1, '-') && glued(x, j + 1) && IS_W(x, j + 2, "dollar"))) {
		f.lo = v * scale;
		f.scaled = 1;
		f.end = f.lo_end = tk(x, j)->e;
		handle_plain(x, k, &f);
		if (x->consumed < f.end)
			x->consumed = f.end;
		return;
	}
	if (IS_W(x, k, "a") || IS_W(x, k, "an"))
		return;
	if (v >= 2 && (IS_W(x, j, "times") || IS_W(x, j, "fold") ||
		       (is_p(x, j, '-') && glued(x, j) && IS_W(x, j + 1, "fold")))) {
		f.lo = v;
		f.suffix = FS_TIMES;
		f.end = f.lo_end = tk(x, is_p(x, j, '-') ? j + 1 : j)->e;
		spelled_factor(x, k, &f);
		return;
	}
	if ((v = fold_word(x, k)) >= 2 || IS_W(x, k, "twice")) {
		f.lo = v >= 2 ? v : 2;
		f.suffix = FS_TIMES;
		f.end = f.lo_end = tk(x, k)->e;
		spelled_factor(x, k, &f);
		return;
	}
	if (IS_W(x, k, "half") && !(is_p(x, j, '-') && glued(x, j))) {
		/* "by half", "in half": a reduction by 50%; "half the memory",
		 * "half of the parameters": a share of 50% */
		if (!(IS_W(x, k - 1, "by") || IS_W(x, k - 1, "in") ||
		      IS_W(x, j, "the") || IS_W(x, j, "of")))
			return;
		f.lo = 50;
		f.suffix = FS_PERCENT;
		f.end = f.lo_end = tk(x, k)->e;
		factor_percent(x, k, &f);
		return;
	}
	if (IS_W(x, k, "halves") || IS_W(x, k, "halve") || IS_W(x, k, "halved") ||
	    IS_W(x, k, "halving")) {
		halving(x, k);
		return;
	}
	if (IS_W(x, k, "doubles") || IS_W(x, k, "double") ||
	    IS_W(x, k, "doubled") || IS_W(x, k, "doubling"))
		doubling(x, k);
}

/* Might word token w begin a spelled figure?  A cheap test on its first
 * letter and length before handle_spelled() looks it up. */
static int maybe_spelled(struct ctx *x, const struct tok *w)
{
	size_t n = w->e - w->s;
	int c = to_lower((unsigned char)x->t[w->s]);

	switch (c) {
	case 'a':
		return n <= 2;
	case 'o': case 't': case 'f': case 's': case 'e': case 'n':
	case 'h': case 'd':
		return n >= 3 && n <= 12;
	}
	return 0;
}

static void scan_sentence(struct ctx *x)
{
	for (long k = 0; (size_t)k < x->n; k++) {
		struct tok *w = &x->tok[k];
		size_t used;
		if (w->s < x->consumed)
			continue;
		if (w->kind == TK_NUM) {
			handle_number(x, k);
		} else if (w->kind == TK_WORD) {
			/* only "hour(s)" and "day(s)" are worth a lookup here */
			size_t n = w->e - w->s;
			int c = to_lower((unsigned char)x->t[w->s]);
			if ((c == 'h' || c == 'd') && n >= 3 && n <= 5 &&
			    (lx(x, k) & (LX_HOURS | LX_DAYS)))
				word_time(x, k);
			else if (maybe_spelled(x, w) && !glued(x, k))
				handle_spelled(x, k);
			if (w->s < x->consumed)
				continue;
			if (!glued(x, k) || !is_p(x, k - 1, '-'))
				if (w->digit ||
				    (is_p(x, k + 1, '-') && glued(x, k + 1) &&
				     tk(x, k + 2) && tk(x, k + 2)->kind == TK_NUM))
					if (!hardware_at(x->t, x->len, w->s, &used))
						k = handle_name(x, k) - 1;
		}
	}
}

/* ---- what a ratio is measured against ---------------------------------- */

/* First token whose start is at or after byte b (binary search). */
static long tok_at(struct ctx *x, size_t b)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->tok[mid].s < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo;
}

/* Words that end the name of a comparator. */
static int name_stop(struct ctx *x, long i)
{
	static const char *const stops[] = {
		"and", "while", "with", "on", "in", "at", "by", "for", "when",
		"which", "that", "whereas", "but", "without", "across", "under",
		"during", "using", "as", "to", "of", "is", "are", "was", "were",
		"or", "from", "we", "it", "its", "our", "both", "even", "respectively",
		"despite", "thanks", "due", "achieving", "making", "yielding",
	};
	struct tok *w = tk(x, i);

	if (!w)
		return 1;
	if (w->kind == TK_PUNCT)
		return !((w->sym == '-' || w->sym == '.' || w->sym == '+' ||
			  w->sym == '/') && glued(x, i) && glued(x, i + 1));
	/* inside a compound ("state-of-the-art", "FlashAttention-2") */
	if (glued(x, i) && tk(x, i - 1)->kind == TK_PUNCT)
		return 0;
	if (w->kind == TK_NUM)
		return 1;
	for (size_t k = 0; k < sizeof stops / sizeof *stops; k++)
		if (span_is(x->t, w->s, w->e, stops[k]))
			return 1;
	return 0;
}

/* The name after a cue word ending at token i ("than [the] X", "over
 * X"): up to six words.  Sets the claim's baseline; returns 1 if a name
 * was found. */
static int take_name(struct ctx *x, long i, struct claim *c)
{
	long s = i, e;
	int words;

	if (IS_W(x, s, "the") || IS_W(x, s, "a") || IS_W(x, s, "an"))
		s++;
	if ((IS_W(x, s, "that") || IS_W(x, s, "those")) && IS_W(x, s + 1, "of"))
		s += 2;
	for (e = s, words = 0; words < 6 && !name_stop(x, e); e++)
		words += tk(x, e)->kind != TK_PUNCT;
	if (e == s || !tk(x, s) || tk(x, s)->kind != TK_WORD)
		return 0;
	c->baseline = xstrndup(x->t + tk(x, s)->s, tk(x, e - 1)->e - tk(x, s)->s);
	return 1;
}

/* A cue for the comparator at token i: "than", "over", "versus",
 * "against", "compared to|with", "relative to", "in comparison to".
 * Returns the token after it, or -1. */
static long baseline_cue(struct ctx *x, long i)
{
	if (IS_W(x, i, "than") || IS_W(x, i, "over") || IS_W(x, i, "versus") ||
	    IS_W(x, i, "against"))
		return i + 1;
	if (IS_W(x, i, "vs"))
		return is_p(x, i + 1, '.') ? i + 2 : i + 1;
	if ((IS_W(x, i, "compared") || IS_W(x, i, "relative") ||
	     IS_W(x, i, "comparison")) &&
	    (IS_W(x, i + 1, "to") || IS_W(x, i + 1, "with")))
		return i + 2;
	return -1;
}

/* The baseline of each ratio made in this sentence (claims from index
 * first on): the comparator named after the ratio ("3x faster than
 * FlashAttention", "reductions over the original model"), or before it
 * in the sentence ("Compared to X, ... 2x fewer ..."). */
static void ratio_baselines(struct ctx *x, size_t first)
{
	for (size_t n = first; n < x->out->len; n++) {
		struct claim *c = &x->out->items[n];
		long a, i, cue;
		if (c->quantity != Q_RATIO || c->baseline)
			continue;
		a = tok_at(x, (size_t)c->span_end);
		for (i = a; i < a + 6 && (size_t)i < x->n; i++) {
			if (is_p(x, i, ',') || is_p(x, i, ';') || is_p(x, i, '.'))
				break;
			if ((cue = baseline_cue(x, i)) >= 0) {
				take_name(x, cue, c);
				break;
			}
		}
		if (c->baseline)
			continue;
		a = tok_at(x, (size_t)c->span_start);
		for (i = a - 1; i >= 0 && i > a - 30; i--)
			if ((IS_W(x, i, "compared") || IS_W(x, i, "relative")) &&
			    (cue = baseline_cue(x, i)) >= 0) {
				take_name(x, cue, c);
				break;
			}
	}
}

/* Claims in order of position; the same figure stated twice once.  Both
 * steps sort (n log n), so a text of many megabytes with thousands of
 * claims costs no more than its reading. */
struct claim_key {
	const struct claim *c;
	size_t index;
};

static int dim_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Order by what the claim says, then by position. */
static int by_content(const void *pa, const void *pb)
{
	const struct claim_key *ka = pa, *kb = pb;
	const struct claim *a = ka->c, *b = kb->c;
	int d;

	if (a->quantity != b->quantity)
		return a->quantity < b->quantity ? -1 : 1;
	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
	if (a->has_max != b->has_max)
		return a->has_max < b->has_max ? -1 : 1;
	if (a->has_max && a->value_max != b->value_max)
		return a->value_max < b->value_max ? -1 : 1;
	if (a->subject_baseline != b->subject_baseline)
		return a->subject_baseline < b->subject_baseline ? -1 : 1;
	if ((d = dim_cmp(a->dimension, b->dimension)) != 0)
		return d;
	if (a->span_start != b->span_start)
		return a->span_start < b->span_start ? -1 : 1;
	return ka->index < kb->index ? -1 : ka->index > kb->index;
}

static int same_content(const struct claim *a, const struct claim *b)
{
	return a->quantity == b->quantity && a->value == b->value &&
	       a->has_max == b->has_max &&
	       (!a->has_max || a->value_max == b->value_max) &&
	       a->subject_baseline == b->subject_baseline &&
	       !dim_cmp(a->dimension, b->dimension);
}

/* Position, the longer span first at equal starts (a pair before its
 * parts), then the order the claims were made in. */
static int by_position(const void *pa, const void *pb)
{
	const struct claim_key *ka = pa, *kb = pb;
	const struct claim *a = ka->c, *b = kb->c;

	if (a->span_start != b->span_start)
		return a->span_start < b->span_start ? -1 : 1;
	if (a->span_end != b->span_end)
		return a->span_end > b->span_end ? -1 : 1;
	return ka->index < kb->index ? -1 : ka->index > kb->index;
}

static void order_and_dedupe(struct claim_list *l, size_t first)
{
	size_t n = l->len - first, kept = 0;
	struct claim_key *keys;
	struct claim *items;
	char *drop;

	if (n < 2)
		return;
	keys = xmalloc(n * sizeof *keys);
	items = xmalloc(n * sizeof *items);
	drop = xcalloc(n, 1);
	for (size_t i = 0; i < n; i++) {
		keys[i].c = &l->items[first + i];
		keys[i].index = i;
	}
	qsort(keys, n, sizeof *keys, by_content);
	for (size_t i = 1; i < n; i++)
		if (same_content(keys[i - 1].c, keys[i].c))
			drop[keys[i].index] = 1;
	for (size_t i = 0; i < n; i++) {
		if (drop[i]) {
			claim_release(&l->items[first + i]);
			continue;
		}
		keys[kept].c = &l->items[first + i];
		keys[kept].index = i;
		kept++;
	}
	qsort(keys, kept, sizeof *keys, by_position);
	for (size_t i = 0; i < kept; i++)
		items[i] = *keys[i].c;
	memcpy(l->items + first, items, kept * sizeof *items);
	l->len = first + kept;
	free(keys);
	free(items);
	free(drop);
}

static void run(const char *text, size_t len, struct claim_list *out,
		int standalone)
{
	struct ctx x;
	struct tok toks[MAX_TOKENS]; /* 32 KiB: on the stack, not a malloc
				      * and free (and heap consolidation) per text */
	size_t pos = 0, before;

	memset(&x, 0, sizeof x);
	x.t = text;
	x.len = len;
	x.out = out;
	x.first = out->len;
	x.standalone = standalone;
	x.last_sentence = -1;
	x.unit_sentence = -1;
	if (!text || !len)
		return;
	pthread_once(&stop_pairs_once, stop_pairs_fill);
	x.tok = toks;
	while (pos < len) {
		size_t end = boring_until(&x, pos);
		if (end > pos) {
			x.sentence++;
			pos = end;
			continue;
		}
		end = tokenize(&x, pos);
		if (end <= pos)
			end = pos + 1;
		before = out->len;
		scan_sentence(&x);
		ratio_baselines(&x, before);
		x.sentence++;
		pos = end;
	}
	order_and_dedupe(out, x.first);
}

void extract_claims(const char *text, size_t len, struct claim_list *out)
{
	run(text, len, out, 0);
}

size_t extract_standalone(const char *text, size_t len, struct claim_list *out)
{
	size_t before = out->len;

	run(text, len, out, 1);
	return out->len - before;
}

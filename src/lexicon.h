/* lexicon.h - private to figure.c and extract.c: the number reader, the
 * sentence tokenizer and the word classes both of them use. */
#ifndef EFFDASH_LEXICON_H
#define EFFDASH_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "claim.h"

/* What follows a number and changes its meaning. */
enum fig_suffix {
	FS_NONE = 0,
	FS_TIMES,   /* x, X, ×, \times, times, -fold */
	FS_PERCENT  /* %, \%, percent */
};

/* One figure as read from the bytes: a number, an optional scale, an
 * optional range and an optional suffix. */
struct fig_read {
	double lo, hi;         /* hi valid when has_hi */
	int has_hi;
	int scaled;            /* a scale letter or word was given */
	int money;             /* $, US$, USD or a backslash lost from $ */
	const char *currency;  /* ISO code of another currency: "EUR" for the
				  euro sign, "AUD" for "A$"; NULL for none or USD */
	int math_dollar;       /* '$' that opens LaTeX math, not money */
	enum fig_suffix suffix;
	size_t start, end;     /* bytes covered, prefix and suffix included */
	size_t num_start;      /* first digit */
	size_t lo_end;         /* end of the first number and its scale */
	size_t hi_start;       /* first digit of the range's upper end */
	int out_of_range;      /* overflow, infinity or too many digits */
};

/* Read a figure whose first digit is at pos (the caller has checked
 * that t[pos] is a digit; a currency prefix before it is looked at).
 * allow_exp enables "1e9" notation (curated figures only).  Returns 0, or
 * -1 if there is no number at pos. */
int fig_read_at(const char *t, size_t len, size_t pos, int allow_exp,
		struct fig_read *f);

/* Byte classes, ASCII only: bytes >= 0x80 are never digits or letters
 * here, which keeps the readers immune to invalid UTF-8.  Inline because
 * they run once per byte of text. */
static inline int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int is_alnum(int c)
{
	return is_digit(c) || is_alpha(c);
}

/* ASCII upper case to lower case, other bytes unchanged: a load, where
 * the compare and the select cost four instructions in the loops that
 * match words (figure.c holds the table). */
extern const unsigned char lex_lower[256];
static inline int to_lower(int c)
{
	return lex_lower[(unsigned char)c];
}
/* Length of a white-space sequence at t[i] (ASCII or Unicode spaces such
 * as NBSP, thin space); 0 if none. */
size_t space_len_slow(const char *t, size_t len, size_t i);
static inline size_t space_len(const char *t, size_t len, size_t i)
{
	/* most bytes are printable ASCII or ' ': decided here, inline */
	if (i >= len)
		return 0;
	unsigned char c = (unsigned char)t[i];
	if (c == ' ')
		return 1;
	if (c > ' ' && c < 0xc2)
		return 0;
	return space_len_slow(t, len, i);
}
/* Case-insensitive compare of t[s..e) with the lower-case literal lit. */
static inline int span_is(const char *t, size_t s, size_t e, const char *lit)
{
	/* no strlen: the literal ends where the span does, or it differs.
	 * A NUL byte in the text would match lit's terminator, so the loop
	 * stops there before reading past it. */
	size_t n = e - s;

	for (size_t i = 0; i < n; i++)
		if (!lit[i] || to_lower((unsigned char)t[s + i]) != lit[i])
			return 0;
	return lit[n] == '\0';
}

static inline int span_starts(const char *t, size_t s, size_t e,
			      const char *lit)
{
	size_t n = strlen(lit);

	return e - s >= n && span_is(t, s, s + n, lit);
}

/* Kinds of token in a sentence. */
enum tok_kind { TK_WORD = 1, TK_NUM, TK_PUNCT };

/* A token: a word (letters and digits, with '.' and ',' inside numbers
 * and '@' inside metric names), or one punctuation mark, normalised in
 * sym: '-' for every dash and minus, '~' for tildes and approximately-
 * equal, '*' for the multiplication sign. */
struct tok {
	size_t s, e;
	unsigned char kind;
	unsigned char sym;     /* TK_PUNCT: normalised mark */
	unsigned char space;   /* white space before the token */
	unsigned char dim;     /* cached dimension id (see lex_dim) */
	unsigned char digit;   /* a digit among its bytes */
	uint32_t lex;          /* cached lexicon flags; LX_DONE once looked up */
	short metric;          /* cached metric index, -1 none */
};

/* Lexicon flags of a word. */
#define LX_DONE       (1u << 31)
#define LX_DIM        (1u << 0)  /* names a ratio dimension */
#define LX_REDUCE     (1u << 1)  /* verb or noun of reduction: reduce, save */
#define LX_LESS       (1u << 2)  /* comparative: fewer, less, lower */
#define LX_DELTA      (1u << 3)  /* improvement, gain, higher, points */
#define LX_COMPARE    (1u << 4)  /* than, surpasses, outperforms, such */
#define LX_UPPER      (1u << 5)  /* up (to), within */
#define LX_LOWER      (1u << 6)  /* over, more, least, above */
#define LX_APPROX     (1u << 7)  /* about, around, roughly, nearly */
#define LX_PARAM      (1u << 8)  /* parameters */
#define LX_TOKEN      (1u << 9)  /* tokens */
#define LX_DATA       (1u << 10) /* images, pairs, samples, examples */
#define LX_MODEL      (1u << 11) /* model, LLM, network */
#define LX_HOURS      (1u << 12) /* hour, hours, h */
#define LX_DAYS       (1u << 13) /* day, days */
#define LX_DEVICE     (1u << 14) /* GPU, TPU, chips, accelerators */
#define LX_MEMORY     (1u << 15) /* memory, VRAM */
#define LX_CONTEXT    (1u << 16) /* context, window, length, sequence */
#define LX_METRIC     (1u << 17) /* metric name (see metric field) */
#define LX_DSCUE      (1u << 18) /* dataset, benchmark, corpus */
#define LX_CHANGE     (1u << 19) /* verbs of change: improve, reduce, speed */
#define LX_FILLER     (1u << 20) /* the, a, of, only, merely, just */
#define LX_ONLY       (1u << 21) /* only, merely, just */
#define LX_GB         (1u << 22) /* GB, GiB */
#define LX_MONEY      (1u << 23) /* dollars, USD */
#define LX_SKIPNOUN   (1u << 24) /* bits, tasks, datasets: counts to skip */
#define LX_WEEKS      (1u << 25) /* week, weeks */
#define LX_COST       (1u << 26) /* cost, costs, costing */
#define LX_BASEWORD   (1u << 27) /* baseline, whereas, prior, previous */
#define LX_SCALEWORD  (1u << 28) /* thousand, million, billion */
#define LX_CURRENCY   (1u << 29) /* money that is not US dollars: euros */

/* Ratio dimensions, in the vocabulary's spelling. */
enum dim {
	DIM_NONE = 0, DIM_COST, DIM_TIME, DIM_MEMORY, DIM_PARAMS, DIM_TOKENS,
	DIM_DATA, DIM_FLOPS, DIM_ENERGY, DIM_LATENCY, DIM_STORAGE, DIM_COMPUTE,
	DIM__COUNT
};
const char *dim_name(enum dim d);

/* Look a word up: flags, its dimension (DIM_NONE if it names none) and
 * its metric index (-1 if none). */
uint32_t lex_lookup(const char *t, size_t s, size_t e, enum dim *dim,
		    int *metric);
/* Canonical metric name and unit ("%" or the metric's own name). */
const char *metric_name(int metric);
const char *metric_unit(int metric);
/* Is the table sorted (for the unit tests)? */
int lex_sorted(void);

/* Hardware: normalise t[s..e) (and possibly the next word, for "RTX 4090"
 * or "TPU v3"); *used gets the bytes consumed.  NULL if not a device. */
const char *hardware_at(const char *t, size_t len, size_t s, size_t *used);

/* Extract the claim whose figure starts at or after text[0] of a curated
 * figure (figure_parse uses the extractor's unit logic).  Returns the
 * number of claims appended. */
size_t extract_standalone(const char *text, size_t len,
			  struct claim_list *out);

/* Round a factor to 4 decimals, as the guidelines ask. */
double round4(double v);

#endif

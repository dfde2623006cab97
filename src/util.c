/* util.c - allocation wrappers, string buffer and small helpers. */
#include "util.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "xxh.h"

static _Noreturn void die_oom(size_t n)
{
	fprintf(stderr, "effdash: out of memory allocating %zu bytes\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		die_oom(count * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void bug_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "effdash: BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void sb_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->alloc = 0;
}

void sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

#define HUGE_PAGE ((size_t)2 << 20)

/* Ask for huge pages over the 2 MiB-aligned part of p[0..n): memory
 * filled once through then takes a page fault per 2 MiB, not per 4 KiB. */
static void advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	uintptr_t to = ((uintptr_t)p + n) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (to > from)
		(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

void sb_grow_to(struct strbuf *sb, size_t need)
{
	if (need <= sb->alloc)
		return;
	size_t n = sb->alloc ? sb->alloc : 64;
	while (n < need)
		n *= 2;
	sb->buf = xrealloc(sb->buf, n);
	/* A first allocation holds "" until something is added, so a buffer
	 * grown but left empty still detaches as a string. */
	if (!sb->alloc)
		sb->buf[0] = '\0';
	sb->alloc = n;
	/* a large buffer (a CSV, the manifest) is filled once through */
	if (n >= 4 * HUGE_PAGE)
		advise_huge(sb->buf, n);
}

/* Does fmt use only the conversions sb_vaddf() writes itself: %s, %c,
 * %d, %i, %u with no length, l or ll, %zu and %%, with no flag, width or
 * precision? */
static int plain_format(const char *fmt)
{
	for (const char *p = fmt; (p = strchr(p, '%')); p++) {
		p++;
		if (*p == 'z') {
			p++;
			if (*p != 'u')
				return 0;
			continue;
		}
		if (*p == 'l' && *++p == 'l')
			p++;
		if (!*p || !strchr(p[-1] == 'l' ? "diu" : "sciud%", *p))
			return 0;
	}
	return 1;
}

static void add_unsigned(struct strbuf *sb, unsigned long long v)
{
	char buf[20];
	sb_add(sb, buf, fmt_ulong(buf, v));
}

/* The text of a format plain_format() accepts, as vsnprintf writes it
 * ("(null)" for a NULL string, as glibc does), at a small part of its
 * cost: a report formats millions of short texts such as " %s" and
 * "%s=%s". */
static void plain_addf(struct strbuf *sb, const char *fmt, va_list ap)
{
	for (const char *p = fmt;;) {
		const char *q = strchrnul(p, '%');
		sb_add(sb, p, (size_t)(q - p));
		if (!*q)
			return;
		int longs = 0;
		for (q++; *q == 'l' || *q == 'z'; q++)
			longs = *q == 'z' ? 3 : longs + 1;
		switch (*q) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			sb_adds(sb, s ? s : "(null)");
			break;
		}
		case 'c':
			sb_addc(sb, (char)va_arg(ap, int));
			break;
		case 'd':
		case 'i':
			sb_add_long(sb, longs == 0 ? va_arg(ap, int)
				       : longs == 1 ? va_arg(ap, long) : va_arg(ap, long long));
			break;
		case 'u':
			add_unsigned(sb, longs == 0 ? va_arg(ap, unsigned)
					 : longs == 1 ? va_arg(ap, unsigned long)
					 : longs == 2 ? va_arg(ap, unsigned long long)
						      : va_arg(ap, size_t));
			break;
		default: /* '%' */
			sb_addc(sb, '%');
		}
		p = q + 1;
	}
}

void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	if (plain_format(fmt)) {
		plain_addf(sb, fmt, ap);
		return;
	}
	/* Format once into the room there is (most texts are short); only
	 * a text that does not fit is formatted again. */
	va_list cp;
	sb_grow(sb, 64);
	va_copy(cp, ap);
	int n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("vsnprintf failed for format '%s'", fmt);
	if ((size_t)n >= sb->alloc - sb->len) {
		sb_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

const char *sb_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *sb_detach(struct strbuf *sb)
{
	char *p = sb->buf ? sb->buf : xstrdup("");
	sb_init(sb);
	return p;
}

/* 10^k for 0 <= k <= 19. */
static const unsigned long long pow10_u64[] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL,
	10000000000000000000ULL,
};

/* Digits of u, most significant first, into buf; returns the count.
 * Counted first, then written from the end two at a time. */
size_t fmt_ulong(char *buf, unsigned long long u)
{
	static const char pairs[201] =
		"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";
	/* the count from the bit length: log10(2) is about 1233 / 4096 */
	unsigned t = ((unsigned)(64 - __builtin_clzll(u | 1)) * 1233) >> 12;
	size_t len = u ? t - (u < pow10_u64[t]) + 1 : 1;
	size_t k = len;
	while (u >= 100) {
		unsigned r = (unsigned)(u % 100);
		u /= 100;
		buf[--k] = pairs[2 * r + 1];
		buf[--k] = pairs[2 * r];
	}
	if (u >= 10) {
		buf[--k] = pairs[2 * u + 1];
		buf[--k] = pairs[2 * u];
	} else {
		buf[--k] = (char)('0' + u);
	}
	return len;
}

/* The decimal digits[0..nd) with the point after the first point of
 * them (point <= 0: "0." and -point zeros before them), trailing zeros
 * of the fraction and a bare point dropped, as %g writes numbers; returns
 * the length written to buf.  point <= nd. */
static size_t decimal_text(char *buf, const char *digits, size_t nd, long point)
{
	size_t k = 0;
	if (point >= (long)nd) {
		memcpy(buf, digits, nd);
		return nd;
	}
	if (point <= 0) {
		buf[k++] = '0';
		buf[k++] = '.';
		for (long z = point; z < 0; z++)
			buf[k++] = '0';
	} else {
		memcpy(buf, digits, (size_t)point);
		k = (size_t)point;
		buf[k++] = '.';
		digits += point;
		nd -= (size_t)point;
	}
	memcpy(buf + k, digits, nd);
	k += nd;
	while (buf[k - 1] == '0')
		k--;
	if (buf[k - 1] == '.')
		k--;
	return k;
}

/* v in decimal ("%lld", no NUL) into buf, which holds 21; returns the
 * length. */
static size_t fmt_long(char *buf, long long v)
{
	size_t k = 0;
	if (v < 0)
		buf[k++] = '-';
	return k + fmt_ulong(buf + k, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
}

void sb_add_long(struct strbuf *sb, long long v)
{
	char buf[24];
	sb_add(sb, buf, fmt_long(buf, v));
}

void hex64(char out[17], unsigned long long v)
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 15; i >= 0; i--, v >>= 4)
		out[i] = hex[v & 15];
	out[16] = '\0';
}

void fingerprint_text(char out[64], unsigned long long size, unsigned long long hash)
{
	snprintf(out, 64, "%llu:xxh3:%016llx", size, hash);
}

void sb_add_hex64(struct strbuf *sb, unsigned long long v)
{
	char buf[17];
	hex64(buf, v);
	sb_add(sb, buf, 16);
}

void sb_add_g(struct strbuf *sb, double v, int prec)
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
				      1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
				      1e20, 1e21, 1e22 };
	double a = fabs(v);
	if (!isfinite(v) || a == 0 || prec < 1 || prec > 6 || a >= 1e22 || a < 1e-15)
		goto slow;
	int e = 0;
	if (a >= 1) {
		while (e < 22 && p10[e + 1] <= a)
			e++;
	} else {
		while (p10[-e] * a < 1) /* a < 10^e */
			e--;
	}
	/* The first prec digits as an integer: scaled = a * 10^(prec-1-e),
	 * one correctly rounded operation by an exact power of ten. */
	int shift = prec - 1 - e;
	if (shift > 22 || shift < -22)
		goto slow;
	double scaled = shift >= 0 ? a * p10[shift] : a / p10[-shift];
	double fl = floor(scaled);
	/* Near a tie the exact binary value decides: leave it to printf. */
	if (fabs(scaled - fl - 0.5) < 1e-6)
		goto slow;
	long long r = (long long)(fl + (scaled - fl > 0.5));
	long long top = (long long)p10[prec];
	if (r >= top) {
		r /= 10;
		e++;
	}
	char digits[8], buf[40];
	size_t nd = fmt_ulong(digits, (unsigned long long)r), k = 0;
	if (v < 0)
		buf[k++] = '-';
	if (e < -4 || e >= prec) {
		buf[k++] = digits[0];
		size_t last = nd;
		while (last > 1 && digits[last - 1] == '0')
			last--;
		if (last > 1) {
			buf[k++] = '.';
			memcpy(buf + k, digits + 1, last - 1);
			k += last - 1;
		}
		buf[k++] = 'e';
		buf[k++] = e < 0 ? '-' : '+';
		int x = e < 0 ? -e : e;
		if (x < 10)
			buf[k++] = '0';
		k += fmt_ulong(buf + k, (unsigned long long)x);
	} else {
		k += decimal_text(buf + k, digits, nd, e + 1);
	}
	sb_add(sb, buf, k);
	return;
slow:
	sb_addf(sb, "%.*g", prec, v);
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 u128; /* GCC and Clang, 64-bit */


/* 10^k for 0 <= k <= 38. */
static u128 pow10_u128(int k)
{
	return (u128)pow10_u64[k > 19 ? 19 : k] * (k > 19 ? pow10_u64[k - 19] : 1);
}

/* v (finite, 1e-4 <= |v| < 1e15, not a whole number) as %.{p}g (15 <= p
 * <= 17) prints it, if that reads back as v; computed exactly in 128-bit
 * integers instead of by printf and strtod.  Returns the length, or 0 when
 * it does not read back or a corner (a tie, a power of two) is left to
 * printf.  In this range %g writes no exponent. */
static size_t exact_g(char *buf, double v, int p)
{
	uint64_t bits;
	double a = fabs(v);
	memcpy(&bits, &a, sizeof bits);
	int be = (int)(bits >> 52);
	unsigned long long m = (bits & ((1ULL << 52) - 1)) | (1ULL << 52);
	int sh = 1075 - be; /* a = m / 2^sh */
	if (be == 0 || m == (1ULL << 52) || sh < 1 || sh > 66)
		return 0;
	int e10 = (int)floor(log10(a)); /* corrected below when off by one */
	u128 q, rem, half = (u128)1 << (sh - 1);
	int k;
	for (int tries = 0;; tries++) {
		k = p - 1 - e10; /* a * 10^k has p digits before the point */
		if (k < 0 || k > 22 || tries > 2)
			return 0;
		u128 prod = (u128)m * pow10_u128(k);
		q = prod >> sh;
		rem = prod & (((u128)1 << sh) - 1);
		if (q < pow10_u64[p - 1])
			e10--;
		else if (q >= pow10_u64[p])
			e10++;
		else
			break;
	}
	/* round to nearest, ties to even, as printf does */
	if (rem > half || (rem == half && (q & 1)))
		q++;
	if (q == pow10_u64[p]) {
		q = pow10_u64[p - 1];
		e10++;
		k--;
	}
	/* reads back as v when strictly inside half an ulp of it:
	 * |q / 10^k - m / 2^sh| < 1 / 2^(sh+1) */
	u128 pk = pow10_u128(k);
	u128 lhs = q << sh, rhs = (u128)m * pk;
	u128 diff = lhs > rhs ? lhs - rhs : rhs - lhs;
	if (2 * diff >= pk)
		return 0;
	char digits[24];
	size_t nd = fmt_ulong(digits, (unsigned long long)q), n = 0;
	if (v < 0)
		buf[n++] = '-';
	return n + decimal_text(buf + n, digits, nd, e10 + 1);
}

/* The same for 2^53 <= |v| < 1e36 (FLOP counts): such a double is a whole
 * number of at most 120 bits, so its digits and their rounding are exact
 * in 128-bit integers.  %g writes an exponent once it reaches p.  Returns
 * the length; 0 when it does not read back; -1 for a power of two (its
 * lower neighbour is nearer than its upper one), left to printf. */
static int exact_g_big(char *buf, double v, int p)
{
	uint64_t bits;
	double a = fabs(v);
	memcpy(&bits, &a, sizeof bits);
	int s = (int)(bits >> 52) - 1075; /* a = m * 2^s */
	unsigned long long m = (bits & ((1ULL << 52) - 1)) | (1ULL << 52);
	if (s < 1 || s > 67 || m == (1ULL << 52))
		return -1;
	u128 whole = (u128)m << s, q = whole;
	int nd = 16; /* whole >= 2^53 > 10^15 */
	while (nd < 37 && whole >= pow10_u128(nd))
		nd++;
	if (nd > 36)
		return -1;
	int e10 = nd - 1, drop = nd > p ? nd - p : 0;
	if (drop) {
		u128 div = pow10_u128(drop), rem;
		q = whole / div;
		rem = whole - q * div;
		/* round to nearest, ties to even, as printf does */
		if (2 * rem > div || (2 * rem == div && (q & 1)))
			q++;
		if (q == pow10_u128(p)) {
			q /= 10;
			drop++;
			e10++;
		}
		/* reads back as v within half an ulp (2^s), or at exactly
		 * half when v's mantissa is the even one (ties to even) */
		u128 back = q * pow10_u128(drop);
		u128 diff = back > whole ? back - whole : whole - back;
		u128 ulp = (u128)1 << s;
		if (2 * diff > ulp || (2 * diff == ulp && (m & 1)))
			return 0;
	}
	char digits[24];
	size_t k = fmt_ulong(digits, (unsigned long long)q), n = 0;
	if (v < 0)
		buf[n++] = '-';
	if (e10 < p) {
		/* fixed: the digits, then the zeros of the dropped places */
		memcpy(buf + n, digits, k);
		n += k;
		for (int z = 0; z < drop; z++)
			buf[n++] = '0';
		return n;
	}
	while (k > 1 && digits[k - 1] == '0')
		k--;
	buf[n++] = digits[0];
	if (k > 1) {
		buf[n++] = '.';
		memcpy(buf + n, digits + 1, k - 1);
		n += k - 1;
	}
	buf[n++] = 'e';
	buf[n++] = '+';
	n += fmt_ulong(buf + n, (unsigned long long)e10); /* 16 to 36: two digits */
	return (int)n;
}
#endif

void fmt_double(char *buf, size_t size, double v)
{
	/* Whole numbers below 10^15 print as their digits, exactly as %.15g
	 * would, without the cost of floating-point formatting (derived
	 * values' formulas are full of hours, devices and watts). */
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v && !(v == 0 && signbit(v)) &&
	    size >= 18) {
		buf[fmt_long(buf, (long long)v)] = '\0';
		return;
	}
	/* A short decimal (12.7, 0.375, 4.1): when v is the double nearest
	 * to m / 10^d for an integer m of at most 15 digits, %.15g prints
	 * exactly that decimal (v is within half an ulp of it, far less
	 * than a unit of the 15th digit) and it reads back as v.  Only one
	 * decimal of at most 15 digits lies that near v, so one try at the
	 * largest d that keeps m below 10^15 finds it if any d does (the
	 * error of scaling stays below half a unit of m); decimal_text()
	 * drops the trailing zeros a larger d adds. */
	double a = fabs(v);
	if (a >= 1e-4 && a < 1e15 && size >= 32) {
		static const double pow10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10 };
		int d = 10;
		while (d > 0 && a * pow10[d] >= 1e15)
			d--;
		long long m = d > 0 ? llround(a * pow10[d]) : 0;
		if (d > 0 && (double)m / pow10[d] == a) {
			char digits[20];
			size_t nd = fmt_ulong(digits, (unsigned long long)m), k = 0;
			if (v < 0)
				buf[k++] = '-';
			k += decimal_text(buf + k, digits, nd, (long)nd - d);
			buf[k] = '\0';
			return;
		}
	}
	/* Shortest of %.15g..%.17g that round-trips: keeps 0.1 as "0.1".
	 * The same few values (prices, peaks, utilization) come back again
	 * and again, so each thread remembers the last ones it formatted. */
	static _Thread_local struct {
		uint64_t bits;
		char text[26];
		char used;
	} memo[256];
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	unsigned slot = (unsigned)((bits * 0x9e3779b97f4a7c15ULL) >> 56);
	if (memo[slot].used && memo[slot].bits == bits && strlen(memo[slot].text) < size) {
		strcpy(buf, memo[slot].text);
		return;
	}
	size_t n = 0;
#ifdef __SIZEOF_INT128__
	if (a >= 1e-4 && a < 1e15 && size >= 32)
		for (int prec = 15; prec <= 17 && !n; prec++)
			n = exact_g(buf, v, prec);
	else if (a >= 0x1p53 && a < 1e36 && size >= 32)
		for (int prec = 15; prec <= 17 && !n; prec++) {
			int r = exact_g_big(buf, v, prec);
			if (r < 0)
				break;
			n = (size_t)r;
		}
	if (n)
		buf[n] = '\0';
#endif
	for (int prec = 15; prec <= 17 && !n; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (size >= 32 && strlen(buf) < sizeof memo[slot].text) {
		memo[slot].bits = bits;
		memo[slot].used = 1;
		strcpy(memo[slot].text, buf);
	}
}

/* ---- Arena ------------------------------------------------------------ */

#define ARENA_CHUNK HUGE_PAGE

struct arena_chunk {
	struct arena_chunk *next;
};

void *xmalloc_huge(size_t n)
{
	size_t size = (n + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
	if (n < HUGE_PAGE || size < n)
		return xmalloc(n);
	void *p = aligned_alloc(HUGE_PAGE, size);
	if (!p)
		return xmalloc(n);
	advise_huge(p, size);
	return p;
}

/* A chunk of size bytes (its header included) at the head of a's list:
 * a whole huge page for short strings, or just room for one long text. */
static struct arena_chunk *chunk_new(struct arena *a, size_t size)
{
	struct arena_chunk *c = xmalloc_huge(size);
	c->next = a->chunks;
	a->chunks = c;
	return c;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (n + 1 > a->left) {
		size_t head = sizeof(struct arena_chunk);
		if (n + 1 > ARENA_CHUNK / 8) {
			/* a long text (an abstract) has a chunk of its own,
			 * and the current one keeps its room */
			struct arena_chunk *c = chunk_new(a, head + n + 1);
			char *d = (char *)(c + 1);
			memcpy(d, s, n);
			d[n] = '\0';
			return d;
		}
		struct arena_chunk *c = chunk_new(a, ARENA_CHUNK);
		a->next = (char *)c + head;
		a->left = ARENA_CHUNK - head;
	}
	char *d = a->next;
	memcpy(d, s, n);
	d[n] = '\0';
	a->next += n + 1;
	a->left -= n + 1;
	return d;
}

void arena_take(struct arena *to, struct arena *from)
{
	struct arena_chunk **tail = &from->chunks;
	while (*tail)
		tail = &(*tail)->next;
	*tail = to->chunks;
	to->chunks = from->chunks;
	/* the chunk to was filling stays the one it fills */
	from->chunks = NULL;
	from->next = NULL;
	from->left = 0;
}

void arena_release(struct arena *a)
{
	while (a->chunks) {
		struct arena_chunk *c = a->chunks;
		a->chunks = c->next;
		free(c);
	}
	a->next = NULL;
	a->left = 0;
}

unsigned long long hash_bytes(unsigned long long h, const void *data, size_t n)
{
	return XXH3_64bits_withSeed(data, n, h);
}

unsigned long long hash_text(unsigned long long h, const char *s)
{
	if (!s)
		return XXH3_64bits_withSeed("\xff", 1, h);
	return XXH3_64bits_withSeed(s, strlen(s), h ^ 0x9e3779b97f4a7c15ULL);
}

int read_file(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_add(&sb, chunk, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed) {
		sb_release(&sb);
		errno = saved ? saved : EIO;
		return -1;
	}
	*len = sb.len;
	*out = sb_detach(&sb);
	return 0;
}

int utf8_valid(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		/* Fast path: sixteen ASCII bytes at a time, then eight. */
#ifdef __SSE2__
		while (i + 16 <= n &&
		       !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i))))
			i += 16;
#endif
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = s[i];
		size_t k;
		unsigned min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			k = 1, min = 0x80, c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			k = 2, min = 0x800, c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			k = 3, min = 0x10000, c &= 0x07;
		} else {
			goto fail;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
				goto fail;
			c = (c << 6) | (s[i + j] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			goto fail;
		i += k + 1;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

void sort_i64(long long *v, size_t n)
{
	if (n < 2)
		return;
	unsigned long long *a = xmalloc(n * sizeof *a), *b = xmalloc(n * sizeof *b);
	/* the sign bit flipped, values order as unsigned keys */
	for (size_t i = 0; i < n; i++)
		a[i] = (unsigned long long)v[i] ^ (1ULL << 63);
	for (int shift = 0; shift < 64; shift += 8) {
		size_t count[257] = { 0 };
		for (size_t i = 0; i < n; i++)
			count[((a[i] >> shift) & 0xFF) + 1]++;
		if (count[((a[0] >> shift) & 0xFF) + 1] == n)
			continue; /* every key has this byte */
		for (int d = 0; d < 256; d++)
			count[d + 1] += count[d];
		for (size_t i = 0; i < n; i++)
			b[count[(a[i] >> shift) & 0xFF]++] = a[i];
		unsigned long long *t = a;
		a = b;
		b = t;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = (long long)(a[i] ^ (1ULL << 63));
	free(a);
	free(b);
}

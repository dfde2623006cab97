/* Unit tests of util, claim, paper, csvread and the source helpers. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "claim.h"
#include "csvread.h"
#include "paper.h"
#include "source.h"
#include "../../src/source_impl.h"
#include "unit.h"
#include "util.h"

static void test_strbuf(void)
{
	struct strbuf sb = STRBUF_INIT;
	CHECK_STR(sb_str(&sb), "");
	sb_adds(&sb, "abc");
	sb_addf(&sb, "-%d-%s", 42, "x");
	sb_addc(&sb, '!');
	CHECK_STR(sb.buf, "abc-42-x!");
	CHECK(sb.len == 9);
	for (int i = 0; i < 1000; i++)
		sb_adds(&sb, "0123456789");
	CHECK(sb.len == 10009);
	sb_reset(&sb);
	CHECK_STR(sb.buf, "");
	sb_release(&sb);
}

/* sb_addf writes what snprintf writes, whether it formats the text
 * itself (%s %c %d %i %u, l, ll and z, %%) or hands it to vsnprintf. */
#define SAME_AS_PRINTF(sb, ...)                                      \
	do {                                                         \
		char want_[512];                                     \
		snprintf(want_, sizeof want_, __VA_ARGS__);          \
		sb_reset(sb);                                        \
		sb_adds(sb, "<");                                    \
		sb_addf(sb, __VA_ARGS__);                            \
		CHECK(sb_str(sb)[0] == '<');                         \
		CHECK_STR(sb_str(sb) + 1, want_);                    \
		CHECK((sb)->len == 1 + strlen(want_));               \
	} while (0)

static void test_addf(void)
{
	struct strbuf sb = STRBUF_INIT;
	const char *volatile none = NULL;
	char long_text[300];
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	SAME_AS_PRINTF(&sb, "plain text, no conversion");
	SAME_AS_PRINTF(&sb, "%s", "");
	SAME_AS_PRINTF(&sb, "%s", none);
	SAME_AS_PRINTF(&sb, "%s=%s; %s", "name", "value", long_text);
	SAME_AS_PRINTF(&sb, "100%% of %s%%", "it");
	SAME_AS_PRINTF(&sb, "[%c%c]", 'a', '%');
	SAME_AS_PRINTF(&sb, "%d %i %d %d", 0, -7, INT_MIN, INT_MAX);
	SAME_AS_PRINTF(&sb, "%u %u", 0u, UINT_MAX);
	SAME_AS_PRINTF(&sb, "%ld %li %lu", LONG_MIN, LONG_MAX, ULONG_MAX);
	SAME_AS_PRINTF(&sb, "%lld|%lli|%llu", LLONG_MIN, -1LL, ULLONG_MAX);
	SAME_AS_PRINTF(&sb, "%zu files, %zu bytes", (size_t)0, SIZE_MAX);
	SAME_AS_PRINTF(&sb, "claim-%ld\">%s</a>", 123456L, "x < y");
	/* formats it leaves to vsnprintf */
	SAME_AS_PRINTF(&sb, "%5d|%-4s|%.2s|%05ld", 42, "ab", "abcdef", 7L);
	SAME_AS_PRINTF(&sb, "%.10g %g %%%s", 1.0 / 3, 2.5e20, "s");
	SAME_AS_PRINTF(&sb, "%x %016llx %zd", 255u, 0xabcULL, (ssize_t)-3);
	SAME_AS_PRINTF(&sb, "%s then %.1f", long_text, 0.25);
	sb_release(&sb);
}

/* fmt_double(v) is the shortest %g (15 to 17 digits) that reads back
 * as v; reports the first difference. */
static int prints_as_printf(double v)
{
	char want[64], buf[32];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(want, sizeof want, "%.*g", prec, v);
		if (strtod(want, NULL) == v)
			break;
	}
	fmt_double(buf, sizeof buf, v);
	if (strcmp(buf, want)) {
		CHECK_STR(buf, want);
		return 0;
	}
	return 1;
}

/* sb_add_long writes what "%lld" writes: edges, every power of ten and
 * its neighbours, and random values of every length. */
static void test_add_long(void)
{
	long long cases[200];
	size_t n = 0;
	cases[n++] = 0;
	cases[n++] = LLONG_MIN;
	cases[n++] = LLONG_MAX;
	long long p = 1;
	for (int e = 0; e <= 18; e++) {
		cases[n++] = p;
		cases[n++] = p - 1;
		cases[n++] = p + 1;
		cases[n++] = -p;
		cases[n++] = -(p - 1);
		if (e < 18) /* 10^19 is out of range */
			p *= 10;
	}
	unsigned long long seed = 12345;
	struct strbuf sb = STRBUF_INIT;
	char want[32];
	for (int i = 0; i < 100000 + (int)n; i++) {
		long long v;
		if (i < (int)n) {
			v = cases[i];
		} else {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			v = (long long)(seed >> (seed % 63));
			if (seed & 1)
				v = -v;
		}
		snprintf(want, sizeof want, "%lld", v);
		sb_reset(&sb);
		sb_add_long(&sb, v);
		if (strcmp(sb_str(&sb), want)) {
			CHECK_STR(sb_str(&sb), want);
			break;
		}
	}
	sb_release(&sb);
}

/* Strings of an arena stay whole while others are added (short ones
 * share chunks, long ones get their own), across a take, until release. */
static void test_arena(void)
{
	struct arena a = ARENA_INIT, b = ARENA_INIT;
	char *kept[3000];
	char text[400000];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)('a' + i % 26);
	for (int i = 0; i < 3000; i++) {
		size_t n = i % 100 == 99 ? 300000 + (size_t)i : (size_t)(i % 700);
		kept[i] = arena_strndup(i % 2 ? &a : &b, text + i % 26, n);
	}
	arena_take(&a, &b);
	CHECK(b.chunks == NULL);
	kept[0] = arena_strndup(&a, "after", 5); /* a's own chunk goes on */
	CHECK_STR(kept[0], "after");
	for (int i = 1; i < 3000; i++) {
		size_t n = i % 100 == 99 ? 300000 + (size_t)i : (size_t)(i % 700);
		if (strlen(kept[i]) != n || memcmp(kept[i], text + i % 26, n)) {
			CHECK(!"arena string changed");
			break;
		}
	}
	arena_release(&a);
	arena_release(&b);
	CHECK(a.chunks == NULL && a.left == 0);
	unsigned char *big = xmalloc_huge(5u << 20);
	memset(big, 7, 5u << 20);
	CHECK(big[(5u << 20) - 1] == 7);
	free(big);
}

static void test_fmt_double(void)
{
	char buf[32];
	fmt_double(buf, sizeof buf, 0.1);
	CHECK_STR(buf, "0.1");
	fmt_double(buf, sizeof buf, 150000);
	CHECK_STR(buf, "150000");
	fmt_double(buf, sizeof buf, 1.16e9);
	CHECK_STR(buf, "1160000000");
	fmt_double(buf, sizeof buf, 7.1429);
	CHECK_STR(buf, "7.1429");
	/* Short decimals and everything else: the shortcuts must print what
	 * the shortest round-tripping %g prints. */
	unsigned seed = 99;
	for (int i = 0; i < 200000; i++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 8;
		double v;
		if (i % 3 == 0) {
			static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12 };
			v = (double)(r % 100000000) / p10[i % 13];
		} else if (i % 3 == 1) {
			v = (double)r * 1.000000001 / (double)(1 + (i % 997));
		} else {
			uint64_t bits = ((uint64_t)r << 40) ^ ((uint64_t)seed * 2654435761u);
			memcpy(&v, &bits, sizeof v);
			if (!isfinite(v))
				continue;
		}
		if (i % 5 == 0)
			v = -v;
		if (!prints_as_printf(v))
			break;
	}
	/* Short decimals of up to 15 digits with 1 to 10 of them after the
	 * point, and their neighbours: the one try at the largest scale
	 * must print what printf prints. */
	for (int i = 0; i < 300000; i++) {
		static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10 };
		seed = seed * 1103515245u + 12345u;
		uint64_t k = (((uint64_t)seed << 20) ^ (uint64_t)(seed * 2654435761u)) %
			     (uint64_t)p10[5 + i % 6] * (uint64_t)p10[i % 5 ? 4 : 3];
		double v = (double)k / p10[1 + (seed >> 4) % 10];
		if (i % 7 == 1)
			v = nextafter(v, 0);
		if (i % 7 == 2)
			v = nextafter(v, 1e300);
		if (!prints_as_printf(v))
			break;
	}
	/* Long decimals (derived values: 3840 * 123 / 312) are written from
	 * exact integer arithmetic; random mantissas at every binary exponent
	 * from 1e-4 to 1e15, and their neighbours, against printf. */
	for (int i = 0; i < 600000; i++) {
		seed = seed * 1103515245u + 12345u;
		uint64_t mant = ((uint64_t)seed << 21) ^ ((uint64_t)(seed * 2654435761u) >> 3);
		int e2 = (int)(seed % 64) - 14;
		double v = ldexp((double)((mant & ((1ULL << 52) - 1)) | (1ULL << 52)), e2 - 52);
		if (i % 4 == 1)
			v = nextafter(v, 0);
		if (i % 4 == 2)
			v = (double)(seed % 100000) * 3.0 / 7.0;
		if (i % 9 == 0)
			v = -v;
		if (!(fabs(v) >= 1e-4 && fabs(v) < 1e15))
			continue;
		if (!prints_as_printf(v))
			break;
	}
	/* Large whole numbers (FLOP counts, 2^53 to 1e36) likewise: random
	 * mantissas at every binary exponent, their neighbours, short
	 * decimals (1.35e21), powers of ten and two. */
	for (int i = 0; i < 400000; i++) {
		seed = seed * 1103515245u + 12345u;
		uint64_t mant = ((uint64_t)seed << 21) ^ ((uint64_t)(seed * 2654435761u) >> 3);
		int e2 = 53 + (int)(seed % 68);
		double v = ldexp((double)((mant & ((1ULL << 52) - 1)) | (1ULL << 52)), e2 - 52);
		if (i % 4 == 1)
			v = nextafter(v, 0);
		if (i % 4 == 2)
			v = (double)(seed % 100000) * pow(10, 12 + (int)(seed >> 7) % 25);
		if (i % 4 == 3)
			v = (seed & 1 ? pow(10, 16 + (int)(seed >> 9) % 21)
				      : ldexp(1, 53 + (int)(seed >> 9) % 67));
		if (i % 9 == 0)
			v = -v;
		if (!prints_as_printf(v))
			break;
	}
	/* sb_add_g against printf, over magnitudes from 1e-16 to 1e23. */
	for (int i = 0; i < 300000; i++) {
		seed = seed * 1103515245u + 12345u;
		double mant = 1 + (double)(seed >> 8) / (double)(1u << 24) * 9;
		int ex = (int)((seed >> 3) % 40) - 17;
		double v = mant * pow(10, ex);
		if (i % 7 == 0)
			v = floor(v * 1000) / 1000; /* ties and short decimals */
		if (i % 11 == 0)
			v = -v;
		int prec = 1 + i % 6;
		char want[64];
		snprintf(want, sizeof want, "%.*g", prec, v);
		struct strbuf g = STRBUF_INIT;
		sb_add_g(&g, v, prec);
		if (strcmp(sb_str(&g), want)) {
			CHECK_STR(sb_str(&g), want);
			sb_release(&g);
			break;
		}
		sb_release(&g);
	}
	/* Whole numbers take a shortcut that must print what the shortest
	 * round-tripping %g prints. */
	const double whole[] = { 0, -0.0, 1, -1, 24, 1152, 150000, -987654321,
				 999999999999999.0, -999999999999999.0, 1e15, 1e16,
				 4503599627370496.0, 123456789012345.0 };
	for (size_t i = 0; i < sizeof whole / sizeof *whole; i++) {
		char want[64];
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(want, sizeof want, "%.*g", prec, whole[i]);
			if (strtod(want, NULL) == whole[i])
				break;
		}
		fmt_double(buf, sizeof buf, whole[i]);
		CHECK_STR(buf, want);
	}
}

static int cmp_i64(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* sort_i64 against qsort: negatives, duplicates, extremes, sizes from 0. */
static void test_sort_i64(void)
{
	unsigned long long r = 88172645463325252ULL;
	for (size_t n = 0; n < 3000; n = n * 2 + 1) {
		long long *a = xmalloc((n + 1) * sizeof *a), *b = xmalloc((n + 1) * sizeof *b);
		for (size_t i = 0; i < n; i++) {
			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			if (i % 5 == 0)
				a[i] = (long long)(r % 7) - 3; /* duplicates near 0 */
			else if (i % 11 == 0)
				a[i] = i % 2 ? LLONG_MAX : LLONG_MIN;
			else
				a[i] = (long long)r;
			b[i] = a[i];
		}
		sort_i64(a, n);
		qsort(b, n, sizeof *b, cmp_i64);
		CHECK(!n || !memcmp(a, b, n * sizeof *a));
		free(a);
		free(b);
	}
}

static void test_utf8(void)
{
	size_t bad = 99;
	CHECK(utf8_valid("plain", 5, &bad));
	CHECK(utf8_valid("118\xc3\x97", 5, &bad));
	CHECK(!utf8_valid("ab\xff", 3, &bad) && bad == 2);
	CHECK(!utf8_valid("\xc0\xaf", 2, &bad) && bad == 0);        /* overlong */
	CHECK(!utf8_valid("\xed\xa0\x80", 3, &bad));                /* surrogate */
	CHECK(!utf8_valid("x\xe2\x82", 3, &bad) && bad == 1);       /* truncated */
	CHECK(utf8_valid("\xf0\x9f\x98\x80", 4, &bad));
}

static void test_claim_names(void)
{
	enum quantity q;
	CHECK(quantity_parse("compute", &q) == 0 && q == Q_COMPUTE);
	CHECK(quantity_parse("speed", &q) == -1);
	CHECK_STR(quantity_name(Q_MEMORY_GB), "memory_gb");
	CHECK_STR(quantity_unit(Q_COMPUTE), "device-hours");
	enum qualifier ql;
	CHECK(qualifier_parse("approx", &ql) == 0 && ql == QUAL_APPROX);
	CHECK(qualifier_parse("", &ql) == 0 && ql == QUAL_NONE);
	CHECK(qualifier_parse("roughly", &ql) == -1);
	CHECK(dimension_valid("latency") && !dimension_valid("warp"));
}

static void test_claim_copy(void)
{
	struct claim a, b;
	claim_init(&a);
	claim_init(&b);
	claim_set(&a.span, "118\\times lower cost");
	claim_set(&a.dimension, "cost");
	a.quantity = Q_RATIO;
	a.value = 118;
	claim_copy(&b, &a);
	CHECK(b.span != a.span);
	CHECK_STR(b.span, a.span);
	CHECK(b.value == 118 && b.span_start == -1);
	claim_release(&a);
	claim_release(&b);
	struct claim_list l = CLAIM_LIST_INIT;
	for (int i = 0; i < 20; i++)
		claim_set(&claim_list_push(&l)->raw, "x");
	CHECK(l.len == 20);
	claim_list_release(&l);
}

static void test_paper_key(void)
{
	char *k1 = paper_key_for(NULL, "PixArt-$\xce\xb1$: Fast Training");
	char *k2 = paper_key_for(NULL, "pixart-\xce\xb1:  fast   training");
	char *k3 = paper_key_for("2310.00426", "anything");
	CHECK_STR(k1, k2);
	CHECK_STR(k3, "arxiv:2310.00426");
	free(k1);
	free(k2);
	free(k3);
}

static void test_arxiv_ids(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "2401.01234", "2401.01234" },
		{ "2401.01234v2", "2401.01234" },
		{ "arXiv:2401.0123v11", "2401.0123" },
		{ "https://arxiv.org/abs/2407.15811v1", "2407.15811" },
		{ "https://arxiv.org/pdf/2407.15811.pdf", "2407.15811" },
		{ "cs/0112017", "cs/0112017" },
		{ "math.GT/0309136v1", "math.GT/0309136" },
		{ "hep-th/9901001", "hep-th/9901001" },
		{ "not an id", NULL },
		{ "2401.012", NULL },
		{ "../../etc/passwd", NULL },
		{ "", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = arxiv_id_normalise(cases[i].in);
		CHECK_STR(got, cases[i].want);
		free(got);
	}
}

/* Byte-at-a-time folding, the specification text_fold_space's faster
 * loop must match. */
static char *fold_reference(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t len = 0;
	int gap = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			gap = 1;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			gap = 1;
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

static void test_fold_space(void)
{
	const char *s = "  Cheap\n  Training \t of\xc2\xa0Models \n";
	char *f = text_fold_space(s, strlen(s));
	CHECK_STR(f, "Cheap Training of Models");
	free(f);
	const char *cases[] = { "", " ", "\xc2", "a\xc2", "\xc2\xa0", "a\xc2\xa9" "b",
				"x \xc2\xa0\xc2\xa0 y\xc2", "\xc2\xc2\xa0z" };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = text_fold_space(cases[i], strlen(cases[i]));
		char *want = fold_reference(cases[i], strlen(cases[i]));
		CHECK_STR(got, want);
		free(got);
		free(want);
	}
	/* Random strings over the bytes that matter. */
	const char alphabet[] = { 'a', 'b', ' ', '\t', '\n', '\r', (char)0xC2, (char)0xA0, 'z' };
	unsigned seed = 12345;
	char buf[64];
	for (int round = 0; round < 2000; round++) {
		size_t n = (size_t)(round % 40);
		for (size_t k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			buf[k] = alphabet[(seed >> 16) % sizeof alphabet];
		}
		char *got = text_fold_space(buf, n);
		char *want = fold_reference(buf, n);
		CHECK_STR(got, want);
		free(got);
		free(want);
	}
	/* Long stretches of words and single spaces, with the odd byte
	 * (the 16- and 32-byte scans of the folded prefix). */
	char long_buf[200];
	for (int round = 0; round < 2000; round++) {
		size_t n = (size_t)(round % 200);
		for (size_t k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 100;
			long_buf[k] = r < 6 ? alphabet[r + 2] : r < 20 && k && long_buf[k - 1] != ' ' ? ' '
				      : (char)('a' + r % 26);
		}
		char *got = text_fold_space(long_buf, n);
		char *want = fold_reference(long_buf, n);
		CHECK_STR(got, want);
		free(got);
		free(want);
	}
}

static void test_csvread(void)
{
	const char text[] = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\"multi\nline\",2,3\n";
	FILE *f = fmemopen((void *)text, sizeof text - 1, "rb");
	struct csv_reader r;
	struct csv_record rec;
	csv_reader_init(&r, f, "t.csv");
	CHECK(csv_read(&r, &rec) == 1 && rec.n == 3);
	CHECK_STR(rec.field[2], "c");
	CHECK(csv_read(&r, &rec) == 1 && rec.n == 3);
	CHECK_STR(rec.field[0], "x, y");
	CHECK_STR(rec.field[1], "say \"hi\"");
	CHECK_STR(rec.field[2], "");
	CHECK(rec.line[1] == 2 && rec.col[1] == 8);
	CHECK(csv_read(&r, &rec) == 1);
	CHECK_STR(rec.field[0], "multi\nline");
	CHECK(rec.line[1] == 4 && rec.col[1] == 7);
	CHECK(csv_read(&r, &rec) == 0);
	csv_reader_release(&r);
	fclose(f);
}

static void test_csvread_errors(void)
{
	static const char *const bad[] = {
		"a,\"unterminated\n", "a,b\"c\n", "\"x\"y,1\n", "a,\xff\n", "a,b\0c\n",
	};
	static const size_t len[] = { 16, 7, 7, 5, 6 };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		FILE *f = fmemopen((void *)bad[i], len[i], "rb");
		struct csv_reader r;
		struct csv_record rec;
		csv_reader_init(&r, f, "bad.csv");
		CHECK(csv_read(&r, &rec) == -1);
		csv_reader_release(&r);
		fclose(f);
	}
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Flat paper records are read without cJSON's tree; both readings must
 * give the same paper, and records the fast reader cannot read exactly
 * go to cJSON. */
static void test_json_fast(void)
{
	static const struct {
		const char *text;
		int fast; /* 1: the fast reader takes it */
	} cases[] = {
		{ "{\"id\": \"2401.00001v2\", \"title\": \"A  Title\", \"abstract\": \"It costs $5.\", \"update_date\": \"2024-01-02\"}", 1 },
		{ "{\"title\":\"Esc \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t end\",\"abstract\":\"caf\\u00e9 \\u4e2d \\u0041\"}", 1 },
		{ "{\"title\": \"first\", \"title\": \"second\", \"abstract\": \"x\"}", 1 },
		{ "{\"title\": 5, \"display_name\": \"Shown\", \"abstract\": null, \"summary\": \"S\"}", 1 },
		{ "{\"versions\": [{\"v\": \"}\\\"]\"}, [1, 2]], \"title\": \"After nested\", \"n\": -1.5e3, \"t\": true}", 1 },
		{ " \n{ \"doi\" : \"https://doi.org/10.48550/arXiv.2401.00002\" ,\"title\":\"D\" , \"publication_date\":\"2023-05-06\" } \n", 1 },
		{ "{\"title\": \"\", \"abstract\": \"no title\"}", 1 },
		{ "{}", 1 },
		{ "{\"title\": \"emoji \\ud83d\\ude00\"}", 0 },
		{ "{\"ti\\u0074le\": \"escaped key\"}", 0 },
		{ "{\"paper\": {\"title\": \"HF\", \"summary\": \"s\"}}", 0 },
		{ "{\"title\": \"OA\", \"abstract_inverted_index\": {\"a\": [0]}}", 0 },
		{ "{\"title\": \"claim\", \"quantity\": \"params\"}", 0 },
		{ "[{\"title\": \"array\"}]", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *t = cases[i].text;
		struct paper a, b;
		int fast = source_json_paper_fields(t, strlen(t), 1, &a);
		int slow = source_json_paper_fields(t, strlen(t), 0, &b);
		CHECK(slow == 0);
		CHECK(fast == (cases[i].fast ? 0 : 1));
		if (fast == 0) {
			int same = same_str(a.title, b.title) && same_str(a.abstract, b.abstract) &&
				   same_str(a.arxiv_id, b.arxiv_id) && same_str(a.url, b.url) &&
				   same_str(a.date, b.date);
			if (!same)
				fprintf(stderr, "  record %zu: fast [%s|%s] cJSON [%s|%s]\n", i,
					a.title ? a.title : "-", a.abstract ? a.abstract : "-",
					b.title ? b.title : "-", b.abstract ? b.abstract : "-");
			CHECK(same);
		}
		paper_release(&a);
		paper_release(&b);
	}
}

int main(void)
{
	RUN(test_strbuf);
	RUN(test_fmt_double);
	RUN(test_arena);
	RUN(test_addf);
	RUN(test_add_long);
	RUN(test_utf8);
	RUN(test_sort_i64);
	RUN(test_claim_names);
	RUN(test_claim_copy);
	RUN(test_paper_key);
	RUN(test_arxiv_ids);
	RUN(test_fold_space);
	RUN(test_csvread);
	RUN(test_csvread_errors);
	RUN(test_json_fast);
	return UNIT_EXIT();
}

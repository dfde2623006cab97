/* test_escape.c - one escaping function per sink. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "unit.h"

typedef void escaper(struct strbuf *out, const char *s);

/* The escaped form of s, in a static buffer replaced on each call. */
static const char *esc(escaper *fn, const char *s)
{
	static struct strbuf sb = STRBUF_INIT;
	sb_reset(&sb);
	fn(&sb, s);
	return sb_str(&sb);
}

static const char *fname(const char *s, size_t max)
{
	static struct strbuf sb = STRBUF_INIT;
	sb_reset(&sb);
	esc_filename(&sb, s, max);
	return sb_str(&sb);
}

static void test_html(void)
{
	CHECK_STR(esc(esc_html, "<script>alert(1)</script>"),
		  "&lt;script&gt;alert(1)&lt;/script&gt;");
	CHECK_STR(esc(esc_html, "a & \"b\" 'c'"),
		  "a &amp; &quot;b&quot; &#39;c&#39;");
	CHECK_STR(esc(esc_html, "PixArt-\xCE\xB1"), "PixArt-\xCE\xB1");
	/* Invalid UTF-8 and control characters become U+FFFD. */
	CHECK_STR(esc(esc_html, "a\xFFz"), "a\xEF\xBF\xBDz");
	CHECK_STR(esc(esc_html, "a\xC3"), "a\xEF\xBF\xBD");
	CHECK_STR(esc(esc_html, "a\x01z"), "a\xEF\xBF\xBDz");
	CHECK_STR(esc(esc_html, "\xED\xA0\x80"),
		  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	CHECK_STR(esc(esc_html, ""), "");
}

static void test_attr(void)
{
	CHECK_STR(esc(esc_attr, "\" onmouseover=\"x"),
		  "&quot; onmouseover=&quot;x");
	CHECK_STR(esc(esc_attr, "a\nb"), "a b");
}

static void test_url(void)
{
	CHECK_STR(esc(esc_url, "https://arxiv.org/abs/2401.01234"),
		  "https://arxiv.org/abs/2401.01234");
	CHECK_STR(esc(esc_url, "HTTP://x.org/?a=1&b=2"),
		  "HTTP://x.org/?a=1&amp;b=2");
	CHECK_STR(esc(esc_url, "papers/a.html#c-1"), "papers/a.html#c-1");
	CHECK_STR(esc(esc_url, "javascript:alert(1)"), "#");
	CHECK_STR(esc(esc_url, "JaVaScRiPt:alert(1)"), "#");
	CHECK_STR(esc(esc_url, " javascript:alert(1)"), "#");
	CHECK_STR(esc(esc_url, "java\tscript:alert(1)"), "#");
	CHECK_STR(esc(esc_url, "data:text/html,<b>"), "#");
	CHECK_STR(esc(esc_url, "vbscript:x"), "#");
	CHECK_STR(esc(esc_url, ""), "#");
	CHECK_STR(esc(esc_url, "https://x.org/\"><script>"),
		  "https://x.org/&quot;&gt;&lt;script&gt;");
	CHECK_STR(esc(esc_url, "https://x.org/a b"), "https://x.org/a%20b");
}

static void test_csv(void)
{
	CHECK_STR(esc(esc_csv, "plain"), "plain");
	CHECK_STR(esc(esc_csv, "a,b"), "\"a,b\"");
	CHECK_STR(esc(esc_csv, "say \"hi\""), "\"say \"\"hi\"\"\"");
	CHECK_STR(esc(esc_csv, "two\nlines"), "\"two\nlines\"");
	CHECK_STR(esc(esc_csv, "=HYPERLINK(\"x\")"),
		  "\"'=HYPERLINK(\"\"x\"\")\"");
	CHECK_STR(esc(esc_csv, "+1+2"), "\"'+1+2\"");
	CHECK_STR(esc(esc_csv, "@SUM(A1)"), "\"'@SUM(A1)\"");
	CHECK_STR(esc(esc_csv, "-cmd|' /C calc'!A0"),
		  "\"'-cmd|' /C calc'!A0\"");
	CHECK_STR(esc(esc_csv, "\tx"), "\"'\tx\"");
	CHECK_STR(esc(esc_csv, "\rx"), "\"'\rx\"");
	/* Plain numbers stay numbers. */
	CHECK_STR(esc(esc_csv, "-12.5"), "-12.5");
	CHECK_STR(esc(esc_csv, "+3e-7"), "+3e-7");
	CHECK_STR(esc(esc_csv, "-"), "\"'-\"");
	CHECK_STR(esc(esc_csv, "-1e"), "\"'-1e\"");
	CHECK_STR(esc(esc_csv, ""), "");
	CHECK_STR(esc(esc_csv, "x\xFF"), "x\xEF\xBF\xBD");
}

static void test_gnuplot(void)
{
	CHECK_STR(esc(esc_gnuplot, "FID on COCO"), "\"FID on COCO\"");
	CHECK_STR(esc(esc_gnuplot, "a\"b\\c"), "\"a\\\"b\\\\c\"");
	CHECK_STR(esc(esc_gnuplot, "`touch /tmp/pwned`"),
		  "\"'touch /tmp/pwned'\"");
	CHECK_STR(esc(esc_gnuplot, "\"; set output '/tmp/x"),
		  "\"\\\"; set output '/tmp/x\"");
	CHECK_STR(esc(esc_gnuplot, "a\nb\tc"), "\"a b c\"");
	CHECK_STR(esc(esc_gnuplot, NULL), "\"\"");
}

static void test_gnuplot_data(void)
{
	CHECK_STR(esc(esc_gnuplot_data, "GPT-3"), "\"GPT-3\"");
	CHECK_STR(esc(esc_gnuplot_data, "a\"b\nc"), "\"a'b c\"");
	CHECK_STR(esc(esc_gnuplot_data, "`x` \\ {y}"), "\"'x' / (y)\"");
	CHECK_STR(esc(esc_gnuplot_data, "x^2_i"),
		  "\"x\xCB\x86" "2\xEF\xBC\xBFi\"");
	CHECK_STR(esc(esc_gnuplot_data, "R&D@~"),
		  "\"R\xEF\xBC\x86" "D\xEF\xBC\xA0\xE2\x88\xBC\"");
	CHECK_STR(esc(esc_gnuplot_data, ""), "\"-\"");
	const char *s = esc(esc_gnuplot_data, "system(\"touch x\")");
	CHECK(strchr(s + 1, '"') == s + strlen(s) - 1);
}

static void test_filename(void)
{
	CHECK_STR(fname("PixArt-\xCE\xB1: Fast Training", 60),
		  "pixart-fast-training");
	CHECK_STR(fname("../../etc/passwd", 60), "etc-passwd");
	CHECK_STR(fname("..", 60), "untitled");
	CHECK_STR(fname("", 60), "untitled");
	CHECK_STR(fname(NULL, 60), "untitled");
	CHECK_STR(fname("<script>alert(1)</script>", 60),
		  "script-alert-1-script");
	CHECK_STR(fname("abc def ghi", 7), "abc-def");
	CHECK_STR(fname("abcd efgh", 5), "abcd");
	CHECK_STR(fname("--a--", 60), "a");
	CHECK(strlen(fname("a very long title that keeps going and going "
			   "and going", 16)) <= 16);
	CHECK_STR(fname("x", 0), "x");
	/* Cut at a word boundary when one is near. */
	CHECK_STR(fname("diffusion transformer photorealistic", 30),
		  "diffusion-transformer");
	CHECK_STR(fname("abcdefghij", 4), "abcd");
	CHECK_STR(fname("ab cdefghij", 6), "ab-cde");
}

static void test_json(void)
{
	CHECK_STR(esc(esc_json, "a\"b\\c"), "\"a\\\"b\\\\c\"");
	CHECK_STR(esc(esc_json, "l1\nl2\t\x01"), "\"l1\\nl2\\t\\u0001\"");
	CHECK_STR(esc(esc_json, "</script>"), "\"</script>\"");
	CHECK_STR(esc(esc_json, "\xCE\xB1\xFF"), "\"\xCE\xB1\xEF\xBF\xBD\"");
	CHECK_STR(esc(esc_json, NULL), "null");
	CHECK_STR(esc(esc_json, ""), "\"\"");
}

static void test_tsv(void)
{
	CHECK_STR(esc(esc_tsv, "a\tb\nc\rd"), "a b c d");
	CHECK_STR(esc(esc_tsv, "x\xFFy"), "x\xEF\xBF\xBDy");
	CHECK_STR(esc(esc_tsv, NULL), "");
}

/* The escaped form of s without the quotes a quoting sink put around it
 * (every string here starts with a plain letter, so CSV adds no guard). */
static void inner(struct strbuf *out, escaper *fn, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	fn(&sb, s);
	const char *t = sb_str(&sb);
	size_t n = sb.len;
	if (n >= 2 && t[0] == '"' && t[n - 1] == '"' && fn != esc_html &&
	    fn != esc_attr && fn != esc_tsv) {
		t++;
		n -= 2;
	}
	sb_add(out, t, n);
	sb_release(&sb);
}

/* Runs of plain text are scanned 16 bytes at a time: every character of
 * interest, at every position of strings of every length up to 40, must
 * come out as it does alone, the plain text around it untouched. */
static void test_every_position(void)
{
	static escaper *const sinks[] = { esc_html, esc_attr, esc_csv, esc_tsv,
					   esc_json, esc_gnuplot, esc_gnuplot_data };
	static const char *const odd[] = { "<", ">", "&", "\"", "'", " ", "`",
					   "\\", "{", "}", "^", "_", "@", "~", ",",
					   "\t", "\n", "\x01", "\x7f", "\xc3\xa9",
					   "\xff", "\xe2\x82" };
	char text[64], alone[8];
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT, part = STRBUF_INIT;
	int bad = 0;
	for (size_t f = 0; f < sizeof sinks / sizeof *sinks && !bad; f++)
		for (size_t o = 0; o < sizeof odd / sizeof *odd && !bad; o++) {
			size_t k = strlen(odd[o]);
			sb_reset(&part);
			snprintf(alone, sizeof alone, "x%s", odd[o]);
			inner(&part, sinks[f], alone);
			for (size_t len = 1; len <= 40 && !bad; len++)
				for (size_t at = 1; at <= len && !bad; at++) {
					memset(text, 'a', at);
					memcpy(text + at, odd[o], k);
					memset(text + at + k, 'b', len - at);
					text[len + k] = '\0';
					sb_reset(&want);
					sb_add(&want, text, at);
					sb_add(&want, sb_str(&part) + 1, part.len - 1);
					sb_add(&want, text + at + k, len - at);
					sb_reset(&got);
					inner(&got, sinks[f], text);
					if (strcmp(sb_str(&got), sb_str(&want))) {
						CHECK_STR(sb_str(&got), sb_str(&want));
						bad = 1;
					}
				}
		}
	sb_release(&want);
	sb_release(&got);
	sb_release(&part);
}

int main(void)
{
	RUN(test_html);
	RUN(test_json);
	RUN(test_tsv);
	RUN(test_attr);
	RUN(test_url);
	RUN(test_csv);
	RUN(test_gnuplot);
	RUN(test_gnuplot_data);
	RUN(test_filename);
	RUN(test_every_position);
	return UNIT_EXIT();
}

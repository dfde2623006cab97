/* Tests of the strict JSON validator, with JSONTestSuite when the shared
 * copy is present (y_ must pass, n_ must fail). */
#include <dirent.h>
#include <stdlib.h>

#include "jsoncheck.h"
#include "unit.h"
#include "util.h"

static int ok(const char *s)
{
	size_t where;
	const char *why;
	return json_check(s, strlen(s), &where, &why) == 0;
}

static void test_basic(void)
{
	CHECK(ok("{\"a\": [1, 2.5e-3, -0, true, false, null, \"x\\u00e9\\ud83d\\ude00\"]}"));
	CHECK(ok("  \"\xc3\x97\"  "));
	CHECK(!ok("{\"a\": 01}"));
	CHECK(!ok("[1,]"));
	CHECK(!ok("{\"a\" 1}"));
	CHECK(!ok("\"tab\there\""));
	CHECK(!ok("\"\\ud800\""));
	CHECK(!ok("[\"\xff\"]"));
	CHECK(!ok("NaN"));
	CHECK(!ok("[1] [2]"));
	CHECK(!ok(""));
	size_t where;
	const char *why;
	CHECK(json_check("[1, 2,,]", 8, &where, &why) == -1 && where == 6);
}

static void test_deep(void)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 100000; i++)
		sb_addc(&sb, '[');
	CHECK(!ok(sb.buf));
	sb_release(&sb);
}

static void test_suite(void)
{
	const char *dir = getenv("JSON_SUITE");
	if (!dir)
		dir = "../shared/testsuites/JSONTestSuite-parsing";
	DIR *d = opendir(dir);
	if (!d) {
		printf("  (JSONTestSuite not found at %s; skipped)\n", dir);
		return;
	}
	struct dirent *e;
	int y = 0, n = 0;
	while ((e = readdir(d))) {
		char kind = e->d_name[0];
		if ((kind != 'y' && kind != 'n') || e->d_name[1] != '_')
			continue;
		struct strbuf path = STRBUF_INIT;
		char *text;
		size_t len, where;
		const char *why;
		sb_addf(&path, "%s/%s", dir, e->d_name);
		if (read_file(path.buf, &text, &len) == 0) {
			int accepted = json_check(text, len, &where, &why) == 0;
			if (accepted != (kind == 'y'))
				printf("  %s: %s\n", e->d_name, accepted ? "accepted" : why);
			CHECK(accepted == (kind == 'y'));
			kind == 'y' ? y++ : n++;
			free(text);
		}
		sb_release(&path);
	}
	closedir(d);
	CHECK(y == 95 && n == 188);
}

/* The first \u0000 escape, in a value or a key, is found by the check:
 * not an escaped backslash before "u0000", not "\u00001" read wrongly. */
static void test_nul_escape(void)
{
	static const struct {
		const char *text;
		size_t nul; /* (size_t)-1: none */
	} cases[] = {
		{ "{\"a\":\"x\\u0000y\"}", 7 },
		{ "{\"a\\u0000\":1}", 3 },
		{ "[\"\\\\u0000\"]", (size_t)-1 },
		{ "[\"\\u0001\", \"\\u0000\", \"\\u0000\"]", 12 },
		{ "{\"abstract\":\"no escapes at all\"}", (size_t)-1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = strlen(cases[i].text), where, nul;
		const char *why;
		CHECK(json_check_nul(cases[i].text, n, &where, &why, &nul) == 0);
		CHECK(nul == (cases[i].nul == (size_t)-1 ? n : cases[i].nul));
	}
}

/* Long strings, scanned 16 and 32 bytes at a time: a byte that needs a
 * look (an escape, a control byte, UTF-8 valid or not, the closing
 * quote) at every position of the first 100, and the error's offset. */
static void test_long_strings(void)
{
	char buf[160];
	for (size_t len = 0; len < 100; len++) {
		for (size_t at = 0; at <= len; at++) {
			size_t where;
			const char *why;
			/* a run of 'a' with one special byte sequence at `at` */
			static const struct {
				const char *seq;
				int valid;
			} seqs[] = {
				{ "\\\"", 1 }, { "\xc3\xa9", 1 }, { "\x01", 0 },
				{ "\xff", 0 }, { "\\u0041", 1 }, { "\xe2\x82", 0 },
			};
			for (size_t k = 0; k < sizeof seqs / sizeof *seqs; k++) {
				size_t n = 0, sl = strlen(seqs[k].seq);
				buf[n++] = '"';
				memset(buf + n, 'a', at);
				n += at;
				memcpy(buf + n, seqs[k].seq, sl);
				n += sl;
				memset(buf + n, 'a', len - at);
				n += len - at;
				buf[n++] = '"';
				int rc = json_check(buf, n, &where, &why);
				CHECK((rc == 0) == seqs[k].valid);
				if (rc)
					CHECK(where == 1 + at);
			}
		}
		/* unterminated */
		size_t where;
		const char *why;
		buf[0] = '"';
		memset(buf + 1, 'a', len);
		CHECK(json_check(buf, 1 + len, &where, &why) == -1);
	}
}

int main(void)
{
	RUN(test_long_strings);
	RUN(test_nul_escape);
	RUN(test_basic);
	RUN(test_deep);
	RUN(test_suite);
	return UNIT_EXIT();
}

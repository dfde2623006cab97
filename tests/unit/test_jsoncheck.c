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

int main(void)
{
	RUN(test_basic);
	RUN(test_deep);
	RUN(test_suite);
	return UNIT_EXIT();
}

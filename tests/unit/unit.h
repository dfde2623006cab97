/* unit.h - a minimal unit-test harness.  Each test binary prints one line
 * per failed check and one "PASS name" / "FAIL name" line per test; the
 * runner in tests/run.sh counts them. */
#ifndef EFFDASH_UNIT_H
#define EFFDASH_UNIT_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int unit_failed_checks;
static int unit_tests_failed;

#define CHECK(cond)                                                     \
	do {                                                            \
		if (!(cond)) {                                          \
			unit_failed_checks++;                           \
			printf("  %s:%d: check failed: %s\n", __FILE__, \
			       __LINE__, #cond);                        \
		}                                                       \
	} while (0)

#define CHECK_STR(got, want)                                                 \
	do {                                                                 \
		const char *g_ = (got), *w_ = (want);                        \
		if ((g_ == NULL) != (w_ == NULL) || (g_ && strcmp(g_, w_))) { \
			unit_failed_checks++;                                \
			printf("  %s:%d: %s is \"%s\", want \"%s\"\n",       \
			       __FILE__, __LINE__, #got, g_ ? g_ : "(null)", \
			       w_ ? w_ : "(null)");                          \
		}                                                            \
	} while (0)

#define CHECK_NUM(got, want)                                                   \
	do {                                                                   \
		double g_ = (got), w_ = (want);                                \
		if (!(fabs(g_ - w_) <= 1e-4 * fmax(fabs(w_), 1e-9))) {         \
			unit_failed_checks++;                                  \
			printf("  %s:%d: %s is %.10g, want %.10g\n", __FILE__, \
			       __LINE__, #got, g_, w_);                        \
		}                                                              \
	} while (0)

#define RUN(fn)                                              \
	do {                                                 \
		int before_ = unit_failed_checks;            \
		fn();                                        \
		if (unit_failed_checks == before_) {         \
			printf("PASS %s\n", #fn);            \
		} else {                                     \
			unit_tests_failed++;                 \
			printf("FAIL %s\n", #fn);            \
		}                                            \
	} while (0)

#define UNIT_EXIT() (fflush(stdout), unit_tests_failed ? 1 : 0)

#endif

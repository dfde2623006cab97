/* libFuzzer entry: the reader of make bench's results CSV (perf.c). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"
#include "perf.h"
#include "util.h"

static char path[] = "/tmp/effdash-fuzz-perf-XXXXXX";

static void remove_file(void)
{
	unlink(path);
}

/* Read every field, so sanitizers see a bad string or number. */
static void touch_rows(const struct perf_results *r)
{
	double sum = 0;
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct perf_row *row = &r->rows[i];
		n += fuzz_touch(row->stage) + fuzz_touch(row->ratio_to);
		sum += row->papers + row->bytes + row->seconds + row->mb_per_s +
		       row->items_per_s + row->peak_rss_kb + row->ratio;
	}
	if (n == (size_t)-1 && sum == 0)
		abort(); /* never: keeps the reads */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	if (fd < 0) {
		fd = mkstemp(path);
		if (fd < 0)
			abort();
		atexit(remove_file);
	}
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	struct perf_results r;
	if (perf_results_load(&r, path) == 0) {
		touch_rows(&r);
		perf_results_release(&r);
	}
	return 0;
}

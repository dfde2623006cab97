/* libFuzzer entry: the listing reader on an in-memory file. */
#include <string.h>

#include "fuzz.h"
#include "source_impl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t touched = 0;
	struct source_sink sink = { fuzz_paper, fuzz_claim, &touched };
	struct source_stats stats;
	struct source_start start = { 0, 0, 0, NULL };
	memset(&stats, 0, sizeof stats);
	FILE *f = fmemopen((void *)data, size ? size : 1, "rb");
	if (!f)
		return 0;
	if (size)
		source_read_listing(f, "fuzz", &start, &sink, &stats);
	/* Reading again from the resume point the first read gave. */
	if (size && stats.resume_offset > 0 && (size_t)stats.resume_offset <= size &&
	    !fseeko(f, (off_t)stats.resume_offset, SEEK_SET)) {
		struct source_start again = { stats.resume_offset, stats.resume_line, 0, NULL };
		memset(&stats, 0, sizeof stats);
		source_read_listing(f, "fuzz", &again, &sink, &stats);
	}
	fclose(f);
	return 0;
}

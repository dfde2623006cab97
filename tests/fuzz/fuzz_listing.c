/* libFuzzer entry: the listing reader on an in-memory file. */
#include <string.h>

#include "fuzz.h"
#include "source_impl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t touched = 0;
	struct source_sink sink = { fuzz_paper, fuzz_claim, &touched };
	struct source_stats stats;
	memset(&stats, 0, sizeof stats);
	FILE *f = fmemopen((void *)data, size ? size : 1, "rb");
	if (!f)
		return 0;
	if (size)
		source_read_listing(f, "fuzz", &sink, &stats);
	fclose(f);
	return 0;
}

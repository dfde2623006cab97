/* libFuzzer entry: the accelerator reference-table reader. */
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"
#include "normalize.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[] = "/tmp/effdash-fuzz-ref-XXXXXX";
	static int made;
	if (!made && !mkdtemp(dir))
		return 0;
	made = 1;
	struct strbuf path = STRBUF_INIT;
	sb_addf(&path, "%s/accelerators.csv", dir);
	FILE *f = fopen(path.buf, "wb");
	if (f) {
		fwrite(data, 1, size, f);
		fclose(f);
		struct dataset ds;
		dataset_init(&ds);
		normalize_load_reference(dir, &ds);
		dataset_release(&ds);
	}
	sb_release(&path);
	return 0;
}

/* libFuzzer entry: the extractor over one abstract (not NUL-terminated). */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so reading past the end is caught. */
	char *text = malloc(size ? size : 1);
	memcpy(text, data, size);
	struct claim_list l = CLAIM_LIST_INIT;
	extract_claims(text, size, &l);
	for (size_t i = 0; i < l.len; i++) {
		const struct claim *c = &l.items[i];
		if (c->span_start < 0 || c->span_end < c->span_start ||
		    (size_t)c->span_end > size ||
		    strncmp(c->span, text + c->span_start, (size_t)(c->span_end - c->span_start)))
			abort();
	}
	claim_list_release(&l);
	free(text);
	return 0;
}

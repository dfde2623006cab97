/* libFuzzer entry: the figure parser on one NUL-terminated text. */
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	for (int hint = 0; hint < Q__COUNT; hint += 3) {
		struct claim c;
		struct figure_error e;
		claim_init(&c);
		figure_parse(text, (enum quantity)hint, &c, &e);
		claim_release(&c);
	}
	hardware_normalise(text, size);
	free(text);
	return 0;
}

/* replay.c - run a libFuzzer entry point over files, without libFuzzer.
 *
 * Linked with one fuzz_NAME.c by the ordinary build, so `make check` (and
 * its sanitizer and valgrind runs) replays the seeds and every past
 * finding with whichever compiler built effdash.  usage: replay FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int replay(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, len = 0, n;
	unsigned char *buf = malloc(cap);
	if (!buf)
		abort();
	while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			if (!(buf = realloc(buf, cap)))
				abort();
		}
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		perror(path);
		free(buf);
		return -1;
	}
	/* An exact-size copy, so a read past the end is caught. */
	unsigned char *data = malloc(len ? len : 1);
	if (!data)
		abort();
	memcpy(data, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;
	for (int i = 1; i < argc; i++)
		if (replay(argv[i]))
			status = 1;
	return status;
}

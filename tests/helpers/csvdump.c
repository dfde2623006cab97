/* csvdump.c - print the records the CSV reader reads from FILE, one line
 * per record, each field as lower-case hex between spaces ("-" for an
 * empty field), for tests/csvspec.sh to compare with an independent
 * reading.  Exit status 1 (after the reader's message) on a syntax error.
 * usage: csvdump FILE */
#include <stdio.h>

#include "csvread.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: csvdump FILE\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	struct csv_reader r;
	struct csv_record rec;
	int rc;
	csv_reader_init(&r, f, argv[1]);
	while ((rc = csv_read(&r, &rec)) > 0) {
		for (size_t i = 0; i < rec.n; i++) {
			const unsigned char *p = (const unsigned char *)rec.field[i];
			fputs(i ? " " : "", stdout);
			if (!*p)
				putchar('-');
			for (; *p; p++)
				printf("%02x", *p);
		}
		putchar('\n');
	}
	csv_reader_release(&r);
	fclose(f);
	if (fflush(stdout) || ferror(stdout))
		return 1;
	return rc < 0 ? 1 : 0;
}

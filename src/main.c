/* main.c - parse global options and dispatch to a subcommand. */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"

#define EFFDASH_VERSION "0.1.0"

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv, const struct global_opts *g);
	const char *summary;
} commands[] = {
	{ "ingest", cmd_ingest, "read papers and claims into the database" },
	{ "claims", cmd_claims, "print every stored claim (JSON Lines or CSV)" },
	{ "figure", cmd_figure, "parse the figures in a piece of text" },
	{ "report", cmd_report, "write CSV exports, charts and the site" },
	{ "explain", cmd_explain, "show how a claim's values were derived" },
};

static void usage(FILE *out)
{
	fputs("usage: effdash [--db FILE] [--quiet] COMMAND [ARGS]\n"
	      "       effdash --help | --version\n\n"
	      "Turns the efficiency claims of machine-learning papers into\n"
	      "comparable numbers, CSV exports, charts and a static site.\n\n"
	      "commands:\n", out);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\noptions:\n"
	      "  --db FILE   database (default " DEFAULT_DB ")\n"
	      "  --quiet     no progress or summary messages\n"
	      "\n'effdash COMMAND --help' describes a command.\n", out);
}

static int finish(int status)
{
	/* Output that could not be written is an error (a full disk, a
	 * closed pipe). */
	errno = 0;
	if (fflush(stdout) || ferror(stdout)) {
		err("cannot write standard output: %s", errno ? strerror(errno) : "write error");
		return EXIT_FAIL;
	}
	return status;
}

int main(int argc, char **argv)
{
	struct global_opts g = { DEFAULT_DB, 0 };
	int i = 1;
	/* Per-paper buffers are allocated and freed at the top of the heap
	 * millions of times; by default glibc hands that memory back to the
	 * system after each free and faults it in again on the next malloc,
	 * which was most of the system time of a large ingest.  (For a
	 * build with glibc's malloc, MALLOC_LIB= in the Makefile: with
	 * mimalloc these settings change nothing.) */
	mallopt(M_TRIM_THRESHOLD, 32 << 20);
	mallopt(M_TOP_PAD, 4 << 20);
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return finish(EXIT_OK);
		} else if (!strcmp(argv[i], "--version")) {
			puts("effdash " EFFDASH_VERSION);
			return finish(EXIT_OK);
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			g.db = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			g.db = argv[i] + 5;
		} else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
			g.quiet = 1;
			diag_quiet = 1;
		} else {
			err("unknown option '%s' (see 'effdash --help')", argv[i]);
			return EXIT_USAGE;
		}
	}
	if (i == argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	for (size_t k = 0; k < sizeof commands / sizeof *commands; k++)
		if (!strcmp(argv[i], commands[k].name))
			return finish(commands[k].fn(argc - i, argv + i, &g));
	err("unknown command '%s' (see 'effdash --help')", argv[i]);
	return EXIT_USAGE;
}

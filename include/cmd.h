/* cmd.h - the subcommands behind main.c, and the exit statuses. */
#ifndef EFFDASH_CMD_H
#define EFFDASH_CMD_H

enum exit_status {
	EXIT_OK = 0,
	EXIT_FAIL = 1,    /* an error: input refused, nothing changed */
	EXIT_USAGE = 2,   /* bad command line */
	EXIT_PARTIAL = 3  /* done, but some records were reported and skipped */
};

struct global_opts {
	const char *db; /* database path */
	int quiet;
};

#define DEFAULT_DB "output/effdash.db"

int cmd_ingest(int argc, char **argv, const struct global_opts *g);
int cmd_claims(int argc, char **argv, const struct global_opts *g);
int cmd_figure(int argc, char **argv, const struct global_opts *g);
int cmd_report(int argc, char **argv, const struct global_opts *g);
int cmd_explain(int argc, char **argv, const struct global_opts *g);


#endif

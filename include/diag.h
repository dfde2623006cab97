/* diag.h - the one place that prints diagnostics. */
#ifndef EFFDASH_DIAG_H
#define EFFDASH_DIAG_H

/* "effdash: FILE:LINE:COL: message" on stderr.  line or col 0 = omitted. */
void err_at(const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "effdash: message" on stderr. */
void err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "effdash: warning: message" on stderr, unless diag_quiet is set. */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_at(const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Number of err/err_at calls so far (for exit statuses). */
long diag_errors(void);

extern int diag_quiet;

#endif

/* diag.c - diagnostics in the form "effdash: file:line:col: message". */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

int diag_quiet;
static long error_count;

static void vreport(const char *kind, const char *file, long line, long col,
		    const char *fmt, va_list ap)
{
	fputs("effdash: ", stderr);
	if (file) {
		fputs(file, stderr);
		if (line > 0)
			fprintf(stderr, ":%ld", line);
		if (line > 0 && col > 0)
			fprintf(stderr, ":%ld", col);
		fputs(": ", stderr);
	}
	if (kind)
		fputs(kind, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void err_at(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	error_count++;
	va_start(ap, fmt);
	vreport(NULL, file, line, col, fmt, ap);
	va_end(ap);
}

void err(const char *fmt, ...)
{
	va_list ap;
	error_count++;
	va_start(ap, fmt);
	vreport(NULL, NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	if (diag_quiet)
		return;
	va_start(ap, fmt);
	vreport("warning: ", NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void warn_at(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	if (diag_quiet)
		return;
	va_start(ap, fmt);
	vreport("warning: ", file, line, col, fmt, ap);
	va_end(ap);
}

long diag_errors(void)
{
	return error_count;
}

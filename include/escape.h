/* escape.h - one escaping function per output sink.  Every piece of
 * untrusted text (titles, abstracts, metric and dataset names, ids) goes
 * through the function for the sink it is written to. */
#ifndef EFFDASH_ESCAPE_H
#define EFFDASH_ESCAPE_H

#include <stddef.h>

#include "util.h"

/* HTML text content: & < > " ' escaped. */
void esc_html(struct strbuf *out, const char *s);
/* HTML attribute value (to be written inside double quotes). */
void esc_attr(struct strbuf *out, const char *s);
/* A URL for href: only http(s) and relative URLs pass; anything else
 * (javascript:, data:, ...) becomes "#".  Attribute-escaped. */
void esc_url(struct strbuf *out, const char *s);
/* One CSV cell per RFC 4180, quoted when needed, with a leading ' added
 * when the cell starts with = + - @ tab or CR (spreadsheet formula
 * injection) unless the whole cell is a plain number. */
void esc_csv(struct strbuf *out, const char *s);
/* A gnuplot double-quoted string literal, quotes included: backslash,
 * double quote, backtick and control characters neutralised. */
void esc_gnuplot(struct strbuf *out, const char *s);
/* A field of a gnuplot data file, double-quoted, with no character that
 * gnuplot could interpret (quotes, newlines, enhanced-text markup). */
void esc_gnuplot_data(struct strbuf *out, const char *s);
/* A JSON string literal, quotes included (RFC 8259): quote, backslash and
 * control characters escaped, invalid UTF-8 replaced.  NULL becomes
 * null. */
void esc_json(struct strbuf *out, const char *s);
/* A field of a tab-separated line: tabs, newlines and other control
 * characters become spaces, so the field never splits its line. */
void esc_tsv(struct strbuf *out, const char *s);
/* A safe file-name stem: [a-z0-9-] only, at most max bytes, never empty,
 * never "." or "..". */
void esc_filename(struct strbuf *out, const char *s, size_t max);

#endif

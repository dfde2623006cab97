/* jsoncheck.h - strict RFC 8259 validation of one JSON text, run before
 * cJSON (which accepts some invalid input) parses it. */
#ifndef EFFDASH_JSONCHECK_H
#define EFFDASH_JSONCHECK_H

#include <stddef.h>

/* Nesting deeper than this is refused (a stack-exhaustion guard). */
#define JSON_MAX_DEPTH 512

/* Is text[0..n) exactly one JSON value (surrounded by optional white
 * space), in valid UTF-8?  On failure returns -1, *where is the byte offset
 * of the problem and *why a static lower-case message. */
int json_check(const char *text, size_t n, size_t *where, const char **why);

/* json_check, and when text is valid *nul is the offset of the first
 * \u0000 escape inside one of its strings, or n when there is none.
 * cJSON ends its C strings there, so a record holding one would silently
 * lose the rest of the string.  Found by the check's own walk over the
 * escapes, not by another search of the text. */
int json_check_nul(const char *text, size_t n, size_t *where, const char **why,
		   size_t *nul);

#endif

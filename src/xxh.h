/* xxh.h - XXH3 through the library's runtime dispatch.  On x86 the plain
 * entry points of Debian's libxxhash run SSE2 code; the _dispatch ones,
 * which xxh_x86dispatch.h substitutes for them, pick AVX2 (or AVX-512)
 * code when the processor has it: a third of the instructions for an
 * abstract.  The hash values are the same either way. */
#ifndef EFFDASH_XXH_H
#define EFFDASH_XXH_H

#include <xxhash.h>
#if (defined(__x86_64__) || defined(__i386__)) && defined(__has_include)
#if __has_include(<xxh_x86dispatch.h>)
#include <xxh_x86dispatch.h>
#endif
#endif

#endif

/* util.h - allocation that never fails, a growable string buffer, BUG(). */
#ifndef EFFDASH_UTIL_H
#define EFFDASH_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/* AVX2: where the compiler can build functions for it (the target
 * attribute) on x86-64, EFFDASH_AVX2 is defined and cpu_avx2() says
 * whether the processor running the program has it, so one binary runs
 * everywhere.  The files that use it include <immintrin.h>. */
#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define EFFDASH_AVX2 1
static inline int cpu_avx2(void)
{
	return __builtin_cpu_supports("avx2");
}
#endif

/* Allocation wrappers: abort with a message on out-of-memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Copy of s[0..n), NUL-terminated. */
char *xstrndup(const char *s, size_t n);

/* Broken invariant: print file:line and abort.  Never for user errors. */
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void bug_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A growable, always NUL-terminated byte string. */
struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_init(struct strbuf *sb);
void sb_release(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
/* Room for need bytes (text and NUL) in all: the slow path of sb_grow. */
void sb_grow_to(struct strbuf *sb, size_t need);

/* Appends are inline: most add a few bytes to a buffer with room, and a
 * report makes hundreds of millions of them. */
static inline void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 > sb->alloc)
		sb_grow_to(sb, sb->len + extra + 1);
}

static inline void sb_add(struct strbuf *sb, const char *data, size_t n)
{
	sb_grow(sb, n);
	if (n) /* data may be the NULL of an empty buffer */
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

static inline void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

static inline void sb_addc(struct strbuf *sb, char c)
{
	sb_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}
/* The decimal digits of u (no NUL) into buf, which holds 20; returns
 * how many. */
size_t fmt_ulong(char *buf, unsigned long long u);
/* Append v in decimal ("%lld") / as 16 lower-case hex digits ("%016llx"),
 * without printf. */
void sb_add_long(struct strbuf *sb, long long v);
void sb_add_hex64(struct strbuf *sb, unsigned long long v);
/* v as 16 lower-case hex digits and a NUL ("%016llx", without printf). */
void hex64(char out[17], unsigned long long v);
/* The fingerprint of size bytes whose XXH3 is hash, as the database keeps
 * it: "SIZE:xxh3:HASH" (at most 46 bytes and a NUL). */
void fingerprint_text(char out[64], unsigned long long size, unsigned long long hash);
/* Append v exactly as printf's "%.<prec>g" would (prec 1 to 6), mostly
 * without printf. */
void sb_add_g(struct strbuf *sb, double v, int prec);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* The buffer's text; "" for an empty buffer (never NULL). */
const char *sb_str(const struct strbuf *sb);
/* Hand the buffer to the caller, who frees it; sb is left empty. */
char *sb_detach(struct strbuf *sb);

/* An arena of strings freed all at once: what a report loads (millions
 * of short strings) costs one allocation per 2 MiB instead of one per
 * string, few page faults (the chunks ask for huge pages), and nothing to
 * free one by one.  One thread at a time. */
struct arena_chunk;
struct arena {
	struct arena_chunk *chunks;
	char *next;
	size_t left;
};

#define ARENA_INIT { NULL, NULL, 0 }

/* n bytes for a large array written once through (freed with free()):
 * backed by huge pages where the system gives them, so filling it takes
 * one page fault per 2 MiB instead of one per 4 KiB. */
void *xmalloc_huge(size_t n);

/* A NUL-terminated copy of s[0..n) in a. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Give every chunk of from to to; from is left empty. */
void arena_take(struct arena *to, struct arena *from);
void arena_release(struct arena *a);

/* Format a double in the shortest form that reads back exactly
 * ("%.17g" trimmed), never in a locale-dependent way.  buf >= 32 bytes. */
void fmt_double(char *buf, size_t size, double v);

/* XXH3 of bytes / of a string, seeded with an earlier result (h), for
 * fingerprints and digests built field by field: a missing string and an
 * empty one differ.  Change detection, not security. */
unsigned long long hash_bytes(unsigned long long h, const void *data, size_t n);
unsigned long long hash_text(unsigned long long h, const char *s);

/* Read a whole file into a NUL-terminated buffer; returns 0 or -1 with
 * errno set.  *len gets the length (the file may contain NULs). */
int read_file(const char *path, char **out, size_t *len);

/* Is s[0..n) valid UTF-8?  On failure *bad is the offset of the first
 * invalid byte. */
int utf8_valid(const char *s, size_t n, size_t *bad);

/* Sort n signed 64-bit integers ascending: a radix sort, eight bits a
 * pass, passes where every value has the same byte skipped. */
void sort_i64(long long *v, size_t n);

#endif

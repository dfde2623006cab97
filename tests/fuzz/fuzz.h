/* fuzz.h - shared bits of the libFuzzer entry points. */
#ifndef EFFDASH_FUZZ_H
#define EFFDASH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "claim.h"
#include "paper.h"
#include "source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Sink callbacks that read every field (so sanitizers see bad strings). */
static inline size_t fuzz_touch(const char *s)
{
	size_t n = 0;
	while (s && s[n])
		n++;
	return n;
}

static inline int fuzz_paper(void *ctx, struct paper *p)
{
	*(size_t *)ctx += fuzz_touch(p->title) + fuzz_touch(p->abstract) +
			  fuzz_touch(p->arxiv_id) + fuzz_touch(p->date);
	return 0;
}

static inline int fuzz_claim(void *ctx, struct paper *p, struct claim *c)
{
	*(size_t *)ctx += fuzz_touch(p->title) + fuzz_touch(c->raw) +
			  fuzz_touch(c->unit) + fuzz_touch(c->span);
	return 0;
}

#endif

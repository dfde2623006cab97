/* claim.c - the claim record and the names of its vocabulary. */
#include "claim.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const quantity_names[Q__COUNT] = {
	"none", "cost_usd", "compute", "params", "tokens",
	"data_size", "memory_gb", "ratio", "quality",
};

static const char *const quantity_units[Q__COUNT] = {
	NULL, "USD", "device-hours", "count", "tokens",
	"count", "GB", "x", NULL,
};

static const char *const qualifier_names[] = {
	NULL, "upper_bound", "lower_bound", "approx",
};

static const char *const curation_names[] = {
	"add", "confirm", "correct", "reject",
};

static const char *const dimensions[] = {
	"cost", "time", "memory", "params", "tokens", "data", "flops",
	"energy", "latency", "storage", "compute",
};

void claim_init(struct claim *c)
{
	memset(c, 0, sizeof *c);
	c->span_start = -1;
	c->span_end = -1;
}

#define CLAIM_STRINGS 11

/* The owned string fields of a claim, for release and deep copy. */
static void string_fields(struct claim *c, char **f[CLAIM_STRINGS])
{
	f[0] = &c->unit, f[1] = &c->dimension, f[2] = &c->hardware;
	f[3] = &c->metric, f[4] = &c->dataset, f[5] = &c->baseline;
	f[6] = &c->raw, f[7] = &c->span, f[8] = &c->evidence;
	f[9] = &c->note, f[10] = &c->source_file;
}

void claim_release(struct claim *c)
{
	char **f[CLAIM_STRINGS];
	string_fields(c, f);
	for (size_t i = 0; i < CLAIM_STRINGS; i++)
		free(*f[i]);
	claim_init(c);
}

void claim_set(char **field, const char *s)
{
	free(*field);
	*field = s ? xstrdup(s) : NULL;
}

void claim_copy(struct claim *dst, const struct claim *src)
{
	char **f[CLAIM_STRINGS];
	claim_release(dst);
	*dst = *src;
	string_fields(dst, f);
	for (size_t i = 0; i < CLAIM_STRINGS; i++)
		if (*f[i])
			*f[i] = xstrdup(*f[i]);
}

const char *quantity_name(enum quantity q)
{
	if ((int)q < 0 || q >= Q__COUNT)
		BUG("quantity %d out of range", (int)q);
	return quantity_names[q];
}

int quantity_parse(const char *name, enum quantity *q)
{
	for (int i = 0; i < Q__COUNT; i++) {
		if (!strcmp(name, quantity_names[i])) {
			*q = (enum quantity)i;
			return 0;
		}
	}
	return -1;
}

const char *quantity_unit(enum quantity q)
{
	if ((int)q < 0 || q >= Q__COUNT)
		BUG("quantity %d out of range", (int)q);
	return quantity_units[q];
}

const char *qualifier_name(enum qualifier q)
{
	if ((int)q < 0 || (size_t)q >= sizeof qualifier_names / sizeof *qualifier_names)
		BUG("qualifier %d out of range", (int)q);
	return qualifier_names[q];
}

int qualifier_parse(const char *name, enum qualifier *q)
{
	if (!*name) {
		*q = QUAL_NONE;
		return 0;
	}
	for (size_t i = 1; i < sizeof qualifier_names / sizeof *qualifier_names; i++) {
		if (!strcmp(name, qualifier_names[i])) {
			*q = (enum qualifier)i;
			return 0;
		}
	}
	return -1;
}

const char *origin_name(enum origin o)
{
	return o == ORIGIN_CURATED ? "curated" : "extracted";
}

const char *curation_name(enum curation c)
{
	if ((int)c < 0 || (size_t)c >= sizeof curation_names / sizeof *curation_names)
		BUG("curation %d out of range", (int)c);
	return curation_names[c];
}

int curation_parse(const char *name, enum curation *c)
{
	for (size_t i = 0; i < sizeof curation_names / sizeof *curation_names; i++) {
		if (!strcmp(name, curation_names[i])) {
			*c = (enum curation)i;
			return 0;
		}
	}
	return -1;
}

int dimension_valid(const char *name)
{
	for (size_t i = 0; i < sizeof dimensions / sizeof *dimensions; i++)
		if (!strcmp(name, dimensions[i]))
			return 1;
	return 0;
}

struct claim *claim_list_push(struct claim_list *l)
{
	if (l->len == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 8;
		l->items = xrealloc(l->items, l->alloc * sizeof *l->items);
	}
	struct claim *c = &l->items[l->len++];
	claim_init(c);
	return c;
}

void claim_list_clear(struct claim_list *l)
{
	for (size_t i = 0; i < l->len; i++)
		claim_release(&l->items[i]);
	l->len = 0;
}

void claim_list_release(struct claim_list *l)
{
	claim_list_clear(l);
	free(l->items);
	l->items = NULL;
	l->alloc = 0;
}

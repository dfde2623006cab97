/* dataset.c - the in-memory dataset the reports render. */
#include "dataset.h"

#include <stdlib.h>
#include <string.h>

void dataset_init(struct dataset *ds)
{
	memset(ds, 0, sizeof *ds);
}

static void derivation_release(struct derivation *d)
{
	free(d->kind);
	free(d->unit);
	free(d->method);
	free(d->assumption);
}

static void accelerator_release(struct accelerator *a)
{
	free(a->name);
	free(a->aliases);
	free(a->price_date);
	free(a->date);
	free(a->source);
}

static void assumption_release(struct assumption *a)
{
	free(a->name);
	free(a->value);
	free(a->source);
	free(a->date);
}

static void price_index_release(struct price_index *p)
{
	free(p->date);
	free(p->source);
}

static void currency_release(struct currency *c)
{
	free(c->code);
	free(c->name);
	free(c->symbols);
	free(c->date);
	free(c->source);
}

char *dataset_strndup(struct dataset *ds, const char *s, size_t n)
{
	return ds->strings_in_arena ? arena_strndup(&ds->strings, s, n) : xstrndup(s, n);
}

void dataset_release(struct dataset *ds)
{
	if (!ds->strings_in_arena) {
		for (size_t i = 0; i < ds->n_papers; i++)
			paper_release(&ds->papers[i]);
		for (size_t i = 0; i < ds->n_claims; i++)
			claim_release(&ds->claims[i].claim);
		for (size_t i = 0; i < ds->n_derivations; i++)
			derivation_release(&ds->derivations[i]);
	}
	arena_release(&ds->strings);
	for (size_t i = 0; i < ds->n_accelerators; i++)
		accelerator_release(&ds->accelerators[i]);
	for (size_t i = 0; i < ds->n_assumptions; i++)
		assumption_release(&ds->assumptions[i]);
	for (size_t i = 0; i < ds->n_price_index; i++)
		price_index_release(&ds->price_index[i]);
	for (size_t i = 0; i < ds->n_currencies; i++)
		currency_release(&ds->currencies[i]);
	free(ds->papers);
	free(ds->claims);
	free(ds->derivations);
	free(ds->accelerators);
	free(ds->assumptions);
	free(ds->price_index);
	free(ds->currencies);
	dataset_init(ds);
}

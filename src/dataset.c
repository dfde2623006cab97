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
	free(a->source);
}

static void assumption_release(struct assumption *a)
{
	free(a->name);
	free(a->value);
	free(a->source);
}

void dataset_release(struct dataset *ds)
{
	for (size_t i = 0; i < ds->n_papers; i++)
		paper_release(&ds->papers[i]);
	for (size_t i = 0; i < ds->n_claims; i++)
		claim_release(&ds->claims[i].claim);
	for (size_t i = 0; i < ds->n_derivations; i++)
		derivation_release(&ds->derivations[i]);
	for (size_t i = 0; i < ds->n_accelerators; i++)
		accelerator_release(&ds->accelerators[i]);
	for (size_t i = 0; i < ds->n_assumptions; i++)
		assumption_release(&ds->assumptions[i]);
	free(ds->papers);
	free(ds->claims);
	free(ds->derivations);
	free(ds->accelerators);
	free(ds->assumptions);
	dataset_init(ds);
}

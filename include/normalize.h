/* normalize.h - reference tables and the values derived from claims:
 * reference-accelerator hours, FLOP, dollars and energy, each with the
 * method and the named assumptions that produced it. */
#ifndef EFFDASH_NORMALIZE_H
#define EFFDASH_NORMALIZE_H

#include "dataset.h"

/* Load the reference tables (accelerators, defaults) into
 * ds->accelerators and ds->assumptions: from DIR/accelerators.csv and
 * DIR/defaults.csv when dir is given, else from the copies compiled into
 * effdash.  Returns 0, or -1 after printing file:line:col: reason. */
int normalize_load_reference(const char *dir, struct dataset *ds);

/* Override one assumption ("utilization=0.35") or price ("A100=1.20");
 * returns 0, or -1 after printing why. */
int normalize_assume(struct dataset *ds, const char *name_value);
int normalize_price(struct dataset *ds, const char *name_value);

/* Replace ds->derivations by the values derived from ds->claims. */
void normalize_derive(struct dataset *ds);

/* The accelerator of the table called name or one of its aliases. */
const struct accelerator *normalize_find_accelerator(const struct dataset *ds,
						     const char *name);

/* Release ds->derivations only. */
void normalize_clear(struct dataset *ds);

#endif

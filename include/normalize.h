/* normalize.h - reference tables and the values derived from claims:
 * reference-accelerator hours, FLOP, dollars, constant dollars, energy,
 * CO2, 6ND training FLOP, figures implied by ratios and consistency
 * checks, each with the method and the named assumptions that produced
 * it and low/high bounds.
 *
 * The reference tables (data/accelerators.csv, defaults.csv, cpi.csv,
 * currency.csv) are read by normalize_ref.c; the conversions are in
 * normalize.c.  README.md "Normalization" and the site's methodology page
 * list the formulas. */
#ifndef EFFDASH_NORMALIZE_H
#define EFFDASH_NORMALIZE_H

#include "dataset.h"
#include "util.h"

/* Load the reference tables into ds->accelerators, ds->assumptions,
 * ds->price_index and ds->currencies: from DIR/NAME.csv when dir is
 * given, else from the copies compiled into effdash.  Every row must have
 * a source and a date; every assumption of the defaults must be present
 * and within its range.  Returns 0, or -1 after printing
 * file:line:col: reason. */
int normalize_load_reference(const char *dir, struct dataset *ds);

/* Override one assumption ("utilization=0.35", "dollar_year=2020",
 * "reference_accelerator=H100") or an accelerator's price per device-hour
 * in reference-year dollars ("A100=1.20").  origin says where the
 * override comes from ("set on the command line").  Returns 0, or -1
 * after printing why. */
int normalize_assume(struct dataset *ds, const char *name_value);
int normalize_price(struct dataset *ds, const char *name_value);
int normalize_set(struct dataset *ds, const char *name_value,
		  const char *origin);
int normalize_set_price(struct dataset *ds, const char *name_value,
			const char *origin);

/* Apply a file of overrides, one a line: "assume NAME=VALUE",
 * "price HW=USD" or "dollar-year YEAR"; blank lines and lines starting
 * with '#' are skipped.  Returns 0, or -1 after printing file:line:col. */
int normalize_config(struct dataset *ds, const char *path);

/* Overrides as given on a command line: kind 'a' (--assume NAME=VALUE),
 * 'p' (--price HW=USD), 'y' (--dollar-year YEAR) or 'f' (--config FILE).
 * normalize_apply applies the configuration files first, then the other
 * overrides in order, so the command line wins.  Returns 0 or -1 after
 * printing why. */
struct override {
	char kind;
	const char *arg;
};
#define OVERRIDES_MAX 64
int normalize_apply(struct dataset *ds, const struct override *o, size_t n);

/* Append "name=value (origin)" for every assumption and price that is not
 * the default, separated by "; ".  Returns how many. */
size_t normalize_overrides(const struct dataset *ds, struct strbuf *out);

/* Replace ds->derivations by the values derived from ds->claims (grouped
 * by paper: ds->claims[i].paper).  The reference arrays are only read, so
 * a dataset may borrow them from another. */
void normalize_derive(struct dataset *ds);
/* The assumptions normalize_derive() reads, resolved once from ref's
 * tables, for a caller deriving many small datasets that borrow them (an
 * ingest derives paper by paper).  Valid while ref's tables are. */
struct normalize_setting;
struct normalize_setting *normalize_setting_new(struct dataset *ref);
void normalize_setting_free(struct normalize_setting *ns);
/* Returns 1 when a method text names a claim by its id (6ND, implied
 * figures, consistency, ambiguous baselines), else 0: values derived
 * under provisional ids are final only when none does. */
int normalize_derive_with(struct dataset *ds, const struct normalize_setting *ns);

/* The accelerator of the table called name or one of its aliases. */
const struct accelerator *normalize_find_accelerator(const struct dataset *ds,
						     const char *name);

/* The value of a named assumption, NULL when not set. */
const char *normalize_assumption(const struct dataset *ds, const char *name);

/* Was the claim kept without being put on a common scale (a derivation
 * of kind "unnormalised")?  Fills *why with the reason when given. */
int normalize_flagged(const struct dataset *ds, long claim_id,
		      const char **why);

/* One line per kind of derived value, for documentation: kind, unit,
 * formula, what it assumes.  Terminated by a NULL kind. */
struct derivation_kind {
	const char *kind;
	const char *title;
	const char *unit;
	const char *formula;
	const char *assumes;
};
extern const struct derivation_kind normalize_kinds[];

/* Plausibility limits: a figure outside (min, max] of its quantity is
 * kept but flagged.  Terminated by Q_NONE. */
struct plausibility {
	int quantity; /* enum quantity */
	double min;   /* exclusive, except ratios (inclusive 1) */
	double max;
	const char *why;
};
extern const struct plausibility normalize_limits[];

/* Release ds->derivations only. */
void normalize_clear(struct dataset *ds);

#endif

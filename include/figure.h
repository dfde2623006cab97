/* figure.h - parse one figure as written ("6,250 A100 GPU days", "$28.4K",
 * "86% fewer parameters", "12.7 FID") into a claim in canonical units. */
#ifndef EFFDASH_FIGURE_H
#define EFFDASH_FIGURE_H

#include "claim.h"

struct figure_error {
	long col;       /* 1-based byte column in the text of the problem */
	char msg[200];  /* lower case, no final full stop */
};

/* Parse text, a figure written on its own as in a curated claims file.
 * hint is the quantity the caller expects (Q_NONE: decide from the text).
 * On success fills quantity, value, value_max/has_max, qualifier, unit,
 * dimension, hardware, metric (when the text names them; existing non-NULL
 * fields of out are kept) and note (the conversion applied), and returns
 * 0.  On failure returns -1 and fills err. */
int figure_parse(const char *text, enum quantity hint, struct claim *out,
		 struct figure_error *err);

/* Normalise an accelerator name as written ("A100-80GB", "8-4090",
 * "TPUv3", "V100s", "RTX4090") to the vocabulary's name ("A100", "RTX 4090",
 * "TPUv3", "V100").  Returns a static string, or NULL if not recognised. */
const char *hardware_normalise(const char *name, size_t len);

#endif

/* refdata.h - the reference tables of data/ (accelerators, defaults, CPI)
 * compiled into effdash, used when no --ref folder is given. */
#ifndef EFFDASH_REFDATA_H
#define EFFDASH_REFDATA_H

struct reference_file {
	const char *name; /* "accelerators", "defaults", "cpi" */
	const char *text; /* the CSV text */
};

extern const struct reference_file reference_files[];
extern const unsigned reference_file_count;

/* The text of the table called name, or NULL. */
const char *reference_file(const char *name);

#endif

/* templates.h - the gnuplot templates of plots/, compiled into effdash so
 * an installed binary needs no data files. */
#ifndef EFFDASH_TEMPLATES_H
#define EFFDASH_TEMPLATES_H

struct plot_template {
	const char *name; /* file name without ".gp" */
	const char *text;
};

extern const struct plot_template plot_templates[];
extern const unsigned plot_template_count;

/* The template called name, or NULL. */
const char *plot_template(const char *name);

#endif

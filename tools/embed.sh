#!/bin/sh
# Turn plots/*.gp into a C source defining plot_templates[] (templates.h).
# usage: embed.sh OUT.c plots/a.gp plots/b.gp ...
set -eu
out=$1
shift
{
	echo '/* Generated from the plots folder by tools/embed.sh; do not edit. */'
	echo '#include <string.h>'
	echo '#include "templates.h"'
	echo 'const struct plot_template plot_templates[] = {'
	for f in "$@"; do
		name=$(basename "$f" .gp)
		printf '\t{ "%s",\n' "$name"
		# Escape backslashes and quotes; one C string literal per line.
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' \
		    -e 's/^/\t  "/' -e 's/$/\\n"/' "$f"
		printf '\t},\n'
	done
	echo '};'
	echo "const unsigned plot_template_count = $#;"
	echo 'const char *plot_template(const char *name)'
	echo '{'
	echo '	for (unsigned i = 0; i < plot_template_count; i++)'
	echo '		if (!strcmp(plot_templates[i].name, name))'
	echo '			return plot_templates[i].text;'
	echo '	return NULL;'
	echo '}'
} >"$out.tmp"
mv "$out.tmp" "$out"

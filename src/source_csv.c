/* source_csv.c - curated claims in CSV: a header row naming the columns
 * (any order, see README "Curated claims"), then one claim per row.  All
 * or nothing: the first bad row refuses the file. */
#include <string.h>

#include "csvread.h"
#include "curated.h"
#include "diag.h"
#include "source_impl.h"
#include "util.h"

struct header {
	int column_of[CF__COUNT]; /* field -> column index, -1 absent */
	size_t columns;
};

static int read_header(struct csv_reader *r, const char *path, struct header *h)
{
	struct csv_record rec;
	int rc = csv_read(r, &rec);
	if (rc <= 0) {
		if (rc == 0)
			err_at(path, 1, 1, "empty file");
		return -1;
	}
	for (int i = 0; i < CF__COUNT; i++)
		h->column_of[i] = -1;
	h->columns = rec.n;
	for (size_t i = 0; i < rec.n; i++) {
		int f = curated_field_find(rec.field[i]);
		if (f < 0) {
			err_at(path, rec.line[i], rec.col[i], "unknown column '%s'", rec.field[i]);
			return -1;
		}
		if (h->column_of[f] >= 0) {
			err_at(path, rec.line[i], rec.col[i], "column '%s' given twice",
			       rec.field[i]);
			return -1;
		}
		h->column_of[f] = (int)i;
	}
	if (h->column_of[CF_PAPER] < 0 || h->column_of[CF_QUANTITY] < 0) {
		err_at(path, 1, 1, "header must name the 'paper' and 'quantity' columns");
		return -1;
	}
	return 0;
}

static int convert_row(const struct header *h, const struct csv_record *rec,
		       const char *path, const struct source_sink *sink)
{
	struct curated_row row;
	memset(&row, 0, sizeof row);
	row.row_line = rec->first_line;
	for (int f = 0; f < CF__COUNT; f++) {
		int c = h->column_of[f];
		if (c < 0)
			continue;
		row.value[f] = rec->field[c];
		row.line[f] = rec->line[c];
		row.col[f] = rec->col[c];
	}
	struct paper p;
	struct claim c;
	paper_init(&p);
	claim_init(&c);
	int rc = curated_convert(&row, path, &p, &c);
	if (!rc)
		rc = sink->claim(sink->ctx, &p, &c);
	paper_release(&p);
	claim_release(&c);
	return rc;
}

int source_read_csv(FILE *f, const char *path, const struct source_sink *sink,
		    struct source_stats *stats)
{
	struct csv_reader r;
	struct header h;
	struct csv_record rec;
	int rc;
	csv_reader_init(&r, f, path);
	if (read_header(&r, path, &h)) {
		csv_reader_release(&r);
		return -1;
	}
	while ((rc = csv_read(&r, &rec)) > 0) {
		if (rec.n != h.columns) {
			err_at(path, rec.first_line, 1, "row has %zu fields, header has %zu",
			       rec.n, h.columns);
			rc = -1;
			break;
		}
		if (convert_row(&h, &rec, path, sink)) {
			rc = -1;
			break;
		}
		stats->claims++;
	}
	csv_reader_release(&r);
	return rc < 0 ? -1 : 0;
}

/* libFuzzer entry: the reference-table reader.  The first byte picks the
 * table the rest replaces; the other tables are the bundled ones, so the
 * reader gets past them to the fuzzed one. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "normalize.h"
#include "util.h"

static const char *const tables[] = { "accelerators", "defaults", "cpi", "currency" };
#define N_TABLES (sizeof tables / sizeof *tables)

static char dir[] = "/tmp/effdash-fuzz-ref-XXXXXX";
static struct strbuf original[N_TABLES];

static void table_path(struct strbuf *path, size_t t)
{
	sb_reset(path);
	sb_addf(path, "%s/%s.csv", dir, tables[t]);
}

static void write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (fwrite(data, 1, size, f) != size || fclose(f))
		abort();
}

static void remove_dir(void)
{
	struct strbuf path = STRBUF_INIT;
	for (size_t t = 0; t < N_TABLES; t++) {
		table_path(&path, t);
		unlink(path.buf);
		sb_release(&original[t]);
	}
	sb_release(&path);
	rmdir(dir);
}

/* Copy data/NAME.csv (run from the top of the tree) into the folder. */
static void set_up(void)
{
	struct strbuf path = STRBUF_INIT;
	if (!mkdtemp(dir))
		abort();
	atexit(remove_dir);
	for (size_t t = 0; t < N_TABLES; t++) {
		sb_init(&original[t]);
		sb_reset(&path);
		sb_addf(&path, "data/%s.csv", tables[t]);
		FILE *f = fopen(path.buf, "rb");
		if (f) {
			char chunk[4096];
			size_t n;
			while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
				sb_add(&original[t], chunk, n);
			fclose(f);
		}
		table_path(&path, t);
		write_file(path.buf, sb_str(&original[t]), original[t].len);
	}
	sb_release(&path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		set_up();
		ready = 1;
	}
	if (!size)
		return 0;
	size_t t = data[0] % N_TABLES;
	struct strbuf path = STRBUF_INIT;
	table_path(&path, t);
	write_file(path.buf, data + 1, size - 1);
	struct dataset ds;
	dataset_init(&ds);
	normalize_load_reference(dir, &ds);
	dataset_release(&ds);
	write_file(path.buf, sb_str(&original[t]), original[t].len);
	sb_release(&path);
	return 0;
}

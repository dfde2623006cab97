/* source_json.c - JSON and JSON Lines of paper records or curated claims.
 *
 * Paper shapes: the arXiv metadata snapshot {id, title, abstract,
 * update_date}, Hugging Face daily papers {paper: {id, title, summary,
 * publishedAt}}, OpenAlex works {title, publication_date, doi,
 * abstract_inverted_index}, and plain {title, abstract}.  A record with a
 * "quantity" is a curated claim (same fields as the CSV columns).
 *
 * JSON Lines are read a line at a time.  A JSON array is read whole, but
 * split into its elements by a small scanner first, so every record is
 * parsed on its own and errors point at the record's line and column. */
#include <cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "curated.h"
#include "diag.h"
#include "jsoncheck.h"
#include "source_impl.h"
#include "util.h"

struct jreader {
	const char *path;
	const struct source_sink *sink;
	struct source_stats *stats;
	int skipped;
};

/* Line and column of offset off in buf, counting from (line0, col0). */
static void position(const char *buf, size_t off, long line0, long col0,
		     long *line, long *col)
{
	*line = line0;
	*col = col0;
	for (size_t i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

static const char *jstr(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Rebuild an OpenAlex abstract_inverted_index {"word": [positions]}. */
static char *rebuild_inverted(const cJSON *index)
{
	size_t words = 0;
	int maxpos = -1;
	const cJSON *w, *pos;
	cJSON_ArrayForEach(w, index) {
		if (!cJSON_IsArray(w))
			return NULL;
		cJSON_ArrayForEach(pos, w) {
			if (!cJSON_IsNumber(pos) || pos->valuedouble < 0 ||
			    pos->valuedouble > 1e6)
				return NULL;
			words++;
			if ((int)pos->valuedouble > maxpos)
				maxpos = (int)pos->valuedouble;
		}
	}
	if (maxpos < 0 || (size_t)maxpos >= 4 * words + 16)
		return NULL;
	const char **slot = xcalloc((size_t)maxpos + 1, sizeof *slot);
	cJSON_ArrayForEach(w, index) {
		cJSON_ArrayForEach(pos, w) slot[(int)pos->valuedouble] = w->string;
	}
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i <= maxpos; i++) {
		if (!slot[i])
			continue;
		if (sb.len)
			sb_addc(&sb, ' ');
		sb_adds(&sb, slot[i]);
	}
	free(slot);
	return sb_detach(&sb);
}

static char *fold(const char *s)
{
	return s ? text_fold_space(s, strlen(s)) : NULL;
}

/* "2024-03-12T10:00:00.000Z" -> "2024-03-12". */
static char *iso_date(const char *s)
{
	if (!s || strlen(s) < 10 || !isdigit((unsigned char)s[0]) || s[4] != '-' || s[7] != '-')
		return NULL;
	return xstrndup(s, 10);
}

static void arxiv_url(struct paper *p)
{
	if (p->arxiv_id && !p->url) {
		struct strbuf u = STRBUF_INIT;
		sb_addf(&u, "https://arxiv.org/abs/%s", p->arxiv_id);
		p->url = sb_detach(&u);
	}
}

/* The top-level fields a paper record of the arXiv, OpenAlex or plain
 * shape is read from; NULL when absent or not a string. */
enum pf {
	PF_ID, PF_TITLE, PF_DISPLAY_NAME, PF_ABSTRACT, PF_SUMMARY, PF_DOI,
	PF_UPDATE_DATE, PF_PUBLICATION_DATE, PF_PUBLISHED, PF__COUNT
};
static const char *const pf_names[PF__COUNT] = {
	"id", "title", "display_name", "abstract", "summary", "doi",
	"update_date", "publication_date", "published",
};

struct pfields {
	const char *v[PF__COUNT];
};

/* A paper of the arXiv, OpenAlex or plain shape from its fields; the
 * abstract is left alone when an inverted index gave it (or failed to). */
static void paper_from_fields(const struct pfields *f, int inverted, struct paper *p)
{
	const char *const *v = f->v;
	p->title = fold(v[PF_TITLE] ? v[PF_TITLE] : v[PF_DISPLAY_NAME]);
	if (!inverted)
		p->abstract = fold(v[PF_ABSTRACT] ? v[PF_ABSTRACT] : v[PF_SUMMARY]);
	const char *id = v[PF_ID];
	const char *doi = v[PF_DOI];
	if (id)
		p->arxiv_id = arxiv_id_normalise(id);
	if (!p->arxiv_id && doi) {
		const char *a = strstr(doi, "arxiv.");
		if (!a)
			a = strstr(doi, "arXiv.");
		if (a)
			p->arxiv_id = arxiv_id_normalise(a + 6);
	}
	p->date = iso_date(v[PF_UPDATE_DATE]);
	if (!p->date)
		p->date = iso_date(v[PF_PUBLICATION_DATE]);
	if (!p->date)
		p->date = iso_date(v[PF_PUBLISHED]);
	if (doi && !strncmp(doi, "https://", 8))
		p->url = xstrdup(doi);
}

/* The last step of reading a paper, whichever way it was read: its arXiv
 * URL, and the check that it has a title (the one thing a paper record
 * can lack); 0, or -1 without one. */
static int paper_finish(struct paper *p)
{
	arxiv_url(p);
	return p->title && *p->title ? 0 : -1;
}

/* Fill p from one paper record; returns 0, or -1 when it has no title. */
static int paper_from_json(const cJSON *obj, struct paper *p)
{
	const cJSON *hf = cJSON_GetObjectItemCaseSensitive(obj, "paper");
	if (cJSON_IsObject(hf)) {
		p->title = fold(jstr(hf, "title") ? jstr(hf, "title") : jstr(obj, "title"));
		p->abstract = fold(jstr(hf, "summary"));
		p->arxiv_id = jstr(hf, "id") ? arxiv_id_normalise(jstr(hf, "id")) : NULL;
		p->date = iso_date(jstr(hf, "publishedAt"));
	} else {
		struct pfields f;
		for (int k = 0; k < PF__COUNT; k++)
			f.v[k] = jstr(obj, pf_names[k]);
		const cJSON *inv = cJSON_GetObjectItemCaseSensitive(obj, "abstract_inverted_index");
		int inverted = cJSON_IsObject(inv);
		if (inverted)
			p->abstract = rebuild_inverted(inv);
		paper_from_fields(&f, inverted, p);
	}
	return paper_finish(p);
}

/* A curated claim record: the same fields as the CSV columns, as strings
 * or numbers. */
static int claim_from_json(struct jreader *jr, const cJSON *obj, long line, long col)
{
	struct curated_row row;
	char numbuf[CF__COUNT][32];
	memset(&row, 0, sizeof row);
	row.row_line = line;
	const cJSON *item;
	cJSON_ArrayForEach(item, obj) {
		int f = curated_field_find(item->string);
		if (f < 0) {
			err_at(jr->path, line, col, "unknown field '%s'", item->string);
			return -1;
		}
		row.line[f] = line;
		row.col[f] = col;
		if (cJSON_IsString(item)) {
			row.value[f] = item->valuestring;
		} else if (cJSON_IsNumber(item)) {
			if (!isfinite(item->valuedouble)) {
				err_at(jr->path, line, col, "%s: number out of range", item->string);
				return -1;
			}
			fmt_double(numbuf[f], sizeof numbuf[f], item->valuedouble);
			row.value[f] = numbuf[f];
		} else if (!cJSON_IsNull(item)) {
			err_at(jr->path, line, col, "field '%s' must be a string or a number",
			       item->string);
			return -1;
		}
	}
	struct paper p;
	struct claim c;
	paper_init(&p);
	claim_init(&c);
	int rc = curated_convert(&row, jr->path, &p, &c);
	if (!rc)
		rc = jr->sink->claim(jr->sink->ctx, &p, &c);
	paper_release(&p);
	claim_release(&c);
	if (!rc)
		jr->stats->claims++;
	return rc;
}

static int deliver_paper(struct jreader *jr, struct paper *p, int rc, long line, long col);

static int record(struct jreader *jr, const cJSON *obj, long line, long col)
{
	if (!cJSON_IsObject(obj)) {
		err_at(jr->path, line, col, "record is not a JSON object");
		return -1;
	}
	if (cJSON_GetObjectItemCaseSensitive(obj, "quantity")) {
		jr->stats->kind = "claims-json";
		return claim_from_json(jr, obj, line, col);
	}
	if (!jr->stats->kind)
		jr->stats->kind = "papers-json";
	struct paper p;
	paper_init(&p);
	return deliver_paper(jr, &p, paper_from_json(obj, &p), line, col);
}

/* Hand a paper read from a record on (or report it and skip it when rc
 * says it has no title); p is released. */
static int deliver_paper(struct jreader *jr, struct paper *p, int rc, long line, long col)
{
	if (rc) {
		/* A bad paper record is reported and skipped. */
		err_at(jr->path, line, col, "paper record has no title");
		jr->stats->skipped++;
		jr->skipped = 1;
		paper_release(p);
		return 0;
	}
	p->source_file = xstrdup(jr->path);
	p->source_line = line;
	rc = jr->sink->paper(jr->sink->ctx, p);
	jr->stats->papers++;
	paper_release(p);
	return rc;
}

/* A record with a \u0000 escape in a string: cJSON would cut the string
 * there, so the record is not read.  A paper record is reported and
 * skipped like any bad paper record; a curated claim refuses the file. */
static int nul_record(struct jreader *jr, const cJSON *v, const char *text,
		      size_t nul, long line, long col)
{
	long l, c;
	position(text, nul, line, col, &l, &c);
	err_at(jr->path, l, c, "NUL character (\\u0000) in string");
	if (!cJSON_IsObject(v) || cJSON_GetObjectItemCaseSensitive(v, "quantity"))
		return -1;
	jr->stats->skipped++;
	jr->skipped = 1;
	return 0;
}

/* ---- Paper records without a tree -------------------------------------
 *
 * Most records are flat paper records (the arXiv snapshot's): their few
 * wanted strings are picked out of the text, which json_check() has
 * already found to be valid JSON, without building cJSON's tree of every
 * member.  Anything else (a Hugging Face "paper" object, an OpenAlex
 * inverted index, a curated claim, an escaped key, a \u escape of a
 * surrogate) is left to cJSON.  The two readings agree: first occurrence
 * of a key wins, a field that is not a string counts as absent, strings
 * are decoded the same way; a unit test compares them. */

static size_t ws_skip(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* s[i] is an opening quote; returns the offset just past the closing one
 * and sets *esc when the string holds a backslash. */
static size_t str_skip(const char *s, size_t n, size_t i, int *esc)
{
	size_t from = ++i;
	*esc = 0;
	for (;;) {
		const char *q = memchr(s + i, '"', n - i);
		if (!q)
			return n;
		size_t at = (size_t)(q - s), k = at;
		while (k > from && s[k - 1] == '\\')
			k--;
		if (!*esc && memchr(s + from, '\\', at - from))
			*esc = 1;
		if ((at - k) % 2 == 0)
			return at + 1;
		i = at + 1;
	}
}

/* Past the value at s[i], a container or a scalar (valid JSON). */
static size_t value_skip(const char *s, size_t n, size_t i)
{
	int esc, depth = 0;
	if (i < n && s[i] == '"')
		return str_skip(s, n, i, &esc);
	if (i < n && (s[i] == '{' || s[i] == '[')) {
		while (i < n) {
			char c = s[i];
			if (c == '"') {
				i = str_skip(s, n, i, &esc);
				continue;
			}
			i++;
			if (c == '{' || c == '[')
				depth++;
			else if ((c == '}' || c == ']') && --depth == 0)
				return i;
		}
		return n;
	}
	while (i < n && !strchr(",}] \t\n\r", s[i]))
		i++;
	return i;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
						: c - 'A' + 10;
}

/* The string body s[0..n) decoded, or NULL (*ok = 0) for an escape this
 * reader leaves to cJSON.  Runs between backslashes are copied whole; no
 * escape decodes to more bytes than it takes, so n + 1 bytes suffice. */
static char *str_decode(const char *s, size_t n, int esc, int *ok)
{
	if (!esc)
		return xstrndup(s, n);
	char *out = xmalloc(n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		const char *bs = memchr(s + i, '\\', n - i);
		size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
		memcpy(out + o, s + i, run);
		o += run;
		i += run;
		if (!bs)
			break;
		char c = s[i + 1];
		i += 2;
		switch (c) {
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'u': {
			unsigned cp = 0;
			for (size_t k = 0; k < 4; k++)
				cp = cp << 4 | (unsigned)hexval(s[i + k]);
			i += 4;
			if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
				*ok = 0;
				free(out);
				return NULL;
			}
			if (cp < 0x80) {
				out[o++] = (char)cp;
			} else if (cp < 0x800) {
				out[o++] = (char)(0xC0 | cp >> 6);
				out[o++] = (char)(0x80 | (cp & 0x3F));
			} else {
				out[o++] = (char)(0xE0 | cp >> 12);
				out[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
				out[o++] = (char)(0x80 | (cp & 0x3F));
			}
			break;
		}
		default: out[o++] = c; /* " \\ / */
		}
	}
	out[o] = '\0';
	return out;
}

static int key_is(const char *k, size_t n, const char *name)
{
	return strlen(name) == n && !memcmp(k, name, n);
}

/* Pick the fields of a flat paper record out of text[0..n) (valid
 * JSON).  Returns 1 with f filled (its strings in own[], to be freed),
 * or 0 when the record is for cJSON. */
static int scan_fields(const char *s, size_t n, struct pfields *f, char *own[PF__COUNT])
{
	int seen[PF__COUNT] = { 0 }, esc, ok = 1;
	memset(f, 0, sizeof *f);
	size_t i = ws_skip(s, n, 0);
	if (i >= n || s[i] != '{')
		return 0;
	i = ws_skip(s, n, i + 1);
	while (i < n && s[i] == '"') {
		size_t kend = str_skip(s, n, i, &esc);
		const char *key = s + i + 1;
		size_t klen = kend - i - 2;
		if (esc || key_is(key, klen, "paper") || key_is(key, klen, "quantity") ||
		    key_is(key, klen, "abstract_inverted_index"))
			return 0;
		i = ws_skip(s, n, kend);
		i = ws_skip(s, n, i + 1); /* the colon */
		int k = 0;
		while (k < PF__COUNT && !key_is(key, klen, pf_names[k]))
			k++;
		size_t vend;
		if (i < n && s[i] == '"') {
			vend = str_skip(s, n, i, &esc);
			if (k < PF__COUNT && !seen[k]) {
				own[k] = str_decode(s + i + 1, vend - i - 2, esc, &ok);
				if (!ok)
					return 0;
				f->v[k] = own[k];
			}
		} else {
			vend = value_skip(s, n, i);
		}
		if (k < PF__COUNT)
			seen[k] = 1;
		i = ws_skip(s, n, vend);
		if (i < n && s[i] == ',')
			i = ws_skip(s, n, i + 1);
	}
	return i < n && s[i] == '}';
}

/* Fill p from a flat paper record without cJSON, as paper_from_json()
 * would (*rc is what it would return).  0 when the record is not one
 * (the caller parses it). */
static int paper_from_text(const char *text, size_t n, struct paper *p, int *rc)
{
	struct pfields f;
	char *own[PF__COUNT] = { NULL };
	int handled = scan_fields(text, n, &f, own);
	if (handled) {
		paper_from_fields(&f, 0, p);
		*rc = paper_finish(p);
	}
	for (int k = 0; k < PF__COUNT; k++)
		free(own[k]);
	return handled;
}

/* A flat paper record read without cJSON: 0 when it was not one (the
 * caller parses it), else 1 with *rc what deliver_paper() says. */
static int fast_paper(struct jreader *jr, const char *text, size_t n, long line, long col,
		      int *rc)
{
	struct paper p;
	int read;
	paper_init(&p);
	if (!paper_from_text(text, n, &p, &read))
		return 0;
	if (!jr->stats->kind)
		jr->stats->kind = "papers-json";
	*rc = deliver_paper(jr, &p, read, line, col);
	return 1;
}

int source_json_paper_fields(const char *text, size_t n, int fast, struct paper *p)
{
	size_t bad;
	const char *why;
	int rc;
	paper_init(p);
	if (json_check(text, n, &bad, &why))
		return -1;
	if (fast)
		return paper_from_text(text, n, p, &rc) ? 0 : 1;
	cJSON *v = cJSON_ParseWithLength(text, n);
	if (!v)
		return -1;
	(void)paper_from_json(v, p);
	cJSON_Delete(v);
	return 0;
}

/* Parse text[0..n) as one JSON value starting at (line, col). */
static int parse_one(struct jreader *jr, const char *text, size_t n, long line, long col)
{
	size_t bad, nul;
	const char *why;
	if (json_check_nul(text, n, &bad, &why, &nul)) {
		long l, c;
		position(text, bad, line, col, &l, &c);
		err_at(jr->path, l, c, "invalid JSON: %s", why);
		return -1;
	}
	int rc;
	if (nul >= n && fast_paper(jr, text, n, line, col, &rc))
		return rc;
	const char *end = NULL;
	cJSON *v = cJSON_ParseWithLengthOpts(text, n, &end, 0);
	if (!v) {
		long l, c;
		const char *e = end ? end : cJSON_GetErrorPtr();
		size_t off = e && e >= text && e <= text + n ? (size_t)(e - text) : 0;
		position(text, off, line, col, &l, &c);
		err_at(jr->path, l, c, "invalid JSON");
		return -1;
	}
	for (const char *p = end; p < text + n; p++) {
		if (!isspace((unsigned char)*p)) {
			long l, c;
			position(text, (size_t)(p - text), line, col, &l, &c);
			err_at(jr->path, l, c, "unexpected text after JSON value");
			cJSON_Delete(v);
			return -1;
		}
	}
	rc = nul < n ? nul_record(jr, v, text, nul, line, col) : record(jr, v, line, col);
	cJSON_Delete(v);
	return rc;
}

/* Find the end of the JSON value starting at s[i] (an object or array),
 * skipping strings; returns the offset just past it, or 0 if unbalanced. */
static size_t value_end(const char *s, size_t n, size_t i)
{
	int depth = 0;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '"') {
			for (i++; i < n && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth == 0)
			return i + 1;
	}
	return 0;
}

static size_t skip_space(const char *s, size_t n, size_t i)
{
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	return i;
}

/*
 * A JSON array of records is streamed: bytes are read in chunks into a
 * window, each element is cut out by value_end() and parsed on its own,
 * and the window slides on, so memory holds one record at a time however
 * large the file.  The position of the window's start is kept as a line
 * and column for messages.
 */
struct jstream {
	FILE *f;
	struct strbuf buf;
	size_t pos;       /* first byte not consumed */
	long line, col;   /* position of buf[pos] */
	int eof;
};

#define JSON_CHUNK 65536

/* Read one more chunk, sliding consumed bytes out first; 0 at EOF. */
static int js_fill(struct jstream *js)
{
	if (js->pos > 0 && js->pos >= js->buf.len / 2) {
		memmove(js->buf.buf, js->buf.buf + js->pos, js->buf.len - js->pos);
		js->buf.len -= js->pos;
		js->pos = 0;
	}
	sb_grow(&js->buf, JSON_CHUNK);
	size_t n = fread(js->buf.buf + js->buf.len, 1, JSON_CHUNK, js->f);
	js->buf.len += n;
	js->buf.buf[js->buf.len] = '\0';
	if (n == 0)
		js->eof = 1;
	return n > 0;
}

static void js_advance(struct jstream *js, size_t to)
{
	long l, c;
	if (to == js->pos)
		return; /* also: the window may not exist yet */
	position(js->buf.buf + js->pos, to - js->pos, js->line, js->col, &l, &c);
	js->line = l;
	js->col = c;
	js->pos = to;
}

/* JSON's own white space (RFC 8259: no form feed or vertical tab). */
static int js_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skip white space; the next byte, or EOF. */
static int js_peek(struct jstream *js)
{
	for (;;) {
		size_t i = js->pos;
		while (i < js->buf.len && js_space((unsigned char)js->buf.buf[i]))
			i++;
		js_advance(js, i);
		if (i < js->buf.len)
			return (unsigned char)js->buf.buf[i];
		if (!js_fill(js))
			return EOF;
	}
}

static int js_error(struct jreader *jr, struct jstream *js, const char *msg)
{
	err_at(jr->path, js->line, js->col, "%s", msg);
	return -1;
}

/* End of a scalar element (number, string, literal) starting at i: the
 * next ',' ']' or white space outside a string; 0 if not in the window. */
static size_t scalar_end(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '"') {
		for (i++; i < n && s[i] != '"'; i++)
			if (s[i] == '\\')
				i++;
		return i < n ? i + 1 : 0;
	}
	while (i < n && s[i] != ',' && s[i] != ']' && !js_space((unsigned char)s[i]))
		i++;
	return i < n ? i : 0;
}

/* A problem that is not a syntax error ("expected a JSON object") is
 * reported only once the rest of the array has been checked, so that a
 * syntax error anywhere is reported as such, as a whole-file check would. */
struct pending {
	long line, col;
	const char *msg;
};

/* The next element of the array: check it, and parse and deliver it as a
 * record unless a problem is already pending. */
static int js_element(struct jreader *jr, struct jstream *js, struct pending *pd)
{
	int c = js_peek(js);
	size_t end, bad;
	const char *why;
	if (c == EOF)
		return js_error(jr, js, "invalid JSON: unterminated array");
	int record = c == '{' || c == '[';
	while (!(end = record ? value_end(js->buf.buf, js->buf.len, js->pos)
			      : scalar_end(js->buf.buf, js->buf.len, js->pos))) {
		if (js->buf.len - js->pos > SOURCE_MAX_RECORD)
			return js_error(jr, js, "record longer than 16 MiB");
		if (!js_fill(js)) {
			end = js->buf.len;
			break;
		}
	}
	const char *text = js->buf.buf + js->pos;
	if (json_check(text, end - js->pos, &bad, &why)) {
		long l, col;
		position(text, bad, js->line, js->col, &l, &col);
		err_at(jr->path, l, col, "invalid JSON: %s", why);
		return -1;
	}
	if (!record && !pd->msg) {
		pd->line = js->line;
		pd->col = js->col;
		pd->msg = "expected a JSON object";
	}
	if (!pd->msg && parse_one(jr, text, end - js->pos, js->line, js->col))
		return -1;
	js_advance(js, end);
	return 0;
}

static int read_array(struct jreader *jr, struct jstream *js)
{
	struct pending pd = { 0, 0, NULL };
	int rc = 0;
	js_advance(js, js->pos + 1); /* '[' */
	if (js_peek(js) == ']') {
		js_advance(js, js->pos + 1);
	} else {
		for (;;) {
			if (js_element(jr, js, &pd))
				return -1;
			int c = js_peek(js);
			if (c == ',' || c == ']')
				js_advance(js, js->pos + 1);
			if (c == ',')
				continue;
			if (c == ']')
				break;
			return js_error(jr, js, c == EOF ? "invalid JSON: unterminated array"
							 : "invalid JSON: ',' or ']' expected");
		}
	}
	if (js_peek(js) != EOF)
		return js_error(jr, js, "invalid JSON: unexpected text after the value");
	if (pd.msg) {
		err_at(jr->path, pd.line, pd.col, "%s", pd.msg);
		rc = -1;
	}
	return rc;
}

/* A whole-file JSON value: an array of records (streamed), or one record
 * (read whole, at most SOURCE_MAX_RECORD bytes). */
static int read_document(struct jreader *jr, FILE *f)
{
	struct jstream js = { f, STRBUF_INIT, 0, 1, 1, 0 };
	int rc;
	int c = js_peek(&js);
	if (c == '[') {
		rc = read_array(jr, &js);
	} else {
		while (!js.eof && js.buf.len - js.pos <= SOURCE_MAX_RECORD)
			js_fill(&js);
		if (js.buf.len - js.pos > SOURCE_MAX_RECORD)
			rc = js_error(jr, &js, "JSON document longer than 16 MiB "
				      "(use an array or JSON Lines)");
		else
			rc = parse_one(jr, js.buf.buf + js.pos, js.buf.len - js.pos, js.line, js.col);
	}
	sb_release(&js.buf);
	return rc;
}

static int read_lines(struct jreader *jr, FILE *f, const struct source_start *start)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = start->line;
	long long offset = start->offset; /* of the next line */
	int rc = 0;
	jr->stats->resume_format = "jsonl";
	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		offset += n;
		size_t i = skip_space(line, (size_t)n, 0);
		if (i == (size_t)n)
			continue;
		if ((size_t)n > SOURCE_MAX_RECORD) {
			err_at(jr->path, lineno, 1, "record longer than %u bytes",
			       SOURCE_MAX_RECORD);
			rc = -1;
			break;
		}
		rc = parse_one(jr, line + i, (size_t)n - i, lineno, (long)i + 1);
		/* After a complete line of paper records, a later read may
		 * start on the next line (claim files are always read whole). */
		if (!rc && line[n - 1] == '\n' && !jr->skipped && !jr->stats->claims) {
			jr->stats->resume_offset = offset;
			jr->stats->resume_line = lineno;
		}
	}
	free(line);
	return rc;
}

/* JSON Lines when the first line holds a complete object on its own. */
static int is_json_lines(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	int yes = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) >= 0) {
		size_t i = skip_space(line, (size_t)n, 0);
		if (i == (size_t)n)
			continue;
		if (line[i] == '{') {
			size_t end = value_end(line, (size_t)n, i);
			yes = end && skip_space(line, (size_t)n, end) == (size_t)n;
		}
		break;
	}
	free(line);
	rewind(f);
	return yes;
}

int source_read_json(FILE *f, const char *path, const struct source_start *start,
		     const struct source_sink *sink, struct source_stats *stats)
{
	struct jreader jr = { path, sink, stats, 0 };
	int rc;
	if (start->offset ? start->json_lines : is_json_lines(f)) {
		rc = read_lines(&jr, f, start);
	} else {
		rc = read_document(&jr, f);
	}
	if (!stats->kind)
		stats->kind = "papers-json";
	if (rc)
		return -1;
	return jr.skipped ? 1 : 0;
}

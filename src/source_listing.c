/* source_listing.c - the plain listing: a few header lines, then each
 * paper as a title paragraph followed by an abstract paragraph, paragraphs
 * separated by blank lines.
 *
 * The header has no fixed length, so paragraphs are classified: a
 * paragraph that follows a title-like paragraph and reads like prose (long,
 * or ending in a full stop) is an abstract, and the paragraph before it is
 * its title.  Short paragraphs not followed by an abstract (the header's
 * "Subscribe", a date) are skipped silently.  The file is streamed: one
 * paragraph in memory at a time. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "source_impl.h"
#include "util.h"

/* A title is short and does not end like a sentence. */
#define TITLE_MAX 400
/* An abstract paragraph is at least this long unless it ends in '.'. */
#define ABSTRACT_MIN 200

struct para {
	struct strbuf text;
	long line;
};

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

static int ends_with_stop(const struct strbuf *sb)
{
	size_t n = sb->len;
	while (n && (sb->buf[n - 1] == ' '))
		n--;
	return n && sb->buf[n - 1] == '.';
}

static int title_like(const struct para *p)
{
	return p->text.len > 0 && p->text.len <= TITLE_MAX && !ends_with_stop(&p->text);
}

static int abstract_like(const struct para *p)
{
	return p->text.len >= ABSTRACT_MIN || ends_with_stop(&p->text);
}

struct listing {
	const char *path;
	const struct source_sink *sink;
	struct source_stats *stats;
	struct para title, cur;
	int have_title;
	int bad; /* some record skipped */
};

static int deliver(struct listing *ls)
{
	struct paper p;
	paper_init(&p);
	p.title = text_fold_space(ls->title.text.buf, ls->title.text.len);
	p.abstract = text_fold_space(ls->cur.text.buf, ls->cur.text.len);
	p.source_file = xstrdup(ls->path);
	p.source_line = ls->title.line;
	int rc = ls->sink->paper(ls->sink->ctx, &p);
	paper_release(&p);
	ls->stats->papers++;
	return rc;
}

/* A paragraph is complete: pair it with the pending title or keep it as
 * the next title candidate. */
static int end_paragraph(struct listing *ls)
{
	int rc = 0;
	if (!ls->cur.text.len)
		return 0;
	if (ls->have_title && abstract_like(&ls->cur)) {
		rc = deliver(ls);
		ls->have_title = 0;
	} else if (title_like(&ls->cur)) {
		struct para tmp = ls->title;
		ls->title = ls->cur;
		ls->cur = tmp;
		ls->have_title = 1;
	} else {
		ls->have_title = 0;
	}
	sb_reset(&ls->cur.text);
	return rc;
}

static int check_line(struct listing *ls, const char *line, size_t n, long lineno)
{
	size_t bad;
	if (memchr(line, '\0', n)) {
		err_at(ls->path, lineno, (long)((const char *)memchr(line, '\0', n) - line) + 1,
		       "NUL byte in text");
		return -1;
	}
	if (!utf8_valid(line, n, &bad)) {
		err_at(ls->path, lineno, (long)bad + 1, "invalid UTF-8");
		return -1;
	}
	if (n > SOURCE_MAX_RECORD) {
		err_at(ls->path, lineno, 1, "line longer than %u bytes", SOURCE_MAX_RECORD);
		return -1;
	}
	if (ls->cur.text.len + n > SOURCE_MAX_RECORD) {
		err_at(ls->path, lineno, 1, "paragraph longer than %u bytes", SOURCE_MAX_RECORD);
		return -1;
	}
	return 0;
}

int source_read_listing(FILE *f, const char *path, const struct source_start *start,
			const struct source_sink *sink, struct source_stats *stats)
{
	struct listing ls = { path, sink, stats, { STRBUF_INIT, 0 }, { STRBUF_INIT, 0 }, 0, 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = start->line;
	long long offset = start->offset; /* of the next line */
	int rc = 0;
	stats->resume_format = "listing";
	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		offset += n;
		if (lineno == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
			memmove(line, line + 3, (size_t)n - 2);
			n -= 3;
		}
		if (is_blank(line, (size_t)n)) {
			long before = stats->papers;
			rc = end_paragraph(&ls);
			/* A paper ended by a blank line: nothing is pending, so
			 * a later read may start on the next line. */
			if (!rc && stats->papers > before && !ls.bad) {
				stats->resume_offset = offset;
				stats->resume_line = lineno;
			}
			continue;
		}
		if (check_line(&ls, line, (size_t)n, lineno)) {
			/* The paragraph this line belongs to is skipped. */
			ls.bad = 1;
			stats->skipped++;
			sb_reset(&ls.cur.text);
			ls.have_title = 0;
			while ((n = getline(&line, &cap, f)) >= 0) {
				lineno++;
				offset += n;
				if (is_blank(line, (size_t)n))
					break;
			}
			continue;
		}
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (!ls.cur.text.len)
			ls.cur.line = lineno;
		else
			sb_addc(&ls.cur.text, ' ');
		sb_add(&ls.cur.text, line, (size_t)n);
	}
	if (rc == 0)
		rc = end_paragraph(&ls);
	free(line);
	sb_release(&ls.title.text);
	sb_release(&ls.cur.text);
	if (rc)
		return -1;
	return ls.bad ? 1 : 0;
}

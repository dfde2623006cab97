#!/bin/sh
# Injection suite: hostile titles, abstracts, metric and dataset names,
# baselines, hardware and paper ids (tests/data/inject/: HTML and
# JavaScript, spreadsheet formulas, gnuplot commands, SQL quotes, path
# traversal) are ingested and reported end to end, then: the HTML shows
# them as text, no CSV cell starts a formula, gnuplot runs no command (the
# marker file the payloads would create never appears), the database holds
# them verbatim, and every file written stays inside the output folder.
. "$(dirname "$0")/lib.sh"
RUN=$WORK/run
IN=$WORK/in
MARK=$WORK/pwned
mkdir -p "$RUN" "$IN"
for f in claims.csv papers.jsonl listing.txt; do
	sed -e "s|@MARK@|$MARK|g" -e "s|@WORK@|$WORK|g" "$TOP/tests/data/inject/$f" >"$IN/$f"
done
DB=$RUN/inject.db
(cd "$WORK" && find . | sort) >"$WORK/before"

expect inject-ingest 0 "$EFFDASH" --db "$DB" ingest "$IN/claims.csv" "$IN/papers.jsonl" "$IN/listing.txt"
same inject-integrity "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok
same inject-sql-title-verbatim \
	"$(sqlite3 "$DB" "SELECT count(*) FROM paper WHERE title = 'Robert''); DROP TABLE paper;-- SQL'")" 1
same inject-sql-dquote-verbatim \
	"$(sqlite3 "$DB" "SELECT count(*) FROM paper WHERE title = '\" OR 1=1 -- SQL Double'")" 1
same inject-bad-ids-dropped \
	"$(sqlite3 "$DB" "SELECT count(*) FROM paper WHERE arxiv_id LIKE '%..%' OR arxiv_id LIKE '/%'")" 0
same inject-old-id-kept "$(sqlite3 "$DB" "SELECT count(*) FROM paper WHERE arxiv_id = 'cs/0112017'")" 1

expect inject-claims-csv 0 "$EFFDASH" --db "$DB" claims --format csv
cp "$WORK/out" "$WORK/claims.csv"
expect inject-claims-jsonl 0 "$EFFDASH" --db "$DB" claims
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$WORK/out" &&
	pass inject-claims-jsonl-parses || fail inject-claims-jsonl-parses "not JSON Lines"

gnuplot=yes
command -v gnuplot >/dev/null 2>&1 || gnuplot=
[ -n "$gnuplot" ] || echo "SKIP inject-gnuplot-renders: gnuplot not installed (scripts are still checked)"
(cd "$RUN" && "$EFFDASH" --db "$DB" report --out out >"$WORK/out" 2>"$WORK/err")
st=$?
same inject-report "$st" 0
[ "$st" -eq 0 ] || cat "$WORK/err" | head -n 5
O=$RUN/out

# Every plot script again, by hand, as the README says it can be run.
if [ -n "$gnuplot" ]; then
	for gp in "$O"/plots/*.gp; do
		[ -f "$gp" ] || continue
		(cd "$O/plots" && gnuplot "$(basename "$gp")" >/dev/null 2>&1)
	done
fi
[ ! -e "$MARK" ] && pass inject-gnuplot-no-command || fail inject-gnuplot-no-command "$MARK was created"

# Nothing written outside the output folder (nor the database next to it),
# no links inside it.
(cd "$WORK" && find . | sort) >"$WORK/after"
outside=$(comm -13 "$WORK/before" "$WORK/after" |
	grep -v -e '^\./run$' -e '^\./run/out' -e '^\./run/inject\.db' \
		-e '^\./\(out\|err\|after\|claims\.csv\)$' | tr '\n' ' ')
same inject-writes-inside-out "$outside" ""
same inject-no-links "$(find "$O" -type l | wc -l | tr -d ' ')" 0
same inject-plain-names "$(find "$O" -name '*[^A-Za-z0-9._/-]*' | head -n 3)" ""

python3 - "$O" "$WORK/claims.csv" "$IN/claims.csv" >"$WORK/py" 2>&1 <<'PY'
import csv, glob, html.parser, os, re, sys
out, claims_csv, corpus = sys.argv[1:4]
problems = {"html": [], "text": [], "csv": []}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}

class Check(html.parser.HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name, self.text, self.in_script = name, [], False
    def bad(self, why):
        problems["html"].append("%s: %s" % (os.path.relpath(self.name, out), why))
    def handle_starttag(self, tag, attrs):
        # The site's own markup may use forms and a script; what a payload
        # would bring in is an element it never uses or hostile content.
        if tag in ("iframe", "object", "embed", "base", "frame", "applet"):
            self.bad("<%s> element" % tag)
        self.in_script = tag == "script"
        for k, v in attrs:
            if k.startswith("on"):
                self.bad("event handler attribute %s=%r" % (k, v))
            if k in URL_ATTRS and v is not None:
                scheme = re.sub(r"[\x00-\x20]", "", v).lower()
                if re.match(r"(javascript|vbscript|data):", scheme) and not scheme.startswith("data:image/svg+xml;base64"):
                    self.bad("%s=%r" % (k, v))
        if tag == "meta" and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
            self.bad("meta refresh")
    handle_startendtag = handle_starttag
    def handle_endtag(self, tag):
        self.in_script = False
    def handle_data(self, d):
        if self.in_script:
            if re.search(r"alert\(|touch |pwned", d):
                self.bad("hostile text inside <script>: %r" % d[:60])
            return
        self.text.append(d)

pages = sorted(glob.glob(os.path.join(out, "site", "**", "*.html"), recursive=True))
if not pages:
    problems["html"].append("no pages written")
alltext = []
for p in pages:
    c = Check(p)
    c.feed(open(p, encoding="utf-8").read())
    c.close()
    alltext.append(" ".join(c.text))
alltext = "\n".join(alltext)
for t in ['<script>alert("x1")</script> Tiny Model', '<img src=x onerror=alert(2)> Fast Training',
          '&lt;script&gt;alert(6)&lt;/script&gt; &#60;b&#62; &amp;amp; Entities',
          "Robert'); DROP TABLE paper;-- SQL"]:
    if t not in alltext:
        problems["text"].append("title not shown as text: %r" % t)

def plain_number(s):
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", s) is not None

files = sorted(glob.glob(os.path.join(out, "csv", "*.csv"))) + [claims_csv]
for f in files:
    rows = list(csv.reader(open(f, newline="", encoding="utf-8")))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if cell and cell[0] in "=+-@\t\r" and not plain_number(cell):
                problems["csv"].append("%s:%d: cell %d starts a formula: %r" % (os.path.basename(f), i + 1, j + 1, cell[:40]))
for k in ("html", "text", "csv"):
    print("%s %s" % (k, "ok" if not problems[k] else "; ".join(problems[k][:8])))
PY
for k in html text csv; do
	line=$(grep "^$k " "$WORK/py")
	case $line in
	"$k ok") pass "inject-$k" ;;
	"") fail "inject-$k" "checker failed: $(head -c 600 "$WORK/py")" ;;
	*) fail "inject-$k" "${line#"$k "}" ;;
	esac
done

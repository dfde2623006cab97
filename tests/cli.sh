#!/bin/sh
# Command-line tests: the contract of README "Commands", exit statuses and
# the error paths of bad input.
. "$(dirname "$0")/lib.sh"
D=$TOP/tests/data
DB=$WORK/t.db

rows() { sqlite3 "$1" "SELECT (SELECT count(*) FROM paper) || '/' || (SELECT count(*) FROM claim) || '/' || (SELECT count(*) FROM source WHERE format != 'reference')"; }

expect version 0 "$EFFDASH" --version
contains version-text "$WORK/out" "effdash "
expect help 0 "$EFFDASH" --help
contains help-lists-commands "$WORK/out" "ingest"
for c in ingest claims figure report; do
	expect "help-$c" 0 "$EFFDASH" "$c" --help
	contains "help-$c-usage" "$WORK/out" "usage: effdash"
done
expect unknown-command 2 "$EFFDASH" frobnicate
contains unknown-command-message "$WORK/err" "unknown command 'frobnicate'"
expect no-command 2 "$EFFDASH"
expect ingest-no-files 2 "$EFFDASH" --db "$DB" ingest
expect ingest-bad-batch 2 "$EFFDASH" --db "$DB" ingest --batch 0 "$D/claims-small.csv"
contains ingest-bad-batch-message "$WORK/err" "--batch takes a number from 1 to 65536"
expect claims-bad-format 2 "$EFFDASH" --db "$DB" claims --format xml

# figure: the forms the README promises.
expect figure-gpu-days 0 "$EFFDASH" figure "6,250 A100 GPU days"
contains figure-gpu-days-kind "$WORK/out" '"quantity":"compute","value":150000'
contains figure-gpu-days-hw "$WORK/out" '"hardware":"A100"'
expect figure-times 0 "$EFFDASH" figure '118\times lower cost'
contains figure-times-ratio "$WORK/out" '"quantity":"ratio","value":118'
contains figure-times-dim "$WORK/out" '"dimension":"cost"'
expect figure-dollar 0 "$EFFDASH" figure '\1,890'
contains figure-dollar-value "$WORK/out" '"quantity":"cost_usd","value":1890'
expect figure-nothing 0 "$EFFDASH" figure "no numbers here"
same figure-nothing-empty "$(wc -c <"$WORK/out" | tr -d ' ')" 0

# Curated CSV in, claims out.
expect ingest-csv 0 "$EFFDASH" --db "$DB" ingest "$D/claims-small.csv"
same ingest-csv-rows "$(rows "$DB")" "2/12/1"
expect claims-jsonl 0 "$EFFDASH" --db "$DB" claims
same claims-jsonl-lines "$(wc -l <"$WORK/out" | tr -d ' ')" 12
for f in paper quantity value value_max dimension hardware metric dataset qualifier span origin; do
	contains "claims-field-$f" "$WORK/out" "\"$f\":"
done
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$WORK/out" &&
	pass claims-jsonl-parses || fail claims-jsonl-parses "not JSON Lines"
expect claims-csv 0 "$EFFDASH" --db "$DB" claims --format csv
python3 - "$WORK/out" <<'PY' && pass claims-csv-reads || fail claims-csv-reads "python csv"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0][:4] == ["id", "paper", "arxiv_id", "quantity"], rows[0]
assert len(rows) == 13 and all(len(r) == len(rows[0]) for r in rows)
PY
expect reingest-same 0 "$EFFDASH" --db "$DB" ingest "$D/claims-small.csv"
same reingest-adds-nothing "$(rows "$DB")" "2/12/1"
expect reingest-force 0 "$EFFDASH" --db "$DB" ingest --force "$D/claims-small.csv"
same reingest-force-adds-nothing "$(rows "$DB")" "2/12/1"
sqlite3 "$DB" "PRAGMA user_version" >"$WORK/v"
contains schema-version "$WORK/v" "6"
sqlite3 "$DB" "SELECT count(*) FROM derivation WHERE kind = 'ref_hours'" >"$WORK/v"
contains derivations-stored "$WORK/v" "2"

# Bad input: a clear file:line:col message, non-zero exit, nothing changed.
before=$(rows "$DB")
check_bad() {
	name=$1 file=$2 where=$3 msg=$4
	expect "bad-$name" 1 "$EFFDASH" --db "$DB" ingest "$D/claims-small.csv" "$D/$file"
	contains "bad-$name-position" "$WORK/err" "effdash: $D/$file:$where"
	contains "bad-$name-message" "$WORK/err" "$msg"
	same "bad-$name-unchanged" "$(rows "$DB")" "$before"
}
check_bad quote bad-quote.csv "2:1:" "unterminated quoted field"
check_bad quantity bad-quantity.csv "2:12:" "unknown quantity 'speed'"
check_bad value bad-value.csv "2:19:" "'lots' is not a number"
check_bad column bad-column.csv "1:23:" "unknown column 'colour'"
check_bad unit bad-unit.csv "2:22:" "figure:"
check_bad utf8 bad-utf8.csv "2:6:" "invalid UTF-8"
check_bad empty empty.txt "1:1:" "no papers or claims found"
check_bad json bad-json.json "2:1:" "invalid JSON"
check_bad claim-json bad-claim.json "1:2:" "unknown dimension 'warp'"
expect missing-file 1 "$EFFDASH" --db "$DB" ingest "$D/does-not-exist.csv"
contains missing-file-message "$WORK/err" "cannot open"
same missing-file-unchanged "$(rows "$DB")" "$before"
printf 'not a database' >"$WORK/junk.db"
expect not-a-database 1 "$EFFDASH" --db "$WORK/junk.db" claims
expect claims-no-db 1 "$EFFDASH" --db "$WORK/none.db" claims

# Paper sources: arXiv JSON Lines, Hugging Face JSON, OpenAlex, listing.
P=$WORK/p.db
expect ingest-arxiv 0 "$EFFDASH" --db "$P" ingest "$D/papers-arxiv.jsonl"
sqlite3 "$P" "SELECT arxiv_id || '|' || title || '|' || date FROM paper ORDER BY id" >"$WORK/v"
contains arxiv-id-unversioned "$WORK/v" "2401.00001|Cheap Training of Large Models|2024-01-05"
contains arxiv-old-id "$WORK/v" "cs/0112017|An Old Paper|2001-12-14"
expect ingest-hf 0 "$EFFDASH" --db "$P" ingest "$D/papers-hf.json"
sqlite3 "$P" "SELECT arxiv_id || '|' || date FROM paper WHERE title = 'Hugging Daily'" >"$WORK/v"
contains hf-paper "$WORK/v" "2402.00002|2024-02-01"
expect ingest-openalex 0 "$EFFDASH" --db "$P" ingest "$D/papers-openalex.jsonl"
sqlite3 "$P" "SELECT arxiv_id || '|' || abstract FROM paper WHERE title = 'Open Works'" >"$WORK/v"
contains openalex-abstract "$WORK/v" "2305.00004|We reach 12.7 FID at 118× lower cost."
expect ingest-listing 0 "$EFFDASH" --db "$P" ingest "$D/listing-small.txt"
sqlite3 "$P" "SELECT count(*) FROM paper WHERE title LIKE 'A Small Paper%' OR title LIKE 'Another Paper%'" >"$WORK/v"
contains listing-papers "$WORK/v" "2"
lacks listing-skips-header "$(sqlite3 "$P" "SELECT group_concat(title) FROM paper" >"$WORK/t"; echo "$WORK/t")" "Subscribe"
n1=$(rows "$P")
expect reingest-listing 0 "$EFFDASH" --db "$P" ingest "$D/listing-small.txt"
same reingest-listing-same "$(rows "$P")" "$n1"

# Report: files in place; a failed report leaves the previous one intact.
O=$WORK/out-report
expect report 0 "$EFFDASH" --db "$DB" report --out "$O"
for f in csv/claims.csv csv/papers.csv site/index.html; do
	[ -s "$O/$f" ] && pass "report-has-$f" || fail "report-has-$f" "missing"
done
sum1=$(cat "$O/site/index.html" "$O/csv/claims.csv" | cksum)
expect report-fails 1 "$EFFDASH" --db "$DB" report --out "$O" --assume nonsense=1
same report-fail-keeps-old "$(cat "$O/site/index.html" "$O/csv/claims.csv" | cksum)" "$sum1"
expect report-again 0 "$EFFDASH" --db "$DB" report --out "$O"
same report-deterministic "$(cat "$O/site/index.html" "$O/csv/claims.csv" | cksum)" "$sum1"
leftovers=$(find "$O" -maxdepth 1 -name '.*' ! -name . | wc -l | tr -d ' ')
same report-no-staging-left "$leftovers" 0
expect report-file-as-out 1 "$EFFDASH" --db "$DB" report --out "$D/claims-small.csv"
# A database that cannot be read or is not one: one message, and no
# output folder made.
expect report-no-db 1 "$EFFDASH" --db "$WORK/none.db" report --out "$WORK/out-none"
same report-no-db-one-message "$(wc -l <"$WORK/err" | tr -d ' ')" 1
[ ! -e "$WORK/out-none" ] && pass report-no-db-no-out || fail report-no-db-no-out "made"
echo "not a database" >"$WORK/not.db"
expect report-not-db 1 "$EFFDASH" --db "$WORK/not.db" report --out "$WORK/out-none"
same report-not-db-one-message "$(wc -l <"$WORK/err" | tr -d ' ')" 1
[ ! -e "$WORK/out-none" ] && pass report-not-db-no-out || fail report-not-db-no-out "made"

# A paper listed twice in one file with two abstracts keeps the claims of
# both versions, once each; a later ingest of a changed abstract replaces
# the extracted claims, even when a curated file touched the paper first.
V=$WORK/v.db
printf 'Header\n\nTwice Listed Paper\n\nOur method gives a 2.5x speedup in training and uses 16 GB of memory.\n\nTwice Listed Paper\n\nOur method gives a 2.5x speedup in training and a 3x lower cost overall.\n' >"$WORK/twice.txt"
expect twice-ingest 0 "$EFFDASH" --db "$V" ingest "$WORK/twice.txt"
sqlite3 "$V" "SELECT group_concat(quantity || ':' || value, ' ') FROM (SELECT quantity, value FROM claim ORDER BY quantity, value)" >"$WORK/v"
same twice-both-versions "$(cat "$WORK/v")" "memory_gb:16.0 ratio:2.5 ratio:3.0"
printf 'Header\n\nTwice Listed Paper\n\nOur method gives a 4x speedup in training.\n' >"$WORK/once.txt"
printf 'paper,quantity,figure\nTwice Listed Paper,params,7B\n' >"$WORK/cur.csv"
expect changed-abstract 0 "$EFFDASH" --db "$V" ingest "$WORK/cur.csv" "$WORK/once.txt"
sqlite3 "$V" "SELECT group_concat(quantity || ':' || value, ' ') FROM (SELECT quantity, value FROM claim ORDER BY quantity, value)" >"$WORK/v"
same changed-abstract-replaces "$(cat "$WORK/v")" "params:7000000000.0 ratio:4.0"

# A file that grew at its end is read from where the last complete record
# ended; the database ends up as a fresh ingest of the whole file would
# leave it.  A change before that point means reading it all again.
dump() { sqlite3 "$1" "SELECT p.title, p.versions, c.quantity, c.value, c.span FROM claim c JOIN paper p ON p.id = c.paper_id ORDER BY 1, 3, 4"; }
for kind in listing jsonl; do
	G=$WORK/grow-$kind.db F=$WORK/grow-$kind.db.fresh
	if [ $kind = listing ]; then
		IN=$WORK/grow.txt SRC=$D/listing-small.txt
		awk 'BEGIN { RS = ""; ORS = "\n\n" } NR <= 5' "$SRC" >"$IN"
	else
		IN=$WORK/grow.jsonl SRC=$D/papers-arxiv.jsonl
		head -n 1 "$SRC" >"$IN"
	fi
	expect grow-$kind-first 0 "$EFFDASH" --db "$G" ingest "$IN"
	cat "$SRC" >"$IN"
	expect grow-$kind-resumes 0 "$EFFDASH" --db "$G" ingest "$IN"
	contains grow-$kind-says "$WORK/err" "grew since the last ingest; reading from line"
	expect grow-$kind-fresh 0 "$EFFDASH" --db "$F" ingest "$IN"
	same grow-$kind-as-fresh "$(dump "$G")" "$(dump "$F")"
	printf '\n' >>"$IN"
	expect grow-$kind-blank 0 "$EFFDASH" --db "$G" ingest "$IN"
	same grow-$kind-blank-same "$(dump "$G")" "$(dump "$F")"
	{ printf '\n'; cat "$SRC"; } >"$IN"
	expect grow-$kind-prefix-changed 0 "$EFFDASH" --db "$G" ingest "$IN"
	lacks grow-$kind-prefix-full-read "$WORK/err" "grew since"
	same grow-$kind-prefix-same "$(dump "$G")" "$(dump "$F")"
done

# A file new to the database is hashed as it is read (no pass before the
# reading one); the fingerprint so stored is the one a later ingest takes
# before reading, so the file counts as unchanged.  A pipe cannot be read
# twice: its format must be given, and it is then read in one pass.
P=$WORK/pipe.db
expect fingerprint-fresh 0 "$EFFDASH" --db "$P" ingest "$D/listing-small.txt"
expect fingerprint-again 0 "$EFFDASH" --db "$P" ingest "$D/listing-small.txt"
contains fingerprint-unchanged "$WORK/err" "unchanged since the last ingest"
expect fingerprint-force 0 "$EFFDASH" --db "$P" ingest --force "$D/listing-small.txt"
expect fingerprint-after-force 0 "$EFFDASH" --db "$P" ingest "$D/listing-small.txt"
contains fingerprint-force-unchanged "$WORK/err" "unchanged since the last ingest"
rm -f "$P"
expect pipe-auto 1 sh -c 'cat "$1" | "$2" --db "$3" ingest /dev/stdin' sh "$D/listing-small.txt" "$EFFDASH" "$P"
contains pipe-auto-says "$WORK/err" "give it with --format"
contains pipe-auto-unchanged "$WORK/err" "the database is unchanged"
expect pipe-listing 0 sh -c 'cat "$1" | "$2" --db "$3" ingest --format listing /dev/stdin' sh "$D/listing-small.txt" "$EFFDASH" "$P"
expect pipe-file 0 "$EFFDASH" --db "$WORK/pipe-file.db" ingest "$D/listing-small.txt"
same pipe-listing-as-file "$(dump "$P")" "$(dump "$WORK/pipe-file.db")"
same pipe-fingerprint "$(sqlite3 "$P" "SELECT fingerprint FROM source WHERE path = '/dev/stdin'")" "$(sqlite3 "$WORK/pipe-file.db" "SELECT fingerprint FROM source WHERE format = 'listing'")"

# A report over a previous one keeps (links, unrendered) the paper pages
# whose content cannot have changed, and renders the others; the result
# is the tree a full rendering over the same previous report gives.
R=$WORK/inc.db
expect inc-ingest 0 "$EFFDASH" --db "$R" ingest "$D/listing-small.txt" "$D/claims-small.csv"
expect inc-report-1 0 "$EFFDASH" --db "$R" report --no-render --out "$WORK/inc1"
kept=$(ls "$WORK/inc1/site/papers" | grep -i '^a-small-paper')
changed=$(ls "$WORK/inc1/site/papers" | grep -i '^tiny-diffusion')
ino_kept=$(stat -c %i "$WORK/inc1/site/papers/$kept")
ino_changed=$(stat -c %i "$WORK/inc1/site/papers/$changed")
printf 'paper,quantity,figure\nTiny Diffusion on a Budget,params,2B\n' >"$WORK/inc.csv"
expect inc-ingest-more 0 "$EFFDASH" --db "$R" ingest "$WORK/inc.csv"
cp -r "$WORK/inc1" "$WORK/inc2"
rm "$WORK/inc2/site/data/pages.tsv"
expect inc-report-2 0 "$EFFDASH" --db "$R" report --no-render --out "$WORK/inc1"
expect inc-report-full 0 "$EFFDASH" --db "$R" report --no-render --out "$WORK/inc2"
if diff -r "$WORK/inc1" "$WORK/inc2" >"$WORK/inc.diff"; then
	pass inc-same-as-full
else
	fail inc-same-as-full "$(head -c 300 "$WORK/inc.diff")"
fi
same inc-page-kept "$(stat -c %i "$WORK/inc1/site/papers/$kept")" "$ino_kept"
[ "$(stat -c %i "$WORK/inc1/site/papers/$changed")" != "$ino_changed" ] &&
	pass inc-page-rendered || fail inc-page-rendered "the changed paper's page was kept"
contains inc-page-has-new-claim "$WORK/inc1/site/papers/$changed" "2 billion"
# Nothing changed: the exports are kept too, and the tree is still what a
# full rendering gives.
ino_csv=$(stat -c %i "$WORK/inc1/csv/claims.csv")
rm -rf "$WORK/inc3"
cp -r "$WORK/inc1" "$WORK/inc3"
rm "$WORK/inc3/site/data/pages.tsv" "$WORK/inc3/site/data/exports.tsv"
expect inc-report-3 0 "$EFFDASH" --db "$R" report --no-render --out "$WORK/inc1"
expect inc-report-3-full 0 "$EFFDASH" --db "$R" report --no-render --out "$WORK/inc3"
if diff -r "$WORK/inc1" "$WORK/inc3" >"$WORK/inc.diff"; then
	pass inc-unchanged-same-as-full
else
	fail inc-unchanged-same-as-full "$(head -c 300 "$WORK/inc.diff")"
fi
same inc-exports-kept "$(stat -c %i "$WORK/inc1/csv/claims.csv")" "$ino_csv"
expect inc-check 0 "$EFFDASH" --db "$R" report --no-render --check --out "$WORK/inc1"

# Ingest checks no reference row by row (its writes keep them sound, and
# delete derived values before the claims they belong to): after every
# kind of write, no row points at a missing one.
printf 'paper,quantity,figure\nTiny Diffusion on a Budget,params,3B\nTiny Diffusion on a Budget,cost_usd,"$1,890"\n' >"$WORK/inc.csv"
expect fk-curated-reread 0 "$EFFDASH" --db "$R" ingest "$WORK/inc.csv"
printf 'paper,quantity,figure\nTiny Diffusion on a Budget,tokens,300B\n' >"$WORK/inc.csv"
expect fk-curated-shrunk 0 "$EFFDASH" --db "$R" ingest "$WORK/inc.csv"
same fk-curated-replaced "$(sqlite3 "$R" "SELECT group_concat(quantity) FROM claim WHERE origin = 'curated' AND source_id = (SELECT id FROM source WHERE path LIKE '%inc.csv')")" "tokens"
printf 'Header\n\nTwice Listed Paper\n\nTraining costs $5,000 and 64 A100 GPU-days.\n' >"$WORK/costly.txt"
expect fk-reextract-1 0 "$EFFDASH" --db "$V" ingest "$WORK/costly.txt"
same fk-reextract-derived "$(sqlite3 "$V" "SELECT count(*) > 0 FROM derivation")" 1
expect fk-reextract-2 0 "$EFFDASH" --db "$V" ingest "$WORK/once.txt"
# Curated rows of a paper the ingest creates are derived by the extraction
# threads, unless their values name claim ids (6ND, implied figures) or
# the rows may go on past the batch; a forced re-ingest finds the papers
# stored and derives every one in the storing thread.  Both give the same
# values.  300 papers of 1 to 5 rows (batches of 64 rows end inside
# groups, and batches of 2048 do not), with rejections, ratios with baselines and parameters with
# tokens among them.
python3 - "$WORK/groups.csv" <<'PY'
import sys
rows = ["paper,date,quantity,figure,dimension,subject,baseline,span,action"]
kinds = [
    ("compute", "{n} A100 GPU hours", "", "", "", "add"),
    ("compute", "{n} H100 GPU days", "", "", "", "add"),
    ("cost_usd", "${n},000", "", "", "", "add"),
    ("compute", "{n} V100 GPU hours", "", "", "", "reject"),
    ("ratio", "{n}x lower cost", "cost", "", "Big Baseline", "add"),
    ("cost_usd", "${n}.5 million", "", "baseline", "Big Baseline", "add"),
    ("params", "{n}B parameters", "", "", "", "add"),
    ("tokens", "{n}00B tokens", "", "", "", "add"),
]
for p in range(300):
    for r in range(1 + (p * 7) % 5):
        q, fig, dim, subj, base, act = kinds[(p + 3 * r) % len(kinds)]
        f = fig.format(n=p % 97 + r + 2)
        date = "2023-0%d-01" % (1 + p % 9)
        rows.append(",".join(['"Grouped paper %d"' % p, date, q, '"%s"' % f, dim, subj,
                              base, '"%s"' % f, act]))
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
G=$WORK/groups.db
expect groups-ingest 0 "$EFFDASH" --db "$G" ingest --batch 64 "$WORK/groups.csv"
derived_by_row() {
	sqlite3 "$G" "SELECT c.source_line, d.seq, d.kind, d.value, d.low, d.high, d.unit,
		CASE WHEN d.method LIKE '%claim%' THEN 'names a claim' ELSE d.method END, d.assumption
		FROM derivation d JOIN claim c ON c.id = d.claim_id ORDER BY 1, 2"
}
derived_by_row >"$WORK/groups-1"
expect groups-reingest 0 "$EFFDASH" --db "$G" ingest --force "$WORK/groups.csv"
derived_by_row >"$WORK/groups-2"
same groups-derived-equal "$(cmp "$WORK/groups-1" "$WORK/groups-2" 2>&1)" ""
rm -f "$G"
expect groups-ingest-whole 0 "$EFFDASH" --db "$G" ingest "$WORK/groups.csv"
derived_by_row >"$WORK/groups-3"
same groups-derived-whole "$(cmp "$WORK/groups-1" "$WORK/groups-3" 2>&1)" ""
same groups-derived-many "$(test "$(wc -l <"$WORK/groups-1")" -gt 1000 && echo yes)" yes
same groups-names-ids "$(grep -c 'names a claim' "$WORK/groups-1" | awk '{ print ($1 > 20) }')" 1

# Papers and claims go in several rows to a statement: a row refused in
# the middle of one (here by a trigger) fails the ingest with the
# database's message, and the database is as it was.
RF=$WORK/refuse.db
python3 -c '
import sys
for i in range(40):
    print("Refused paper %d\n\nWe train a %dB model on 300B tokens for $%d,000.\n" % (i, i + 1, i + 2))
' >"$WORK/refuse.txt"
for target in "claim WHEN NEW.value = 25000000000" "paper WHEN NEW.title = 'Refused paper 20'"; do
	table=${target%% *}
	# an empty database (the failed ingest leaves its schema), so that
	# new papers need no lookup and go 16 to a statement too
	rm -f "$RF"
	expect "refuse-$table-empty" 1 "$EFFDASH" --db "$RF" ingest "$D/empty.txt"
	sqlite3 "$RF" "CREATE TRIGGER refuse BEFORE INSERT ON $target BEGIN SELECT RAISE(FAIL, 'refused by a trigger'); END"
	before=$(cksum <"$RF")
	expect "refuse-$table" 1 "$EFFDASH" --db "$RF" ingest "$WORK/refuse.txt"
	contains "refuse-$table-said" "$WORK/err" "refused by a trigger"
	same "refuse-$table-unchanged" "$(cksum <"$RF")" "$before"
done

# A source's curated claims are found through the range of claim ids its
# row records: replacing one file's rows leaves another's alone, whichever
# was stored first.
RG=$WORK/ranges.db
printf 'paper,quantity,figure\nRange Paper One,params,3B\nRange Paper Two,tokens,300B\n' >"$WORK/ra.csv"
printf 'paper,quantity,figure\nRange Paper One,cost_usd,"$1,890"\n' >"$WORK/rb.csv"
expect range-ingest 0 "$EFFDASH" --db "$RG" ingest "$WORK/ra.csv" "$WORK/rb.csv"
printf 'paper,quantity,figure\nRange Paper One,params,7B\nRange Paper Two,tokens,300B\nRange Paper Two,params,1B\n' >"$WORK/ra.csv"
expect range-ingest-a 0 "$EFFDASH" --db "$RG" ingest "$WORK/ra.csv" "$WORK/rb.csv"
printf 'paper,quantity,figure\nRange Paper Two,cost_usd,$500\n' >"$WORK/rb.csv"
expect range-ingest-b 0 "$EFFDASH" --db "$RG" ingest "$WORK/rb.csv"
curated_by_file() {
	sqlite3 "$RG" "SELECT group_concat(f, ' ') FROM (SELECT substr(s.path, -6) || ':' || c.value AS f
		FROM claim c JOIN source s ON s.id = c.source_id WHERE c.origin = 'curated' ORDER BY c.id)"
}
same range-replaced "$(curated_by_file)" "ra.csv:7000000000.0 ra.csv:300000000000.0 ra.csv:1000000000.0 rb.csv:500.0"

for db in "$V" "$R" "$WORK/grow-listing.db" "$WORK/grow-jsonl.db" "$P" "$DB" "$G" "$RG"; do
	sqlite3 "$db" "PRAGMA foreign_key_check; SELECT 'orphan derived values of claim ' || claim_id FROM derived WHERE claim_id NOT IN (SELECT id FROM claim);
		SELECT 'curated claim ' || c.id || ' outside the range of its source' FROM claim c JOIN source s ON s.id = c.source_id
		WHERE c.origin = 'curated' AND NOT coalesce(c.id BETWEEN s.curated_first AND s.curated_last, 0)" >"$WORK/fk" 2>&1
	same "fk-sound-$(basename "$db")" "$(cat "$WORK/fk")" ""
done

# The performance page: make bench's results CSV, read strictly (errors at
# file:line:col, the previous report kept), linked from every page only
# when asked for, part of what --check compares.
PR=$D/perf-results.csv
PO=$WORK/perf
expect perf-report 0 "$EFFDASH" --db "$DB" report --no-render --perf-results "$PR" --out "$PO"
contains perf-page "$PO/site/performance.html" "<h1>Performance</h1>"
contains perf-ratio-grep "$PO/site/performance.html" "6.8× grep&#39;s time"
contains perf-ratio-ingest "$PO/site/performance.html" "2% of a full ingest&#39;s time"
contains perf-ratio-import "$PO/site/performance.html" "14% of sqlite3 .import&#39;s rate"
contains perf-ratio-zero "$PO/site/performance.html" "not measurable"
for c in time throughput memory; do
	[ -s "$PO/plots/perf-$c.gp" ] && [ -s "$PO/plots/perf-$c.dat" ] &&
		pass "perf-chart-$c" || fail "perf-chart-$c" "script or data missing"
	contains "perf-anchor-$c" "$PO/site/performance.html" "id=\"chart-perf-$c\""
done
paper=$(ls "$PO/site/papers" | head -n 1)
contains perf-nav-paper "$PO/site/papers/$paper" 'href="../performance.html"'
contains perf-nav-index "$PO/site/index.html" 'href="performance.html"'
expect perf-check-same 0 "$EFFDASH" --db "$DB" report --no-render --perf-results "$PR" --check --out "$PO"
sed 's/^ingest-listing,100000,171850000,3.8,/ingest-listing,100000,171850000,4.1,/' "$PR" >"$WORK/perf-changed.csv"
expect perf-check-changed 1 "$EFFDASH" --db "$DB" report --no-render --perf-results "$WORK/perf-changed.csv" --check --out "$PO"
contains perf-check-chart "$WORK/out" "changed chart: perf-time"
contains perf-check-page "$WORK/out" "changed file: site/performance.html"
expect perf-check-dropped 1 "$EFFDASH" --db "$DB" report --no-render --check --out "$PO"
contains perf-check-dropped-page "$WORK/out" "removed file: site/performance.html"
# Without the option the page goes, and so does every link to it (paper
# pages kept from the previous report included).
expect perf-report-without 0 "$EFFDASH" --db "$DB" report --no-render --out "$PO"
[ ! -e "$PO/site/performance.html" ] && pass perf-page-removed || fail perf-page-removed "still there"
if grep -rl 'performance.html' "$PO/site" >"$WORK/links"; then
	fail perf-nav-removed "$(head -n 3 "$WORK/links")"
else
	pass perf-nav-removed
fi
# And back: paper pages kept from a report without the page link to it.
expect perf-report-back 0 "$EFFDASH" --db "$DB" report --no-render --perf-results "$PR" --out "$WORK/perf-back"
expect perf-report-back-without 0 "$EFFDASH" --db "$DB" report --no-render --out "$WORK/perf-back"
expect perf-report-back-with 0 "$EFFDASH" --db "$DB" report --no-render --perf-results "$PR" --out "$WORK/perf-back"
contains perf-nav-paper-again "$WORK/perf-back/site/papers/$paper" 'href="../performance.html"'
no_perf=$(cat "$PO/site/index.html" | cksum)
# An unknown column and stages are kept as text; nothing from the file
# reaches gnuplot as a command, also when rendering.
if command -v gnuplot >/dev/null 2>&1; then render=; else render=--no-render; fi
expect perf-odd 0 "$EFFDASH" --db "$DB" report $render --perf-results "$D/perf-odd.csv" --out "$WORK/perf-odd"
contains perf-odd-warns "$WORK/err" "perf-odd.csv:1:22: warning: unknown column 'notes' ignored"
contains perf-odd-escaped "$WORK/perf-odd/site/performance.html" "warm &lt;b&gt;cache&lt;/b&gt; &quot;x&quot;"
lacks perf-odd-no-markup "$WORK/perf-odd/site/performance.html" "<b>cache"
contains perf-odd-ratio "$WORK/perf-odd/site/performance.html" "ratio 1.5 to system("
found=$(find "$WORK" "$PWD" -maxdepth 1 -name 'pwned-*' 2>/dev/null; find "$WORK/perf-odd" -name 'pwned-*')
same perf-odd-no-command "$found" ""
# Bad input: file:line:col, exit 1, the previous report untouched.
check_perf() {
	what=$1 where=$2 msg=$3
	expect "perf-bad-$what" 1 "$EFFDASH" --db "$DB" report --perf-results "$WORK/perf-bad.csv" --out "$PO"
	contains "perf-bad-$what-message" "$WORK/err" "effdash: $WORK/perf-bad.csv:$where: $msg"
	same "perf-bad-$what-kept" "$(cat "$PO/site/index.html" | cksum)" "$no_perf"
}
expect perf-missing-file 1 "$EFFDASH" --db "$DB" report --perf-results "$WORK/none.csv" --out "$PO"
contains perf-missing-file-message "$WORK/err" "none.csv: cannot open"
printf 'stage,papers,seconds\nreport,1000,"0.5\n' >"$WORK/perf-bad.csv"
check_perf quote "2:13" "unterminated quoted field"
printf 'stage,papers,bytes\nreport,1000,5\n' >"$WORK/perf-bad.csv"
check_perf column "1:1" "missing column 'seconds'"
printf 'stage,papers,seconds\nreport,1000,fast\n' >"$WORK/perf-bad.csv"
check_perf number "2:13" "seconds: 'fast' is not a non-negative number"
printf 'stage,papers,seconds\nreport,1000,-1\n' >"$WORK/perf-bad.csv"
check_perf negative "2:13" "seconds: '-1' is not a non-negative number"
printf 'stage,papers,seconds\nreport,10.5,1\n' >"$WORK/perf-bad.csv"
check_perf whole "2:8" "papers: '10.5' is not a whole number"
printf 'stage,papers,seconds\nreport,1000\n' >"$WORK/perf-bad.csv"
check_perf fields "2:1" "row has 2 fields, header has 3"
printf 'stage,papers,seconds\n,1000,1\n' >"$WORK/perf-bad.csv"
check_perf stage "2:1" "stage: missing value"
: >"$WORK/perf-bad.csv"
check_perf empty "1:1" "empty file"

# The database is the same whatever the number of threads: extraction in
# the storing thread (--jobs 0) and in extraction threads, whose results
# are stored in input order.  Enough papers that the ring of batches
# wraps around many times, a file read twice, and curated rows for new
# and known papers.
src=$D/listing-small.txt
[ -f "${SHARED:-}/corpus/trending-efficiency.txt" ] && src=$SHARED/corpus/trending-efficiency.txt
python3 "$TOP/tools/gen_corpus.py" "$src" 1500 listing "$WORK/threads.txt"
# Batches of 64 records, of 7 and of the default size.
for jobs in 0 1 3; do
	case $jobs in 0) batch=64 ;; 1) batch=7 ;; 3) batch=2048 ;; esac
	rm -f "$WORK/threads-$jobs.db"
	expect threads-ingest-$jobs 0 "$EFFDASH" --quiet --db "$WORK/threads-$jobs.db" ingest \
		--jobs $jobs --batch $batch "$WORK/threads.txt" "$D/claims-small.csv" "$TOP/data/claims.csv" \
		"$D/papers-arxiv.jsonl" "$WORK/threads.txt"
	sqlite3 "$WORK/threads-$jobs.db" .dump >"$WORK/threads-$jobs.sql"
done
sqlite3 "$WORK/threads-0.db" "SELECT (SELECT count(DISTINCT paper_id) > 256 FROM claim) || (SELECT count(*) > 300 FROM derivation)" >"$WORK/v"
same threads-derived "$(cat "$WORK/v")" 11
for jobs in 1 3; do
	if cmp -s "$WORK/threads-0.sql" "$WORK/threads-$jobs.sql"; then
		pass threads-same-$jobs
	else
		fail threads-same-$jobs "the database differs from --jobs 0"
	fi
done

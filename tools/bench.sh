#!/bin/sh
# Benchmarks (never part of the tests): generate synthetic inputs at
# several sizes from the shared listing, and measure ingest (reading +
# extraction + storage) of a listing and of arXiv-style JSON Lines (median
# of BENCH_RUNS runs, against grep over the same listing), re-ingest of an
# unchanged file and of one grown by 1% more papers, curated-claim inserts
# against sqlite3's .import of the same rows, report time (fresh, and
# again over the previous report), and peak memory.  Prints a table,
# writes build/bench/results.csv and charts it on the performance page of
# a report of the bundled claims (build/bench/report/site/performance.html).
# BENCH_SIZES (default "1000 10000 100000 1000000"), BENCH_RUNS (default
# 3), BENCH_REPORT_MAX (default 100000), SHARED, EFFDASH.
set -eu
export LC_ALL=C
EFFDASH=${EFFDASH:-./effdash}
SHARED=${SHARED:-../shared}
sizes=${BENCH_SIZES:-"1000 10000 100000 1000000"}
# The report stage reads a database with five claims a paper: its memory
# grows with the claims, so sizes above this skip it.
report_max=${BENCH_REPORT_MAX:-100000}
src="$SHARED/corpus/trending-efficiency.txt"
[ -f "$src" ] || src=tests/data/listing-small.txt
out=build/bench
mkdir -p "$out"
# Old report folders are moved aside here and deleted at the end, after
# the last measurement: on ext4 without a journal (as on the development
# machine), for a few minutes after many files are deleted every new
# file's inode is found by skipping the recently freed ones, which made a
# report written just after deleting the previous one 3-4 times slower in
# system time.  That cost belongs to the deletion, not to the report.
trash=$out/trash.$$
mkdir -p "$trash"
results=$out/results.csv
echo "stage,papers,bytes,seconds,mb_per_s,items_per_s,peak_rss_kb,ratio,ratio_to" >"$results"

# run CMD...: time CMD, set $secs and $rss (KB).  The dirty pages of
# earlier steps are written out first (not timed): each step is measured
# without the kernel's writeback of the previous step's output.
run() {
	sync
	/usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>"$out/stderr" ||
		{ cat "$out/stderr" >&2; exit 1; }
	secs=$(cut -d' ' -f1 "$out/time")
	rss=$(cut -d' ' -f2 "$out/time")
}

# median BEFORE CMD...: $runs times, run the function BEFORE (untimed),
# then time CMD; $secs is the median time, $rss the largest peak.
runs=${BENCH_RUNS:-3}
median() {
	before=$1
	shift
	: >"$out/times"
	maxrss=0
	i=0
	while [ $i -lt "$runs" ]; do
		$before
		run "$@"
		echo "$secs" >>"$out/times"
		[ "$rss" -gt "$maxrss" ] && maxrss=$rss
		i=$((i + 1))
	done
	secs=$(sort -n "$out/times" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
	rss=$maxrss
}

# median_ingest DB FILE: ingest FILE into a fresh DB.
median_ingest() {
	db=$1
	median drop_db "$EFFDASH" --quiet --db "$1" ingest "$2"
}
drop_db() { rm -f "$db"; }
# One timed grep over the listing (its time added to grep-times), then
# drop_db.
grep_then_drop() {
	sync
	/usr/bin/time -f "%e" -o "$out/time" grep -oE '[0-9][0-9.,]*' "$listing" >"$out/grep.out"
	cat "$out/time" >>"$out/grep-times"
	drop_db
}

# settle_memory FILE: the report writes 2.2 GB at 100k papers, an ingest
# of 1M papers a 2.3 GB database.  When the page cache is full of this
# run's earlier inputs, databases and reports, the kernel must reclaim a
# page for each page written: on the development machine that took the
# same report from 7-9 s to 12.5-12.9 s, all of it system time, and the
# first format ingested at 1M papers (after the reports at 100k) up to a
# fifth slower than the second.  So before each of those stages the page
# cache is dropped where that is allowed (root), and FILE (the input or
# database the stage reads) read back into memory, so every stage starts
# with free memory and its input cached; $memory_state says which
# happened.
settle_memory() {
	sync
	memory_state="page cache as the earlier stages left it"
	if [ -w /proc/sys/vm/drop_caches ] && echo 1 >/proc/sys/vm/drop_caches 2>/dev/null; then
		memory_state="clean page cache dropped first"
	fi
	cat "$1" >/dev/null
}

# median_report fresh|again N: report the database of N papers into a new
# folder each time (the old one goes to the trash), or over the previous
# report.
median_report() {
	rep=$out/report-$2
	if [ "$1" = fresh ]; then
		median trash_report "$EFFDASH" --quiet --db "$out/d.db" report --no-render --out "$rep"
	else
		median : "$EFFDASH" --quiet --db "$out/d.db" report --no-render --out "$rep"
	fi
}
trash_report() { [ ! -e "$rep" ] || mv "$rep" "$trash/${rep##*/}.$i"; }

rate() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
row() { printf '%-10s %9s %9s %8s %9s %11s %9s %s\n' "$@"; }

row stage papers MB seconds MB/s items/s peakMB note
for n in $sizes; do
	listing=$out/listing-$n.txt
	[ -f "$listing" ] || python3 tools/gen_corpus.py "$src" "$n" listing "$listing"
	jsonl=$out/jsonl-$n.jsonl
	[ -f "$jsonl" ] || python3 tools/gen_corpus.py "$src" "$n" jsonl "$jsonl"
	# grep over the same listing runs once before each timed ingest (not
	# timed with it), so that both meet the machine in the same minutes:
	# its speed drifts, and three greps before six ingests once gave
	# ratios a third apart from one run to the next.  grep's output goes
	# to a file: with /dev/null GNU grep stops at the first match.
	: >"$out/grep-times"
	# The listing last: its database and time serve the re-reads below.
	for fmt in jsonl listing; do
		[ $fmt = listing ] && in=$listing || in=$jsonl
		db=$out/b.db
		settle_memory "$in"
		median grep_then_drop "$EFFDASH" --quiet --db "$db" ingest "$in"
		claims=$(sqlite3 "$db" "SELECT count(*) FROM claim")
		eval "secs_$fmt=\$secs rss_$fmt=\$rss claims_$fmt=\$claims"
	done
	grep_s=$(sort -n "$out/grep-times" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
	for fmt in jsonl listing; do
		[ $fmt = listing ] && in=$listing || in=$jsonl
		eval "secs=\$secs_$fmt rss=\$rss_$fmt claims=\$claims_$fmt"
		bytes=$(wc -c <"$in")
		mb=$(rate "$bytes" 1000000)
		row "$fmt" "$n" "$mb" "$secs" "$(rate "$mb" "$secs")" "$(rate "$n" "$secs")" \
			"$(rate "$rss" 1000)" "$claims claims; median of $runs; $(ratio "$secs" "$grep_s")x grep's time (${grep_s}s, median of $((2 * runs)) runs interleaved with the ingests); $memory_state"
		echo "ingest-$fmt,$n,$bytes,$secs,$(rate "$mb" "$secs"),$(rate "$n" "$secs"),$rss,$(ratio "$secs" "$grep_s"),grep" >>"$results"
	done
	full_s=$secs

	# Re-reading: the same file, unchanged; then grown by 1% more papers
	# appended at its end (titles changed, so the papers are new).
	run "$EFFDASH" --quiet --db "$out/b.db" ingest "$listing"
	row reingest "$n" "" "$secs" "" "" "$(rate "$rss" 1000)" \
		"unchanged file: $(pct "$secs" "$full_s") of the full run"
	echo "reingest,$n,$bytes,$secs,,,$rss,$(ratio "$secs" "$full_s"),ingest" >>"$results"
	grow=$out/grow-$n.txt
	cp "$listing" "$grow"
	run "$EFFDASH" --quiet --db "$out/b.db" ingest "$grow"
	extra=$((n / 100))
	awk -v k="$extra" 'BEGIN { RS = ""; ORS = "\n\n" } NR > 1 && NR <= 1 + 2 * k { print "Appended " $0 }' "$listing" >>"$grow"
	run "$EFFDASH" --quiet --db "$out/b.db" ingest "$grow"
	row grow1pct "$extra" "" "$secs" "" "" "$(rate "$rss" 1000)" \
		"$extra papers appended: $(pct "$secs" "$full_s") of the full run"
	echo "grow1pct,$extra,,$secs,,,$rss,$(ratio "$secs" "$full_s"),ingest" >>"$results"
	rm -f "$grow"

	csv=$out/claims-$n.csv
	[ -f "$csv" ] || python3 tools/gen_corpus.py "$src" "$n" csv "$csv"
	rows=$(($(wc -l <"$csv") - 1))
	median_ingest "$out/c.db" "$csv"
	ours=$secs ours_rss=$rss
	db=$out/i.db
	median drop_db sqlite3 "$db" ".import --csv $csv claims"
	theirs=$secs
	row curated "$n" "" "$ours" "" "$(rate "$rows" "$ours")" "$(rate "$ours_rss" 1000)" \
		"$rows rows; sqlite3 .import $(rate "$rows" "$theirs") rows/s ($(ratio "$theirs" "$ours") of its rate)"
	echo "curated,$n,,$ours,,$(rate "$rows" "$ours"),$ours_rss,$(ratio "$theirs" "$ours"),sqlite3-import" >>"$results"

	[ "$n" -le "$report_max" ] || continue
	# The report reads a database with about five claims a paper: the
	# listing's extracted claims and four curated ones each.
	dense=$out/dense-$n.csv
	[ -f "$dense" ] || python3 tools/gen_corpus.py "$src" "$n" csv-dense "$dense"
	rm -f "$out/d.db"
	"$EFFDASH" --quiet --db "$out/d.db" ingest "$listing" "$dense"
	claims=$(sqlite3 "$out/d.db" "SELECT count(*) FROM claim")
	# Fresh reports (each into a new folder) and the same report over
	# the previous one (unchanged files are linked): medians of $runs,
	# from a known state of memory (settle_memory).
	settle_memory "$out/d.db"
	median_report fresh "$n"
	report_s=$secs
	row report "$n" "" "$secs" "" "" "$(rate "$rss" 1000)" \
		"$claims claims; charts not rendered (gnuplot time excluded); $memory_state"
	echo "report,$n,,$secs,,,$rss,," >>"$results"
	median_report again "$n"
	printf '%-10s %9s %9s %8s %9s %11s %9s %s\n' rereport "$n" "" "$secs" "" "" \
		"$(rate "$rss" 1000)" "unchanged database: $(pct "$secs" "$report_s") of the full report"
	echo "rereport,$n,,$secs,,,$rss,$(rate "$secs" "$report_s"),report" >>"$results"
done
echo "results: $results"

# The results on the site's performance page, in a report of the bundled
# claims: small and quick, and the page does not depend on the database.
# Charts are rendered when gnuplot is there.
rm -f "$out/report.db"
"$EFFDASH" --quiet --db "$out/report.db" ingest data/claims.csv
render=--no-render
command -v gnuplot >/dev/null 2>&1 && render=
# gnuplot warns about the degree sign in the C locale; effdash's output
# is the same in any.
LC_ALL=C.UTF-8 "$EFFDASH" --quiet --db "$out/report.db" report $render --perf-results "$results" --out "$out/report"
echo "performance page: $out/report/site/performance.html"
rm -rf "$trash" "$out"/trash.*

#!/bin/sh
# Benchmarks (never part of the tests): generate synthetic inputs at
# several sizes from the shared listing, and measure ingest (reading +
# extraction + storage), curated-claim inserts against sqlite3's .import
# of the same rows, report time (fresh, and again over the previous
# report), and peak memory.  Prints a table and
# writes build/bench/results.csv.
# BENCH_SIZES (default "1000 10000 100000"), SHARED, EFFDASH.
set -eu
export LC_ALL=C
EFFDASH=${EFFDASH:-./effdash}
SHARED=${SHARED:-../shared}
sizes=${BENCH_SIZES:-"1000 10000 100000"}
src="$SHARED/corpus/trending-efficiency.txt"
[ -f "$src" ] || src=tests/data/listing-small.txt
out=build/bench
mkdir -p "$out"
results=$out/results.csv
echo "stage,papers,bytes,seconds,mb_per_s,items_per_s,peak_rss_kb,ratio,ratio_to" >"$results"

# run LABEL CMD...: time CMD, set $secs and $rss (KB).
run() {
	/usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>"$out/stderr" ||
		{ cat "$out/stderr" >&2; exit 1; }
	secs=$(cut -d' ' -f1 "$out/time")
	rss=$(cut -d' ' -f2 "$out/time")
}

rate() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }

printf '%-10s %9s %9s %8s %9s %11s %9s %s\n' stage papers MB seconds MB/s items/s peakMB note
for n in $sizes; do
	listing=$out/listing-$n.txt
	[ -f "$listing" ] || python3 tools/gen_corpus.py "$src" "$n" listing "$listing"
	bytes=$(wc -c <"$listing")
	mb=$(rate "$bytes" 1000000)
	rm -f "$out/b.db"
	run "$EFFDASH" --quiet --db "$out/b.db" ingest "$listing"
	ingest_s=$secs
	claims=$(sqlite3 "$out/b.db" "SELECT count(*) FROM claim")
	# grep's output goes to a file: with /dev/null GNU grep stops at the
	# first match.
	/usr/bin/time -f "%e %M" -o "$out/time" grep -oE '[0-9][0-9.,]*' "$listing" >"$out/grep.out"
	grep_s=$(cut -d' ' -f1 "$out/time")
	ratio=$(awk -v a="$ingest_s" -v b="$grep_s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
	printf '%-10s %9s %9s %8s %9s %11s %9s %s\n' ingest "$n" "$mb" "$ingest_s" \
		"$(rate "$mb" "$ingest_s")" "$(rate "$n" "$ingest_s")" "$(rate "$rss" 1000)" \
		"$claims claims; ${ratio}x grep's time (${grep_s}s)"
	echo "ingest,$n,$bytes,$ingest_s,$(rate "$mb" "$ingest_s"),$(rate "$n" "$ingest_s"),$rss,$ratio,grep" >>"$results"

	run "$EFFDASH" --quiet --db "$out/b.db" ingest "$listing"
	printf '%-10s %9s %9s %8s %9s %11s %9s %s\n' reingest "$n" "$mb" "$secs" "" "" \
		"$(rate "$rss" 1000)" "unchanged file: $(awk -v a="$secs" -v b="$ingest_s" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }') of the full run"
	echo "reingest,$n,$bytes,$secs,,,$rss,$(rate "$secs" "$ingest_s"),ingest" >>"$results"

	csv=$out/claims-$n.csv
	[ -f "$csv" ] || python3 tools/gen_corpus.py "$src" "$n" csv "$csv"
	rows=$(($(wc -l <"$csv") - 1))
	rm -f "$out/c.db" "$out/i.db"
	run "$EFFDASH" --quiet --db "$out/c.db" ingest "$csv"
	ours=$secs
	run sqlite3 "$out/i.db" ".import --csv $csv claims"
	theirs=$secs
	printf '%-10s %9s %9s %8s %9s %11s %9s %s\n' curated "$n" "" "$ours" "" \
		"$(rate "$rows" "$ours")" "$(rate "$rss" 1000)" \
		"$rows rows; sqlite3 .import $(rate "$rows" "$theirs") rows/s"
	echo "curated,$n,,$ours,,$(rate "$rows" "$ours"),$rss,$(rate "$theirs" "$ours"),sqlite3-import" >>"$results"

	rm -rf "$out/report-$n"
	run "$EFFDASH" --quiet --db "$out/b.db" report --out "$out/report-$n"
	report_s=$secs
	printf '%-10s %9s %9s %8s %9s %11s %9s\n' report "$n" "" "$secs" "" "" "$(rate "$rss" 1000)"
	echo "report,$n,,$secs,,,$rss,," >>"$results"
	# The same report over the previous one: unchanged files are linked.
	run "$EFFDASH" --quiet --db "$out/b.db" report --out "$out/report-$n"
	printf '%-10s %9s %9s %8s %9s %11s %9s %s\n' rereport "$n" "" "$secs" "" "" \
		"$(rate "$rss" 1000)" "unchanged database: $(awk -v a="$secs" -v b="$report_s" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }') of the full report"
	echo "rereport,$n,,$secs,,,$rss,$(rate "$secs" "$report_s"),report" >>"$results"
done
echo "results: $results"

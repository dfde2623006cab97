#!/bin/sh
# Threads under ThreadSanitizer: an ingest with several extraction
# threads (papers, curated rows and a grown file through the one ring) and
# reports (paper pages and exports written by threads).  EFFDASH is a
# -fsanitize=thread build; any report of a race fails.
. "$(dirname "$0")/lib.sh"
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
D=$TOP/tests/data
corpus=$SHARED/corpus/trending-efficiency.txt
[ -f "$corpus" ] || corpus=$D/listing-small.txt
python3 "$TOP/tools/gen_corpus.py" "$corpus" 3000 listing "$WORK/gen.txt"
for jobs in 0 1 3; do
	DB=$WORK/t$jobs.db
	# small batches: many hand-overs between the threads
	expect tsan-ingest-jobs-$jobs 0 "$EFFDASH" --quiet --db "$DB" ingest --jobs $jobs --batch 16 \
		"$WORK/gen.txt" "$D/claims-small.csv" "$TOP/data/claims.csv" "$D/papers-arxiv.jsonl"
	lacks tsan-ingest-jobs-$jobs-clean "$WORK/err" "ThreadSanitizer"
done
python3 "$TOP/tools/gen_corpus.py" "$corpus" 300 listing "$WORK/more.txt"
tail -n +3 "$WORK/more.txt" | sed 's/^\([A-Z]\)/Grown \1/' >>"$WORK/gen.txt"
expect tsan-ingest-grown 0 "$EFFDASH" --quiet --db "$WORK/t3.db" ingest "$WORK/gen.txt"
lacks tsan-ingest-grown-clean "$WORK/err" "ThreadSanitizer"
for run in 1 2; do
	expect tsan-report-$run 0 "$EFFDASH" --quiet --db "$WORK/t3.db" report --no-render --out "$WORK/site"
	lacks tsan-report-$run-clean "$WORK/err" "ThreadSanitizer"
done

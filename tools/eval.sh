#!/bin/sh
# Score extraction from the shared corpus twice: against the shared gold
# claims (dev, the set the rules were built on) and against the curated
# claims of data/claims.csv for the papers dev does not hold (held-out,
# an estimate on text the rules were not tuned to).
# FLOOR_P / FLOOR_R: fail when dev precision or recall falls below them;
# HELDOUT_FLOOR_P / HELDOUT_FLOOR_R: the same for the held-out set.  The
# defaults are the floors reached, which only move up; `make eval` and
# the tests hold extraction to the same ones.
# SHOW=1 lists the misses and extras of both.
set -eu
EFFDASH=${EFFDASH:-./effdash}
SHARED=${SHARED:-../shared}
TOP=$(cd "$(dirname "$0")/.." && pwd)
corpus="$SHARED/corpus/trending-efficiency.txt"
gold="$SHARED/gold/dev.jsonl"
curated="$TOP/data/claims.csv"
if [ ! -f "$corpus" ] || [ ! -f "$gold" ]; then
	echo "eval: $SHARED has no corpus or gold file; skipped" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$EFFDASH" --quiet --db "$tmp/eval.db" ingest "$corpus"
"$EFFDASH" --db "$tmp/eval.db" claims --format jsonl >"$tmp/pred.jsonl"

# score NAME GOLD FLOOR_P FLOOR_R: print the table, check the floors
status=0
score() {
	echo "== $1"
	python3 "$SHARED/eval/score.py" "$2" "$tmp/pred.jsonl" ${SHOW:+--show-errors} \
		>"$tmp/score.txt"
	cat "$tmp/score.txt"
	last=$(tail -n 1 "$tmp/score.txt")
	p=$(echo "$last" | sed -n 's/.*precision=\([0-9.]*\).*/\1/p')
	r=$(echo "$last" | sed -n 's/.*recall=\([0-9.]*\).*/\1/p')
	if awk -v p="$p" -v r="$r" -v fp="$3" -v fr="$4" \
		'BEGIN { exit !(p + 0 >= fp + 0 && r + 0 >= fr + 0) }'; then
		summary="$summary $1: precision $p (floor $3), recall $r (floor $4);"
	else
		echo "eval: $1 below the floor: precision $p (floor $3), recall $r (floor $4)" >&2
		summary="$summary $1: BELOW precision $p (floor $3), recall $r (floor $4);"
		status=1
	fi
}
summary=
score dev "$gold" "${FLOOR_P:-0.98}" "${FLOOR_R:-0.97}"
if [ -f "$curated" ]; then
	python3 "$TOP/tools/heldout.py" "$curated" "$gold" "$tmp/heldout.jsonl"
	score held-out "$tmp/heldout.jsonl" "${HELDOUT_FLOOR_P:-0.95}" "${HELDOUT_FLOOR_R:-0.96}"
fi
echo "eval:$summary"
exit $status

#!/bin/sh
# Score extraction from the shared corpus against the shared gold claims.
# FLOOR_P / FLOOR_R: fail when precision or recall falls below them.
set -eu
EFFDASH=${EFFDASH:-./effdash}
SHARED=${SHARED:-../shared}
corpus="$SHARED/corpus/trending-efficiency.txt"
gold="$SHARED/gold/dev.jsonl"
if [ ! -f "$corpus" ] || [ ! -f "$gold" ]; then
	echo "eval: $SHARED has no corpus or gold file; skipped" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$EFFDASH" --quiet --db "$tmp/eval.db" ingest "$corpus"
"$EFFDASH" --db "$tmp/eval.db" claims --format jsonl >"$tmp/pred.jsonl"
python3 "$SHARED/eval/score.py" "$gold" "$tmp/pred.jsonl" ${SHOW:+--show-errors} | tee "$tmp/score.txt"
last=$(tail -n 1 "$tmp/score.txt")
p=$(echo "$last" | sed -n 's/.*precision=\([0-9.]*\).*/\1/p')
r=$(echo "$last" | sed -n 's/.*recall=\([0-9.]*\).*/\1/p')
floor_p=${FLOOR_P:-0}
floor_r=${FLOOR_R:-0}
if awk -v p="$p" -v r="$r" -v fp="$floor_p" -v fr="$floor_r" \
	'BEGIN { exit !(p + 0 >= fp + 0 && r + 0 >= fr + 0) }'; then
	echo "eval: precision $p (floor $floor_p), recall $r (floor $floor_r)"
else
	echo "eval: below the floor: precision $p (floor $floor_p), recall $r (floor $floor_r)" >&2
	exit 1
fi

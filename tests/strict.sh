#!/bin/sh
# Strict inputs, end to end through `effdash ingest`: JSON is held to RFC
# 8259 (every n_ file of JSONTestSuite refused with "invalid JSON" at a
# position, no y_ file refused as invalid JSON), and invalid UTF-8, NUL
# bytes, over-long lines, numbers that overflow, NaN and Infinity, negative
# and zero amounts are refused (curated files) or reported and skipped
# (paper records), always with file:line:col, and never half stored.
. "$(dirname "$0")/lib.sh"
SHARED=${SHARED:-$TOP/../shared}
T=$WORK/in
mkdir -p "$T"

# refused NAME STATUS FILE LINE:COL MESSAGE: ingesting FILE into a fresh
# database exits STATUS with "effdash: FILE:LINE:COL: MESSAGE"; for status
# 1 the database holds nothing afterwards.
refused() {
	name=$1 status=$2 file=$T/$3 where=$4 msg=$5
	rm -f "$WORK/s.db"
	expect "$name" "$status" "$EFFDASH" --db "$WORK/s.db" ingest "$file"
	contains "$name-message" "$WORK/err" "effdash: $file:$where: $msg"
	if [ "$status" -eq 1 ]; then
		n=$(sqlite3 "$WORK/s.db" "SELECT count(*) FROM paper" 2>/dev/null || echo 0)
		same "$name-nothing-stored" "$n" 0
	fi
}

H='paper,quantity,value'
printf '%s\nP,params,1e400\n' "$H" >"$T/overflow.csv"
refused csv-overflow 1 overflow.csv 2:10 "value: '1e400' is out of range"
printf '%s\nP,params,1e-400\n' "$H" >"$T/underflow.csv"
refused csv-underflow 1 underflow.csv 2:10 "value: '1e-400' is out of range"
for v in NaN nan Infinity -inf inf; do
	printf '%s\nP,params,%s\n' "$H" "$v" >"$T/v-$v.csv"
	refused "csv-$v" 1 "v-$v.csv" 2:10 "value: '$v' is not a number"
done
printf '%s\nP,params,-5\n' "$H" >"$T/negative.csv"
refused csv-negative 1 negative.csv 2:10 "value: amount must be positive"
printf '%s\nP,cost_usd,0\n' "$H" >"$T/zero.csv"
refused csv-zero 1 zero.csv 2:12 "value: amount must be positive"
printf 'paper,quantity,figure\nP,compute,1e400 A100 GPU hours\n' >"$T/fig-overflow.csv"
refused csv-figure-overflow 1 fig-overflow.csv 2:11 "figure: number out of range"
printf 'paper,quantity,figure\nP,compute,-5 A100 GPU hours\n' >"$T/fig-negative.csv"
refused csv-figure-negative 1 fig-negative.csv 2:11 "figure: negative amount"
printf 'paper,quantity,figure\nP,cost_usd,$0\n' >"$T/fig-zero.csv"
refused csv-figure-zero 1 fig-zero.csv 2:13 "figure: zero amount"
printf 'paper,quantity,dimension,value\nP,ratio,time,0.5\n' >"$T/ratio-below-1.csv"
refused csv-ratio-below-1 1 ratio-below-1.csv 2:14 "value: a ratio is a factor of at least 1"
printf '%s\nP\000Q,params,5\n' "$H" >"$T/nul.csv"
refused csv-nul 1 nul.csv 2:2 "NUL byte in field"
printf '%s\n"P\000Q",params,5\n' "$H" >"$T/nul-quoted.csv"
refused csv-nul-quoted 1 nul-quoted.csv 2:3 "NUL byte in field"
printf '%s\nP\377,params,5\n' "$H" >"$T/utf8.csv"
refused csv-utf8 1 utf8.csv 2:2 "invalid UTF-8"
printf '%s\nP\355\240\200,params,5\n' "$H" >"$T/surrogate.csv"
refused csv-utf8-surrogate 1 surrogate.csv 2:2 "invalid UTF-8"
printf '%s\nP\300\257,params,5\n' "$H" >"$T/overlong.csv"
refused csv-utf8-overlong 1 overlong.csv 2:2 "invalid UTF-8"
python3 -c 'import sys; sys.stdout.write("paper,quantity,value\n" + "P" * (17 << 20) + ",params,5\n")' >"$T/long.csv"
refused csv-long-record 1 long.csv "2:16777217" "record longer than 16 MiB"

# JSON claims and papers.
printf '{"paper":"P","quantity":"params","value":1e400}\n' >"$T/overflow.json"
refused json-overflow 1 overflow.json 1:1 "value: number out of range"
printf '{"paper":"P","quantity":"params","value":-1}\n' >"$T/negative.json"
refused json-negative 1 negative.json 1:1 "value: amount must be positive"
printf '{"paper":"P","quantity":"params","value":"NaN"}\n' >"$T/nan-string.json"
refused json-nan-string 1 nan-string.json 1:1 "value: 'NaN' is not a number"
printf '{"paper":"P","quantity":"params","value":NaN}\n' >"$T/nan.json"
refused json-nan 1 nan.json 1:42 "invalid JSON"
printf '[{"paper":"P","quantity":"params","value":Infinity}]\n' >"$T/inf.json"
refused json-infinity 1 inf.json 1:43 "invalid JSON"
printf '[{"title":"A","abstract":"x"},\n {"title":"B\\u0000<b>","abstract":"y"}]\n' >"$T/nul.json"
refused json-nul-escape 3 nul.json 2:13 "NUL character (\\u0000) in string"
same json-nul-escape-keeps-others "$(sqlite3 "$WORK/s.db" "SELECT group_concat(title) FROM paper")" A
printf '{"title":"  ","abstract":"We train for $5."}\n{"title":"T","abstract":"x"}\n' >"$T/blank-title.jsonl"
refused json-blank-title 3 blank-title.jsonl 1:1 "paper record has no title"
printf '{"title":"T","abstract":"a \377 b"}\n' >"$T/utf8.jsonl"
refused json-utf8 1 utf8.jsonl 1:28 "invalid JSON: invalid UTF-8"
printf '{"title":"T","abstract":"a\000b"}\n' >"$T/nul-byte.jsonl"
refused json-nul-byte 1 nul-byte.jsonl 1:27 "invalid JSON: control character in string"
python3 -c 'import sys; sys.stdout.write("[" * 100000 + "]" * 100000 + "\n")' >"$T/deep.json"
refused json-deep 1 deep.json 1:514 "invalid JSON: nesting too deep"

# Listings: a bad paragraph is reported and skipped, the rest is read.
ABS='We train a model for $1,890 on eight A100 GPUs in one day, which is far cheaper than the usual approach and matches its quality.'
printf 'Good Title\n\n%s\n\nBad \377 Title\n\n%s\n' "$ABS" "$ABS" >"$T/utf8.txt"
refused listing-utf8 3 utf8.txt 5:5 "invalid UTF-8"
same listing-utf8-keeps-good "$(sqlite3 "$WORK/s.db" "SELECT group_concat(title) FROM paper")" "Good Title"
printf 'Good Title\n\n%s\n\nNUL\000Title\n\n%s\n' "$ABS" "$ABS" >"$T/nul.txt"
refused listing-nul 3 nul.txt 5:4 "NUL byte in text"
python3 -c 'import sys; sys.stdout.write("Long\n\n" + "a" * (17 << 20) + ".\n")' >"$T/long.txt"
refused listing-long-line 3 long.txt 3:1 "line longer than 16777216 bytes"

# JSONTestSuite: every n_ file refused as invalid JSON with a position,
# no y_ file refused as invalid JSON (it may hold no paper: that is a
# different refusal).
J=$SHARED/testsuites/JSONTestSuite-parsing
if [ -d "$J" ]; then
	bad=
	for f in "$J"/n_*.json; do
		rm -f "$WORK/j.db"
		"$EFFDASH" --db "$WORK/j.db" ingest --format json "$f" >/dev/null 2>"$WORK/err"
		rc=$?
		if [ "$rc" -ne 1 ] || ! grep -q "^effdash: $f:[0-9]*:[0-9]*: invalid JSON" "$WORK/err"; then
			bad="$bad $(basename "$f")(exit $rc: $(head -c 120 "$WORK/err"))"
		fi
	done
	[ -z "$bad" ] && pass jsontestsuite-n-refused || fail jsontestsuite-n-refused "$bad"
	bad=
	for f in "$J"/y_*.json; do
		rm -f "$WORK/j.db"
		"$EFFDASH" --db "$WORK/j.db" ingest --format json "$f" >/dev/null 2>"$WORK/err"
		rc=$?
		if [ "$rc" -gt 3 ] || grep -q "invalid JSON" "$WORK/err"; then
			bad="$bad $(basename "$f")(exit $rc: $(head -c 120 "$WORK/err"))"
		fi
	done
	[ -z "$bad" ] && pass jsontestsuite-y-accepted || fail jsontestsuite-y-accepted "$bad"
else
	echo "SKIP jsontestsuite: $J not found"
fi

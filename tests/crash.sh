#!/bin/sh
# Crash safety: effdash is killed with SIGKILL at points spread over an
# ingest and over a report; each time the database must pass PRAGMA
# integrity_check and equal its state before or after the command, and
# the output folder must hold the previous report or the new one, whole.
# Then two concurrent ingests into one database, a full disk and
# unwritable outputs.  CRASH_POINTS sets the number of kills per command.
. "$(dirname "$0")/lib.sh"
SHARED=${SHARED:-$TOP/../shared}
POINTS=${CRASH_POINTS:-25}
D=$TOP/tests/data
C=$WORK/crash
mkdir -p "$C"

# A listing big enough that an ingest takes a while: the shared listing
# rewritten, or (from a plain clone) the bundled small one repeated.
BIG=$C/big.txt
if [ -f "$SHARED/corpus/trending-efficiency.txt" ]; then
	python3 "$TOP/tools/gen_corpus.py" "$SHARED/corpus/trending-efficiency.txt" 1500 listing "$BIG"
else
	python3 - "$D/listing-small.txt" "$BIG" <<'PY'
import sys
paras = [p.strip() for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n") if p.strip()]
pairs = [(paras[i - 1], paras[i]) for i in range(1, len(paras)) if paras[i].endswith(".")]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for k in range(3000):
        t, a = pairs[k % len(pairs)]
        f.write("%s (%d)\n\n%s\n\n" % (t, k, a))
PY
fi

state() { sqlite3 "$1" .dump | cksum; }
now() { date +%s.%N; }
# at I T: seconds to wait before the I-th of POINTS kills in a run of $2 s.
# The kills cover a little more than the run measured, since runs vary.
at() { awk -v i="$1" -v n="$POINTS" -v t="$2" 'BEGIN { printf "%.3f", 1.15 * t * (i - 0.5) / n }'; }

BEFORE_DB=$C/before.db
"$EFFDASH" --db "$BEFORE_DB" --quiet ingest "$D/claims-small.csv" >/dev/null 2>&1
cp "$BEFORE_DB" "$C/after.db"
t0=$(now)
"$EFFDASH" --db "$C/after.db" --quiet ingest "$BIG" >/dev/null 2>&1
t1=$(now)
TI=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
before=$(state "$BEFORE_DB")
after=$(state "$C/after.db")
[ "$before" != "$after" ] && pass crash-ingest-changes-state || fail crash-ingest-changes-state "same dump"

# Kill the ingest at POINTS moments over its duration.
bad= n_before=0 n_after=0
i=1
while [ "$i" -le "$POINTS" ]; do
	cp "$BEFORE_DB" "$C/t.db"
	"$EFFDASH" --db "$C/t.db" --quiet ingest "$BIG" >/dev/null 2>&1 &
	pid=$!
	sleep "$(at "$i" "$TI")"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	ok=$(sqlite3 "$C/t.db" 'PRAGMA integrity_check' 2>&1)
	s=$(state "$C/t.db")
	if [ "$ok" != ok ]; then
		bad="$bad point $i: integrity_check: $ok;"
	elif [ "$s" = "$before" ]; then
		n_before=$((n_before + 1))
	elif [ "$s" = "$after" ]; then
		n_after=$((n_after + 1))
	else
		bad="$bad point $i: database is neither the state before nor after;"
	fi
	i=$((i + 1))
done
same crash-ingest-killed "$bad" ""
echo "note: ingest of ${TI}s killed at $POINTS points: $n_before left the state before, $n_after the state after"
[ "$n_before" -gt 0 ] && pass crash-ingest-some-kills-mid-run || fail crash-ingest-some-kills-mid-run "no kill landed during the ingest"

# Kill the report: the output folder holds the previous report (of the
# small database) or the new one (of the big database), never a mix.
tree() { (cd "$1" && find csv plots site -type f 2>/dev/null | sort | xargs cat 2>/dev/null | cksum); }
"$EFFDASH" --db "$BEFORE_DB" report --out "$C/old" --no-render >/dev/null 2>&1
# A report may compare itself with the previous one, so the new one is
# written over a copy of the old.
cp -a "$C/old" "$C/new"
"$EFFDASH" --db "$C/after.db" report --out "$C/new" --no-render >/dev/null 2>&1
old=$(tree "$C/old")
new=$(tree "$C/new")
[ "$old" != "$new" ] && pass crash-report-changes-output || fail crash-report-changes-output "same output"
rm -rf "$C/out" && cp -a "$C/old" "$C/out"
t0=$(now)
"$EFFDASH" --db "$C/after.db" report --out "$C/out" --no-render >/dev/null 2>&1
t1=$(now)
TR=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
bad= n_old=0 n_new=0
i=1
while [ "$i" -le "$POINTS" ]; do
	rm -rf "$C/out" && cp -a "$C/old" "$C/out"
	"$EFFDASH" --db "$C/after.db" report --out "$C/out" --no-render >/dev/null 2>&1 &
	pid=$!
	sleep "$(at "$i" "$TR")"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	s=$(tree "$C/out")
	if [ "$s" = "$old" ]; then
		n_old=$((n_old + 1))
	elif [ "$s" = "$new" ]; then
		n_new=$((n_new + 1))
	else
		bad="$bad point $i: output is neither the old report nor the new one;"
	fi
	i=$((i + 1))
done
same crash-report-killed "$bad" ""
echo "note: report of ${TR}s killed at $POINTS points: $n_old left the old report, $n_new the new one"
# The next report after a kill still succeeds and is whole.
rm -rf "$C/out" && cp -a "$C/old" "$C/out"
"$EFFDASH" --db "$C/after.db" report --out "$C/out" --no-render >/dev/null 2>&1 &
pid=$!
sleep "$(at 1 "$TR")"
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
expect crash-report-after-kill 0 "$EFFDASH" --db "$C/after.db" report --out "$C/out" --no-render
same crash-report-after-kill-whole "$(tree "$C/out")" "$new"

# Two ingests into one database at once: both succeed one after the other
# (busy timeout), or one fails cleanly; never a damaged database.
python3 - "$BIG" "$C/half1.txt" "$C/half2.txt" <<'PY'
import sys
paras = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
half = len(paras) // 2 // 2 * 2
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(paras[:half]) + "\n")
open(sys.argv[3], "w", encoding="utf-8").write("\n\n".join(paras[half:]) + "\n")
PY
cp "$BEFORE_DB" "$C/c.db"
"$EFFDASH" --db "$C/c.db" ingest "$C/half1.txt" >"$C/c1.out" 2>"$C/c1.err" &
p1=$!
"$EFFDASH" --db "$C/c.db" ingest "$C/half2.txt" >"$C/c2.out" 2>"$C/c2.err" &
p2=$!
wait "$p1"
s1=$?
wait "$p2"
s2=$?
same crash-concurrent-integrity "$(sqlite3 "$C/c.db" 'PRAGMA integrity_check')" ok
papers=$(sqlite3 "$C/c.db" "SELECT count(*) FROM source WHERE path LIKE '%half%'")
if [ "$s1" -eq 0 ] && [ "$s2" -eq 0 ] && [ "$papers" -eq 2 ]; then
	pass crash-concurrent-serialized
elif [ $((s1 + s2)) -eq 1 ] && [ "$papers" -eq 1 ] &&
	grep -q "locked\|busy" "$C/c1.err" "$C/c2.err"; then
	pass crash-concurrent-one-failed-cleanly
else
	fail crash-concurrent "exits $s1 $s2, $papers sources: $(cat "$C/c1.err" "$C/c2.err" | head -c 400)"
fi

# A full disk: standard output on /dev/full.
if [ -w /dev/full ]; then
	"$EFFDASH" --db "$BEFORE_DB" claims >/dev/full 2>"$C/err"
	st=$?
	[ "$st" -eq 1 ] && pass crash-stdout-full-status || fail crash-stdout-full-status "exit $st"
	contains crash-stdout-full-message "$C/err" "No space left on device"
	"$EFFDASH" --db "$BEFORE_DB" claims --format csv >/dev/full 2>"$C/err"
	st=$?
	[ "$st" -eq 1 ] && pass crash-stdout-full-csv-status || fail crash-stdout-full-csv-status "exit $st"
	"$EFFDASH" figure '6,250 A100 GPU days' >/dev/full 2>"$C/err"
	st=$?
	[ "$st" -eq 1 ] && pass crash-stdout-full-figure-status || fail crash-stdout-full-figure-status "exit $st"
else
	echo "SKIP crash-stdout-full: /dev/full not available"
fi

# Outputs that cannot be written: a folder under a regular file.
expect crash-out-under-file 1 "$EFFDASH" --db "$BEFORE_DB" report --out "$D/claims-small.csv/out" --no-render
contains crash-out-under-file-message "$WORK/err" "Not a directory"
expect crash-db-under-file 1 "$EFFDASH" --db "$D/claims-small.csv/x.db" ingest "$D/claims-small.csv"
[ -s "$WORK/err" ] && pass crash-db-under-file-message || fail crash-db-under-file-message "no message"

# A tiny or read-only file system, where this machine lets us mount one:
# the report and the database each get one just larger than their
# previous state, so the new one does not fit.
M=$C/mnt
mkdir -p "$M/report" "$M/db"
kb() { du -sk "$1" | cut -f1; }
if mount -t tmpfs -o size=$(($(kb "$C/old") + 64))k effdash-test "$M/report" 2>/dev/null; then
	trap 'umount "$M/report" "$M/db" 2>/dev/null; rm -rf "$WORK"' EXIT
	cp -a "$C/old" "$M/report/out"
	expect crash-disk-full-report 1 "$EFFDASH" --db "$C/after.db" report --out "$M/report/out" --no-render
	contains crash-disk-full-report-message "$WORK/err" "No space left on device"
	same crash-disk-full-report-keeps-old "$(tree "$M/report/out")" "$old"
	if mount -o remount,ro "$M/report" 2>/dev/null; then
		expect crash-read-only-report 1 "$EFFDASH" --db "$C/after.db" report --out "$M/report/out" --no-render
		contains crash-read-only-message "$WORK/err" "Read-only file system"
		same crash-read-only-keeps-old "$(tree "$M/report/out")" "$old"
	else
		echo "SKIP crash-read-only: cannot remount read-only"
	fi
	umount "$M/report"
	if mount -t tmpfs -o size=$(($(kb "$BEFORE_DB") + 64))k effdash-test "$M/db" 2>/dev/null; then
		cp "$BEFORE_DB" "$M/db/t.db"
		expect crash-disk-full-ingest 1 "$EFFDASH" --db "$M/db/t.db" ingest "$BIG"
		contains crash-disk-full-ingest-message "$WORK/err" "full"
		same crash-disk-full-ingest-intact "$(sqlite3 "$M/db/t.db" 'PRAGMA integrity_check')" ok
		same crash-disk-full-ingest-unchanged "$(state "$M/db/t.db")" "$before"
		umount "$M/db"
	fi
else
	echo "SKIP crash-disk-full: cannot mount a tmpfs here (no permission)"
fi

#!/bin/sh
# Run every test: unit binaries, CLI tests, golden files, extraction
# scoring.  Each prints PASS/FAIL lines; the last line here is the total.
# Environment: EFFDASH (binary), BUILD (build folder), SHARED (../shared).
set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
out=$(mktemp)
trap 'rm -f "$log" "$out"' EXIT
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	echo "== $(basename "$t")"
	(cd "$here/.." && "$t") >"$out" 2>&1
	rc=$?
	tee -a "$log" <"$out"
	# A binary that stops before its checks fail (a crash, a sanitizer
	# abort) fails too; one whose checks failed has said so already.
	if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
		echo "FAIL $(basename "$t"): exited with status $rc" | tee -a "$log"
	fi
done
for s in cli golden eval replay strict csvspec inject crash site; do
	echo "== $s"
	sh "$here/$s.sh" 2>&1 | tee -a "$log"
done
passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
if [ "$failed" -gt 0 ]; then
	echo "failed tests:"
	grep '^FAIL ' "$log"
fi
if grep -q '^SKIP ' "$log"; then
	echo "skipped:"
	grep '^SKIP ' "$log"
fi
echo "${SUMMARY_PREFIX:-}$passed passed, $failed failed"
[ "$failed" -eq 0 ]

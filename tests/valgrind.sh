#!/bin/sh
# The end-to-end tests (CLI, golden files, injection suite) and the fuzz
# replays, every effdash run under valgrind: any memory error or leak is a
# failure.  Each test's own PASS/FAIL lines are repeated with a
# "valgrind-" prefix.  Needs the plain (not sanitized) build.
# VALGRIND_TESTS names the shell tests to run (default: cli golden inject).
. "$(dirname "$0")/lib.sh"
: "${BUILD:?BUILD must name the build folder}"
if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP valgrind: valgrind not installed"
	exit 0
fi
LOGS=$WORK/vg
mkdir -p "$LOGS"
VG="valgrind -q --soname-synonyms=somalloc=*mimalloc* --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --log-file=$LOGS/%p.log"
cat >"$WORK/effdash" <<SH
#!/bin/sh
exec $VG "$EFFDASH" "\$@"
SH
chmod +x "$WORK/effdash"
status=0
for s in ${VALGRIND_TESTS:-cli golden inject}; do
	EFFDASH=$WORK/effdash sh "$TOP/tests/$s.sh" >"$WORK/$s.log" 2>&1
	sed -n 's/^\(PASS\|FAIL\|SKIP\) /\1 valgrind-/p' "$WORK/$s.log"
done
cd "$TOP" || exit 1
for name in figure extract listing json csv reftable; do
	for f in tests/fuzz/seeds/"$name"/* tests/fuzz/findings/"$name"/*; do
		[ -f "$f" ] || continue
		id=$name/$(basename "$f")
		if grep -q "^$id " tests/fuzz/findings/KNOWN 2>/dev/null; then
			echo "SKIP valgrind-replay-$id: known failure (tests/fuzz/findings/KNOWN)"
			continue
		fi
		$VG "$BUILD/tests/fuzz_$name" "$f" >/dev/null 2>&1 ||
			fail "valgrind-replay-$id" "see below"
	done
done
errors=$(find "$LOGS" -name '*.log' -size +0c | head -n 3)
if [ -z "$errors" ]; then
	pass "valgrind-no-errors-or-leaks ($(find "$LOGS" -name '*.log' | wc -l | tr -d ' ') runs)"
else
	fail valgrind-no-errors-or-leaks "$(for f in $errors; do head -n 30 "$f"; done)"
fi

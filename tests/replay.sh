#!/bin/sh
# Replay the fuzz seeds and every past finding (tests/fuzz/findings/NAME/)
# through the entry points of tests/fuzz, built without libFuzzer by the
# same compiler and sanitizers as effdash.  A finding listed in
# tests/fuzz/findings/KNOWN ("NAME/FILE reason") whose bug is not fixed yet
# is reported as SKIP with that reason instead of failing the build.
. "$(dirname "$0")/lib.sh"
: "${BUILD:?BUILD must name the build folder}"
F=$TOP/tests/fuzz
cd "$TOP" || exit 1

# known NAME/FILE: the reason it is listed as a known failure, or nothing.
known() {
	[ -f "$F/findings/KNOWN" ] && sed -n "s|^$1 ||p" "$F/findings/KNOWN"
}

for name in figure extract listing json csv reftable perf; do
	bin=$BUILD/tests/fuzz_$name
	if [ ! -x "$bin" ]; then
		fail "replay-$name" "$bin not built"
		continue
	fi
	if "$bin" "$F"/seeds/"$name"/* >"$WORK/out" 2>&1; then
		pass "replay-$name-seeds"
	else
		fail "replay-$name-seeds" "$(head -c 600 "$WORK/out")"
	fi
	for f in "$F"/findings/"$name"/*; do
		[ -f "$f" ] || continue
		id=$name/$(basename "$f")
		why=$(known "$id")
		if "$bin" "$f" >"$WORK/out" 2>&1; then
			pass "replay-$id"
		elif [ -n "$why" ]; then
			echo "SKIP replay-$id: known failure: $why"
		else
			fail "replay-$id" "$(head -c 1200 "$WORK/out")"
		fi
	done
done

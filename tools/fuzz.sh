#!/bin/sh
# Build every libFuzzer entry point of tests/fuzz with clang (ASan, UBSan)
# and run each for FUZZ_TIME seconds (default 30) from its seed corpus
# (tests/fuzz/seeds/NAME, the project's test inputs and, where present, the
# shared listing and JSONTestSuite).  The corpus grown by a run is kept in
# build/fuzz/corpus-NAME, so longer runs continue where the last one
# stopped.  Findings are written to build/fuzz/crash-NAME-*; copy each into
# tests/fuzz/findings/NAME/ and tests/replay.sh replays it in `make check`.
# usage: fuzz.sh [NAME...]
# environment: FUZZ_TIME, FUZZ_JOBS, SHARED, REFDATA (the compiled-in tables)
set -eu
FUZZ_TIME=${FUZZ_TIME:-30}
FUZZ_JOBS=${FUZZ_JOBS:-1}
SHARED=${SHARED:-../shared}
out=build/fuzz
mkdir -p "$out/gen" "$out/obj"
sh tools/embed.sh "$out/gen/templates.c" templates.h plot_template plots/*.gp
# shellcheck disable=SC2086
sh tools/embed.sh "$out/gen/refdata.c" refdata.h reference_file \
	${REFDATA:-data/accelerators.csv data/defaults.csv data/cpi.csv}
# The parsers and what they need; the commands and the report stay out.
srcs=$(ls src/*.c | grep -Ev '^src/(main|cmd_[a-z_]*|report[a-z_]*)\.c$')
for re in src/*.re; do
	[ -f "$re" ] || continue
	re2c -W --no-generation-date -o "$out/gen/$(basename "$re" .re).c" "$re"
	srcs="$srcs $out/gen/$(basename "$re" .re).c"
done
printf 'const char effdash_code_hash[] = "%s";\n' \
	"$(cat src/*.c src/*.h include/*.h | sha256sum | cut -c1-16)" >"$out/gen/codehash.c"
srcs="$srcs $out/gen/templates.c $out/gen/refdata.c $out/gen/codehash.c"
flags="-g -O1 -std=c11 -D_GNU_SOURCE -Iinclude -Isrc -Itests/fuzz $(pkg-config --cflags sqlite3 libcjson libxxhash)"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
libs="$(pkg-config --libs sqlite3 libcjson libxxhash) -lcsv -lm -lpthread"
objs=
for s in $srcs; do
	o=$out/obj/$(basename "$s" .c).o
	if [ ! -f "$o" ] || [ "$s" -nt "$o" ] || [ -n "$(find include src -newer "$o" -name '*.h')" ]; then
		# shellcheck disable=SC2086
		clang $flags $san -fsanitize=fuzzer-no-link -c -o "$o" "$s"
	fi
	objs="$objs $o"
done
names=${*:-"figure extract listing json csv reftable perf"}
status=0
for name in $names; do
	bin=$out/fuzz_$name
	# shellcheck disable=SC2086
	clang $flags $san -fsanitize=fuzzer -o "$bin" "tests/fuzz/fuzz_$name.c" $objs $libs
	corpus=$out/corpus-$name
	mkdir -p "$corpus"
	seeds="tests/fuzz/seeds/$name"
	[ -d "tests/fuzz/findings/$name" ] && seeds="$seeds tests/fuzz/findings/$name"
	case $name in
	listing | json | csv) seeds="$seeds tests/data" ;;
	esac
	case $name in
	listing | extract)
		[ -d "$SHARED/corpus" ] && seeds="$seeds $SHARED/corpus" ;;
	json)
		[ -d "$SHARED/testsuites/JSONTestSuite-parsing" ] &&
			seeds="$seeds $SHARED/testsuites/JSONTestSuite-parsing" ;;
	esac
	jobs=
	[ "$FUZZ_JOBS" -gt 1 ] && jobs="-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS"
	echo "fuzz: $name for ${FUZZ_TIME}s"
	# -rss_limit_mb: the sanitizers' own overhead stays well below it.
	# shellcheck disable=SC2086
	if "$bin" -max_total_time="$FUZZ_TIME" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 $jobs \
		-close_fd_mask=2 -artifact_prefix="$out/crash-$name-" -print_final_stats=1 \
		"$corpus" $seeds >"$out/$name.log" 2>&1; then
		echo "PASS fuzz-$name ($(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/$name.log" | tail -n 1 || true))"
	else
		echo "FAIL fuzz-$name: see $out/$name.log"
		grep -A 30 'ERROR: \|runtime error\|deadly signal\|timeout' "$out/$name.log" | head -n 40
		status=1
	fi
done
exit $status

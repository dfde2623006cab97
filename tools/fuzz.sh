#!/bin/sh
# Build every libFuzzer entry point of tests/fuzz with clang (ASan, UBSan)
# and run each for FUZZ_TIME seconds (default 30) from its seed corpus
# (tests/fuzz/seeds/NAME plus, where present, the shared listing and
# JSONTestSuite).  Findings are written to build/fuzz/crash-*; turn each
# into a regression test.  usage: fuzz.sh [NAME...]
set -eu
FUZZ_TIME=${FUZZ_TIME:-30}
SHARED=${SHARED:-../shared}
out=build/fuzz
mkdir -p "$out/gen"
sh tools/embed.sh "$out/gen/templates.c" templates.h plot_template plots/*.gp
sh tools/embed.sh "$out/gen/refdata.c" refdata.h reference_file \
	data/accelerators.csv data/defaults.csv data/cpi.csv
srcs=$(ls src/*.c | grep -v '^src/main.c$')
for re in src/*.re; do
	[ -f "$re" ] || continue
	re2c -W --no-generation-date -o "$out/gen/$(basename "$re" .re).c" "$re"
	srcs="$srcs $out/gen/$(basename "$re" .re).c"
done
flags="-g -O1 -std=c11 -D_GNU_SOURCE -Iinclude -Isrc -Itests/fuzz $(pkg-config --cflags sqlite3 libcjson)"
libs="$(pkg-config --libs sqlite3 libcjson) -lcsv -lm -lpthread"
names=${*:-"figure extract listing json csv reftable"}
status=0
for name in $names; do
	bin=$out/fuzz_$name
	# shellcheck disable=SC2086
	clang $flags -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-o "$bin" "tests/fuzz/fuzz_$name.c" $srcs "$out/gen/templates.c" \
		"$out/gen/refdata.c" $libs
	corpus=$out/corpus-$name
	mkdir -p "$corpus"
	seeds="tests/fuzz/seeds/$name"
	case $name in
	listing | extract) [ -d "$SHARED/corpus" ] && seeds="$seeds $SHARED/corpus" ;;
	json) [ -d "$SHARED/testsuites/JSONTestSuite-parsing" ] &&
		seeds="$seeds $SHARED/testsuites/JSONTestSuite-parsing" ;;
	esac
	echo "fuzz: $name for ${FUZZ_TIME}s"
	# shellcheck disable=SC2086
	if "$bin" -max_total_time="$FUZZ_TIME" -max_len=65536 -timeout=10 \
		-close_fd_mask=2 -artifact_prefix="$out/crash-$name-" -print_final_stats=1 \
		"$corpus" $seeds >"$out/$name.log" 2>&1; then
		echo "PASS fuzz-$name ($(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/$name.log" | tail -n 1 || true))"
	else
		echo "FAIL fuzz-$name: see $out/$name.log"
		tail -n 30 "$out/$name.log"
		status=1
	fi
done
exit $status

#!/bin/sh
# Golden-file tests: each tests/golden/CASE/cmd runs in an empty folder
# (with $EFFDASH and $CASE set); every file under CASE/expected/ must then
# exist with the same bytes (expected/status and expected/stderr hold the
# command's exit status and error output).  UPDATE=1 rewrites expected/
# from the actual output, for review with git diff.
. "$(dirname "$0")/lib.sh"
for case in "$TOP"/tests/golden/*/; do
	case=${case%/}
	name=$(basename "$case")
	run=$WORK/$name
	mkdir -p "$run"
	(cd "$run" && CASE=$case sh "$case/cmd" >stdout 2>stderr; echo $? >status)
	if [ -n "${UPDATE:-}" ]; then
		for f in $(cd "$case/expected" && find . -type f | sort); do
			cp "$run/$f" "$case/expected/$f"
		done
		echo "updated $name"
		continue
	fi
	for f in $(cd "$case/expected" && find . -type f | sort); do
		f=${f#./}
		if [ ! -f "$run/$f" ]; then
			fail "golden-$name-$f" "not written"
		elif cmp -s "$case/expected/$f" "$run/$f"; then
			pass "golden-$name-$f"
		else
			fail "golden-$name-$f" "differs: $(diff "$case/expected/$f" "$run/$f" | head -n 8)"
		fi
	done
done

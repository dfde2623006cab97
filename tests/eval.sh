#!/bin/sh
# Extraction accuracy on the shared gold annotations (dev) and on the
# curated claims of the papers dev does not hold (held-out), each held to
# the floors of tools/eval.sh, which only move up.  Skipped (not passed) when ../shared is not
# present.
. "$(dirname "$0")/lib.sh"
SHARED=${SHARED:-../shared}
case $SHARED in /*) ;; *) SHARED=$TOP/$SHARED ;; esac
if [ ! -f "$SHARED/gold/dev.jsonl" ]; then
	echo "SKIP eval: no $SHARED/gold/dev.jsonl"
	exit 0
fi
if (cd "$TOP" && SHARED=$SHARED sh tools/eval.sh >"$WORK/eval" 2>&1); then
	pass "eval-floors ($(tail -n 1 "$WORK/eval"))"
else
	fail eval-floors "$(tail -n 3 "$WORK/eval")"
fi

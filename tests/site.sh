#!/bin/sh
# Site checks: build a report from the bundled data (and the shared corpus
# when present) and from an empty database, then
#   - every page passes html-validate (recommended rules),
#   - axe-core finds no violation on each page type in headless Chromium,
#   - no page is larger than 2 MB,
#   - two reports of the same database are identical (diff -r), and
#   - report --check exits 0 when up to date, 1 when not, and changes
#     nothing.
# The npm packages (html-validate, axe-core, playwright-core) are installed
# into $NODE_DIR (default build/node, ignored by git) when missing; without
# npm, node or Chromium those checks print SKIP.  SHOTS=DIR also saves
# screenshots of every page type at 1300 and 390 pixels wide.
. "$(dirname "$0")/lib.sh"
NODE_DIR=${NODE_DIR:-$TOP/build/node}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
SHARED=${SHARED:-$TOP/../shared}
export CHROMIUM

skip() { echo "SKIP $1: $2"; }

# ---- Reports -------------------------------------------------------------

# Every report of the bundled data has the performance page, from a small
# fixed results file of make bench.
PERF=$TOP/tests/data/perf-results.csv
DB=$WORK/site.db
inputs=$TOP/data/claims.csv
[ -f "$SHARED/corpus/trending-efficiency.txt" ] &&
	inputs="$SHARED/corpus/trending-efficiency.txt $inputs"
# shellcheck disable=SC2086
expect site-ingest 0 "$EFFDASH" --quiet --db "$DB" ingest $inputs
expect site-report 0 "$EFFDASH" --quiet --db "$DB" report --perf-results "$PERF" --out "$WORK/a"
SITE=$WORK/a/site

# The same database twice into one folder, and once into a fresh one.
cp -R "$WORK/a" "$WORK/a-before"
expect site-report-again 0 "$EFFDASH" --quiet --db "$DB" report --perf-results "$PERF" --out "$WORK/a"
if diff -r "$WORK/a-before" "$WORK/a" >"$WORK/diff" 2>&1; then
	pass site-deterministic-rerun
else
	fail site-deterministic-rerun "$(head -c 400 "$WORK/diff")"
fi
expect site-report-fresh 0 "$EFFDASH" --quiet --db "$DB" report --perf-results "$PERF" --out "$WORK/b"
if diff -r "$WORK/a" "$WORK/b" >"$WORK/diff" 2>&1; then
	pass site-deterministic-fresh
else
	fail site-deterministic-fresh "$(head -c 400 "$WORK/diff")"
fi

# --check: up to date, then out of date after a change, never writing.
expect site-check-clean 0 "$EFFDASH" --db "$DB" report --perf-results "$PERF" --check --out "$WORK/a"
contains site-check-clean-says "$WORK/out" "is up to date"
cat >"$WORK/more.csv" <<'EOF'
paper,quantity,figure,dimension,span
A Later Paper: Cheap Training,ratio,3x,cost,3x cheaper
A Later Paper: Cheap Training,cost_usd,$950,,
EOF
expect site-check-ingest 0 "$EFFDASH" --quiet --db "$DB" ingest "$WORK/more.csv"
cp -R "$WORK/a" "$WORK/a-snap"
expect site-check-stale 1 "$EFFDASH" --db "$DB" report --perf-results "$PERF" --check --out "$WORK/a"
contains site-check-stale-claim "$WORK/out" "new claim: A Later Paper"
contains site-check-stale-chart "$WORK/out" "changed chart: ratios"
contains site-check-stale-files "$WORK/out" "files would change"
if diff -r "$WORK/a-snap" "$WORK/a" >/dev/null 2>&1; then
	pass site-check-writes-nothing
else
	fail site-check-writes-nothing "the report folder changed"
fi
expect site-report-update 0 "$EFFDASH" --quiet --db "$DB" report --perf-results "$PERF" --out "$WORK/a"
contains site-changes-listed "$SITE/index.html" "A Later Paper"
expect site-check-after 0 "$EFFDASH" --db "$DB" report --perf-results "$PERF" --check --out "$WORK/a"

# An empty database: every page says so.
printf 'paper,quantity\n' >"$WORK/empty.csv"
"$EFFDASH" --quiet --db "$WORK/empty.db" ingest "$WORK/empty.csv" 2>/dev/null
printf 'stage,papers,bytes,seconds,mb_per_s,items_per_s,peak_rss_kb,ratio,ratio_to\n' >"$WORK/no-perf.csv"
expect site-empty-report 0 "$EFFDASH" --quiet --db "$WORK/empty.db" report --perf-results "$WORK/no-perf.csv" --out "$WORK/e"
EMPTY=$WORK/e/site
contains site-empty-overview "$EMPTY/index.html" "holds no papers"
contains site-empty-claims "$EMPTY/claims.html" "No claim is stored"
contains site-empty-papers "$EMPTY/papers.html" "No paper is stored"
contains site-empty-performance "$EMPTY/performance.html" "holds no measurements"
contains site-performance "$SITE/performance.html" "Every measurement"

# No page over 2 MB.
big=$(find "$SITE" "$EMPTY" -name '*.html' -size +2048k | head -n 5)
if [ -z "$big" ]; then pass site-page-size; else fail site-page-size "$big"; fi

# Page types to load: the fixed pages, one paper, one benchmark.
paper=$(cd "$SITE" && ls papers | head -n 1)
bench=$(cd "$SITE" && ls benchmarks | head -n 1)
pages="index.html benchmarks.html speedups.html scale.html claims.html papers.html performance.html downloads.html methodology.html"
[ -n "$paper" ] && pages="$pages papers/$paper"
[ -n "$bench" ] && pages="$pages benchmarks/$bench"

# ---- Tools ---------------------------------------------------------------

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
	skip site-html-validate "npm or node not found"
	skip site-axe "npm or node not found"
	exit 0
fi
MODULES=$NODE_DIR/node_modules
if [ ! -f "$MODULES/html-validate/package.json" ] ||
	[ ! -f "$MODULES/axe-core/axe.min.js" ] ||
	[ ! -f "$MODULES/playwright-core/package.json" ]; then
	mkdir -p "$NODE_DIR"
	npm install --prefix "$NODE_DIR" --no-audit --no-fund --silent \
		html-validate axe-core playwright-core >"$WORK/npm.log" 2>&1 ||
		{ skip site-html-validate "npm install failed: $(tail -n 2 "$WORK/npm.log")"; exit 0; }
fi

# ---- html-validate: every page of both sites -----------------------------

printf '{ "extends": ["html-validate:recommended"] }\n' >"$WORK/htmlvalidate.json"
for s in "$SITE" "$EMPTY"; do
	name=site-html-validate-$(basename "$(dirname "$s")")
	if (cd "$s" && find . -name '*.html' | sort |
		xargs "$MODULES/.bin/html-validate" --config "$WORK/htmlvalidate.json") \
		>"$WORK/hv.log" 2>&1; then
		pass "$name"
	else
		fail "$name" "$(grep -E 'error|\.html' "$WORK/hv.log" | head -n 12 | tr '\n' ' ')"
	fi
done

# ---- axe-core in headless Chromium: each page type -----------------------

if [ ! -x "$CHROMIUM" ]; then
	skip site-axe "no Chromium at $CHROMIUM"
	exit 0
fi
[ -n "${SHOTS:-}" ] && mkdir -p "$SHOTS"
# shellcheck disable=SC2086
NODE_PATH=$MODULES node "$TOP/tests/site_axe.js" "$SITE" $pages
NODE_PATH=$MODULES SHOTS= node "$TOP/tests/site_axe.js" "$EMPTY" \
	index.html claims.html papers.html benchmarks.html speedups.html performance.html |
	sed 's/ axe / axe-empty /'

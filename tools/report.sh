#!/bin/sh
# The main job: ingest the bundled data into a fresh database and write the
# report into output/.  Run from the top of the source tree (make report).
set -eu
EFFDASH=${EFFDASH:-./effdash}
out=${OUT:-output}
mkdir -p "$out"
db="$out/effdash.db"
# Build the database next to the old one and swap it in, so a failed run
# leaves the previous database in place.
rm -f "$db.new"
inputs="data/claims.csv"
[ -f data/papers.txt ] && inputs="data/papers.txt $inputs"
# shellcheck disable=SC2086
"$EFFDASH" --db "$db.new" ingest $inputs
mv "$db.new" "$db"
"$EFFDASH" --db "$db" report --out "$out"

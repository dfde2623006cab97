#!/bin/sh
# Install the Debian packages effdash needs to build, run and test, skipping
# those already present.  Non-interactive; needs root (or sudo).
set -eu
pkgs="gcc make pkg-config libsqlite3-dev libcjson-dev libcsv-dev gnuplot-nox
re2c sqlite3 python3 clang libclang-rt-14-dev valgrind"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "effdash: installing:$missing" >&2
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null

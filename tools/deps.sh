#!/bin/sh
# Install the Debian packages effdash needs, skipping those already
# present.  Non-interactive; needs root (or sudo).
#   sh tools/deps.sh          what building and running effdash needs
#   sh tools/deps.sh --test   that, plus what the tests need (sanitizer
#                             runtime and libFuzzer, valgrind, Chromium)
set -eu
pkgs="gcc make pkg-config libsqlite3-dev libcjson-dev libcsv-dev libxxhash-dev libmimalloc-dev gnuplot-nox
re2c sqlite3 python3"
if [ "${1:-}" = "--test" ]; then
	pkgs="$pkgs clang libclang-rt-14-dev valgrind chromium nodejs npm"
fi
missing=""
for p in $pkgs; do
	# A tool already on PATH (node and npm may come from elsewhere) counts.
	case $p in
	nodejs) command -v node >/dev/null 2>&1 && continue ;;
	npm) command -v npm >/dev/null 2>&1 && continue ;;
	esac
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

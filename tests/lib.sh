# Helpers for the shell tests: each check prints "PASS name" or
# "FAIL name" with the reason, like the unit-test binaries.
: "${EFFDASH:?EFFDASH must name the effdash binary}"
TOP=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

# expect NAME STATUS CMD...: CMD exits with STATUS; output in $WORK/out,
# $WORK/err.
expect() {
	name=$1 want=$2
	shift 2
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$name"
	else
		fail "$name" "exit $got, want $want; stderr: $(head -c 300 "$WORK/err")"
	fi
}

# contains NAME FILE TEXT: FILE contains TEXT (fixed string).
contains() {
	if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1" "'$3' not in $2: $(head -c 300 "$2")"; fi
}

lacks() {
	if grep -qF -- "$3" "$2"; then fail "$1" "'$3' found in $2"; else pass "$1"; fi
}

# same NAME A B: the two values are equal.
same() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "'$2' != '$3'"; fi
}

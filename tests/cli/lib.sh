# lib.sh: what the command-line test suites share. Source it after setting
# BIN; it makes a work directory (removed on exit), a database in it, and
# the check helpers. A suite ends with `finish NAME`, which prints
# "NAME: N passed, N failed" and sets the exit status.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KILANDKARTE_DB="$work/t.db" KILANDKARTE_USER=tester
passed=0
failed=0
out="$work/out"
errf="$work/err"

ok() { passed=$((passed + 1)); }
bad() {
    failed=$((failed + 1))
    echo "FAIL: $1"
    echo "  stdout: $(head -c 600 "$out")"
    echo "  stderr: $(head -c 600 "$errf")"
}
# run EXPECTED_EXIT ARGS...: run kilandkarte, keep stdout/stderr in files.
run() {
    want=$1
    shift
    "$BIN" "$@" >"$out" 2>"$errf"
    got=$?
    [ "$got" -eq "$want" ] || { echo "  (exit $got, expected $want: $*)"; return 1; }
}
# t NAME COMMAND...: a check passes when COMMAND succeeds.
t() {
    name=$1
    shift
    if "$@"; then ok; else bad "$name"; fi
}
has() { grep -q -- "$1" "$2"; }
jqo() { jq -e "$1" "$out" >/dev/null; }
finish() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

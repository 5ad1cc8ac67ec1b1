#!/bin/sh
# run.sh BUILD_DIR...: run the unit tests, the command-line and API tests,
# the browser tests (plain build only) and the fuzz corpus replays of each
# build (plain, sanitizer), with FUZZ_BUILD set the libFuzzer drivers for
# FUZZ_TEST_SECONDS each, and close with "N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
log=$(mktemp)

# count LABEL P F: add a suite's figures to the totals and report them.
count() {
    passed=$((passed + ${2:-0}))
    failed=$((failed + ${3:-0}))
    echo "$1: ${2:-0} passed, ${3:-0} failed"
}

# suite LABEL NAME COMMAND...: run a suite that closes with the line
# "NAME: N passed, N failed"; one that ends without it counts as a failure.
suite() {
    label=$1
    name=$2
    shift 2
    "$@" >"$log" 2>&1
    grep -E '^(FAIL|  |axe )' "$log" || true
    line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" "$log" | tail -n1)
    p=$(echo "$line" | sed -n 's/^[a-z0-9-]*: \([0-9]*\) passed.*/\1/p')
    f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
    [ -n "$p" ] || { f=1; echo "FAIL: $label ended early"; tail -n 30 "$log"; }
    count "$label" "$p" "$f"
}

for b in "$@"; do
    bin="$root/$b/kilandkarte"
    for t in "$root/$b"/tests/test_*; do
        [ -x "$t" ] || continue
        name="$b/$(basename "$t")"
        if "$t" >"$log" 2>&1; then :; else
            echo "FAIL: $name"; cat "$log"
        fi
        # A binary may run several groups: add up every group's summary.
        p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {if (NR) print s}')
        f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {if (NR) print s}')
        # A binary that crashed before cmocka's summary counts as one failure.
        if [ -z "$p" ] && [ -z "$f" ]; then f=1; echo "FAIL: $name ended without a summary"; cat "$log"; fi
        count "$name" "$p" "$f"
    done
    suite "$b/cli-run" cli "$root/tests/cli/run.sh" "$bin"
    for s in import analyse conference auth; do
        suite "$b/cli-$s" "cli-$s" "$root/tests/cli/$s.sh" "$bin"
    done
    # The real server on a loopback port, and its response cache.
    suite "$b/api" api "$root/tests/api/run.sh" "$bin"
    suite "$b/cache" cache "$root/tests/api/cache.sh" "$bin"
    suite "$b/api-auth" api-auth "$root/tests/api/auth.sh" "$bin"
    # The server's messages in German and English (Accept-Language).
    suite "$b/api-lang" api-lang "$root/tests/api/lang.sh" "$bin"
    # OParl: the whole tree walked and validated against the OParl
    # schemas with ajv (npm); in both builds, the sanitizers watching.
    suite "$b/oparl" oparl node "$root/tests/oparl/run.mjs" "$bin"
    # Once, with the plain build (the page does not differ between builds;
    # the sanitizers watch the server in the api suite): the OpenAPI
    # description checked by a validator from npm, and the page in Debian's
    # chromium against the real server.
    if [ "$b" = build ]; then
        # Every German message format of src/ has its English (msg.c).
        suite "$b/msg" msg node "$root/tests/i18n/msg_check.mjs"
        suite "$b/openapi" openapi node "$root/tests/api/openapi_validate.mjs"
        suite "$b/e2e" e2e node "$root/tests/e2e/run.mjs" "$bin" "$root/build/web"
    fi
    # Fuzz drivers built with tests/fuzz/replay.c: each replays its saved
    # corpus tests/fuzz/corpus/NAME; one corpus is one test.
    fp=0
    ff=0
    for fz in "$root/$b"/fuzz/fuzz_*; do
        [ -x "$fz" ] || continue
        name=$(basename "$fz")
        if "$fz" "$root/tests/fuzz/corpus/${name#fuzz_}" >"$log" 2>&1; then
            fp=$((fp + 1))
        else
            ff=$((ff + 1)); echo "FAIL: $b/$name"; tail -n 30 "$log"
        fi
    done
    count "$b/fuzz-replay" "$fp" "$ff"
done
# The libFuzzer drivers (make test sets FUZZ_BUILD): each runs a few
# seconds on its saved corpus under ASan+UBSan; new inputs stay in the
# build directory.
if [ -n "${FUZZ_BUILD:-}" ]; then
    suite "$FUZZ_BUILD/libfuzzer" fuzz "$root/tests/fuzz/run.sh" "$FUZZ_BUILD" \
        "${FUZZ_TEST_SECONDS:-3}"
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

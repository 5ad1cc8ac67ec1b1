#!/bin/sh
# run.sh BUILD_DIR...: run the unit tests, the command-line and API tests,
# the browser tests (plain build only) and the fuzz corpus replays of each
# build (plain, sanitizer) and close with "N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
log=$(mktemp)
for b in "$@"; do
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
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0}))
        echo "$name: ${p:-0} passed, ${f:-0} failed"
    done
    # Command-line suites: each closes with "NAME: N passed, N failed".
    for suite in run import analyse; do
        "$root/tests/cli/$suite.sh" "$root/$b/kilandkarte" >"$log" 2>&1
        grep -E '^(FAIL|  )' "$log" || true
        line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n1)
        p=$(echo "$line" | sed -n 's/^[a-z-]*: \([0-9]*\) passed.*/\1/p')
        f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
        [ -n "$p" ] || { f=1; echo "FAIL: $b $suite.sh ended early"; cat "$log"; }
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0}))
        echo "$b/cli-$suite: ${p:-0} passed, ${f:-0} failed"
    done
    # API suite: the real server on a loopback port (tests/api/run.sh),
    # closing with "api: N passed, N failed" like the cli suites.
    "$root/tests/api/run.sh" "$root/$b/kilandkarte" >"$log" 2>&1
    grep -E '^(FAIL|  )' "$log" || true
    line=$(grep -E '^api: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n1)
    p=$(echo "$line" | sed -n 's/^api: \([0-9]*\) passed.*/\1/p')
    f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
    [ -n "$p" ] || { f=1; echo "FAIL: $b api/run.sh ended early"; cat "$log"; }
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    echo "$b/api: ${p:-0} passed, ${f:-0} failed"
    # Browser suite (tests/e2e/run.mjs): the page in Debian's chromium
    # against the real server; once, with the plain build (the page does
    # not differ between builds; the sanitizers watch the server in api).
    if [ "$b" = build ]; then
        node "$root/tests/e2e/run.mjs" "$root/$b/kilandkarte" "$root/build/web" >"$log" 2>&1
        grep -E '^(FAIL|  |axe )' "$log" || true
        line=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n1)
        p=$(echo "$line" | sed -n 's/^e2e: \([0-9]*\) passed.*/\1/p')
        f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
        [ -n "$p" ] || { f=1; echo "FAIL: e2e/run.mjs ended early"; tail -n 30 "$log"; }
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0}))
        echo "$b/e2e: ${p:-0} passed, ${f:-0} failed"
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
    passed=$((passed + fp))
    failed=$((failed + ff))
    echo "$b/fuzz-replay: $fp passed, $ff failed"
done
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# run.sh BUILD_DIR SECONDS: run every libFuzzer driver BUILD_DIR/fuzz/fuzz_*
# (built by make FUZZ=1) for SECONDS on its saved corpus
# tests/fuzz/corpus/NAME. New inputs go to BUILD_DIR/corpus/NAME (the saved
# corpus is only read), crashes to BUILD_DIR/artifacts/. Prints the
# executions per driver, closes with "fuzz: N passed, N failed" (a driver
# is one test) and fails if any driver crashed. make fuzz runs each for
# minutes; make test for a few seconds (tests/run.sh).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
secs=${2:-30}
fail=0
npass=0
nfail=0
log=$(mktemp)
for bin in "$root/$build"/fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin")
    name=${name#fuzz_}
    work="$root/$build/corpus/$name"
    art="$root/$build/artifacts"
    mkdir -p "$work" "$art"
    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$art/$name-" "$work" "$root/tests/fuzz/corpus/$name" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    if [ "$rc" -ne 0 ]; then
        fail=1
        echo "fuzz $name: FAILED after ${execs:-?} runs"
        nfail=$((nfail + 1))
        grep -E 'ERROR|runtime error|contract broken|SUMMARY|Test unit written' "$log" | head -n 20
    else
        echo "fuzz $name: ${execs:-?} runs in ${secs}s, no crash"
        npass=$((npass + 1))
    fi
done
rm -f "$log"
echo "fuzz: $npass passed, $nfail failed"
exit $fail

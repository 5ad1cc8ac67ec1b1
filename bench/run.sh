#!/bin/sh
# run.sh: `make bench`. Builds bench/bench against the library, runs it at
# 10,000 and 100,000 entries and writes bench/RESULTS.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
make --no-print-directory build/bench/bench >/dev/null
out=bench/out
mkdir -p "$out"
sizes=${BENCH_SIZES:-"10000 100000"}
{
    echo "# Benchmark results"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
    echo "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1); $(uname -sr)."
    echo "Date: $(date -u +%Y-%m-%d). Command: \`make bench\` (bench/run.sh, bench/bench.c)."
    echo
    echo "Bulk add in one transaction; 200 one- and two-word queries drawn from the nouns"
    echo "of the shipped documents, each with facets (as the API runs them). The reference"
    echo "is SQLite FTS5 with its stock unicode61 tokenizer on the same titles and"
    echo "summaries, in the same run; \"hits ratio\" is how many more matches the German"
    echo "analysis finds (stems, compounds, umlaut spellings) than the stock tokenizer."
    echo
    echo "| entries | bulk add | entries/s | median hits | search median | 1 word | 2 words | search p99 | German FTS5 alone, median | unicode61 median | unicode61 p99 | hits ratio | database | peak RSS |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for n in $sizes; do
        build/bench/bench "$n" "$out/bench-$n.db" data/documents/*.txt
        rm -f "$out/bench-$n.db" "$out/bench-$n.db-wal" "$out/bench-$n.db-shm"
    done
} >bench/RESULTS.md.new
mv bench/RESULTS.md.new bench/RESULTS.md
cat bench/RESULTS.md

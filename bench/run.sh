#!/bin/sh
# run.sh: `make bench`. Builds the benchmarks against the library, runs the
# registry and similarity benchmarks at 10,000 and 100,000 entries and the
# extraction benchmark on 10 MB, the HTTP benchmark (bench/http.sh: wrk
# against our server and nginx) and writes bench/RESULTS.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
make --no-print-directory build/bench/bench build/bench/bench_similar build/bench/bench_extract >/dev/null
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
    echo
    echo "## Anknüpfungspunkte: all similar pairs (bench/bench_similar.c)"
    echo
    echo "The same kind of generated entries (5 % seek partners), added in one transaction"
    echo "(not timed); then analyse_links over all of them at the default threshold:"
    echo "reading every entry from the store, the German analysis, TF-IDF, candidate pairs"
    echo "from the pruned inverted index (rule in src/analyse/links.c), exact scores and"
    echo "grouping. \"similar\": one analyse_similar (the corpus is built per call)."
    echo
    echo "| entries | links (all pairs) | pairs kept | groups | similar, one entry | peak RSS |"
    echo "|---|---|---|---|---|---|"
    for n in $sizes; do
        build/bench/bench_similar "$n" "$out/sim-$n.db" data/documents/*.txt
        rm -f "$out/sim-$n.db" "$out/sim-$n.db-wal" "$out/sim-$n.db-shm"
    done
    echo
    echo "## Import: extraction throughput (bench/bench_extract.c)"
    echo
    echo "The shipped documents concatenated to about 10 MB; reading (checks, cleaning)"
    echo "and extraction of proposals on one core, no database; best of 3. Wall time"
    echo "and the process's CPU time (on a shared machine the wall time includes waits"
    echo "for a core)."
    echo
    echo "| input | time | throughput | CPU time | throughput (CPU) | proposals | RSS before | peak RSS |"
    echo "|---|---|---|---|---|---|---|---|"
    build/bench/bench_extract 10 data/documents/*.txt
    echo
    # wrk against our server and nginx on loopback (installs both if missing).
    bench/http.sh "${1:-build/kilandkarte}" build/bench/bench
} >bench/RESULTS.md.new
mv bench/RESULTS.md.new bench/RESULTS.md
cat bench/RESULTS.md

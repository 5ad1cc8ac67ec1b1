#!/bin/sh
# run.sh [KILANDKARTE]: `make bench` and `make bench-full`. Writes
# bench/RESULTS.md and the plots bench/latency.svg, bench/http.svg.
#
# Per corpus size (BENCH_SIZES; make bench: 10,000 and 100,000; make
# bench-full adds 1,000,000): bench.c generates the entries, bulk-adds them
# to our store and measures the search beside SQLite FTS5 with the stock
# unicode61 tokenizer; the same entries go into PostgreSQL 15 (bench/pg.sh,
# a throwaway cluster on a Unix socket) and bench_pg.c times both searches
# interleaved over BENCH_PASSES passes; bench/serve.sh starts our server on
# the database. Then the similarity benchmark (sizes up to 100,000), the
# extraction benchmark and the HTTP benchmark (bench/http.sh: wrk against
# our server and nginx). Figures of every step also land in bench/out/ as
# tab-separated files, from which bench/plot.mjs draws the SVG plots.
# BENCH_KEEP=1 keeps the databases in bench/out/nN/db.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BIN=${1:-build/kilandkarte}
sizes=${BENCH_SIZES:-"10000 100000"}
passes=${BENCH_PASSES:-3}
mode=${BENCH_MODE:-"make bench"}
out=bench/out
mkdir -p "$out"
rm -f "$out"/*.tsv

t_start=$(date +%s)
pgdir=$(mktemp -d /tmp/klpg.XXXXXX)
cleanup() {
    bench/pg.sh stop "$pgdir"
    rm -rf "$pgdir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
# pg.sh installs PostgreSQL and libpq-dev when missing; bench_pg needs the
# latter to build.
conninfo=$(bench/pg.sh start "$pgdir")
make --no-print-directory build/bench/bench build/bench/bench_pg build/bench/bench_similar \
    build/bench/bench_extract >/dev/null

# get FILE KEY: the value of "KEY value" in FILE.
get() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }
fmt() { awk -v v="$1" -v d="${2:-2}" 'BEGIN { printf "%.*f", d, v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
# range NAME FILE: "median (min–max)" of a series of bench_pg.
range() { echo "$(fmt "$(get "$2" "$1_ms")") ($(fmt "$(get "$2" "$1_min")")–$(fmt "$(get "$2" "$1_max")"))"; }

for n in $sizes; do
    d=$out/n$n
    rm -rf "$d"
    mkdir -p "$d"
    echo "bench: $n entries ($(($(date +%s) - t_start)) s)" >&2
    BENCH_OUT=$d build/bench/bench "$n" "$d/db" data/documents/*.txt >"$d/row.md"
    # shellcheck disable=SC2046
    set -- $(bench/pg.sh load "$pgdir" "$(pwd)/$d/entries.tsv")
    printf 'pg_copy_s %s\npg_index_s %s\npg_load_bytes %s\n' "$1" "$2" "$3" >"$d/pgload.tsv"
    rm -f "$d/entries.tsv"
    echo "bench: $n entries: PostgreSQL loaded ($(($(date +%s) - t_start)) s)" >&2
    build/bench/bench_pg "$d/db" "$d" "$conninfo" "$passes"
    echo "bench: $n entries: compared ($(($(date +%s) - t_start)) s)" >&2
    set -- $(bench/serve.sh "$BIN" "$d/db" "$d/queries.txt")
    printf 'listen_ms %s\nfirst_search_ms %s\nrss_mb %s\nhwm_mb %s\n' "$1" "$2" "$3" "$4" >"$d/serve.tsv"
    r=$d/result.tsv p=$d/pg.tsv
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" \
        "$(get "$p" ours_facets_median_ms)" "$(get "$p" ours_facets_p99_ms)" \
        "$(get "$p" pg_facets_median_ms)" "$(get "$p" pg_facets_p99_ms)" \
        "$(get "$p" ours_top_median_ms)" "$(get "$p" pg_top_median_ms)" \
        "$(get "$r" u61_median_ms)" "$(get "$r" fts_median_ms)" "$(get "$r" ours_median_ms)" \
        >>"$out/latency.tsv"
    [ -n "${BENCH_KEEP:-}" ] || rm -f "$d/db" "$d/db-wal" "$d/db-shm"
done
bench/pg.sh stop "$pgdir"

{
    echo "# Benchmark results"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
    echo "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1); $(uname -sr); shared with other"
    echo "work (other builds may run in parallel: every comparison below is measured in the same"
    echo "run, interleaved, and repeated)."
    echo "Date: $(date -u +%Y-%m-%d). Command: \`$mode\` (bench/run.sh; sizes $sizes;"
    first=$out/n$(echo "$sizes" | awk '{print $1}')
    echo "$passes timed passes). SQLite $(sqlite3 --version | cut -d' ' -f1), PostgreSQL $(get "$first/pg.tsv" pg_version) (Debian)."
    echo
    echo "## Search: ours beside PostgreSQL 15 (bench/bench_pg.c, bench/pg.sh)"
    echo
    echo "The same generated entries (bench.c: titles from nouns of the shipped documents,"
    echo "summaries as word windows of them, places, kinds, fields, Länder) and the same 200"
    echo "one- and two-word queries drawn from those nouns, in the same process, interleaved"
    echo "query by query (who goes first alternates). One warm-up pass, then $passes timed passes;"
    echo "each cell: the median over the passes of the per-pass median (or p99), and in"
    echo "brackets the lowest and highest pass. Times in ms."
    echo
    echo "- **top 10**: the JSON of the 10 best entries and the total number of hits."
    echo "  Ours: \`store_search_text\` (what the server sends), limit 10, in process."
    echo "  PostgreSQL: \`tsv @@ plainto_tsquery('german', q)\` over a stored"
    echo "  \`setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', summary), 'D')\`"
    echo "  with a GIN index, \`ORDER BY ts_rank(tsv, q) DESC, id LIMIT 10\`, \`count(*) OVER ()\`,"
    echo "  a prepared statement through libpq on a Unix socket (the round trip of \`SELECT 1\`"
    echo "  is given: what the socket alone adds to PostgreSQL's figures)."
    echo "- **with facets**: the same plus the counts of all hits per Land, kind, status, field,"
    echo "  target group and year, as \`GET /api/entries\` answers. PostgreSQL: one statement,"
    echo "  the hits materialised once, six \`GROUP BY\`s (\`unnest\` for the arrays)."
    echo "- Ranking: ours BM25 (title 10, aliases 8, summary 1, organisations 3, places 2),"
    echo "  PostgreSQL ts_rank (weight A 1.0 for the title, D 0.1 for the summary)."
    echo "  \"top-10 overlap\": of PostgreSQL's top 10 over all queries, the share also in ours."
    echo "- PostgreSQL settings beside the defaults: shared_buffers 512MB, work_mem 64MB,"
    echo "  maintenance_work_mem 512MB, jit off, fsync/synchronous_commit/full_page_writes off."
    echo
    echo "| entries | ours, with facets: median | p99 | PostgreSQL, with facets: median | p99 | ours, top 10: median | PostgreSQL, top 10: median | PostgreSQL \`SELECT 1\` | median ratio PG/ours (facets, top 10) | hits ours / PG | top-10 overlap |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for n in $sizes; do
        p=$out/n$n/pg.tsv
        echo "| $n | $(range ours_facets_median "$p") | $(range ours_facets_p99 "$p") | $(range pg_facets_median "$p") | $(range pg_facets_p99 "$p") | $(range ours_top_median "$p") | $(range pg_top_median "$p") | $(fmt "$(get "$p" pg_rtt_median_ms)" 3) | $(ratio "$(get "$p" pg_facets_median_ms)" "$(get "$p" ours_facets_median_ms)"), $(ratio "$(get "$p" pg_top_median_ms)" "$(get "$p" ours_top_median_ms)") | $(ratio "$(get "$p" hits_ours)" "$(get "$p" hits_pg)") | $(awk -v a="$(get "$p" overlap)" -v b="$(get "$p" overlap_of)" 'BEGIN { printf "%.0f %%", b ? 100 * a / b : 0 }') |"
    done
    echo
    echo "## Search: ours beside SQLite FTS5 with the stock tokenizer (bench/bench.c)"
    echo
    echo "In bench.c's own process: bulk add in one transaction, then the same 200 queries"
    echo "once each, with facets and limit 20 (\"search\"), and as bare FTS5 matches ranked by"
    echo "bm25 (\"FTS5 alone\": ours with the German tokenizer; the reference: the same titles"
    echo "and summaries in an FTS5 table with unicode61). \"hits ratio\": how many more matches"
    echo "the German analysis finds. One pass: the spread is in the table above."
    echo
    echo "| entries | bulk add | entries/s | median hits | search median | 1 word | 2 words | search p99 | German FTS5 alone, median | unicode61 median | unicode61 p99 | hits ratio | database | peak RSS |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for n in $sizes; do cat "$out/n$n/row.md"; done
    echo
    echo "## Loading, size, server start and memory"
    echo
    echo "Bulk load: ours \`store_put\` of all entries in one transaction (bench.c; the"
    echo "entries generated and parsed in chunks of 10,000 outside the timed part); PostgreSQL \`\\\\copy\` of the same entries (with the"
    echo "generated tsvector column) and then the GIN index and \`VACUUM ANALYZE\`. Sizes: our"
    echo "database file; PostgreSQL's \`pg_total_relation_size\` (table, TOAST, indexes)."
    echo "Server: \`kilandkarte serve\` on the database (bench/serve.sh): time from the start of"
    echo "the process until \`GET /api/entries/gen-0\` answers, then the first search (it loads"
    echo "the facet cache), and resident memory after 50 more searches (response cache off)."
    echo
    echo "| entries | ours: bulk load | ours: MB per 100k entries | PostgreSQL: COPY + index | PostgreSQL: MB per 100k | server answers after | first search | RSS | peak RSS |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for n in $sizes; do
        r=$out/n$n/result.tsv l=$out/n$n/pgload.tsv s=$out/n$n/serve.tsv
        echo "| $n | $(fmt "$(get "$r" add_s)" 1) s | $(awk -v b="$(get "$r" db_bytes)" -v n="$n" 'BEGIN { printf "%.1f", b / 1e6 * 100000 / n }') | $(fmt "$(get "$l" pg_copy_s)" 1) + $(fmt "$(get "$l" pg_index_s)" 1) s | $(awk -v b="$(get "$l" pg_load_bytes)" -v n="$n" 'BEGIN { printf "%.1f", b / 1e6 * 100000 / n }') | $(get "$s" listen_ms) ms | $(get "$s" first_search_ms) ms | $(get "$s" rss_mb) MB | $(get "$s" hwm_mb) MB |"
    done
    echo
    echo "## German morphology: recall beside unicode61 and PostgreSQL"
    echo
    echo "The judged queries of bench/morph.c on the largest size ($(echo "$sizes" | awk '{print $NF}') entries). How relevance"
    echo "is judged, independently of every engine: an entry is relevant when a word of its"
    echo "title or summary, folded (lower case, ä ö ü to ae oe ue, ß to ss), is one of the"
    echo "forms written by hand for the query (its lemma's inflected forms) or ends with one"
    echo "(a compound whose head it is: Kompetenzzentrum for Zentrum; KI-Zentren). Words that"
    echo "only begin with the lemma (Forschungseinrichtungen for Forschung) are not judged"
    echo "relevant, so the precision of a search that finds them drops. Recall: relevant"
    echo "entries found / relevant entries; precision: relevant found / found; macro-averaged"
    echo "per category. Every engine gets the query as typed (unicode61: one quoted word;"
    echo "PostgreSQL: plainto_tsquery('german', ...))."
    echo
    big=$out/n$(echo "$sizes" | awk '{print $NF}')
    echo "| category | queries | ours recall | ours precision | unicode61 recall | unicode61 precision | PostgreSQL recall | PostgreSQL precision |"
    echo "|---|---|---|---|---|---|---|---|"
    paste "$big/morph.tsv" "$big/pgmorph.tsv" | awk -F'\t' '
        function r(a, b) { return b > 0 ? a / b : 1 }
        { c = $2; n[c]++; order[c] = order[c] ? order[c] : ++k; name[k] = c
          or[c] += r($6, $4); op[c] += r($6, $5); ur[c] += r($8, $4); up[c] += r($8, $7)
          pr[c] += r($11, $4); pp[c] += r($11, $10) }
        END { for (i = 1; i <= k; i++) { c = name[i]
              printf "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", c, n[c], or[c]/n[c], op[c]/n[c], ur[c]/n[c], up[c]/n[c], pr[c]/n[c], pp[c]/n[c] } }'
    echo
    echo "Per query: relevant entries, then for each engine relevant found / found:"
    echo
    echo "| query | category | relevant | ours | unicode61 | PostgreSQL |"
    echo "|---|---|---|---|---|---|"
    paste "$big/morph.tsv" "$big/pgmorph.tsv" | awk -F'\t' '{ printf "| %s | %s | %d | %d / %d | %d / %d | %d / %d |\n", $3, $2, $4, $6, $5, $8, $7, $11, $10 }'
    echo
    echo "## Targets (issues 2 and 8)"
    echo
    for n in $sizes; do
        p=$out/n$n/pg.tsv s=$out/n$n/serve.tsv
        v=$(awk -v a="$(get "$p" ours_facets_median_ms)" -v b="$(get "$p" pg_facets_median_ms)" -v c="$(get "$p" ours_top_median_ms)" -v d="$(get "$p" pg_top_median_ms)" 'BEGIN { print (a < b && c < d) ? "met" : "NOT met" }')
        echo "- $n entries: faster than PostgreSQL at the median (with facets and top 10): $v."
        if [ "$n" = 100000 ]; then
            echo "- 100000 entries, issue 2: median search under 2 ms: $(awk -v a="$(get "$p" ours_facets_median_ms)" 'BEGIN { print a < 2 ? "met" : "NOT met" }') ($(fmt "$(get "$p" ours_facets_median_ms)") ms with facets, limit 10; bench.c's single pass, limit 20: $(fmt "$(get "$out/n$n/result.tsv" ours_median_ms)") ms)."
        fi
        if [ "$n" = 1000000 ]; then
            echo "- 1000000 entries: median under 20 ms: $(awk -v a="$(get "$p" ours_facets_median_ms)" 'BEGIN { print a < 20 ? "met" : "NOT met" }'); p99 under 100 ms: $(awk -v a="$(get "$p" ours_facets_p99_ms)" 'BEGIN { print a < 100 ? "met" : "NOT met" }'); server start under 1 s: $(awk -v a="$(get "$s" listen_ms)" 'BEGIN { print a < 1000 ? "met" : "NOT met" }') (first search after $(get "$s" first_search_ms) ms more); memory under 200 MB: $(awk -v a="$(get "$s" hwm_mb)" 'BEGIN { print a < 200 ? "met" : "NOT met" }')."
        fi
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
        [ "$n" -le "${BENCH_SIMILAR_MAX:-100000}" ] || continue
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
    HTTP_DATA=$out/http.tsv bench/http.sh "$BIN" build/bench/bench
    echo
    # Login cost and sustained edits through the API (issue 7).
    bench/write.sh "$BIN"
    echo
    cat bench/profile.md
    echo
    echo "## Plots"
    echo
    echo "Drawn by bench/plot.mjs from bench/out/*.tsv."
    echo
    echo "![Search latency against corpus size](latency.svg)"
    echo
    echo "![HTTP throughput against connections](http.svg)"
} >bench/RESULTS.md.new
mv bench/RESULTS.md.new bench/RESULTS.md
echo "bench: done ($(($(date +%s) - t_start)) s)" >&2
node bench/plot.mjs "$out" bench
cat bench/RESULTS.md

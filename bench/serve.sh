#!/bin/sh
# serve.sh KILANDKARTE DB QUERIES: how fast `kilandkarte serve` starts on
# a database and how much memory it holds. Prints one line
# "listen_ms first_search_ms rss_mb hwm_mb":
#   listen_ms        from the start of the process until GET
#                    /api/entries/gen-0 answers 200 (the port is polled
#                    every 10 ms, so the figure is at most that late)
#   first_search_ms  then the first search with facets (loads the facet
#                    cache: every entry's facet values and row length)
#   rss_mb, hwm_mb   VmRSS and VmHWM after 50 more searches with facets
#                    (the queries of QUERIES), response cache off so that
#                    each one searches
set -eu
BIN=$1
DB=$2
QUERIES=$3
work=$(mktemp -d)
spid=""
cleanup() {
    [ -n "$spid" ] && kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
now_ms() { echo $(($(date +%s%N) / 1000000)); }

t0=$(now_ms)
KILANDKARTE_DB="$DB" "$BIN" serve --port 0 --bind 127.0.0.1 --web "$work/none" --cache-mb 0 ${SERVE_ARGS:-} \
    >"$work/out" 2>"$work/log" &
spid=$!
port=""
code=""
while [ "$code" != 200 ]; do
    if [ $(($(now_ms) - t0)) -gt 60000 ]; then
        echo "bench/serve.sh: no answer within 60 s" >&2
        cat "$work/log" >&2
        exit 1
    fi
    [ -n "$port" ] || port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/out")
    if [ -n "$port" ]; then
        code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/entries/gen-0" || true)
    fi
    [ "$code" = 200 ] || sleep 0.01
done
t1=$(now_ms)
curl -sf -o /dev/null "http://127.0.0.1:$port/api/entries?q=Verwaltung&limit=20"
t2=$(now_ms)
head -n 50 "$QUERIES" | while IFS= read -r q; do
    curl -sf -o /dev/null -G "http://127.0.0.1:$port/api/entries" --data-urlencode "q=$q" \
        --data-urlencode "limit=20"
done
rss=$(awk '/^VmRSS/ {printf "%.1f", $2/1024}' "/proc/$spid/status")
hwm=$(awk '/^VmHWM/ {printf "%.1f", $2/1024}' "/proc/$spid/status")
echo "$((t1 - t0)) $((t2 - t1)) $rss $hwm"

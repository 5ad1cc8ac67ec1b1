#!/bin/sh
# cache.sh KILANDKARTE: the response cache of the server (src/http/cache.c)
# against the real server on a loopback port: a repeated answer comes
# from the cache (X-Cache: hit, same ETag, same bytes), a change made by
# another process (`kilandkarte add` on the same file while the server
# runs) is seen by the very next request, concurrent requests are served
# without sanitizer reports, and --cache-mb 0 turns the cache off.
# Closes with "cache: N passed, N failed".
set -u
BIN=$1
. "$(dirname "$0")/lib.sh"

# twice PATH: the same request twice on one connection (one worker);
# headers of both in $work/h, bodies in $work/b1 and $work/b2.
twice() {
    curl -s -g -D "$work/h" -o "$work/b1" "$base$1" -o "$work/b2" "$base$1"
}
xcache() { tr -d '\r' <"$work/h" | sed -n 's/^[Xx]-[Cc]ache: //p' | tr '\n' ' '; }
etags() { tr -d '\r' <"$work/h" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p' | sort -u | wc -l; }

"$BIN" init >/dev/null 2>&1
"$BIN" import --publish "$docs"/*.txt >/dev/null 2>&1

start_or_quit cache --threads 4 --web "$work"
# Each worker's connection is opened before the first request: a worker's
# first request finds the answers of the others (it emptied the cache
# once, at a random moment).
curl -s -o /dev/null "$base/api/laender"
hits=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    curl -s -o /dev/null -D "$work/h" "$base/api/laender"
    [ "$(xcache)" = 'hit ' ] && hits=$((hits + 1))
done
t "a worker's first request keeps the cache ($hits of 12 hits)" test "$hits" -eq 12
for p in "/api/entries?q=Zentrum&limit=5" "/api/entries?limit=5&q=Zentrum" "/api/laender" \
    "/api/places?q=Kemp" "/api/export.csv" "/api/export.geojson?land=DE-BY"; do
    twice "$p"
    t "second answer from the cache: $p ($(xcache))" test "$(xcache)" = "miss hit " -o "$(xcache)" = "hit hit "
    t "same bytes: $p" cmp -s "$work/b1" "$work/b2"
done
id=$(curl -s "$base/api/entries?limit=1&sort=id" | jq -r '.items[0].id')
twice "/api/entries/$id"
t "entry from the cache" test "$(xcache)" = "miss hit " -o "$(xcache)" = "hit hit "
t "one ETag for both" test "$(etags)" -eq 1
etag=$(tr -d '\r' <"$work/h" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p' | head -n1)
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/api/entries/$id")
t "If-None-Match on a cached answer: 304" test "$code" = 304
t "Cache-Control: no-cache" sh -c "tr -d '\r' <'$work/h' | grep -qi '^cache-control: no-cache'"
twice "/api/entries?kind=rocket"
t "errors are not cached" test -z "$(xcache)"

# A change by another process is visible at once, on every worker.
q="/api/entries?q=Quantenrechnerzentrum"
# Each worker drops the cache once when it first sees a change made
# elsewhere (data_version is per connection, src/http/cache.c), and which
# worker takes a connection is the server's choice: ask until one
# connection is answered from the cache twice, at most 12 times.
tries=0
until [ $tries -ge 12 ]; do
    twice "$q"
    tries=$((tries + 1))
    [ "$(xcache)" = 'hit hit ' ] && break
done
t "before: nothing found, cached (after $tries connections)" sh -c "jq -e '.total == 0' '$work/b2' >/dev/null && test '$(xcache)' = 'hit hit '"
printf '%s\n' '{"title":"Quantenrechnerzentrum Probe","kind":"centre","land":"DE-HB","status":"published"}' |
    "$BIN" add - >/dev/null 2>&1
fresh=0
for i in 1 2 3 4 5 6 7 8; do
    curl -s "$base$q" | jq -e '.total == 1' >/dev/null && fresh=$((fresh + 1))
done
t "after add by another process: found at once ($fresh of 8)" test "$fresh" -eq 8
curl -s "$base/api/laender" -o "$work/l"
t "laender counts the new entry" sh -c "jq -e '.items[] | select(.code == \"DE-HB\") | .entries > 0' '$work/l' >/dev/null"

# Concurrent requests, hits and misses mixed (the sanitizer build watches).
kids=""
i=0
while [ $i -lt 8 ]; do
    (j=0; while [ $j -lt 25 ]; do
        curl -s -o /dev/null -o /dev/null "$base/api/entries?q=Zentrum&offset=$((j % 5))" "$base/api/laender"
        j=$((j + 1))
    done) &
    kids="$kids $!"
    i=$((i + 1))
done
for c in $kids; do wait "$c"; done
t "server alive after concurrent requests" kill -0 "$pid"
t "server ends with 0" stop
t "no sanitizer report" sh -c "! grep -q 'Sanitizer' '$work/serve.log'"

# --cache-mb 0: no cache, no X-Cache header.
: >"$work/serve.log"
if start --cache-mb 0 --web "$work"; then
    twice "/api/laender"
    t "--cache-mb 0: no X-Cache" test -z "$(xcache)"
    t "--cache-mb 0: ETag still" test "$(etags)" -eq 1
    t "server ends with 0 (no cache)" stop
else
    t "server starts with --cache-mb 0" false
fi

finish cache

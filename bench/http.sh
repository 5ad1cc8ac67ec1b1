#!/bin/sh
# http.sh KILANDKARTE BENCH: the HTTP benchmark of `make bench` (issues 4
# and 8): wrk on loopback against GET /api/entries?q=ki&limit=20 (search
# with facets) and GET /api/entries/{id} (one entry: the first hit) with 10,000
# entries, beside nginx serving the same response bytes as static files,
# in the same run. Prints a Markdown section for bench/RESULTS.md.
#
#   KILANDKARTE  build/kilandkarte
#   BENCH        build/bench/bench (its generator writes the database)
#
# wrk and nginx come from Debian, installed here if missing (only the
# benchmark needs them); nginx runs from a temporary prefix and config in
# the foreground (no service is installed, started or enabled: package
# scripts are told not to start one). Both servers listen on 127.0.0.1
# only and are stopped by PID at the end. Environment: HTTP_SECONDS (10),
# HTTP_ENTRIES (10000), HTTP_CONNS (connection counts, "16 64"),
# HTTP_DATA (a file to which "path conns ours_rps ours_p99 nginx_rps
# nginx_p99" lines are written, for bench/plot.mjs).
set -eu
BIN=$1
BENCH=$2
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${HTTP_SECONDS:-5}
entries=${HTTP_ENTRIES:-10000}
search="/api/entries?q=ki&limit=20"
conns=${HTTP_CONNS:-"16 64"}
data=${HTTP_DATA:-/dev/null}
: >"$data"

missing=""
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing="$missing nginx-light"
if [ -n "$missing" ]; then
    echo "bench/http.sh: installing$missing" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    # Debian's policy-rc.d protocol: exit 101 = do not start services
    # from package scripts. Only a file made here is removed again.
    made=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
        $SUDO chmod 755 /usr/sbin/policy-rc.d
        made=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq --no-install-recommends $missing >&2 || true
    [ -n "$made" ] && $SUDO rm -f /usr/sbin/policy-rc.d
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

work=$(mktemp -d)
spid=""
npid=""
cleanup() {
    [ -n "$spid" ] && kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null
    [ -n "$npid" ] && kill "$npid" 2>/dev/null && wait "$npid" 2>/dev/null
    [ -n "${KEEP:-}" ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# The database: bench.c's generator (realistic titles, summaries, places;
# three in four published), kept after its own measurements.
"$BENCH" "$entries" "$work/db" "$root"/data/documents/*.txt >/dev/null

# start_ours ARGS...: our server on a free port; sets spid and sport.
start_ours() {
    KILANDKARTE_DB="$work/db" "$BIN" serve --port 0 --bind 127.0.0.1 --web "$work/none" "$@" \
        >"$work/serve.out" 2>"$work/serve.log" &
    spid=$!
    sport=""
    i=0
    while [ $i -lt 100 ] && [ -z "$sport" ]; do
        sleep 0.1
        sport=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
        i=$((i + 1))
    done
    [ -n "$sport" ] || { echo "bench/http.sh: server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
}
stop_ours() {
    kill -TERM "$spid"
    wait "$spid" || true
    spid=""
}

# ms VALUE: wrk's "1.23ms", "456.78us", "1.02s" in milliseconds.
ms() {
    echo "$1" | awk '/us$/ {sub("us",""); printf "%.2f", $1/1000; next}
                     /ms$/ {sub("ms",""); printf "%.2f", $1; next}
                     /s$/  {sub("s","");  printf "%.2f", $1*1000; next}
                     {print "?"}'
}
# run PORT CONNS NAME [PATH]: one wrk run; sets rps, p50, p99 (and errs).
run() {
    f="$work/wrk-$3-$2-$(echo "${4:-$search}" | tr -c 'a-z0-9' _).txt"
    t=2
    [ "$2" -ge 2 ] || t=1 # wrk needs a connection per thread
    timeout $((secs + 20)) wrk -t "$t" -c "$2" -d "${secs}s" --timeout 2s --latency \
        "http://127.0.0.1:$1${4:-$search}" >"$f" 2>&1 || true
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$f")
    p50=$(ms "$(awk '$1 == "50%" {print $2}' "$f")")
    p99=$(ms "$(awk '$1 == "99%" {print $2}' "$f")")
    errs=$(awk '/Non-2xx|Socket errors/' "$f" | tr '\n' ' ')
    rps=${rps:-0}
}

verdict() { awk -v v="$1" -v lim="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= lim : v < lim; print ok ? "met" : "NOT met" }'; }

start_ours
# The answers nginx serves: the same bytes, saved once (the search under
# its own name, since /api/entries/ is also a directory of entries).
mkdir -p "$work/www/api/entries" "$work/ngx"
curl -sf -o "$work/www/search.json" "http://127.0.0.1:$sport$search"
# One entry: the first hit of the search (published, so the API shows it).
id=$(jq -r '.items[0].id' "$work/www/search.json")
one="/api/entries/$id"
curl -sf -o "$work/www/api/entries/$id" "http://127.0.0.1:$sport$one"
# nginx's workers drop root (www-data): the file must be readable to them.
chmod 711 "$work"
chmod -R a+rX "$work/www"
bytes=$(wc -c <"$work/www/search.json")
bytes1=$(wc -c <"$work/www/api/entries/$id")
total=$(jq .total "$work/www/search.json" 2>/dev/null || echo "?")

# nginx: own prefix and config, foreground, loopback, a free port.
nport=""
for p in 18480 28480 38480 48480 58480; do
    cat >"$work/ngx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/ngx/nginx.pid;
error_log $work/ngx/error.log;
events { worker_connections 4096; }
http {
    access_log $work/ngx/access.log;
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $work/ngx/body;
    proxy_temp_path $work/ngx/proxy;
    fastcgi_temp_path $work/ngx/fastcgi;
    uwsgi_temp_path $work/ngx/uwsgi;
    scgi_temp_path $work/ngx/scgi;
    server {
        listen 127.0.0.1:$p;
        root $work/www;
        location = /api/entries { try_files /search.json =404; }
    }
}
EOF
    "$NGINX" -p "$work/ngx" -c "$work/ngx/nginx.conf" -e "$work/ngx/error.log" 2>>"$work/ngx/start.log" &
    npid=$!
    sleep 0.5
    if kill -0 "$npid" 2>/dev/null && curl -s -o "$work/ngx.body" "http://127.0.0.1:$p$search"; then
        nport=$p
        break
    fi
    wait "$npid" 2>/dev/null || true
    npid=""
done
[ -n "$nport" ] || { echo "bench/http.sh: nginx did not start" >&2; cat "$work/ngx/error.log" >&2; exit 1; }
cmp -s "$work/ngx.body" "$work/www/search.json" || { echo "bench/http.sh: nginx serves other bytes" >&2; exit 1; }
curl -s -o "$work/ngx.body1" "http://127.0.0.1:$nport$one"
cmp -s "$work/ngx.body1" "$work/www/api/entries/$id" || { echo "bench/http.sh: nginx serves other bytes for $one" >&2; exit 1; }

# Warm up: every worker of ours sees the database once (the first answer
# of each worker's connection refills the cache, see src/http/cache.c).
wrk -t 1 -c 8 -d 1s "http://127.0.0.1:$sport$search" >/dev/null 2>&1 || true
wrk -t 1 -c 8 -d 1s "http://127.0.0.1:$nport$search" >/dev/null 2>&1 || true

rows=""
verdicts=""
for p in "$search" "$one"; do
    for c in $conns; do
        run "$nport" "$c" nginx "$p"
        n_rps=$rps n_p50=$p50 n_p99=$p99 n_err=$errs
        run "$sport" "$c" ours "$p"
        ratio=$(awk -v a="$rps" -v b="$n_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }')
        rows="$rows| \`$p\` | $c | $rps | $p50 ms | $p99 ms | $n_rps | $n_p50 ms | $n_p99 ms | $ratio |${errs:+ ours: $errs}${n_err:+ nginx: $n_err}
"
        echo "$p $c $rps $p99 $n_rps $n_p99" >>"$data"
        case $c in
        16 | 64)
            verdicts="$verdicts- \`$p\`, $c connections: half of nginx's throughput $(verdict "$ratio" 0.5 '>=') ($ratio)"
            [ "$c" = 64 ] && verdicts="$verdicts; p99 under 10 ms $(verdict "$p99" 10 '<') ($p99 ms)"
            verdicts="$verdicts
"
            ;;
        esac
    done
done
hwm=$(awk '/^VmHWM/ {printf "%.1f", $2/1024}' "/proc/$spid/status")
stop_ours

# The same server without the response cache: what the cache buys.
start_ours --cache-mb 0
wrk -t 1 -c 8 -d 1s "http://127.0.0.1:$sport$search" >/dev/null 2>&1 || true
nocache=""
for c in 16 64; do
    run "$sport" "$c" nocache
    nocache="$nocache| $c | $rps | $p50 ms | $p99 ms |
"
done
hwm0=$(awk '/^VmHWM/ {printf "%.1f", $2/1024}' "/proc/$spid/status")
stop_ours

echo "## HTTP: our server beside nginx (bench/http.sh)"
echo
echo "wrk (2 threads, 1 for 1 connection; ${secs} s per run, keep-alive) on 127.0.0.1 against"
echo "\`GET $search\` (search with facets: $bytes bytes, total $total) and"
echo "\`GET $one\` (one entry: $bytes1 bytes) on $entries generated entries"
echo "(bench.c's generator). Ours: \`kilandkarte serve\` with 4 worker threads and"
echo "the response cache (32 MiB), access log on. nginx $("$NGINX" -v 2>&1 | sed 's|.*/||'): the same"
echo "bytes as static files, worker_processes auto, access log on, in the same run,"
echo "on the same $(nproc) cores as wrk and our server."
echo
echo "| path | connections | ours req/s | ours p50 | ours p99 | nginx req/s | nginx p50 | nginx p99 | ours / nginx |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s' "$rows"
echo
echo "Resident memory of our server (VmHWM, peak): $hwm MB with the cache,"
echo "$hwm0 MB without. Targets (issues 4 and 8; RSS under 100 MB: $(verdict "$hwm" 100 '<')):"
echo
printf '%s' "$verdicts"
echo
echo "Without the response cache (\`--cache-mb 0\`: every request of the search path searches):"
echo
echo "| connections | req/s | p50 | p99 |"
echo "|---|---|---|---|"
printf '%s' "$nocache"

#!/bin/sh
# http.sh KILANDKARTE BENCH: the HTTP benchmark of `make bench` (issue 4):
# wrk on loopback against GET /api/entries?q=ki&limit=20 with 10,000
# entries, beside nginx serving the same response bytes as a static file,
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
# HTTP_ENTRIES (10000).
set -eu
BIN=$1
BENCH=$2
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${HTTP_SECONDS:-10}
entries=${HTTP_ENTRIES:-10000}
path="/api/entries?q=ki&limit=20"

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
# run PORT CONNS NAME: one wrk run; sets rps, p50, p99 (and errs).
run() {
    timeout $((secs + 20)) wrk -t 2 -c "$2" -d "${secs}s" --timeout 2s --latency \
        "http://127.0.0.1:$1$path" >"$work/wrk-$3-$2.txt" 2>&1 || true
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$work/wrk-$3-$2.txt")
    p50=$(ms "$(awk '$1 == "50%" {print $2}' "$work/wrk-$3-$2.txt")")
    p99=$(ms "$(awk '$1 == "99%" {print $2}' "$work/wrk-$3-$2.txt")")
    errs=$(awk '/Non-2xx|Socket errors/' "$work/wrk-$3-$2.txt" | tr '\n' ' ')
    rps=${rps:-0}
}

start_ours
# The answer nginx serves: the same bytes, saved once.
mkdir -p "$work/www/api" "$work/ngx"
curl -s -o "$work/www/api/entries" "http://127.0.0.1:$sport$path"
# nginx's workers drop root (www-data): the file must be readable to them.
chmod 711 "$work"
chmod -R a+rX "$work/www"
bytes=$(wc -c <"$work/www/api/entries")
total=$(jq .total "$work/www/api/entries" 2>/dev/null || echo "?")

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
    }
}
EOF
    "$NGINX" -p "$work/ngx" -c "$work/ngx/nginx.conf" -e "$work/ngx/error.log" 2>>"$work/ngx/start.log" &
    npid=$!
    sleep 0.5
    if kill -0 "$npid" 2>/dev/null && curl -s -o "$work/ngx.body" "http://127.0.0.1:$p$path"; then
        nport=$p
        break
    fi
    wait "$npid" 2>/dev/null || true
    npid=""
done
[ -n "$nport" ] || { echo "bench/http.sh: nginx did not start" >&2; cat "$work/ngx/error.log" >&2; exit 1; }
cmp -s "$work/ngx.body" "$work/www/api/entries" || { echo "bench/http.sh: nginx serves other bytes" >&2; exit 1; }

# Warm up: every worker of ours sees the database once (the first answer
# of each worker's connection refills the cache, see src/http/cache.c).
wrk -t 1 -c 8 -d 1s "http://127.0.0.1:$sport$path" >/dev/null 2>&1 || true
wrk -t 1 -c 8 -d 1s "http://127.0.0.1:$nport$path" >/dev/null 2>&1 || true

rows=""
for c in 16 64; do
    run "$nport" "$c" nginx
    n_rps=$rps n_p50=$p50 n_p99=$p99 n_err=$errs
    run "$sport" "$c" ours
    ratio=$(awk -v a="$rps" -v b="$n_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }')
    rows="$rows| $c | $rps | $p50 ms | $p99 ms | $n_rps | $n_p50 ms | $n_p99 ms | $ratio |${errs:+ ours: $errs}${n_err:+ nginx: $n_err}
"
    eval "ratio_$c=$ratio p99_$c=$p99"
done
hwm=$(awk '/^VmHWM/ {printf "%.1f", $2/1024}' "/proc/$spid/status")
stop_ours

# The same server without the response cache: what the cache buys.
start_ours --cache-mb 0
wrk -t 1 -c 8 -d 1s "http://127.0.0.1:$sport$path" >/dev/null 2>&1 || true
nocache=""
for c in 16 64; do
    run "$sport" "$c" nocache
    nocache="$nocache| $c | $rps | $p50 ms | $p99 ms |
"
done
hwm0=$(awk '/^VmHWM/ {printf "%.1f", $2/1024}' "/proc/$spid/status")
stop_ours

verdict() { awk -v v="$1" -v lim="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= lim : v < lim; print ok ? "met" : "NOT met" }'; }
echo "## HTTP: our server beside nginx (bench/http.sh)"
echo
echo "wrk (2 threads, ${secs} s per run, keep-alive) on 127.0.0.1 against"
echo "\`GET $path\` ($bytes bytes, total $total) on $entries generated entries"
echo "(bench.c's generator). Ours: \`kilandkarte serve\` with 4 worker threads and"
echo "the response cache (32 MiB), access log on. nginx $("$NGINX" -v 2>&1 | sed 's|.*/||'): the same"
echo "bytes as a static file, worker_processes auto, access log on, in the same run,"
echo "on the same $(nproc) cores as wrk and our server."
echo
echo "| connections | ours req/s | ours p50 | ours p99 | nginx req/s | nginx p50 | nginx p99 | ours / nginx |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s' "$rows"
echo
echo "Resident memory of our server (VmHWM, peak): $hwm MB with the cache,"
echo "$hwm0 MB without."
echo "Targets (issue 4): throughput at least half of nginx's: $(verdict "${ratio_64:-0}" 0.5 '>=') at 64"
echo "connections (ratio $ratio_64), $(verdict "${ratio_16:-0}" 0.5 '>=') at 16 ($ratio_16); p99 under 10 ms at"
echo "64 connections: $(verdict "${p99_64:-99}" 10 '<') ($p99_64 ms); RSS under 100 MB: $(verdict "$hwm" 100 '<')."
echo
echo "Without the response cache (\`--cache-mb 0\`: every request searches):"
echo
echo "| connections | req/s | p50 | p99 |"
echo "|---|---|---|---|"
printf '%s' "$nocache"

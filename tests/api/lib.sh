# lib.sh: what the API suites share, sourced after BIN=$1: a work
# directory removed at exit (the server stopped with it), a database file
# in it, the counters and t, one request with its headers and body kept,
# the server on a loopback port, and the closing line.
here=$(cd "$(dirname "$0")" && pwd)
docs="$here/../../data/documents"
work=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export KILANDKARTE_DB="$work/t.db" KILANDKARTE_USER=tester
passed=0
failed=0
out="$work/out"
hdr="$work/hdr"
nreq=0

ok() { passed=$((passed + 1)); }
bad() {
    failed=$((failed + 1))
    echo "FAIL: $1"
    echo "  headers: $(head -c 400 "$hdr" 2>/dev/null | tr '\r\n' '  ')"
    echo "  body: $(head -c 400 "$out" 2>/dev/null)"
}
# t NAME COMMAND...: one check, passed when COMMAND succeeds.
t() {
    name=$1
    shift
    if "$@"; then ok; else bad "$name"; fi
}
# req EXPECTED METHOD PATH [CURL ARGS...]: one request; headers in $hdr,
# body in $out; fails (saying why) unless the status is EXPECTED.
req() {
    want=$1
    method=$2
    path=$3
    shift 3
    nreq=$((nreq + 1))
    rm -f "$out" "$hdr"
    code=$(curl -s -g -o "$out" -D "$hdr" -w '%{http_code}' -X "$method" "$@" "$base$path")
    [ "$code" = "$want" ] || { echo "  (status $code, expected $want: $method $path)"; return 1; }
}
# get EXPECTED PATH [CURL ARGS...]: req without -X (curl's own method,
# so that --head and -d keep their meaning).
get() {
    want=$1
    path=$2
    shift 2
    nreq=$((nreq + 1))
    rm -f "$out" "$hdr"
    code=$(curl -s -g -o "$out" -D "$hdr" -w '%{http_code}' "$@" "$base$path")
    [ "$code" = "$want" ] || { echo "  (status $code, expected $want: $path)"; return 1; }
}
jqo() { jq -e "$1" "$out" >/dev/null; }
hdr_has() { tr -d '\r' <"$hdr" | grep -qi -- "$1"; }
etag_of() { tr -d '\r' <"$hdr" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'; }

# start ARGS...: `serve --port 0 ARGS` in the background (the server
# picks a free port and names it); sets pid, port and base. Output to
# $work/serve.out, the log appended to $work/serve.log.
start() {
    "$BIN" serve --port 0 "$@" >"$work/serve.out" 2>>"$work/serve.log" &
    pid=$!
    port=""
    i=0
    while [ $i -lt 100 ] && [ -z "$port" ]; do
        sleep 0.1
        port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.out" 2>/dev/null)
        i=$((i + 1))
    done
    base="http://127.0.0.1:$port"
    [ -n "$port" ]
}
# start_or_quit NAME ARGS...: start, or end the suite NAME with the log.
start_or_quit() {
    name=$1
    shift
    if ! start "$@"; then
        echo "FAIL: server did not start"
        cat "$work/serve.log"
        echo "$name: 0 passed, 1 failed"
        exit 1
    fi
}
# stop: SIGTERM, and the server's exit status.
stop() {
    kill -TERM "$pid"
    wait "$pid"
    rc=$?
    pid=""
    return $rc
}
# finish NAME: the closing line; the suite's status.
finish() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

#!/bin/sh
# write.sh KILANDKARTE: the write path of issue 7 on this machine: the cost
# of one login (argon2id, as configured) and sustained edits through the
# API with history kept (wrk, PUT /api/entries/{id} with a token, every
# request a new version and a history row), at 1, 4 and 16 connections;
# requests per second, median and p99 latency, history rows written.
# Prints a Markdown section for bench/RESULTS.md. Environment:
# WRITE_SECONDS (10). wrk from Debian (installed by bench/http.sh).
set -eu
BIN=$1
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${WRITE_SECONDS:-10}
work=$(mktemp -d)
spid=""
cleanup() {
    [ -n "$spid" ] && kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export KILANDKARTE_DB="$work/db"
PW=bench-langes-Passwort

"$BIN" init >/dev/null
"$BIN" import --publish "$root"/data/documents/*.txt >/dev/null 2>&1
echo "$PW" | "$BIN" user add schreiber --role land-editor --land DE-BY >/dev/null
TOKEN=$("$BIN" user token schreiber 2>/dev/null)
# 50 entries of Bayern to write to, created once.
ids=""
i=0
while [ $i -lt 50 ]; do
    echo "{\"id\":\"by-schreibprobe-$i\",\"title\":\"Schreibprobe $i\",\"kind\":\"project\",\"land\":\"DE-BY\"}" >>"$work/entries.jsonl"
    ids="$ids${ids:+,}by-schreibprobe-$i"
    i=$((i + 1))
done
"$BIN" add "$work/entries.jsonl" >/dev/null
"$BIN" serve --port 0 --threads 4 >"$work/serve.out" 2>/dev/null &
spid=$!
port=""
while [ -z "$port" ]; do
    sleep 0.1
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
done
base="http://127.0.0.1:$port"

# Login: 20 in a row, each a full argon2id verification.
t0=$(date +%s%N)
n=0
while [ $n -lt 20 ]; do
    curl -s -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"user\":\"schreiber\",\"password\":\"$PW\"}" "$base/api/login"
    n=$((n + 1))
done
t1=$(date +%s%N)
login_ms=$(( (t1 - t0) / 20000000 ))

h0=$(sqlite3 "$KILANDKARTE_DB" 'SELECT count(*) FROM history')
echo "## Schreiben über die API (Issue 7)"
echo
echo "Maschine: $(nproc) Kerne, $(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -n1)."
echo "Befehl: \`bench/write.sh build/kilandkarte\` (WRITE_SECONDS=$secs), Server mit 4 Threads,"
echo "Datenbank aus data/documents plus 50 Einträgen von Bayern; jede Anfrage ist"
echo "\`PUT /api/entries/{id}\` mit API-Token und \`If-Match: *\`, eine neue Fassung mit"
echo "Zeile im Verlauf (Eintrag reihum)."
echo
echo "- Anmeldung (\`POST /api/login\`, argon2id mit den Vorgaben: 2 Durchläufe, 64 MiB):"
echo "  ${login_ms} ms je Anmeldung (Mittel über 20, nacheinander, mit curl)."
echo
echo "| Verbindungen | Schreibzugriffe | je Sekunde | Median | p99 | Fehler |"
echo "|---|---|---|---|---|---|"
for c in 1 4 16; do
    line=$(IDS=$ids TOKEN=$TOKEN wrk -t 1 -c $c -d "${secs}s" --latency -s "$root/bench/write.lua" "$base" 2>/dev/null | grep '^RESULT')
    set -- $line
    echo "| $c | $2 | $3 | $4 ms | $5 ms | $6 |"
done
h1=$(sqlite3 "$KILANDKARTE_DB" 'SELECT count(*) FROM history')
echo
echo "Verlauf: $((h1 - h0)) Zeilen geschrieben (eine je erfolgreicher Anfrage);"
echo "\`PRAGMA integrity_check\`: $(sqlite3 "$KILANDKARTE_DB" 'PRAGMA integrity_check')."

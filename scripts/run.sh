#!/bin/sh
# run.sh BIN: what `make run` does after building: create the database
# (KILANDKARTE_DB or ./kilandkarte.db), import the documents the project
# ships (data/documents), print a short summary and an example search, then
# serve the registry on http://localhost:8080 (PORT=... to change) until
# Ctrl-C.
set -eu
BIN=$1
root=$(cd "$(dirname "$0")/.." && pwd)
export KILANDKARTE_DB="${KILANDKARTE_DB:-$root/kilandkarte.db}"
export KILANDKARTE_USER="${KILANDKARTE_USER:-make-run}"
"$BIN" init
# The shipped documents, imported published (a second run changes nothing).
"$BIN" import --publish "$root"/data/documents/*.txt
echo
"$BIN" summary
echo
echo "Beispielsuche: kilandkarte search Zentrum"
"$BIN" search Zentrum --limit 5
echo
echo "Befehle: $BIN --help  (Datenbank: $KILANDKARTE_DB)"
echo
# Then serve the registry: the JSON API (the map page follows with issue 4).
port=${PORT:-8080}
echo "API: http://localhost:$port/api/entries?q=Zentrum  ·  http://localhost:$port/api/openapi.json"
exec "$BIN" serve --port "$port" --web "$root/web"

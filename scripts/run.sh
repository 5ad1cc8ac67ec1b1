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
# Editing needs an account; say how to make the first one when there is none.
if [ "$("$BIN" user list --json 2>/dev/null)" = "[]" ]; then
    echo "Bearbeiten braucht ein Konto. Das erste anlegen (Passwort wird abgefragt):"
    echo "  KILANDKARTE_DB=$KILANDKARTE_DB $BIN user add NAME --role admin"
fi
echo
# Then serve the registry: the map page (build/web, assembled by `make web`
# from web/ and the npm packages) and the JSON API.
port=${PORT:-8080}
echo "Karte: http://localhost:$port/  ·  API: http://localhost:$port/api/entries?q=Zentrum  ·  http://localhost:$port/api/openapi.json"
exec "$BIN" serve --port "$port" --web "$root/build/web"

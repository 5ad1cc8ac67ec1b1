#!/bin/sh
# run.sh BIN: what `make run` does after building: create the database
# (KILANDKARTE_DB or ./kilandkarte.db), import the documents the project
# ships (data/documents), print a short summary and an example search.
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
echo "Weiter: $BIN --help  (Datenbank: $KILANDKARTE_DB)"

#!/bin/sh
# import.sh KILANDKARTE: command-line checks of `kilandkarte import` on a
# real database file and the shipped documents. Closes with
# "cli-import: N passed, N failed".
set -u
BIN=$1
here=$(cd "$(dirname "$0")" && pwd)
docs="$here/../../data/documents"
. "$here/lib.sh"
# snapshot: every entry with its version, and the documents: what "changed" means
snapshot() { "$BIN" export --format jsonl --status all 2>/dev/null | jq -c '[.id, .version, .status]' | sort; sqlite3 "$KILANDKARTE_DB" 'SELECT name, sha256 FROM document ORDER BY name' 2>/dev/null; }

"$BIN" init >/dev/null 2>&1

# --dry-run stores nothing and prints JSON Lines
before=$(snapshot)
t "dry-run exits 0" run 0 import --dry-run "$docs/002_94e67f4646c14073.txt"
t "dry-run prints entries as JSON Lines" sh -c "jq -e -s 'length > 40 and all(.[]; .status == \"draft\" and .source.document == \"002_94e67f4646c14073.txt\")' '$out' >/dev/null"
t "dry-run reports the document on stderr" has "Länderberichte, 15 Abschnitte" "$errf"
t "dry-run stored nothing" test "$(snapshot)" = "$before"
t "dry-run of a protocol" run 0 import --dry-run "$docs/004_1bee85cc57329fa5.txt"
t "dry-run shows the working group a resolution sets up" jqo 'select(.kind == "body") | .title | startswith("Arbeitsgruppe der DMK zu TOP 6")'
t "dry-run of the protocol stored nothing" test "$(snapshot)" = "$before"

# import of all five documents
t "import all documents" run 0 import "$docs"/*.txt
t "progress line per document" sh -c "[ \$(grep -c '^00[0-4]_.*txt: ' '$out') -eq 5 ]"
t "summary names the Länder sections" has "Abschnitte je Land: BW 1 BY 1" "$out"
t "entries stored as drafts" sh -c "'$BIN' summary --json | jq -e '.drafts > 100 and .published == 0' >/dev/null"
t "an entry with its source span" run 0 get by-ki-produktionsnetzwerk-augsburg
t "span and quote point into the document" jqo '.source.document == "002_94e67f4646c14073.txt" and .source.start < .source.end and (.amounts[0].eur == 92000000) and .places[0].name == "Augsburg"'
t "federal measure has ministry and field" run 0 get bund-ki-trainer
t "ministry and field" jqo '.ministries == ["BMWi"] and .fields == ["transfer"] and .level == "bund"'

# re-importing changes nothing
before=$(snapshot)
t "import again" run 0 import "$docs"/*.txt
t "re-import reports nothing new" has "Gespeichert: 0 neu, 0 aktualisiert" "$out"
t "re-import changed nothing" test "$(snapshot)" = "$before"

# bad inputs: exit 1, a message, the database unchanged
before=$(snapshot)
: >"$work/empty.txt"
t "empty file refused" run 1 import "$work/empty.txt"
t "empty message" has "leer" "$errf"
printf 'Text\000mit NUL' >"$work/bin.txt"
t "binary file refused" run 1 import "$work/bin.txt"
t "binary message" has "NUL-Byte bei Byte 4" "$errf"
printf 'Zeile eins\nM\374nchen ist eine Stadt mit KI.\n' >"$work/latin.txt"
t "invalid UTF-8 refused" run 1 import "$work/latin.txt"
t "UTF-8 message with byte and line" sh -c "grep -q 'Byte 12 (Zeile 2)' '$errf' && grep -q -- '--latin1' '$errf'"
t "--latin1 reads it" run 0 import --dry-run --latin1 "$work/latin.txt"
truncate -s 21M "$work/big.txt" 2>/dev/null || dd if=/dev/zero of="$work/big.txt" bs=1M count=21 2>/dev/null
t "too large refused" run 1 import "$work/big.txt"
t "size message" has "Grenze" "$errf"
t "a bad file among good ones stores nothing" run 1 import "$docs/000_edafe5ebfc9a010c.txt" "$work/empty.txt"
t "database unchanged after refusals" test "$(snapshot)" = "$before"
printf 'Ein Text ohne jede Struktur, über das Wetter und den Garten und den Herbst.\n' >"$work/plain.txt"
t "text without structure: no proposals" run 0 import --dry-run "$work/plain.txt"
t "says so" has "ohne erkennbare Struktur" "$errf"

# a new version of a document: untouched drafts are updated, edited ones kept
sed 's/92 Mio. Euro/95 Mio. Euro/; s/9,1 Millionen Euro/9,5 Millionen Euro/' "$docs/002_94e67f4646c14073.txt" >"$work/002_94e67f4646c14073.txt"
"$BIN" get by-ki-transfer-plus | jq -c '.summary = "Von Hand verbessert." | del(.version, .updated_at)' >"$work/edit.json"
t "a person edits one draft" run 0 add "$work/edit.json"
t "import the new version" run 0 import "$work/002_94e67f4646c14073.txt"
t "untouched draft updated" sh -c "'$BIN' get by-ki-produktionsnetzwerk-augsburg | jq -e '.amounts[0].eur == 95000000' >/dev/null"
t "edited draft kept" sh -c "'$BIN' get by-ki-transfer-plus | jq -e '.summary == \"Von Hand verbessert.\" and .amounts[0].eur == 9100000' >/dev/null"
t "the difference is reported" sh -c "grep -q 'nicht überschrieben: by-ki-transfer-plus' '$out' && grep -q 'amounts' '$out'"
t "history records the importer" sh -c "'$BIN' history by-ki-produktionsnetzwerk-augsburg | grep -q import"

# --publish stores published entries
rm -f "$KILANDKARTE_DB"
"$BIN" init >/dev/null 2>&1
t "import --publish" run 0 import --publish "$docs/003_829089b91600b15e.txt"
t "published" sh -c "'$BIN' summary --json | jq -e '.published > 30 and .drafts == 0' >/dev/null"

finish cli-import

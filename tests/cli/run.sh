#!/bin/sh
# run.sh KILANDKARTE: command-line tests on a real database file. Each
# check runs the binary as a user would and asserts exit code and output.
# Closes with "cli: N passed, N failed".
set -u
BIN=$1
here=$(cd "$(dirname "$0")" && pwd)
fx="$here/fixtures"
. "$here/lib.sh"
count() { "$BIN" summary --json | jq .entries; }

t "init creates the database" sh -c "'$BIN' init | grep -Eq 'Schemaversion [1-9][0-9]*'"
t "add a JSON Lines batch" run 0 add "$fx/entries.jsonl"
t "add reports three new" has "3 neu" "$out"
t "re-adding changes nothing" run 0 add "$fx/entries.jsonl"
t "re-add reports unchanged" has "3 unverändert" "$out"
t "get prints the canonical entry" run 0 get by-ki-transfer-plus
t "id derived from Land and title" jqo '.id == "by-ki-transfer-plus" and .version == 1 and .status == "draft"'
t "place located by name" jqo '.places[0].name == "Kempten (Allgäu)" and (.places[0].lat - 47.72 | fabs) < 0.05 and .places[0].land == "DE-BY"'
t "canonical key order" jqo '(keys_unsorted | join(",")) == "id,title,aliases,kind,level,land,ministries,organisations,summary,places,fields,target_groups,amounts,counts,years,status,links,seeks_partners,offers_reuse,source,version,updated_at"'
t "years sorted" jqo '.years == [2021, 2023]'
t "Land given by name" run 0 get bw-cyber-valley
t "Land normalised to its code" jqo '.land == "DE-BW" and .level == "land"'
t "source span kept" jqo '.source.start == 120 and .source.end == 300 and (.source.quote | startswith("Bereits 2016"))'
t "explicit coordinates kept" jqo '.places[0].lat == 48.52 and .places[0].land == "DE-BW"'
t "Bund entry has no Land" run 0 get bund-stiftungsprofessuren-fuer-kuenstliche-intelligenz
t "Bund entry level bund" jqo '.land == null and .level == "bund" and .ministries == ["BMBF"]'
t "Muenchen located as München" jqo '.places[0].name == "München"'

# Refusals: the message names line and field, and nothing is stored.
before=$(count)
printf '%s\n%s\n' '{"title":"A","kind":"programme","land":"DE-BY"}' '{"title":"B","kind":"rocket","land":"DE-BY"}' >"$work/bad.jsonl"
t "unknown kind refused" run 1 add "$work/bad.jsonl"
t "message names line and field" sh -c "grep -q 'Zeile 2' '$errf' && grep -q 'kind' '$errf' && grep -q 'rocket' '$errf'"
t "nothing of the batch stored" test -n "$before" -a "$(count)" = "$before"
echo '{"title":"A","kind":"programme","land":"DE-XX"}' >"$work/bad.json"
t "a land that is no Land" run 1 add "$work/bad.json"
t "land message" has "land" "$errf"
echo '{"title":"A","kind":"programme","land":"DE-BY","places":[{"name":"Paris","lat":48.85,"lon":2.35}]}' >"$work/bad.json"
t "coordinates outside Germany" run 1 add "$work/bad.json"
t "places message" has "places\[1\]" "$errf"
echo '{"kind":"programme","land":"DE-BY"}' >"$work/bad.json"
t "missing title" run 1 add "$work/bad.json"
t "title message" has "title" "$errf"
printf '{"title":"A\377","kind":"programme","land":"DE-BY"}\n' >"$work/bad.json"
t "invalid UTF-8" run 1 add "$work/bad.json"
t "UTF-8 message" has "UTF-8" "$errf"
printf '{"title":"A","kind":"programme",\n"land":"DE-BY",,}\n' >"$work/bad.json"
t "malformed JSON" run 1 add "$work/bad.json"
t "JSON message with line" has "Zeile 2" "$errf"
echo '{"title":"A","kind":"programme","land":"DE-BY","places":["Kemptn"]}' >"$work/bad.json"
t "unknown place refused" run 1 add "$work/bad.json"
t "candidates named" has "Kempten" "$errf"
echo '{"title":"A","kind":"programme","land":"DE-BY","titel":"x"}' >"$work/bad.json"
t "unknown field refused" run 1 add "$work/bad.json"
t "still nothing stored" test -n "$before" -a "$(count)" = "$before"

# German search.
t "compound: Zentrum finds KI-Kompetenzzentrum" run 0 search Zentrum
t "compound hit" has "bw-cyber-valley" "$out"
t "plural and compound: Professur" run 0 search Professur
t "Stiftungsprofessuren found" has "bund-stiftungsprofessuren" "$out"
t "umlaut spelling: Muenchen" run 0 search Muenchen --json
t "JSON shape" jqo '.total == 1 and (.items | length) == 1 and .items[0].places[0].name == "München" and (.facets.land | type) == "object"'
t "Land filter" run 0 search Unternehmen --land Bayern --json
t "Land filter result" jqo '.total == 1 and .items[0].land == "DE-BY"'
t "near filter" run 0 list --near Memmingen --km 40 --json
t "near finds Kempten entry with distance" jqo '.total == 1 and .items[0].id == "by-ki-transfer-plus" and .items[0].distance_km < 40'
t "field filter" run 0 list --field forschung --json
t "field filter result" jqo '.total == 2'
t "bad facet value" run 2 list --kind rocket
t "unknown option" run 2 search KI --colour red
t "unknown command" run 2 fly

# Versions, history, delete and restore.
sed 's/KI-Transfer Plus/KI-Transfer Plus Bayern/' "$fx/entries.jsonl" | head -n1 |
    sed 's/"title"/"id": "by-ki-transfer-plus", "title"/' >"$work/upd.jsonl"
t "update an entry" run 0 add "$work/upd.jsonl" --reason "Titel ergänzt"
t "update counted" has "1 geändert" "$out"
t "history" run 0 history by-ki-transfer-plus --json
t "history has both versions" jqo 'length == 2 and .[0].version == 2 and .[0].changed == ["title"] and .[0].by == "tester" and .[0].reason == "Titel ergänzt" and .[1].entry.title == "KI-Transfer Plus"'
t "delete" run 0 delete by-ki-transfer-plus
t "deleted entry is gone" run 3 get by-ki-transfer-plus
t "deleted message says how to restore" has "restore" "$errf"
t "restore" run 0 restore by-ki-transfer-plus
t "restored as version 4" sh -c "'$BIN' get by-ki-transfer-plus | jq -e '.version == 4 and .title == \"KI-Transfer Plus Bayern\"' >/dev/null"
t "restore an old version" run 0 restore by-ki-transfer-plus --version 1
t "old title back" sh -c "'$BIN' get by-ki-transfer-plus | jq -e '.title == \"KI-Transfer Plus\" and .version == 5' >/dev/null"

# Export.
t "publish" run 0 publish bw-cyber-valley
t "export jsonl (published only)" run 0 export
t "two published entries" test "$(wc -l <"$out")" -eq 2
t "export all" run 0 export --status all
t "three entries in all" test "$(wc -l <"$out")" -eq 3
t "export csv" run 0 export --format csv --status all
t "csv starts with a BOM" sh -c "head -c3 '$out' | od -An -tx1 | grep -q 'ef bb bf'"
t "csv header with semicolons" sh -c "head -n1 '$out' | grep -q 'id;title;kind'"
t "csv decimal comma" has "48,52" "$out"
t "export geojson" run 0 export --format geojson --status all --output "$work/x.geojson"
t "geojson is a FeatureCollection with lon,lat" sh -c "jq -e '.type == \"FeatureCollection\" and (.features | length) == 3 and (.features[] | select(.id == \"bw-cyber-valley\") | .geometry.coordinates == [9.05, 48.52])' '$work/x.geojson' >/dev/null"
t "MultiPoint for several places" sh -c "jq -e '.features[] | select(.id == \"by-ki-transfer-plus\") | .geometry.type == \"MultiPoint\"' '$work/x.geojson' >/dev/null"

# Places.
t "places Kemp" run 0 places Kemp
t "Kempten first" sh -c "head -n1 '$out' | grep -q 'Kempten (Allgäu)'"
t "places unknown" run 3 places Xyzzyq

# Feedback (messages arrive through the form; the admins read them here).
t "feedback lists none" run 0 feedback
t "feedback count" has "0 Rückmeldungen" "$out"
t "feedback done of an unknown number" run 3 feedback done 9
t "feedback done needs a number" run 2 feedback done neun

finish cli

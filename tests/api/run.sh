#!/bin/sh
# run.sh KILANDKARTE: API tests against the real server on a loopback
# port (port 0: the server picks one and names it) with a real database
# holding the shipped documents. Closes with "api: N passed, N failed".
set -u
BIN=$1
. "$(dirname "$0")/lib.sh"

"$BIN" init >/dev/null 2>&1
"$BIN" import --publish "$docs"/*.txt >/dev/null 2>&1
printf '%s\n' '{"title":"Geheimer Entwurf","kind":"programme","land":"DE-BY"}' >"$work/draft.jsonl"
"$BIN" add "$work/draft.jsonl" >/dev/null 2>&1

start_or_quit api --threads 4 --web "$work/web"
t "server prints its address" grep -q "läuft auf http://127.0.0.1:$port/" "$work/serve.out"

# Search.
t "entries" get 200 "/api/entries?q=Zentrum"
t "entries JSON shape" jqo '(.total | type) == "number" and .total > 0 and (.items | type) == "array" and (.facets | keys) == ["field","kind","land","status","target","year"]'
t "entries content type" hdr_has '^content-type: application/json'
t "CORS header" hdr_has '^access-control-allow-origin: \*'
t "security headers" hdr_has '^x-content-type-options: nosniff'
t "published only" jqo '[.items[].status] | all(. == "published")'
t "facets count published only" jqo '.facets.status | keys == ["published"]'
t "default limit 20" get 200 "/api/entries?limit=20"
t "limit respected" jqo '(.items | length) <= 20'
t "limit and offset" get 200 "/api/entries?limit=2&offset=1&sort=id"
t "two items" jqo '(.items | length) == 2'
t "land filter by name" get 200 "/api/entries?land=Bayern"
t "only Bayern" jqo '.total > 0 and ([.items[].land] | all(. == "DE-BY"))'
t "land bund" get 200 "/api/entries?land=bund&limit=5"
t "only Bund" jqo '.total > 0 and ([.items[].land] | all(. == null))'
t "kind filter" get 200 "/api/entries?kind=centre"
t "only centres" jqo '[.items[].kind] | all(. == "centre")'
t "field filter" get 200 "/api/entries?field=forschung"
t "field facet matches total" jqo '.facets.field.forschung == .total'
t "near Kempten 50 km" get 200 "/api/entries?near=Kempten&km=50"
t "near items have distances <= 50" jqo '.total > 0 and ([.items[].distance_km] | all(. <= 50))'
t "bbox Bavaria" get 200 "/api/entries?bbox=47.2,8.9,50.6,13.9"
t "bbox items inside" jqo '.total > 0 and ([.items[].places[] | select(.lat >= 47.2 and .lat <= 50.6 and .lon >= 8.9 and .lon <= 13.9)] | length) > 0'
t "umlaut in query (percent-encoded)" get 200 "/api/entries?q=M%C3%BCnchen"

# Refusals: problem+json naming the parameter.
t "unknown parameter 400" get 400 "/api/entries?colour=red"
t "problem content type" hdr_has '^content-type: application/problem+json'
t "problem names the parameter" jqo '.type == "about:blank" and .status == 400 and .parameter == "colour" and (.title | length) > 0 and (.detail | test("colour"))'
t "bad kind 400" get 400 "/api/entries?kind=rocket"
t "bad kind named" jqo '.parameter == "kind"'
t "bad year 400" get 400 "/api/entries?year=20x4"
t "bad year named" jqo '.parameter == "year"'
t "bad bbox 400" get 400 "/api/entries?bbox=1,2,3"
t "bad limit 400" get 400 "/api/entries?limit=0"
t "km without near 400" get 400 "/api/entries?km=5"
t "unknown place 400" get 400 "/api/entries?near=Xyzzyq"
t "unknown place named" jqo '.parameter == "near"'
t "duplicate parameter 400" get 400 "/api/entries?kind=centre&kind=project"
t "bad escape 400" get 400 "/api/entries?q=%zz"
t "status=draft 403" get 403 "/api/entries?status=draft"
t "status=all 403" get 403 "/api/entries?status=all"
t "403 names status" jqo '.status == 403 and .parameter == "status"'
t "status=published ok" get 200 "/api/entries?status=published"
t "bad sort 400" get 400 "/api/entries?sort=colour"

# One entry.
id=$(curl -s "$base/api/entries?limit=1&sort=id" | jq -r '.items[0].id')
nreq=$((nreq + 1))
t "get one entry" get 200 "/api/entries/$id"
t "entry is canonical" jqo ".id == \"$id\" and .status == \"published\" and has(\"source\")"
t "missing entry 404" get 404 "/api/entries/no-such-entry"
t "404 is a problem" jqo '.status == 404 and .title == "Nicht gefunden"'
t "draft is not public" get 404 "/api/entries/by-geheimer-entwurf"
t "draft not in search" get 200 "/api/entries?q=Geheimer"
t "draft not found" jqo '.total == 0'

# Anknüpfungspunkte and the comparison (src/analyse), published only.
# st-zukunftszentrum-digitale-arbeit: a shipped entry of Sachsen-Anhalt
# with suggestions from the Bund and other Länder.
sim=st-zukunftszentrum-digitale-arbeit
t "similar" get 200 "/api/entries/$sim/similar"
t "similar items with score and reason" jqo '(.items | length) > 0 and (.items | length) <= 5 and ([.items[] | (.score | type) == "number" and .score > 0 and .score <= 1 and (.reason | type) == "string" and (.reason | length) > 0] | all)'
t "similar never the same Land" jqo '[.items[].land] | all(. != "DE-ST")'
t "similar published only, not itself" jqo "[.items[] | .status == \"published\" and .id != \"$sim\"] | all"
t "similar best first" jqo '[.items[].score] as $s | $s == ($s | sort | reverse)'
t "similar etag" hdr_has '^etag: "'
t "similar CORS" hdr_has '^access-control-allow-origin: \*'
etag=$(tr -d '\r' <"$hdr" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
t "similar If-None-Match 304" get 304 "/api/entries/$sim/similar" -H "If-None-Match: $etag"
t "similar limit" get 200 "/api/entries/$sim/similar?limit=1"
t "one suggestion" jqo '(.items | length) == 1'
t "similar bad limit 400" get 400 "/api/entries/$sim/similar?limit=101"
t "bad limit named" jqo '.parameter == "limit"'
t "similar unknown parameter 400" get 400 "/api/entries/$sim/similar?q=x"
t "similar of a draft 404" get 404 "/api/entries/by-geheimer-entwurf/similar"
t "similar 404 is a problem" jqo '.status == 404 and .title == "Nicht gefunden"'
t "problem content type (404)" hdr_has '^content-type: application/problem+json'
t "similar of an unknown id 404" get 404 "/api/entries/no-such-entry/similar"
t "links" get 200 "/api/links"
t "links groups across >= 2 Länder" jqo '(.groups | length) > 0 and ([.groups[] | (.laender | length) >= 2 and (.laender | length) == (.laender | unique | length) and (.entries | length) == (.laender | length)] | all)'
t "links etag" hdr_has '^etag: "'
t "links min_score" get 200 "/api/links?min_score=0.9"
t "links min_score respected" jqo '.threshold == 0.9 and ([.groups[].score] | all(. >= 0.9))'
t "links bad min_score 400" get 400 "/api/links?min_score=abc"
t "bad min_score named" jqo '.parameter == "min_score"'
t "links min_score 0 400" get 400 "/api/links?min_score=0"
t "partners" get 200 "/api/partners"
t "partners shape" jqo '(.items | type) == "array" and ([.items[] | .seeks_partners or .offers_reuse] | all)'
t "compare" get 200 "/api/compare"
t "compare has the 16 Länder and the Bund" jqo '([.rows[].land] | sort) == (["DE-BB","DE-BE","DE-BW","DE-BY","DE-HB","DE-HE","DE-HH","DE-MV","DE-NI","DE-NW","DE-RP","DE-SH","DE-SL","DE-SN","DE-ST","DE-TH","bund"] | sort) and .by == "field"'
t "compare counts published only" jqo "([.rows[].entries] | add) == $(curl -s "$base/api/entries?limit=1" | jq .total)"
nreq=$((nreq + 1))
t "compare etag" hdr_has '^etag: "'
t "compare: reports with titles, change with entry ids" jqo '(.rows[] | select(.land == "bund")) as $b | ($b.reports | length) >= 2 and all($b.reports[]; (.title | type) == "string") and all($b.change.new[]; (.id | type) == "string" and (.title | type) == "string")'
t "compare by kind" get 200 "/api/compare?by=kind"
t "compare by kind columns" jqo '.by == "kind" and ([.columns[].slug] | index("centre")) != null'
t "compare csv" get 200 "/api/compare?format=csv&by=target"
t "compare csv content type" hdr_has '^content-type: text/csv'
t "compare csv BOM" sh -c "head -c3 '$out' | od -An -tx1 | grep -q 'ef bb bf'"
t "compare csv semicolons and CRLF" sh -c "head -n1 '$out' | grep -q 'Land;Code;' && head -n1 '$out' | tail -c2 | od -An -tx1 | grep -q '0d 0a'"
t "compare csv rows" test "$(grep -c ';DE-' "$out")" -eq 16
t "compare csv etag" hdr_has '^etag: "'
t "compare bad by 400" get 400 "/api/compare?by=colour"
t "bad by named" jqo '.parameter == "by" and (.detail | test("colour"))'
t "compare bad format 400" get 400 "/api/compare?format=xml"
t "bad format named" jqo '.parameter == "format"'

# The conference cycle (src/conference): chair rotation, meetings, tasks.
t "chair 2024" get 200 "/api/chair?year=2024"
t "chair 2024 Berlin und Brandenburg, joint" jqo '.year == 2024 and .body == "dmk" and .chair == ["DE-BE","DE-BB"] and .names == "Berlin und Brandenburg" and .rule == "joint" and (.reason | test("TOP 2b"))'
t "chair etag" hdr_has '^etag: "'
t "chair CORS" hdr_has '^access-control-allow-origin: \*'
etag=$(tr -d '\r' <"$hdr" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
t "chair If-None-Match 304" get 304 "/api/chair?year=2024" -H "If-None-Match: $etag"
t "chair 2025" get 200 "/api/chair?year=2025"
t "chair 2025 Rheinland-Pfalz" jqo '.chair == ["DE-RP"] and .names == "Rheinland-Pfalz" and (.rule | length) > 0'
t "chair 2025 exchanged with 2031" jqo '.rule == "exchange" and .other_year == 2031 and .meetings_rule == "dmk"'
t "chair 2020 D16 rule" get 200 "/api/chair?year=2020"
t "chair 2020 names the D16 rule" jqo '.body == "d16" and .meetings_rule == "d16" and .other_year == null and .chair == ["DE-BY"]'
t "chair 2040" get 200 "/api/chair?year=2040"
t "chair 2040 Brandenburg" jqo '.chair == ["DE-BB"] and .names == "Brandenburg"'
t "chair table" get 200 "/api/chair?from=2024&to=2041"
t "chair table rows" jqo '.from == 2024 and .to == 2041 and (.items | length) == 18 and ([.items[].year] == [range(2024; 2042)]) and ([.items[] | (.rule | length) > 0 and (.reason | length) > 0] | all)'
t "chair table matches single years" jqo '.items[0].names == "Berlin und Brandenburg" and .items[1].names == "Rheinland-Pfalz" and .items[16].names == "Brandenburg"'
t "chair bad year 400" get 400 "/api/chair?year=20x4"
t "chair bad year named" jqo '.status == 400 and .parameter == "year"'
t "chair problem content type" hdr_has '^content-type: application/problem+json'
t "chair year before the D16 400" get 400 "/api/chair?year=1950"
t "chair early year named" jqo '.parameter == "year" and (.detail | length) > 0'
t "chair range over 100 years 400" get 400 "/api/chair?from=2024&to=2124"
t "chair range named" jqo '.parameter == "to" and (.detail | test("100"))'
t "chair 100 years ok" get 200 "/api/chair?from=2024&to=2123"
t "chair reversed range 400" get 400 "/api/chair?from=2030&to=2024"
t "chair from without to 400" get 400 "/api/chair?from=2024"
t "chair from alone names to" jqo '.parameter == "to"'
t "chair without year 400" get 400 "/api/chair"
t "chair year and range 400" get 400 "/api/chair?year=2024&from=2024&to=2025"
t "chair unknown parameter 400" get 400 "/api/chair?jahr=2024"
t "chair unknown parameter named" jqo '.parameter == "jahr"'
t "meetings" get 200 "/api/meetings"
t "meetings contain dmk-2024-1" jqo '[.items[].id] | index("dmk-2024-1") != null'
t "meetings oldest first" jqo '[.items[].date | select(. != null)] as $d | $d == ($d | sort)'
t "meetings list without agenda" jqo '([.items[] | has("agenda")] | any | not) and (.items[] | select(.id == "dmk-2024-1") | .agenda_items > 10 and .date == "2024-04-19")'
t "meetings etag" hdr_has '^etag: "'
t "meetings CORS" hdr_has '^access-control-allow-origin: \*'
t "meetings unknown parameter 400" get 400 "/api/meetings?year=2024"
t "meeting dmk-2024-1" get 200 "/api/meetings/dmk-2024-1"
t "meeting has agenda, resolutions, annexes" jqo '.id == "dmk-2024-1" and (.agenda | length) > 10 and ([.agenda[].resolutions | length] | add) > 0 and (.annexes | length) >= 6'
t "TOP 11 linked to entries" jqo '.agenda[] | select(.number == "11") | .annexes[] | select(.number == 6) | (.entries | length) > 10'
e11=$(jq -r '.agenda[] | select(.number == "11") | .annexes[0].entries[0]' "$out")
t "TOP 11 entry exists" get 200 "/api/entries/$e11"
t "meeting again for links" get 200 "/api/meetings/dmk-2024-1"
t "TOP 11 concerns entries with titles" jqo '.agenda[] | select(.number == "11") | (.entries | length) > 50 and ([.entries[] | (.id | length) > 0 and (.title | length) > 0 and (.kind | length) > 0] | all)'
t "TOP 11 entries are the annex's" jqo '.agenda[] | select(.number == "11") | ([.entries[].id] | sort) == (.annexes[0].entries | sort)'
t "every point has entries and noted" jqo '[.agenda[].resolutions[] | has("entries") and has("noted")] | all'
t "TOP 9 point 1 noted the Umlaufbeschluss" jqo '.agenda[] | select(.number == "9") | .resolutions[0].noted[0] | .written == true and (.text | test("Umlaufbeschluss"))'
t "meeting without TOPs" get 200 "/api/meetings/d16-2020-0924"
t "its points, with the entries in their spans" jqo '(.resolutions | length) == 3 and (.resolutions[0].entries | map(.id) | index("bund-programm-der-ki-trainer") != null) and (.agenda | length) == 0'
t "meeting list" get 200 "/api/meetings"
t "meeting list without points" jqo '[.items[] | has("resolutions")] | any | not'
t "meeting again" get 200 "/api/meetings/dmk-2024-1"
t "meeting served from the cache" hdr_has '^x-cache: hit'
t "meeting etag" hdr_has '^etag: "'
t "unknown meeting 404" get 404 "/api/meetings/dmk-1999-9"
t "unknown meeting is a problem" jqo '.status == 404 and .title == "Nicht gefunden"'
t "tasks" get 200 "/api/tasks"
ntasks=$(jq '.items | length' "$out")
t "tasks all" jqo '.open_only == false and (.items | length) > 0'
t "tasks open" get 200 "/api/tasks?open=1"
t "task of the chair: Berlin and Brandenburg 2024" jqo '.items[] | select(.id == "dmk-2024-1-top6-4-t1") | .meeting == "dmk-2024-1" and .responsible == {"laender": ["DE-BE","DE-BB"], "all_laender": false, "bund": false, "rule": "chair", "year": 2024}'
t "task of the working group: its lead Sachsen" jqo '.items[] | select(.id == "dmk-2024-1-top6-7-t1") | .responsible.laender == ["DE-SN"] and .responsible.rule == "lead" and (has("owner_lead") | not)'
t "every open task says who" jqo '[.items[] | .responsible | (.laender | length) > 0 or .all_laender or .bund] | all'
t "open tasks with source" jqo '.open_only == true and (.items | length) > 0 and ([.items[] | .status == "open" and (.owner | length) > 0 and (.action | length) > 0 and (.source.document | length) > 0 and (.source.end > .source.start)] | all)'
t "open tasks not more than all" jqo "(.items | length) <= $ntasks"
t "tasks etag" hdr_has '^etag: "'
t "tasks open=0" get 200 "/api/tasks?open=0"
t "tasks bad open 400" get 400 "/api/tasks?open=yes"
t "bad open named" jqo '.parameter == "open"'
t "tasks unknown parameter 400" get 400 "/api/tasks?status=open"

# ETag and 304.
t "etag present" get 200 "/api/laender"
etag=$(tr -d '\r' <"$hdr" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
t "etag is quoted" sh -c "echo '$etag' | grep -q '^\".*\"$'"
t "If-None-Match gives 304" get 304 "/api/laender" -H "If-None-Match: $etag"
t "304 has no body" test ! -s "$out"
t "other etag gives 200" get 200 "/api/laender" -H 'If-None-Match: "0000"'

# Länder, places.
t "laender shape" jqo '(.items | length) == 16 and (.items[0] | keys) == ["abbr","code","entries","name","name_en"] and .bund.entries > 0'
t "laender counts sum" jqo '([.items[].entries] | add) + .bund.entries == .total'
t "places autocomplete" get 200 "/api/places?q=Kemp"
t "Kempten first" jqo '.items[0].name == "Kempten (Allgäu)" and (.items | length) <= 10 and .items[0].land == "DE-BY"'
t "places without q 400" get 400 "/api/places"
t "places unknown parameter" get 400 "/api/places?q=Kemp&limit=3"

# Methods and paths.
t "unknown API path 404" get 404 "/api/nothing"
t "POST 405" get 405 "/api/laender" -X POST
t "405 has Allow" hdr_has '^allow: GET, HEAD, OPTIONS'
t "DELETE without account 401" get 401 "/api/entries/$id" -X DELETE
t "401 names the scheme" hdr_has '^www-authenticate: Bearer'
t "POST entry without account 401" get 401 "/api/entries" -X POST
t "OPTIONS preflight" get 204 "/api/entries" -X OPTIONS
t "HEAD" get 200 "/api/entries" -I
t "body over the limit 413" get 413 "/api/laender" -X POST -H "Content-Length: 10000000"

# The feedback form (POST /api/feedback): stored for the admins only.
post() {
    want=$1
    body=$2
    shift 2
    get "$want" /api/feedback -X POST -H 'Content-Type: application/json' --data-binary "$body" "$@"
}
head -c 70000 /dev/zero | tr '\0' a >"$work/big.json"
t "feedback stored 201" post 201 '{"message":"Kontrast der Filter zu schwach","page":"/#/liste","contact":"a@example.org"}'
t "feedback answer" jqo '.status | startswith("Danke")'
t "feedback reaches the admins" sh -c "'$BIN' feedback --json | jq -e '.[0].message == \"Kontrast der Filter zu schwach\" and .[0].page == \"/#/liste\" and .[0].status == \"new\"' >/dev/null"
t "feedback unread by the public" get 405 "/api/feedback"
t "feedback 405 Allow" hdr_has '^allow: POST, OPTIONS'
t "feedback without message 400" post 400 '{"page":"/"}'
t "feedback names the field" jqo '.detail | contains("message")'
t "feedback unknown field 400" post 400 '{"message":"x","admin":true}'
t "feedback names the unknown field" jqo '.detail | contains("admin")'
t "feedback non-text 400" post 400 '{"message":["x"]}'
t "feedback field named" jqo '.parameter == "message"'
t "feedback malformed JSON 400" post 400 '{"message": "x",'
t "feedback JSON error located" jqo '.detail | contains("Zeile 1")'
t "feedback too deep 400" post 400 "{\"message\":\"x\",\"page\":$(printf '[%.0s' $(seq 40))$(printf ']%.0s' $(seq 40))}"
t "feedback invalid UTF-8 400" post 400 "$(printf '{"message":"\377"}')"
t "feedback too long 400" post 400 "{\"message\":\"$(head -c 6000 /dev/zero | tr '\0' a)\"}"
t "feedback not JSON 415" get 415 /api/feedback -X POST -H 'Content-Type: text/plain' --data-binary 'hallo'
t "feedback over the limit 413" get 413 /api/feedback -X POST -H 'Content-Type: application/json' --data-binary "@$work/big.json"
i=0
while [ $i -lt 12 ]; do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary '{"message":"noch eine"}' "$base/api/feedback"
    i=$((i + 1))
done
nreq=$((nreq + 12))
t "feedback flood 429" post 429 '{"message":"zu viel"}'
t "429 Retry-After" hdr_has '^retry-after: [0-9]'
t "flood not stored" sh -c "test \$('$BIN' feedback --json | jq '[.[] | select(.message == \"zu viel\")] | length') -eq 0"

# Exports.
t "export csv" get 200 "/api/export.csv"
t "csv content type" hdr_has '^content-type: text/csv'
t "csv disposition" hdr_has '^content-disposition: attachment; filename="kilandkarte.csv"'
t "csv BOM" sh -c "head -c3 '$out' | od -An -tx1 | grep -q 'ef bb bf'"
t "csv semicolons" sh -c "head -n1 '$out' | grep -q 'id;title;kind'"
t "export geojson" get 200 "/api/export.geojson?land=DE-BY"
t "geojson content type" hdr_has '^content-type: application/geo+json'
t "geojson FeatureCollection" jqo '.type == "FeatureCollection" and (.features | length) > 0 and ([.features[].properties.land] | all(. == "DE-BY"))'
t "export jsonl" get 200 "/api/export.jsonl"
t "jsonl lines parse" sh -c "jq -c .id '$out' >/dev/null && test \$(wc -l <'$out') -eq \$(curl -s '$base/api/entries?limit=1' | jq .total)"
nreq=$((nreq + 1))
t "jsonl published only" sh -c "jq -r .status '$out' | sort -u | grep -qx published"
t "export filters checked" get 400 "/api/export.csv?limit=5"
t "export status=draft 403" get 403 "/api/export.jsonl?status=draft"

# Descriptions.
t "openapi" get 200 "/api/openapi.json"
t "openapi: the OParl paths" jqo '[.paths | keys[] | select(startswith("/oparl/v1/"))] | length == 21'
t "openapi 3.1 with all paths" jqo '(.openapi | startswith("3.1")) and ([.paths | keys[] | select(startswith("/api/"))]) == ["/api/audit","/api/chair","/api/compare","/api/dcat.jsonld","/api/documents/{name}","/api/entries","/api/entries/{id}","/api/entries/{id}/history","/api/entries/{id}/restore","/api/entries/{id}/similar","/api/export.csv","/api/export.geojson","/api/export.jsonl","/api/feedback","/api/import","/api/laender","/api/links","/api/login","/api/logout","/api/meetings","/api/meetings/{id}","/api/openapi.json","/api/partners","/api/places","/api/session","/api/tasks"]'
t "dcat" get 200 "/api/dcat.jsonld"
t "dcat content type" hdr_has '^content-type: application/ld+json'
t "dcat dataset" jqo '."@type" == "dcat:Dataset" and ."dct:license"."@id" == "http://dcat-ap.de/def/licenses/dl-by-de/2.0" and (."dcatde:politicalGeocodingURI" | length) == 16 and (."dct:modified"."@value" | length) > 0'
t "dcat distributions" jqo '(."dcat:distribution" | length) == 3 and ([."dcat:distribution"[]."dcat:accessURL"."@id"] | all(startswith("http://127.0.0.1:")))'

# Source documents.
doc=$(ls "$docs" | head -n1)
t "document" get 200 "/api/documents/$doc"
t "document text" sh -c "cmp -s '$out' '$docs/$doc' || test \$(wc -c <'$out') -gt 1000"
t "document passage" get 200 "/api/documents/$doc?start=0&end=10"
t "passage is 10 bytes" test "$(wc -c <"$out")" -eq 10
t "passage out of range 400" get 400 "/api/documents/$doc?start=0&end=999999999"
t "missing document 404" get 404 "/api/documents/nothing.txt"

# Static pages: traversal impossible.
mkdir -p "$work/web/sub"
echo '<!doctype html><title>t</title>' >"$work/web/index.html"
echo 'body{}' >"$work/web/sub/a.css"
echo secret >"$work/secret.txt"
t "index page" get 200 "/"
t "html content type" hdr_has '^content-type: text/html'
t "css content type" get 200 "/sub/a.css"
t "css type" hdr_has '^content-type: text/css'
t "traversal refused" get 404 "/../secret.txt" --path-as-is
t "encoded traversal refused" get 404 "/%2e%2e/secret.txt" --path-as-is
t "missing page 404" get 404 "/nothing.html"

# Shutdown: SIGTERM ends the server with 0 within 5 s; one log line each.
kill -TERM "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
    bad "server ended within 5 s"
    kill -KILL "$pid"
else
    ok
fi
wait "$pid"
rc=$?
pid=""
t "exit status 0" test "$rc" -eq 0
lines=$(grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z [A-Z]+ /[^ ]* [0-9]{3} [0-9]+ [0-9.]+ms$' "$work/serve.log")
t "one access-log line per request ($lines of $nreq)" test "$lines" -eq "$nreq"
t "no sanitizer report" sh -c "! grep -q 'Sanitizer' '$work/serve.log'"

finish api

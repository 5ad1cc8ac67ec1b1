#!/bin/sh
# lang.sh KILANDKARTE: the language of the server's messages. The same
# bad requests with Accept-Language German and English: the problem's
# detail and title in that language (src/util/msg.c), Content-Language
# naming it, the parameter and the status the same; a validation message
# composed of pieces; 401, 404, 405, 412, 428, upload refusals and the
# reasons of skipped proposals; errors never come from the response
# cache. Closes with "api-lang: N passed, N failed".
set -u
BIN=$1
. "$(dirname "$0")/lib.sh"
PW=richtig-langes-Passwort

lang_is() { hdr_has "^content-language: $1\$"; }
# detail_is TEXT: the problem's detail, exactly.
detail_is() { jq -e --arg d "$1" '.detail == $d' "$out" >/dev/null; }
DE='Accept-Language: de-DE,de;q=0.9,en;q=0.8'
EN='Accept-Language: en-GB,en;q=0.9,de;q=0.5'
J='Content-Type: application/json'
T='Content-Type: text/plain; charset=utf-8'

"$BIN" init >/dev/null 2>&1
"$BIN" import --publish "$docs"/*.txt >/dev/null 2>&1
echo "$PW" | "$BIN" user add by --role land-editor --land DE-BY >/dev/null 2>&1
A="Authorization: Bearer $("$BIN" user token by 2>/dev/null)"

start_or_quit api-lang --threads 4

# ---- A bad parameter: 400 in both languages ------------------------------
t "bad limit, German 400" req 400 GET "/api/entries?limit=abc" -H "$DE"
t "German detail" detail_is "„limit“ erwartet eine ganze Zahl von 1 bis 1000, nicht „abc“"
t "German title, parameter" jqo '.title == "Ungültiger Parameter" and .parameter == "limit"'
t "Content-Language: de" lang_is de
t "Vary: Accept-Language" hdr_has '^vary: accept-language'
t "bad limit, English 400" req 400 GET "/api/entries?limit=abc" -H "$EN"
t "English detail" detail_is "“limit” expects an integer from 1 to 1000, not “abc”"
t "English title, same parameter" jqo '.title == "Invalid parameter" and .parameter == "limit" and .status == 400'
t "Content-Language: en" lang_is en
t "no Accept-Language: German" req 400 GET "/api/entries?limit=abc"
t "no Accept-Language: Content-Language de" lang_is de
t "English only second choice: German" req 400 GET "/api/entries?limit=abc" -H 'Accept-Language: de;q=0.8, en;q=0.5'
t "English second choice: de" lang_is de
t "another language first, then English: English" req 400 GET "/api/entries?limit=abc" -H 'Accept-Language: fr, en;q=0.5'
t "fr then en: en" lang_is en
t "unknown parameter, English" req 400 GET "/api/entries?bla=1" -H "$EN"
t "unknown parameter named, list kept" jqo '.parameter == "bla" and (.detail | startswith("Unknown parameter “bla”; allowed: q, land"))'

# ---- Errors are never cached: the same bad request in turn -------------
t "bad request again German" req 400 GET "/api/entries?limit=abc" -H "$DE"
t "German again (not the English kept)" detail_is "„limit“ erwartet eine ganze Zahl von 1 bis 1000, nicht „abc“"
t "no cache header on a problem" sh -c "! tr -d '\r' <'$hdr' | grep -qi '^x-cache:'"
t "a 200 in English is the same answer" req 200 GET "/api/entries?limit=2" -H "$EN"
cp "$out" "$work/en200"
t "and in German" req 200 GET "/api/entries?limit=2" -H "$DE"
t "200 does not depend on the language" cmp -s "$out" "$work/en200"

# ---- 404, 405 ----------------------------------------------------------
t "404 English" req 404 GET /api/entries/gibt-es-nicht -H "$EN"
t "404 detail" detail_is "No published entry “gibt-es-nicht”"
t "404 title" jqo '.title == "Not found"'
t "404 German" req 404 GET /api/entries/gibt-es-nicht -H "$DE"
t "404 German detail" detail_is "Kein veröffentlichter Eintrag „gibt-es-nicht“"
t "unknown API address English" req 404 GET /api/nichts -H "$EN"
t "unknown address detail" detail_is "Unknown address of the API: /api/nichts"
t "405 English" req 405 DELETE /api/laender -H "$EN"
t "405 detail names the methods" jqo '(.detail | startswith("This address allows only: GET")) and .title == "Method not allowed"'
t "405 keeps Allow" hdr_has '^allow: GET'
t "405 German" req 405 DELETE /api/laender -H "$DE"
t "405 German detail" jqo '(.detail | startswith("Diese Adresse erlaubt nur: GET")) and .title == "Methode nicht erlaubt"'

# ---- Writing: 401, validation composed of pieces, 412, 428 -------------
t "401 English" req 401 POST /api/entries -H "$EN" -H "$J" -d '{}'
t "401 detail" detail_is "Please log in: only editors may make changes (session or API token)"
t "401 Content-Language" lang_is en
t "empty title German 400" req 400 POST /api/entries -H "$A" -H "$DE" -H "$J" -d '{"title":" ","kind":"project","level":"land","land":"DE-BY"}'
t "German validation message" detail_is "Anfrage, Zeile 1, Feld „title“: darf nicht leer sein"
t "empty title English 400" req 400 POST /api/entries -H "$A" -H "$EN" -H "$J" -d '{"title":" ","kind":"project","level":"land","land":"DE-BY"}'
t "English composed: where, line, field, fragment" detail_is "Request, line 1, field “title”: must not be empty"
t "a field inside a list" req 400 POST /api/entries -H "$A" -H "$EN" -H "$J" -d '{"title":"Ein Test","kind":"project","level":"land","land":"DE-BY","years":[2020,1800]}'
t "element of the list named" detail_is "Request, line 1, field “years”: element 2 must be a year between 1900 and 2100"
t "unknown value names the allowed ones" req 400 POST /api/entries -H "$A" -H "$EN" -H "$J" -d '{"title":"Ein Test","kind":"irgendwas","level":"land","land":"DE-BY"}'
t "unknown value message" jqo '.detail | startswith("Request, line 1, field “kind”: unknown value “irgendwas” (allowed: centre, programme")'
t "invalid JSON English" req 400 POST /api/entries -H "$A" -H "$EN" -H "$J" -d '{"title":'
t "invalid JSON names line and column" jqo '.detail | test("^Invalid JSON in line 1, column [0-9]+: ")'
t "create an entry" req 201 POST /api/entries -H "$A" -H "$J" -d '{"id":"by-sprache","title":"Sprachtest","kind":"project","level":"land","land":"DE-BY"}'
t "edit without If-Match 428 English" req 428 PUT /api/entries/by-sprache -H "$A" -H "$EN" -H "$J" -d '{"id":"by-sprache","title":"Sprachtest 2","kind":"project","level":"land","land":"DE-BY"}'
t "428 detail" detail_is "If-Match is missing: please send the ETag of the version being changed (GET /api/entries/by-sprache)"
t "428 title" jqo '.title == "If-Match missing"'
t "first edit 200" req 200 PUT /api/entries/by-sprache -H "$A" -H "$J" -H 'If-Match: *' -d '{"id":"by-sprache","title":"Sprachtest 2","kind":"project","level":"land","land":"DE-BY"}'
t "stale edit 412 English" req 412 PUT /api/entries/by-sprache -H "$A" -H "$EN" -H "$J" -H 'If-Match: "0000000000000000"' -d '{"id":"by-sprache","title":"Sprachtest 3","kind":"project","level":"land","land":"DE-BY"}'
t "412 detail and title English, current version kept" jqo '.detail == "The entry has been changed meanwhile: your version is based on an older one. Please merge both versions and send again." and .title == "Changed meanwhile" and .current.title == "Sprachtest 2"'
t "412 Content-Language" lang_is en
t "stale edit 412 German" req 412 PUT /api/entries/by-sprache -H "$A" -H "$DE" -H "$J" -H 'If-Match: "0000000000000000"' -d '{"id":"by-sprache","title":"Sprachtest 3","kind":"project","level":"land","land":"DE-BY"}'
t "412 German detail" jqo '.detail | startswith("Der Eintrag wurde inzwischen geändert: Ihre Fassung")' 

# ---- Uploading a report ------------------------------------------------
cat >"$work/upload.txt" <<'TXT'
BY gibt folgenden Bericht zu Protokoll:

Mit dem Förderprogramm „KI-Werkstatt Oberpfalz“ unterstützt der Freistaat kleine und mittlere Unternehmen in Regensburg und Amberg bei der Einführung von KI. Das Programm ist mit 4 Mio. Euro ausgestattet.

NI gibt folgenden Bericht zu Protokoll:

Das „KI-Labor Weser“ in Bremerhaven und Nienburg erprobt KI-Anwendungen für die Verwaltung; das Land stellt 1,5 Mio. Euro bereit.
TXT
t "upload without account 401 English" req 401 POST "/api/import?name=bericht.txt" -H "$EN" -H "$T" --data-binary "@$work/upload.txt"
t "upload 401 detail" detail_is "Please log in: only editors upload reports"
t "upload without name 400 English" req 400 POST /api/import -H "$A" -H "$EN" -H "$T" --data-binary "@$work/upload.txt"
t "upload name rule in English" jqo '.parameter == "name" and (.detail | startswith("name: the file name of the report"))'
printf '\000\001binär' >"$work/bin.txt"
t "binary upload English 400" req 400 POST "/api/import?name=bin.txt" -H "$A" -H "$EN" -H "$T" --data-binary "@$work/bin.txt"
t "binary upload detail" detail_is "bin.txt: not a text file (NUL byte at byte 0, line 1); text is expected, e.g. from pdftotext"
t "upload 201 English" req 201 POST "/api/import?name=bericht-by.txt" -H "$A" -H "$EN" -H "$T" --data-binary "@$work/upload.txt"
t "skipped proposal's reason in English" jqo '([.skipped[] | select(.id == "ni-ki-labor-weser" and .reason == "not in your area (another Land or ministry)")] | length) == 1'
t "201 Content-Language en" lang_is en
t "upload again German" req 201 POST "/api/import?name=bericht-by.txt" -H "$A" -H "$DE" -H "$T" --data-binary "@$work/upload.txt"
t "reasons in German" jqo '([.skipped[] | select(.reason == "gibt es schon")] | length) == 1'
printf 'BY gibt folgenden Bericht zu Protokoll:\n\nEin anderer Text.\n' >"$work/other.txt"
t "another text under the same name 409 English" req 409 POST "/api/import?name=bericht-by.txt" -H "$A" -H "$EN" -H "$T" --data-binary "@$work/other.txt"
t "409 detail" detail_is "Another text is stored already under the name “bericht-by.txt”; entries cite it. Please rename the file."

# ---- Signing in, OParl, pages --------------------------------------------
t "wrong password 401 English" req 401 POST /api/login -H "$EN" -H "$J" -d '{"user":"by","password":"falsch-falsch-falsch"}'
t "login detail" detail_is "Wrong name or password"
t "OParl bad page English" req 400 GET "/oparl/v1/bodies?page=0" -H "$EN"
t "OParl detail" detail_is "“page” expects a page number from 1, not “0”"
t "no page 404 English" req 404 GET /gibt-es-nicht.html -H "$EN"
t "page 404 detail" detail_is "No page at this address"

finish api-lang

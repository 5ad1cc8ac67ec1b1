#!/bin/sh
# auth.sh KILANDKARTE: writes through the HTTP API with accounts, against
# the real server on a loopback port: sign-in with session cookie and
# CSRF token, API tokens, every role against every write action (allowed
# and refused), If-Match (428, 412 with the current version), drafts seen
# only by those who may edit them, the change feed with tombstones, the
# audit log, login rate limits, bad bodies, and a server killed with
# SIGKILL in the middle of a stream of writes that loses no acknowledged
# write. Closes with "api-auth: N passed, N failed".
set -u
BIN=$1
. "$(dirname "$0")/lib.sh"
jar="$work/jar"
PW=richtig-langes-Passwort

J='Content-Type: application/json'

"$BIN" init >/dev/null 2>&1
"$BIN" import --publish "$docs"/*.txt >/dev/null 2>&1
user() { echo "$PW" | "$BIN" user add "$@" >/dev/null 2>&1; }
user anna --role admin
user by --role land-editor --land DE-BY
user ni --role land-editor --land DE-NI
user fed --role federal-editor --ministry BMBF
user vorsitz --role chair
for u in anna by ni fed vorsitz; do
    tok=$("$BIN" user token "$u" 2>/dev/null)
    eval "TOK_$u=\$tok"
done
start_or_quit api-auth --threads 4
t "tokens issued" test -n "$TOK_anna" -a -n "$TOK_by" -a -n "$TOK_fed"

# as ACTOR: the header that authenticates ACTOR ("anon": a harmless one).
as() {
    if [ "$1" = anon ]; then echo "X-Anonym: 1"; else eval "echo \"Authorization: Bearer \$TOK_$1\""; fi
}
# entry ID LAND|bund STATUS [SUMMARY]: an entry body.
entry() {
    if [ "$2" = bund ]; then
        printf '{"id":"%s","title":"Testvorhaben %s","kind":"project","level":"bund","ministries":["BMBF"],"summary":"%s","status":"%s"}' "$1" "$1" "${4:-Erste Fassung}" "$3"
    else
        printf '{"id":"%s","title":"Testvorhaben %s","kind":"project","level":"land","land":"%s","summary":"%s","status":"%s"}' "$1" "$1" "$2" "${4:-Erste Fassung}" "$3"
    fi
}

# ---- Sign-in with the session cookie --------------------------------
t "login wrong password 401" req 401 POST /api/login -H "$J" -d '{"user":"by","password":"falsch-falsch-falsch"}'
t "login message does not say which" jqo '.detail | contains("Name oder Passwort falsch")'
t "login unknown user 401 alike" req 401 POST /api/login -H "$J" -d '{"user":"niemand","password":"falsch-falsch-falsch"}'
t "login missing password 400" req 400 POST /api/login -H "$J" -d '{"user":"by"}'
t "login unknown field 400" req 400 POST /api/login -H "$J" -d '{"user":"by","password":"x","admin":true}'
t "login 200" req 200 POST /api/login -H "$J" -c "$jar" -d "{\"user\":\"by\",\"password\":\"$PW\"}"
t "cookie HttpOnly SameSite=Strict" hdr_has '^set-cookie: kl_session=[A-Za-z0-9_-]*; Path=/; HttpOnly; SameSite=Strict; Max-Age=[0-9]'
t "no Secure without TLS" sh -c "! tr -d '\r' <'$hdr' | grep -qi '^set-cookie:.*Secure'"
t "login answer: user and CSRF token" jqo '.user.name == "by" and .user.role == "land-editor" and .user.land == "DE-BY" and (.csrf | length) == 43'
csrf=$(jq -r .csrf "$out")
t "login answer not cached" hdr_has '^cache-control: no-store'
t "session" req 200 GET /api/session -b "$jar"
t "session names the user" jqo '.user.name == "by" and .csrf == "'"$csrf"'"'
t "session without cookie 401" req 401 GET /api/session
t "cookie write without CSRF token 403" req 403 POST /api/entries -b "$jar" -H "$J" -d "$(entry by-cookie DE-BY draft)"
t "cookie write with a wrong CSRF token 403" req 403 POST /api/entries -b "$jar" -H "$J" -H "X-CSRF-Token: falsch" -d "$(entry by-cookie DE-BY draft)"
t "cookie write with the CSRF token 201" req 201 POST /api/entries -b "$jar" -H "$J" -H "X-CSRF-Token: $csrf" -d "$(entry by-cookie DE-BY draft)"
t "201 Location" hdr_has '^location: /api/entries/by-cookie'
t "created as the user" sh -c "'$BIN' history by-cookie | grep -q 'by'"
t "Secure behind TLS" req 200 POST /api/login -H "$J" -H 'X-Forwarded-Proto: https' -d "{\"user\":\"ni\",\"password\":\"$PW\"}"
t "Secure cookie" hdr_has '^set-cookie:.*; Secure'
t "cookie read of a draft" req 200 GET /api/entries/by-cookie -b "$jar"
t "logout without CSRF 403" req 403 POST /api/logout -b "$jar"
t "logout 204" req 204 POST /api/logout -b "$jar" -H "X-CSRF-Token: $csrf"
t "logout clears the cookie" hdr_has '^set-cookie: kl_session=; .*Max-Age=0'
t "session ended 401" req 401 GET /api/session -b "$jar"
t "login again" req 200 POST /api/login -H "$J" -c "$jar" -d "{\"user\":\"by\",\"password\":\"$PW\"}"
csrf=$(jq -r .csrf "$out")
cp "$jar" "$work/jar2"
t "second session" req 200 POST /api/login -H "$J" -c "$work/jar2" -d "{\"user\":\"by\",\"password\":\"$PW\"}"
t "logout everywhere" req 204 POST /api/logout -b "$jar" -H "X-CSRF-Token: $csrf" -H "$J" -d '{"everywhere":true}'
t "other session ended too" req 401 GET /api/session -b "$work/jar2"
t "revoked or unknown token 401, not the public view" req 401 GET /api/entries -H 'Authorization: Bearer klt_falsch'

# ---- Every role against every write action --------------------------
# For each actor, the admin prepares a published entry of Bayern and one
# of the BMBF; the actor then tries each action on both. Expected: admin
# all; the Bayern editor only on Bayern's; the BMBF editor only on the
# BMBF's; the Niedersachsen editor and the chair's office nothing (403);
# without an account nothing (401; the history: 404, as if absent).
expect() { # ACTOR SCOPE -> ok, or the status a refused action gets
    case "$1:$2" in
    anna:*|by:by|fed:bund) echo ok ;;
    anon:*) echo 401 ;;
    *) echo 403 ;;
    esac
}
for actor in anna by ni fed vorsitz anon; do
    A=$(as $actor)
    for scope in by bund; do
        land=DE-BY
        [ $scope = bund ] && land=bund
        id="m-$actor-$scope"
        exp=$(expect $actor $scope)
        if [ "$exp" = ok ]; then w=201; else w=$exp; fi
        t "$actor creates ($scope): $w" req $w POST /api/entries -H "$A" -H "$J" -d "$(entry "$id-new" $land draft)"
        [ "$w" = 201 ] && t "$actor reads own draft ($scope)" req 200 GET "/api/entries/$id-new" -H "$A"
        # The admin's entry to act on.
        req 201 POST /api/entries -H "Authorization: Bearer $TOK_anna" -H "$J" -d "$(entry "$id" $land published)" >/dev/null
        tag=$(etag_of)
        v0=$("$BIN" get "$id" | jq .version)
        if [ "$exp" = ok ]; then w=200; else w=$exp; fi
        t "$actor edits ($scope): $w" req $w PUT "/api/entries/$id" -H "$A" -H "$J" -H "If-Match: $tag" -d "$(entry "$id" $land published "Zweite Fassung")"
        [ "$w" = 200 ] && tag=$(etag_of)
        t "$actor unpublishes ($scope): $w" req $w PUT "/api/entries/$id?reason=zur%C3%BCck" -H "$A" -H "$J" -H "If-Match: $tag" -d "$(entry "$id" $land draft "Zweite Fassung")"
        [ "$w" = 200 ] && tag=$(etag_of)
        [ "$w" = 200 ] && t "unpublished: gone for the public ($actor, $scope)" req 404 GET "/api/entries/$id"
        t "$actor publishes ($scope): $w" req $w PUT "/api/entries/$id" -H "$A" -H "$J" -H "If-Match: $tag" -d "$(entry "$id" $land published "Zweite Fassung")"
        [ "$w" = 200 ] && tag=$(etag_of)
        hw=$w
        [ "$actor" = anon ] && hw=404
        t "$actor reads the history ($scope): $hw" req $hw GET "/api/entries/$id/history" -H "$A"
        [ "$w" = 200 ] && t "history: who, why, what changed" jqo '.versions | length == 4 and .[1].reason == "zurück" and .[1].by == "'"$actor"'" and (.[2].changed | index("summary"))'
        if [ "$w" = 200 ]; then dw=204; else dw=$w; fi
        t "$actor deletes ($scope): $dw" req $dw DELETE "/api/entries/$id" -H "$A" -H "If-Match: $tag"
        if [ "$w" = 200 ]; then
            t "deleted: gone ($actor, $scope)" req 404 GET "/api/entries/$id" -H "$A"
            t "$actor restores ($scope): 200" req 200 POST "/api/entries/$id/restore" -H "$A"
            t "restored as a new version" jqo '.summary == "Zweite Fassung" and .version == 6'
            t "$actor restores version 1 ($scope)" req 200 POST "/api/entries/$id/restore?version=1" -H "$A"
            t "version 1 content" jqo '.summary == "Erste Fassung"'
        else
            t "$actor restores ($scope): $w" req $w POST "/api/entries/$id/restore?version=1" -H "$A"
            t "refused: nothing changed ($actor, $scope)" test "$("$BIN" get "$id" | jq .version)" = "$v0"
        fi
    done
done
# A draft is not seen by those who may not edit it: 404, as if absent.
req 201 POST /api/entries -H "Authorization: Bearer $TOK_anna" -H "$J" -d "$(entry by-secret DE-BY draft)" >/dev/null
t "draft: the public 404" req 404 GET /api/entries/by-secret
t "draft: another Land's editor 404" req 404 GET /api/entries/by-secret -H "$(as ni)"
t "draft: another Land's editor cannot edit it (404)" req 404 PUT /api/entries/by-secret -H "$(as ni)" -H "$J" -H "If-Match: *" -d "$(entry by-secret DE-BY draft X)"
t "draft: its Land's editor 200" req 200 GET /api/entries/by-secret -H "$(as by)"

# ---- Concurrency: If-Match ---------------------------------------------
AB="Authorization: Bearer $TOK_by"
req 201 POST /api/entries -H "$AB" -H "$J" -d "$(entry by-race DE-BY draft)" >/dev/null
old=$(etag_of)
t "edit without If-Match 428" req 428 PUT /api/entries/by-race -H "$AB" -H "$J" -d "$(entry by-race DE-BY draft "A")"
t "first edit 200" req 200 PUT /api/entries/by-race -H "$AB" -H "$J" -H "If-Match: $old" -d "$(entry by-race DE-BY draft "Fassung A")"
t "stale edit 412" req 412 PUT /api/entries/by-race -H "$AB" -H "$J" -H "If-Match: $old" -d "$(entry by-race DE-BY draft "Fassung B")"
t "412 carries the current version to merge" jqo '.current.summary == "Fassung A" and .current.version == 2 and (.etag | length) > 2'
t "412: ETag header is the current version's, a problem" sh -c "test \"\$(tr -d '\r' <'$hdr' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')\" = \"\$(jq -r .etag '$out')\" && jq -e '.status == 412 and .type == \"about:blank\"' '$out' >/dev/null && grep -qi '^content-type: application/problem+json' '$hdr'"
t "stale edit not stored" sh -c "'$BIN' get by-race | jq -e '.summary == \"Fassung A\"' >/dev/null"
t "stale delete 412" req 412 DELETE /api/entries/by-race -H "$AB" -H "If-Match: $old"
t "id of body and address differ 400" req 400 PUT /api/entries/by-race -H "$AB" -H "$J" -H "If-Match: *" -d "$(entry by-other DE-BY draft)"
t "create existing id 409" req 409 POST /api/entries -H "$AB" -H "$J" -d "$(entry by-race DE-BY draft)"
t "moving an entry to another Land 403" req 403 PUT /api/entries/by-race -H "$AB" -H "$J" -H "If-Match: *" -d "$(entry by-race DE-NI draft)"

# ---- Bad bodies ----------------------------------------------------------
t "unknown field 400" req 400 POST /api/entries -H "$AB" -H "$J" -d '{"title":"X","kind":"project","land":"DE-BY","geheim":1}'
t "unknown field named" jqo '.detail | contains("geheim")'
t "invalid kind named" req 400 POST /api/entries -H "$AB" -H "$J" -d '{"title":"X","kind":"raumschiff","land":"DE-BY"}'
t "kind named" jqo '.detail | contains("kind")'
t "no JSON 415" req 415 POST /api/entries -H "$AB" -H 'Content-Type: text/plain' -d 'x'
t "too deep 400" req 400 POST /api/entries -H "$AB" -H "$J" -d "{\"title\":$(printf '[%.0s' $(seq 40))$(printf ']%.0s' $(seq 40))}"
t "invalid UTF-8 400" req 400 POST /api/entries -H "$AB" -H "$J" -d "$(printf '{"title":"\377","kind":"project","land":"DE-BY"}')"
head -c 70000 /dev/zero | tr '\0' a >"$work/big"
t "over the limit 413" req 413 POST /api/entries -H "$AB" -H "$J" --data-binary "@$work/big"
t "two entries 400" req 400 POST /api/entries -H "$AB" -H "$J" -d "[$(entry by-a DE-BY draft),$(entry by-b DE-BY draft)]"
t "stored text stays text" req 201 POST /api/entries -H "$AB" -H "$J" -d '{"id":"by-xss","title":"<script>alert(1)</script>","kind":"project","land":"DE-BY"}'
t "served as JSON string" req 200 GET /api/entries/by-xss -H "$AB"
t "title unchanged" jqo '.title == "<script>alert(1)</script>"'

# ---- Drafts: seen by those who may edit them ------------------------
t "public: no drafts list 403" req 403 GET "/api/entries?status=draft"
t "Bayern editor: drafts" req 200 GET "/api/entries?status=draft&limit=1000" -H "$AB"
t "only Bayern's drafts" jqo '.total > 0 and ([.items[] | .land] | all(. == "DE-BY")) and ([.items[].status] | all(. == "draft"))'
t "admin: all drafts with facets" req 200 GET "/api/entries?status=draft&limit=5" -H "Authorization: Bearer $TOK_anna"
t "admin sees other Länder's drafts" jqo '.facets.status.draft > 0 and .total >= 3'
t "editor answers are private" hdr_has '^cache-control: no-store'
t "public entry still public" req 200 GET "/api/entries?limit=1"
t "public answer cacheable" hdr_has '^cache-control: no-cache'

# ---- Uploading a report for import ------------------------------------
cat >"$work/upload.txt" <<'TXT'
BY gibt folgenden Bericht zu Protokoll:

Mit dem Förderprogramm „KI-Werkstatt Oberpfalz“ unterstützt der Freistaat kleine und mittlere Unternehmen in Regensburg und Amberg bei der Einführung von KI. Das Programm ist mit 4 Mio. Euro ausgestattet.

NI gibt folgenden Bericht zu Protokoll:

Das „KI-Labor Weser“ in Bremerhaven und Nienburg erprobt KI-Anwendungen für die Verwaltung; das Land stellt 1,5 Mio. Euro bereit.
TXT
T='Content-Type: text/plain; charset=utf-8'
t "upload without account 401" req 401 POST "/api/import?name=bericht.txt" -H "$T" --data-binary "@$work/upload.txt"
t "upload by the chair's office 403" req 403 POST "/api/import?name=bericht.txt" -H "$(as vorsitz)" -H "$T" --data-binary "@$work/upload.txt"
t "upload without name 400" req 400 POST /api/import -H "$AB" -H "$T" --data-binary "@$work/upload.txt"
t "upload with a path as name 400" req 400 POST "/api/import?name=..%2Fetc%2Fpasswd" -H "$AB" -H "$T" --data-binary "@$work/upload.txt"
t "upload by the Bayern editor 201" req 201 POST "/api/import?name=bericht-by.txt" -H "$AB" -H "$T" --data-binary "@$work/upload.txt"
t "Bayern's proposal created, Niedersachsen's left" jqo '.created == ["by-ki-werkstatt-oberpfalz"] and ([.skipped[] | select(.id == "ni-ki-labor-weser")] | length) == 1 and .proposed == 2'
t "the draft waits for review" req 200 GET /api/entries/by-ki-werkstatt-oberpfalz -H "$AB"
t "as draft, citing the upload" jqo '.status == "draft" and .source.document == "bericht-by.txt" and (.places | length) == 2'
t "draft hidden from the public" req 404 GET /api/entries/by-ki-werkstatt-oberpfalz
t "the uploaded document is served" req 200 GET /api/documents/bericht-by.txt
t "upload again: nothing new" req 201 POST "/api/import?name=bericht-by.txt" -H "$AB" -H "$T" --data-binary "@$work/upload.txt"
t "existing draft left alone" jqo '.created == [] and ([.skipped[] | select(.reason == "gibt es schon")] | length) == 1'
printf 'BY gibt folgenden Bericht zu Protokoll:\n\nEin anderer Text.\n' >"$work/other.txt"
t "another text under the same name 409" req 409 POST "/api/import?name=bericht-by.txt" -H "$AB" -H "$T" --data-binary "@$work/other.txt"
printf '\000\001binär' >"$work/bin.txt"
t "binary upload 400" req 400 POST "/api/import?name=bin.txt" -H "$AB" -H "$T" --data-binary "@$work/bin.txt"
t "binary named" jqo '.detail | length > 10'
head -c 9000000 /dev/zero | tr '\0' a >"$work/huge"
t "upload over the upload limit 413" req 413 POST "/api/import?name=huge.txt" -H "$AB" -H "$T" --data-binary "@$work/huge"
t "no structure: 422, over the JSON limit but under the upload limit" req 422 POST "/api/import?name=big.txt" -H "$AB" -H "$T" --data-binary "@$work/big"

# ---- The change feed -------------------------------------------------------
since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sleep 1
req 201 POST /api/entries -H "$AB" -H "$J" -d "$(entry by-feed DE-BY published)" >/dev/null
tag=$(etag_of)
req 201 POST /api/entries -H "$AB" -H "$J" -d "$(entry by-feed-draft DE-BY draft)" >/dev/null
t "public feed" req 200 GET "/api/entries?modified_since=$since"
t "feed holds the new published entry, not the draft" jqo '([.items[].id] | index("by-feed")) != null and ([.items[].id] | index("by-feed-draft")) == null'
t "delete the published one" req 204 DELETE /api/entries/by-feed -H "$AB" -H "If-Match: $tag"
t "public feed after the deletion" req 200 GET "/api/entries?modified_since=$since"
t "tombstone" jqo '[.items[] | select(.id == "by-feed")] | length == 1 and .[0].deleted == true and (.[0].version | type) == "number" and (.[0] | has("title") | not)'
t "editor feed shows the draft" req 200 GET "/api/entries?modified_since=$since" -H "$AB"
t "draft in the editor's feed" jqo '([.items[].id] | index("by-feed-draft")) != null'
t "feed with other filters 400" req 400 GET "/api/entries?modified_since=$since&land=DE-BY"
t "bad time 400" req 400 GET "/api/entries?modified_since=gestern"
t "bad time named" jqo '.parameter == "modified_since"'

# ---- Audit log and login limits -------------------------------------------
t "audit for the Bayern editor 403" req 403 GET /api/audit -H "$AB"
t "audit for the public 401" req 401 GET /api/audit
t "audit for the admin" req 200 GET "/api/audit?limit=1000" -H "Authorization: Bearer $TOK_anna"
t "audit has logins, failures, refusals, changes" jqo '[.items[].action] as $a | ($a | index("login")) and ($a | index("login-failed")) and ($a | index("refused")) and ($a | index("update")) and ($a | index("delete"))'
i=0
while [ $i -lt 6 ]; do
    curl -s -o /dev/null -H "$J" -d '{"user":"fed","password":"falsch-falsch-falsch"}' "$base/api/login"
    i=$((i + 1))
done
t "too many failures 429" req 429 POST /api/login -H "$J" -d "{\"user\":\"fed\",\"password\":\"$PW\"}"
t "429 Retry-After" hdr_has '^retry-after: [0-9]'
t "the limit is per account" req 200 POST /api/login -H "$J" -d "{\"user\":\"ni\",\"password\":\"$PW\"}"

# ---- SIGKILL in the middle of a stream of writes ---------------------------
acked="$work/acked"
: >"$acked"
(
    n=0
    while [ $n -lt 400 ]; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "$AB" -H "$J" \
            -d "$(entry "by-crash-$n" DE-BY draft)" "$base/api/entries")
        [ "$code" = 201 ] && echo "by-crash-$n" >>"$acked"
        n=$((n + 1))
    done
) &
writer=$!
sleep 1.5
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=""
wait "$writer"
nacked=$(wc -l <"$acked")
t "some writes were acknowledged before the kill" test "$nacked" -gt 0
t "the kill came before the end" test "$nacked" -lt 400
t "integrity_check after the kill" test "$(sqlite3 "$KILANDKARTE_DB" 'PRAGMA integrity_check')" = ok
start --threads 4
missing=0
while read -r id; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$AB" "$base/api/entries/$id")
    [ "$code" = 200 ] || missing=$((missing + 1))
done <"$acked"
t "every acknowledged write survived ($nacked)" test "$missing" -eq 0

finish api-auth

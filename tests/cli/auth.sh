#!/bin/sh
# auth.sh KILANDKARTE: accounts, API tokens, sessions and the audit log
# on the command line; backup (also while another process writes) and
# restore (refusing corrupt, foreign and newer files, changing nothing
# then). Closes with "cli-auth: N passed, N failed".
set -u
BIN=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
db=$KILANDKARTE_DB
PW=richtig-langes-Passwort

# q SQL: one value from the database (sqlite3 from deps.sh).
q() { sqlite3 "$db" "$1"; }
# add_user NAME ARGS...: a user with the password PW from stdin.
add_user() { echo "$PW" | "$BIN" user add "$@" >"$out" 2>"$errf"; }

t "help" run 0 user --help
t "help names the roles" has "federal-editor" "$out"
t "no subcommand: usage" run 2 user
t "unknown subcommand" run 2 user frobnicate

# Accounts. The password comes from stdin when it is not a terminal.
t "add admin" add_user anna --role admin
t "admin added" has "Konto anna (admin) angelegt" "$out"
t "land editor, Land by name" add_user bayern.1 --role land-editor --land Bayern
t "federal editor, ministries repeated and comma-separated" add_user bund --role federal-editor --ministry bmbf --ministry BMI,BMWK
t "chair" add_user vorsitz --role chair
t "stored: role, Land, ministries" sh -c "[ \"\$(sqlite3 '$db' \"SELECT group_concat(name||':'||role||':'||coalesce(land,'')||':'||ministries, ' ') FROM (SELECT * FROM auth_user ORDER BY name)\")\" = 'anna:admin:: bayern.1:land-editor:DE-BY: bund:federal-editor::BMBF,BMI,BMWK vorsitz:chair::' ]"
t "password stored as argon2id hash only" sh -c "[ \"\$(sqlite3 '$db' \"SELECT count(*) FROM auth_user WHERE pwhash LIKE '\\\$argon2id\\\$%' AND instr(pwhash, '$PW') = 0\")\" = 4 ]"
t "password not in the file" sh -c "! grep -qF '$PW' '$db' '$db-wal' 2>/dev/null"
t "duplicate name: exit 5" sh -c "echo '$PW' | '$BIN' user add anna --role chair 2>'$errf'; [ \$? -eq 5 ]"
t "duplicate named" has "gibt es schon" "$errf"
t "short password refused: exit 1" sh -c "echo kurz | '$BIN' user add kurt --role admin 2>'$errf'; [ \$? -eq 1 ]"
t "short password message" has "mindestens 12 Zeichen" "$errf"
t "no password on stdin: exit 1" run 1 user add kurt --role admin </dev/null
t "password never from the command line" run 2 user add kurt --role admin --password "$PW"
t "unknown role: exit 1" sh -c "echo '$PW' | '$BIN' user add kurt --role root 2>'$errf'; [ \$? -eq 1 ]"
t "unknown role lists the roles" has "land-editor" "$errf"
t "land editor without Land: exit 1" sh -c "echo '$PW' | '$BIN' user add kurt --role land-editor 2>/dev/null; [ \$? -eq 1 ]"
t "unknown Land: exit 1" sh -c "echo '$PW' | '$BIN' user add kurt --role land-editor --land Atlantis 2>/dev/null; [ \$? -eq 1 ]"
t "unknown ministry: exit 1" sh -c "echo '$PW' | '$BIN' user add kurt --role federal-editor --ministry BMXY 2>'$errf'; [ \$? -eq 1 ]"
t "unknown ministry named" has "BMXY" "$errf"
t "bad name: exit 1" sh -c "echo '$PW' | '$BIN' user add 'Kurt Maier' --role admin 2>/dev/null; [ \$? -eq 1 ]"
t "missing --role: usage" run 2 user add kurt
t "nothing stored by the refused adds" sh -c "[ \$(sqlite3 '$db' 'SELECT count(*) FROM auth_user') -eq 4 ]"

# From a terminal: asked twice, without echo (script(1) gives a pty).
if command -v script >/dev/null 2>&1; then
    { sleep 1; echo tty-langes-Passwort; sleep 1; echo tty-langes-Passwort; sleep 1; } |
        script -qec "'$BIN' user add terminal --role chair" /dev/null >"$out" 2>&1
    t "terminal: asked twice" sh -c "grep -q 'Neues Passwort' '$out' && grep -q 'Passwort wiederholen' '$out'"
    t "terminal: added" has "Konto terminal (chair) angelegt" "$out"
    t "terminal: no echo" sh -c "! grep -q tty-langes-Passwort '$out'"
    { sleep 1; echo tty-langes-Passwort; sleep 1; echo anderes-Passwort-1; sleep 1; } |
        script -qec "'$BIN' user add terminal2 --role chair" /dev/null >"$out" 2>&1
    t "terminal: different repetition refused" has "stimmen nicht überein" "$out"
    t "terminal: nothing stored" sh -c "[ \$(sqlite3 '$db' \"SELECT count(*) FROM auth_user WHERE name = 'terminal2'\") -eq 0 ]"
fi

t "list" run 0 user list
t "list shows Land and ministries" sh -c "grep -q 'bayern.1 .*land-editor .*DE-BY' '$out' && grep -q 'BMBF,BMI,BMWK' '$out'"
t "list --json" run 0 user list --json
t "json: every account, by name" jqo '[.[].name | select(. != "terminal")] == ["anna","bayern.1","bund","vorsitz"]'
t "json: fields" jqo '.[] | select(.name == "bund") | .role == "federal-editor" and .ministries == ["BMBF","BMI","BMWK"] and .land == null and .disabled == false'
t "json: no hashes" sh -c "! grep -q argon2 '$out'"

# API tokens: shown once, stored as a hash, listed by number, revoked.
t "token" run 0 user token anna --name export
token=$(cat "$out")
t "token printed alone on stdout" sh -c "echo '$token' | grep -Eqx 'klt_[A-Za-z0-9_-]{43}'"
t "token: how to revoke" has "user revoke anna 1" "$errf"
t "token not stored" sh -c "! grep -qF '${token#klt_}' '$db' '$db-wal' 2>/dev/null"
t "token hash stored" sh -c "[ \$(sqlite3 '$db' 'SELECT length(hash) FROM auth_token WHERE id = 1') -eq 32 ]"
t "second token, another one" sh -c "[ \"\$('$BIN' user token anna 2>/dev/null)\" != '$token' ]"
t "tokens of anna" run 0 user tokens anna --json
t "tokens listed with number and name" jqo 'length == 2 and .[0].id == 1 and .[0].name == "export" and .[0].revoked_at == null'
t "token list holds no token" sh -c "! grep -qF '${token#klt_}' '$out'"
t "token for unknown user: exit 3" run 3 user token niemand
t "revoke" run 0 user revoke anna 1
t "revoked listed" sh -c "'$BIN' user tokens --json | jq -e '.[] | select(.id == 1) | .revoked_at != null' >/dev/null"
t "revoke again: exit 3" run 3 user revoke anna 1
t "revoke of another's token: exit 3" run 3 user revoke bund 2
t "revoke: bad number" run 2 user revoke anna eins

# Sessions: logout everywhere ends them all (sessions are made by the
# server's login; here two rows stand in for them).
now=$(date +%s)
sqlite3 "$db" "INSERT INTO auth_session(hash, user, csrf, created_at, expires) SELECT randomblob(32), id, 'x', 'now', $now + 3600 FROM auth_user WHERE name = 'bayern.1'; INSERT INTO auth_session(hash, user, csrf, created_at, expires) SELECT randomblob(32), id, 'y', 'now', $now + 3600 FROM auth_user WHERE name = 'bayern.1'; INSERT INTO auth_session(hash, user, csrf, created_at, expires) SELECT randomblob(32), id, 'z', 'now', $now + 3600 FROM auth_user WHERE name = 'anna';"
t "list counts sessions" sh -c "'$BIN' user list --json | jq -e '.[] | select(.name == \"bayern.1\") | .sessions == 2' >/dev/null"
t "logout" run 0 user logout bayern.1
t "logout: two ended" has "2 Sitzungen von bayern.1 beendet" "$out"
t "only that user's sessions ended" sh -c "[ \$(sqlite3 '$db' 'SELECT count(*) FROM auth_session') -eq 1 ]"
t "logout unknown: exit 3" run 3 user logout niemand

# Disable, enable, new password.
t "disable" run 0 user disable anna
t "disabled in the list" sh -c "'$BIN' user list --json | jq -e '.[] | select(.name == \"anna\") | .disabled' >/dev/null"
t "disable ends the sessions" sh -c "[ \$(sqlite3 '$db' 'SELECT count(*) FROM auth_session') -eq 0 ]"
t "enable" run 0 user enable anna
t "enabled" sh -c "'$BIN' user list --json | jq -e '.[] | select(.name == \"anna\") | .disabled == false' >/dev/null"
t "disable unknown: exit 3" run 3 user disable niemand
old=$(q "SELECT pwhash FROM auth_user WHERE name = 'bund'")
t "passwd" sh -c "echo neues-langes-Passwort | '$BIN' user passwd bund >'$out'"
t "passwd: new hash" sh -c "[ \"\$(sqlite3 '$db' \"SELECT pwhash FROM auth_user WHERE name = 'bund'\")\" != '$old' ]"
t "passwd too short: exit 1" sh -c "echo kurz | '$BIN' user passwd bund 2>/dev/null; [ \$? -eq 1 ]"
t "passwd unknown: exit 3" sh -c "echo neues-langes-Passwort | '$BIN' user passwd niemand 2>/dev/null; [ \$? -eq 3 ]"

# The audit log names who (from the command line: cli:LOGIN) and what.
t "audit" run 0 audit --json --limit 500
t "audit: every change" jqo '[.[].action] as $a | ["user-add","token-new","token-revoke","logout-all","user-disable","user-enable","user-passwd"] | all(. as $x | $a | index($x) != null)'
t "audit: who and from where" jqo '.[] | select(.action == "user-disable") | .user == "cli:tester" and .address == "cli" and .object == "anna"'
t "audit: newest first" jqo '.[0].action == "user-passwd"'
t "audit --user" run 0 audit --user cli:tester --limit 2 --json
t "audit: limit" jqo 'length == 2'
t "audit text" run 0 audit
t "audit text names the action" has "user-passwd" "$out"
t "audit: bad limit" run 2 audit --limit 0

# Backup.
"$BIN" add "$here/fixtures/entries.jsonl" >/dev/null 2>&1
nusers=$(q 'SELECT count(*) FROM auth_user')
t "backup" run 0 backup "$work/b1.db"
t "backup is a plain file" sh -c "[ -f '$work/b1.db' ] && [ ! -e '$work/b1.db-wal' ] && [ \"\$(sqlite3 '$work/b1.db' 'PRAGMA journal_mode')\" = delete ]"
t "backup passes integrity_check" sh -c "[ \"\$(sqlite3 '$work/b1.db' 'PRAGMA integrity_check')\" = ok ]"
t "backup holds entries and accounts" sh -c "[ \"\$(sqlite3 '$work/b1.db' 'SELECT (SELECT count(*) FROM entry) || \"/\" || (SELECT count(*) FROM auth_user)')\" = '3/$nusers' ]"
sum=$(cksum <"$work/b1.db")
t "existing file refused: exit 5" run 5 backup "$work/b1.db"
t "refusal says --force" has "force" "$errf"
t "existing file unchanged" sh -c "[ \"\$(cksum <'$work/b1.db')\" = '$sum' ]"
t "--force overwrites" run 0 backup "$work/b1.db" --force
t "no backup of a missing database: exit 3" sh -c "'$BIN' --db '$work/none.db' backup '$work/b2.db' 2>/dev/null; [ \$? -eq 3 ] && [ ! -e '$work/none.db' ] && [ ! -e '$work/b2.db' ]"
t "no DATEI: usage" run 2 backup
t "no temporary files left" sh -c "! ls '$work' | grep -q -- '-XXX\|\.tmp-'"

# A backup while another process writes: batches of 100 entries, each
# one transaction. Every backup must hold whole batches only.
i=0
while [ $i -lt 12 ]; do
    jq -cn --argjson b $i 'range(100) | {id: "w\($b)-\(.)", title: "Schreibtest \($b) \(.)", kind: "project", land: "DE-HE", summary: "Ein Eintrag, während gesichert wird."}' >"$work/batch$i.jsonl"
    i=$((i + 1))
done
(i=0; while [ $i -lt 12 ]; do "$BIN" add "$work/batch$i.jsonl" >/dev/null 2>&1 || echo "add $i failed" >>"$work/writer.err"; i=$((i + 1)); done) &
writer=$!
n=0
during=0
whole=1
while kill -0 "$writer" 2>/dev/null && [ $n -lt 40 ]; do
    if "$BIN" backup "$work/live$n.db" >/dev/null 2>>"$work/backup.err"; then
        running=0
        kill -0 "$writer" 2>/dev/null && running=1
        c=$(sqlite3 "$work/live$n.db" 'SELECT count(*) FROM entry')
        [ $(((c - 3) % 100)) -eq 0 ] || { whole=0; echo "backup $n: $c entries"; }
        [ "$(sqlite3 "$work/live$n.db" 'PRAGMA integrity_check')" = ok ] || { whole=0; echo "backup $n: integrity"; }
        [ "$running" -eq 1 ] && [ "$c" -gt 3 ] && during=$((during + 1))
        n=$((n + 1))
    fi
done
wait "$writer"
echo "backups while writing: $n taken, $during between batches"
t "backups taken while writing" sh -c "[ $n -ge 2 ] && [ ! -s '$work/backup.err' ]"
t "at least one between two batches" sh -c "[ $during -ge 1 ]"
t "every backup holds whole transactions and passes integrity_check" sh -c "[ $whole -eq 1 ]"
t "the writer was never blocked out" sh -c "[ ! -s '$work/writer.err' ] && [ \$(sqlite3 '$db' 'SELECT count(*) FROM entry') -eq 1203 ]"
last=$((n - 1))
t "a backup taken while writing is usable" sh -c "'$BIN' --db '$work/live$last.db' search Schreibtest --json | jq -e '.total > 0' >/dev/null"

# Restore. First the refusals: nothing changes.
before=$("$BIN" summary --json)
head -c 65536 /dev/urandom >"$work/junk.db"
t "random bytes refused: exit 1" run 1 restore "$work/junk.db"
cp "$work/b1.db" "$work/corrupt.db"
printf 'UUUUUUUU' | dd of="$work/corrupt.db" bs=1 seek=8192 conv=notrunc 2>/dev/null
t "corrupt file refused: exit 1" run 1 restore "$work/corrupt.db"
t "corrupt: says integrity_check" has "integrity_check" "$errf"
sqlite3 "$work/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
t "foreign database refused: exit 1" run 1 restore "$work/foreign.db"
t "foreign: says so" has "keine Datenbank der KI-Landkarte" "$errf"
cp "$work/b1.db" "$work/newer.db"
sqlite3 "$work/newer.db" "PRAGMA user_version = 99"
t "newer schema refused: exit 1" run 1 restore "$work/newer.db"
t "newer: names the version" has "Schemaversion 99" "$errf"
t "missing file: exit 3" run 3 restore "$work/nix.db"
t "database unchanged by the refusals" sh -c "[ \"\$('$BIN' summary --json)\" = '$before' ] && [ ! -e '$db.bak' ]"
t "no temporary files left" sh -c "! ls '$work' | grep -q 'restore-\|bak-'"
t "--version only for entries" run 2 restore "$work/b1.db" --version 2

# Then a real restore: back to b1 (3 entries), the current one kept.
sum=$(cksum <"$work/b1.db")
t "restore" run 0 restore "$work/b1.db"
t "restore names the .bak" has "$db.bak" "$out"
t "restored content" sh -c "[ \$('$BIN' summary --json | jq .entries) -eq 3 ]"
t "accounts restored too" sh -c "[ \$(sqlite3 '$db' 'SELECT count(*) FROM auth_user') -eq $nusers ]"
t "the previous database kept" sh -c "[ \$(sqlite3 '$db.bak' 'SELECT count(*) FROM entry') -eq 1203 ]"
t "backup file untouched" sh -c "[ \"\$(cksum <'$work/b1.db')\" = '$sum' ]"
t "restored database passes integrity_check" sh -c "[ \"\$(sqlite3 '$db' 'PRAGMA integrity_check')\" = ok ]"
t "search works after restore" sh -c "'$BIN' search Transfer --json | jq -e '.total >= 1' >/dev/null"
t "writes work after restore" sh -c "'$BIN' delete by-ki-transfer-plus >/dev/null && '$BIN' restore by-ki-transfer-plus >/dev/null"
t "restore into a new database" sh -c "'$BIN' --db '$work/fresh.db' restore '$work/b1.db' >/dev/null && [ \$(sqlite3 '$work/fresh.db' 'SELECT count(*) FROM entry') -eq 3 ] && [ ! -e '$work/fresh.db.bak' ]"
t "entry restore still works by id" run 0 restore by-ki-transfer-plus --version 1
finish cli-auth

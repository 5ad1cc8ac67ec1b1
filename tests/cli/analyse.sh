#!/bin/sh
# analyse.sh KILANDKARTE: command-line checks of `similar`, `links`,
# `partners` and `compare` on the shipped documents, and the precision of
# the top-3 suggestions against the judged pairs (tests/analyse/
# judged_pairs.tsv, judged by reading the entries before any score was
# computed). Closes with "cli-analyse: N passed, N failed".
set -u
BIN=$1
here=$(cd "$(dirname "$0")" && pwd)
docs="$here/../../data/documents"
judged="$here/../analyse/judged_pairs.tsv"
. "$here/lib.sh"

"$BIN" init >/dev/null
t "import the shipped documents" run 0 import --publish "$docs"/*.txt

# Precision of the top three suggestions (tests/analyse/precision.sh): on
# the pairs the scoring was tuned on, and on the four held-out groups judged
# completely before the scoring changes they check (see the head of each
# file). An unjudged suggestion counts as not related. Each figure holds a
# floor a little below the one measured last: after scoring round 4 (broad
# words, one word capped, more container words), with groups A and B
# completed by reading the entries added after they were judged: tuning
# set 87 % of 55, group A 76 % of 25, group B 85 % of 14, group C 75 % of
# 24, group D (judged before round 4, measured once after it) 85 % of 34;
# before round 4 on the same data (127 entries after the importer's fourth
# round): 87 % of 56, 65 % of 32, 76 % of 17, 56 % of 32, 75 % of 36. Round 4 makes fewer suggestions (a word alone is no longer
# enough), hence the lower counts. So a change making the suggestions
# worse fails here (README: "Anknüpfungspunkte"). After the importer's
# fifteenth round group A has 77 % of 22: "KI-System" is no longer an
# alias of the Berlin tax system (it is no name), so its summary is its
# own sentence, no longer INSITU's, and none of its three suggestions
# (one related) passes the threshold any more.
precision() {
    "$here/../analyse/precision.sh" "$BIN" "$here/../analyse/$1" 3 2>/dev/null
}
floor() { # floor LABEL FILE MIN_PERCENT MIN_SUGGESTIONS
    line=$(precision "$2")
    echo "precision@3, $1: $line"
    pct=$(echo "$line" | sed -n 's/.* percent \([0-9]*\)$/\1/p')
    tot=$(echo "$line" | sed -n 's/.* total \([0-9]*\) .*/\1/p')
    t "precision@3, $1: at least $3 %, $4 suggestions or more" \
        test "${pct:-0}" -ge "$3" -a "${tot:-0}" -ge "$4"
}
floor "tuning set (judged_pairs.tsv)" judged_pairs.tsv 84 52
floor "held-out group A (heldout_pairs.tsv)" heldout_pairs.tsv 72 22
floor "held-out group B (heldout_b_pairs.tsv)" heldout_b_pairs.tsv 78 13
floor "held-out group C (heldout_c_pairs.tsv)" heldout_c_pairs.tsv 70 22
floor "held-out group D (heldout_d_pairs.tsv)" heldout_d_pairs.tsv 80 31
# similar
t "similar in JSON" run 0 similar ni-ki-reallabor-in-osnabrueck --json --limit 3
t "three items with score and reason" jqo '(.items | length) == 3 and all(.items[]; (.score | type) == "number" and (.reason | type) == "string")'
t "never the same Land" jqo 'all(.items[]; .land != "DE-NI")'
t "the federal Reallabore first" jqo '.items[0].id == "bund-reallabore"'
t "reason names the shared word" jqo '.items[0].reason | test("Gemeinsame Begriffe: .*Reallabor")'
t "scores descend" jqo '[.items[].score] == ([.items[].score] | sort | reverse)'
t "similar as text" run 0 similar ni-ki-reallabor-in-osnabrueck
t "text names the reason" has "Gemeinsame Begriffe" "$out"
t "similar unknown id" run 3 similar xx-gibt-es-nicht
t "similar without id" run 2 similar
t "similar bad limit" run 2 similar ni-ki-reallabor-in-osnabrueck --limit 0

# links
t "links in JSON" run 0 links --json
t "groups span two Länder or more, one entry per Land" jqo '(.groups | length) > 0 and all(.groups[]; (.laender | length) >= 2 and (.laender | length) == (.laender | unique | length))'
t "a Reallabor group" jqo 'any(.groups[]; .label | test("Reallabor"))'
t "higher threshold, fewer groups" sh -c "[ \$('$BIN' links --json --min-score 0.4 | jq '.groups | length') -le \$(jq '.groups | length' '$out') ]"
t "links as text" run 0 links
t "links bad threshold" run 2 links --min-score 2

# partners
t "no partners yet" run 0 partners --json
t "empty list" jqo '.items == []'
"$BIN" get bund-reallabor-ki | jq -c '.seeks_partners = true | del(.version, .updated_at)' >"$work/p.json"
t "mark an entry as seeking partners" run 0 add "$work/p.json"
t "partners lists it" run 0 partners --json
t "one partner entry" jqo '.items | length == 1 and .[0].id == "bund-reallabor-ki" and .[0].seeks_partners'
t "similar favours and says so" run 0 similar ni-ki-reallabor-in-osnabrueck --json
t "reason says sucht Partner" jqo 'any(.items[]; .id == "bund-reallabor-ki" and (.reason | test("sucht Partner")))'

# compare
t "compare as table" run 0 compare
t "German headers and Länder" sh -c "grep -q 'Einträge nach Handlungsfeld' '$out' && grep -q 'Mecklenburg-Vorpommern' '$out' && grep -q '^Bund' '$out'"
t "funding listed apart" has "nicht addiert" "$out"
t "compare by kind json" run 0 compare --by kind --format json
t "17 rows, kind columns" jqo '(.rows | length) == 17 and .by == "kind" and (.columns | map(.slug) | index("centre")) != null'
t "coverage gaps" jqo '.coverage.rows | length == 17 and all(.[]; (.gaps | length) + ([.cells[] | select(. > 0)] | length) == 12)'
t "amounts never summed" jqo 'all(.rows[]; all(.funding.totals[]; .per_year == false) and all(.funding.per_year[]; .per_year == true))'
t "compare json: reports with date, kind and title, oldest first" run 0 compare --format json
t "the Bund's reports" jqo '(.rows[] | select(.land == "bund") | .reports) as $r | ($r | length) == 3 and all($r[]; (.title | type) == "string" and (.kind | type) == "string" and .entries > 0) and $r[0].date == "2019-11-14"'
# 43 new: the KI-Landkarte is named first by the resolution of 2019 (000)
t "change lists entries with id and title, undated order said" jqo '(.rows[] | select(.land == "bund") | .change) as $c | $c.to == "003_829089b91600b15e.txt" and $c.dated == false and ($c.new | length) == 43 and all($c.new[], $c.not_repeated[]; (.id | startswith("bund-")) and (.title | type) == "string")'
t "one report, no change" jqo 'all(.rows[]; (.reports | length) > 1 or .change == null)'
t "amounts keep their entry and period" jqo 'any(.rows[].funding.totals[]; .entry == "by-ki-produktionsnetzwerk-augsburg" and .from == 2021 and .to == 2025)'
t "counts name their entry" jqo 'all(.rows[].counts[]; (.n | type) == "number" and (.entry | type) == "string" and (.title | type) == "string")'
t "compare csv" run 0 compare --format csv --by target
t "csv BOM and semicolons" sh -c "head -c3 '$out' | od -An -tx1 | grep -q 'ef bb bf' && head -n1 '$out' | grep -q '^.*Land;Code;'"
t "csv has 18 lines" test "$(wc -l <"$out")" -eq 18
t "compare bad by" run 2 compare --by colour
t "compare bad format" run 2 compare --format pdf

finish cli-analyse

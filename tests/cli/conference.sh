#!/bin/sh
# conference.sh KILANDKARTE: the conference cycle on the command line:
# chair rotation, meetings, reporting tasks, and an import of the shipped
# documents that a second run leaves unchanged. Closes with
# "cli-conference: N passed, N failed".
set -u
BIN=$1
here=$(cd "$(dirname "$0")" && pwd)
docs="$here/../../data/documents"
. "$here/lib.sh"

# Chair rotation: every row of the table in 004 TOP 2b, then on.
t "chair 2024 joint" run 0 chair 2024 --json
t "2024 Berlin und Brandenburg, joint" jqo '.names == "Berlin und Brandenburg" and .rule == "joint" and .chair == ["DE-BE","DE-BB"]'
t "chair table 2024-2040" run 0 chair --from 2024 --to 2040 --json
t "table as in the protocol" jqo '[.[].names] == ["Berlin und Brandenburg","Rheinland-Pfalz","Hamburg","Hessen","Mecklenburg-Vorpommern","Niedersachsen","Nordrhein-Westfalen","Bremen","Saarland","Sachsen","Sachsen-Anhalt","Schleswig-Holstein","Thüringen","Baden-Württemberg","Bayern","Berlin","Brandenburg"]'
t "rules behind the years" jqo '[.[].rule] | (.[0] == "joint" and .[1] == "exchange" and .[7] == "exchange" and (.[2:7] | all(. == "base")))'
t "after 2040: Bremen, Hamburg" run 0 chair --from 2041 --to 2042 --json
t "order continues" jqo '[.[].names] == ["Bremen","Hamburg"] and all(.rule == "base")'
t "D16 year shows the meeting rule" run 0 chair 2021
t "D16 rule text" has "eines virtuell und eines vor Ort" "$out"
t "2020 chair Bayern" sh -c "'$BIN' chair 2020 | grep -q Bayern"
t "year before the D16 refused" run 1 chair 2010
t "no year: usage" run 2 chair

# Import: conference facts beside the entries, and nothing new the second time.
t "import the documents" run 0 import "$docs"/000_*.txt "$docs"/001_*.txt "$docs"/002_*.txt "$docs"/004_*.txt
t "conference rows written" sh -c "grep -q 'Konferenzdaten: [1-9]' '$out'"
t "re-import" run 0 import "$docs"/000_*.txt "$docs"/001_*.txt "$docs"/002_*.txt "$docs"/004_*.txt
t "re-import changes nothing" has "Konferenzdaten: 0 neu" "$out"

t "meetings list" run 0 meetings --json
t "seven meetings" jqo 'length == 7'
t "1st DMK: date from the annex, times, place" jqo '.[] | select(.id == "dmk-2024-1") | .date == "2024-04-19" and .start_time == "09:02" and .mode == "on-site" and .chair == ["DE-BE","DE-BB"]'
t "virtual D16 meeting chaired by Bayern" jqo '.[] | select(.id == "d16-2020-0924") | .mode == "virtual" and .chair == ["DE-BY"]'
t "TOP 11 annex 6 links the entries of 002" jqo '.[] | select(.id == "dmk-2024-1") | .agenda[] | select(.number == "11") | .annexes[0].file == "002_94e67f4646c14073.txt" and (.annexes[0].entries | length) > 50'
t "TOP 11 concerns the entries of its annex" jqo '.[] | select(.id == "dmk-2024-1") | .agenda[] | select(.number == "11") | (.entries | length) == (.annexes[0].entries | length)'
ag=sn-arbeitsgruppe-der-dmk-zu-top-6-leitung-sachsen
t "TOP 6 concerns the entry of the working group it set up" jqo ".[] | select(.id == \"dmk-2024-1\") | .agenda[] | select(.number == \"6\") | [.entries[].id] | index(\"$ag\") != null"
t "no other item concerns it" jqo "[.[] | .agenda[]? | select(.number != \"6\") | .entries[].id] | index(\"$ag\") == null"
t "Umlaufbeschluss of the ASMK held, noted by TOP 9" sh -c "sqlite3 \"\$KILANDKARTE_DB\" \"SELECT written || '|' || noted_by FROM conf_resolution WHERE id = 'asmk-100-umlauf'\" | grep -qx '1|dmk-2024-1-top9-1'"
t "resolution ids" jqo '[.[] | .agenda[]? | .resolutions[] | .id] | index("dmk-2024-1-top5-2") != null'
t "the working group is an entry of the registry" run 0 get "$ag"
t "a Gremium of Sachsen, sourced to the resolution" jqo '.kind == "body" and .land == "DE-SN" and .status == "draft" and .source.document == "004_1bee85cc57329fa5.txt" and (.summary | test("Arbeitsgruppe unter der Leitung Sachsens")) and .organisations == ["Digitalministerkonferenz (DMK)"]'
t "its source span is the resolution point" sh -c "'$BIN' get '$ag' | jq -r '.source | \"\\(.start) \\(.end)\"' | { read s e; tail -c +\$((s + 1)) '$docs/004_1bee85cc57329fa5.txt' | head -c \$((e - s)) | grep -q '^Die DMK richtet'; }"
t "one meeting in detail" run 0 meetings dmk-2024-1
t "detail names TOP 2b" has "Festlegung der Reihenfolge der Vorsitzländer (BB)" "$out"
t "unknown meeting" run 3 meetings dmk-1999-9

t "tasks" run 0 tasks --json
t "the three example tasks" jqo '([.[].id] | index("cds-2019-1114-6-t1") != null and index("dmk-2024-1-top6-7-t1") != null and index("dmk-2024-1-top6-4-t1") != null)'
t "due meeting of the working group" jqo '.[] | select(.id == "dmk-2024-1-top6-7-t1") | .due_meeting == "dmk-2024-2" and .owner_body == "dmk-2024-1-top6-ag" and .source.document == "004_1bee85cc57329fa5.txt"'
t "mark a task done" run 0 tasks --done cds-2019-1114-6-t1
t "open tasks exclude it" run 0 tasks --open --json
t "done task not open" jqo '[.[].id] | index("cds-2019-1114-6-t1") == null'
t "done survives a re-import" sh -c "'$BIN' import '$docs'/000_*.txt >/dev/null && '$BIN' tasks --open --json | jq -e '[.[].id] | index(\"cds-2019-1114-6-t1\") == null' >/dev/null"
t "unknown task" run 3 tasks --done nope
finish cli-conference

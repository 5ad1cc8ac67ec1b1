#!/bin/sh
# precision.sh KILANDKARTE PAIRS.tsv [K]: precision@K of the suggestions
# of `kilandkarte similar` for every entry judged in PAIRS.tsv (the
# database is the one kilandkarte finds: --db via $KILANDKARTE_DB).
# A line "A * 0" in PAIRS.tsv says the judgement of A is complete: any
# suggestion not listed for A was judged not related. A suggestion that is
# not judged counts as not related.
# Prints one line: "related N judged N unjudged N total N percent P"
# (P rounded down), then, on stderr, every suggestion with its judgement.
set -u
BIN=$1
PAIRS=$2
K=${3:-3}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for a in $(grep -v '^#' "$PAIRS" | cut -f1 | sort -u); do
    "$BIN" similar "$a" --limit "$K" --json 2>/dev/null | jq -r --arg a "$a" '.items[] | "\($a)\t\(.id)"'
done >"$tmp"
awk -F'\t' '
    FNR == NR { if ($0 !~ /^#/) { if ($2 == "*") complete[$1] = 1; else j[$1 "\t" $2] = $3 } next }
    {
        k = $1 "\t" $2
        if (k in j) { v = j[k] } else if ($1 in complete) { v = 0 } else { v = "?" }
        total++
        if (v == "?") unj++; else { judged++; if (v == 1) rel++ }
        printf "%s\t%s\t%s\n", $1, $2, v > "/dev/stderr"
    }
    END {
        printf "related %d judged %d unjudged %d total %d percent %d\n", rel, judged, unj, total,
            total ? int(100 * rel / total) : 0
    }' "$PAIRS" "$tmp"

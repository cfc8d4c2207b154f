#!/usr/bin/env bash
# gapmap report: the embedded data equals the matrix in every view, inputs are
# documents or tagged JSONL (files or stdin), output is deterministic and
# atomic, matrices and empty results are refused.
source "$(dirname "$0")/lib.bash"
T="$E2E_TMP"
CHECK="$GAPMAP_SOURCE_DIR/tests/e2e/report_data_check.py"

# Every view of the report equals `gapmap matrix` for the same inputs and
# options; each cell lists exactly the matrix's unit ids.
check_against_matrix() {  # name, then the inputs and options of both commands
  local name=$1
  shift
  run "$GAPMAP" report "$@" -o "$T/$name.html"
  expect_status 0
  run "$GAPMAP" matrix "$@" --examples all -o "$T/$name.csv"
  expect_status 0
  python3 "$CHECK" "$T/$name.html" "$T/$name.csv" || fail "$name: report data disagrees with the matrix"
}
check_against_matrix agency corpus/
check_against_matrix mentions corpus/ --by mentions
check_against_matrix recommendation corpus/ --by mentions --stance recommendation --dimension rectype
if [ -f "$SHARED_DIR/gold/icat-2010-dev.jsonl" ]; then
  python3 tests/e2e/matrix_reference.py gold2tagged "$SHARED_DIR/gold/icat-2010-dev.jsonl" "$T/gold.jsonl"
  check_against_matrix gold "$T/gold.jsonl"
  check_against_matrix gold-col-share "$T/gold.jsonl" --normalize col --stance gap,all
fi

# Tagged JSONL on stdin gives the same page as the documents (the input names
# aside, which the provenance lists).
run "$GAPMAP" tag corpus/ -o "$T/corpus.jsonl"
expect_status 0
run "$GAPMAP" report "$T/corpus.jsonl" --by mentions -o "$T/from-jsonl.html"
expect_status 0
run bash -c "\"$GAPMAP\" report - --by mentions < \"$T/corpus.jsonl\" > \"$T/from-stdin.html\""
expect_status 0
python3 - "$T/from-jsonl.html" "$T/from-stdin.html" "$T/mentions.html" <<'PY' || fail "JSONL, stdin and documents give different reports"
import json, re, sys
def data(path):
    html = open(path, encoding="utf-8").read()
    d = json.loads(re.search(r'<script type="application/json" id="gapmap-data">(.*?)</script>', html, re.S).group(1))
    d.pop("inputs")
    return d
a, b, c = (data(p) for p in sys.argv[1:])
assert a == b, "file and stdin differ"
# From documents, the JSONL's evidence rules are the same: the whole data agrees.
assert a["views"] == c["views"] and a["units"] == c["units"], "JSONL and documents differ"
PY

# Deterministic: the same inputs give the same bytes.
run "$GAPMAP" report corpus/ --by mentions -o "$T/again.html"
expect_status 0
expect_same_files "$T/mentions.html" "$T/again.html"
# Self-contained: outside the data (document text may quote URLs), nothing
# loads a resource.
python3 -c 'import re, sys; print(re.sub(r"(id=\"gapmap-data\">).*?(</script>)", r"\1\2", open(sys.argv[1]).read(), flags=re.S))' \
  "$T/mentions.html" >"$T/page-only.html"
grep -Eiq 'https?://|<link|<img|src=|@import|url\(' "$T/page-only.html" && fail "the page loads an external resource"
grep -q 'default-src .none.' "$T/page-only.html" || fail "no Content-Security-Policy closing the network"

# Matrices hold no paragraphs: refused, nothing written.
run "$GAPMAP" report "$T/mentions.csv" -o "$T/none.html"
expect_status 2
expect_stderr_matches 'is a matrix; the report needs documents or tagged JSONL'
[ -e "$T/none.html" ] && fail "a refused report wrote a file"
run "$GAPMAP" report --from matrix corpus/
expect_status 2
run "$GAPMAP" report --examples 3 corpus/
expect_status 2
run "$GAPMAP" report
expect_status 2
expect_stderr_matches 'no inputs'
run "$GAPMAP" report corpus/ --stance gaps
expect_status 2
expect_stderr_matches 'gaps'

# No owner agency and no mention: an error, unless --allow-empty.
printf 'A paragraph about nothing in particular.\n\nAnother one, still nothing.\n' >"$T/plain.txt"
run "$GAPMAP" report "$T/plain.txt" -o "$T/empty.html"
expect_status 2
expect_stderr_matches 'none of the 2 content units has an owner agency'
[ -e "$T/empty.html" ] && fail "an empty report was written"
run "$GAPMAP" report "$T/plain.txt" --allow-empty -o "$T/empty.html"
expect_status 0
grep -q 'id="heatmap"' "$T/empty.html" || fail "--allow-empty wrote no page"

# An unwritable output: exit 2, no partial file left behind.
run "$GAPMAP" report corpus/ --by mentions -o "$T/no/such/dir/report.html"
expect_status 2
finish

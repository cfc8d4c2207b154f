#!/usr/bin/env bash
# gapmap segment through the real binary: a golden document, the real corpus,
# the extra documents, manifests, stdin and errors.
source "$(dirname "$0")/lib.bash"

# Golden test: a small document with the report's layout problems (running
# headers, a footnote block and an inserted footnote, bullets broken across
# blank lines, glued chapter titles, a form feed), its manifest beside it.
run "$GAPMAP" segment tests/data/segment/report.txt
expect_status 0
expect_stderr_empty
cmp -s "$LAST_STDOUT" tests/data/segment/report.jsonl ||
  fail "output differs from tests/data/segment/report.jsonl: $(diff "$LAST_STDOUT" tests/data/segment/report.jsonl | head -20)"

# The same from stdin, named, with the manifest given explicitly.
run sh -c "'$GAPMAP' segment --name report --manifest tests/data/segment/manifest.yaml - < tests/data/segment/report.txt"
expect_status 0
cmp -s "$LAST_STDOUT" tests/data/segment/report.jsonl || fail "stdin output differs from the file's"

# Without a manifest the front matter has no agency.
run sh -c "'$GAPMAP' segment --name report - < tests/data/segment/report.txt"
expect_status 0
expect_stdout_matches '"id":"report:0002","kind":"text",.*"agency":null,"part":null'

# The ICAT report: its manifest is found beside it.
run "$GAPMAP" segment corpus/icat-2010-analytical-review.txt
expect_status 0
expect_stderr_empty
cp "$LAST_STDOUT" "$E2E_TMP/icat.jsonl"
expect_stdout_matches '"kind":"heading","line_start":290,"line_end":290,"section":\["Department for Peacekeeping Operations \(DPKO\)"\],"agency":"DPKO","part":"mandate"'
expect_stdout_matches '"kind":"furniture","line_start":2195,"line_end":2195,.*"text":"46"'
expect_stdout_matches '"kind":"heading",.*"agency":"ILO","part":"gap_analysis","text":"Gap analysis"'
expect_stdout_matches '"agency":"UNESCO","part":"gap_analysis","text":"Gap analysis & Recommendations"'
# A paragraph rejoined across footnotes, the footnotes after it.
expect_stdout_matches '"id":"icat-2010-analytical-review:0213","kind":"bullet","line_start":1178,"line_end":1202,'
expect_stdout_matches '"id":"icat-2010-analytical-review:0214","kind":"footnote","line_start":1184,'
expect_stdout_matches '"text":"IOM.s counter-trafficking activities"'
# Normalised text: no curly quotes left in any text.
if grep -q $'\u2019\|\u201c\|\u201d' "$LAST_STDOUT"; then fail "curly quotes in the output"; fi
# Ordinals run 1..n and units are ordered by line_start.
awk -F'"line_start":' '{ split($2, a, ","); if (a[1] + 0 < prev) bad = 1; prev = a[1] + 0 }
  END { exit bad }' "$LAST_STDOUT" || fail "units are not ordered by line_start"
n=$(wc -l < "$LAST_STDOUT")
last=$(tail -1 "$LAST_STDOUT" | sed 's/.*"id":"[^:]*:0*\([0-9]*\)".*/\1/')
[ "$n" = "$last" ] || fail "last ordinal $last but $n units"

# Deterministic: the same bytes again, and the same with -o.
run "$GAPMAP" segment -o "$E2E_TMP/again.jsonl" corpus/icat-2010-analytical-review.txt
expect_status 0
expect_same_files "$E2E_TMP/icat.jsonl" "$E2E_TMP/again.jsonl"

# The extra documents segment without error (form feeds are page breaks).
if [ -d "$SHARED_DIR/corpus-extra" ]; then
  for doc in un-tip-protocol-2000 coe-convention-thb-2005 polaris-in-harms-way-2023; do
    run "$GAPMAP" segment --manifest corpus/manifest.yaml "$SHARED_DIR/corpus-extra/$doc.txt"
    expect_status 0
    expect_stderr_empty
    expect_stdout_matches "\"doc\":\"$doc\""
  done
  expect_stdout_matches '"kind":"furniture",.*"text":"IN HARM.S WAY: HOW SYSTEMS FAIL HUMAN TRAFFICKING SURVIVORS"'
fi

# A broken manifest beside the input: reported with its place, exit 2.
mkdir -p "$E2E_TMP/bad"
cp tests/data/segment/report.txt "$E2E_TMP/bad/"
printf 'documents:\n  report:\n    isuer: ICAT\n' > "$E2E_TMP/bad/manifest.yaml"
run "$GAPMAP" segment "$E2E_TMP/bad/report.txt"
expect_status 2
expect_stderr_matches "manifest.yaml:3:5: document 'report': unknown key 'isuer'; did you mean 'issuer'\?"

# A broken --manifest stops the run before any output.
run "$GAPMAP" segment --manifest "$E2E_TMP/bad/manifest.yaml" -o "$E2E_TMP/out.jsonl" tests/data/segment/report.txt
expect_status 2
[ ! -e "$E2E_TMP/out.jsonl" ] || fail "output written despite a broken manifest"

# A broken structure.yaml: file:line:col, RE2's message, exit 2.
mkdir -p "$E2E_TMP/rules"
cp rules/*.yaml "$E2E_TMP/rules/"
printf 'furniture:\n  - "^(ICAT$"\nheadngs: {}\n' > "$E2E_TMP/rules/structure.yaml"
run "$GAPMAP" segment --rules "$E2E_TMP/rules" tests/data/segment/report.txt
expect_status 2
expect_stderr_matches 'structure.yaml:2:5: furniture: invalid regular expression .*missing \)'
expect_stderr_matches "structure.yaml:3:1: structure rules: unknown key 'headngs'; did you mean 'headings'\?"
finish

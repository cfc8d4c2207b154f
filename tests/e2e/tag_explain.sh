#!/usr/bin/env bash
# gapmap tag and gapmap explain on the real corpus and on user-defined rules.
source "$(dirname "$0")/lib.bash"
DOC=corpus/icat-2010-analytical-review.txt

run "$GAPMAP" tag -q "$DOC"
expect_status 0
expect_stderr_empty
cp "$LAST_STDOUT" "$E2E_TMP/tag1.jsonl"
"$GAPMAP" segment -q "$DOC" > "$E2E_TMP/segment.jsonl"
[ "$(wc -l < "$E2E_TMP/tag1.jsonl")" -eq "$(wc -l < "$E2E_TMP/segment.jsonl")" ] ||
  fail "tag and segment give different numbers of units"
# Every line is an object with the FORMATS.md fields in order and evidence.
grep -Ev '^\{"doc":"icat-2010-analytical-review","id":"icat-2010-analytical-review:[0-9]{4,}","kind":"[a-z]+","line_start":[0-9]+,"line_end":[0-9]+,"section":\[.*\],"agency":.*,"part":.*,"stance":(null|"[a-z_]+"),"fourp":\[.*\],"rectype":\[.*\],"mentions":\[.*\],"text":".*","evidence":\[.*\]\}$' \
  "$E2E_TMP/tag1.jsonl" | head -3 > "$E2E_TMP/bad-lines"
[ -s "$E2E_TMP/bad-lines" ] && fail "lines not in the FORMATS.md shape: $(cat "$E2E_TMP/bad-lines")"
grep -q '"fourp":\["protection"' "$E2E_TMP/tag1.jsonl" || fail "no unit tagged fourp protection"
grep -q '"stance":"recommendation"' "$E2E_TMP/tag1.jsonl" || fail "no recommendation"
grep -q '"mentions":\["IOM"\]' "$E2E_TMP/tag1.jsonl" || fail "no IOM mention"
grep -q '{"field":"stance","label":"context","rule":"stance/default","match":"","begin":0,"end":0}' \
  "$E2E_TMP/tag1.jsonl" || fail "no default evidence"

# Deterministic: the same input and rules give the same bytes.
"$GAPMAP" tag -q "$DOC" -o "$E2E_TMP/tag2.jsonl"
expect_same_files "$E2E_TMP/tag1.jsonl" "$E2E_TMP/tag2.jsonl"

# --no-evidence: same labels, empty evidence.
"$GAPMAP" tag -q --no-evidence "$DOC" > "$E2E_TMP/lean.jsonl"
sed 's/,"evidence":\[.*\]}$/}/' "$E2E_TMP/tag1.jsonl" > "$E2E_TMP/a"
sed 's/,"evidence":\[\]}$/}/' "$E2E_TMP/lean.jsonl" > "$E2E_TMP/b"
expect_same_files "$E2E_TMP/a" "$E2E_TMP/b"

run "$GAPMAP" tag --format xml "$DOC"
expect_status 2
expect_stderr_matches "unknown format 'xml'"

# A new dimension file flows to the JSONL without code changes.
mine="$E2E_TMP/mine"
cp -r rules "$mine"
cat > "$mine/target_group.yaml" <<'YAML'
dimension: target_group
labels:
  children:
    any: [child*, minors, girls, boys]
  migrants:
    any: [migrant*]
YAML
printf 'Shelters for migrant children.\n' > "$E2E_TMP/doc.txt"
run "$GAPMAP" tag -q --rules "$mine" "$E2E_TMP/doc.txt"
expect_status 0
expect_stdout_matches '"mentions":\[\],"target_group":\["children","migrants"\],"text":'
expect_stdout_matches '\{"field":"target_group","label":"migrants","rule":"target_group/migrants","match":"migrant","begin":13,"end":20\}'

# Through the real segmenter: a phrase broken across lines and a word
# hyphenated at a line end are found, with spans into the joined text.
printf 'Shelters for migrant children and victim\nassistance by the counter-\ntrafficking unit of IOM.\n' > "$E2E_TMP/lines.txt"
cat > "$mine/phrases.yaml" <<'YAML'
dimension: phrases
labels:
  va:
    any: [victim assistance]
  ct:
    any: [counter trafficking]
YAML
run "$GAPMAP" tag -q --rules "$mine" "$E2E_TMP/lines.txt"
expect_status 0
expect_stdout_matches '"phrases":\["ct","va"\]'
expect_stdout_matches '\{"field":"phrases","label":"va","rule":"phrases/va","match":"victim assistance","begin":34,"end":51\}'
expect_stdout_matches '\{"field":"phrases","label":"ct","rule":"phrases/ct","match":"counter-trafficking","begin":59,"end":78\}'
# ... and the user-defined dimension reaches the gap matrix.
run "$GAPMAP" matrix -q --rules "$mine" --by mentions "$E2E_TMP/lines.txt"
expect_status 0
expect_stdout_matches '^IOM,target_group,children,all,1,1\.000,lines:0001$'
expect_stdout_matches '^IOM,phrases,va,all,1,1\.000,lines:0001$'

# explain by line and by id: the unit, the hits, the verdicts.
run "$GAPMAP" explain --color never 1652 "$DOC"
expect_status 0
expect_stdout_matches '^unit icat-2010-analytical-review:[0-9]{4} \(text, lines 1652-1655'
expect_stdout_matches '»ratifications«'
expect_stdout_matches '^rectype = \[.*legislation.*\]'
expect_stdout_matches '^  \+ legislation +assigned: '
id=$(grep -o '^unit [^ ]*' "$LAST_STDOUT" | cut -d' ' -f2)
run "$GAPMAP" explain --color never "$id" "$DOC"
expect_status 0
expect_stdout_matches "^unit $id "
run "$GAPMAP" explain --color never "other-doc:0001" "$DOC"
expect_status 2
run "$GAPMAP" explain 99999999 "$DOC"
expect_status 2
expect_stderr_matches 'no unit contains line 99999999'

# explain --text: why a label was or was not assigned.
run "$GAPMAP" explain --color never --text "Data protection rules" --kind bullet
expect_status 0
expect_stdout_matches '^fourp = \[\]'
expect_stdout_matches 'not data protection'
finish

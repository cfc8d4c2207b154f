#!/usr/bin/env bash
# The tidy and wide CSV round-trip through Python's csv module, every cell
# checked against an independent reference computed from the tagged units.
source "$(dirname "$0")/lib.bash"
REF="$GAPMAP_SOURCE_DIR/tests/e2e/matrix_reference.py"
T="$E2E_TMP"
[ -d "$SHARED_DIR/gold" ] || exit 77
for g in "$SHARED_DIR"/gold/*.jsonl; do
  python3 "$REF" gold2tagged "$g" "$T/$(basename "$g" .jsonl).tagged.jsonl"
done
cat "$T"/*.tagged.jsonl > "$T/all.jsonl"

run "$GAPMAP" matrix "$T/icat-2010-dev.tagged.jsonl" -o "$T/icat.csv"
expect_status 0
run python3 "$REF" check "$T/icat-2010-dev.tagged.jsonl" "$T/icat.csv"
expect_status 0
expect_stdout_matches 'every cell as expected'

for variant in "agency 1" "mentions all"; do
  read -r by examples <<< "$variant"
  run "$GAPMAP" matrix "$T/all.jsonl" --by $by --examples $examples -o "$T/m.csv"
  expect_status 0
  run python3 "$REF" check "$T/all.jsonl" "$T/m.csv" --by $by --examples $examples
  expect_status 0
done

# Hostile names: commas, quotes, newlines and formula triggers survive quoting
# and neutralising, and the reference sees them as a spreadsheet would.
python3 - "$T/hostile.jsonl" <<'PY'
import json, sys
units = [
  {"doc": "=HYPERLINK(\"x\"),doc", "id": "=HYPERLINK(\"x\"),doc:0001", "kind": "text",
   "line_start": 1, "line_end": 1, "agency": "-IOM", "part": None, "stance": "gap",
   "fourp": ["+cmd", "pro,tection", "with \"quotes\""], "rectype": ["line\nbreak"],
   "mentions": [], "text": "x"},
  {"doc": "@doc", "id": "@doc:0002", "kind": "bullet", "line_start": 2, "line_end": 2,
   "agency": "'quoted", "part": None, "stance": "recommendation",
   "fourp": ["+cmd"], "rectype": [], "mentions": [], "text": "y"},
]
with open(sys.argv[1], "w") as f:
    for u in units:
        f.write(json.dumps(u) + "\n")
PY
run "$GAPMAP" matrix --rules "$T/no-rules" "$T/hostile.jsonl" -o "$T/hostile.csv"
expect_status 0
run python3 "$REF" check "$T/hostile.jsonl" "$T/hostile.csv"
expect_status 0
grep -q '^"'"'"'=HYPERLINK' "$T/hostile.csv" && fail "a formula leaked into a cell start"

# Wide layout: agencies x categories; values equal the tidy shares.
run "$GAPMAP" matrix "$T/icat-2010-dev.tagged.jsonl" --layout wide --dimension fourp --stance recommendation
expect_status 0
cp "$LAST_STDOUT" "$T/wide.csv"
run "$GAPMAP" matrix "$T/icat-2010-dev.tagged.jsonl" --dimension fourp --stance recommendation
cp "$LAST_STDOUT" "$T/tidy.csv"
python3 - "$T/wide.csv" "$T/tidy.csv" <<'PY' || fail "wide and tidy disagree"
import csv, sys
wide = list(csv.reader(open(sys.argv[1], newline="")))
tidy = list(csv.DictReader(open(sys.argv[2], newline="")))
assert wide[0][:2] == ["agency", "paragraphs"], wide[0]
cats = wide[0][2:]
assert cats == sorted(cats) and "all" not in cats
share = {(r["agency"], r["category"]): r for r in tidy}
for row in wide[1:]:
    agency = row[0]
    assert row[1] == share[(agency, "all")]["paragraphs"]
    for cat, value in zip(cats, row[2:]):
        want = share[(agency, cat)]["share"] if (agency, cat) in share else "0.000"
        assert value == want, (agency, cat, value, want)
assert len(wide) - 1 == len({a for a, c in share}), "one row per agency"
PY
run "$GAPMAP" matrix "$T/icat-2010-dev.tagged.jsonl" --layout wide
expect_status 2
expect_stderr_matches 'one dimension: give --dimension \(fourp, rectype\)'
finish

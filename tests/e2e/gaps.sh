#!/usr/bin/env bash
# gapmap gaps: unaddressed and crowded categories, each agency's share.
source "$(dirname "$0")/lib.bash"
REF="$GAPMAP_SOURCE_DIR/tests/e2e/matrix_reference.py"
T="$E2E_TMP"
[ -f "$SHARED_DIR/gold/icat-2010-dev.jsonl" ] || exit 77
python3 "$REF" gold2tagged "$SHARED_DIR/gold/icat-2010-dev.jsonl" "$T/icat.jsonl"

# A category nobody addresses: drop every "resources" label.
python3 - "$T/icat.jsonl" "$T/no-resources.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        u = json.loads(line)
        u["rectype"] = [r for r in u["rectype"] if r != "resources"]
        out.write(json.dumps(u) + "\n")
PY
# Known categories come from a matrix that saw them (here: the full file).
run "$GAPMAP" matrix --format json "$T/icat.jsonl" -o "$T/full.json"
run "$GAPMAP" matrix --format json "$T/no-resources.jsonl" -o "$T/part.json"
python3 - "$T/full.json" "$T/part.json" <<'PY'
import json, sys
full, part = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
part["dimensions"] = full["dimensions"]  # as if the rules declared every category
part["rules"]["content_hash"] = "0" * 64  # made with other rules than rules/ today
json.dump(part, open(sys.argv[2], "w"))
PY
run "$GAPMAP" gaps "$T/part.json" --dimension rectype --stance recommendation --crowded 4
expect_status 0
expect_stdout_matches '^rectype · stance recommendation — [0-9]+ agencies, [0-9]+ paragraphs$'
expect_stdout_matches '^  not addressed by any agency: resources$'
expect_stdout_matches '^  crowded \(>= 4 of 5 agencies\): .*coordination 5'
grep -q '^fourp' "$LAST_STDOUT" && fail "--dimension rectype showed fourp"
grep -q 'stance gap' "$LAST_STDOUT" && fail "--stance recommendation showed gap"

# CSV: one row per category with coverage and shares that match the matrix.
run "$GAPMAP" gaps "$T/icat.jsonl" --format csv --stance recommendation --crowded 3
expect_status 0
cp "$LAST_STDOUT" "$T/gaps.csv"
run "$GAPMAP" matrix "$T/icat.jsonl" --stance recommendation
cp "$LAST_STDOUT" "$T/matrix.csv"
python3 - "$T/gaps.csv" "$T/matrix.csv" <<'PY' || fail "gaps CSV disagrees with the matrix"
import csv, sys
gaps = list(csv.DictReader(open(sys.argv[1], newline="")))
matrix = {(r["agency"], r["dimension"], r["category"]): r for r in csv.DictReader(open(sys.argv[2], newline=""))}
assert gaps and {g["stance"] for g in gaps} == {"recommendation"}
for g in gaps:
    agencies = [a for a in g["agencies"].split() if a]
    assert int(g["agency_count"]) == len(agencies)
    assert g["coverage"] == ("unaddressed" if not agencies else "crowded" if len(agencies) >= 3 else "covered"), g
    for pair in g["shares"].split():
        agency, share = pair.split(":")
        assert matrix[(agency, g["dimension"], g["category"])]["share"] == share, (g, pair)
    total = sum(int(matrix[(a, g["dimension"], g["category"])]["paragraphs"]) for a in agencies)
    assert total == int(g["paragraphs"]), g
PY
run "$GAPMAP" gaps "$T/icat.jsonl" --format json
expect_status 0
python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["tables"]; assert len(t) == 10, len(t)' "$LAST_STDOUT" \
  || fail "gaps JSON does not hold one table per dimension and stance"

run "$GAPMAP" gaps "$T/icat.jsonl" --format yaml
expect_status 2
finish

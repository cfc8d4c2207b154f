#!/usr/bin/env bash
# gapmap matrix --check: exit 0 when equal, 1 with a readable diff otherwise.
source "$(dirname "$0")/lib.bash"
REF="$GAPMAP_SOURCE_DIR/tests/e2e/matrix_reference.py"
T="$E2E_TMP"
[ -f "$SHARED_DIR/gold/icat-2010-dev.jsonl" ] || exit 77
python3 "$REF" gold2tagged "$SHARED_DIR/gold/icat-2010-dev.jsonl" "$T/icat.jsonl"

run "$GAPMAP" matrix "$T/icat.jsonl" --examples all -o "$T/expected.csv"
expect_status 0
run "$GAPMAP" matrix "$T/icat.jsonl" --examples all --check "$T/expected.csv"
expect_status 0
expect_stderr_matches 'expected.csv is up to date'
[ -s "$LAST_STDOUT" ] && fail "--check printed something for an equal matrix"

# Move one unit from one 4P category to another: both cells show it, with
# old -> new counts and the unit id that entered or left.
python3 - "$T/icat.jsonl" "$T/changed.jsonl" "$T/facts" <<'PY'
import json, sys
units = [json.loads(l) for l in open(sys.argv[1])]
u = next(u for u in units if u["kind"] == "text" and u["fourp"] == ["protection"] and u["stance"] == "gap")
u["fourp"] = ["prosecution"]
with open(sys.argv[2], "w") as f:
    for x in units:
        f.write(json.dumps(x) + "\n")
open(sys.argv[3], "w").write("%s %s %s\n" % (u["agency"], u["stance"], u["id"]))
PY
read -r AGENCY STANCE ID < "$T/facts"
run "$GAPMAP" matrix "$T/changed.jsonl" --examples all --check "$T/expected.csv"
expect_status 1
expect_stderr_matches "expected.csv is out of date: [0-9]+ cells changed"
expect_stdout_matches "^$AGENCY fourp protection $STANCE: [0-9]+ -> [0-9]+ paragraphs, share [0-9.]+ -> [0-9.]+\$"
expect_stdout_matches "^$AGENCY fourp protection all: [0-9]+ -> [0-9]+ paragraphs"
expect_stdout_matches "^$AGENCY fourp prosecution $STANCE: "
expect_stdout_matches "^    entered: $ID\$"
expect_stdout_matches "^    left:    $ID\$"
# The unchanged rows (e.g. the agency's totals) are not listed.
grep -q "^$AGENCY fourp all all" "$LAST_STDOUT" && fail "an unchanged total is listed"
# With truncated example lists the diff says its ids are partial.
run "$GAPMAP" matrix "$T/icat.jsonl" --examples 1 -o "$T/expected1.csv"
run "$GAPMAP" matrix "$T/changed.jsonl" --examples 1 --check "$T/expected1.csv"
expect_status 1
expect_stdout_matches '--examples all'

# JSON: the same cells but another input -> exit 1, saying what differs.
run "$GAPMAP" matrix --format json "$T/icat.jsonl" -o "$T/expected.json"
cp "$T/icat.jsonl" "$T/icat-copy.jsonl"
printf '{"doc":"x","id":"x:0001","kind":"heading","line_start":1,"line_end":1,"agency":"IOM","stance":null,"fourp":[],"rectype":[],"mentions":[]}\n' >> "$T/icat-copy.jsonl"
run "$GAPMAP" matrix --format json "$T/icat-copy.jsonl" --check "$T/expected.json"
expect_status 1
expect_stderr_matches "cells unchanged; new input .*icat-copy.jsonl; input .*icat.jsonl gone"
# The same input with other bytes (--check digests the inputs even for a
# matrix written without them).
mkdir -p "$T/same-name"
cp "$T/icat.jsonl" "$T/same-name/in.jsonl"
run "$GAPMAP" matrix --format json "$T/same-name/in.jsonl" -o "$T/same-name.json"
tail -n 1 "$T/icat-copy.jsonl" >> "$T/same-name/in.jsonl"
run "$GAPMAP" matrix --format json "$T/same-name/in.jsonl" --check "$T/same-name.json"
expect_status 1
expect_stderr_matches "cells unchanged; input .*in.jsonl changed \([0-9]+ -> [0-9]+ bytes\)"
run "$GAPMAP" matrix "$T/same-name/in.jsonl" --check "$T/same-name.json"
expect_status 1
expect_stderr_matches "cells unchanged; input .*in.jsonl changed \([0-9]+ -> [0-9]+ bytes\)"
# -o and --check together: writes the new matrix and still checks.
run "$GAPMAP" matrix --format json "$T/changed.jsonl" -o "$T/new.json" --check "$T/expected.json"
expect_status 1
[ -s "$T/new.json" ] || fail "-o with --check wrote nothing"

run "$GAPMAP" matrix "$T/icat.jsonl" --check "$T/no-such.csv"
expect_status 2
expect_stderr_matches 'no-such.csv'
finish

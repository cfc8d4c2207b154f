#!/usr/bin/env bash
# Matrix output: deterministic bytes, JSON provenance, atomic -o, write errors.
source "$(dirname "$0")/lib.bash"
REF="$GAPMAP_SOURCE_DIR/tests/e2e/matrix_reference.py"
T="$E2E_TMP"
[ -f "$SHARED_DIR/gold/icat-2010-dev.jsonl" ] || exit 77
python3 "$REF" gold2tagged "$SHARED_DIR/gold/icat-2010-dev.jsonl" "$T/icat.jsonl"
python3 "$REF" gold2tagged "$SHARED_DIR/gold/un-tip-protocol-2000-dev.jsonl" "$T/tip.jsonl"

# Same inputs, same bytes, in every form.
for form in "" "--format json" "--layout wide --dimension rectype" "--by mentions --examples all"; do
  run "$GAPMAP" matrix $form "$T/icat.jsonl" "$T/tip.jsonl" -o "$T/a.out"
  expect_status 0
  run "$GAPMAP" matrix $form "$T/icat.jsonl" "$T/tip.jsonl" -o "$T/b.out"
  expect_same_files "$T/a.out" "$T/b.out"
done
# Input order does not matter either (provenance lists inputs sorted).
run "$GAPMAP" matrix --format json "$T/tip.jsonl" "$T/icat.jsonl" -o "$T/c.out"
run "$GAPMAP" matrix --format json "$T/icat.jsonl" "$T/tip.jsonl" -o "$T/d.out"
expect_same_files "$T/c.out" "$T/d.out"

# JSON: provenance with each input's name, size and SHA-256, the options used.
run "$GAPMAP" matrix --format json --examples 3 --stance recommendation,all "$T/icat.jsonl"
expect_status 0
python3 - "$LAST_STDOUT" "$T/icat.jsonl" <<'PY' || fail "JSON provenance is wrong"
import hashlib, json, os, sys
m = json.load(open(sys.argv[1]))
assert m["format"] == "gapmap-matrix" and m["format_version"] == 1
assert m["tool"]["name"] == "gapmap" and m["tool"]["version"]
[inp] = m["inputs"]
data = open(sys.argv[2], "rb").read()
assert inp["name"] == sys.argv[2] and inp["bytes"] == len(data), inp
assert inp["sha256"] == hashlib.sha256(data).hexdigest()
assert m["options"] == {"by": "agency", "dimensions": None, "stances": ["recommendation", "all"],
                        "normalize": "row", "examples": 3}, m["options"]
assert {c["stance"] for c in m["cells"]} == {"recommendation", "all"}
assert all(len(c["example_ids"]) <= 3 for c in m["cells"])
assert m["units"]["content"] == 196
keys = [(c["agency"], c["dimension"], c["category"], c["stance"]) for c in m["cells"]]
assert keys == sorted(keys)
PY

# -o replaces the file only when the run succeeds.
echo "previous" > "$T/keep.csv"
run "$GAPMAP" matrix "$T/icat.jsonl" "$T/missing.jsonl" -o "$T/keep.csv"
expect_status 2
expect_stderr_matches 'missing.jsonl'
[ "$(cat "$T/keep.csv")" = previous ] || fail "a failed run replaced the -o file"
printf '{"doc":"d","id":"d:0001","kind":"text","line_start":1,"line_end":1}\n{oops\n' > "$T/bad.jsonl"
run "$GAPMAP" matrix "$T/bad.jsonl" -o "$T/keep.csv"
expect_status 2
expect_stderr_matches 'bad.jsonl:2: invalid JSON'
[ "$(cat "$T/keep.csv")" = previous ] || fail "a failed run replaced the -o file"
# A write that fails half-way (file size limit) leaves the previous file too.
(ulimit -f 8; exec "$GAPMAP" matrix --examples all "$T/icat.jsonl" -o "$T/keep.csv") 2> "$T/err"
[ $? -eq 2 ] || fail "a failed write did not exit 2"
grep -q '^gapmap: .*keep.csv' "$T/err" || fail "no message for a failed write: $(cat "$T/err")"
[ "$(cat "$T/keep.csv")" = previous ] || fail "a failed write replaced the -o file"
ls "$T" | grep -q 'keep.csv.tmp' && fail "a temporary file was left behind"

# A write error is reported and exits 2, through -o (devices are written in
# place, never replaced) and through stdout.
if [ -c /dev/full ]; then
  run "$GAPMAP" matrix "$T/icat.jsonl" -o /dev/full
  expect_status 2
  expect_stderr_matches '^gapmap: /dev/full: write error: No space left on device'
  [ -c /dev/full ] || fail "/dev/full is no longer a device"
  "$GAPMAP" matrix "$T/icat.jsonl" > /dev/full 2> "$T/err"
  [ $? -eq 2 ] || fail "writing to a full stdout did not exit 2"
  grep -q '^gapmap: .*No space left' "$T/err" || fail "no message for a full stdout: $(cat "$T/err")"
  "$GAPMAP" matrix --format json "$T/icat.jsonl" > /dev/full 2> "$T/err"
  [ $? -eq 2 ] || fail "writing JSON to a full stdout did not exit 2"
fi

# Never a silent empty result.
printf '{"doc":"d","id":"d:0001","kind":"heading","line_start":1,"line_end":1,"agency":"IOM","stance":null,"fourp":[],"rectype":[],"mentions":[]}\n' > "$T/headings.jsonl"
run "$GAPMAP" matrix "$T/headings.jsonl"
expect_status 2
expect_stderr_matches 'no content units'
run "$GAPMAP" matrix "$T/tip.jsonl"
expect_status 2
expect_stderr_matches 'none of the 45 content units has an owner agency; try --by mentions'
run "$GAPMAP" matrix --allow-empty "$T/tip.jsonl"
expect_status 0
[ "$(cat "$LAST_STDOUT")" = agency,dimension,category,stance,paragraphs,share,example_ids ] || fail "--allow-empty did not write the header only"

# Usage errors.
run "$GAPMAP" matrix --normalize sideways "$T/icat.jsonl"
expect_status 2
expect_stderr_matches '^gapmap: matrix: --normalize sideways'
run "$GAPMAP" matrix --examples some "$T/icat.jsonl"
expect_status 2
# A typo in a stance or dimension is named, not turned into an empty matrix.
run "$GAPMAP" matrix --stance recomendation "$T/icat.jsonl"
expect_status 2
expect_stderr_matches '^gapmap: matrix: --stance recomendation: not a stance of the rules \(all, '
run "$GAPMAP" gaps --dimension fourpp "$T/icat.jsonl"
expect_status 2
expect_stderr_matches '^gapmap: gaps: --dimension fourpp: not a multi-valued dimension'
run "$GAPMAP" matrix
expect_status 2
finish

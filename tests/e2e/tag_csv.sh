#!/usr/bin/env bash
# gapmap tag --format csv|tsv: one row per unit, read back by Python's csv
# module, every cell equal to the JSONL output (quoting and neutralising).
source "$(dirname "$0")/lib.bash"
T="$E2E_TMP"
DOCS=(corpus/)
[ -d "$SHARED_DIR/corpus-extra" ] && DOCS+=("$SHARED_DIR/corpus-extra/")

run "$GAPMAP" tag "${DOCS[@]}" -o "$T/units.jsonl"
expect_status 0
for format in csv tsv; do
  run "$GAPMAP" tag "${DOCS[@]}" --format $format -o "$T/units.$format"
  expect_status 0
  python3 - "$T/units.jsonl" "$T/units.$format" $format <<'PY' || fail "$format rows differ from JSONL"
import csv, json, sys
units = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
rows = list(csv.reader(open(sys.argv[2], newline="", encoding="utf-8"),
                       delimiter="\t" if sys.argv[3] == "tsv" else ","))
header = ["id", "doc", "line_start", "line_end", "kind", "agency", "part", "stance", "fourp",
          "rectype", "mentions"]
assert rows[0][:11] == header and rows[0][-1] == "text", rows[0]
extra = rows[0][11:-1]  # dimensions beyond FORMATS.md's four
assert len(rows) - 1 == len(units), (len(rows), len(units))
def cell(v):
    v = "" if v is None else ";".join(v) if isinstance(v, list) else str(v)
    return "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r", "'") else v
for row, u in zip(rows[1:], units):
    want = [cell(u.get(k)) for k in header] + [cell(u.get(k)) for k in extra] + [cell(u["text"])]
    assert row == want, (row, want)
print(len(units), "units")
PY
done
run "$GAPMAP" tag "${DOCS[@]}" --format csv --kinds text,bullet
expect_status 0
python3 - "$LAST_STDOUT" "$T/units.jsonl" <<'PY' || fail "--kinds did not keep exactly text and bullet units"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
units = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert rows and {r["kind"] for r in rows} <= {"text", "bullet"}
assert [r["id"] for r in rows] == [u["id"] for u in units if u["kind"] in ("text", "bullet")]
PY
run "$GAPMAP" tag corpus/ --kinds text,para
expect_status 2
expect_stderr_matches "unknown kind 'para'"
run "$GAPMAP" tag corpus/ --format xlsx
expect_status 2
finish

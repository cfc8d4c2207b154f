#!/usr/bin/env bash
# gapmap eval: alignment and figures of FORMATS.md through the real binary.
source "$(dirname "$0")/lib.bash"
GOLD="$SHARED_DIR/gold/icat-2010-dev.jsonl"
[ -f "$GOLD" ] || exit 77
T="$E2E_TMP"

# Units without labels (segment output): kind/agency/part only, said so.
run "$GAPMAP" segment corpus/ -o "$T/units.jsonl"
expect_status 0
run "$GAPMAP" eval "$T/units.jsonl" "$GOLD"
expect_status 0
expect_stdout_matches '^gold: .*\(278 units: 196 content, 35 heading, 47 noise\)'
expect_stdout_matches '^kind \(3 classes\) +[01]\.[0-9]{3}  [0-9]+/278$'
expect_stdout_matches '^not scored: stance, fourp, rectype, mentions'
grep -q 'micro-F1' "$LAST_STDOUT" && fail "label figures reported for unlabelled units"
run "$GAPMAP" eval "$T/units.jsonl" "$GOLD" --min stance=0.1
expect_status 1
expect_stderr_matches 'check failed: stance not scored'

# The same figures when eval tags the documents itself.
run "$GAPMAP" tag -q corpus/ -o "$T/tagged.jsonl"
expect_status 0
run "$GAPMAP" eval --json "$T/tagged.jsonl" "$GOLD"
cp "$LAST_STDOUT" "$T/from-jsonl.json"
run "$GAPMAP" eval --json --gold "$GOLD" corpus/
expect_status 0
python3 - "$T/from-jsonl.json" "$LAST_STDOUT" <<'PY' || fail "in-process eval differs from JSONL eval"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["figures"] == b["figures"], (a["figures"], b["figures"])
assert a["confusion"] == b["confusion"]
PY

# Gold scored against itself (as tagged JSONL): every figure is 1.
python3 - "$GOLD" "$T/self.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        u = json.loads(line)
        u["id"] = "%s:%04d" % (u["doc"], u.pop("unit"))
        u.pop("kind_alt", None)
        out.write(json.dumps(u) + "\n")
PY
run "$GAPMAP" eval "$T/self.jsonl" "$GOLD" --min kind=1 --min agency=1 --min part=1 \
  --min stance=1 --min fourp=1 --min fourp_macro_f1=1 --min rectype=1 \
  --min rectype_macro_f1=1 --min mentions=1 --max unaligned=0
expect_status 0
expect_stdout_matches '^stance +1\.000  196/196$'
expect_stdout_matches '^fourp micro-F1 +1\.000'
expect_stdout_matches '^stance confusion'

# One stance changed, one fourp label dropped: the figures move by exactly that.
python3 - "$T/self.jsonl" "$T/off.jsonl" <<'PY'
import json, sys
units = [json.loads(l) for l in open(sys.argv[1])]
content = [u for u in units if u["kind"] in ("text", "bullet")]
content[0]["stance"] = "gap" if content[0]["stance"] != "gap" else "context"
with_fourp = [u for u in content if u["fourp"]]
with_fourp[0]["fourp"] = with_fourp[0]["fourp"][1:]
with open(sys.argv[2], "w") as out:
    for u in units:
        out.write(json.dumps(u) + "\n")
PY
run "$GAPMAP" eval "$T/off.jsonl" "$GOLD" --json --min stance=1 --min fourp=0.9
expect_status 1
expect_stderr_matches 'check failed: stance 0\.995 < 1 \(--min stance=1\)'
python3 - "$LAST_STDOUT" <<'PY' || fail "JSON figures of the perturbed run are wrong"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["accuracy"]["stance"]["correct"] == 195 and r["accuracy"]["stance"]["total"] == 196
m = r["micro"]["fourp"]
assert m["fp"] == 0 and m["fn"] == 1, m
assert abs(r["figures"]["fourp_micro_f1"] - round(2 * m["tp"] / (2 * m["tp"] + 1), 4)) < 1e-9
assert r["figures"]["unaligned"] == 0
PY

# Gold units of a document that was not tagged are unaligned, counted and listed.
head -3 "$SHARED_DIR/gold/un-tip-protocol-2000-dev.jsonl" > "$T/other.jsonl"
cat "$GOLD" >> "$T/other.jsonl"
run "$GAPMAP" eval "$T/self.jsonl" "$T/other.jsonl" --max unaligned=0
expect_status 1
expect_stdout_matches '^aligned 278, unaligned 3$'
expect_stdout_matches '^  un-tip-protocol-2000 unit 1 \(lines '
expect_stderr_matches 'check failed: unaligned 3\.000 > 0'

# Usage and input errors exit 2 with a message.
run "$GAPMAP" eval "$T/self.jsonl"
expect_status 2
expect_stderr_matches '^gapmap: eval: expected TAGGED.jsonl GOLD.jsonl'
run "$GAPMAP" eval "$T/self.jsonl" "$GOLD" --min accuracy=0.5
expect_status 2
expect_stderr_matches "unknown metric 'accuracy'"
printf '{"doc":"d","kind":"text","line_start":1,"line_end":1}\n{broken\n' > "$T/bad.jsonl"
run "$GAPMAP" eval "$T/bad.jsonl" "$GOLD"
expect_status 2
expect_stderr_matches "^gapmap: .*bad.jsonl:2: invalid JSON"
finish

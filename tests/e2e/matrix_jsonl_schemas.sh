#!/usr/bin/env bash
# gapmap matrix over several tagged JSONL files whose labels first appear in
# different orders: each file's labels keep their names (regression: a
# schema per file, reused at the same address, mapped the second file's
# "protection" to the first file's "prevention").
source "$(dirname "$0")/lib.bash"
T="$E2E_TMP"
unit() {  # doc stance fourp-label
  printf '{"doc":"%s","id":"%s:0001","kind":"text","line_start":1,"line_end":1,"section":[],"agency":"IOM","part":null,"stance":"%s","fourp":["%s"],"rectype":[],"mentions":[],"text":"t","evidence":[]}\n' "$1" "$1" "$2" "$3"
}
unit a gap prevention >"$T/a.jsonl"
unit b activity protection >"$T/b.jsonl"
run "$GAPMAP" matrix "$T/a.jsonl" "$T/b.jsonl" --dimension fourp --normalize none
expect_status 0
expect_stdout_matches '^IOM,fourp,prevention,gap,1,,a:0001$'
expect_stdout_matches '^IOM,fourp,protection,activity,1,,b:0001$'
grep -q '^IOM,fourp,prevention,all,2' "$LAST_STDOUT" && fail "b's protection was counted as prevention"
finish

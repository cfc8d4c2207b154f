#!/usr/bin/env bash
# Scores a rule directory on every gold file of ../shared/gold with the real
# pipeline (gapmap eval --gold: segmenter, section tracker, tagger) and prints
# one line per file. Usage: bench/eval-all.sh [RULES_DIR] [GAPMAP]
# The figures of docs/accuracy.md come from this script.
set -euo pipefail
cd "$(dirname "$0")/.."
rules=${1:-rules}
gapmap=${2:-build/cli/gapmap}
shared=${SHARED_DIR:-../shared}
printf '%-34s %6s %6s %6s %6s %13s %13s %8s\n' file kind agency part stance "4P mi/ma" "type mi/ma" mentions
for gold in "$shared"/gold/*.jsonl; do
  doc=$(head -1 "$gold" | python3 -c 'import json,sys; print(json.load(sys.stdin)["doc"])')
  src="$shared/corpus/$doc.txt"
  [[ -f $src ]] || src="$shared/corpus-extra/$doc.txt"
  "$gapmap" eval -q --json --rules "$rules" --manifest corpus/manifest.yaml --gold "$gold" "$src" |
    python3 -c '
import json, sys
f = json.load(sys.stdin)["figures"]
name = sys.argv[1]
v = lambda k: "   n/a" if f.get(k) is None else "%6.3f" % f[k]
print("%-34s %s %s %s %s %s/%s %s/%s %8s" % (name, v("kind"), v("agency"), v("part"), v("stance"),
      v("fourp_micro_f1"), v("fourp_macro_f1"), v("rectype_micro_f1"), v("rectype_macro_f1"), v("mentions_micro_f1")))
' "$(basename "$gold" .jsonl)"
done

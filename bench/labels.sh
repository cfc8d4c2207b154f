#!/usr/bin/env bash
# Per-label counts (tp/fp/fn, F1) of one gold file: bench/labels.sh GOLD DOC [RULES]
cd "$(dirname "$0")/.."
build/cli/gapmap eval -q --json --rules "${3:-rules}" --manifest corpus/manifest.yaml --gold "$1" "$2" |
  python3 -c '
import json, sys
d = json.load(sys.stdin)["per_label"]
for dim in ("fourp", "rectype"):
    for lab, v in d[dim].items():
        print("%-8s %-24s tp %3d fp %3d fn %3d  F1 %.2f" % (dim, lab, v["tp"], v["fp"], v["fn"], v["f1"] or 0))'

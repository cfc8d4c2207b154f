#!/usr/bin/env bash
# The matrix from documents tagged on the fly equals the matrix from the
# JSONL that `gapmap tag` writes for them (files and stdin).
source "$(dirname "$0")/lib.bash"
T="$E2E_TMP"
DOCS=(corpus/)
[ -d "$SHARED_DIR/corpus-extra" ] && DOCS+=("$SHARED_DIR/corpus-extra/")
run "$GAPMAP" tag "${DOCS[@]}" -o "$T/tagged.jsonl"
expect_status 0
for by in agency mentions; do
  for form in "" "--format json" "--layout wide --dimension fourp"; do
    run "$GAPMAP" matrix --allow-empty --by $by $form "${DOCS[@]}" -o "$T/from-docs"
    expect_status 0
    run "$GAPMAP" matrix --allow-empty --by $by $form "$T/tagged.jsonl" -o "$T/from-jsonl"
    expect_status 0
    if [ "$form" = "--format json" ]; then
      # Same cells, categories and counts; only the inputs differ.
      python3 - "$T/from-docs" "$T/from-jsonl" <<'PY' || fail "JSON matrices differ (by $by)"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("cells", "dimensions", "stances", "agencies", "units", "options", "rules"):
    assert a[key] == b[key], key
PY
    else
      expect_same_files "$T/from-docs" "$T/from-jsonl"
    fi
  done
done
# Tagged JSONL piped in on stdin.
"$GAPMAP" tag "${DOCS[@]}" | "$GAPMAP" matrix --allow-empty --by mentions - > "$T/from-stdin" \
  || fail "matrix from stdin failed"
run "$GAPMAP" matrix --allow-empty --by mentions "$T/tagged.jsonl" -o "$T/from-file"
expect_same_files "$T/from-file" "$T/from-stdin"
# A document on stdin needs --from text (stdin cannot be read twice).
run "$GAPMAP" matrix - < corpus/icat-2010-analytical-review.txt
expect_status 2
expect_stderr_matches 'pass --from text'
# (stdin has no manifest beside it: name the one the file finds, which gives
# the introduction its part)
"$GAPMAP" matrix --allow-empty --by mentions --from text --name icat-2010-analytical-review \
  --manifest corpus/manifest.yaml - \
  < corpus/icat-2010-analytical-review.txt > "$T/doc-stdin" || fail "--from text on stdin failed"
run "$GAPMAP" matrix --allow-empty --by mentions corpus/icat-2010-analytical-review.txt -o "$T/doc-file"
expect_same_files "$T/doc-file" "$T/doc-stdin"
finish

#!/usr/bin/env bash
# Matrices are sums over units: shards computed in parallel (GNU parallel,
# -j 2) and added by `gapmap merge` equal one run, byte for byte.
source "$(dirname "$0")/lib.bash"
REF="$GAPMAP_SOURCE_DIR/tests/e2e/matrix_reference.py"
T="$E2E_TMP"
command -v parallel >/dev/null || exit 77
[ -d "$SHARED_DIR/gold" ] || exit 77
mkdir -p "$T/shards"
for g in "$SHARED_DIR"/gold/*.jsonl; do
  python3 "$REF" gold2tagged "$g" "$T/shards/$(basename "$g" .jsonl).jsonl"
done
SHARDS=("$T"/shards/*.jsonl)

for by in agency mentions; do
  # JSON with provenance: the merged inputs list equals the single run's.
  run "$GAPMAP" matrix --format json --by $by "${SHARDS[@]}" -o "$T/single-$by.json"
  expect_status 0
  parallel --will-cite -j 2 "$GAPMAP" matrix --allow-empty --format json --by $by {} -o {}.$by.part.json ::: "${SHARDS[@]}" \
    || fail "a shard failed"
  run "$GAPMAP" merge "$T"/shards/*.$by.part.json -o "$T/merged-$by.json"
  expect_status 0
  expect_same_files "$T/single-$by.json" "$T/merged-$by.json"
  # The merged JSON renders the same CSV as the single run.
  run "$GAPMAP" matrix --by $by "${SHARDS[@]}" -o "$T/single-$by.csv"
  run "$GAPMAP" merge --format csv "$T"/shards/*.$by.part.json -o "$T/merged-$by.csv"
  expect_same_files "$T/single-$by.csv" "$T/merged-$by.csv"
  # Tidy CSV shards merge exactly too, in any order.
  parallel --will-cite -j 2 "$GAPMAP" matrix --allow-empty --by $by {} -o {}.$by.part.csv ::: "${SHARDS[@]}" \
    || fail "a CSV shard failed"
  run "$GAPMAP" merge $(ls -r "$T"/shards/*.$by.part.csv) -o "$T/merged-csv-$by.csv"
  expect_status 0
  expect_same_files "$T/single-$by.csv" "$T/merged-csv-$by.csv"
done

# One document cut into pieces at arbitrary unit boundaries: the example ids
# are still the smallest of the whole document, not the first of each piece.
mkdir -p "$T/pieces"
split -n l/3 -d --additional-suffix=.jsonl "$T/shards/icat-2010-dev.jsonl" "$T/pieces/p"
ls "$T"/pieces/*.jsonl | parallel --will-cite -j 2 "$GAPMAP" matrix --examples 2 {} -o {}.csv || fail "a piece failed"
run "$GAPMAP" merge --examples 2 "$T"/pieces/*.csv -o "$T/pieces-merged.csv"
expect_status 0
run "$GAPMAP" matrix --examples 2 "$T/shards/icat-2010-dev.jsonl" -o "$T/pieces-single.csv"
expect_same_files "$T/pieces-single.csv" "$T/pieces-merged.csv"
# Shards made with another number of example ids cannot be added exactly.
run "$GAPMAP" merge "$T"/shards/*.agency.part.json "$T/single-mentions.json"
expect_status 2
expect_stderr_matches 'counted by agency and by mentions cannot be added'

# Documents tagged on the fly, sharded the same way (when the rules label
# units; until the rule engine lands the placeholder tagger does not).
DOCS=(corpus/*.txt)
[ -d "$SHARED_DIR/corpus-extra" ] && DOCS+=("$SHARED_DIR"/corpus-extra/*.txt)
if "$GAPMAP" matrix --format json -q "${DOCS[@]}" -o "$T/docs-single.json" 2>/dev/null; then
  parallel --will-cite -j 2 "$GAPMAP" matrix --allow-empty --format json -q {} -o "$T/docs-{#}.json" ::: "${DOCS[@]}" \
    || fail "a document shard failed"
  run "$GAPMAP" merge "$T"/docs-[0-9]*.json -o "$T/docs-merged.json"
  expect_status 0
  expect_same_files "$T/docs-single.json" "$T/docs-merged.json"
  # Hadoop Streaming / Spark pipe() style: each mapper reads document paths
  # on stdin and prints one partial matrix per line; the shuffle (sort) mixes
  # the lines; one reducer merges them from stdin.
  mapper() {
    while read -r path; do
      "$GAPMAP" matrix --allow-empty --by mentions --format json -q --from text \
        --manifest corpus/manifest.yaml --name "$(basename "$path" .txt)" - < "$path" | tr -d '\n'
      echo
    done
  }
  printf '%s\n' "${DOCS[@]}" | split -n r/2 - "$T/split-"
  for part in "$T"/split-*; do mapper < "$part" > "$part.out"; done
  cat "$T"/split-*.out | sort | "$GAPMAP" merge --format csv - > "$T/reduced.csv" || fail "reducer failed"
  # The same manifest for every run: a document's issuer decides the part of
  # its introduction, which the rules read as context.
  run "$GAPMAP" matrix --by mentions --manifest corpus/manifest.yaml "${DOCS[@]}" -o "$T/docs-single.csv"
  expect_same_files "$T/docs-single.csv" "$T/reduced.csv"
  # Concatenated tidy CSV shards on stdin merge too.
  parallel --will-cite -j 2 "$GAPMAP" matrix --allow-empty --by mentions --manifest corpus/manifest.yaml -q {} -o "$T/docs-{#}.csv" ::: "${DOCS[@]}"
  cat "$T"/docs-[0-9]*.csv | "$GAPMAP" merge - > "$T/docs-cat.csv" || fail "merging concatenated CSVs failed"
  expect_same_files "$T/docs-single.csv" "$T/docs-cat.csv"
else
  echo "note: documents give no matrix yet (no labels); document sharding not checked" >&2
fi
finish

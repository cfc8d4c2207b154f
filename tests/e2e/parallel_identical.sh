#!/usr/bin/env bash
# -j N tags documents on N worker threads, but every output must be the bytes
# of a serial run (-j 1), and stderr must read the same: units in input
# order, matrices merged from per-document shards, messages replayed in order.
# Nothing here is timed (see `make bench` for the speed-up).
source "$(dirname "$0")/lib.bash"
[ -d "$SHARED_DIR/corpus-extra" ] || exit 77  # its documents are needed below

docs="$E2E_TMP/docs"
mkdir -p "$docs/sub"
# Many documents of different sizes (the ICAT report's JSONL is several
# hand-over shards long), some under a directory with the corpus manifest.
cp corpus/icat-2010-analytical-review.txt corpus/manifest.yaml "$docs/sub/"
for i in 1 2 3; do
  for f in "$SHARED_DIR"/corpus-extra/*.txt; do cp "$f" "$docs/$i-$(basename "$f")"; done
done
cp corpus/icat-2010-analytical-review.txt "$docs/4-icat.txt"
# Documents that warn: invalid UTF-8, an empty file, a binary file (skipped).
printf 'A paragraph with a bad byte \xff in it.\n\nThe victims need shelter.\n' >"$docs/5-bad-utf8.txt"
: >"$docs/6-empty.txt"
printf 'binary\0data\n' >"$docs/7-binary.txt"

compare() {  # NAME ARGS...: runs gapmap ARGS with -j 1, 2 and 3; same stdout and stderr
  local name=$1
  shift
  "$GAPMAP" "$@" -j 1 >"$E2E_TMP/$name.1.out" 2>"$E2E_TMP/$name.1.err"
  local status1=$?
  for j in 2 3; do
    run "$GAPMAP" "$@" -j "$j"
    expect_status "$status1"
    cmp -s "$E2E_TMP/$name.1.out" "$LAST_STDOUT" || fail "$name: -j $j stdout differs from -j 1"
    cmp -s "$E2E_TMP/$name.1.err" "$LAST_STDERR" || fail "$name: -j $j stderr differs from -j 1"
  done
  [ "$name" = full ] || [ -s "$E2E_TMP/$name.1.out" ] || fail "$name: no output at all"
}

compare tag-jsonl tag "$docs"
compare tag-noev tag --no-evidence "$docs"
compare tag-csv tag --format csv "$docs"
compare tag-kinds tag --kinds text,bullet "$docs"
compare segment segment "$docs"
compare matrix-csv matrix "$docs"
compare matrix-json matrix --format json --examples all "$docs"
compare matrix-wide matrix --layout wide --dimension fourp --stance recommendation "$docs"
compare matrix-mentions matrix --by mentions --format json "$docs"

# The warnings above really were there (and so were compared).
grep -q 'invalid UTF-8' "$E2E_TMP/tag-jsonl.1.err" || fail "no invalid UTF-8 warning"
grep -q 'binary file' "$E2E_TMP/tag-jsonl.1.err" || fail "no binary file warning"
grep -q 'empty document' "$E2E_TMP/tag-jsonl.1.err" || fail "no empty document warning"
# Units of every document, in input order (sorted paths: 1-*, then sub/).
first_docs=$(grep -o '"doc":"[^"]*"' "$E2E_TMP/tag-jsonl.1.out" | uniq | head -3 | tr '\n' ' ')
[[ $first_docs == '"doc":"1-coe-convention-thb-2005" "doc":"1-polaris-in-harms-way-2023" "doc":"1-un-tip-protocol-2000" ' ]] ||
  fail "documents out of order: $first_docs"

# A failing input in the middle: reported in order, exit 2, the rest still tagged.
compare missing tag "$docs/1-un-tip-protocol-2000.txt" "$docs/missing.txt" "$docs/sub"
grep -q 'missing.txt' "$E2E_TMP/missing.1.err" || fail "missing input not reported"

# A sink that fails (a full disk) stops the run the same way.
if [ -w /dev/full ]; then
  compare full tag "$docs" -o /dev/full
fi

# The default (-j 0: one per core) gives the same bytes too.
run "$GAPMAP" tag -q "$docs"
cmp -s "$E2E_TMP/tag-jsonl.1.out" "$LAST_STDOUT" || fail "default -j differs from -j 1"

finish

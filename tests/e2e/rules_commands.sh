#!/usr/bin/env bash
# gapmap rules check|test|export on the shipped rules and on broken ones.
source "$(dirname "$0")/lib.bash"

run "$GAPMAP" rules check
expect_status 0
expect_stdout_matches '^rules: rules \([0-9]+ files, content sha256 [0-9a-f]{64}\)$'
expect_stdout_matches '^  stance\.yaml +stance: [0-9]+ labels, [0-9]+ patterns, [0-9]+ examples \(single-valued, default context'
expect_stdout_matches '^  agencies\.yaml +mentions: 22 labels'
expect_stdout_matches '^compiled: [0-9]+ distinct patterns'
expect_stdout_matches '^ok$'

run "$GAPMAP" rules test
expect_status 0
expect_stdout_matches '^rules test: [0-9]+ examples, 0 failed$'

# The same content gives the same hash, wherever the directory is.
cp -r rules "$E2E_TMP/copy"
hash1=$("$GAPMAP" rules check | head -1 | grep -Eo '[0-9a-f]{64}')
hash2=$("$GAPMAP" rules check "$E2E_TMP/copy" | head -1 | grep -Eo '[0-9a-f]{64}')
[ -n "$hash1" ] && [ "$hash1" = "$hash2" ] || fail "content hash differs between copies: $hash1 $hash2"
echo "# a comment changes the bytes" >> "$E2E_TMP/copy/fourp.yaml"
hash3=$("$GAPMAP" rules check "$E2E_TMP/copy" | head -1 | grep -Eo '[0-9a-f]{64}')
[ "$hash1" != "$hash3" ] || fail "content hash did not change with the bytes"

# Every error of every file, with file:line:col, then exit 2.
bad="$E2E_TMP/bad"
mkdir -p "$bad"
cp rules/agencies.yaml "$bad/"
cat > "$bad/a.yaml" <<'YAML'
dimension: topic
labels:
  a:
    any: ['*x', ok]
    nott: [y]
  b:
    regex: ['victim(']
YAML
cat > "$bad/b.yaml" <<'YAML'
dimension: topic
labels:
  c: {any: [z]}
YAML
run "$GAPMAP" rules check "$bad"
expect_status 2
expect_stderr_matches "^gapmap: $bad/a\.yaml:4:11: rule topic/a: any: '\*' must come at the end of a word"
expect_stderr_matches "^gapmap: $bad/a\.yaml:5:5: rule topic/a: unknown key 'nott'; did you mean 'not'\?$"
expect_stderr_matches "^gapmap: $bad/a\.yaml:7:13: rule topic/b: regex: invalid regex /victim\(/: missing \): victim\($"
expect_stderr_matches "^gapmap: $bad/b\.yaml:1:12: dimension 'topic' is defined twice: here and at $bad/a\.yaml:1:12$"
expect_stderr_matches "^gapmap: rules check: 4 errors in $bad$"

run "$GAPMAP" rules check "$E2E_TMP/no-such-dir"
expect_status 2
expect_stderr_matches "no-such-dir: rule directory not found"

# A failing example: exit 1, the text, what fired and why.
fails="$E2E_TMP/fails"
mkdir -p "$fails"
# The registry's examples test `mentions`: an acronym matches in exact case only.
cat > "$fails/agencies.yaml" <<'YAML'
agencies:
  IOM:
    name: International Organization for Migration
    acronyms: [IOM]
    examples:
      match: ["IOM staff", "iom staff"]
YAML
cat > "$fails/topic.yaml" <<'YAML'
dimension: topic
labels:
  protection:
    any: [shelter*]
    min_hits: 2
    examples:
      match: ["A shelter for IOM"]
      no_match: ["data protection"]
YAML
run "$GAPMAP" rules test "$fails"
expect_status 1
expect_stdout_matches "topic\.yaml:7:15: topic/protection: example should match but did not$"
expect_stdout_matches '^  text: "A shelter for IOM"$'
expect_stdout_matches '^    mentions: IOM via mentions/IOM "IOM" \[14,17\)$'
expect_stdout_matches 'protection +not assigned: 1 hit, needs 2 \(min_hits\)'
expect_stdout_matches 'agencies\.yaml:6:28: mentions/IOM: example should match but did not$'
expect_stdout_matches '^  text: "iom staff"$'
expect_stdout_matches '^rules test: 4 examples, 2 failed$'

# grep export: ERE lines that grep accepts and that find the cue words.
run "$GAPMAP" rules export --format grep
expect_status 0
grep -qx '' "$LAST_STDOUT" && fail "export has an empty line (would match everything)"
expect_stdout_matches '^\\bshelter\[\[:alnum:\]\]\*\\b$'
grep -E -i -f "$LAST_STDOUT" corpus/icat-2010-analytical-review.txt > "$E2E_TMP/grep.out"
[ "$?" -le 1 ] || fail "grep rejected the exported patterns"
[ "$(wc -l < "$E2E_TMP/grep.out")" -gt 100 ] || fail "exported patterns found too few lines"
cp "$LAST_STDOUT" "$E2E_TMP/cues.ere"
# --with-vetoes: every pattern the tagger runs, vetoes too (make bench runs grep on them).
run "$GAPMAP" rules export --format grep --with-vetoes
expect_status 0
[ "$(wc -l < "$LAST_STDOUT")" -gt "$(wc -l < "$E2E_TMP/cues.ere")" ] || fail "--with-vetoes added no patterns"
grep -E -i -f "$LAST_STDOUT" corpus/icat-2010-analytical-review.txt > /dev/null
[ "$?" -le 1 ] || fail "grep rejected the patterns exported with --with-vetoes"

run "$GAPMAP" rules export --format csv
expect_status 2
expect_stderr_matches "unknown export format 'csv'"

run "$GAPMAP" rules frob
expect_status 2
finish

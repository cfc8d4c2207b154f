#!/usr/bin/env bash
# Reliability, rule side (issue 6; docs/reliability.md): every broken rule
# file gives file:line:col and a clear message, exit 2, and a command with -o
# leaves its previous output untouched.
source "$(dirname "$0")/lib.bash"

T="$E2E_TMP"
CORPUS=corpus/icat-2010-analytical-review.txt
R="$T/rules"

# A rule directory holding the shipped agencies and one dimension file,
# topic.yaml, read from stdin.
with_topic() {
  rm -rf "$R"
  mkdir -p "$R"
  cp rules/agencies.yaml "$R/"
  cat >"$R/topic.yaml"
}

# `rules check` fails with exactly the given message (a regex) at the given
# place, and `tag -o` / `matrix -o` refuse to start, leaving the old files.
expect_rule_error() {
  local where=$1 message=$2
  shift 2
  run "$GAPMAP" rules check "$@" "$R"
  expect_status 2
  expect_stderr_matches "^gapmap: $R/$where: $message"
  expect_stderr_matches "^gapmap: rules check: [0-9]+ errors? in $R$"
  mkdir -p "$T/out"
  echo "previous output" >"$T/out/units.jsonl"
  echo "previous output" >"$T/out/matrix.csv"
  run "$GAPMAP" tag "$@" --rules "$R" "$CORPUS" -o "$T/out/units.jsonl"
  expect_status 2
  expect_stderr_matches "^gapmap: $R/$where: $message"
  run "$GAPMAP" matrix "$@" --rules "$R" "$CORPUS" -o "$T/out/matrix.csv"
  expect_status 2
  expect_stderr_matches "^gapmap: $R/$where: $message"
  [ "$(cat "$T/out/units.jsonl")" = "previous output" ] || fail "tag -o touched its output"
  [ "$(cat "$T/out/matrix.csv")" = "previous output" ] || fail "matrix -o touched its output"
  [ "$(ls -A "$T/out" | tr '\n' ' ')" = "matrix.csv units.jsonl " ] || fail "files left: $(ls -A "$T/out")"
  # And the same to stdout: nothing written.
  run "$GAPMAP" tag "$@" --rules "$R" "$CORPUS"
  expect_status 2
  [ ! -s "$LAST_STDOUT" ] || fail "tag wrote to stdout despite broken rules"
}

# YAML syntax error.
with_topic <<'YAML'
dimension: topic
labels:
  a: {any: [x
  b: y
YAML
expect_rule_error 'topic\.yaml:4:4' 'YAML syntax error: end of sequence flow not found$'

# Wrong type.
with_topic <<'YAML'
dimension: topic
labels:
  a:
    any: [shelter]
    min_hits: many
YAML
expect_rule_error 'topic\.yaml:5:15' "rule topic/a: min_hits: expected a whole number, found 'many'$"

# Wrong type in the agency registry (another loader, same contract).
with_topic <<'YAML'
dimension: topic
labels:
  a: {any: [shelter]}
YAML
printf 'agencies:\n  IOM:\n    name: IOM\n    acronyms: [[IOM]]\n' >"$R/agencies.yaml"
expect_rule_error 'agencies\.yaml:4:16' "agency 'IOM' acronyms: expected a string, found a list$"

# Duplicate keys: a plain key, and a label id (yaml-cpp would keep one silently).
with_topic <<'YAML'
dimension: topic
dimension: other
labels:
  a: {any: [shelter]}
YAML
expect_rule_error 'topic\.yaml:2:1' "duplicate key 'dimension' \(first defined at line 1\)$"
with_topic <<'YAML'
dimension: topic
labels:
  a:
    any: [shelter]
  a:
    any: [asylum]
YAML
expect_rule_error 'topic\.yaml:5:3' "rule topic/a: duplicate label id 'a' \(first defined at line 3\)$"

# Unknown key, with a suggestion.
with_topic <<'YAML'
dimension: topic
labelz:
  a: {any: [shelter]}
YAML
expect_rule_error 'topic\.yaml:2:1' "dimension file: unknown key 'labelz'; did you mean 'labels'\?$"

# Invalid regex.
with_topic <<'YAML'
dimension: topic
labels:
  a:
    regex: ['victim(']
YAML
expect_rule_error 'topic\.yaml:4:13' 'rule topic/a: regex: invalid regex /victim\(/: missing \): victim\($'

# A regex too large: over RE2's per-regex memory, and over the program-size limit.
with_topic <<'YAML'
dimension: topic
labels:
  a:
    regex: ['\pL{1000}']
YAML
expect_rule_error 'topic\.yaml:4:13' 'rule topic/a: regex: invalid regex /\\pL\{1000\}/: pattern too large - compile failed$'
with_topic <<'YAML'
dimension: topic
labels:
  a:
    regex: ['\w{1000}\w{1000}\w{1000}']
YAML
expect_rule_error 'topic\.yaml:4:13' 'rule topic/a: regex: regex /\\w\{1000\}\\w\{1000\}\\w\{1000\}/ compiles to 24004 instructions, more than the limit of 20000; simplify it'

# An RE2::Set that does not fit --regex-mem: the location is its largest regex.
{
  printf 'dimension: topic\nlabels:\n  a:\n    regex:\n'
  for i in $(seq 150); do printf "      - '[a-z]{20}%dq[0-9]{10}'\n" "$i"; done
  printf "      - '[a-z]{30}big[0-9]{30}'\n"
} | with_topic
expect_rule_error 'topic\.yaml:155:9' 'the combined patterns do not fit the regex memory budget of 100000 bytes \(raise --regex-mem or simplify the patterns\); the largest of the 151 regexes is /\[a-z\]\{30\}big\[0-9\]\{30\}/' --regex-mem 100000

# Deeply nested YAML: refused at the limit, no stack overflow even at 100000.
{ printf 'dimension: topic\nlabels:\n  a:\n    any: '; head -c 100000 /dev/zero | tr '\0' '['; echo; } | with_topic
expect_rule_error 'topic\.yaml:4:25' 'nesting deeper than 32 levels$'

# A YAML alias bomb (10^10 nodes if expanded): refused by count, at once.
{
  printf 'dimension: topic\nx0: &a0 [y, y, y, y, y, y, y, y, y, y]\n'
  for i in $(seq 1 9); do
    p=$((i - 1))
    printf 'x%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' "$i" "$i" $p $p $p $p $p $p $p $p $p $p
  done
  printf 'labels:\n  a: {any: *a9}\n'
} | with_topic
expect_rule_error 'topic\.yaml:6:45' 'aliases expand to more than 100000 nodes \(an alias bomb\?\); write the lists out instead$'

# A 100 MB rule file: refused by its size before a byte is read (a sparse
# file, so the test costs no disk). No position: the whole file is refused.
with_topic </dev/null
truncate -s 100M "$R/topic.yaml"
expect_rule_error 'topic\.yaml' 'file is 104857600 bytes; rule files are limited to 4194304 bytes$'

# Not a file at all.
with_topic </dev/null
rm "$R/topic.yaml"
mkdir "$R/topic.yaml"
run "$GAPMAP" rules check "$R"
expect_status 0  # a directory named *.yaml is not a rule file; the others load
with_topic </dev/null
run "$GAPMAP" rules check "$R"
expect_status 2
expect_stderr_matches "^gapmap: $R/topic\.yaml: empty dimension file \(expected 'dimension:' and 'labels:'\)$"

finish

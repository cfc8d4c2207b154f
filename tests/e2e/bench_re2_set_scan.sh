#!/usr/bin/env bash
# bench/re2_set_scan, the regex engine's own speed for `make bench`: it must
# count what it is asked to, on gapmap's exported patterns too, and fail
# loudly rather than measure nothing.
source "$(dirname "$0")/lib.bash"
: "${GAPMAP_BUILD_DIR:?}"
SCAN="$GAPMAP_BUILD_DIR/bench/re2_set_scan"
[ -x "$SCAN" ] || { fail "$SCAN was not built"; finish; }

# Paragraphs at blank lines; per paragraph, the patterns that occur.
printf 'victim\ntraffick\\w*\n' > "$E2E_TMP/two.ere"
printf 'Victims here\n\nno match\nat all\n\ntrafficking\nvictims\n' > "$E2E_TMP/three.txt"
run "$SCAN" "$E2E_TMP/two.ere" "$E2E_TMP/three.txt"
expect_status 0
expect_stdout_matches '^2 patterns, 3 paragraphs, 3 pattern matches$'

# The whole rule set as `make bench` exports it: every pattern compiles.
"$GAPMAP" rules export --format grep --with-vetoes -q > "$E2E_TMP/rules.ere"
patterns=$(wc -l < "$E2E_TMP/rules.ere")
run "$SCAN" "$E2E_TMP/rules.ere" corpus/icat-2010-analytical-review.txt
expect_status 0
expect_stdout_matches "^$patterns patterns, [1-9][0-9]* paragraphs, [1-9][0-9]* pattern matches$"

# Errors: a pattern RE2 refuses (with its line), an unreadable input.
printf 'victim\n(unclosed\n' > "$E2E_TMP/bad.ere"
run "$SCAN" "$E2E_TMP/bad.ere" "$E2E_TMP/three.txt"
expect_status 2
expect_stderr_matches '^re2_set_scan: .*bad\.ere:2: missing \)'
run "$SCAN" "$E2E_TMP/two.ere" "$E2E_TMP/no-such-file.txt"
expect_status 2
expect_stderr_matches 'no-such-file\.txt: cannot read'
run "$SCAN" "$E2E_TMP/two.ere"
expect_status 2
expect_stderr_matches 'usage: re2_set_scan PATTERNS INPUT'

finish

# Helpers for end-to-end tests: run the real binary, check status and output.
# Usage: source this file; `run CMD...`, then expect_* checks; `finish` at the end.
set -uo pipefail
: "${GAPMAP:?GAPMAP must point at the gapmap binary}"
: "${GAPMAP_SOURCE_DIR:?}"
cd "$GAPMAP_SOURCE_DIR"
SHARED_DIR="$GAPMAP_SOURCE_DIR/../shared"
E2E_TMP=$(mktemp -d)
trap 'rm -rf "$E2E_TMP"' EXIT
FAILURES=0
LAST_STATUS=0
LAST_STDOUT="$E2E_TMP/stdout"
LAST_STDERR="$E2E_TMP/stderr"

run() {
  "$@" >"$LAST_STDOUT" 2>"$LAST_STDERR"
  LAST_STATUS=$?
  LAST_CMD="$*"
}

fail() {
  echo "FAIL: $*" >&2
  echo "  command: ${LAST_CMD:-}" >&2
  echo "  stderr: $(head -c 2000 "$LAST_STDERR")" >&2
  FAILURES=$((FAILURES + 1))
}

expect_status() {
  [ "$LAST_STATUS" -eq "$1" ] || fail "exit status $LAST_STATUS, expected $1"
}

expect_stdout_matches() {
  grep -Eq -- "$1" "$LAST_STDOUT" || fail "stdout does not match /$1/"
}

expect_stderr_matches() {
  grep -Eq -- "$1" "$LAST_STDERR" || fail "stderr does not match /$1/"
}

expect_stderr_empty() {
  [ ! -s "$LAST_STDERR" ] || fail "stderr is not empty"
}

expect_same_files() {
  cmp -s "$1" "$2" || fail "$1 and $2 differ"
}

finish() {
  if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES check(s) failed" >&2
    exit 1
  fi
  exit 0
}

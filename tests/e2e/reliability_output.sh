#!/usr/bin/env bash
# Reliability, output side (issue 6; docs/reliability.md): full devices and
# file systems, read-only locations, closed pipes, kill -9 during -o. The
# previous output file must survive every failure, with no temporary left.
source "$(dirname "$0")/lib.bash"

T="$E2E_TMP"
CORPUS=corpus/icat-2010-analytical-review.txt
# Big enough that its JSONL overflows the writer's buffer and a pipe's.
for _ in 1 2 3 4 5 6 7 8; do cat "$CORPUS"; done >"$T/big.txt"

# Only `old.jsonl` (and what the test put there) may be in the directory.
expect_only_files() {
  local dir=$1
  shift
  local have want
  have=$(cd "$dir" && ls -A | sort | tr '\n' ' ')
  want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
  [ "$have" = "$want" ] || fail "$dir holds '$have', expected '$want'"
}
expect_previous_intact() {
  [ "$(cat "$1")" = "previous output" ] || fail "$1 was changed: $(head -c 80 "$1")"
}

# --- stdout on a full device -------------------------------------------------
run bash -c "'$GAPMAP' segment '$T/big.txt' >/dev/full"
expect_status 2
expect_stderr_matches '^gapmap: <stdout>: write error: No space left on device$'

# -o naming a device: written in place, never replaced by a regular file.
# As root, private device nodes (mknod), so that a regression cannot destroy
# the system's; an unprivileged process could not replace /dev/* anyway.
if [ "$(id -u)" -eq 0 ]; then
  mknod -m 666 "$T/full" c 1 7 && mknod -m 666 "$T/null" c 1 3 || fail "mknod failed"
  FULL="$T/full" NULL="$T/null"
else
  FULL=/dev/full NULL=/dev/null
fi
run "$GAPMAP" segment "$T/big.txt" -o "$FULL"
expect_status 2
expect_stderr_matches "^gapmap: $FULL: write error: No space left on device$"
[ -c "$FULL" ] || fail "$FULL is no longer a character device"
run "$GAPMAP" segment "$CORPUS" -o "$NULL"
expect_status 0
expect_stderr_empty
[ -c "$NULL" ] || fail "$NULL is no longer a character device"

# -o naming what stdout is (/proc/self/fd/1 here; /dev/stdout links to it):
# the output goes to the shell's file, nothing is replaced.
run "$GAPMAP" segment "$CORPUS" -o /proc/self/fd/1
expect_status 0
expect_stderr_empty
expect_stdout_matches '^\{"doc":"icat-2010-analytical-review","id":"icat-2010-analytical-review:0001"'

# -o naming a directory.
mkdir -p "$T/outdir"
run "$GAPMAP" segment "$CORPUS" -o "$T/outdir"
expect_status 2
expect_stderr_matches "^gapmap: $T/outdir: is a directory$"

# --- a file that outgrows `ulimit -f` (EFBIG, SIGXFSZ ignored) ------------------
mkdir -p "$T/fsize"
echo "previous output" >"$T/fsize/old.jsonl"
run bash -c "ulimit -f 64; exec '$GAPMAP' segment '$T/big.txt' -o '$T/fsize/old.jsonl'"
expect_status 2
expect_stderr_matches "^gapmap: $T/fsize/old.jsonl: write error: File too large$"
expect_previous_intact "$T/fsize/old.jsonl"
expect_only_files "$T/fsize" old.jsonl

# --- a full and a read-only file system --------------------------------------------
# Real ones where we may mount (root in a mount namespace); otherwise a
# directory without write permission stands in for the read-only case.
if unshare -m true 2>/dev/null; then
  mkdir -p "$T/mnt"
  cat >"$T/fs.sh" <<'EOF'
set -u
mount -t tmpfs -o size=256k tmpfs "$MNT" || exit 99
echo "previous output" >"$MNT/old.jsonl"
"$GAPMAP" segment "$BIG" -o "$MNT/old.jsonl"
echo "full=$?"
echo "after-full=$(cat "$MNT/old.jsonl")|$(ls -A "$MNT" | tr '\n' ' ')"
mount -o remount,ro "$MNT" || exit 99
"$GAPMAP" segment "$CORPUS" -o "$MNT/old.jsonl"
echo "ro=$?"
echo "after-ro=$(cat "$MNT/old.jsonl")|$(ls -A "$MNT" | tr '\n' ' ')"
EOF
  run env MNT="$T/mnt" BIG="$T/big.txt" CORPUS="$CORPUS" GAPMAP="$GAPMAP" unshare -m bash "$T/fs.sh"
  expect_status 0
  expect_stdout_matches '^full=2$'
  expect_stderr_matches "^gapmap: $T/mnt/old.jsonl: write error: No space left on device$"
  expect_stdout_matches '^after-full=previous output\|old.jsonl $'
  expect_stdout_matches '^ro=2$'
  expect_stderr_matches "^gapmap: $T/mnt/old.jsonl: cannot create output in $T/mnt: Read-only file system$"
  expect_stdout_matches '^after-ro=previous output\|old.jsonl $'
else
  mkdir -p "$T/ro"
  echo "previous output" >"$T/ro/old.jsonl"
  chmod 555 "$T/ro"
  run "$GAPMAP" segment "$CORPUS" -o "$T/ro/old.jsonl"
  chmod 755 "$T/ro"
  expect_status 2
  expect_stderr_matches "^gapmap: $T/ro/old.jsonl: cannot create output in $T/ro: Permission denied$"
  expect_previous_intact "$T/ro/old.jsonl"
  expect_only_files "$T/ro" old.jsonl
fi

# --- a closed pipe: `| head -1` under pipefail exits 0 without noise ------------
run bash -c "set -o pipefail; '$GAPMAP' segment '$T/big.txt' | head -1"
expect_status 0
expect_stderr_empty
expect_stdout_matches '^\{"doc":"big","id":"big:0001"'
run bash -c "set -o pipefail; '$GAPMAP' segment '$T/big.txt' | true"
expect_status 0
expect_stderr_empty
run bash -c "set -o pipefail; '$GAPMAP' tag '$T/big.txt' | head -1"
expect_status 0
expect_stderr_empty
expect_stdout_matches '^\{"doc":"big","id":"big:0001"'
run bash -c "set -o pipefail; '$GAPMAP' tag --format csv '$T/big.txt' | head -1"
expect_status 0
expect_stderr_empty
expect_stdout_matches '^id,doc,line_start,'
run bash -c "'$GAPMAP' tag '$T/big.txt' >/dev/full"
expect_status 2
expect_stderr_matches '^gapmap: <stdout>: write error: No space left on device$'

# --- kill -9 while -o is being written: the previous file is intact -------------
mkdir -p "$T/kill"
echo "previous output" >"$T/kill/old.jsonl"
mkfifo "$T/feed"
"$GAPMAP" segment "$T/feed" -o "$T/kill/old.jsonl" 2>"$T/kill.err" &
victim=$!
# This shell holds the FIFO open after writing, so gapmap is mid-run (waiting
# for more input) when it is killed.
exec 3>"$T/feed"
cat "$T/big.txt" >&3
# Wait (at most ~10 s) until gapmap has written into its temporary file.
written=0
for _ in $(seq 100); do
  for fd in /proc/$victim/fd/*; do
    case "$(readlink "$fd" 2>/dev/null)" in
      "$T/kill/"*)
        size=$(stat -L -c %s "$fd" 2>/dev/null || echo 0)
        [ "$size" -gt 0 ] && written=$size ;;
    esac
  done
  [ "$written" -gt 0 ] && break
  sleep 0.1
done
[ "$written" -gt 0 ] || fail "gapmap never wrote to its temporary output"
kill -9 "$victim"
wait "$victim" 2>/dev/null
exec 3>&-
expect_previous_intact "$T/kill/old.jsonl"
expect_only_files "$T/kill" old.jsonl

finish

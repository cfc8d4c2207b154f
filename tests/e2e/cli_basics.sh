#!/usr/bin/env bash
# The CLI's contract: help, version, unknown commands, exit codes.
source "$(dirname "$0")/lib.bash"

run "$GAPMAP" --version
expect_status 0
expect_stdout_matches '^gapmap [0-9]+\.[0-9]+\.[0-9]+$'

run "$GAPMAP" --help
expect_status 0
for cmd in segment tag matrix gaps merge report eval explain rules; do
  expect_stdout_matches "^  $cmd "
done

run "$GAPMAP"
expect_status 2

run "$GAPMAP" frobnicate
expect_status 2
expect_stderr_matches "^gapmap: unknown command 'frobnicate'"

run "$GAPMAP" segment --no-such-flag
expect_status 2
expect_stderr_matches "^gapmap: segment: "
finish

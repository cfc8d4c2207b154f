#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets with clang + ASan + UBSan in
# build-fuzz/, replays each target's seed corpus (tests/fuzz/<name>/), then
# fuzzes all of them side by side for FUZZ_SECONDS (default 60). New inputs go to
# build-fuzz/corpus/<name>/ (the seeds are never modified), crashes to
# build-fuzz/artifacts/<name>/. Exits 1 on any finding, printing how to
# reproduce it; a fixed finding is kept as a regression seed by copying it to
# tests/fuzz/<name>/regress-<what>.
#
#   FUZZ_SECONDS=600 make fuzz          # longer run
#   FUZZ_TARGETS="rules" make fuzz      # one target
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if [ ! -f "$BUILD/build.ninja" ]; then
  # Asserts on (no NDEBUG), -O1: cheap to build, still fast to run.
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DGAPMAP_FUZZ=ON -DGAPMAP_SANITIZE=ON "${launcher[@]}" >/dev/null
fi
cmake --build "$BUILD" --target fuzz_targets -j "$JOBS"

targets=${FUZZ_TARGETS:-$(cd tests/fuzz && ls fuzz_*.cc | sed 's/^fuzz_//; s/\.cc$//')}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# One target: replay its seeds, then fuzz. Prints one summary line; returns 1
# on a finding.
fuzz_one() {
  local name=$1
  local exe="$BUILD/tests/fuzz/fuzz_$name"
  local seeds="tests/fuzz/$name"
  local work="$BUILD/corpus/$name"
  local artifacts="$BUILD/artifacts/$name"
  local log="$BUILD/fuzz-$name.log"
  mkdir -p "$work" "$artifacts"
  # 1. Replay: every seed (and saved regression input) once.
  if ! "$exe" -runs=0 "$seeds" >"$log.replay" 2>&1; then
    echo "fuzz_$name: seed replay FAILED (see $log.replay)"
    tail -20 "$log.replay"
    return 1
  fi
  # 2. Fuzz.
  local result="no findings" rc=0
  if ! "$exe" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$seeds" >"$log" 2>&1; then
    result="FINDING"
    rc=1
  fi
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz_$name: ${execs:-?} executions in ${FUZZ_SECONDS} s, $(ls "$seeds" | wc -l) seeds," \
    "$(ls "$work" | wc -l) new corpus inputs: $result"
  if [ $rc -ne 0 ]; then
    grep -E 'ERROR|FUZZ_CHECK|SUMMARY|Test unit written' "$log" | head -10 || true
    for crash in "$artifacts"/*; do
      [ -e "$crash" ] && echo "  reproduce: $exe $crash"
    done
  fi
  return $rc
}

# The targets run side by side (each is single-threaded; on 2 cores three
# targets share them), so the wall time is FUZZ_SECONDS, not three times it.
status=0
pids=()
for name in $targets; do
  fuzz_one "$name" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status

#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses of fuzz/ (Debian's clang).
#
#   scripts/fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]
#
# HARNESS is any of: segment quotes pipeline gold claims (default: all),
# each run in turn for SECONDS_PER_HARNESS (default 60). Environment:
#   FUZZ_BUILD_DIR  build folder (default build-fuzz; CI uses build-asan,
#                   which is configured with -DQUOTEGRAPH_FUZZ=ON too)
#   FUZZ_WORK_DIR   corpora and crash files (default $FUZZ_BUILD_DIR/fuzz-work)
#   FUZZ_LOG_DIR    one log per harness (default $FUZZ_WORK_DIR/logs)
# The corpus of each harness starts from the repository's articles, gold
# files and a claims sample (fuzz/seeds/), plus the regression inputs of
# tests/data/fuzz_regressions/, and grows across runs. A crash, leak or
# timeout (over 20 s for one input) is saved as $FUZZ_WORK_DIR/<harness>/crash-*
# (or timeout-*, leak-*) and makes the script exit 1: turn it into a
# regression test (tests/data/fuzz_regressions/ and tests/fuzz_regression_test.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then harnesses=(segment quotes pipeline gold claims); fi
build=${FUZZ_BUILD_DIR:-build-fuzz}
work=${FUZZ_WORK_DIR:-$build/fuzz-work}
logs=${FUZZ_LOG_DIR:-$work/logs}

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DQUOTEGRAPH_FUZZ=ON -DQUOTEGRAPH_BUILD_TESTS=OFF
fi
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cmake --build "$build" -j2 --target "${targets[@]}"

mkdir -p "$logs"
# Seed corpus of one harness into $work/<harness>/corpus (kept across runs).
seed() {
  local h=$1 dir=$work/$1/corpus
  mkdir -p "$dir"
  case $h in
    gold)
      # The gold JSON, a NUL byte, then the document it annotates.
      for g in seeds/*.gold.json tests/data/dev/*.gold.json; do
        local t=${g%.gold.json}.txt
        { cat "$g"; printf '\0'; cat "$t"; } > "$dir/seed-$(basename "$g")"
      done ;;
    claims)
      cp fuzz/seeds/claims.jsonl "$dir/seed-claims.jsonl" ;;
    *)
      for t in seeds/*.txt tests/data/dev/*.txt; do cp "$t" "$dir/seed-$(basename "$t")"; done ;;
  esac
  if [ -d "tests/data/fuzz_regressions/$h" ]; then
    cp tests/data/fuzz_regressions/"$h"/* "$dir/" 2>/dev/null || true
  fi
}

status=0
for h in "${harnesses[@]}"; do
  seed "$h"
  log=$logs/$h.log
  echo "fuzz: $h for ${seconds}s (log $log)"
  set +e
  "$build/fuzz/fuzz_$h" "$work/$h/corpus" -dict=fuzz/french.dict -max_total_time="$seconds" \
    -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$work/$h/" > "$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  if [ $rc -ne 0 ]; then
    echo "fuzz: $h FAILED (exit $rc) after $runs executions; the input is in $work/$h/:" >&2
    grep -E 'ERROR|invariant broken|SUMMARY|Test unit written' "$log" | head -n 20 >&2 || true
    status=1
  else
    echo "fuzz: $h ok, $runs executions, no crash"
  fi
done
exit $status

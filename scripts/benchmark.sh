#!/usr/bin/env bash
# Throughput benchmark: the seed articles copied N times (default 600, about
# 3,000 files) through `quotegraph extract`, timed with /usr/bin/time
# (wall seconds and peak memory). Usage: scripts/benchmark.sh [N] [BUILD_DIR]
set -euo pipefail
copies=${1:-600}
build=${2:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
for i in $(seq 1 "$copies"); do
  for f in "$here"/seeds/*.txt; do cp "$f" "$work/in/${i}_$(basename "$f")"; done
done
files=$(find "$work/in" -name '*.txt' | wc -l)
bytes=$(cat "$work"/in/*.txt | wc -c)
echo "benchmark: $files files, $bytes bytes"
for outputs in "--claims $work/c.jsonl" "--claims $work/c.jsonl --graphml $work/g.graphml --dot $work/g.dot"; do
  # shellcheck disable=SC2086
  /usr/bin/time -f "  %e s wall, %M KB peak: extract $outputs" \
    "$here/$build/quotegraph" extract "$work/in" $outputs -q 2>&1 >/dev/null | grep -v warning || true
done
echo "claims: $(wc -l < "$work/c.jsonl")"

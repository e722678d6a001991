#!/usr/bin/env bash
# Throughput, memory and linearity benchmark of `quotegraph extract`, with
# its floors measured in the same run (the machine is shared and its speed
# varies: only ratios measured together mean something).
#
#   1. A corpus of SIZE MB (default 100) made from the repository's articles
#      (seeds/*.txt and tests/data/dev/*.txt) copied under distinct names,
#      1,000 files a folder, and its first tenth as a 10 MB corpus.
#   2. Floors on the big corpus: `cat` of the files and ICU French sentence
#      breaking alone on one thread (build/tests/icu_sentence_floor).
#   3. `extract --claims` on 2 cores and on 1 core (taskset), MB/s by the
#      wall clock and per CPU second, ratio to the ICU floor, max RSS, and
#      the per-stage profile of the 2-core run (`extract --profile`).
#   4. Max RSS with --claims --entities on the small and the big corpus.
#   5. The graph outputs (--graphml --gexf --dot) on the small and the big
#      corpus: max RSS (bar 500 MiB) and CPU against --claims --entities
#      (bar x 2).
#   6. Adversarial single-paragraph documents (scripts/make_adversarial.py)
#      of growing size: seconds per MB must stay flat.
#   7. Map/merge (scripts/benchmark_map_merge.sh): `map` throughput per
#      core, and `merge` time and peak memory, for MAP_MERGE_DOCS JSONL
#      documents (default 100,000; 0 skips this part).
#
# Usage: [MAP_MERGE_DOCS=N] scripts/benchmark.sh [SIZE_MB] [BUILD_DIR]
# Needs /usr/bin/time, taskset and python3. Takes about 5 minutes for
# 100 MB on the 2-core machine when it is otherwise idle.
set -euo pipefail
size_mb=${1:-100}
build=${2:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
qg="$here/$build/quotegraph"
floor="$here/$build/tests/icu_sentence_floor"
for tool in "$qg" "$floor"; do
  [ -x "$tool" ] || { echo "benchmark: $tool is missing: build first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The corpora.
python3 - "$here" "$work" "$size_mb" <<'EOF'
import os, sys
here, work, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
sources = []
for folder in ("seeds", "tests/data/dev"):
    d = os.path.join(here, folder)
    for name in sorted(os.listdir(d)):
        if name.endswith(".txt"):
            with open(os.path.join(d, name), "rb") as f:
                sources.append((name, f.read()))
target = int(size_mb * 1e6)
total, n = 0, 0
big, small = os.path.join(work, "big"), os.path.join(work, "small")
while total < target:
    name, data = sources[n % len(sources)]
    folder = "%04d" % (n // 1000)
    for root, limit in ((big, target), (small, target // 10)):
        if total < limit:
            os.makedirs(os.path.join(root, folder), exist_ok=True)
            with open(os.path.join(root, folder, "%06d_%s" % (n, name)), "wb") as f:
                f.write(data)
    total += len(data)
    n += 1
EOF
bytes_of() { find "$1" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1; }
big_bytes=$(bytes_of "$work/big")
small_bytes=$(bytes_of "$work/small")
echo "corpus: $(find "$work/big" -name '*.txt' | wc -l) files, $big_bytes bytes (small: $small_bytes bytes)"

mbps() { python3 -c "import sys; b,s=float(sys.argv[1]),float(sys.argv[2]); print('%.1f' % (b/1e6/s if s>0 else 0))" "$1" "$2"; }
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%.2f' % (a/b if b>0 else 0))" "$1" "$2"; }
# timed LABEL BYTES CMD...: runs CMD under /usr/bin/time; prints wall MB/s,
# MB per CPU second and max RSS; sets last_wall_mbps and last_cpu_mbps.
timed() {
  local label=$1 nbytes=$2
  shift 2
  local t="$work/time.txt"
  /usr/bin/time -o "$t" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "benchmark: $label failed:" >&2
    tail -5 "$work/stderr.txt" >&2
    exit 1
  }
  read -r wall user sys rss < "$t"
  local cpu
  cpu=$(python3 -c "print(${user}+${sys})")
  last_wall_mbps=$(mbps "$nbytes" "$wall")
  last_cpu_mbps=$(mbps "$nbytes" "$cpu")
  last_rss_mib=$((rss / 1024))
  last_cpu_s=$cpu
  printf "  %-44s %6.2f s wall %6.2f s CPU %7s MB/s %7s MB/CPU-s %6s MiB max RSS\n" \
    "$label" "$wall" "$cpu" "$last_wall_mbps" "$last_cpu_mbps" "$last_rss_mib"
}

echo "floors:"
timed "cat" "$big_bytes" bash -c "find '$work/big' -name '*.txt' -print0 | xargs -0 cat"
cat_mbps=$last_wall_mbps
timed "ICU sentence breaking, 1 thread" "$big_bytes" "$floor" "$work/big"
icu_mbps=$last_wall_mbps
icu_cpu=$last_cpu_mbps

echo "extract --claims:"
timed "2 cores, --profile" "$big_bytes" "$qg" extract "$work/big" --claims "$work/c.jsonl" -q --profile
two_mbps=$last_wall_mbps
two_cpu=$last_cpu_mbps
grep -v warning "$work/stderr.txt" | sed 's/^/  /' || true
timed "1 core (taskset -c 0)" "$big_bytes" taskset -c 0 "$qg" extract "$work/big" --claims "$work/c1.jsonl" -q
one_mbps=$last_wall_mbps
one_cpu=$last_cpu_mbps
cmp -s "$work/c.jsonl" "$work/c1.jsonl" || echo "  WARNING: 1-core and 2-core claims differ"
echo "  claims: $(wc -l < "$work/c.jsonl")"

echo "memory, --claims --entities:"
timed "small corpus" "$small_bytes" "$qg" extract "$work/small" --claims "$work/cs.jsonl" --entities "$work/es.jsonl" -q
small_rss=$last_rss_mib
timed "big corpus" "$big_bytes" "$qg" extract "$work/big" --claims "$work/cb.jsonl" --entities "$work/eb.jsonl" -q
big_rss=$last_rss_mib
big_cpu=$last_cpu_s
echo "  entities: small $(wc -l < "$work/es.jsonl"), big $(wc -l < "$work/eb.jsonl")"

echo "graph outputs (--claims --graphml --gexf --dot):"
timed "small corpus" "$small_bytes" "$qg" extract "$work/small" --claims "$work/cg.jsonl" \
  --graphml "$work/g.graphml" --gexf "$work/g.gexf" --dot "$work/g.dot" -q
graph_small_rss=$last_rss_mib
timed "big corpus" "$big_bytes" "$qg" extract "$work/big" --claims "$work/cg.jsonl" \
  --graphml "$work/g.graphml" --gexf "$work/g.gexf" --dot "$work/g.dot" -q
graph_big_rss=$last_rss_mib
graph_big_cpu=$last_cpu_s
rm -f "$work/g.graphml" "$work/g.gexf" "$work/g.dot"

echo "adversarial single-paragraph documents (seconds per MB must stay flat):"
for kind in quotes descriptions pronouns name roles orgs open mixed; do
  for size in 100k 1M 12.6M; do
    python3 "$here/scripts/make_adversarial.py" "$kind" "$size" "$work/adv.txt"
    # One paragraph of 12.6 MB is over the default paragraph limit
    # (--max-paragraph-chars, 1,000,000 code points): lifted here.
    timed "$kind $size" "$(stat -c %s "$work/adv.txt")" "$qg" extract "$work/adv.txt" --claims "$work/adv.jsonl" -q \
      --max-paragraph-chars 100000000
  done
done

echo "summary (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); on a shared machine trust the CPU columns):"
echo "  cat $cat_mbps MB/s, ICU floor $icu_mbps MB/s ($icu_cpu MB per CPU second)"
echo "  extract --claims 2 cores: $two_mbps MB/s = $(ratio "$two_mbps" "$icu_mbps") of the ICU floor; per CPU second $two_cpu MB = $(ratio "$two_cpu" "$icu_cpu") of the floor's"
echo "  extract --claims 1 core:  $one_mbps MB/s = $(ratio "$one_mbps" "$icu_mbps") of the ICU floor; per CPU second $one_cpu MB = $(ratio "$one_cpu" "$icu_cpu") of the floor's"
echo "  2-core speed-up: $(ratio "$two_mbps" "$one_mbps")"
echo "  max RSS --claims --entities: ${small_rss} MiB (small) vs ${big_rss} MiB (big) = $(ratio "$big_rss" "$small_rss")x"
echo "  graph outputs: max RSS ${graph_small_rss} MiB (small) vs ${graph_big_rss} MiB (big); big: $(ratio "$graph_big_cpu" "$big_cpu")x the CPU of --claims --entities"

# 7. Map/merge of MAP_MERGE_DOCS documents (the scale-out path).
map_merge_docs=${MAP_MERGE_DOCS:-100000}
if [ "$map_merge_docs" -gt 0 ]; then
  echo "map/merge of $map_merge_docs documents (scripts/benchmark_map_merge.sh):"
  bash "$here/scripts/benchmark_map_merge.sh" "$map_merge_docs" "$build"
fi

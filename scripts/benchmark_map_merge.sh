#!/usr/bin/env bash
# Map/merge benchmark (issue 14): N JSONL documents (default 100,000), copies
# of the repository's articles (seeds and dev set) with distinct ids, are
#   1. mapped by one `quotegraph map` process on a sample (map throughput per
#      core, and map output bytes per document),
#   2. mapped whole with GNU parallel, one map process per core
#      (`parallel --pipe --round-robin`),
#   3. merged with `quotegraph merge` into claims and entities JSONL, timed
#      with /usr/bin/time (wall seconds and peak memory).
# Usage: scripts/benchmark_map_merge.sh [N] [BUILD_DIR] [SAMPLE]
# Needs about 5 KB of disk per document under $TMPDIR (or /tmp).
set -euo pipefail
n=${1:-100000}
build=${2:-build}
sample=${3:-2000}
here=$(cd "$(dirname "$0")/.." && pwd)
bin="$here/$build/quotegraph"
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$n" "$work/docs.jsonl" "$here/seeds" "$here/tests/data/dev" <<'EOF'
import json, pathlib, sys
n, out_path, *dirs = sys.argv[1:]
articles = []
for d in dirs:
    for f in sorted(pathlib.Path(d).glob("*.txt")):
        articles.append((f.name, open(f, encoding="utf-8", newline="").read()))
with open(out_path, "w", encoding="utf-8") as out:
    for i in range(int(n)):
        name, text = articles[i % len(articles)]
        out.write(json.dumps({"id": f"{i:07d}_{name}", "text": text}, ensure_ascii=False) + "\n")
EOF
docs_bytes=$(wc -c < "$work/docs.jsonl")
echo "benchmark_map_merge: $n documents ($docs_bytes bytes of JSONL), copies of $(ls "$here"/seeds/*.txt "$here"/tests/data/dev/*.txt | wc -l) articles, $cores cores"

# 1. One map process: documents per second per core.
head -n "$sample" "$work/docs.jsonl" > "$work/sample.jsonl"
/usr/bin/time -f "%e %U %S %M" -o "$work/map1.time" "$bin" map < "$work/sample.jsonl" > "$work/sample.map"
read -r wall user sys peak < "$work/map1.time"
sample_map_bytes=$(wc -c < "$work/sample.map")
python3 - "$sample" "$wall" "$user" "$sys" "$peak" "$sample_map_bytes" <<'EOF'
import sys
n, wall, user, sys_, peak, out = sys.argv[1:]
n, wall, cpu, out = int(n), float(wall), float(user) + float(sys_), int(out)
print(f"  map, 1 process: {n} documents in {wall:.2f} s wall, {cpu:.2f} s CPU: "
      f"{n / cpu:.0f} documents per CPU second (per core), {n / wall:.0f} per wall second; "
      f"{peak} KB peak; {out / n:.0f} bytes of map records per document")
EOF

# 2. Every document, one map process per core.
/usr/bin/time -f "%e" -o "$work/mapall.time" \
  parallel --will-cite --pipe --round-robin --block 8M -j "$cores" "'$bin' map" \
  < "$work/docs.jsonl" > "$work/all.map"
map_bytes=$(wc -c < "$work/all.map")
records=$(wc -l < "$work/all.map")
echo "  map, parallel -j$cores: $n documents in $(cat "$work/mapall.time") s wall, $map_bytes bytes, $records records"

# 3. The merge, claims and entities only (memory bounded by the entities).
/usr/bin/time -f "%e %U %S %M" -o "$work/merge.time" \
  "$bin" merge "$work/all.map" --claims "$work/claims.jsonl" --entities "$work/entities.jsonl" -q
read -r wall user sys peak < "$work/merge.time"
echo "  merge: $wall s wall, $(python3 -c "print(f'{$user + $sys:.2f}')") s CPU, $peak KB peak;" \
  "$(wc -l < "$work/claims.jsonl") claims, $(wc -l < "$work/entities.jsonl") entities" \
  "($(wc -c < "$work/claims.jsonl") and $(wc -c < "$work/entities.jsonl") bytes)"

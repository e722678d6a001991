#!/usr/bin/env bash
# Map/merge equivalence: for each corpus folder, the documents are written
# as JSONL (id = the path relative to the folder, as extract names it;
# text = the file), shuffled, split into 1, 2, 4
# and 7 shards, mapped with GNU parallel (`quotegraph map`, one process per
# shard, and once through `parallel --pipe`), merged with the shard outputs
# in reverse order, and every output (claims, entities, GraphML, DOT) is
# compared byte for byte with one `extract` over the folder. The same
# documents with metadata (date, source, url, title) in 3 shards are
# compared with `extract` over the JSONL file. The outputs are compared as
# written, which is stricter than comparing them sorted.
# Usage: scripts/check_map_merge.sh QUOTEGRAPH_BINARY FOLDER...
# Prints one line per corpus and split; exits 1 on the first difference.
set -euo pipefail
bin=$1
shift
command -v parallel >/dev/null || { echo "check_map_merge: GNU parallel is missing (scripts/install-deps.sh)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
outputs=(claims.jsonl entities.jsonl graph.graphml graph.dot)

run_outputs() {  # run_outputs DIR COMMAND...: writes the four outputs into DIR
  local dir=$1
  shift
  mkdir -p "$dir"
  "$@" --claims "$dir/claims.jsonl" --entities "$dir/entities.jsonl" \
    --graphml "$dir/graph.graphml" --dot "$dir/graph.dot" -q
}

same_outputs() {  # same_outputs REF_DIR DIR LABEL
  local f
  for f in "${outputs[@]}"; do
    if ! cmp -s "$1/$f" "$2/$f"; then
      echo "check_map_merge: $3: $f differs from extract's:"
      diff "$1/$f" "$2/$f" | head -5
      exit 1
    fi
  done
}

checked=0
for corpus in "$@"; do
  [ -d "$corpus" ] || continue
  name=$(basename "$corpus")
  c="$work/$name"
  mkdir -p "$c"
  # The documents in a shuffled order (fixed seed): merge must not care.
  python3 - "$corpus" "$c/docs.jsonl" "$c/meta.jsonl" <<'EOF'
import json, pathlib, random, sys
root = pathlib.Path(sys.argv[1])
files = sorted(root.rglob("*.txt"))
random.Random(14).shuffle(files)
with open(sys.argv[2], "w", encoding="utf-8") as out, open(sys.argv[3], "w", encoding="utf-8") as meta:
    for i, f in enumerate(files):
        text = open(f, encoding="utf-8", newline="").read()
        out.write(json.dumps({"id": f.relative_to(root).as_posix(), "text": text}, ensure_ascii=False) + "\n")
        meta.write(json.dumps({"id": f.relative_to(root).as_posix(), "text": text, "date": f"2024-03-{1 + i % 28:02d}",
                               "source": "Source " + str(i % 3), "url": "https://example.org/" + f.stem,
                               "title": "Titre n° " + str(i)}, ensure_ascii=False) + "\n")
EOF
  docs=$(wc -l < "$c/docs.jsonl")
  run_outputs "$c/extract" "$bin" extract "$corpus" || [ $? -eq 1 ]
  claims=$(wc -l < "$c/extract/claims.jsonl")
  for n in 1 2 4 7; do
    s="$c/shards$n"
    mkdir -p "$s"
    split -n "r/$n" -d -a 2 "$c/docs.jsonl" "$s/docs."
    # One map process per shard, two at a time; a document that is bad
    # input exits 1 as extract does, and is left out by both.
    parallel --will-cite -j2 "'$bin' map < {} > {}.map || [ \$? -eq 1 ]" ::: "$s"/docs.??
    mapfile -t maps < <(ls "$s"/docs.??.map | sort -r)
    run_outputs "$s/merged" "$bin" merge "${maps[@]}" || [ $? -eq 1 ]
    same_outputs "$c/extract" "$s/merged" "$name, $n shards"
    echo "check_map_merge: $name: $docs documents, $claims claims, $n shards mapped with parallel: merge = extract"
    checked=$((checked + 1))
  done
  # With metadata: 3 shards against extract over the JSONL file.
  run_outputs "$c/extract_meta" "$bin" extract "$c/meta.jsonl" || [ $? -eq 1 ]
  s="$c/meta3"
  mkdir -p "$s"
  split -n r/3 -d -a 2 "$c/meta.jsonl" "$s/docs."
  parallel --will-cite -j2 "'$bin' map < {} > {}.map || [ \$? -eq 1 ]" ::: "$s"/docs.??
  run_outputs "$s/merged" "$bin" merge "$s"/docs.02.map "$s"/docs.00.map "$s"/docs.01.map || [ $? -eq 1 ]
  same_outputs "$c/extract_meta" "$s/merged" "$name with metadata, 3 shards"
  grep -q '"date":"2024-03-' "$s/merged/claims.jsonl" || [ "$claims" -eq 0 ] ||
    { echo "check_map_merge: $name: the merged claims lost their dates"; exit 1; }
  echo "check_map_merge: $name: with dates, sources, urls and titles, 3 shards: merge = extract of the JSONL"
  checked=$((checked + 1))
  # The same as the README's recipe, `parallel --pipe --round-robin` (two
  # map processes fed blocks of lines; each job's output comes out whole,
  # so documents stay contiguous), merged from standard input.
  parallel --will-cite --pipe --round-robin --block 20k -j2 "'$bin' map || [ \$? -eq 1 ]" \
    < "$c/docs.jsonl" > "$c/pipe.map"
  run_outputs "$c/pipe" "$bin" merge - < "$c/pipe.map" || [ $? -eq 1 ]
  same_outputs "$c/extract" "$c/pipe" "$name, parallel --pipe"
  echo "check_map_merge: $name: parallel --pipe --round-robin, merged from standard input: merge = extract"
  checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || { echo "check_map_merge: no corpus folder given"; exit 1; }
echo "check_map_merge: $checked splits, all equal"

#!/usr/bin/env bash
# Installs quotegraph into a temporary prefix, moves the prefix elsewhere
# (so neither the configured prefix nor the build tree matches it) and runs
# the installed binary there: it must find its data beside itself
# (../share/quotegraph/data), QUOTEGRAPH_DATA must override that, and
# --data must override both.
#
# Usage: install_test.sh BUILD_DIR ARTICLE
set -euo pipefail
build=$1
article=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/quotegraph_install_test.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { echo "install_test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/first" > "$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; fail "cmake --install failed"; }
mv "$work/first" "$work/moved"
bin=$work/moved/bin/quotegraph
[ -x "$bin" ] || fail "no installed binary at bin/quotegraph"
[ -f "$work/moved/share/quotegraph/data/speech_verbs.tsv" ] || fail "no installed data"
cp "$article" "$work/article.txt"

# 1. Found beside the binary: --help names the moved prefix's data folder.
help=$(env -u QUOTEGRAPH_DATA "$bin" extract --help)
grep -qF "$work/moved/bin/../share/quotegraph/data" <<<"$help" ||
  fail "--help does not name the data beside the binary: $help"
(cd "$work" && env -u QUOTEGRAPH_DATA "$bin" extract article.txt --claims claims.jsonl -q) ||
  fail "the moved install cannot extract"
[ -s "$work/claims.jsonl" ] || fail "the moved install wrote no claim"

# 2. QUOTEGRAPH_DATA comes before the folder beside the binary.
set +e
QUOTEGRAPH_DATA=$work/nowhere "$bin" extract "$work/article.txt" --claims "$work/c2.jsonl" -q 2> "$work/err2"
rc=$?
set -e
[ $rc -eq 2 ] || fail "QUOTEGRAPH_DATA=nowhere exits $rc, expected 2"
grep -qF "$work/nowhere" "$work/err2" || fail "the error does not name QUOTEGRAPH_DATA's folder"

# 3. --data comes before QUOTEGRAPH_DATA.
QUOTEGRAPH_DATA=$work/nowhere "$bin" extract "$work/article.txt" --data "$work/moved/share/quotegraph/data" \
  --claims "$work/c3.jsonl" -q || fail "--data does not override QUOTEGRAPH_DATA"
cmp -s "$work/claims.jsonl" "$work/c3.jsonl" || fail "--data gives other claims"
echo "install_test: installed, moved, found its data beside itself; QUOTEGRAPH_DATA and --data override"

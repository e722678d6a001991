#!/usr/bin/env bash
# Checks the installed library: installs the build in BUILD_DIR into a fresh
# prefix under it, builds examples/extract_claims.cpp against the installed
# CMake package (find_package(quotegraph), target quotegraph::quotegraph)
# and against quotegraph.pc with pkg-config, runs both, and checks that each
# prints the claim the example sentence holds. Prints what failed; exit 1 then.
# Usage: check_install.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
work="$build/install-check"
rm -rf "$work"  # our own folder, made below
mkdir -p "$work"
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" >"$work/install.log"
for f in include/quotegraph/pipeline/pipeline.h include/quotegraph/export/claims_io.h; do
  [ -f "$prefix/$f" ] || { echo "check_install: $f not installed"; exit 1; }
done
lib=$(find "$prefix" -name libquotegraph.a | head -n 1)
config=$(find "$prefix" -name quotegraphConfig.cmake | head -n 1)
pc=$(find "$prefix" -name quotegraph.pc | head -n 1)
[ -n "$lib" ] || { echo "check_install: libquotegraph.a not installed"; exit 1; }
[ -n "$config" ] || { echo "check_install: quotegraphConfig.cmake not installed"; exit 1; }
[ -n "$pc" ] || { echo "check_install: quotegraph.pc not installed"; exit 1; }

expect='"kind":"direct","speaker":"Anne Dupont"'

# 1. CMake package.
cmake -S "$src/examples" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/cmake-build" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
QUOTEGRAPH_DATA="$src/data" "$work/cmake-build/extract_claims" >"$work/cmake.out"
grep -q "$expect" "$work/cmake.out" || { echo "check_install: CMake-built example printed:"; cat "$work/cmake.out"; exit 1; }

# 2. pkg-config.
flags=$(PKG_CONFIG_PATH="$(dirname "$pc")" pkg-config --cflags --libs quotegraph)
# shellcheck disable=SC2086
c++ -O1 -o "$work/extract_claims_pc" "$src/examples/extract_claims.cpp" $flags
QUOTEGRAPH_DATA="$src/data" "$work/extract_claims_pc" >"$work/pc.out"
grep -q "$expect" "$work/pc.out" || { echo "check_install: pkg-config-built example printed:"; cat "$work/pc.out"; exit 1; }

echo "check_install: headers, libquotegraph.a, quotegraphConfig.cmake and quotegraph.pc work"
rm -rf "$work"

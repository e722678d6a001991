#!/usr/bin/env bash
# Installs the Debian packages quotegraph needs to build, test and render,
# skipping those already present. Safe to run again (idempotent). clang and
# its runtime (libclang-rt-14-dev: AddressSanitizer, UBSan, libFuzzer) build
# the sanitizer and fuzzing folder that CI runs (build-asan).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev libicu-dev libpugixml-dev
  libgraphviz-dev graphviz
  nlohmann-json3-dev libcli11-dev
  catch2
  libhunspell-dev hunspell-fr
  libsqlite3-dev
  python3 python3-networkx
  chromium
  clang libclang-rt-14-dev
  parallel
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

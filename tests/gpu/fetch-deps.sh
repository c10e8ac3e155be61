#!/usr/bin/env bash
# Run HERE (the Debian 12 development machine), not on the GPU machine: puts what the GPU machine
# lacks into the repository's ignored folder .gpu-carry/ so that one device call can carry it
# (name ".gpu-carry" in the call's carry list):
#   .gpu-carry/debs/        Debian 12 packages of Tagbench's C++ dependencies (SQLite, simdjson,
#                           nlohmann-json, ICU, sentencepiece headers and libraries); the GPU image
#                           has PyTorch, CMake and ninja but none of these, and no registry access.
#                           device-check.sh unpacks them with dpkg -x into /tmp (never into /).
#   .gpu-carry/debtags-en/  train/dev/test.jsonl of ../shared/datasets/debtags-en (the .ft.txt
#                           and .json copies are not needed), about 16 MB.
# About 38 MB in all, within the 64 MiB a call carries together with the tree.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD
carry=.gpu-carry
exclude=$(git rev-parse --git-path info/exclude)
mkdir -p "$(dirname "$exclude")"
grep -qx "/$carry/" "$exclude" 2>/dev/null || echo "/$carry/" >> "$exclude"
mkdir -p "$carry/debs" "$carry/debtags-en"
data=${1:-$root/../shared/datasets/debtags-en}
for split in train dev test; do
  cp "$data/$split.jsonl" "$carry/debtags-en/"
done
(cd "$carry/debs" && rm -f ./*.deb && apt-get download \
  libsqlite3-dev libsqlite3-0 libsimdjson-dev libsimdjson14 nlohmann-json3-dev \
  libicu-dev libicu72 libsentencepiece-dev libsentencepiece0)
du -sh "$carry"
echo "carry: [\"$carry\"]"

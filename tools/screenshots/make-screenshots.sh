#!/bin/sh
# Saves a PNG of every page, in English and in Simplified Chinese, with real data loaded, into
# docs/screenshots/ (main-window.png is the Chinese data page, the first thing a user sees).
#
#   tools/screenshots/make-screenshots.sh BUILD_DIR [EN_RUN_DIR] [ZH_RUN_DIR]
#
# The run folders (tagbench-cli train --out ...) fill the Evaluate page; without them it shows
# its empty state. A throw-away project records the datasets and runs for the Project page. Needs /work/shared/datasets/debtags-en or DEBTAGS_DIR.
set -eu
build=${1:?usage: $0 BUILD_DIR [EN_RUN_DIR] [ZH_RUN_DIR]}
en_run=${2:-}
zh_run=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
debtags=${DEBTAGS_DIR:-/work/shared/datasets/debtags-en}
cars=$root/resources/samples/car-news-zh
out=$root/docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export QT_QPA_PLATFORM=offscreen
# A private settings folder: the runs must not depend on (or change) the user's saved choices.
export XDG_CONFIG_HOME=$tmp/config

"$build/bin/tagbench-screenshots" --language en --window-size 1400x900 "$out/en" \
    "$tmp/demo-en.tagbench-project" "$cars/train.jsonl" "$debtags/dev.jsonl" "$debtags/train.jsonl" ${en_run:+"$en_run"}
"$build/bin/tagbench-screenshots" --language zh_CN --window-size 1400x900 "$out/zh_CN" \
    "$tmp/demo-zh.tagbench-project" "$debtags/train.jsonl" "$cars/dev.jsonl" "$cars/train.jsonl" ${zh_run:+"$zh_run"}
cp "$out/zh_CN/data-distribution.png" "$out/main-window.png"
# Train, Demo and Export (the runner trains the car-news sample's fasttext.json for them).
for page in train demo demo-presentation export; do
    cp "$out/en/$page.png" "$out/$page.png"
done
echo "screenshots in $out"

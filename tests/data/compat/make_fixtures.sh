#!/usr/bin/env bash
# Regenerates the v0.1 compatibility fixtures: run folders and bundles as Tagbench 0.1 wrote them
# (commit fc54907), so tests can prove that what users made with that release still opens,
# resumes and predicts the same scores. Run it only with a build of that release:
#   tests/data/compat/make_fixtures.sh /path/to/tagbench-0.1/build/bin/tagbench-cli
# Each kind gets:
#   <kind>-run/          a run stopped after epoch 2 of 3 (trained for 2 epochs, then config.json
#                        set to 3, which is the state a run interrupted after epoch 2 is in: the
#                        schedule is constant, so the epoch count plays no part in epochs 1-2)
#   <kind>-3epochs.scores  dev scores of the same config trained for 3 epochs without a break
#   <kind>.tagbench      the 2-epoch run exported as a bundle
#   <kind>-predictions.jsonl  that bundle's predictions (all scores) on ../export/unlabelled.jsonl
set -euo pipefail
cli=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../export"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for kind in textcnn fasttext; do
  sed -e "s/\"epochs\": [0-9]*/\"epochs\": 2/" -e "s#\"train.jsonl\"#\"$data/train.jsonl\"#" \
      -e "s#\"dev.jsonl\"#\"$data/dev.jsonl\"#" "$here/$kind.json" > "$work/$kind-2.json"
  sed -e "s/\"epochs\": 2/\"epochs\": 3/" "$work/$kind-2.json" > "$work/$kind-3.json"
  rm -rf "$here/$kind-run"
  "$cli" train --config "$work/$kind-2.json" --out "$here/$kind-run" --device cpu > /dev/null
  "$cli" train --config "$work/$kind-3.json" --out "$work/$kind-3" --device cpu > /dev/null
  cp "$work/$kind-3/scores/dev.scores" "$here/$kind-3epochs.scores"
  "$cli" export --run "$here/$kind-run" --out "$here/$kind.tagbench" > /dev/null
  "$cli" predict --model "$here/$kind.tagbench" --input "$data/unlabelled.jsonl" \
      --output "$here/$kind-predictions.jsonl" --all-scores --threads 1 > /dev/null
  # The state of a run interrupted after epoch 2 of 3; data paths are made relative to the
  # fixture so the tests can point them at tests/data/export wherever the checkout is.
  python3 - "$here/$kind-run/config.json" <<'PY'
import json, sys
path = sys.argv[1]
config = json.load(open(path))
config["train"]["epochs"] = 3
config["data"] = {"train": "../../export/train.jsonl", "dev": "../../export/dev.jsonl"}
open(path, "w").write(json.dumps(config, indent=2) + "\n")
PY
done

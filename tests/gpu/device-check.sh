#!/usr/bin/env bash
# GPU checks and side-by-side benchmarks for a short lease of a GPU machine (PyTorch 2.x with CUDA,
# CMake, ninja, transformers; no Qt, no registry access). Writes everything under $OUT (a local
# folder when OUT is unset), at most 7 files, so it all comes back even when a step fails:
#   summary.txt  one line per step (exit code, seconds) and the side-by-side tables
#   env.txt      nvidia-smi, python/torch/transformers, cmake, compiler
#   build.log    configure + build of tagbench-cli
#   doctor.log   tagbench-cli doctor
#   bench.log    every benchmark's output
#   smi.csv      nvidia-smi samples every 200 ms, labelled by benchmark (GPU busy share)
#   results.json the numbers behind summary.txt
#
#   tests/gpu/device-check.sh [--device cuda|cuda:N|cpu] [--data DIR] [--build DIR] [--jobs N]
#                             [--quick] [--bert-checkpoint DIR] [--skip-build]
#
# --data: debtags-en (train/dev/test.jsonl); default .gpu-carry/debtags-en (tests/gpu/fetch-deps.sh
# puts it there with the C++ dependencies), else ../shared/datasets/debtags-en. --device cpu is
# the dry run for a machine without a GPU (reuse a build with --build DIR; --quick trims data and
# steps; BERT needs transformers or --bert-checkpoint). Each step has a time limit, a failing step
# is logged and the next one runs (set -u, no set -e). About 9 minutes on the GPU machine with
# 16 cores: build 4-5, doctor 0.5, TextCNN 1, FastText 1, BERT 1.5.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
device=cuda
data=""
build=""
jobs=$(nproc)
quick=0
skip_build=0
bert_checkpoint=""
while [ $# -gt 0 ]; do
  case "$1" in
    --device) device=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --skip-build) skip_build=1; shift ;;
    --bert-checkpoint) bert_checkpoint=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "device-check.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
OUT=${OUT:-$root/device-check-out}
mkdir -p "$OUT"
work=$(mktemp -d /tmp/tagbench-device-check.XXXXXX)
summary=$OUT/summary.txt
: > "$summary"
export PYTHONUNBUFFERED=1
note() { echo "$*" | tee -a "$summary"; }
# run_step NAME LOG LIMIT_SECONDS COMMAND...: logs the command and its output, notes exit and time.
run_step() {
  local name=$1 log=$2 limit=$3
  shift 3
  local start
  start=$(date +%s)
  echo "### $(date +%T) $name: $*" >> "$log"
  timeout --kill-after=10 "$limit" "$@" >> "$log" 2>&1
  local rc=$?
  note "$(printf '%-44s exit %3d %5ds' "$name" "$rc" $(( $(date +%s) - start )))"
  return $rc
}
note "device-check $(date -u '+%Y-%m-%d %H:%M UTC') device=$device quick=$quick jobs=$jobs root=$root"

# --- the Python that has torch (the GPU image's python3; Debian's /usr/bin/python3 here) ---
python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" > /dev/null && "$candidate" -c "import torch" 2> /dev/null; then python=$(command -v "$candidate"); break; fi
done
{
  date -u; uname -a; nproc; free -g 2>/dev/null
  nvidia-smi 2>&1 || echo "nvidia-smi: not available"
  echo "python: ${python:-none with torch}"
  [ -n "$python" ] && "$python" -c "import torch, sys; print('torch', torch.__version__, 'cuda', torch.version.cuda, 'available', torch.cuda.is_available()); print(torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'no GPU')" 2>&1
  [ -n "$python" ] && "$python" -c "import transformers; print('transformers', transformers.__version__)" 2>&1
  cmake --version 2>&1 | head -1; ninja --version 2>&1; c++ --version 2>&1 | head -1; nvcc --version 2>&1 | tail -2
} > "$OUT/env.txt" 2>&1
[ -n "$python" ] || note "no python3 with torch: the PyTorch reference loops cannot run"

# --- data ---
if [ -z "$data" ]; then
  for candidate in "$root/.gpu-carry/debtags-en" "$root/shared/datasets/debtags-en" "$root/../shared/datasets/debtags-en"; do
    [ -f "$candidate/train.jsonl" ] && { data=$candidate; break; }
  done
fi
if [ -z "$data" ] || [ ! -f "$data/train.jsonl" ]; then note "no debtags-en data (give --data DIR): TextCNN/FastText benchmarks skipped"; data=""; fi
if [ -n "$data" ] && [ "$quick" = 1 ]; then
  mkdir -p "$work/debtags"
  head -n 2000 "$data/train.jsonl" > "$work/debtags/train.jsonl"
  head -n 300 "$data/dev.jsonl" > "$work/debtags/dev.jsonl"
  head -n 300 "$data/test.jsonl" > "$work/debtags/test.jsonl"
  data=$work/debtags
fi

# --- C++ dependencies carried as Debian packages (tests/gpu/fetch-deps.sh), unpacked under /tmp ---
deps=/tmp/tagbench-deps
cmake_deps=()
if [ -d "$root/.gpu-carry/debs" ] && [ "$skip_build" = 0 ] && [ -z "$build" ]; then
  mkdir -p "$deps"
  for deb in "$root"/.gpu-carry/debs/*.deb; do
    if command -v dpkg-deb > /dev/null; then dpkg-deb -x "$deb" "$deps"
    else (cd "$deps" && ar p "$deb" "$(ar t "$deb" | grep '^data.tar')" | tar -x -f - $(ar t "$deb" | grep -q 'data.tar.zst' && echo --zstd)); fi
  done
  cmake_deps=(-DCMAKE_PREFIX_PATH="$deps/usr" -DICU_ROOT="$deps/usr")
  note "unpacked $(ls "$root"/.gpu-carry/debs/*.deb | wc -l) carried packages into $deps"
fi

# --- configure and build tagbench-cli ---
build=${build:-$root/build-gpu}
cli=$build/bin/tagbench-cli
if [ "$skip_build" = 0 ]; then
  if [ ! -f "$build/CMakeCache.txt" ]; then
    torch_from_python=ON
    [ "$device" = cpu ] && torch_from_python=OFF
    export TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-9.0}
    run_step "configure (TORCH_FROM_PYTHON=$torch_from_python)" "$OUT/build.log" 240 \
      cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTAGBENCH_BUILD_GUI=OFF -DTAGBENCH_BUILD_TESTS=OFF \
        -DTAGBENCH_TORCH_FROM_PYTHON=$torch_from_python ${python:+-DPython3_EXECUTABLE=$python} "${cmake_deps[@]}"
  fi
  run_step "build tagbench-cli (-j$jobs)" "$OUT/build.log" 480 cmake --build "$build" --target tagbench-cli -j "$jobs"
  tail -n 30 "$OUT/build.log" | grep -E "error|Error|FAILED" | head -n 5 >> "$summary"
fi
have_cli=0
if [ -x "$cli" ]; then
  have_cli=1
  # The carried libraries' own dependencies (libicuuc -> libicudata) are not on the binary's
  # RUNPATH; a wrapper gives tagbench-cli, and only it, the search path.
  printf '#!/bin/sh\nLD_LIBRARY_PATH="%s${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "%s" "$@"\n' "$deps/usr/lib/x86_64-linux-gnu" "$cli" > "$work/tagbench-cli"
  chmod +x "$work/tagbench-cli"
  cli=$work/tagbench-cli
fi
[ "$have_cli" = 1 ] || note "no $cli: Tagbench steps skipped, the PyTorch references still run"

# --- tagbench-cli doctor ---
if [ "$have_cli" = 1 ]; then
  run_step "tagbench-cli doctor --device $device" "$OUT/doctor.log" 180 "$cli" doctor --device "$device"
  grep -E "^\[(FAIL|skip)\]|^doctor:" "$OUT/doctor.log" >> "$summary"
fi

# --- benchmarks: each with nvidia-smi sampling ---
sampler=""
start_sampling() {
  if command -v nvidia-smi > /dev/null && [ "$device" != cpu ]; then
    (nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv,noheader,nounits -lms 200 2> /dev/null \
      | sed -u "s/^/$1, /" >> "$OUT/smi.csv") &
    sampler=$!
  fi
}
stop_sampling() { [ -n "$sampler" ] && { pkill -P "$sampler" 2> /dev/null; kill "$sampler" 2> /dev/null; wait "$sampler" 2> /dev/null; sampler=""; }; }
trap stop_sampling EXIT

bench=$OUT/bench.log
steps=400
[ "$quick" = 1 ] && steps=20
if [ -n "$data" ]; then
  "${python:-python3}" - "$here/../bench/train/debtags_configs.json" "$data" "$work" "$quick" <<'PY'
import json, sys
configs, data, work, quick = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], sys.argv[4] == "1"
for name in ("textcnn", "fasttext_style"):
    c = configs[name]
    c["data"] = {"train": f"{data}/train.jsonl", "dev": f"{data}/dev.jsonl", "test": f"{data}/test.jsonl"}
    c["tokenizer"] = {"kind": "word", "lowercase": True}
    c["train"].update({"epochs": 1, "early_stopping_patience": 0, "threads": 4})
    if quick and name == "fasttext_style":
        c["FastText"]["buckets"] = 100000
    json.dump(c, open(f"{work}/{name}.json", "w"), indent=2)
PY
  for name in textcnn fasttext_style; do
    if [ "$have_cli" = 1 ]; then
      start_sampling "tagbench-$name"
      run_step "Tagbench $name, 1 epoch ($device)" "$bench" 240 "$cli" train --config "$work/$name.json" --out "$work/run-$name" --device "$device"
      stop_sampling
      cp "$work/run-$name/run.json" "$work/tagbench-$name.json" 2> /dev/null
    fi
  done
  if [ -n "$python" ]; then
    start_sampling "pytorch-textcnn"
    run_step "PyTorch TextCNN loop, $steps steps ($device)" "$bench" 240 "$python" "$here/../bench/train/reference_textcnn.py" \
      --train "$data/train.jsonl" --device "$device" --threads 4 --batch-size 64 --max-length 128 --dim 64 --kernel-sizes 1,2,3 \
      --num-kernels 128 --dropout 0.5 --lr 0.003 --steps "$steps"
    stop_sampling
    tail -n 1 "$bench" > "$work/pytorch-textcnn.json"
    buckets=2000000
    [ "$quick" = 1 ] && buckets=100000
    start_sampling "pytorch-fasttext_style"
    run_step "PyTorch fastText-style loop, $steps steps ($device)" "$bench" 240 "$python" "$here/../bench/train/reference_fasttext.py" \
      --train "$data/train.jsonl" --device "$device" --threads 4 --batch-size 32 --dim 100 --buckets "$buckets" --lr 16 --steps "$steps"
    stop_sampling
    tail -n 1 "$bench" > "$work/pytorch-fasttext_style.json"
  fi
fi

# --- BERT-base: Tagbench (bf16 on CUDA) next to transformers' BertForSequenceClassification ---
texts=$root/resources/samples/car-news-zh/train.jsonl
if [ -z "$bert_checkpoint" ] && [ -n "$python" ]; then
  bert_checkpoint=$work/bert-base
  run_step "random bert-base checkpoint (transformers)" "$bench" 120 "$python" "$here/hf_bert.py" make-checkpoint --out "$bert_checkpoint" --texts "$texts" \
    || bert_checkpoint=""
fi
if [ -n "$bert_checkpoint" ] && [ -f "$bert_checkpoint/config.json" ]; then
  bert_docs=$texts
  if [ "$quick" = 1 ]; then head -n 32 "$texts" > "$work/bert-train.jsonl"; bert_docs=$work/bert-train.jsonl; fi
  bf16=true
  [ "$device" = cpu ] && bf16=false
  cat > "$work/bert.json" <<EOF
{"model": "BERT", "data": {"train": "$bert_docs", "dev": "$root/resources/samples/car-news-zh/dev.jsonl"},
 "BERT": {"checkpoint": "$bert_checkpoint", "max_length": 128},
 "train": {"optimizer": "adamw", "learning_rate": 2e-5, "weight_decay": 0.01, "batch_size": 16, "epochs": 1,
           "loss_reduction": "mean", "bf16": $bf16, "threads": 4, "seed": 1, "early_stopping_patience": 0}}
EOF
  if [ "$have_cli" = 1 ]; then
    start_sampling "tagbench-bert"
    run_step "Tagbench BERT-base, 1 epoch, bf16=$bf16 ($device)" "$bench" 300 "$cli" train --config "$work/bert.json" --out "$work/run-bert" --device "$device"
    stop_sampling
    cp "$work/run-bert/run.json" "$work/tagbench-bert.json" 2> /dev/null
    if [ "$device" != cpu ]; then
      run_step "Tagbench BERT-base --find-batch-size ($device)" "$bench" 180 "$cli" train --config "$work/bert.json" --out "$work/run-bert-find" \
        --device "$device" --find-batch-size
      grep -- "--find-batch-size:" "$bench" | tail -n 1 >> "$summary"
    fi
  fi
  if [ -n "$python" ] && [ "$device" != cpu ]; then
    for variant in "eager max_length" "sdpa max_length" "sdpa longest"; do
      set -- $variant
      start_sampling "hf-bert-$1-$2"
      run_step "transformers BertForSequenceClassification $1 $2" "$bench" 180 "$python" "$here/hf_bert.py" bench \
        --checkpoint "$bert_checkpoint" --texts "$texts" --device "$device" --attention "$1" --padding "$2"
      stop_sampling
      tail -n 1 "$bench" > "$work/hf-bert-$1-$2.json"
    done
  fi
fi

# --- the tables ---
"${python:-python3}" "$here/summarize.py" "$work" "$OUT" >> "$summary" 2>&1 || note "summarize.py failed"
note "work folder (not copied back): $work"

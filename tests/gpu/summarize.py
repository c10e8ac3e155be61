#!/usr/bin/env python3
"""Side-by-side tables of tests/gpu/device-check.sh from the JSON each step left in WORK and the
nvidia-smi samples in OUT/smi.csv; writes OUT/results.json. Missing steps print as 'n/a'."""
import json
import os
import sys

work, out = sys.argv[1], sys.argv[2]


def load(name):
    try:
        text = open(os.path.join(work, name), encoding="utf-8").read().strip().splitlines()
        return json.loads(text[-1]) if text else None
    except (OSError, ValueError):
        return None


def gpu_busy():
    """Mean utilization.gpu and the most memory.used per label (all samples of the step)."""
    samples = {}
    try:
        for line in open(os.path.join(out, "smi.csv"), encoding="utf-8"):
            parts = [p.strip() for p in line.split(",")]
            if len(parts) >= 4:
                try:
                    samples.setdefault(parts[0], []).append((float(parts[2]), float(parts[3])))
                except ValueError:
                    pass
    except OSError:
        pass
    return {k: {"busy_percent": sum(u for u, _ in v) / len(v), "max_memory_used_mib": max(m for _, m in v), "samples": len(v)}
            for k, v in samples.items()}


def gib(value):
    return f"{value / 2**30:.2f} GiB" if value else "n/a"


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "n/a"


busy = gpu_busy()
results = {"gpu_busy": busy}
print("\n== training benchmarks (examples/s of the training steps; GPU busy = mean nvidia-smi utilization over the whole step)")
print(f"{'':24} {'Tagbench':>12} {'PyTorch loop':>13} {'ratio':>7}   {'peak GPU mem T / P':>22}   {'busy T / P':>11}   prefetch queue empty")
for name in ("textcnn", "fasttext_style"):
    t, p = load(f"tagbench-{name}.json"), load(f"pytorch-{name}.json")
    results[name] = {"tagbench": t, "pytorch": p}
    te = t.get("examples_per_second") if t else None
    pe = p.get("examples_per_second") if p else None
    tb, pb = busy.get(f"tagbench-{name}", {}), busy.get(f"pytorch-{name}", {})
    prefetch = t.get("prefetch", {}) if t else {}
    starved = (f"{prefetch.get('waited_for', '?')} of {prefetch.get('batches', '?')} batches, "
               f"{1000 * prefetch.get('waited_seconds', 0):.0f} ms") if prefetch else "n/a"
    print(f"{name:24} {te or 0:12.0f} {pe or 0:13.0f} {ratio(te, pe):>7}   "
          f"{gib(t.get('peak_device_memory_bytes') if t else 0):>10} / {gib(p.get('peak_device_memory_bytes') if p else 0):>9}   "
          f"{tb.get('busy_percent', 0):4.0f}% / {pb.get('busy_percent', 0):3.0f}%   {starved}")

print("\n== BERT-base (batch 16, max_length 128, AdamW; Tagbench: length-bucketed batches; transformers: as noted)")
t = load("tagbench-bert.json")
t_steps = t["examples_per_second"] / 16 if t and t.get("examples_per_second") else None
results["bert"] = {"tagbench": t}
print(f"  Tagbench (bf16 on CUDA): {t_steps or 0:.2f} steps/s, peak GPU memory {gib(t.get('peak_device_memory_bytes') if t else 0)}")
for variant in ("eager-max_length", "sdpa-max_length", "sdpa-longest"):
    h = load(f"hf-bert-{variant}.json")
    results["bert"][variant] = h
    hs = h.get("steps_per_second") if h else None
    print(f"  transformers {variant:18}: {hs or 0:.2f} steps/s, peak {gib(h.get('peak_device_memory_bytes') if h else 0)}; "
          f"Tagbench/transformers = {ratio(t_steps, hs)}")
json.dump(results, open(os.path.join(out, "results.json"), "w"), indent=2)

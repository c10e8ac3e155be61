#!/usr/bin/python3
"""Training benchmark: Tagbench vs Debian's fastText and vs a plain PyTorch TextCNN loop, in one run.

  /usr/bin/python3 tests/bench/train/train_bench.py --cli build/bin/tagbench-cli \
      --data /work/shared/datasets/debtags-en --threads 2 --work /tmp/train-bench

Quality: fastText `supervised -loss ova` on train.ft.txt, `predict-prob -1 0.0` on dev and test;
Tagbench's best run writes scores/{dev,test}.scores. Both score matrices go through the same
micro/macro-F1 code below, at threshold 0.5 and at the global threshold that maximizes dev
micro-F1 (0.05..0.95 step 0.01), applied to test.
Speed: fastText epoch time = training tokens / (words/sec/thread x threads) from its own progress
line; Tagbench epoch time = mean training time per epoch (run.json); TextCNN examples/s of Tagbench
vs reference_textcnn.py with the same layers, batch size and threads. Peak RSS from wait4().
"""
import argparse
import json
import os
import re
import struct
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, log):
    """Runs cmd, returns (seconds, peak RSS bytes, stdout+stderr text)."""
    start = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    text = open(log, errors="replace").read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}\n{text[-3000:]}")
    return seconds, usage.ru_maxrss * 1024, text


def read_scores(path):
    """Reads a TBSCORES file (format in core/eval/ScoreMatrix.h)."""
    data = open(path, "rb").read()
    assert data[:8] == b"TBSCORES", path
    docs, labels, gold_entries = struct.unpack_from("<QQQ", data, 16)
    pos = 40

    def string():
        nonlocal pos
        (n,) = struct.unpack_from("<I", data, pos)
        pos += 4
        s = data[pos:pos + n].decode()
        pos += n
        return s
    names = [string() for _ in range(labels)]
    ids = [string() for _ in range(docs)]
    offsets = struct.unpack_from(f"<{docs + 1}Q", data, pos)
    pos += 8 * (docs + 1)
    gold_flat = struct.unpack_from(f"<{gold_entries}I", data, pos)
    pos += 4 * gold_entries
    scores = struct.unpack_from(f"<{docs * labels}f", data, pos)
    gold = [set(names[g] for g in gold_flat[offsets[i]:offsets[i + 1]]) for i in range(docs)]
    rows = [dict(zip(names, scores[i * labels:(i + 1) * labels])) for i in range(docs)]
    return rows, gold


def read_fasttext_gold(path):
    return [set(t[9:] for t in line.split() if t.startswith("__label__")) for line in open(path, encoding="utf-8")]


def read_fasttext_probs(text):
    rows = []
    for line in text.splitlines():
        tokens = line.split()
        rows.append({tokens[i][9:]: float(tokens[i + 1]) for i in range(0, len(tokens) - 1, 2)})
    return rows


def metrics(rows, gold, threshold):
    right = predict = standard = 0
    per = {}
    for scores, g in zip(rows, gold):
        p = {l for l, s in scores.items() if s >= threshold}
        right += len(p & g)
        predict += len(p)
        standard += len(g)
        for l in p | g:
            c = per.setdefault(l, [0, 0, 0])
            c[0] += l in p and l in g
            c[1] += l in p
            c[2] += l in g
    precision = right / predict if predict else 0.0
    recall = right / standard if standard else 0.0
    f1 = 2 * precision * recall / (precision + recall) if right else 0.0
    macro = []
    for tp, np_, ng in per.values():
        pr, rc = (tp / np_ if np_ else 0.0), (tp / ng if ng else 0.0)
        macro.append(2 * pr * rc / (pr + rc) if tp else 0.0)
    return {"precision": precision, "recall": recall, "f1": f1, "macro_f1": sum(macro) / len(macro) if macro else 0.0}


def quality(dev_rows, dev_gold, test_rows, test_gold):
    best = max((metrics(dev_rows, dev_gold, t / 100)["f1"], -abs(t - 50), t / 100) for t in range(5, 96))[2]
    # Dev numbers are what settings are chosen by; test numbers are only reported.
    return {"at_0.5": metrics(test_rows, test_gold, 0.5), "dev_threshold": best,
            "at_dev_threshold": metrics(test_rows, test_gold, best),
            "dev_at_0.5": metrics(dev_rows, dev_gold, 0.5), "dev_at_dev_threshold": metrics(dev_rows, dev_gold, best)}


def tagbench_config(args, model, overrides):
    d = args.data
    config = {"model": model, "data": {"train": f"{d}/train.jsonl", "dev": f"{d}/dev.jsonl", "test": f"{d}/test.jsonl"},
              "tokenizer": {"kind": "word", "lowercase": True}}
    for key, value in overrides.items():
        config[key] = value
    config.setdefault("train", {})["threads"] = args.threads
    return config


def train_tagbench(args, name, config):
    path = os.path.join(args.work, name + ".json")
    run_dir = os.path.join(args.work, name)
    subprocess.run(["rm", "-rf", run_dir], check=True)
    json.dump(config, open(path, "w"), indent=2)
    seconds, rss, text = run([args.cli, "train", "--config", path, "--out", run_dir, "--device", "cpu"],
                             os.path.join(args.work, name + ".log"))
    summary = json.load(open(os.path.join(run_dir, "run.json")))
    dev_rows, dev_gold = read_scores(os.path.join(run_dir, "scores/dev.scores"))
    test_rows, test_gold = read_scores(os.path.join(run_dir, "scores/test.scores"))
    return {"wall_seconds": seconds, "peak_rss": rss, "run": summary,
            "quality": quality(dev_rows, dev_gold, test_rows, test_gold),
            "performance_line": [l for l in text.splitlines() if l.startswith("test: Performance")]}


def train_fasttext(args):
    d, out = args.data, os.path.join(args.work, "fasttext")
    cmd = ["fasttext", "supervised", "-input", f"{d}/train.ft.txt", "-output", out, "-loss", "ova",
           "-thread", str(args.threads), "-verbose", "2"] + args.fasttext_args.split()
    seconds, rss, text = run(cmd, out + ".log")
    wst = [float(x) for x in re.findall(r"words/sec/thread:\s+(\d+)", text)]
    # fastText counts every token it reads per epoch: words, labels and one end-of-line token.
    tokens = sum(len(line.split()) + 1 for line in open(f"{d}/train.ft.txt", encoding="utf-8"))
    epoch_seconds = tokens / (wst[-1] * args.threads) if wst else float("nan")
    probs = {}
    for split in ("dev", "test"):
        _, _, text = run(["fasttext", "predict-prob", out + ".bin", f"{d}/{split}.ft.txt", "-1", "0.0"],
                         os.path.join(args.work, f"fasttext-{split}.txt"))
        probs[split] = read_fasttext_probs(text)
    q = quality(probs["dev"], read_fasttext_gold(f"{d}/dev.ft.txt"), probs["test"], read_fasttext_gold(f"{d}/test.ft.txt"))
    return {"wall_seconds": seconds, "peak_rss": rss, "epoch_seconds": epoch_seconds, "quality": q}


def fmt(m):
    return f"P {m['precision']:.4f} R {m['recall']:.4f} micro-F1 {m['f1']:.4f} macro-F1 {m['macro_f1']:.4f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", default="/work/shared/datasets/debtags-en")
    parser.add_argument("--work", default="/tmp/tagbench-train-bench")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--fasttext-args", default="-epoch 25 -lr 1.0 -wordNgrams 2 -dim 100 -bucket 2000000",
                        help="fastText supervised arguments (chosen by dev micro-F1, docs/benchmarks.md)")
    parser.add_argument("--configs", default=os.path.join(HERE, "debtags_configs.json"),
                        help="JSON object: run name -> Tagbench config overrides")
    parser.add_argument("--only", default="", help="comma-separated subset: fasttext,python,<run names>")
    parser.add_argument("--python-steps", type=int, default=60)
    parser.add_argument("--concurrent", action="store_true",
                        help="train fastText in the background, at the same time as the Tagbench runs")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    only = set(filter(None, args.only.split(",")))
    wanted = lambda name: not only or name in only
    results = {}

    def report_fasttext():
        ft = results["fasttext"]
        print(f"fastText ({args.fasttext_args}, {args.threads} threads): {ft['wall_seconds']:.1f} s wall, "
              f"epoch {ft['epoch_seconds']:.2f} s, peak RSS {ft['peak_rss'] / 2**20:.0f} MiB", flush=True)
        print(f"  test @0.5: {fmt(ft['quality']['at_0.5'])}")
        print(f"  test @dev threshold {ft['quality']['dev_threshold']:.2f}: {fmt(ft['quality']['at_dev_threshold'])}")
        print(f"  dev micro-F1 @0.5 {ft['quality']['dev_at_0.5']['f1']:.4f}, @dev threshold "
              f"{ft['quality']['dev_at_dev_threshold']['f1']:.4f}", flush=True)

    jobs = []  # (thread, failures): with --concurrent every training runs at the same time, seeing the same load

    def start(name, fn):
        failure = []

        def job():
            try:
                results[name] = fn()
            except SystemExit as e:
                failure.append(e)
        if args.concurrent:
            jobs.append((threading.Thread(target=job), failure))
            jobs[-1][0].start()
        else:
            job()
            if failure:
                raise failure[0]

    if wanted("fasttext"):
        start("fasttext", lambda: train_fasttext(args))
        if not args.concurrent:
            report_fasttext()

    configs = {name: o for name, o in json.load(open(args.configs)).items() if wanted(name)}
    for name, overrides in configs.items():
        model = overrides.pop("model")
        start(name, lambda name=name, model=model, overrides=overrides:
              {**train_tagbench(args, name, tagbench_config(args, model, overrides)), "model": model})
    for thread, failure in jobs:
        thread.join()
        if failure:
            raise failure[0]
    if args.concurrent and "fasttext" in results:
        report_fasttext()

    for name, overrides in configs.items():
        r = results[name]
        model = r["model"]
        s = r["run"]
        print(f"Tagbench {name} ({model}, {args.threads} threads): {r['wall_seconds']:.1f} s wall, best epoch "
              f"{s['best_epoch']}/{s['epochs_done']}, epoch {s['seconds']['mean_epoch']:.2f} s, "
              f"{s['examples_per_second']:.0f} ex/s, peak RSS {r['peak_rss'] / 2**20:.0f} MiB", flush=True)
        print(f"  test @0.5: {fmt(r['quality']['at_0.5'])}")
        print(f"  test @dev threshold {r['quality']['dev_threshold']:.2f}: {fmt(r['quality']['at_dev_threshold'])}")
        print(f"  dev micro-F1 @0.5 {r['quality']['dev_at_0.5']['f1']:.4f}, @dev threshold "
              f"{r['quality']['dev_at_dev_threshold']['f1']:.4f}")
        for line in r["performance_line"]:
            print("  tagbench-cli " + line, flush=True)

        if model == "TextCNN" and wanted("python"):
            t = {**{"kernel_sizes": [2, 3, 4], "num_kernels": 128, "dropout": 0.5, "max_length": 256},
                 **overrides.get("TextCNN", {})}
            cmd = ["/usr/bin/python3", os.path.join(HERE, "reference_textcnn.py"), "--train", f"{args.data}/train.jsonl",
                   "--threads", str(args.threads), "--batch-size", str(overrides.get("train", {}).get("batch_size", 64)),
                   "--max-length", str(t["max_length"]), "--dim", str(overrides.get("embedding", {}).get("dimension", 128)),
                   "--kernel-sizes", ",".join(map(str, t["kernel_sizes"])), "--num-kernels", str(t["num_kernels"]),
                   "--dropout", str(t["dropout"]), "--steps", str(args.python_steps)]
            _, _, text = run(cmd, os.path.join(args.work, name + "-python.log"))
            py = json.loads(text.strip().splitlines()[-1])
            results[name]["python"] = py
            print(f"  PyTorch reference loop ({args.python_steps} steps, pad to {t['max_length']}): "
                  f"{py['examples_per_second']:.0f} ex/s; Tagbench/PyTorch = "
                  f"{s['examples_per_second'] / py['examples_per_second']:.2f}x", flush=True)
            if s.get("examples_per_cpu_second"):
                print(f"  per CPU-second: Tagbench {s['examples_per_cpu_second']:.0f} ex, PyTorch "
                      f"{py['examples_per_cpu_second']:.0f} ex; ratio {s['examples_per_cpu_second'] / py['examples_per_cpu_second']:.2f}x",
                      flush=True)
    if "fasttext" in results:
        ft = results["fasttext"]
        for name, r in results.items():
            if name == "fasttext":
                continue
            print(f"Tagbench {name} vs fastText: micro-F1 @0.5 {r['quality']['at_0.5']['f1'] - ft['quality']['at_0.5']['f1']:+.4f}, "
                  f"@dev threshold {r['quality']['at_dev_threshold']['f1'] - ft['quality']['at_dev_threshold']['f1']:+.4f}")
            if r["model"] == "FastText":
                print(f"  epoch time ratio Tagbench/fastText: {r['run']['seconds']['mean_epoch'] / ft['epoch_seconds']:.2f}x")
    json.dump(results, open(os.path.join(args.work, "results.json"), "w"), indent=2)


if __name__ == "__main__":
    main()

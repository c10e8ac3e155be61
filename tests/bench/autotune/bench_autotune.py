#!/usr/bin/python3
"""tagbench-cli autotune beside what a user would run instead, in one run on one machine:
scikit-learn TF-IDF + one-vs-rest logistic regression and plain Debian fastText (-loss ova), both
with thresholds chosen on dev (tests/bench/linear/protocol.py), then applied to test.

    /usr/bin/python3 tests/bench/autotune/bench_autotune.py --cli build/bin/tagbench-cli \
        --data ../shared/datasets/debtags-en --budget 900 [--threads 2] [--skip-baselines]

Every choice is made on dev; the test numbers are only read at the end. Prints one table
(test micro-F1, macro-F1, wall seconds, peak RSS) in Markdown for docs/benchmarks.md.
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LINEAR = os.path.join(HERE, "..", "linear")


def run_baseline(script, arguments):
    """Runs a baseline script; returns its RESULT lines as {(name, key): value} and peak RSS."""
    start = time.perf_counter()
    output = subprocess.run(["/usr/bin/python3", os.path.join(LINEAR, script)] + arguments, check=True,
                            capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    results = {}
    for line in output.splitlines():
        if line.startswith("RESULT "):
            _, name, key, value = line.split()
            results[(name, key)] = float(value)
    return results, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


def run_autotune(cli, data, budget, threads, out):
    command = [cli, "autotune", "--train", os.path.join(data, "train.jsonl"), "--dev", os.path.join(data, "dev.jsonl"),
               "--test", os.path.join(data, "test.jsonl"), "--budget", str(budget), "--out", out,
               "--threads", str(threads)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    completed = subprocess.run(command, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024.0
    print(completed.stdout, flush=True)
    found = {}
    for split in ("dev", "test"):
        match = re.search(r"^%s: .*fscore: ([0-9.]+), macro-fscore: ([0-9.]+)" % split, completed.stdout, re.M)
        if not match:
            raise SystemExit("autotune printed no %s line" % split)
        found[split] = (float(match.group(1)), float(match.group(2)))
    chosen = re.search(r"^Chosen: (.*?) \(", completed.stdout, re.M).group(1)
    return found, seconds, peak, chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", required=True, help="folder with train/dev/test .jsonl and .ft.txt")
    parser.add_argument("--budget", type=int, default=900)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--skip-baselines", action="store_true")
    args = parser.parse_args()

    rows = []
    if not args.skip_baselines:
        # Peak RSS of children is a running maximum: run the lighter fastText first.
        results, seconds, peak = run_baseline("fasttext_baseline.py", ["--data", args.data, "--threads", str(args.threads)])
        peak = results.get(("fasttext", "peak_rss_mib"), peak)
        for protocol in ("global", "per_label"):
            rows.append(("fastText -loss ova, %s dev threshold" % protocol.replace("_", "-"),
                         results[("fasttext", protocol + "_dev_micro")], results[("fasttext", protocol + "_test_micro")],
                         results[("fasttext", protocol + "_test_macro")], seconds, peak))
        results, seconds, peak = run_baseline("sklearn_baseline.py", ["--data", args.data, "--C", "4"])
        name = "sklearn_word12_C4"
        peak = results.get(("sklearn_word12", "peak_rss_mib"), peak)  # its own process, not the children's maximum
        for protocol in ("global", "per_label"):
            rows.append(("sklearn TF-IDF + LR (C=4), %s dev threshold" % protocol.replace("_", "-"),
                         results[(name, protocol + "_dev_micro")], results[(name, protocol + "_test_micro")],
                         results[(name, protocol + "_test_macro")], seconds, peak))
    with tempfile.TemporaryDirectory() as work:
        found, seconds, peak, chosen = run_autotune(args.cli, args.data, args.budget, args.threads, os.path.join(work, "run"))
    rows.append(("tagbench autotune --budget %d (%s)" % (args.budget, chosen), found["dev"][0], found["test"][0], found["test"][1],
                 seconds, peak))

    print("| system | dev micro-F1 | test micro-F1 | test macro-F1 | wall s | peak RSS MiB |")
    print("|---|---|---|---|---|---|")
    for name, dev_micro, micro, macro, wall, rss in rows:
        print("| %s | %.4f | %.4f | %.4f | %.0f | %.0f |" % (name, dev_micro, micro, macro, wall, rss))
    print("load average at the end: %.2f %.2f %.2f on %d cores" % (os.getloadavg() + (os.cpu_count(),)))


if __name__ == "__main__":
    main()

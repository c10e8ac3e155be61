#!/usr/bin/python3
"""Debian fastText reference for the Linear model: `fasttext supervised -loss ova -epoch 25
-lr 0.5 -wordNgrams 2 -dim 100` on SPLIT.ft.txt, thresholds chosen on dev (protocol.py).

    /usr/bin/python3 tests/bench/linear/fasttext_baseline.py --data ../shared/datasets/debtags-en \
        [--threads N] [--fasttext /usr/bin/fasttext]

Prints "RESULT fasttext <key> <value>" lines, as sklearn_baseline.py does.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402

PREFIX = "__label__"


def read_gold(path):
    documents = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            documents.append({"labels": [t[len(PREFIX):] for t in line.split() if t.startswith(PREFIX)]})
    return documents


def predict(fasttext, model, path, labels):
    """All label probabilities of every line of path (predict-prob with k = -1, threshold 0)."""
    index = {label: i for i, label in enumerate(labels)}
    output = subprocess.run([fasttext, "predict-prob", model, path, "-1", "0.0"], check=True,
                            capture_output=True, text=True).stdout.splitlines()
    scores = np.zeros((len(output), len(labels)))
    for row, line in enumerate(output):
        tokens = line.split()
        for label, probability in zip(tokens[0::2], tokens[1::2]):
            if label[len(PREFIX):] in index:
                scores[row, index[label[len(PREFIX):]]] = float(probability)
    return scores


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="folder with train/dev/test.ft.txt")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--fasttext", default="/usr/bin/fasttext")
    args = parser.parse_args()
    paths = {split: os.path.join(args.data, split + ".ft.txt") for split in ("train", "dev", "test")}
    train = read_gold(paths["train"])
    labels = sorted({label for document in train for label in document["labels"]})
    dev_gold = protocol.gold_matrix(read_gold(paths["dev"]), labels)
    test_gold = protocol.gold_matrix(read_gold(paths["test"]), labels)

    with tempfile.TemporaryDirectory() as work:
        model = os.path.join(work, "model")
        start = time.perf_counter()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([args.fasttext, "supervised", "-input", paths["train"], "-output", model, "-loss", "ova",
                        "-epoch", "25", "-lr", "0.5", "-wordNgrams", "2", "-dim", "100", "-thread", str(args.threads),
                        "-verbose", "0"], check=True)
        train_seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        train_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
        peak_rss_mib = after.ru_maxrss / 1024.0  # the largest child: fastText's training
        dev_scores = predict(args.fasttext, model + ".bin", paths["dev"], labels)
        test_scores = predict(args.fasttext, model + ".bin", paths["test"], labels)
    print("fasttext: trained in %.1f s with %d threads" % (train_seconds, args.threads), flush=True)
    print("RESULT fasttext train_seconds %.3f" % train_seconds)
    print("RESULT fasttext train_cpu_seconds %.3f" % train_cpu)
    print("RESULT fasttext peak_rss_mib %.1f" % peak_rss_mib)
    protocol.report("fasttext", dev_scores, dev_gold, test_scores, test_gold)


if __name__ == "__main__":
    main()

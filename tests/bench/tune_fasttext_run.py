#!/usr/bin/python3
"""Makes a RUN_DIR with scores/dev.scores and scores/test.scores from Debian's fastText, so that
`tagbench-cli tune` can be tried on real long-tail data before a Tagbench model is trained.

  tune_fasttext_run.py DATASET_DIR RUN_DIR [epochs]

DATASET_DIR holds {train,dev,test}.ft.txt and {dev,test}.jsonl (ids and gold labels), e.g.
/work/shared/datasets/debtags-en. fastText is trained one-vs-all (independent sigmoids, like
a multi-label Tagbench model); its per-label probabilities become the score matrices, written
in the format described in core/eval/ScoreMatrix.h.
"""
import json
import os
import struct
import subprocess
import sys


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_scores(path, labels, docs, probabilities):
    index = {label: i for i, label in enumerate(labels)}

    def string(text):
        data = text.encode("utf-8")
        return struct.pack("<I", len(data)) + data

    gold = [sorted({index[l] for l in doc["labels"] if l in index}) for doc in docs]
    out = bytearray(b"TBSCORES")
    out += struct.pack("<IIQQQ", 1, 0, len(docs), len(labels), sum(map(len, gold)))
    for label in labels:
        out += string(label)
    for doc in docs:
        out += string(doc["id"])
    offset = 0
    out += struct.pack("<Q", 0)
    for g in gold:
        offset += len(g)
        out += struct.pack("<Q", offset)
    for g in gold:
        out += struct.pack(f"<{len(g)}I", *g)
    for row in probabilities:
        scores = [0.0] * len(labels)
        for label, p in row.items():
            if label in index:
                scores[index[label]] = p
        out += struct.pack(f"<{len(labels)}f", *scores)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, path)


def predict(model, ft_path):
    result = subprocess.run(["fasttext", "predict-prob", model, ft_path, "-1", "0.0"],
                            check=True, capture_output=True, text=True)
    rows = []
    for line in result.stdout.splitlines():
        parts = line.split()
        rows.append({parts[i][len("__label__"):]: float(parts[i + 1]) for i in range(0, len(parts), 2)})
    return rows


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    data, run = sys.argv[1], sys.argv[2]
    epochs = sys.argv[3] if len(sys.argv) > 3 else "25"
    os.makedirs(os.path.join(run, "scores"), exist_ok=True)
    model = os.path.join(run, "fasttext")
    subprocess.run(["fasttext", "supervised", "-input", os.path.join(data, "train.ft.txt"), "-output", model,
                    "-loss", "ova", "-epoch", epochs, "-lr", "0.5", "-wordNgrams", "2", "-thread", "2",
                    "-verbose", "0"], check=True)
    labels = sorted({l for doc in read_jsonl(os.path.join(data, "train.jsonl")) for l in doc["labels"]})
    with open(os.path.join(run, "labels.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(labels) + "\n")
    with open(os.path.join(run, "config.json"), "w", encoding="utf-8") as f:
        json.dump({"eval": {"threshold": 0.5, "top_k": 0}}, f)
    for split in ("dev", "test"):
        docs = read_jsonl(os.path.join(data, f"{split}.jsonl"))
        rows = predict(model + ".bin", os.path.join(data, f"{split}.ft.txt"))
        if len(rows) != len(docs):
            sys.exit(f"{split}: {len(rows)} predictions for {len(docs)} documents")
        write_scores(os.path.join(run, "scores", f"{split}.scores"), labels, docs, rows)
    os.remove(model + ".bin")
    print(f"wrote {run}: {len(labels)} labels")


if __name__ == "__main__":
    main()

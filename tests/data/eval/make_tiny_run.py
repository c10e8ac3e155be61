#!/usr/bin/python3
"""Writes tiny_run/, the RUN_DIR fixture of the `tagbench-cli tune` tests.

The score files are written here with `struct`, independently of core/eval/ScoreMatrix.cpp,
so that the tests also check the file format against its description in ScoreMatrix.h.
Run it again only to change the fixture: ./make_tiny_run.py
"""
import json
import os
import random
import struct

LABELS = ["新车上市", "谍照", "新车报价", "试驾"]
# Per label: how often it is gold, and the score ranges of gold and non-gold documents.
# 谍照 is scored low by the "model" (its gold documents mostly under 0.5), so a per-label
# threshold helps; 试驾 is rare (support below the default --min-support 5).
PROFILE = {
    "新车上市": (0.45, (0.45, 0.95), (0.05, 0.6)),
    "谍照": (0.35, (0.25, 0.6), (0.0, 0.3)),
    "新车报价": (0.3, (0.4, 0.9), (0.05, 0.55)),
    "试驾": (0.08, (0.3, 0.8), (0.0, 0.35)),
}


def grid(rng, low, high):
    # Scores on a 0.05 grid so that several documents tie exactly.
    return round(rng.randint(round(low * 20), round(high * 20)) / 20.0, 2)


def split(rng, prefix, documents):
    rows = []
    for d in range(documents):
        scores, gold = [], []
        for index, label in enumerate(LABELS):
            frequency, positive, negative = PROFILE[label]
            is_gold = rng.random() < frequency
            scores.append(grid(rng, *(positive if is_gold else negative)))
            if is_gold:
                gold.append(index)
        rows.append((f"{prefix}-{d:03d}", scores, gold))
    return rows


def write_scores(path, rows):
    def string(text):
        data = text.encode("utf-8")
        return struct.pack("<I", len(data)) + data

    gold_count = sum(len(gold) for _, _, gold in rows)
    out = bytearray(b"TBSCORES")
    out += struct.pack("<IIQQQ", 1, 0, len(rows), len(LABELS), gold_count)
    for label in LABELS:
        out += string(label)
    for doc_id, _, _ in rows:
        out += string(doc_id)
    offset = 0
    out += struct.pack("<Q", 0)
    for _, _, gold in rows:
        offset += len(gold)
        out += struct.pack("<Q", offset)
    for _, _, gold in rows:
        out += struct.pack(f"<{len(gold)}I", *gold)
    for _, scores, _ in rows:
        out += struct.pack(f"<{len(scores)}f", *scores)
    with open(path, "wb") as f:
        f.write(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    run = os.path.join(here, "tiny_run")
    os.makedirs(os.path.join(run, "scores"), exist_ok=True)
    rng = random.Random(20261124)
    with open(os.path.join(run, "labels.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(LABELS) + "\n")
    with open(os.path.join(run, "config.json"), "w", encoding="utf-8") as f:
        json.dump({"eval": {"threshold": 0.5, "top_k": 0}}, f, indent=2)
        f.write("\n")
    write_scores(os.path.join(run, "scores", "dev.scores"), split(rng, "dev", 40))
    write_scores(os.path.join(run, "scores", "test.scores"), split(rng, "test", 30))


if __name__ == "__main__":
    main()

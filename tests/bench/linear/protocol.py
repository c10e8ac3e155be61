"""The threshold protocol and metrics every linear baseline reports, shared by
sklearn_baseline.py and fasttext_baseline.py; bench_linear.cpp implements the same rules.

Thresholds are chosen on dev only, then applied to test:
  global     one threshold for every label, the one with the best dev micro-F1
  per-label  per label, the threshold with the best dev F1 of that label; a label without a dev
             positive keeps the global threshold
Candidates are the dev scores themselves (a score equal to the threshold is predicted); among
equal F1 the highest threshold wins.
Micro-F1 pools all labels; macro-F1 is Tagbench's (core/eval/Metrics.h, NeuralClassifier's):
the mean F1 over the labels that are in the gold sets or in the predictions.
"""
import json
import resource

import numpy as np


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_matrix(documents, labels):
    index = {label: i for i, label in enumerate(labels)}
    gold = np.zeros((len(documents), len(labels)), dtype=bool)
    for d, document in enumerate(documents):
        for label in document["labels"]:
            gold[d, index[label]] = True
    return gold


def best_threshold(scores, gold):
    """(threshold, F1) maximising F1 of `scores >= threshold` over the flattened arrays."""
    scores, gold = np.ravel(scores), np.ravel(gold)
    positives = int(gold.sum())
    if positives == 0 or scores.size == 0:
        return None, 0.0
    order = np.argsort(-scores, kind="stable")
    ranked, hits = scores[order], gold[order]
    true_positives = np.cumsum(hits)
    predicted = np.arange(1, ranked.size + 1)
    f1 = 2.0 * true_positives / (predicted + positives)
    # Only the last position of a run of equal scores is a threshold one can set.
    f1[np.r_[ranked[1:] == ranked[:-1], False]] = -1.0
    best = int(np.argmax(f1))  # first maximum: the highest threshold
    return float(ranked[best]), float(f1[best])


def choose_thresholds(dev_scores, dev_gold):
    """(global threshold, per-label thresholds array)."""
    global_threshold, _ = best_threshold(dev_scores, dev_gold)
    per_label = np.full(dev_scores.shape[1], global_threshold)
    for label in range(dev_scores.shape[1]):
        threshold, _ = best_threshold(dev_scores[:, label], dev_gold[:, label])
        if threshold is not None:
            per_label[label] = threshold
    return global_threshold, per_label


def metrics(scores, gold, thresholds):
    """(micro-F1, macro-F1) of scores >= thresholds (a scalar or one per label)."""
    predicted = scores >= thresholds
    true_positives = (predicted & gold).sum(axis=0)
    predict, standard = predicted.sum(axis=0), gold.sum(axis=0)
    micro = 2.0 * true_positives.sum() / max(1, predict.sum() + standard.sum())
    present = (predict + standard) > 0
    f1 = 2.0 * true_positives[present] / (predict[present] + standard[present])
    macro = float(f1.mean()) if f1.size else 0.0
    return float(micro), macro


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def report(prefix, dev_scores, dev_gold, test_scores, test_gold, show_test=True):
    """Prints RESULT lines (parsed by bench_linear) for both threshold protocols; the
    thresholds come from dev alone. show_test=False prints dev numbers only (exploration)."""
    global_threshold, per_label = choose_thresholds(dev_scores, dev_gold)
    out = {}
    for name, thresholds in (("global", global_threshold), ("per_label", per_label)):
        out[name + "_dev_micro"], out[name + "_dev_macro"] = metrics(dev_scores, dev_gold, thresholds)
        if show_test:
            out[name + "_test_micro"], out[name + "_test_macro"] = metrics(test_scores, test_gold, thresholds)
    out["global_threshold"] = global_threshold
    for key, value in out.items():
        print("RESULT %s %s %.6f" % (prefix, key, value), flush=True)
    return out

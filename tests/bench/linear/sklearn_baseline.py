#!/usr/bin/python3
"""scikit-learn reference for the Linear model: TF-IDF (word 1-2 grams, sublinear tf, min_df 2;
optionally + char_wb 2-5 grams as a FeatureUnion) and one-vs-rest
LogisticRegression(solver="liblinear"), thresholds chosen on dev (protocol.py).

    /usr/bin/python3 tests/bench/linear/sklearn_baseline.py --data ../shared/datasets/debtags-en \
        [--char-wb] [--C 4] [--jobs 1] [--dev-only]

With several --C values (e.g. --C 1,2,4,8) each is trained and the C with the best dev micro-F1
(per-label thresholds) is the one reported as "chosen"; test is never used to choose.
Prints human-readable lines and "RESULT <name> <key> <value>" lines that bench_linear parses.
"""
import argparse
import os
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402


def features(char_wb):
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    if not char_wb:
        return word
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    return FeatureUnion([("word", word), ("char_wb", chars)])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="folder with train/dev/test.jsonl")
    parser.add_argument("--char-wb", action="store_true", help="add char_wb 2-5 grams (FeatureUnion)")
    parser.add_argument("--C", default="4", help="comma-separated C values; the best on dev is chosen")
    parser.add_argument("--jobs", type=int, default=None, help="OneVsRestClassifier n_jobs (default: one core)")
    parser.add_argument("--dev-only", action="store_true", help="print dev numbers only")
    args = parser.parse_args()

    train, dev, test = (protocol.read_jsonl(os.path.join(args.data, split + ".jsonl")) for split in ("train", "dev", "test"))
    labels = sorted({label for document in train for label in document["labels"]})
    y_train = protocol.gold_matrix(train, labels)
    dev_gold, test_gold = protocol.gold_matrix(dev, labels), protocol.gold_matrix(test, labels)
    name = "sklearn_word12" + ("_charwb25" if args.char_wb else "")

    start, cpu = time.perf_counter(), time.process_time()
    vectorizer = features(args.char_wb)
    x_train = vectorizer.fit_transform([d["text"] for d in train])
    x_dev = vectorizer.transform([d["text"] for d in dev])
    x_test = vectorizer.transform([d["text"] for d in test])
    vectorize_seconds, vectorize_cpu = time.perf_counter() - start, time.process_time() - cpu
    print("%s: %d features, %d train documents, %d labels, vectorized in %.1f s"
          % (name, x_train.shape[1], x_train.shape[0], len(labels), vectorize_seconds), flush=True)
    print("RESULT %s features %d" % (name, x_train.shape[1]))
    print("RESULT %s vectorize_seconds %.3f" % (name, vectorize_seconds))
    print("RESULT %s vectorize_cpu_seconds %.3f" % (name, vectorize_cpu))

    best = None
    for c in [float(value) for value in args.C.split(",")]:
        start, cpu = time.perf_counter(), time.process_time()
        model = OneVsRestClassifier(LogisticRegression(solver="liblinear", C=c), n_jobs=args.jobs)
        model.fit(x_train, y_train)
        train_seconds, train_cpu = time.perf_counter() - start, time.process_time() - cpu
        start = time.perf_counter()
        dev_scores, test_scores = model.predict_proba(x_dev), model.predict_proba(x_test)
        predict_seconds = time.perf_counter() - start
        tag = "%s_C%g" % (name, c)
        print("%s: trained in %.1f s, scored dev+test in %.2f s" % (tag, train_seconds, predict_seconds), flush=True)
        print("RESULT %s train_seconds %.3f" % (tag, train_seconds))
        print("RESULT %s train_cpu_seconds %.3f" % (tag, train_cpu))
        result = protocol.report(tag, dev_scores, dev_gold, test_scores, test_gold, show_test=not args.dev_only)
        if best is None or result["per_label_dev_micro"] > best[1]["per_label_dev_micro"]:
            best = (c, result)
        del model
    print("RESULT %s chosen_C %g" % (name, best[0]))
    print("RESULT %s peak_rss_mib %.1f" % (name, protocol.peak_rss_mib()), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes the scikit-learn reference outputs that tests/core/model/linear compare against.

    /usr/bin/python3 tests/data/linear/make_fixtures.py      # Debian python3-sklearn 1.2.1

Reads corpus.jsonl beside this script (the first TRAIN_DOCUMENTS documents are the training set,
the rest are held out and only transformed) and writes, also beside it:
  analyzers.json  n-gram sequences of build_analyzer() and the code point classes of Python's re
  tfidf.json      vocabulary, document frequencies, idf and CSR values of TfidfVectorizer configs
  linear.json     decision values of LogisticRegression(solver="liblinear") and LinearSVC
The tests read these files and never run Python.
"""
import json
import os
import re
import sys
import unicodedata

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN_DOCUMENTS = 26

# (name, TfidfVectorizer parameters); the C++ test builds TfidfOptions from the same dict.
TFIDF_CONFIGS = [
    ("word_default", {}),
    ("word_12_sublinear_min_df_2", {"ngram_range": (1, 2), "sublinear_tf": True, "min_df": 2}),
    ("word_13_l1_no_smooth_max_df_half", {"ngram_range": (1, 3), "norm": "l1", "smooth_idf": False, "max_df": 0.5}),
    ("word_12_max_features", {"ngram_range": (1, 2), "max_features": None}),  # set below: a cut without a tie
    ("word_no_idf_no_norm_cased", {"use_idf": False, "norm": None, "lowercase": False}),
    ("word_23_min_df_fraction_max_df_count", {"ngram_range": (2, 3), "min_df": 0.05, "max_df": 3}),
    ("char_wb_25_sublinear", {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True}),
    ("char_wb_14_min_df_2", {"analyzer": "char_wb", "ngram_range": (1, 4), "min_df": 2}),
    ("char_13", {"analyzer": "char", "ngram_range": (1, 3)}),
    ("char_34_cased_l1_max_df", {"analyzer": "char", "ngram_range": (3, 4), "lowercase": False, "max_df": 0.9,
                                 "sublinear_tf": True, "norm": "l1"}),
]
# FeatureUnion of two configs above: hstack of separately fitted vectorizers.
UNIONS = [("union_word_12_char_wb_25", ["word_12_sublinear_min_df_2", "char_wb_25_sublinear"])]

# Analyzer sequences: every corpus text through these analyzers, order included.
ANALYZERS = [
    {"analyzer": "word", "ngram_range": (1, 3), "lowercase": True},
    {"analyzer": "word", "ngram_range": (2, 2), "lowercase": False},
    {"analyzer": "char", "ngram_range": (1, 3), "lowercase": True},
    {"analyzer": "char_wb", "ngram_range": (1, 5), "lowercase": True},
    {"analyzer": "char_wb", "ngram_range": (3, 3), "lowercase": False},
]

# Linear cases on the features of one TF-IDF config; tol tight so that both liblinear builds
# (sklearn's bundled copy, Debian's liblinear 2.3) stop next to the same optimum.
LINEAR_FEATURES = "word_12_sublinear_min_df_2"
LINEAR_CASES = [
    ("lr_C4", "lr", {"C": 4.0}),
    ("lr_C0.5_balanced", "lr", {"C": 0.5, "class_weight": "balanced"}),
    ("lr_C1_positive_weight_3", "lr", {"C": 1.0, "class_weight": {1: 3.0}}),
    ("lr_C2_no_intercept", "lr", {"C": 2.0, "fit_intercept": False}),
    ("lr_C2_intercept_scaling_3", "lr", {"C": 2.0, "intercept_scaling": 3.0}),
    ("lr_dual_C2", "lr", {"C": 2.0, "dual": True}),
    ("svm_C1", "svm", {"C": 1.0, "dual": False}),
    ("svm_dual_C1", "svm", {"C": 1.0, "dual": True}),
]


def load_corpus():
    with open(os.path.join(HERE, "corpus.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def csr_json(matrix):
    matrix = sp.csr_matrix(matrix)
    matrix.sort_indices()
    # Nine significant digits: more than the float32 values the C++ side produces carry.
    return {"indptr": matrix.indptr.tolist(), "indices": matrix.indices.tolist(),
            "data": [float("%.9g" % v) for v in matrix.data]}


def code_point_ranges(predicate):
    ranges, start = [], None
    for cp in range(0x110000 + 1):
        inside = cp < 0x110000 and predicate(chr(cp))
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            ranges.append([start, cp - 1])
            start = None
    return ranges


def max_features_without_tie(texts, params):
    """A max_features cut that falls between two different total counts (numpy's argsort is not
    stable, so a cut inside a tie would make sklearn's choice arbitrary)."""
    full = TfidfVectorizer(**params).fit(texts)
    counts = np.asarray(
        TfidfVectorizer(**params, use_idf=False, norm=None).fit_transform(texts).sum(axis=0)).ravel()
    order = np.sort(counts)[::-1]
    cuts = [k for k in range(1, len(order)) if order[k - 1] != order[k]]
    if not cuts:
        sys.exit("no tie-free max_features cut in " + str(len(full.vocabulary_)) + " features")
    return cuts[-1]  # the largest: keeps every feature counted more than the least counted


def params_json(params):
    """The parameters for the C++ side; min_df/max_df as Python spells them ("2" is a count,
    "0.5" and "1.0" are fractions), since JSON numbers lose that distinction."""
    out = {}
    for key, value in params.items():
        if key in ("min_df", "max_df"):
            out[key] = repr(value)
        else:
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def tfidf_entry(name, params, vectorizer, train, held_out):
    features = vectorizer.get_feature_names_out().tolist()
    df = np.asarray((vectorizer.transform(train) > 0).sum(axis=0)).ravel()
    entry = {"name": name, "params": params_json(params),
             "features": features, "document_frequency": df.tolist(),
             "train": csr_json(vectorizer.transform(train)), "held_out": csr_json(vectorizer.transform(held_out))}
    if vectorizer.use_idf:
        entry["idf"] = vectorizer.idf_.tolist()
    return entry


def main():
    corpus = load_corpus()
    texts = [d["text"] for d in corpus]
    train, held_out = texts[:TRAIN_DOCUMENTS], texts[TRAIN_DOCUMENTS:]
    versions = {"sklearn": sklearn.__version__, "python": sys.version.split()[0],
                "unicode": unicodedata.unidata_version}

    word = re.compile(r"\w")
    analyzers = {"versions": versions,
                 "word_char_ranges": code_point_ranges(lambda c: word.match(c) is not None),
                 "space_ranges": code_point_ranges(str.isspace),
                 "unassigned_ranges": code_point_ranges(lambda c: unicodedata.category(c) == "Cn"),
                 "lowercase": [{"text": t, "lower": t.lower()} for t in texts],
                 "sequences": []}
    for params in ANALYZERS:
        analyze = TfidfVectorizer(**params).build_analyzer()
        analyzers["sequences"].append({"params": params_json(params),
                                       "ngrams": [analyze(t) for t in texts]})

    configs = dict(TFIDF_CONFIGS)
    configs["word_12_max_features"]["max_features"] = max_features_without_tie(
        train, {k: v for k, v in configs["word_12_max_features"].items() if k != "max_features"})
    tfidf = {"versions": versions, "train_documents": TRAIN_DOCUMENTS, "configs": [], "unions": []}
    fitted = {}
    for name, params in TFIDF_CONFIGS:
        vectorizer = TfidfVectorizer(**configs[name]).fit(train)
        fitted[name] = vectorizer
        tfidf["configs"].append(tfidf_entry(name, configs[name], vectorizer, train, held_out))
    for name, parts in UNIONS:
        union = FeatureUnion([(p, TfidfVectorizer(**configs[p])) for p in parts]).fit(train)
        tfidf["unions"].append({"name": name, "blocks": parts, "train": csr_json(union.transform(train)),
                                "held_out": csr_json(union.transform(held_out))})

    vectorizer = fitted[LINEAR_FEATURES]
    x_train, x_all = vectorizer.transform(train), vectorizer.transform(texts)
    labels = sorted({label for d in corpus[:TRAIN_DOCUMENTS] for label in d["labels"]})
    linear = {"versions": versions, "features": LINEAR_FEATURES, "labels": labels, "cases": []}
    for name, kind, params in LINEAR_CASES:
        case = {"name": name, "kind": kind, "params": {k: (v if not isinstance(v, dict) else {"1": v[1]})
                                                        for k, v in params.items()},
                "decision": [], "intercept": []}
        for label in labels:
            y = np.array([1 if label in d["labels"] else 0 for d in corpus[:TRAIN_DOCUMENTS]])
            if kind == "lr":
                model = LogisticRegression(solver="liblinear", tol=1e-8, max_iter=10000, **params)
            else:
                model = LinearSVC(tol=1e-8, max_iter=100000, **params)
            model.fit(x_train, y)
            case["decision"].append([float("%.9g" % v) for v in model.decision_function(x_all)])
            case["intercept"].append(float(np.ravel(model.intercept_)[0]) if model.fit_intercept else 0.0)
        linear["cases"].append(case)

    for name, data in (("analyzers.json", analyzers), ("tfidf.json", tfidf), ("linear.json", linear)):
        with open(os.path.join(HERE, name), "w", encoding="ascii") as f:
            json.dump(data, f, ensure_ascii=True, separators=(",", ":"))
            f.write("\n")
        print("wrote", name, os.path.getsize(os.path.join(HERE, name)), "bytes")


if __name__ == "__main__":
    main()

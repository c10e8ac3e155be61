#!/usr/bin/env python3
"""Regenerates the tiny training fixtures (deterministic). Labels follow keywords, with noise
words shared by all topics, so a model must learn which words matter; chance-level micro-F1
is about 0.3."""
import json
import random

TOPICS = {
    "sport": "match goal team league coach score player stadium".split(),
    "car": "engine sedan wheel brake suv dealer mileage turbo".split(),
    "food": "recipe kitchen flavor spicy noodle bake dessert chef".split(),
    "music": "album guitar concert melody singer band chorus tempo".split(),
    "tech": "software chip server laptop code network cloud app".split(),
    "travel": "flight hotel beach passport tour island ticket museum".split(),
}
FILLER = "the a of and new with for this today great more about very people year some".split()


def document(rng, labels):
    words = []
    for label in labels:
        words += rng.sample(TOPICS[label], 3)
    words += [rng.choice(FILLER) for _ in range(rng.randint(4, 10))]
    rng.shuffle(words)
    return " ".join(words)


def write(path, rng, count, single):
    names = sorted(TOPICS)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            labels = [rng.choice(names)] if single else rng.sample(names, rng.choice([1, 1, 2]))
            out.write(json.dumps({"id": f"d{i}", "text": document(rng, labels), "labels": sorted(labels)}) + "\n")


rng = random.Random(7)
write("train.jsonl", rng, 240, False)
write("dev.jsonl", rng, 60, False)
write("test.jsonl", rng, 60, False)
write("single_train.jsonl", rng, 240, True)
write("single_dev.jsonl", rng, 60, True)

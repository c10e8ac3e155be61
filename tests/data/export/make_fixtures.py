#!/usr/bin/env python3
"""Regenerates the tiny bundle/prediction fixtures (deterministic). Hierarchical labels with
Chinese names; each label has keywords, mixed with filler shared by all labels, so a model has
something to learn in a few epochs."""
import csv
import json
import random

TOPICS = {
    "新车::上市": "上市 发布 正式 亮相 新款 launch debut 首发".split(),
    "新车::谍照": "谍照 曝光 伪装 路试 spy 测试车 偷拍 实车".split(),
    "新车::报价": "报价 售价 万元 优惠 price 指导价 降价 订金".split(),
    "用车::保养": "保养 机油 轮胎 刹车 service 滤芯 换油 养护".split(),
    "赛事": "比赛 车手 冠军 赛道 race 圈速 领奖台 排位".split(),
}
FILLER = "汽车 今天 品牌 车型 the a of 记者 消息 市场 新 更多 用户 年".split()


def document(rng, labels):
    words = []
    for label in labels:
        words += rng.sample(TOPICS[label], 3)
    words += [rng.choice(FILLER) for _ in range(rng.randint(3, 9))]
    rng.shuffle(words)
    return " ".join(words)


def records(rng, count):
    names = sorted(TOPICS)
    for i in range(count):
        labels = rng.sample(names, rng.choice([1, 1, 2]))
        yield {"id": f"n{i}", "text": document(rng, labels), "labels": sorted(labels)}


rng = random.Random(11)
for name, count in (("train", 200), ("dev", 40)):
    with open(f"{name}.jsonl", "w", encoding="utf-8") as out:
        for record in records(rng, count):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

# Prediction inputs: JSON lines without labels (one without an id), and CSV with a label column.
with open("unlabelled.jsonl", "w", encoding="utf-8") as out:
    for i, record in enumerate(records(rng, 6)):
        item = {"text": record["text"]} if i == 2 else {"id": record["id"], "text": record["text"]}
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
with open("labelled.csv", "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out)
    writer.writerow(["id", "text", "labels"])
    for record in records(rng, 5):
        writer.writerow([record["id"], record["text"], ",".join(record["labels"])])

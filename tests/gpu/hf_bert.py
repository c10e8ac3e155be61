#!/usr/bin/env python3
"""BERT-base on the GPU for tests/gpu/device-check.sh: the Hugging Face side, and the checkpoint
both sides start from.

  hf_bert.py make-checkpoint --out DIR --texts train.jsonl
      writes a randomly initialised bert-base-sized BertForSequenceClassification (12 layers,
      hidden 768, 12 heads, intermediate 3072, vocab 21128 like bert-base-chinese) as a Hugging
      Face folder: config.json, model.safetensors, vocab.txt ([PAD], [unused1-99], [UNK], [CLS],
      [SEP], [MASK], ASCII, the texts' characters, padded with [unusedN] to 21128), so that
      `tagbench-cli train` (model BERT) fine-tunes the very same weights;
  hf_bert.py bench --checkpoint DIR --texts train.jsonl [--attention eager|sdpa] [--padding max_length|longest]
      fine-tunes it with transformers' BertForSequenceClassification (multi-label, BCEWithLogits
      mean), AdamW lr 2e-5, batch 16, max_length 128, bf16 autocast, and prints one JSON line:
      steps/s over the timed steps (after warm-up), peak GPU memory.
"""
import argparse
import json
import os
import time

import torch


def read(path, limit=0):
    docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    return docs[:limit] if limit else docs


def vocabulary(texts, size=21128):
    vocab = ["[PAD]"] + [f"[unused{i}]" for i in range(1, 100)] + ["[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    seen = set(vocab)

    def add(token):
        if token not in seen:
            seen.add(token)
            vocab.append(token)
    for c in range(ord("!"), ord("~") + 1):
        add(chr(c))
    for c in "abcdefghijklmnopqrstuvwxyz0123456789":
        add("##" + c)
    for text in texts:
        for ch in text:
            if ord(ch) >= 0x80:
                add(ch)
    vocab += [f"[unused{i}]" for i in range(len(vocab), size)]
    return vocab


def labels_of(docs):
    return sorted({l for d in docs for l in d["labels"]})


def make_checkpoint(args):
    from transformers import BertConfig, BertForSequenceClassification
    docs = read(args.texts)
    labels = labels_of(docs)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocabulary(d["text"] for d in docs)) + "\n")
    json.dump({"do_lower_case": True, "tokenize_chinese_chars": True, "model_max_length": 512},
              open(os.path.join(args.out, "tokenizer_config.json"), "w"))
    config = BertConfig(vocab_size=21128, num_labels=len(labels), problem_type="multi_label_classification")
    torch.manual_seed(3)
    BertForSequenceClassification(config).save_pretrained(args.out, safe_serialization=True)
    print(json.dumps({"checkpoint": args.out, "labels": len(labels), "documents": len(docs)}))


def tokenize(args, texts):
    try:
        from transformers import AutoTokenizer
        tokenizer = AutoTokenizer.from_pretrained(args.checkpoint)
        return lambda batch: tokenizer(batch, padding=args.padding, truncation=True, max_length=128, return_tensors="pt")
    except Exception as error:  # a transformers without this tokenizer: characters through vocab.txt
        print(f"# AutoTokenizer failed ({error}); tokenizing characters through vocab.txt")
        ids = {t: i for i, t in enumerate(open(os.path.join(args.checkpoint, "vocab.txt"), encoding="utf-8").read().split("\n"))}

        def encode(batch):
            rows = [[101] + [ids.get(c.lower(), 100) for c in t if not c.isspace()][:126] + [102] for t in batch]
            width = 128 if args.padding == "max_length" else max(map(len, rows))
            input_ids = torch.tensor([r + [0] * (width - len(r)) for r in rows])
            return {"input_ids": input_ids, "attention_mask": (input_ids != 0).long()}
        return encode


def bench(args):
    from transformers import BertForSequenceClassification
    device = torch.device(args.device)
    docs = read(args.texts)
    labels = labels_of(docs)
    model = BertForSequenceClassification.from_pretrained(args.checkpoint, attn_implementation=args.attention).to(device)
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5, weight_decay=0.01)
    encode = tokenize(args, [d["text"] for d in docs])
    batches = []
    for start in range(0, len(docs), 16):
        rows = docs[start:start + 16]
        enc = encode([d["text"] for d in rows])
        target = torch.zeros(len(rows), len(labels))
        for i, d in enumerate(rows):
            for l in d["labels"]:
                target[i, labels.index(l)] = 1.0
        batches.append(({k: v.to(device) for k, v in enc.items() if k in ("input_ids", "attention_mask")}, target.to(device)))
    loss_fn = torch.nn.BCEWithLogitsLoss()

    def step(inputs, target):
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(**inputs).logits
        loss = loss_fn(logits.float(), target)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return loss
    for inputs, target in batches[: args.warmup]:
        step(inputs, target)
    torch.cuda.synchronize(device)
    torch.cuda.reset_peak_memory_stats(device)
    timed = batches[args.warmup:][: args.steps] if args.steps else batches[args.warmup:]
    start = time.perf_counter()
    for inputs, target in timed:
        loss = step(inputs, target)
    torch.cuda.synchronize(device)
    seconds = time.perf_counter() - start
    print(json.dumps({"attention": args.attention, "padding": args.padding, "bf16": args.bf16, "steps": len(timed),
                      "seconds": seconds, "steps_per_second": len(timed) / seconds, "loss": float(loss),
                      "peak_device_memory_bytes": torch.cuda.max_memory_allocated(device),
                      "tokens_per_batch": sum(int(b[0]["input_ids"].numel()) for b in timed) / len(timed)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("make-checkpoint")
    make.add_argument("--out", required=True)
    make.add_argument("--texts", required=True)
    run = sub.add_parser("bench")
    run.add_argument("--checkpoint", required=True)
    run.add_argument("--texts", required=True)
    run.add_argument("--device", default="cuda")
    run.add_argument("--attention", default="eager", choices=["eager", "sdpa"])
    run.add_argument("--padding", default="max_length", choices=["max_length", "longest"])
    run.add_argument("--bf16", type=int, default=1)
    run.add_argument("--warmup", type=int, default=3)
    run.add_argument("--steps", type=int, default=0, help="timed steps after the warm-up (0 = the rest of one epoch)")
    args = parser.parse_args()
    make_checkpoint(args) if args.command == "make-checkpoint" else bench(args)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference fastText-style training loop in plain PyTorch (CPU or CUDA), for the GPU benchmark of
tests/gpu/device-check.sh next to Tagbench's FastText-style model.

Same model as Tagbench's FastText kind: an EmbeddingBag (mean) over the word ids plus hashed word
bigrams (--buckets rows after the vocabulary), a Linear layer to the labels, BCEWithLogits summed
over labels and averaged over the batch, SGD at --lr (fastText's lr per example x batch) with
fastText's linear decay. Tokens as reference_textcnn.py (lowercase runs of letters/digits).
Batches are built from pre-encoded lists each step (ids, offsets), as a usual Python loop does.
Prints one JSON line: examples/s of the training steps, peak GPU memory.
"""
import argparse
import json
import random
import time

import torch

from reference_textcnn import read


def encode(tokens, vocab, buckets, ngrams):
    ids = [vocab[t] for t in tokens if t in vocab]
    if ngrams > 1:
        for a, b in zip(tokens, tokens[1:]):
            ids.append(len(vocab) + hash((a, b)) % buckets)
    return ids or [0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--buckets", type=int, default=2000000)
    parser.add_argument("--word-ngrams", type=int, default=2)
    parser.add_argument("--lr", type=float, default=16.0)
    parser.add_argument("--steps", type=int, default=0, help="stop after this many steps (0 = one epoch)")
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    device = torch.device(args.device)
    texts, labels = read(args.train)
    vocab = {}
    for tokens in texts:
        for t in tokens:
            vocab.setdefault(t, len(vocab))
    label_ids = {name: i for i, name in enumerate(sorted({l for ls in labels for l in ls}))}
    encoded = [encode(tokens, vocab, args.buckets, args.word_ngrams) for tokens in texts]
    targets = torch.zeros(len(labels), len(label_ids))
    for i, ls in enumerate(labels):
        for l in ls:
            targets[i, label_ids[l]] = 1.0

    bag = torch.nn.EmbeddingBag(len(vocab) + args.buckets, args.dim, mode="mean", sparse=True).to(device)
    output = torch.nn.Linear(args.dim, len(label_ids)).to(device)
    torch.nn.init.uniform_(bag.weight, -1.0 / args.dim, 1.0 / args.dim)
    torch.nn.init.zeros_(output.weight)
    torch.nn.init.zeros_(output.bias)
    optimizer = torch.optim.SGD(list(bag.parameters()) + list(output.parameters()), lr=args.lr)
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="sum")
    order = list(range(len(encoded)))
    random.Random(1).shuffle(order)
    batches = [order[i:i + args.batch_size] for i in range(0, len(order), args.batch_size)]
    if args.steps:
        batches = batches[: args.steps]

    if device.type == "cuda":
        torch.cuda.synchronize(device)
        torch.cuda.reset_peak_memory_stats(device)
    examples = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for step, rows in enumerate(batches):
        for group in optimizer.param_groups:
            group["lr"] = args.lr * max(1.0 - step / len(batches), 1e-4)
        flat, offsets = [], []
        for r in rows:
            offsets.append(len(flat))
            flat.extend(encoded[r])
        ids = torch.tensor(flat, dtype=torch.long).to(device)
        logits = output(bag(ids, torch.tensor(offsets, dtype=torch.long).to(device)))
        loss = loss_fn(logits, targets[rows].to(device)) / len(rows)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        examples += len(rows)
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    print(json.dumps({"examples": examples, "seconds": seconds, "examples_per_second": examples / seconds,
                      "cpu_seconds": cpu_seconds, "examples_per_cpu_second": examples / cpu_seconds,
                      "peak_device_memory_bytes": torch.cuda.max_memory_allocated(device) if device.type == "cuda" else 0}))


if __name__ == "__main__":
    main()

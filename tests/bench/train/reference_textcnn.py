#!/usr/bin/python3
"""Reference TextCNN training loop in plain PyTorch, for the speed comparison in train_bench.py.

What it does, so the comparison is exact:
  * tokenizes each JSON-lines text as lowercase runs of letters/digits (close to Tagbench's word
    tokenizer), builds a vocabulary from train (min_count 1, ids 0 = pad, 1 = unk), truncates and
    PADS EVERY DOCUMENT TO max_length (the usual torchtext/NeuralClassifier practice);
  * model: Embedding(V, dim, padding_idx=0) -> for each kernel size Conv1d(dim, num_kernels, k)
    -> ReLU -> max over time -> concat -> Dropout -> Linear(-> labels), i.e. the same layers and
    parameter count as Tagbench's TextCNN with top_k_max_pooling 1 and no hidden layer;
  * loss: BCEWithLogits summed over labels, mean over the batch; optimizer torch.optim.Adam;
  * batches: a shuffled order, batch_size documents per step, tensors built from pre-encoded
    numpy-free Python lists (data preparation is excluded from the timing);
  * timing: wall and CPU time (time.process_time, all threads) of the training steps only (no
    evaluation), torch.set_num_threads(threads).
Prints one JSON line with examples_per_second.
"""
import argparse
import json
import random
import re
import time

import torch

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def read(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                texts.append(TOKEN.findall(doc["text"].lower()))
                labels.append(doc["labels"])
    return texts, labels


class TextCNN(torch.nn.Module):
    def __init__(self, vocab, dim, kernel_sizes, num_kernels, dropout, classes):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocab, dim, padding_idx=0)
        self.convs = torch.nn.ModuleList(torch.nn.Conv1d(dim, num_kernels, k) for k in kernel_sizes)
        self.dropout = torch.nn.Dropout(dropout)
        self.output = torch.nn.Linear(num_kernels * len(kernel_sizes), classes)

    def forward(self, tokens):
        x = self.embedding(tokens).transpose(1, 2)
        pooled = [torch.relu(conv(x)).max(dim=2).values for conv in self.convs]
        return self.output(self.dropout(torch.cat(pooled, 1)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--kernel-sizes", default="2,3,4")
    parser.add_argument("--num-kernels", type=int, default=128)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--steps", type=int, default=0, help="stop after this many steps (0 = one epoch)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda[:N] (the batch is copied there each step)")
    args = parser.parse_args()
    device = torch.device(args.device)

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    texts, labels = read(args.train)
    vocab = {"<pad>": 0, "<unk>": 1}
    for tokens in texts:
        for t in tokens:
            vocab.setdefault(t, len(vocab))
    label_ids = {name: i for i, name in enumerate(sorted({l for ls in labels for l in ls}))}
    encoded = []
    for tokens in texts:
        ids = [vocab[t] for t in tokens[: args.max_length]]
        encoded.append(ids + [0] * (args.max_length - len(ids)))
    targets = torch.zeros(len(labels), len(label_ids))
    for i, ls in enumerate(labels):
        for l in ls:
            targets[i, label_ids[l]] = 1.0

    model = TextCNN(len(vocab), args.dim, [int(k) for k in args.kernel_sizes.split(",")], args.num_kernels,
                    args.dropout, len(label_ids)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="sum")
    order = list(range(len(encoded)))
    random.Random(1).shuffle(order)
    batches = [order[i:i + args.batch_size] for i in range(0, len(order), args.batch_size)]
    if args.steps:
        batches = batches[: args.steps]

    model.train()
    examples = 0
    if device.type == "cuda":
        torch.cuda.synchronize(device)
        torch.cuda.reset_peak_memory_stats(device)
    start = time.perf_counter()
    cpu_start = time.process_time()
    for rows in batches:
        tokens = torch.tensor([encoded[r] for r in rows], dtype=torch.long).to(device)
        logits = model(tokens)
        loss = loss_fn(logits, targets[rows].to(device)) / len(rows)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        examples += len(rows)
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    print(json.dumps({"examples": examples, "seconds": seconds, "examples_per_second": examples / seconds,
                      "cpu_seconds": cpu_seconds, "examples_per_cpu_second": examples / cpu_seconds,
                      "parameters": sum(p.numel() for p in model.parameters()), "vocabulary": len(vocab),
                      "peak_device_memory_bytes": torch.cuda.max_memory_allocated(device) if device.type == "cuda" else 0}))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference BERT fine-tuning and inference in plain PyTorch, for bench_bert's side-by-side numbers.

The network is Hugging Face's BertModel + a linear head written out as plain torch.nn modules, in
transformers' eager order (no transformers import: Debian has no package for it):
  embeddings   word + token type, + position, LayerNorm, dropout
  per layer    query/key/value Linear -> [B, heads, L, d] -> QK^T / sqrt(d) + (1 - mask) * min
               -> softmax -> dropout -> x V -> dense -> dropout -> LayerNorm(+ input)
               -> intermediate Linear -> exact GELU -> output Linear -> dropout -> LayerNorm(+ input)
  pooler       tanh(Linear([CLS]))  ->  dropout -> classifier Linear
Training: torch.optim.AdamW (lr 2e-5, weight decay 0.01), BCEWithLogitsLoss (mean), every text
padded to --pad tokens as the usual fine-tuning scripts do (padding="max_length").
Input: the JSON bench_bert writes (config, label count, token ids per document as Tagbench's
WordPiece produced them, the batches). Prints one JSON line; times the steps only (wall and
process CPU time), after building the model.
"""
import argparse
import json
import math
import resource
import time

import torch
from torch import nn


class Embeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.word_embeddings = nn.Embedding(c["vocab_size"], c["hidden_size"], padding_idx=c.get("pad_token_id", 0))
        self.position_embeddings = nn.Embedding(c["max_position_embeddings"], c["hidden_size"])
        self.token_type_embeddings = nn.Embedding(c["type_vocab_size"], c["hidden_size"])
        self.LayerNorm = nn.LayerNorm(c["hidden_size"], eps=c["layer_norm_eps"])
        self.dropout = nn.Dropout(c["hidden_dropout_prob"])
        self.register_buffer("position_ids", torch.arange(c["max_position_embeddings"]).expand((1, -1)))

    def forward(self, ids, types):
        positions = self.position_ids[:, : ids.size(1)]
        x = self.word_embeddings(ids) + self.token_type_embeddings(types)
        x = x + self.position_embeddings(positions)
        return self.dropout(self.LayerNorm(x))


class SelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.heads = c["num_attention_heads"]
        self.head_size = c["hidden_size"] // self.heads
        self.query = nn.Linear(c["hidden_size"], c["hidden_size"])
        self.key = nn.Linear(c["hidden_size"], c["hidden_size"])
        self.value = nn.Linear(c["hidden_size"], c["hidden_size"])
        self.dropout = nn.Dropout(c["attention_probs_dropout_prob"])

    def split(self, x):
        return x.view(x.size(0), x.size(1), self.heads, self.head_size).permute(0, 2, 1, 3)

    def forward(self, x, mask):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_size) + mask
        probs = self.dropout(nn.functional.softmax(scores, dim=-1))
        context = torch.matmul(probs, v).permute(0, 2, 1, 3).contiguous()
        return context.view(context.size(0), context.size(1), -1)


class Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        h = c["hidden_size"]
        self.attention = SelfAttention(c)
        self.attention_dense = nn.Linear(h, h)
        self.attention_norm = nn.LayerNorm(h, eps=c["layer_norm_eps"])
        self.intermediate = nn.Linear(h, c["intermediate_size"])
        self.output = nn.Linear(c["intermediate_size"], h)
        self.output_norm = nn.LayerNorm(h, eps=c["layer_norm_eps"])
        self.dropout = nn.Dropout(c["hidden_dropout_prob"])

    def forward(self, x, mask):
        a = self.attention_norm(self.dropout(self.attention_dense(self.attention(x, mask))) + x)
        return self.output_norm(self.dropout(self.output(nn.functional.gelu(self.intermediate(a)))) + a)


class BertClassifier(nn.Module):
    def __init__(self, c, labels):
        super().__init__()
        self.embeddings = Embeddings(c)
        self.layers = nn.ModuleList(Layer(c) for _ in range(c["num_hidden_layers"]))
        self.pooler = nn.Linear(c["hidden_size"], c["hidden_size"])
        self.dropout = nn.Dropout(c["hidden_dropout_prob"])
        self.classifier = nn.Linear(c["hidden_size"], labels)
        for m in self.modules():  # BertPreTrainedModel._init_weights
            if isinstance(m, (nn.Linear, nn.Embedding)):
                m.weight.data.normal_(0.0, c["initializer_range"])
            if isinstance(m, nn.Linear):
                m.bias.data.zero_()

    def forward(self, ids, mask):
        x = self.embeddings(ids, torch.zeros_like(ids))
        additive = (1.0 - mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for layer in self.layers:
            x = layer(x, additive)
        return self.classifier(self.dropout(torch.tanh(self.pooler(x[:, 0]))))


def batch_tensors(docs, rows, pad, labels):
    ids = torch.zeros(len(rows), pad, dtype=torch.long)
    mask = torch.zeros(len(rows), pad, dtype=torch.long)
    targets = torch.zeros(len(rows), labels)
    for i, r in enumerate(rows):
        tokens = docs[r]["ids"][:pad]
        ids[i, : len(tokens)] = torch.tensor(tokens)
        mask[i, : len(tokens)] = 1
        targets[i, docs[r]["labels"]] = 1.0
    return ids, mask, targets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True, help="JSON written by bench_bert")
    parser.add_argument("--mode", choices=["train", "infer"], required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pad", type=int, default=128)
    parser.add_argument("--batches", type=int, default=0, help="use the first N batches (0 = all)")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    data = json.load(open(args.input, encoding="utf-8"))
    config, docs, labels = data["config"], data["docs"], data["labels"]
    batches = data["batches"][: args.batches] if args.batches else data["batches"]
    model = BertClassifier(config, labels)
    prepared = [batch_tensors(docs, rows, args.pad, labels) for rows in batches]
    if args.mode == "train":
        model.train()
        optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5, weight_decay=0.01)
        loss_fn = nn.BCEWithLogitsLoss()
    else:
        model.eval()

    start, cpu_start = time.perf_counter(), time.process_time()
    documents, loss = 0, 0.0
    for ids, mask, targets in prepared:
        if args.mode == "train":
            logits = model(ids, mask)
            step_loss = loss_fn(logits, targets)
            optimizer.zero_grad()
            step_loss.backward()
            optimizer.step()
            loss += step_loss.item()
        else:
            with torch.no_grad():
                torch.sigmoid(model(ids, mask)).tolist()
        documents += ids.size(0)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    print(json.dumps({"mode": args.mode, "steps": len(prepared), "documents": documents, "tokens": len(prepared) * ids.size(0) * args.pad,
                      "seconds": seconds, "cpu_seconds": cpu_seconds, "loss": loss / max(len(prepared), 1),
                      "parameters": sum(p.numel() for p in model.parameters()),
                      "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


if __name__ == "__main__":
    main()

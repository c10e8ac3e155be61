#!/usr/bin/env python3
"""Writes the torch.save files of tests/data/bert-weights from ../bert-tiny/model.safetensors.

Run with Debian's python3-torch (1.13): /usr/bin/python3 make_fixtures.py. Only torch is needed
(the safetensors header is parsed here by hand). Files:
  pytorch_model.bin  every tensor of bert-tiny as a plain dict in the zip format (what
                     transformers >= 4.18 save_pretrained writes), to load and compare with safetensors
  ordered_dict.bin   two tensors in a collections.OrderedDict (torch.save(model.state_dict()))
  legacy.bin         one tensor in the pre-1.6 torch.save format
  code.bin           a pickle that would call print() when unpickled by Python; must be refused
"""
import collections
import json
import os
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "bert-tiny", "model.safetensors")
DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "I64": torch.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (header_len,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_len])
    body = data[8 + header_len :]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        raw = bytearray(body[begin:end])
        t = torch.frombuffer(raw, dtype=DTYPES[info["dtype"]]) if raw else torch.empty(0)
        tensors[name] = t.reshape(info["shape"]).clone()
    return tensors


class PrintOnLoad:
    def __reduce__(self):
        return (print, ("this must never run",))


def main():
    torch.manual_seed(1)
    tensors = read_safetensors(SOURCE)
    torch.save(dict(sorted(tensors.items())), os.path.join(HERE, "pytorch_model.bin"))
    # Two entries: pickle writes SETITEMS for several items (a single one would be SETITEM).
    two = collections.OrderedDict([("classifier.bias", tensors["classifier.bias"]),
                                   ("classifier.weight", tensors["classifier.weight"])])
    torch.save(two, os.path.join(HERE, "ordered_dict.bin"))
    torch.save({"classifier.bias": tensors["classifier.bias"]}, os.path.join(HERE, "legacy.bin"),
               _use_new_zipfile_serialization=False)
    torch.save({"classifier.bias": tensors["classifier.bias"], "x": PrintOnLoad()}, os.path.join(HERE, "code.bin"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent reader for the safetensors section of a bundle (the `safetensors` wheel is not
packaged for Debian 12). It applies the checks of the reference implementation's
SafeTensors::deserialize: header length bounds, a UTF-8 JSON object starting with '{', string
metadata, known dtypes, offsets that tile the data exactly, sizes that match the shapes; then it
loads every tensor with torch.frombuffer and prints {name: {dtype, shape, sum}} as JSON.

usage: check_safetensors.py FILE [OFFSET LENGTH]   (a safetensors file, or a slice of a file)
"""
import json
import struct
import sys

import torch

DTYPES = {"BOOL": (torch.bool, 1), "U8": (torch.uint8, 1), "I8": (torch.int8, 1), "I16": (torch.int16, 2),
          "I32": (torch.int32, 4), "I64": (torch.int64, 8), "F16": (torch.float16, 2),
          "BF16": (torch.bfloat16, 2), "F32": (torch.float32, 4), "F64": (torch.float64, 8)}
MAX_HEADER = 100_000_000


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def main():
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    if len(sys.argv) == 4:
        offset, length = int(sys.argv[2]), int(sys.argv[3])
        data = data[offset:offset + length]
    if len(data) < 8:
        fail("HeaderTooSmall")
    (n,) = struct.unpack("<Q", data[:8])
    if n > MAX_HEADER:
        fail("HeaderTooLarge")
    if 8 + n > len(data):
        fail("InvalidHeaderLength")
    header_bytes = data[8:8 + n]
    if not header_bytes.startswith(b"{"):
        fail("InvalidHeaderStart")
    header = json.loads(header_bytes.decode("utf-8"))
    metadata = header.pop("__metadata__", None)
    if metadata is not None and not all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()):
        fail("InvalidMetadata")
    buffer = data[8 + n:]
    entries = sorted(header.items(), key=lambda item: tuple(item[1]["data_offsets"]))
    position = 0
    result = {}
    for name, info in entries:
        begin, end = info["data_offsets"]
        if begin != position or end < begin:
            fail(f"InvalidOffset({name})")
        dtype, size = DTYPES[info["dtype"]]
        count = 1
        for dim in info["shape"]:
            count *= dim
        if count * size != end - begin:
            fail("TensorInvalidInfo")
        position = end
        tensor = torch.frombuffer(bytearray(buffer[begin:end]), dtype=dtype) if end > begin else torch.empty(0, dtype=dtype)
        tensor = tensor.reshape(info["shape"])
        result[name] = {"dtype": info["dtype"], "shape": list(tensor.shape), "sum": float(tensor.double().sum())}
    if position != len(buffer):
        fail("MetadataIncompleteBuffer")
    print(json.dumps({"metadata": metadata or {}, "tensors": result}))


main()

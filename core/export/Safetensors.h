#pragma once

#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// Element types of the safetensors format (https://github.com/huggingface/safetensors).
enum class TensorDType { Bool, U8, I8, I16, I32, I64, F16, BF16, F32, F64 };

/// The format's spelling of a dtype ("F32", "I64", ...).
std::string_view tensorDTypeName(TensorDType dtype);

/// Bytes per element.
std::size_t tensorDTypeSize(TensorDType dtype);

/// Parses a dtype name; Error for names the format (or this reader) does not know.
Result<TensorDType> parseTensorDType(std::string_view name);

/// A tensor to serialize: name, type, shape and its little-endian bytes (borrowed, not copied).
struct TensorRef {
    std::string name;
    TensorDType dtype = TensorDType::F32;
    std::vector<std::int64_t> shape;
    const void* data = nullptr;
    std::size_t bytes = 0;
};

/// Lays out a safetensors file: an 8-byte little-endian header length, a JSON header
/// {name: {dtype, shape, data_offsets}, "__metadata__": {...}} padded with spaces to a multiple of
/// 8 bytes, then the tensors' bytes back to back in the order given. Tensor bytes are streamed
/// from the caller's buffers, so multi-gigabyte embedding tables are never copied.
class SafetensorsWriter final {
public:
    /// Validates the tensors (unique non-empty names, byte counts that match shape and dtype) and
    /// builds the header. Metadata values are strings, as the format requires.
    static Result<SafetensorsWriter> create(std::vector<TensorRef> tensors,
                                            std::map<std::string, std::string> metadata = {});

    /// Size of the whole serialized file.
    std::uint64_t size() const { return m_header.size() + m_dataBytes; }

    /// Hands the serialized bytes to sink in order, in as many pieces as convenient.
    void write(const std::function<void(std::string_view)>& sink) const;

    /// The serialized bytes in one string (for small files and tests).
    std::string toBytes() const;

private:
    SafetensorsWriter() = default;

    std::vector<TensorRef> m_tensors;
    std::string m_header;  // length prefix + padded JSON
    std::uint64_t m_dataBytes = 0;
};

/// One tensor entry of a parsed safetensors header; offsets are relative to the data section.
struct TensorInfo {
    std::string name;
    TensorDType dtype = TensorDType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;

    /// Number of elements (product of the shape; 1 for a scalar).
    std::int64_t elementCount() const;
};

/// A validated, non-owning view of safetensors bytes. It applies the checks of the reference
/// implementation: header size bounds, JSON object, known dtypes, offsets that tile the data
/// section exactly (no gaps, no overlaps, nothing left over) and sizes that match the shapes.
class SafetensorsReader final {
public:
    /// Parses bytes, which must stay alive and unchanged while the reader is used.
    static Result<SafetensorsReader> parse(std::string_view bytes);

    /// The tensors in data order.
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }

    /// The tensor called name, or nullptr.
    const TensorInfo* find(std::string_view name) const;

    /// The raw little-endian bytes of a tensor of this file.
    std::string_view data(const TensorInfo& tensor) const;

    /// The "__metadata__" map (empty when absent).
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }

private:
    std::string_view m_data;
    std::vector<TensorInfo> m_tensors;
    std::map<std::string, std::size_t> m_index;
    std::map<std::string, std::string> m_metadata;
};

} // namespace tagbench

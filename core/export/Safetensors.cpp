#include "core/export/Safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <set>
#include <tuple>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "safetensors stores little-endian data; this implementation copies host bytes as they are"
#endif

namespace tagbench {
namespace {

// The reference implementation refuses larger headers; so do we, so that a corrupt length field
// cannot make us allocate gigabytes.
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;
constexpr const char* kMetadataKey = "__metadata__";

struct DTypeEntry {
    TensorDType dtype;
    const char* name;
    std::size_t size;
};

constexpr std::array<DTypeEntry, 10> kDTypes = {{
    {TensorDType::Bool, "BOOL", 1}, {TensorDType::U8, "U8", 1},    {TensorDType::I8, "I8", 1},
    {TensorDType::I16, "I16", 2},   {TensorDType::I32, "I32", 4},  {TensorDType::I64, "I64", 8},
    {TensorDType::F16, "F16", 2},   {TensorDType::BF16, "BF16", 2}, {TensorDType::F32, "F32", 4},
    {TensorDType::F64, "F64", 8},
}};

const DTypeEntry& entry(TensorDType dtype)
{
    for (const auto& e : kDTypes)
        if (e.dtype == dtype) return e;
    return kDTypes.back();  // unreachable: every enumerator is listed
}

// Element count of shape, or nullopt on a negative dimension or overflow.
std::optional<std::uint64_t> elementCount(const std::vector<std::int64_t>& shape)
{
    std::uint64_t count = 1;
    for (const std::int64_t dim : shape) {
        if (dim < 0) return std::nullopt;
        const auto d = static_cast<std::uint64_t>(dim);
        if (d != 0 && count > std::numeric_limits<std::uint64_t>::max() / d) return std::nullopt;
        count *= d;
    }
    return count;
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

void appendLittleEndian64(std::string& out, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t readLittleEndian64(const char* bytes)
{
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
    return value;
}

} // namespace

std::string_view tensorDTypeName(TensorDType dtype) { return entry(dtype).name; }

std::size_t tensorDTypeSize(TensorDType dtype) { return entry(dtype).size; }

Result<TensorDType> parseTensorDType(std::string_view name)
{
    for (const auto& e : kDTypes)
        if (name == e.name) return e.dtype;
    return Error{"unsupported dtype \"" + std::string(name) + "\""};
}

std::int64_t TensorInfo::elementCount() const
{
    const auto count = tagbench::elementCount(shape);
    return count ? static_cast<std::int64_t>(*count) : -1;
}

Result<SafetensorsWriter> SafetensorsWriter::create(std::vector<TensorRef> tensors,
                                                    std::map<std::string, std::string> metadata)
{
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) header[kMetadataKey] = metadata;

    std::set<std::string> names;
    std::uint64_t offset = 0;
    for (const auto& tensor : tensors) {
        if (tensor.name.empty() || tensor.name == kMetadataKey)
            return Error{"safetensors: invalid tensor name \"" + tensor.name + "\""};
        if (!names.insert(tensor.name).second)
            return Error{"safetensors: duplicate tensor name \"" + tensor.name + "\""};
        const auto count = elementCount(tensor.shape);
        if (!count || *count > std::numeric_limits<std::uint64_t>::max() / tensorDTypeSize(tensor.dtype))
            return Error{"safetensors: tensor \"" + tensor.name + "\" has an invalid shape " + shapeText(tensor.shape)};
        const std::uint64_t expected = *count * tensorDTypeSize(tensor.dtype);
        if (expected != tensor.bytes || (tensor.bytes > 0 && tensor.data == nullptr))
            return Error{"safetensors: tensor \"" + tensor.name + "\" of shape " + shapeText(tensor.shape) + " and dtype " +
                         std::string(tensorDTypeName(tensor.dtype)) + " needs " + std::to_string(expected) +
                         " bytes, got " + std::to_string(tensor.bytes)};
        header[tensor.name] = {{"dtype", tensorDTypeName(tensor.dtype)},
                               {"shape", tensor.shape},
                               {"data_offsets", {offset, offset + tensor.bytes}}};
        offset += tensor.bytes;
    }

    std::string json = header.dump();
    // Pad with spaces (valid JSON whitespace) so the data section starts 8-byte aligned, as the
    // reference writer does; memory-mapped readers can then view tensors in place.
    json.append((8 - json.size() % 8) % 8, ' ');

    SafetensorsWriter writer;
    writer.m_header.reserve(8 + json.size());
    appendLittleEndian64(writer.m_header, json.size());
    writer.m_header += json;
    writer.m_tensors = std::move(tensors);
    writer.m_dataBytes = offset;
    return writer;
}

void SafetensorsWriter::write(const std::function<void(std::string_view)>& sink) const
{
    sink(m_header);
    for (const auto& tensor : m_tensors)
        if (tensor.bytes > 0) sink(std::string_view(static_cast<const char*>(tensor.data), tensor.bytes));
}

std::string SafetensorsWriter::toBytes() const
{
    std::string bytes;
    bytes.reserve(size());
    write([&bytes](std::string_view piece) { bytes.append(piece); });
    return bytes;
}

Result<SafetensorsReader> SafetensorsReader::parse(std::string_view bytes)
{
    if (bytes.size() < 8)
        return Error{"safetensors: " + std::to_string(bytes.size()) + " bytes is too short for the header length"};
    const std::uint64_t headerBytes = readLittleEndian64(bytes.data());
    if (headerBytes > kMaxHeaderBytes)
        return Error{"safetensors: header length " + std::to_string(headerBytes) + " exceeds the limit of " +
                     std::to_string(kMaxHeaderBytes) + " bytes"};
    if (headerBytes > bytes.size() - 8)
        return Error{"safetensors: header of " + std::to_string(headerBytes) + " bytes runs past the end (" +
                     std::to_string(bytes.size()) + " bytes in all)"};
    const std::string_view headerText = bytes.substr(8, headerBytes);
    if (headerText.empty() || headerText.front() != '{')
        return Error{"safetensors: header does not start with '{'"};

    const auto header = nlohmann::json::parse(headerText.begin(), headerText.end(), nullptr, false);
    if (header.is_discarded() || !header.is_object()) return Error{"safetensors: header is not a JSON object"};

    SafetensorsReader reader;
    reader.m_data = bytes.substr(8 + headerBytes);
    for (const auto& [key, value] : header.items()) {
        if (key == kMetadataKey) {
            if (value.is_null()) continue;
            if (!value.is_object()) return Error{"safetensors: __metadata__ is not an object"};
            for (const auto& [metaKey, metaValue] : value.items()) {
                if (!metaValue.is_string())
                    return Error{"safetensors: __metadata__ value \"" + metaKey + "\" is not a string"};
                reader.m_metadata[metaKey] = metaValue.get<std::string>();
            }
            continue;
        }
        const std::string where = "safetensors: tensor \"" + key + "\": ";
        if (!value.is_object()) return Error{where + "entry is not an object"};
        const auto dtype = value.find("dtype");
        const auto shape = value.find("shape");
        const auto offsets = value.find("data_offsets");
        if (dtype == value.end() || !dtype->is_string()) return Error{where + "missing or non-string \"dtype\""};
        if (shape == value.end() || !shape->is_array()) return Error{where + "missing or non-array \"shape\""};
        if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2 ||
            !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned())
            return Error{where + "\"data_offsets\" must be two non-negative integers"};

        TensorInfo info;
        info.name = key;
        const auto parsedType = parseTensorDType(dtype->get<std::string>());
        if (!parsedType) return Error{where + parsedType.message()};
        info.dtype = *parsedType;
        for (const auto& dim : *shape) {
            if (!dim.is_number_unsigned()) return Error{where + "shape holds a value that is not a non-negative integer"};
            const auto d = dim.get<std::uint64_t>();
            if (d > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                return Error{where + "shape dimension out of range"};
            info.shape.push_back(static_cast<std::int64_t>(d));
        }
        info.begin = (*offsets)[0].get<std::uint64_t>();
        info.end = (*offsets)[1].get<std::uint64_t>();
        if (info.end < info.begin) return Error{where + "data_offsets end before they begin"};
        const auto count = elementCount(info.shape);
        const std::size_t elementSize = tensorDTypeSize(info.dtype);
        if (!count || *count > std::numeric_limits<std::uint64_t>::max() / elementSize ||
            *count * elementSize != info.end - info.begin)
            return Error{where + "shape " + shapeText(info.shape) + " of " + std::string(tensorDTypeName(info.dtype)) +
                         " does not match its " + std::to_string(info.end - info.begin) + " data bytes"};
        reader.m_tensors.push_back(std::move(info));
    }

    std::sort(reader.m_tensors.begin(), reader.m_tensors.end(),
              [](const TensorInfo& a, const TensorInfo& b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); });
    std::uint64_t expectedBegin = 0;
    for (std::size_t i = 0; i < reader.m_tensors.size(); ++i) {
        const auto& info = reader.m_tensors[i];
        if (info.begin != expectedBegin)
            return Error{"safetensors: tensor \"" + info.name + "\" starts at data offset " + std::to_string(info.begin) +
                         ", expected " + std::to_string(expectedBegin) + " (gap or overlap)"};
        expectedBegin = info.end;
        reader.m_index[info.name] = i;
    }
    if (expectedBegin != reader.m_data.size())
        return Error{"safetensors: tensors cover " + std::to_string(expectedBegin) + " data bytes but the file holds " +
                     std::to_string(reader.m_data.size())};
    return reader;
}

const TensorInfo* SafetensorsReader::find(std::string_view name) const
{
    const auto it = m_index.find(std::string(name));
    return it == m_index.end() ? nullptr : &m_tensors[it->second];
}

std::string_view SafetensorsReader::data(const TensorInfo& tensor) const
{
    return m_data.substr(tensor.begin, tensor.end - tensor.begin);
}

} // namespace tagbench

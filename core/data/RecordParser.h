#pragma once

#include "core/data/ParsedChunk.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace tagbench {

/// Complete records of a file; at least kChunkPadding readable bytes follow data + size (simdjson
/// reads ahead in 64-byte blocks).
struct ChunkView {
    const char* data = nullptr;
    std::size_t size = 0;
};

inline constexpr std::size_t kChunkPadding = 64;

/// Parses the records of a chunk into documents and issues. Implementations are stateless and
/// thread-safe: one instance serves every worker.
class RecordParser {
public:
    virtual ~RecordParser() = default;

    /// Parses chunk (whole records only) into out; lines in out are 1-based within the chunk.
    virtual void parse(ChunkView chunk, ParsedChunk& out) const = 0;
};

namespace detail {

/// Calls fn(line, lineNumber) for every line of chunk with its '\n' and a trailing '\r' removed;
/// returns the number of physical lines.
template <typename Fn>
std::uint64_t forEachLine(ChunkView chunk, Fn&& fn)
{
    const char* p = chunk.data;
    const char* const end = chunk.data + chunk.size;
    std::uint64_t lineNumber = 0;
    while (p < end) {
        const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* lineEnd = nl ? nl : end;
        ++lineNumber;
        std::string_view line(p, static_cast<std::size_t>(lineEnd - p));
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        fn(line, lineNumber);
        p = nl ? nl + 1 : end;
    }
    return lineNumber;
}

/// True when text holds only ASCII or Unicode whitespace (U+3000 included).
bool isBlank(std::string_view text);

/// "invalid UTF-8 at byte N" (N counted from 1) when line is not UTF-8, else an empty string.
std::string invalidUtf8Reason(std::string_view line);

/// At most maxBytes of text, cut at a character boundary, for quoting input in messages.
std::string excerpt(std::string_view text, std::size_t maxBytes = 40);

} // namespace detail

} // namespace tagbench

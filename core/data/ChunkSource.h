#pragma once

#include "core/util/Result.h"

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

namespace tagbench {

/// A reusable byte buffer: chunks are recycled so the kernel does not zero fresh pages each time.
struct ChunkBuffer {
    std::unique_ptr<char[]> data;
    std::size_t capacity = 0;
    std::size_t size = 0;  ///< bytes of whole records; kChunkPadding readable bytes follow

    /// Grows to at least bytes, keeping the first keep bytes.
    void ensure(std::size_t bytes, std::size_t keep);
};

/// Reads a file in chunks of about 8 MiB (or a chosen size) that end on record boundaries (a line break, outside
/// quotes for CSV/TSV); the partial record at the end of a read carries over to the next chunk.
/// Memory stays at a few chunks whatever the file size.
class ChunkSource final {
public:
    /// Bytes read per chunk, and the longest record accepted.
    static constexpr std::size_t kChunkBytes = std::size_t(8) << 20;
    static constexpr std::size_t kMaxRecordBytes = std::size_t(64) << 20;

    /// file stays owned by the caller; csv selects quote-aware boundaries; chunkBytes 0 means kChunkBytes.
    ChunkSource(std::FILE* file, bool csv, std::size_t chunkBytes = 0)
        : m_file(file), m_csv(csv), m_chunkBytes(chunkBytes ? chunkBytes : kChunkBytes)
    {
    }

    /// Puts bytes already read (the sniffed head, BOM removed) in front of the rest of the file.
    void prime(std::string bytes) { m_carry = std::move(bytes); }

    /// Fills buffer with the next whole records and padding; size 0 at the end of the file.
    /// Error for read failures and lines longer than kMaxRecordBytes.
    Status next(ChunkBuffer& buffer);

private:
    std::FILE* m_file;
    bool m_csv;
    std::size_t m_chunkBytes;
    bool m_eof = false;
    std::string m_carry;
};

} // namespace tagbench

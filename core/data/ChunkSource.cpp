#include "core/data/ChunkSource.h"

#include "core/data/CsvRecordParser.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace tagbench {

void ChunkBuffer::ensure(std::size_t bytes, std::size_t keep)
{
    if (bytes <= capacity) return;
    std::unique_ptr<char[]> grown(new char[bytes]);  // uninitialised on purpose
    if (keep) std::memcpy(grown.get(), data.get(), keep);
    data = std::move(grown);
    capacity = bytes;
}

Status ChunkSource::next(ChunkBuffer& buffer)
{
    std::size_t filled = m_carry.size();
    buffer.ensure(filled + m_chunkBytes + kChunkPadding, 0);
    std::memcpy(buffer.data.get(), m_carry.data(), filled);
    m_carry.clear();
    std::size_t boundary = std::string_view::npos;
    while (true) {
        if (!m_eof) {
            const std::size_t want = std::max(m_chunkBytes, filled / 2);
            buffer.ensure(filled + want + kChunkPadding, filled);
            const std::size_t got = std::fread(buffer.data.get() + filled, 1, want, m_file);
            if (got < want) {
                if (std::ferror(m_file)) return Error{std::string("read error: ") + std::strerror(errno)};
                m_eof = true;
            }
            filled += got;
        }
        const std::string_view data(buffer.data.get(), filled);
        if (m_eof) {
            boundary = filled;
            break;
        }
        boundary = m_csv ? CsvRecordParser::lastRecordEnd(data) : data.rfind('\n');
        if (boundary != std::string_view::npos) {
            if (!m_csv) ++boundary;
            break;
        }
        if (filled > kMaxRecordBytes) {
            // For CSV an open quote that never closes would swallow the file: cut at a line break
            // and let the parser report the unterminated field.
            const std::size_t nl = m_csv ? data.find('\n') : std::string_view::npos;
            if (nl == std::string_view::npos) return Error{"a line is longer than 64 MiB; is this a dataset?"};
            boundary = nl + 1;
            break;
        }
    }
    m_carry.assign(buffer.data.get() + boundary, filled - boundary);
    buffer.size = boundary;
    std::memset(buffer.data.get() + boundary, ' ', kChunkPadding);
    return {};
}

} // namespace tagbench

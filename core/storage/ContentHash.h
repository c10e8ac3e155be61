#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace tagbench {

/// Incremental XXH64 (seed 0): fast enough to fingerprint multi-GB datasets at disk speed.
class ContentHash final {
public:
    ContentHash();

    /// Feeds bytes.
    void update(std::string_view bytes);

    /// The hash of everything fed so far (the object stays usable).
    std::uint64_t digest() const;

    /// One-shot hash of bytes.
    static std::uint64_t of(std::string_view bytes);

    /// Hash of a file's bytes as "xxh64:<16 hex digits>"; errors name the file.
    static Result<std::string> ofFile(const std::string& path);

    /// "xxh64:<16 hex digits>".
    static std::string format(std::uint64_t hash);

private:
    std::uint64_t m_acc[4];
    std::uint64_t m_total = 0;
    unsigned char m_buffer[32];
    std::size_t m_buffered = 0;
};

} // namespace tagbench

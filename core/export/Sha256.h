#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tagbench {

/// SHA-256 (FIPS 180-4), incremental: feed bytes with update(), read the digest once with finish().
class Sha256 final {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();

    /// Hashes size more bytes.
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }

    /// Pads, returns the digest and leaves the object reset for a new message.
    Digest finish();

    /// Digest of bytes in one call.
    static Digest of(std::string_view bytes);

    /// Lowercase hexadecimal form of a digest (64 characters).
    static std::string toHex(const Digest& digest);

private:
    void reset();
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state{};
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_totalBytes = 0;
};

} // namespace tagbench

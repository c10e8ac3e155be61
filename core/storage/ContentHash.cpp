#include "core/storage/ContentHash.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace tagbench {

namespace {

// XXH64 as specified in https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md
constexpr std::uint64_t kP1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t kP2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t kP3 = 0x165667B19E3779F9ULL;
constexpr std::uint64_t kP4 = 0x85EBCA77C2B2AE63ULL;
constexpr std::uint64_t kP5 = 0x27D4EB2F165667C5ULL;

inline std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline std::uint64_t read64(const unsigned char* p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;  // little-endian hosts only (x86-64, aarch64)
}

inline std::uint32_t read32(const unsigned char* p)
{
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

inline std::uint64_t round(std::uint64_t acc, std::uint64_t lane)
{
    acc += lane * kP2;
    acc = rotl(acc, 31);
    return acc * kP1;
}

inline std::uint64_t mergeRound(std::uint64_t hash, std::uint64_t acc)
{
    hash ^= round(0, acc);
    return hash * kP1 + kP4;
}

} // namespace

ContentHash::ContentHash() : m_acc{kP1 + kP2, kP2, 0, 0ULL - kP1} {}

void ContentHash::update(std::string_view bytes)
{
    auto p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    m_total += n;
    if (m_buffered > 0) {
        const std::size_t take = std::min(n, 32 - m_buffered);
        std::memcpy(m_buffer + m_buffered, p, take);
        m_buffered += take;
        p += take;
        n -= take;
        if (m_buffered < 32) return;
        for (int i = 0; i < 4; ++i) m_acc[i] = round(m_acc[i], read64(m_buffer + 8 * i));
        m_buffered = 0;
    }
    while (n >= 32) {
        m_acc[0] = round(m_acc[0], read64(p));
        m_acc[1] = round(m_acc[1], read64(p + 8));
        m_acc[2] = round(m_acc[2], read64(p + 16));
        m_acc[3] = round(m_acc[3], read64(p + 24));
        p += 32;
        n -= 32;
    }
    std::memcpy(m_buffer, p, n);
    m_buffered = n;
}

std::uint64_t ContentHash::digest() const
{
    std::uint64_t hash;
    if (m_total >= 32) {
        hash = rotl(m_acc[0], 1) + rotl(m_acc[1], 7) + rotl(m_acc[2], 12) + rotl(m_acc[3], 18);
        for (const auto acc : m_acc) hash = mergeRound(hash, acc);
    } else {
        hash = m_acc[2] + kP5;  // acc[2] is the seed
    }
    hash += m_total;
    const unsigned char* p = m_buffer;
    std::size_t n = m_buffered;
    while (n >= 8) {
        hash ^= round(0, read64(p));
        hash = rotl(hash, 27) * kP1 + kP4;
        p += 8;
        n -= 8;
    }
    if (n >= 4) {
        hash ^= std::uint64_t(read32(p)) * kP1;
        hash = rotl(hash, 23) * kP2 + kP3;
        p += 4;
        n -= 4;
    }
    while (n > 0) {
        hash ^= (*p) * kP5;
        hash = rotl(hash, 11) * kP1;
        ++p;
        --n;
    }
    hash ^= hash >> 33;
    hash *= kP2;
    hash ^= hash >> 29;
    hash *= kP3;
    hash ^= hash >> 32;
    return hash;
}

std::uint64_t ContentHash::of(std::string_view bytes)
{
    ContentHash hash;
    hash.update(bytes);
    return hash.digest();
}

std::string ContentHash::format(std::uint64_t hash)
{
    char text[24];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return std::string("xxh64:") + text;
}

Result<std::string> ContentHash::ofFile(const std::string& path)
{
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return Error{"cannot open " + path + ": " + std::strerror(errno)};
    ContentHash hash;
    std::vector<char> buffer(1 << 20);
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) hash.update({buffer.data(), n});
    if (std::ferror(file.get())) return Error{"cannot read " + path + ": " + std::strerror(errno)};
    return format(hash.digest());
}

} // namespace tagbench

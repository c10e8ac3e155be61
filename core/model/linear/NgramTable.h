#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench::linear {

/// Interns byte strings (word and character n-grams) to dense ids 0..size()-1 in insertion order.
///
/// A TF-IDF fit meets millions of distinct character n-grams, each looked up tens of times, so
/// the table is built for that: keys live back to back in one arena (no allocation per key),
/// lookups take a std::string_view (std::unordered_map<std::string> would build a std::string
/// per lookup in C++17), and open addressing keeps 32 bits of the hash beside the id so that
/// almost every probe that misses never touches a key.
class NgramTable final {
public:
    static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

    NgramTable() = default;

    /// The hash every method below expects for key.
    static std::uint64_t hash(std::string_view key);

    /// Id of key, inserting it when absent.
    std::uint32_t intern(std::string_view key, std::uint64_t keyHash);
    std::uint32_t intern(std::string_view key) { return intern(key, hash(key)); }

    /// Id of key, or kAbsent.
    std::uint32_t find(std::string_view key, std::uint64_t keyHash) const;
    std::uint32_t find(std::string_view key) const { return find(key, hash(key)); }

    /// Key of id (< size()); valid until the next insertion.
    std::string_view key(std::uint32_t id) const
    {
        return std::string_view(m_arena.data() + m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
    }
    /// Stored hash of id's key.
    std::uint64_t keyHash(std::uint32_t id) const { return m_hashes[id]; }

    std::size_t size() const { return m_hashes.size(); }

    /// Every key back to back in id order, and the size() + 1 offsets that delimit them
    /// (key i = arena()[offsets()[i], offsets()[i + 1])): the serialised form of the keys.
    const std::string& arena() const { return m_arena; }
    const std::vector<std::uint64_t>& offsets() const { return m_offsets; }

    /// Reserves room for keys keys of about keyBytes bytes in total.
    void reserve(std::size_t keys, std::size_t keyBytes);

    /// Bytes held by the buffers.
    std::size_t memoryBytes() const;

private:
    void grow();
    std::size_t probe(std::string_view key, std::uint64_t keyHash) const;

    std::string m_arena;                     // every key back to back
    std::vector<std::uint64_t> m_offsets{0}; // key i = m_arena[m_offsets[i], m_offsets[i + 1])
    std::vector<std::uint64_t> m_hashes;     // hash of key i (rehashing reads it, never a key)
    std::vector<std::uint64_t> m_slots;      // 0 = empty, else (hash high 32 bits << 32) | (id + 1)
};

} // namespace tagbench::linear

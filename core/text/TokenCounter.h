#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagbench {

/// Counts token occurrences. Token bytes live in one arena and the table is open addressing,
/// so counting a known token costs one hash and (usually) one comparison, with no allocation.
class TokenCounter final {
public:
    TokenCounter();

    /// Adds n occurrences of token.
    void add(std::string_view token, std::int64_t n = 1);

    /// Adds every count of other into this counter.
    void merge(const TokenCounter& other);

    /// Number of distinct tokens.
    std::size_t size() const { return m_entries.size(); }

    /// (token, count) pairs in first-seen order.
    std::vector<std::pair<std::string, std::int64_t>> takeCounts();

private:
    struct Entry {
        std::uint64_t hash;
        std::uint64_t offset;
        std::uint32_t length;
        std::int64_t count;
    };

    void add(std::string_view token, std::uint64_t hash, std::int64_t n);
    std::string_view text(const Entry& e) const { return {m_arena.data() + e.offset, e.length}; }
    void grow();

    std::string m_arena;
    std::vector<Entry> m_entries;
    std::vector<std::uint32_t> m_slots;  // entry index + 1; 0 = empty
};

} // namespace tagbench

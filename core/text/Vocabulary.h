#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

class Dataset;
class Tokenizer;

/// Token <-> id table. Id 0 is <pad>, id 1 is <unk>; the rest are ordered by descending count.
class Vocabulary final {
public:
    static constexpr std::int32_t kPad = 0;
    static constexpr std::int32_t kUnk = 1;

    Vocabulary();

    /// Counts the tokens of every document and keeps those seen at least minCount times,
    /// most frequent first, at most maxSize entries including <pad> and <unk> (0 = no limit).
    static Vocabulary build(const Dataset& dataset, const Tokenizer& tokenizer, std::int64_t minCount,
                            std::size_t maxSize, int threads = 0);

    /// Builds from explicit (token, count) pairs with the same rules as build().
    static Vocabulary fromCounts(std::vector<std::pair<std::string, std::int64_t>> counts,
                                 std::int64_t minCount, std::size_t maxSize);

    /// Id of token, or kUnk when absent.
    std::int32_t id(std::string_view token) const;

    /// Token string of id (must be < size()).
    const std::string& token(std::int32_t id) const { return m_tokens[static_cast<std::size_t>(id)]; }

    /// Training-corpus count of id (0 for the specials).
    std::int64_t count(std::int32_t id) const { return m_counts[static_cast<std::size_t>(id)]; }

    /// Number of entries, specials included.
    std::size_t size() const { return m_tokens.size(); }

    /// Writes "token<TAB>count" lines atomically.
    Status save(const std::string& path) const;

    /// Reads what save() wrote; errors name the file and line.
    static Result<Vocabulary> load(const std::string& path);

private:
    void add(std::string token, std::int64_t count);
    void rehash(std::size_t slotCount);
    std::size_t findSlot(std::string_view token, std::uint64_t hash) const;

    std::vector<std::string> m_tokens;
    std::vector<std::int64_t> m_counts;
    // Open-addressing table keyed by token text: lookups by string_view allocate nothing
    // (std::unordered_map<std::string> would build a std::string per lookup in C++17). A slot
    // holds (hash high bits << 32 | id + 1), 0 when empty, so most misses never touch a string.
    std::vector<std::uint64_t> m_slots;
};

} // namespace tagbench

#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tagbench {

/// Finds duplicate document ids while a dataset is imported: an open-addressing table of
/// (hash, document) pairs, one cache line per lookup, no per-id allocation. The ids themselves
/// stay in the Dataset; callers confirm a hash match by comparing them.
class IdIndex final {
public:
    /// Prepares for about n ids.
    void reserve(std::size_t n);

    /// Starts loading the slot of hash into the cache; lookups are random and the table is large,
    /// so callers prefetch a few documents ahead.
    void prefetch(std::uint64_t hash) const
    {
        if (!m_slots.empty()) __builtin_prefetch(&m_slots[hash & (m_slots.size() - 1)]);
    }

    /// Calls same(document) for each earlier document with this hash until it returns true and
    /// returns that document; otherwise records document under hash and returns -1.
    template <typename Same>
    std::int64_t findOrInsert(std::uint64_t hash, std::uint32_t document, Same&& same)
    {
        if ((m_used + 1) * 2 > m_slots.size()) grow();
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& slot = m_slots[i];
            if (slot.document == kEmpty) {
                slot = Slot{hash, document};
                ++m_used;
                return -1;
            }
            if (slot.hash == hash && same(slot.document)) return slot.document;
        }
    }

private:
    static constexpr std::uint32_t kEmpty = UINT32_MAX;
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t document = kEmpty;
    };

    void grow();

    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

} // namespace tagbench

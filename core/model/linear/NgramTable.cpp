#include "core/model/linear/NgramTable.h"

#include <functional>

namespace tagbench::linear {

namespace {

constexpr std::uint64_t kTagMask = 0xFFFFFFFF00000000ULL;

inline std::uint64_t makeSlot(std::uint64_t keyHash, std::uint32_t id)
{
    return (keyHash & kTagMask) | (static_cast<std::uint64_t>(id) + 1);
}

inline std::uint32_t slotId(std::uint64_t slot) { return static_cast<std::uint32_t>((slot & 0xFFFFFFFFULL) - 1); }

} // namespace

std::uint64_t NgramTable::hash(std::string_view key)
{
    // libstdc++'s murmur-style byte hash; the table uses the low bits for the slot and keeps the
    // high 32 bits as a tag, so both halves must be mixed, which this hash does.
    return std::hash<std::string_view>{}(key);
}

std::size_t NgramTable::probe(std::string_view key, std::uint64_t keyHash) const
{
    const std::size_t mask = m_slots.size() - 1;
    const std::uint64_t tag = keyHash & kTagMask;
    std::size_t slot = static_cast<std::size_t>(keyHash) & mask;
    while (true) {
        const std::uint64_t entry = m_slots[slot];
        if (entry == 0) return slot;
        if ((entry & kTagMask) == tag && this->key(slotId(entry)) == key) return slot;
        slot = (slot + 1) & mask;
    }
}

std::uint32_t NgramTable::find(std::string_view key, std::uint64_t keyHash) const
{
    if (m_slots.empty()) return kAbsent;
    const std::uint64_t entry = m_slots[probe(key, keyHash)];
    return entry == 0 ? kAbsent : slotId(entry);
}

std::uint32_t NgramTable::intern(std::string_view key, std::uint64_t keyHash)
{
    // Load factor at most 1/2: linear probing stays short and misses end at an empty slot fast.
    if ((m_hashes.size() + 1) * 2 > m_slots.size()) grow();
    const std::size_t slot = probe(key, keyHash);
    if (m_slots[slot] != 0) return slotId(m_slots[slot]);
    const auto id = static_cast<std::uint32_t>(m_hashes.size());
    m_arena.append(key.data(), key.size());
    m_offsets.push_back(m_arena.size());
    m_hashes.push_back(keyHash);
    m_slots[slot] = makeSlot(keyHash, id);
    return id;
}

void NgramTable::grow()
{
    const std::size_t slotCount = m_slots.empty() ? 64 : m_slots.size() * 2;
    m_slots.assign(slotCount, 0);
    const std::size_t mask = slotCount - 1;
    for (std::uint32_t id = 0; id < m_hashes.size(); ++id) {
        std::size_t slot = static_cast<std::size_t>(m_hashes[id]) & mask;
        while (m_slots[slot] != 0) slot = (slot + 1) & mask;
        m_slots[slot] = makeSlot(m_hashes[id], id);
    }
}

void NgramTable::reserve(std::size_t keys, std::size_t keyBytes)
{
    m_arena.reserve(keyBytes);
    m_offsets.reserve(keys + 1);
    m_hashes.reserve(keys);
    std::size_t slotCount = 64;
    while (slotCount < keys * 2) slotCount *= 2;
    if (slotCount > m_slots.size()) {
        m_slots.assign(slotCount / 2, 0);  // grow() doubles it and re-inserts what is there
        grow();
    }
}

std::size_t NgramTable::memoryBytes() const
{
    return m_arena.capacity() + (m_offsets.capacity() + m_hashes.capacity() + m_slots.capacity()) * sizeof(std::uint64_t);
}

} // namespace tagbench::linear

#include "core/text/TokenCounter.h"

#include <functional>

namespace tagbench {

TokenCounter::TokenCounter() : m_slots(1024, 0) {}

void TokenCounter::add(std::string_view token, std::int64_t n) { add(token, std::hash<std::string_view>{}(token), n); }

void TokenCounter::add(std::string_view token, std::uint64_t hash, std::int64_t n)
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t index = m_slots[slot];
        if (index == 0) {
            m_entries.push_back({hash, m_arena.size(), static_cast<std::uint32_t>(token.size()), n});
            m_arena.append(token);
            m_slots[slot] = static_cast<std::uint32_t>(m_entries.size());
            if (m_entries.size() * 2 > m_slots.size()) grow();
            return;
        }
        Entry& entry = m_entries[index - 1];
        if (entry.hash == hash && text(entry) == token) {
            entry.count += n;
            return;
        }
    }
}

void TokenCounter::grow()
{
    m_slots.assign(m_slots.size() * 2, 0);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        std::size_t slot = m_entries[i].hash & mask;
        while (m_slots[slot] != 0) slot = (slot + 1) & mask;
        m_slots[slot] = static_cast<std::uint32_t>(i + 1);
    }
}

void TokenCounter::merge(const TokenCounter& other)
{
    for (const Entry& e : other.m_entries) add(other.text(e), e.hash, e.count);
}

std::vector<std::pair<std::string, std::int64_t>> TokenCounter::takeCounts()
{
    std::vector<std::pair<std::string, std::int64_t>> counts;
    counts.reserve(m_entries.size());
    for (const Entry& e : m_entries) counts.emplace_back(std::string(text(e)), e.count);
    *this = TokenCounter();
    return counts;
}

} // namespace tagbench

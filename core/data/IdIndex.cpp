#include "core/data/IdIndex.h"

namespace tagbench {

void IdIndex::reserve(std::size_t n)
{
    std::size_t size = 16;
    while (size < n * 2) size *= 2;
    if (size <= m_slots.size()) return;
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(size, Slot{});
    m_used = 0;
    const std::size_t mask = size - 1;
    for (const Slot& slot : old) {
        if (slot.document == kEmpty) continue;
        std::size_t i = slot.hash & mask;
        while (m_slots[i].document != kEmpty) i = (i + 1) & mask;
        m_slots[i] = slot;
        ++m_used;
    }
}

void IdIndex::grow() { reserve(m_slots.empty() ? 8 : m_slots.size()); }

} // namespace tagbench

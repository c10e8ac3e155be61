#include "core/stats/CooccurrenceCounter.h"

#include <algorithm>
#include <utility>

namespace tagbench {

CooccurrenceCounter::CooccurrenceCounter(std::size_t labels)
    : m_labels(labels)
    , m_dense(labels <= kDenseLimit)
{
    if (m_dense) m_matrix.assign(labels * labels, 0);
}

void CooccurrenceCounter::add(Span<std::int32_t> labels)
{
    for (std::size_t i = 0; i < labels.size; ++i) {
        for (std::size_t j = i + 1; j < labels.size; ++j) {
            auto a = static_cast<std::uint64_t>(labels[i]);
            auto b = static_cast<std::uint64_t>(labels[j]);
            if (a == b) continue;
            if (a > b) std::swap(a, b);
            if (m_dense) ++m_matrix[a * m_labels + b];
            else ++m_hashed[(a << 32) | b];
        }
    }
}

std::uint64_t CooccurrenceCounter::count(std::int32_t a, std::int32_t b) const
{
    auto x = static_cast<std::uint64_t>(a);
    auto y = static_cast<std::uint64_t>(b);
    if (x > y) std::swap(x, y);
    if (m_dense) return m_matrix[x * m_labels + y];
    const auto it = m_hashed.find((x << 32) | y);
    return it == m_hashed.end() ? 0 : it->second;
}

std::vector<CooccurrenceCounter::Pair> CooccurrenceCounter::top(std::size_t n) const
{
    std::vector<Pair> pairs;
    if (m_dense) {
        for (std::size_t a = 0; a < m_labels; ++a) {
            for (std::size_t b = a + 1; b < m_labels; ++b) {
                if (const auto c = m_matrix[a * m_labels + b])
                    pairs.push_back(Pair{static_cast<std::int32_t>(a), static_cast<std::int32_t>(b), c});
            }
        }
    } else {
        pairs.reserve(m_hashed.size());
        for (const auto& [key, c] : m_hashed)
            pairs.push_back(Pair{static_cast<std::int32_t>(key >> 32), static_cast<std::int32_t>(key & 0xFFFFFFFFu), c});
    }
    const auto before = [](const Pair& x, const Pair& y) {
        if (x.count != y.count) return x.count > y.count;
        return x.first != y.first ? x.first < y.first : x.second < y.second;
    };
    n = std::min(n, pairs.size());
    std::partial_sort(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(n), pairs.end(), before);
    pairs.resize(n);
    return pairs;
}

} // namespace tagbench

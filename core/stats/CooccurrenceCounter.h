#pragma once

#include "core/data/Dataset.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tagbench {

/// Counts how many documents carry each pair of labels. Dense (a triangular matrix) for label
/// sets that fit in a few MiB, hashed beyond that so that 100k-label sets stay cheap.
class CooccurrenceCounter final {
public:
    struct Pair {
        std::int32_t first;   ///< smaller label id
        std::int32_t second;  ///< larger label id
        std::uint64_t count;
    };

    /// Prepares for label ids in [0, labels).
    explicit CooccurrenceCounter(std::size_t labels);

    /// Counts every pair of one document's (distinct) labels.
    void add(Span<std::int32_t> labels);

    /// Documents carrying both a and b (a != b).
    std::uint64_t count(std::int32_t a, std::int32_t b) const;

    /// The n most frequent pairs, by count descending, then by ids.
    std::vector<Pair> top(std::size_t n) const;

private:
    static constexpr std::size_t kDenseLimit = 2048;

    std::size_t m_labels;
    bool m_dense;
    std::vector<std::uint32_t> m_matrix;  // dense: [min * labels + max]
    std::unordered_map<std::uint64_t, std::uint64_t> m_hashed;
};

} // namespace tagbench

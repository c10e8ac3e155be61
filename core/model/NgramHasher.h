#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tagbench {

/// Appends the ids of the hashed word n-grams (n = 2..maxN) of a token-id sequence, the way
/// fastText's Dictionary::addWordNgrams does: h = h * 116049371 + id over the window, row
/// firstRow + h % buckets. Nothing is appended when maxN < 2 or buckets == 0.
void appendWordNgrams(const std::int32_t* ids, std::size_t count, int maxN, std::int64_t buckets,
                      std::int64_t firstRow, std::vector<std::int64_t>& out);

} // namespace tagbench

#include "core/model/NgramHasher.h"

namespace tagbench {

void appendWordNgrams(const std::int32_t* ids, std::size_t count, int maxN, std::int64_t buckets,
                      std::int64_t firstRow, std::vector<std::int64_t>& out)
{
    if (maxN < 2 || buckets <= 0) return;
    const auto n = static_cast<std::size_t>(maxN);
    for (std::size_t i = 0; i < count; ++i) {
        auto h = static_cast<std::uint64_t>(ids[i]);
        for (std::size_t j = i + 1; j < count && j < i + n; ++j) {
            h = h * 116049371ULL + static_cast<std::uint64_t>(ids[j]);
            out.push_back(firstRow + static_cast<std::int64_t>(h % static_cast<std::uint64_t>(buckets)));
        }
    }
}

} // namespace tagbench

#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace tagbench {

/// Number of workers for a request (0 = hardware concurrency), never more than items.
inline int resolveThreadCount(int requested, std::size_t items)
{
    int threads = requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (items < static_cast<std::size_t>(threads)) threads = static_cast<int>(std::max<std::size_t>(1, items));
    return threads;
}

/// Splits [0, items) into `threads` contiguous ranges and runs fn(worker, begin, end) for each,
/// the last one on the calling thread. fn must not throw.
template <typename Fn>
void forEachRange(std::size_t items, int threads, Fn&& fn)
{
    const auto workers = static_cast<std::size_t>(std::max(1, threads));
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (std::size_t w = 0; w < workers; ++w) {
        const std::size_t begin = items * w / workers;
        const std::size_t end = items * (w + 1) / workers;
        if (w + 1 == workers) fn(w, begin, end);
        else pool.emplace_back([&fn, w, begin, end] { fn(w, begin, end); });
    }
    for (auto& t : pool) t.join();
}

} // namespace tagbench

#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace tagbench::eval {

/// Runs work(i) for every i in [0, count) on up to 8 threads (the calling one included); items
/// are handed out one at a time, so uneven items balance. work must be safe to run concurrently.
inline void parallelFor(std::size_t count, const std::function<void(std::size_t)>& work)
{
    const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(std::thread::hardware_concurrency(), 8));
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) work(i);
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads && t < count; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();
}

} // namespace tagbench::eval

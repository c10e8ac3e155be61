#include "core/train/torch/BatchBuilder.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>

namespace tagbench {

namespace {

BatchPlan slice(const std::vector<std::int64_t>& order, std::int64_t batchSize)
{
    BatchPlan plan;
    const auto size = static_cast<std::int64_t>(order.size());
    for (std::int64_t start = 0; start < size; start += batchSize)
        plan.emplace_back(order.begin() + start, order.begin() + std::min(size, start + batchSize));
    return plan;
}

/// Fisher-Yates with an explicit generator: std::shuffle's algorithm is implementation-defined,
/// and batch order must be the same on every platform for runs to be reproducible.
template <typename T>
void portableShuffle(std::vector<T>& items, std::mt19937_64& rng)
{
    for (std::size_t i = items.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(rng() % i);
        std::swap(items[i - 1], items[j]);
    }
}

} // namespace

BatchPlan planTrainingEpoch(const EncodedSplit& split, const std::vector<std::uint8_t>& repeats,
                            std::int64_t batchSize, std::uint64_t seed, std::int64_t epoch, bool bucketByLength)
{
    std::vector<std::int64_t> order;
    order.reserve(split.size());
    for (std::size_t i = 0; i < split.size(); ++i) {
        const int times = repeats.empty() ? 1 : repeats[i];
        for (int r = 0; r < times; ++r) order.push_back(static_cast<std::int64_t>(i));
    }
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(epoch));
    portableShuffle(order, rng);
    if (!bucketByLength) return slice(order, batchSize);

    const std::int64_t chunk = batchSize * 50;
    for (std::size_t start = 0; start < order.size(); start += static_cast<std::size_t>(chunk)) {
        const auto end = order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + static_cast<std::size_t>(chunk)));
        std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(start), end, [&](std::int64_t a, std::int64_t b) {
            return split.inputLength(static_cast<std::size_t>(a)) < split.inputLength(static_cast<std::size_t>(b));
        });
    }
    BatchPlan plan = slice(order, batchSize);
    portableShuffle(plan, rng);
    return plan;
}

BatchPlan planInference(const EncodedSplit& split, std::int64_t batchSize, bool bucketByLength)
{
    std::vector<std::int64_t> order(split.size());
    std::iota(order.begin(), order.end(), 0);
    if (bucketByLength) {
        std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
            return split.inputLength(static_cast<std::size_t>(a)) < split.inputLength(static_cast<std::size_t>(b));
        });
    }
    return slice(order, batchSize);
}

BatchBuilder::BatchBuilder(const EncodedSplit& split, const TextClassifierImpl& model, TaskKind task, std::int64_t labels,
                           bool withTargets)
    : m_split(split), m_model(model), m_task(task), m_labels(labels), m_withTargets(withTargets)
{
}

ModelBatch BatchBuilder::build(const std::vector<std::int64_t>& rows, bool pin) const
{
    const auto batch = static_cast<std::int64_t>(rows.size());
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).pinned_memory(pin);
    ModelBatch out = m_model.collate(m_split, rows, pin);
    out.rows = torch::tensor(rows, torch::kInt64);
    if (m_withTargets) {
        if (m_task == TaskKind::MultiLabel) {
            out.targets = torch::zeros({batch, m_labels}, torch::TensorOptions().dtype(torch::kFloat32).pinned_memory(pin));
            auto* targets = out.targets.data_ptr<float>();
            for (std::int64_t b = 0; b < batch; ++b) {
                const auto row = static_cast<std::size_t>(rows[static_cast<std::size_t>(b)]);
                for (auto g = m_split.goldOffsets[row]; g < m_split.goldOffsets[row + 1]; ++g)
                    targets[b * m_labels + m_split.gold[g]] = 1.0f;
            }
        } else {
            out.targets = torch::empty({batch}, longOptions);
            auto* targets = out.targets.data_ptr<std::int64_t>();
            for (std::int64_t b = 0; b < batch; ++b) {
                const auto row = static_cast<std::size_t>(rows[static_cast<std::size_t>(b)]);
                targets[b] = m_split.goldOffsets[row + 1] > m_split.goldOffsets[row] ? m_split.gold[m_split.goldOffsets[row]] : 0;
            }
        }
    }
    return out;
}

BatchPrefetcher::BatchPrefetcher(const BatchBuilder& builder, BatchPlan plan, std::size_t depth, bool pin)
    : m_builder(builder), m_plan(std::move(plan)), m_depth(std::max<std::size_t>(depth, 1)), m_pin(pin)
{
    m_thread = std::thread([this] { work(); });
}

BatchPrefetcher::~BatchPrefetcher()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void BatchPrefetcher::work()
{
    // Waits while depth batches are ready, so memory stays bounded however slow the consumer is.
    for (std::size_t i = 0; i < m_plan.size(); ++i) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || m_ready.size() < m_depth; });
            if (m_stop) return;
        }
        ModelBatch batch;
        try {
            batch = m_builder.build(m_plan[i], m_pin);
        } catch (...) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_error = std::current_exception();
            m_changed.notify_all();
            return;
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_ready.push_back(std::move(batch));
            ++m_produced;
        }
        m_changed.notify_all();
    }
}

std::optional<ModelBatch> BatchPrefetcher::next()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_consumed == m_plan.size()) return std::nullopt;
    if (m_ready.empty() && !m_error && m_consumed > 0) {
        const auto start = std::chrono::steady_clock::now();
        m_changed.wait(lock, [&] { return !m_ready.empty() || m_error; });
        ++m_starved;
        m_starvedSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    m_changed.wait(lock, [&] { return !m_ready.empty() || m_error; });
    if (m_ready.empty()) std::rethrow_exception(m_error);
    ModelBatch batch = std::move(m_ready.front());
    m_ready.pop_front();
    ++m_consumed;
    lock.unlock();
    m_changed.notify_all();
    return batch;
}

} // namespace tagbench

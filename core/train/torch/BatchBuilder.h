#pragma once

#include "core/model/EncodedSplit.h"
#include "core/model/ModelSpec.h"
#include "core/model/torch/TextClassifier.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tagbench {

/// The documents (rows of a split) of each batch of one pass, in order.
using BatchPlan = std::vector<std::vector<std::int64_t>>;

/// Training order for one epoch, a pure function of (seed, epoch) so that a resumed run sees the
/// same batches. repeats[i] > 1 puts document i in the epoch that many times (oversampling).
/// With bucketByLength, documents of similar length share a batch (shuffled within chunks of
/// 50 batches, then the batch order is shuffled), which cuts TextCNN padding to a few percent.
BatchPlan planTrainingEpoch(const EncodedSplit& split, const std::vector<std::uint8_t>& repeats,
                            std::int64_t batchSize, std::uint64_t seed, std::int64_t epoch, bool bucketByLength);

/// Inference order: every document once, sorted by length when bucketByLength.
BatchPlan planInference(const EncodedSplit& split, std::int64_t batchSize, bool bucketByLength);

/// Turns rows of a split into ModelBatch tensors: the model's collate() lays out the inputs,
/// the builder adds the targets of the task and the row numbers.
class BatchBuilder final {
public:
    BatchBuilder(const EncodedSplit& split, const TextClassifierImpl& model, TaskKind task, std::int64_t labels,
                 bool withTargets);

    /// The batch of rows; tensors are pinned when pin is true (faster host-to-GPU copies).
    ModelBatch build(const std::vector<std::int64_t>& rows, bool pin) const;

private:
    const EncodedSplit& m_split;
    const TextClassifierImpl& m_model;
    TaskKind m_task;
    std::int64_t m_labels;
    bool m_withTargets;
};

/// Builds the batches of a plan on a worker thread, at most depth ahead of the consumer, so the
/// training loop (and a GPU) never waits for batch assembly.
class BatchPrefetcher final {
public:
    BatchPrefetcher(const BatchBuilder& builder, BatchPlan plan, std::size_t depth, bool pin);
    ~BatchPrefetcher();
    BatchPrefetcher(const BatchPrefetcher&) = delete;
    BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

    /// The next batch in plan order, or nullopt after the last one.
    std::optional<ModelBatch> next();
    /// Times the consumer found no batch ready after the first one (the device waited on data),
    /// and the seconds it waited then.
    std::size_t starvedCount() const { return m_starved; }
    double starvedSeconds() const { return m_starvedSeconds; }

private:
    void work();

    const BatchBuilder& m_builder;
    BatchPlan m_plan;
    std::size_t m_depth;
    bool m_pin;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ModelBatch> m_ready;
    std::size_t m_produced = 0;
    std::size_t m_consumed = 0;
    std::size_t m_starved = 0;
    double m_starvedSeconds = 0.0;
    bool m_stop = false;
    std::exception_ptr m_error;
    std::thread m_thread;
};

} // namespace tagbench

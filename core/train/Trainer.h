#pragma once

#include "core/train/TrainConfig.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tagbench {

/// Where training stands; reported about every half second from the training thread.
struct TrainProgress {
    std::int64_t epoch = 0;          // 1-based
    std::int64_t epochs = 0;
    std::int64_t step = 0;           // batches done in this epoch
    std::int64_t stepsPerEpoch = 0;
    double examplesPerSecond = 0.0;  // over this epoch so far
    double loss = 0.0;               // mean training loss over this epoch so far
    double etaSeconds = 0.0;         // until the last epoch ends (evaluation excluded)
    /// Training on CUDA: the caching allocator's bytes held by tensors now, the most held since
    /// the epoch began, and the card's memory. All 0 on the CPU.
    std::int64_t deviceMemoryBytes = 0;
    std::int64_t deviceMemoryPeakBytes = 0;
    std::int64_t deviceMemoryTotalBytes = 0;
};

/// One finished epoch: what metrics.jsonl records.
struct EpochReport {
    std::int64_t epoch = 0;
    double trainLoss = 0.0;
    double seconds = 0.0;            // training time of the epoch (evaluation excluded)
    std::int64_t examples = 0;       // documents trained on in the epoch (oversampling and train.unlabelled_keep count)
    double examplesPerSecond = 0.0;
    double devPrecision = 0.0, devRecall = 0.0, devMicroF1 = 0.0, devMacroF1 = 0.0;
    double devLoss = 0.0;            // mean binary (or softmax) cross-entropy per dev document
    std::vector<double> devLabelF1;  // per label, in label order
    bool best = false;               // new best epoch by train.select_best_by
    std::string json;                // the metrics.jsonl line, per-label P/R/F1 included
};

/// How a run ended. Diverged: the loss stayed non-finite after every retry at a lower learning
/// rate; the best epoch before that is kept and scored.
enum class TrainStatus { Completed, EarlyStopped, Cancelled, Diverged };

/// Summary of a run (also written to RUN_DIR/run.json).
struct TrainResult {
    TrainStatus status = TrainStatus::Completed;
    std::int64_t epochsDone = 0;
    std::int64_t bestEpoch = 0;          // 0 when no epoch finished
    double bestDevMicroF1 = 0.0;         // of the best epoch (by train.select_best_by)
    std::string message;                 // why a diverged run stopped (names epoch and step)
    double threshold = 0.5;              // the global threshold behind the lines below
    std::string devPerformanceLine;      // best weights on dev, core/eval performanceLine
    std::string testPerformanceLine;     // empty without test data
    double testMicroF1 = 0.0, testMacroF1 = 0.0;
    std::string device;
    double seconds = 0.0;                // wall time of this invocation
    double meanEpochSeconds = 0.0;
    double examplesPerSecond = 0.0;      // training throughput over all epochs of this invocation
    std::int64_t peakRssBytes = 0;
};

/// What the caller decides beyond the config.
struct TrainOptions {
    std::string runDir;              // created when missing
    std::string device = "auto";     // auto | cpu | cuda[:N]
    bool resume = false;             // continue runDir from its checkpoint
    /// Before a new run on CUDA: try a few steps at growing batch sizes and train at the largest
    /// whose peak stays within 90% of the card's memory (the run's config.json records it). On
    /// the CPU it only says that it applies to GPUs.
    bool findBatchSize = false;
    /// Once true, the run ends cleanly at the end of the current epoch, keeping its best epoch as
    /// early stopping does (status early_stopped): a time limit that still leaves a usable run.
    const std::atomic<bool>* finishAfterEpoch = nullptr;
};

/// Trains the model a TrainConfig describes (any kind of the ModelRegistry) and fills RUN_DIR (see
/// the run directory contract). A non-finite loss rolls the run back to its last finished epoch
/// and retries it at half the learning rate (train.divergence_retries times), saying so in the log. run() blocks; call it from a worker thread in a GUI. Callbacks are
/// invoked on that thread. The header is free of LibTorch so Qt code can include it.
class Trainer final {
public:
    using ProgressCallback = std::function<void(const TrainProgress&)>;
    using EpochCallback = std::function<void(const EpochReport&)>;
    using LogCallback = std::function<void(const std::string&)>;

    Trainer(TrainConfig config, TrainOptions options);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    void setProgressCallback(ProgressCallback callback);
    void setEpochCallback(EpochCallback callback);
    void setLogCallback(LogCallback callback);

    /// Runs to the end, to early stopping or until *cancel becomes true (checked every batch; the
    /// run then stays resumable from its last finished epoch; while the data files are read it is
    /// checked per chunk, and a new run then leaves no config.json: nothing to resume). Errors
    /// carry a message for the user.
    Result<TrainResult> run(const std::atomic<bool>* cancel = nullptr);

    /// The validated config a run directory was started with (RUN_DIR/config.json), for --resume.
    static Result<TrainConfig> loadRunConfig(const std::string& runDir);

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

/// "completed", "early_stopped", "cancelled" or "diverged".
std::string trainStatusName(TrainStatus status);

} // namespace tagbench

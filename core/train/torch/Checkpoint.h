#pragma once

#include "core/model/torch/TextClassifier.h"
#include "core/util/Result.h"

#include <string>

namespace tagbench {

class Optimizer;

/// Progress of a run that a resumed run must continue from exactly.
struct TrainingState {
    std::int64_t epochsDone = 0;
    std::int64_t bestEpoch = 0;
    /// The best epoch's value of train.select_best_by, higher is better (dev loss is negated).
    /// Saved as "best_dev_micro_f1": Tagbench 0.1 always selected by micro-F1.
    double bestScore = -1e300;
    double bestDevMicroF1 = 0.0;     // the best epoch's dev micro-F1, for reports
    std::int64_t epochsWithoutImprovement = 0;
    double learningRateScale = 1.0;  // halved by each divergence retry
    double trainSeconds = 0.0;       // training time of the finished epochs
    std::int64_t examplesSeen = 0;
    std::string metricsJsonl;        // the metrics.jsonl lines of the finished epochs
};

/// Writes model weights to path atomically (a torch archive readable by loadModel()).
Status saveModel(const std::string& path, TextClassifierImpl& model);
/// Loads weights written by saveModel() into model (same architecture), onto device.
Status loadModel(const std::string& path, TextClassifierImpl& model, const torch::Device& device);

/// Writes model, optimizer and state to path atomically.
Status saveCheckpoint(const std::string& path, TextClassifierImpl& model, const Optimizer& optimizer,
                      const TrainingState& state);
/// Restores what saveCheckpoint() wrote.
Result<TrainingState> loadCheckpoint(const std::string& path, TextClassifierImpl& model, Optimizer& optimizer,
                                     const torch::Device& device);

} // namespace tagbench

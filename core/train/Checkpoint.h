#pragma once

#include "core/model/TextClassifier.h"
#include "core/util/Result.h"

#include <string>

namespace tagbench {

class Optimizer;

/// Progress of a run that a resumed run must continue from exactly.
struct TrainingState {
    std::int64_t epochsDone = 0;
    std::int64_t bestEpoch = 0;
    double bestDevMicroF1 = -1.0;
    std::int64_t epochsWithoutImprovement = 0;
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

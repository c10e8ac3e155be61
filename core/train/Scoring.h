#pragma once

#include "core/eval/ScoreMatrix.h"
#include "core/model/TextClassifier.h"
#include "core/train/TrainConfig.h"
#include "core/train/TrainingData.h"

namespace tagbench {

/// Scores every document of split with model (eval mode, no gradients): sigmoid per label for
/// multi-label, softmax for single-label. Rows come back in split order with their gold labels.
eval::ScoreMatrix scoreSplit(TextClassifierImpl& model, const EncodedSplit& split,
                             const std::vector<std::string>& labelNames, const TrainConfig& config,
                             const torch::Device& device);

/// The global threshold in [0.05, 0.95] (step 0.01) with the best micro-F1 on scores.
float bestGlobalThreshold(const eval::ScoreMatrix& scores, int topK);

} // namespace tagbench

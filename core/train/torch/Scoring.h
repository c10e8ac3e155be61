#pragma once

#include "core/eval/ScoreMatrix.h"
#include "core/model/torch/TextClassifier.h"
#include "core/train/TrainConfig.h"

namespace tagbench {

/// Scores every document of split with model (eval mode, no gradients): sigmoid per label for
/// multi-label, softmax for single-label. Rows come back in split order with their gold labels.
eval::ScoreMatrix scoreSplit(TextClassifierImpl& model, const EncodedSplit& split,
                             const std::vector<std::string>& labelNames, const TrainConfig& config,
                             const torch::Device& device);

} // namespace tagbench

#pragma once

#include <torch/torch.h>

namespace tagbench {

/// Multi-label loss per document: the sum over labels of the (focal) binary cross-entropy,
/// averaged over the batch. For label j with target y, p = sigmoid(logit):
///   -( w_j * y * (1-p)^gamma * log p  +  (1-y) * p^gamma * log(1-p) )
/// posWeight ([C], optional) is w_j; gamma = 0 is plain BCE (torch's fused kernel).
torch::Tensor multiLabelLoss(const torch::Tensor& logits, const torch::Tensor& targets,
                             const torch::Tensor& posWeight, double gamma);

/// Single-label loss: softmax cross-entropy averaged over the batch (targets are class indices).
torch::Tensor singleLabelLoss(const torch::Tensor& logits, const torch::Tensor& targets);

/// pos_weight "auto": for each label, negatives / positives over the training documents, capped
/// at cap (and at least 1); labels without positives get cap. counts[j] = documents with label j.
torch::Tensor automaticPosWeight(const std::vector<std::int64_t>& counts, std::int64_t documents, double cap);

} // namespace tagbench

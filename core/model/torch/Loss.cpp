#include "core/model/torch/Loss.h"

#include <algorithm>

namespace tagbench {

torch::Tensor multiLabelLoss(const torch::Tensor& logits, const torch::Tensor& targets,
                             const torch::Tensor& posWeight, double gamma)
{
    const auto batch = static_cast<double>(std::max<std::int64_t>(logits.size(0), 1));
    if (gamma == 0.0) {
        namespace F = torch::nn::functional;
        auto options = F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kSum);
        if (posWeight.defined()) options.pos_weight(posWeight);
        return F::binary_cross_entropy_with_logits(logits, targets, options) / batch;
    }
    // log(1-p) = logsigmoid(-x) keeps the focal terms finite for large |logit|.
    const torch::Tensor logP = torch::log_sigmoid(logits);
    const torch::Tensor log1mP = torch::log_sigmoid(-logits);
    const torch::Tensor p = torch::sigmoid(logits);
    torch::Tensor positive = targets * torch::pow(1 - p, gamma) * logP;
    if (posWeight.defined()) positive = positive * posWeight;
    const torch::Tensor negative = (1 - targets) * torch::pow(p, gamma) * log1mP;
    return -(positive + negative).sum() / batch;
}

torch::Tensor singleLabelLoss(const torch::Tensor& logits, const torch::Tensor& targets)
{
    return torch::nn::functional::cross_entropy(logits, targets);
}

torch::Tensor automaticPosWeight(const std::vector<std::int64_t>& counts, std::int64_t documents, double cap)
{
    std::vector<float> weights(counts.size());
    for (std::size_t j = 0; j < counts.size(); ++j) {
        const double ratio = counts[j] > 0 ? static_cast<double>(documents - counts[j]) / static_cast<double>(counts[j])
                                           : cap;
        weights[j] = static_cast<float>(std::clamp(ratio, 1.0, cap));
    }
    return torch::tensor(weights);
}

} // namespace tagbench

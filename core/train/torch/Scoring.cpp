#include "core/train/torch/Scoring.h"

#include "core/model/torch/AutocastGuard.h"
#include "core/train/torch/BatchBuilder.h"

namespace tagbench {

eval::ScoreMatrix scoreSplit(TextClassifierImpl& model, const EncodedSplit& split,
                             const std::vector<std::string>& labelNames, const TrainConfig& config,
                             const torch::Device& device)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = model.is_training();
    model.eval();
    const auto labels = static_cast<std::int64_t>(labelNames.size());
    const BatchBuilder builder(split, model, config.model.task, labels, /*withTargets=*/false);
    const bool cuda = device.is_cuda();
    BatchPrefetcher batches(builder, planInference(split, std::max<std::int64_t>(config.train.batchSize, 256), model.padsBatches()),
                            4, cuda);

    std::vector<float> scores(split.size() * labelNames.size());
    while (auto batch = batches.next()) {
        torch::Tensor logits;
        {
            AutocastGuard autocast(cuda && config.train.bf16);
            logits = model.forward(batch->to(device, cuda));
        }
        logits = logits.to(torch::kFloat32);
        const torch::Tensor probabilities =
            (config.model.task == TaskKind::MultiLabel ? torch::sigmoid(logits) : torch::softmax(logits, 1)).to(torch::kCPU).contiguous();
        const float* source = probabilities.data_ptr<float>();
        const auto* rows = batch->rows.data_ptr<std::int64_t>();
        for (std::int64_t b = 0; b < batch->size(); ++b)
            std::copy(source + b * labels, source + (b + 1) * labels, scores.begin() + rows[b] * labels);
    }
    if (wasTraining) model.train();

    eval::ScoreMatrix matrix(labelNames);
    matrix.reserve(split.size());
    for (std::size_t i = 0; i < split.size(); ++i) {
        std::vector<std::uint32_t> gold(split.gold.begin() + static_cast<std::ptrdiff_t>(split.goldOffsets[i]),
                                        split.gold.begin() + static_cast<std::ptrdiff_t>(split.goldOffsets[i + 1]));
        const Status added = matrix.addDocument(split.ids[i], scores.data() + i * labelNames.size(), std::move(gold));
        TORCH_CHECK(added.ok(), split.name, ": ", added.ok() ? "" : added.message());
    }
    return matrix;
}

} // namespace tagbench

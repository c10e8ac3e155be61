#include "core/train/Scoring.h"

#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/model/ModelFactory.h"
#include "core/model/TextCnn.h"
#include "core/train/BatchBuilder.h"

namespace tagbench {

eval::ScoreMatrix scoreSplit(TextClassifierImpl& model, const EncodedSplit& split,
                             const std::vector<std::string>& labelNames, const TrainConfig& config,
                             const torch::Device& device)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = model.is_training();
    model.eval();
    const auto labels = static_cast<std::int64_t>(labelNames.size());
    const std::int64_t minLength = model.usesBags() ? 0 : static_cast<TextCnnImpl&>(model).minLength();
    const BatchBuilder builder(split, model.usesBags(), config.task, labels, minLength, /*withTargets=*/false);
    const bool cuda = device.is_cuda();
    BatchPrefetcher batches(builder, planInference(split, std::max<std::int64_t>(config.train.batchSize, 256), true), 4, cuda);

    std::vector<float> scores(split.size() * labelNames.size());
    while (auto batch = batches.next()) {
        torch::Tensor logits;
        {
            AutocastGuard autocast(cuda && config.train.bf16);
            logits = model.forward(batch->to(device, cuda));
        }
        logits = logits.to(torch::kFloat32);
        const torch::Tensor probabilities =
            (config.task == TaskKind::MultiLabel ? torch::sigmoid(logits) : torch::softmax(logits, 1)).to(torch::kCPU).contiguous();
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

float bestGlobalThreshold(const eval::ScoreMatrix& scores, int topK)
{
    float best = 0.5f;
    double bestF1 = -1.0;
    for (int step = 5; step <= 95; ++step) {
        eval::DecisionRule rule(static_cast<float>(step) / 100.0f);
        rule.setTopK(topK);
        const double f1 = eval::evaluate(scores, rule).f1;
        if (f1 > bestF1 + 1e-12) {
            bestF1 = f1;
            best = rule.globalThreshold();
        }
    }
    return best;
}

} // namespace tagbench

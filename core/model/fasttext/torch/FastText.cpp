#include "core/model/fasttext/torch/FastText.h"

#include "core/model/fasttext/FastTextOptions.h"
#include "core/model/torch/CpuLinear.h"
#include "core/model/torch/PretrainedEmbedding.h"
#include "core/train/torch/Optimizer.h"

#include <algorithm>

namespace tagbench {

FastTextImpl::FastTextImpl(const ModelSpec& spec)
{
    const std::int64_t buckets = spec.optionsAs<FastTextOptions>().bucketRows();
    TORCH_CHECK(spec.vocabularySize > 1 && spec.embeddingDim > 0 && spec.labels > 0 && buckets >= 0,
                "FastText needs a vocabulary, an embedding dimension, labels and buckets >= 0");
    m_bag = register_module("bag", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(spec.vocabularySize + buckets,
                                                                                          spec.embeddingDim)
                                                               .mode(torch::kMean)
                                                               .sparse(true)));
    m_output = register_module("output", torch::nn::Linear(spec.embeddingDim, spec.labels));
    // fastText's initialisation: small uniform input vectors, a zero output layer.
    torch::NoGradGuard noGrad;
    const double bound = 1.0 / static_cast<double>(spec.embeddingDim);
    m_bag->weight.uniform_(-bound, bound);
    m_output->weight.zero_();
    m_output->bias.zero_();
}

ModelBatch FastTextImpl::collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const
{
    ModelBatch batch;
    collateBags(split, rows, pin, batch);
    return batch;
}

Status FastTextImpl::prepareForTraining(const TrainingPreparation& preparation)
{
    m_fusedUpdates = !preparation.exactGradients;
    return loadPretrainedEmbedding(m_bag->weight, preparation);
}

torch::Tensor FastTextImpl::forward(const ModelBatch& batch)
{
    return cpuLinear(m_bag(batch.tokens, batch.offsets), m_output->weight, m_output->bias);
}

torch::Tensor FastTextImpl::trainingForward(const ModelBatch& batch)
{
    m_bagMeans = torch::Tensor();
    if (!m_fusedUpdates || !batch.tokens.is_cpu() || !m_bag->weight.requires_grad()) return forward(batch);
    {
        torch::NoGradGuard noGrad;
        m_bagMeans = m_bag(batch.tokens, batch.offsets);
    }
    m_bagMeans.requires_grad_(true);
    return cpuLinear(m_bagMeans, m_output->weight, m_output->bias);
}

void FastTextImpl::finishStep(const ModelBatch& batch, Optimizer& optimizer)
{
    if (!m_bagMeans.defined()) return;
    const auto [rows, values] = bagGradient(batch, m_bagMeans.grad());
    optimizer.stepRows(m_bag->weight, rows, values);
    m_bagMeans = torch::Tensor();
}

std::pair<torch::Tensor, torch::Tensor> FastTextImpl::bagGradient(const ModelBatch& batch, const torch::Tensor& meansGrad)
{
    const torch::Tensor grad = meansGrad.to(torch::kFloat32).contiguous();
    const std::int64_t width = grad.size(1);
    const std::int64_t documents = batch.offsets.size(0);
    const std::int64_t total = batch.tokens.size(0);
    const auto* ids = batch.tokens.data_ptr<std::int64_t>();
    const auto* offsets = batch.offsets.data_ptr<std::int64_t>();
    const float* g = grad.data_ptr<float>();
    if (m_rowSlot.size() != static_cast<std::size_t>(m_bag->weight.size(0)))
        m_rowSlot.assign(static_cast<std::size_t>(m_bag->weight.size(0)), -1);

    std::vector<std::int64_t> rows;
    for (std::int64_t t = 0; t < total; ++t) {
        std::int32_t& slot = m_rowSlot[static_cast<std::size_t>(ids[t])];
        if (slot < 0) {
            slot = 0;  // mark; positions are assigned after sorting
            rows.push_back(ids[t]);
        }
    }
    std::sort(rows.begin(), rows.end());
    for (std::size_t r = 0; r < rows.size(); ++r) m_rowSlot[static_cast<std::size_t>(rows[r])] = static_cast<std::int32_t>(r);

    torch::Tensor values = torch::zeros({static_cast<std::int64_t>(rows.size()), width}, torch::kFloat32);
    float* out = values.data_ptr<float>();
    for (std::int64_t b = 0; b < documents; ++b) {
        const std::int64_t begin = offsets[b];
        const std::int64_t end = b + 1 < documents ? offsets[b + 1] : total;
        if (end == begin) continue;
        const float scale = 1.0f / static_cast<float>(end - begin);  // mean mode
        const float* source = g + b * width;
        for (std::int64_t t = begin; t < end; ++t) {
            float* target = out + static_cast<std::int64_t>(m_rowSlot[static_cast<std::size_t>(ids[t])]) * width;
            for (std::int64_t d = 0; d < width; ++d) target[d] += scale * source[d];
        }
    }
    for (const std::int64_t row : rows) m_rowSlot[static_cast<std::size_t>(row)] = -1;
    return {torch::tensor(rows, torch::kInt64), values};
}

} // namespace tagbench

#include "core/model/textcnn/torch/TextCnn.h"

#include "core/model/torch/CpuLinear.h"
#include "core/model/torch/PretrainedEmbedding.h"

#include <algorithm>

namespace tagbench {

torch::Tensor kMaxPooling(const torch::Tensor& input, std::int64_t k)
{
    if (k == 1) return std::get<0>(input.max(-1, /*keepdim=*/true));
    // A stable descending sort prefers the earlier of equal values (ReLU yields many exact zeros);
    // topk's tie-breaking is unspecified and could make a document's features depend on how much
    // padding its batch has. Sorting the k positions then restores the sequence order.
    const torch::Tensor ranked = std::get<1>(torch::sort(input, /*stable=*/true, /*dim=*/-1, /*descending=*/true));
    const torch::Tensor positions = std::get<0>(ranked.narrow(-1, 0, k).sort(-1));
    return input.gather(-1, positions);
}

TextCnnImpl::TextCnnImpl(const ModelSpec& spec)
    : m_options(spec.optionsAs<TextCnnOptions>())
{
    TORCH_CHECK(spec.vocabularySize > 1 && spec.embeddingDim > 0 && spec.labels > 0,
                "TextCNN needs a vocabulary, an embedding dimension and labels");
    TORCH_CHECK(!m_options.kernelSizes.empty() && m_options.numKernels > 0 && m_options.topKMaxPooling > 0,
                "TextCNN needs kernel sizes, kernels and top_k_max_pooling >= 1");
    m_embedding = register_module(
        "embedding",
        torch::nn::Embedding(torch::nn::EmbeddingOptions(spec.vocabularySize, spec.embeddingDim).padding_idx(0)));
    for (std::size_t i = 0; i < m_options.kernelSizes.size(); ++i) {
        m_convs.push_back(register_module(
            "conv" + std::to_string(i),
            torch::nn::Conv1d(torch::nn::Conv1dOptions(spec.embeddingDim, m_options.numKernels, m_options.kernelSizes[i]))));
    }
    m_dropout = register_module("dropout", torch::nn::Dropout(m_options.dropout));
    std::int64_t features =
        m_options.numKernels * m_options.topKMaxPooling * static_cast<std::int64_t>(m_options.kernelSizes.size());
    if (m_options.hidden > 0) {
        m_hidden = register_module("hidden", torch::nn::Linear(features, m_options.hidden));
        features = m_options.hidden;
    }
    m_output = register_module("output", torch::nn::Linear(features, spec.labels));
}

std::int64_t TextCnnImpl::minLength() const
{
    return *std::max_element(m_options.kernelSizes.begin(), m_options.kernelSizes.end()) + m_options.topKMaxPooling - 1;
}

ModelBatch TextCnnImpl::collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const
{
    ModelBatch batch;
    collatePadded(split, rows, minLength(), pin, batch);
    return batch;
}

Status TextCnnImpl::prepareForTraining(const TrainingPreparation& preparation)
{
    return loadPretrainedEmbedding(m_embedding->weight, preparation);
}

torch::Tensor TextCnnImpl::forward(const ModelBatch& batch)
{
    torch::Tensor tokens = batch.tokens;
    if (tokens.size(1) < minLength()) tokens = torch::constant_pad_nd(tokens, {0, minLength() - tokens.size(1)}, 0);
    const torch::Tensor embedded = m_embedding(tokens).transpose(1, 2);  // [B, D, L]
    const torch::Tensor lengths = batch.lengths.view({-1, 1});
    std::vector<torch::Tensor> pooled;
    pooled.reserve(m_convs.size());
    for (std::size_t i = 0; i < m_convs.size(); ++i) {
        torch::Tensor feature = torch::relu(m_convs[i](embedded));  // [B, K, L - k + 1]
        // Windows that start past the last full window see only padding; ReLU output is >= 0,
        // so zeroing them keeps them out of the top k unless the document is shorter than k.
        const std::int64_t kernel = m_options.kernelSizes[i];
        const torch::Tensor start = torch::arange(feature.size(2), lengths.options()).view({1, -1});
        const torch::Tensor valid = start < torch::clamp_min(lengths - kernel + 1, 1);  // [B, Lk]
        feature = feature * valid.unsqueeze(1).to(feature.scalar_type());
        pooled.push_back(kMaxPooling(feature, m_options.topKMaxPooling).flatten(1));
    }
    torch::Tensor features = m_dropout(torch::cat(pooled, 1));
    if (m_hidden) features = m_dropout(torch::relu(cpuLinear(features, m_hidden->weight, m_hidden->bias)));
    return cpuLinear(features, m_output->weight, m_output->bias);
}

} // namespace tagbench

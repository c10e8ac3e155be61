#include "core/model/bert/torch/BertSelfAttention.h"

#include <cmath>

namespace tagbench {

BertSelfAttentionImpl::BertSelfAttentionImpl(const BertConfig& config, const LoraOptions& lora)
    : m_heads(config.numAttentionHeads), m_headSize(config.headSize())
{
    const auto projection = [&](const char* name) {
        const std::int64_t rank = lora.targets(name) ? lora.rank : 0;
        return register_module(name, LoraLinear(config.hiddenSize, config.hiddenSize, config.initializerRange, rank,
                                                lora.alpha, lora.dropout));
    };
    m_query = projection("query");
    m_key = projection("key");
    m_value = projection("value");
    m_dropout = register_module("dropout", torch::nn::Dropout(config.attentionProbsDropoutProb));
}

torch::Tensor BertSelfAttentionImpl::forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask)
{
    const std::int64_t batch = hidden.size(0);
    const std::int64_t length = hidden.size(1);
    const auto heads = [&](const torch::Tensor& x) {
        return x.view({batch, length, m_heads, m_headSize}).permute({0, 2, 1, 3});
    };
    const torch::Tensor query = heads(m_query->forward(hidden));
    const torch::Tensor key = heads(m_key->forward(hidden));
    const torch::Tensor value = heads(m_value->forward(hidden));

    torch::Tensor scores = torch::matmul(query, key.transpose(-1, -2)) / std::sqrt(static_cast<double>(m_headSize));
    scores = scores + additiveMask;
    const torch::Tensor probabilities = m_dropout->forward(torch::softmax(scores, -1));
    return torch::matmul(probabilities, value).permute({0, 2, 1, 3}).contiguous().view({batch, length, m_heads * m_headSize});
}

} // namespace tagbench

#include "core/model/bert/torch/BertSelfAttention.h"

#include <torch/version.h>

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

#if TORCH_VERSION_MAJOR >= 2
    // On CUDA, LibTorch 2's fused attention (flash / memory-efficient kernels) computes the same
    // softmax(QK^T / sqrt(d) + mask) V without materialising the [B, heads, L, L] scores. The CPU
    // keeps the explicit form, which the Hugging Face parity fixtures pin down bit for bit.
    if (hidden.is_cuda()) {
        const torch::Tensor allowed = additiveMask.eq(0);  // the additive mask is 0 where attending
        const double dropout = is_training() ? m_dropout->options.p() : 0.0;
        return at::scaled_dot_product_attention(query, key, value, allowed, dropout, false)
            .permute({0, 2, 1, 3})
            .reshape({batch, length, m_heads * m_headSize});
    }
#endif
    torch::Tensor scores = torch::matmul(query, key.transpose(-1, -2)) / std::sqrt(static_cast<double>(m_headSize));
    scores = scores + additiveMask;
    const torch::Tensor probabilities = m_dropout->forward(torch::softmax(scores, -1));
    return torch::matmul(probabilities, value).permute({0, 2, 1, 3}).contiguous().view({batch, length, m_heads * m_headSize});
}

} // namespace tagbench

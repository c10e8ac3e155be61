#pragma once

#include "core/model/bert/BertConfig.h"
#include "core/model/bert/LoraOptions.h"
#include "core/model/bert/torch/LoraLinear.h"

#include <torch/torch.h>

namespace tagbench {

/// Multi-head scaled dot-product self-attention as Hugging Face's BertSelfAttention (absolute
/// positions, no cache): query/key/value projections, scores / sqrt(head size) + the additive
/// mask, softmax, dropout, weighted sum of the values. The projections may carry LoRA adapters.
class BertSelfAttentionImpl final : public torch::nn::Module {
public:
    BertSelfAttentionImpl(const BertConfig& config, const LoraOptions& lora);

    /// hidden [B, L, H]; additiveMask [B, 1, 1, L] (0 on tokens, a large negative value on
    /// padding) -> [B, L, H].
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask);

    /// The three projections, for merging adapters.
    std::vector<LoraLinear> projections() const { return {m_query, m_key, m_value}; }

private:
    std::int64_t m_heads = 0;
    std::int64_t m_headSize = 0;
    LoraLinear m_query{nullptr};
    LoraLinear m_key{nullptr};
    LoraLinear m_value{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(BertSelfAttention);

} // namespace tagbench

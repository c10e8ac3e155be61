#pragma once

#include "core/model/bert/BertConfig.h"
#include "core/model/bert/LoraOptions.h"
#include "core/model/bert/torch/BertSelfAttention.h"

#include <torch/torch.h>

namespace tagbench {

/// One transformer block of BERT (post-LayerNorm): self-attention, dense + residual + LayerNorm,
/// intermediate dense + activation, dense + residual + LayerNorm. Submodules are laid out like
/// Hugging Face's BertLayer (attention.self, attention.output.{dense,LayerNorm},
/// intermediate.dense, output.{dense,LayerNorm}) so that parameter names match theirs.
class BertLayerImpl final : public torch::nn::Module {
public:
    BertLayerImpl(const BertConfig& config, const LoraOptions& lora);

    /// hidden [B, L, H], additiveMask [B, 1, 1, L] -> [B, L, H].
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask);

    BertSelfAttention selfAttention() const { return m_selfAttention; }

private:
    torch::Tensor activation(const torch::Tensor& x) const;

    BertActivation m_activation = BertActivation::Gelu;
    BertSelfAttention m_selfAttention{nullptr};
    torch::nn::Linear m_attentionDense{nullptr};
    torch::nn::LayerNorm m_attentionNorm{nullptr};
    torch::nn::Linear m_intermediateDense{nullptr};
    torch::nn::Linear m_outputDense{nullptr};
    torch::nn::LayerNorm m_outputNorm{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(BertLayer);

/// A linear layer initialised as BERT does (weight N(0, std), bias 0).
torch::nn::Linear makeBertLinear(std::int64_t in, std::int64_t out, double initStd);

} // namespace tagbench

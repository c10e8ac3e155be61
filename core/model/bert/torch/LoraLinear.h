#pragma once

#include <torch/torch.h>

namespace tagbench {

/// A linear layer (parameters "weight" [out, in] and "bias" [out], named as nn.Linear's so
/// Hugging Face weights load by name) with an optional LoRA adapter in submodule "lora"
/// (parameters "A" [rank, in], "B" [out, rank]): y = x W^T + b + (alpha / rank) (drop(x) A^T) B^T.
/// A starts as nn.Linear's default (Kaiming uniform), B at zero, so a new adapter changes nothing.
class LoraLinearImpl final : public torch::nn::Module {
public:
    /// rank 0 makes a plain linear layer. Weights start as N(0, initStd), bias 0 (BERT's init).
    LoraLinearImpl(std::int64_t in, std::int64_t out, double initStd, std::int64_t rank = 0, double alpha = 1.0,
                   double dropout = 0.0);

    torch::Tensor forward(const torch::Tensor& input);

    /// True while an unmerged adapter is attached.
    bool hasAdapter() const { return m_loraA.defined(); }
    /// Folds the adapter into the weight (W += (alpha / rank) B A) and removes it; the layer then
    /// computes the same function as a plain linear layer. No-op without an adapter.
    void mergeAdapter();

    torch::Tensor weight;
    torch::Tensor bias;

private:
    torch::Tensor m_loraA;
    torch::Tensor m_loraB;
    double m_scale = 0.0;
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(LoraLinear);

} // namespace tagbench

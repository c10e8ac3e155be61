#pragma once

#include "core/model/bert/BertConfig.h"
#include "core/model/bert/LoraOptions.h"
#include "core/model/bert/torch/BertEmbeddings.h"
#include "core/model/bert/torch/BertLayer.h"

#include <torch/torch.h>

#include <vector>

namespace tagbench {

/// What the encoder computed for a batch.
struct BertEncoderOutput {
    torch::Tensor lastHiddenState;             // [B, L, H]
    torch::Tensor poolerOutput;                // [B, H]: tanh(dense(lastHiddenState[:, 0]))
    std::vector<torch::Tensor> hiddenStates;   // embeddings output, then each layer's; only on request
};

/// BERT's encoder with its pooler: Hugging Face's BertModel. Parameter names are theirs without
/// the "bert." prefix (embeddings.*, encoder.layer.N.*, pooler.dense.*).
class BertEncoderImpl final : public torch::nn::Module {
public:
    BertEncoderImpl(const BertConfig& config, const LoraOptions& lora = {});

    /// ids, attentionMask, tokenTypeIds [B, L] int64 (mask 1 on tokens, 0 on padding; an undefined
    /// token type tensor means all 0). allHiddenStates keeps every layer's output.
    BertEncoderOutput forward(const torch::Tensor& ids, const torch::Tensor& attentionMask,
                              const torch::Tensor& tokenTypeIds, bool allHiddenStates = false);

    /// The additive attention mask of transformers: (1 - mask) * lowest float, as [B, 1, 1, L].
    static torch::Tensor additiveMask(const torch::Tensor& attentionMask, torch::ScalarType dtype);

    const BertConfig& config() const { return m_config; }
    BertEmbeddings embeddings() const { return m_embeddings; }
    const std::vector<BertLayer>& layers() const { return m_layers; }

private:
    BertConfig m_config;
    BertEmbeddings m_embeddings{nullptr};
    std::vector<BertLayer> m_layers;
    torch::nn::Linear m_poolerDense{nullptr};
};
TORCH_MODULE(BertEncoder);

} // namespace tagbench

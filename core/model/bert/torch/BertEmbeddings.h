#pragma once

#include "core/model/bert/BertConfig.h"

#include <torch/torch.h>

namespace tagbench {

/// BERT's input embeddings: word + token type + absolute position, LayerNorm, dropout. Parameter
/// names follow Hugging Face's BertEmbeddings (word_embeddings, position_embeddings,
/// token_type_embeddings, LayerNorm). Positions are 0..L-1 computed on the fly (transformers
/// 4.30 keeps them in a position_ids buffer; it is not a parameter and never needs loading).
class BertEmbeddingsImpl final : public torch::nn::Module {
public:
    explicit BertEmbeddingsImpl(const BertConfig& config);

    /// ids, tokenTypes [B, L] int64 -> [B, L, hidden].
    torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& tokenTypes);

    /// The word embedding table [vocab, hidden].
    torch::nn::Embedding wordEmbeddings() const { return m_wordEmbeddings; }

private:
    torch::nn::Embedding m_wordEmbeddings{nullptr};
    torch::nn::Embedding m_positionEmbeddings{nullptr};
    torch::nn::Embedding m_tokenTypeEmbeddings{nullptr};
    torch::nn::LayerNorm m_layerNorm{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    std::int64_t m_maxPositions = 0;
};
TORCH_MODULE(BertEmbeddings);

} // namespace tagbench

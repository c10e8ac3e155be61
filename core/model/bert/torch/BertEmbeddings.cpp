#include "core/model/bert/torch/BertEmbeddings.h"

namespace tagbench {

namespace {

// BertPreTrainedModel._init_weights for embeddings: N(0, initializer_range), padding row zero.
torch::nn::Embedding makeEmbedding(std::int64_t rows, std::int64_t width, double initStd,
                                   std::optional<std::int64_t> paddingRow = std::nullopt)
{
    auto options = torch::nn::EmbeddingOptions(rows, width);
    if (paddingRow) options.padding_idx(*paddingRow);
    torch::nn::Embedding embedding(options);
    torch::NoGradGuard noGrad;
    embedding->weight.normal_(0.0, initStd);
    if (paddingRow) embedding->weight[*paddingRow].zero_();
    return embedding;
}

} // namespace

BertEmbeddingsImpl::BertEmbeddingsImpl(const BertConfig& config) : m_maxPositions(config.maxPositionEmbeddings)
{
    m_wordEmbeddings = register_module(
        "word_embeddings", makeEmbedding(config.vocabSize, config.hiddenSize, config.initializerRange, config.padTokenId));
    m_positionEmbeddings = register_module(
        "position_embeddings", makeEmbedding(config.maxPositionEmbeddings, config.hiddenSize, config.initializerRange));
    m_tokenTypeEmbeddings = register_module(
        "token_type_embeddings", makeEmbedding(config.typeVocabSize, config.hiddenSize, config.initializerRange));
    m_layerNorm = register_module(
        "LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.layerNormEps)));
    m_dropout = register_module("dropout", torch::nn::Dropout(config.hiddenDropoutProb));
}

torch::Tensor BertEmbeddingsImpl::forward(const torch::Tensor& ids, const torch::Tensor& tokenTypes)
{
    const std::int64_t length = ids.size(1);
    TORCH_CHECK(length <= m_maxPositions, "a sequence of ", length, " tokens is longer than max_position_embeddings (",
                m_maxPositions, ")");
    const torch::Tensor positions = torch::arange(length, ids.options().dtype(torch::kInt64)).unsqueeze(0);
    const torch::Tensor types = tokenTypes.defined() ? tokenTypes : torch::zeros_like(ids);
    // The same order of additions as transformers (word + type, then + position): float sums
    // are not associative and the parity test compares to 1e-5.
    torch::Tensor embeddings = m_wordEmbeddings->forward(ids) + m_tokenTypeEmbeddings->forward(types);
    embeddings = embeddings + m_positionEmbeddings->forward(positions);
    return m_dropout->forward(m_layerNorm->forward(embeddings));
}

} // namespace tagbench

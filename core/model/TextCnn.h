#pragma once

#include "core/model/TextClassifier.h"

#include <vector>

namespace tagbench {

/// Hyper-parameters of TextCNN (Kim 2014) with k-max pooling.
struct TextCnnOptions {
    std::int64_t vocabSize = 0;
    std::int64_t embeddingDim = 128;
    std::int64_t numClasses = 0;
    std::vector<std::int64_t> kernelSizes{2, 3, 4};
    std::int64_t numKernels = 128;   // filters per kernel size
    std::int64_t topK = 1;           // k of k-max pooling; 1 is max-over-time pooling
    std::int64_t hidden = 0;         // width of an optional hidden layer; 0 = none
    double dropout = 0.5;
};

/// Keeps the k largest values along the last dimension in their original order ([.., L] -> [.., k]);
/// of equal values the earlier wins. k = 1 is plain max pooling. L must be >= k.
torch::Tensor kMaxPooling(const torch::Tensor& input, std::int64_t k);

/// Embedding -> parallel 1-D convolutions (one per kernel size) -> ReLU -> k-max pooling ->
/// dropout -> [hidden layer] -> linear. Padding past each document's length is masked before
/// pooling, so a document's logits do not depend on how long its batch neighbours are.
class TextCnnImpl final : public TextClassifierImpl {
public:
    explicit TextCnnImpl(const TextCnnOptions& options);

    torch::Tensor forward(const ModelBatch& batch) override;
    torch::Tensor embeddingWeight() override { return m_embedding->weight; }
    bool usesBags() const override { return false; }

    /// Shortest padded length forward() accepts (the largest kernel + topK - 1).
    std::int64_t minLength() const;
    const TextCnnOptions& options() const { return m_options; }

private:
    TextCnnOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    std::vector<torch::nn::Conv1d> m_convs;
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_hidden{nullptr};
    torch::nn::Linear m_output{nullptr};
};
TORCH_MODULE(TextCnn);

} // namespace tagbench

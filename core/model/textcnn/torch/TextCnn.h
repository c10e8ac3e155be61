#pragma once

#include "core/model/ModelSpec.h"
#include "core/model/textcnn/TextCnnOptions.h"
#include "core/model/torch/TextClassifier.h"

#include <vector>

namespace tagbench {

/// Keeps the k largest values along the last dimension in their original order ([.., L] -> [.., k]);
/// of equal values the earlier wins. k = 1 is plain max pooling. L must be >= k.
torch::Tensor kMaxPooling(const torch::Tensor& input, std::int64_t k);

/// Embedding -> parallel 1-D convolutions (one per kernel size) -> ReLU -> k-max pooling ->
/// dropout -> [hidden layer] -> linear. Padding past each document's length is masked before
/// pooling, so a document's logits do not depend on how long its batch neighbours are.
class TextCnnImpl final : public TextClassifierImpl {
public:
    explicit TextCnnImpl(const ModelSpec& spec);

    torch::Tensor forward(const ModelBatch& batch) override;
    ModelBatch collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const override;
    bool padsBatches() const override { return true; }
    Status prepareForTraining(const TrainingPreparation& preparation) override;

    /// Shortest padded length forward() accepts (the largest kernel + topK - 1).
    std::int64_t minLength() const;

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

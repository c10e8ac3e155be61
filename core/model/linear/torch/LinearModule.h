#pragma once

#include "core/model/ModelSpec.h"
#include "core/model/linear/LinearOptions.h"
#include "core/model/torch/TextClassifier.h"

namespace tagbench {

/// The linear model behind the model interface: logits = W x + b over a document's TF-IDF row,
/// an EmbeddingBag that sums the rows of the document's features weighted by their TF-IDF
/// values. W and b come from liblinear (fit()), not from gradient steps, so scoring, bundles and
/// prediction are the other models' code paths.
class LinearModuleImpl final : public TextClassifierImpl {
public:
    explicit LinearModuleImpl(const ModelSpec& spec);

    torch::Tensor forward(const ModelBatch& batch) override;
    ModelBatch collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const override;
    bool padsBatches() const override { return false; }
    bool fittedBySolver() const override { return true; }
    Status fit(const SolverRequest& request) override;

private:
    LinearOptions m_options;
    torch::nn::EmbeddingBag m_weights{nullptr};  // [features, labels]
    torch::Tensor m_bias;                        // [labels]
};
TORCH_MODULE(LinearModule);

} // namespace tagbench

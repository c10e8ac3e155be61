#pragma once

#include "core/model/TextClassifier.h"

namespace tagbench {

/// Hyper-parameters of the fastText-style classifier.
struct FastTextOptions {
    std::int64_t vocabSize = 0;
    std::int64_t embeddingDim = 100;
    std::int64_t numClasses = 0;
    std::int64_t buckets = 2000000;  // rows for hashed word n-grams, after the vocabulary rows
};

/// fastText's supervised model (Joulin et al. 2016): the mean of the embeddings of a document's
/// tokens and hashed word n-grams, then one linear layer. The bag embedding produces sparse
/// gradients so an update touches only the rows a batch used, which is what makes millions of
/// bucket rows affordable.
class FastTextImpl final : public TextClassifierImpl {
public:
    explicit FastTextImpl(const FastTextOptions& options);

    torch::Tensor forward(const ModelBatch& batch) override;
    torch::Tensor embeddingWeight() override { return m_bag->weight; }
    bool usesBags() const override { return true; }
    std::vector<torch::Tensor> sparseParameters() override { return {m_bag->weight}; }

    /// Mean of each document's bag rows [B, D], computed without autograd history.
    torch::Tensor bagMeans(const ModelBatch& batch);
    /// The linear layer on bag means (forward() == classify(bag means) with history).
    torch::Tensor classify(const torch::Tensor& bagMeans) { return m_output(bagMeans); }
    /// The gradient of the bag table given d(loss)/d(bag means) [B, D] (CPU): the touched rows,
    /// ascending, and the summed gradient of each ([R, D]). Equals the coalesced sparse gradient
    /// autograd produces, without materialising one row per token and sorting them.
    std::pair<torch::Tensor, torch::Tensor> bagGradient(const ModelBatch& batch, const torch::Tensor& meansGrad);

    const FastTextOptions& options() const { return m_options; }

private:
    FastTextOptions m_options;
    torch::nn::EmbeddingBag m_bag{nullptr};
    torch::nn::Linear m_output{nullptr};
    std::vector<std::int32_t> m_rowSlot;  // scratch for bagGradient: row -> position, -1 = untouched
};
TORCH_MODULE(FastText);

} // namespace tagbench

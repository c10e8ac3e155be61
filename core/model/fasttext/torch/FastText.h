#pragma once

#include "core/model/ModelSpec.h"
#include "core/model/torch/TextClassifier.h"

namespace tagbench {

/// fastText's supervised model (Joulin et al. 2016): the mean of the embeddings of a document's
/// tokens and hashed word n-grams, then one linear layer. The bag embedding produces sparse
/// gradients so an update touches only the rows a batch used, which is what makes millions of
/// bucket rows affordable. On the CPU a training step updates the bag rows itself from
/// d(loss)/d(bag means) (finishStep): autograd's sparse gradient costs a row per token and a sort.
class FastTextImpl final : public TextClassifierImpl {
public:
    explicit FastTextImpl(const ModelSpec& spec);

    torch::Tensor forward(const ModelBatch& batch) override;
    ModelBatch collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const override;
    bool padsBatches() const override { return false; }
    Status prepareForTraining(const TrainingPreparation& preparation) override;
    torch::Tensor trainingForward(const ModelBatch& batch) override;
    void finishStep(const ModelBatch& batch, Optimizer& optimizer) override;

    /// The gradient of the bag table given d(loss)/d(bag means) [B, D] (CPU): the touched rows,
    /// ascending, and the summed gradient of each ([R, D]). Equals the coalesced sparse gradient
    /// autograd produces, without materialising one row per token and sorting them.
    std::pair<torch::Tensor, torch::Tensor> bagGradient(const ModelBatch& batch, const torch::Tensor& meansGrad);

private:
    torch::nn::EmbeddingBag m_bag{nullptr};
    torch::nn::Linear m_output{nullptr};
    torch::Tensor m_bagMeans;              // the last trainingForward()'s leaf, when fused
    bool m_fusedUpdates = true;            // off when clipping or accumulation needs autograd's gradient
    std::vector<std::int32_t> m_rowSlot;  // scratch for bagGradient: row -> position, -1 = untouched
};
TORCH_MODULE(FastText);

} // namespace tagbench

#pragma once

#include "core/model/ModelSpec.h"
#include "core/model/bert/BertOptions.h"
#include "core/model/bert/torch/BertClassifier.h"
#include "core/model/torch/TextClassifier.h"

namespace tagbench {

/// BERT behind the model interface: padded batches with an attention mask, the Hugging Face
/// checkpoint's weights loaded before training, Hugging Face's parameter groups (no decay on
/// biases and LayerNorm, layer-wise learning rates, the head's own rate), LoRA merged at export.
class BertModuleImpl final : public TextClassifierImpl {
public:
    explicit BertModuleImpl(const ModelSpec& spec);

    torch::Tensor forward(const ModelBatch& batch) override;
    ModelBatch collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const override;
    bool padsBatches() const override { return true; }
    std::vector<ParameterGroup> parameterGroups() override;
    Status prepareForTraining(const TrainingPreparation& preparation) override;
    void prepareForExport(ModelSpec& spec) override;

    BertClassifier network() const { return m_network; }

private:
    BertOptions m_options;
    BertClassifier m_network{nullptr};
    double m_baseLearningRate = 0.0;
};
TORCH_MODULE(BertModule);

} // namespace tagbench

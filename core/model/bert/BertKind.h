#pragma once

#include "core/model/ModelKind.h"

namespace tagbench {

/// BERT fine-tuned from a Hugging Face checkpoint (core/model/bert/): its own WordPiece input,
/// the encoder with a classification head, optional LoRA adapters merged at export.
class BertKind final : public ModelKind {
public:
    std::string name() const override { return "BERT"; }
    std::string summary() const override;
    std::unique_ptr<ModelOptions> defaultOptions() const override;
    std::string recommendedSettings() const override;
    double relativeCost() const override { return 100.0; }
    bool usesEmbedding() const override { return false; }
    bool usesTokenizer() const override { return false; }
    Result<std::shared_ptr<const InputEncoder>> fitInput(const InputFitRequest& request) const override;
    Result<std::shared_ptr<const InputEncoder>> loadInput(const InputLoadRequest& request) const override;
    Result<std::shared_ptr<const InputEncoder>> bundleInput(const ModelSpec& spec, const TokenizerConfig& tokenizer,
                                                            const std::vector<std::string>& vocabulary, const SafetensorsReader& weights) const override;
    std::shared_ptr<TextClassifierImpl> createModule(const ModelSpec& spec) const override;
};

} // namespace tagbench

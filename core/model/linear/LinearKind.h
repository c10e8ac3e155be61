#pragma once

#include "core/model/ModelKind.h"

namespace tagbench {

/// TF-IDF over word and character n-grams with one-vs-rest logistic regression or linear SVM
/// trained by liblinear, sklearn's recipe (core/model/linear/).
class LinearKind final : public ModelKind {
public:
    std::string name() const override { return "Linear"; }
    std::string summary() const override;
    std::unique_ptr<ModelOptions> defaultOptions() const override;
    std::string recommendedSettings() const override;
    double relativeCost() const override { return 1.0; }
    std::vector<std::string> searchSpace() const override;
    bool usesEmbedding() const override { return false; }
    bool usesTokenizer() const override { return false; }
    Result<std::shared_ptr<const InputEncoder>> fitInput(const InputFitRequest& request) const override;
    Result<std::shared_ptr<const InputEncoder>> loadInput(const InputLoadRequest& request) const override;
    Result<std::shared_ptr<const InputEncoder>> bundleInput(const ModelSpec& spec, const TokenizerConfig& tokenizer,
                                                            const std::vector<std::string>& vocabulary,
                                                            const SafetensorsReader& weights) const override;
    std::shared_ptr<TextClassifierImpl> createModule(const ModelSpec& spec) const override;
};

} // namespace tagbench

#pragma once

#include "core/model/VocabularyModelKind.h"

namespace tagbench {

/// fastText's supervised model: the mean of token and hashed n-gram embeddings, then a linear
/// layer (core/model/fasttext/).
class FastTextKind final : public VocabularyModelKind {
public:
    std::string name() const override { return "FastText"; }
    std::string summary() const override;
    std::unique_ptr<ModelOptions> defaultOptions() const override;
    std::string recommendedSettings() const override;
    double relativeCost() const override { return 2.0; }
    std::vector<std::string> searchSpace() const override;
    std::shared_ptr<TextClassifierImpl> createModule(const ModelSpec& spec) const override;

protected:
    VocabularyInput::Shape inputShape(const ModelSpec& spec) const override;
};

} // namespace tagbench

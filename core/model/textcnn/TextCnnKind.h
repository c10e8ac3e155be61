#pragma once

#include "core/model/VocabularyModelKind.h"

namespace tagbench {

/// TextCNN: convolutions over token embeddings with k-max pooling (core/model/textcnn/).
class TextCnnKind final : public VocabularyModelKind {
public:
    std::string name() const override { return "TextCNN"; }
    std::string summary() const override;
    std::unique_ptr<ModelOptions> defaultOptions() const override;
    std::string recommendedSettings() const override;
    double relativeCost() const override { return 10.0; }
    std::vector<std::string> searchSpace() const override;
    std::shared_ptr<TextClassifierImpl> createModule(const ModelSpec& spec) const override;

protected:
    VocabularyInput::Shape inputShape(const ModelSpec& spec) const override;
};

} // namespace tagbench

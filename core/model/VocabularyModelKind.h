#pragma once

#include "core/model/ModelKind.h"
#include "core/model/VocabularyInput.h"

namespace tagbench {

/// A model kind whose input is one id per token of a vocabulary built from the training data
/// (VocabularyInput); the kind only says how many tokens it reads and which n-grams it adds.
class VocabularyModelKind : public ModelKind {
public:
    Result<std::shared_ptr<const InputEncoder>> fitInput(const InputFitRequest& request) const final;
    Result<std::shared_ptr<const InputEncoder>> loadInput(const InputLoadRequest& request) const final;
    Result<std::shared_ptr<const InputEncoder>> bundleInput(const ModelSpec& spec, const TokenizerConfig& tokenizer,
                                                            const std::vector<std::string>& vocabulary, const SafetensorsReader& weights) const final;

protected:
    /// Tokens kept and n-grams added for a model of spec.
    virtual VocabularyInput::Shape inputShape(const ModelSpec& spec) const = 0;
};

} // namespace tagbench

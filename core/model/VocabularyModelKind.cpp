#include "core/model/VocabularyModelKind.h"

namespace tagbench {

namespace {

Result<std::shared_ptr<const InputEncoder>> upcast(Result<std::shared_ptr<const VocabularyInput>> input)
{
    if (!input) return input.error();
    return std::shared_ptr<const InputEncoder>(std::move(*input));
}

} // namespace

Result<std::shared_ptr<const InputEncoder>> VocabularyModelKind::fitInput(const InputFitRequest& request) const
{
    return upcast(VocabularyInput::fit(request, inputShape(*request.spec)));
}

Result<std::shared_ptr<const InputEncoder>> VocabularyModelKind::loadInput(const InputLoadRequest& request) const
{
    return upcast(VocabularyInput::load(request, inputShape(*request.spec)));
}

Result<std::shared_ptr<const InputEncoder>> VocabularyModelKind::bundleInput(const ModelSpec& spec, const TokenizerConfig& tokenizer,
                                                                             const std::vector<std::string>& vocabulary, const SafetensorsReader& weights) const
{
    return upcast(VocabularyInput::fromTokens(tokenizer, vocabulary, inputShape(spec)));
}

} // namespace tagbench

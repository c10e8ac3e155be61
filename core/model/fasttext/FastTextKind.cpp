#include "core/model/fasttext/FastTextKind.h"

#include "core/model/fasttext/FastTextOptions.h"
#include "core/model/fasttext/torch/FastText.h"

namespace tagbench {

std::string FastTextKind::summary() const
{
    return "Averaged word and n-gram embeddings with a linear layer; trains in seconds on large data.";
}

std::string FastTextKind::recommendedSettings() const
{
    // What trains well on a few thousand documents and stays fast on a laptop CPU.
    return R"({"embedding": {"dimension": 64}, "FastText": {"buckets": 200000}, "train": {"epochs": 20, "learning_rate": 0.01, "batch_size": 32}, "eval": {"threshold": "dev"}})";
}

std::unique_ptr<ModelOptions> FastTextKind::defaultOptions() const { return std::make_unique<FastTextOptions>(); }

VocabularyInput::Shape FastTextKind::inputShape(const ModelSpec& spec) const
{
    const auto& options = spec.optionsAs<FastTextOptions>();
    VocabularyInput::Shape shape;
    shape.wordNgrams = static_cast<int>(options.wordNgrams);
    shape.buckets = options.bucketRows();
    return shape;
}

std::shared_ptr<TextClassifierImpl> FastTextKind::createModule(const ModelSpec& spec) const
{
    return std::make_shared<FastTextImpl>(spec);
}

} // namespace tagbench

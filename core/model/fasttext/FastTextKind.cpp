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

std::vector<std::string> FastTextKind::searchSpace() const
{
    // fastText's own recipe (SGD with a linearly decaying rate, word bigrams; lr 16 over batches
    // of 64 is about fastText's 0.5 per example), then wider vectors trained longer.
    return {R"({"embedding": {"dimension": 100}, "FastText": {"buckets": 2000000},
               "train": {"optimizer": "sgd", "learning_rate": 16, "lr_schedule": "linear", "epochs": 25, "batch_size": 64}})",
            R"({"embedding": {"dimension": 200}, "FastText": {"buckets": 2000000, "word_ngrams": 3},
               "train": {"optimizer": "sgd", "learning_rate": 16, "lr_schedule": "linear", "epochs": 40, "batch_size": 64}})"};
}

} // namespace tagbench

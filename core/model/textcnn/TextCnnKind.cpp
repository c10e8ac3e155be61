#include "core/model/textcnn/TextCnnKind.h"

#include "core/model/textcnn/TextCnnOptions.h"
#include "core/model/textcnn/torch/TextCnn.h"

namespace tagbench {

std::string TextCnnKind::summary() const
{
    return "Convolutions over word or character embeddings; strong on short texts with telling phrases.";
}

std::string TextCnnKind::recommendedSettings() const
{
    // What trains well on a few thousand documents and stays fast on a laptop CPU.
    return R"({"embedding": {"dimension": 128}, "train": {"epochs": 15, "learning_rate": 0.001, "batch_size": 32}, "eval": {"threshold": "dev"}})";
}

std::unique_ptr<ModelOptions> TextCnnKind::defaultOptions() const { return std::make_unique<TextCnnOptions>(); }

VocabularyInput::Shape TextCnnKind::inputShape(const ModelSpec& spec) const
{
    VocabularyInput::Shape shape;
    shape.maxTokens = spec.optionsAs<TextCnnOptions>().maxLength;
    return shape;
}

std::shared_ptr<TextClassifierImpl> TextCnnKind::createModule(const ModelSpec& spec) const
{
    return std::make_shared<TextCnnImpl>(spec);
}

std::vector<std::string> TextCnnKind::searchSpace() const
{
    return {R"({"train": {"epochs": 10, "early_stopping_patience": 2}})",
            R"({"TextCNN": {"kernel_sizes": [1, 2, 3], "num_kernels": 256}, "train": {"epochs": 12, "early_stopping_patience": 2, "pos_weight": "auto"}})"};
}

} // namespace tagbench

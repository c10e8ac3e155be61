#include "core/model/bert/BertKind.h"

#include "core/model/bert/BertOptions.h"
#include "core/model/bert/WordPieceInput.h"
#include "core/model/bert/torch/BertModule.h"

#include <filesystem>

namespace tagbench {

namespace {

Result<std::shared_ptr<const InputEncoder>> input(Result<WordPieceTokenizer> tokenizer, const BertOptions& options)
{
    if (!tokenizer) return tokenizer.error();
    return std::shared_ptr<const InputEncoder>(std::make_shared<WordPieceInput>(std::move(*tokenizer), options.maxLength));
}

} // namespace

std::string BertKind::summary() const
{
    return "A pretrained Hugging Face BERT, fine-tuned; the most accurate on rare labels, slow without a GPU.";
}

std::unique_ptr<ModelOptions> BertKind::defaultOptions() const { return std::make_unique<BertOptions>(); }

std::string BertKind::recommendedSettings() const
{
    // The Hugging Face recipe: AdamW 3e-5 without decay on biases and LayerNorm, 10% warmup
    // then linear decay, clipping at 1, the loss averaged over labels as BCEWithLogitsLoss does.
    return R"({"train": {"optimizer": "adamw", "learning_rate": 3e-5, "weight_decay": 0.01, "batch_size": 16, "epochs": 4,
                         "lr_schedule": "linear", "warmup_ratio": 0.1, "gradient_clip": 1.0, "loss_reduction": "mean",
                         "early_stopping_patience": 2},
               "eval": {"threshold": "dev"}})";
}

Result<std::shared_ptr<const InputEncoder>> BertKind::fitInput(const InputFitRequest& request) const
{
    const auto& options = request.spec->optionsAs<BertOptions>();
    return input(WordPieceTokenizer::load((std::filesystem::path(options.checkpoint) / "vocab.txt").string(), options.tokenizer),
                 options);
}

Result<std::shared_ptr<const InputEncoder>> BertKind::loadInput(const InputLoadRequest& request) const
{
    const auto& options = request.spec->optionsAs<BertOptions>();
    return input(WordPieceTokenizer::load(request.runDir + "/vocab.txt", options.tokenizer), options);
}

Result<std::shared_ptr<const InputEncoder>> BertKind::bundleInput(const ModelSpec& spec, const TokenizerConfig&,
                                                                  const std::vector<std::string>& vocabulary, const SafetensorsReader& weights) const
{
    const auto& options = spec.optionsAs<BertOptions>();
    return input(WordPieceTokenizer::fromTokens(vocabulary, options.tokenizer, "vocabulary"), options);
}

std::shared_ptr<TextClassifierImpl> BertKind::createModule(const ModelSpec& spec) const
{
    return std::make_shared<BertModuleImpl>(spec);
}

} // namespace tagbench

#include "core/model/linear/LinearKind.h"

#include "core/data/Dataset.h"
#include "core/model/linear/LinearOptions.h"
#include "core/model/linear/TfidfInput.h"
#include "core/model/linear/torch/LinearModule.h"

#include <fstream>
#include <sstream>

namespace tagbench {

namespace {

Result<std::shared_ptr<const InputEncoder>> input(Result<linear::TfidfFeatureUnion> features)
{
    if (!features) return features.error();
    return std::shared_ptr<const InputEncoder>(std::make_shared<TfidfInput>(std::move(*features)));
}

} // namespace

std::string LinearKind::summary() const
{
    return "TF-IDF word and character n-grams with logistic regression (liblinear); a strong, fast baseline.";
}

std::unique_ptr<ModelOptions> LinearKind::defaultOptions() const { return std::make_unique<LinearOptions>(); }

std::string LinearKind::recommendedSettings() const
{
    // One fit, no epochs: the dev set picks the threshold.
    return R"({"train": {"epochs": 1, "early_stopping_patience": 0}, "eval": {"threshold": "dev"}})";
}

Result<std::shared_ptr<const InputEncoder>> LinearKind::fitInput(const InputFitRequest& request) const
{
    const auto& options = request.spec->optionsAs<LinearOptions>();
    std::vector<std::string_view> texts(request.train->size());
    for (std::size_t i = 0; i < texts.size(); ++i) texts[i] = request.train->text(i);
    auto features = linear::TfidfFeatureUnion::fit(texts, options.features, request.threads);
    if (!features) return Error{"Linear.features: " + features.message()};
    if (request.log) request.log("TF-IDF: " + std::to_string(features->featureCount()) + " features in " +
                                 std::to_string(options.features.size()) + (options.features.size() == 1 ? " block" : " blocks"));
    return input(std::move(features));
}

Result<std::shared_ptr<const InputEncoder>> LinearKind::loadInput(const InputLoadRequest& request) const
{
    const std::string path = request.runDir + "/" + TfidfInput::kFileName;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open the TF-IDF features of the run"};
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return input(linear::TfidfFeatureUnion::deserialize(bytes.str(), path));
}

Result<std::shared_ptr<const InputEncoder>> LinearKind::bundleInput(const ModelSpec&, const TokenizerConfig&, const std::vector<std::string>&,
                                                                    const SafetensorsReader& weights) const
{
    return input(linear::TfidfFeatureUnion::fromTensors(weights, TfidfInput::kTensorPrefix, "weights"));
}

std::shared_ptr<TextClassifierImpl> LinearKind::createModule(const ModelSpec& spec) const
{
    return std::make_shared<LinearModuleImpl>(spec);
}

std::vector<std::string> LinearKind::searchSpace() const
{
    // A linear SVM (liblinear's dual solver: fast, and on debtags-en dev the best
    // cross-validated micro-F1 of the word models), then the sklearn baseline's logistic
    // regression, class weights for rare labels (higher macro-F1), and character n-grams next to
    // the words (robust to spelling, about ten times the features).
    const std::string words = R"([{"analyzer": "word", "ngram_range": [1, 2], "min_df": 2, "sublinear_tf": true}])";
    const std::string both = R"([{"analyzer": "word", "ngram_range": [1, 2], "min_df": 2, "sublinear_tf": true},
                                  {"analyzer": "char_wb", "ngram_range": [2, 5], "min_df": 2, "sublinear_tf": true}])";
    return {R"({"Linear": {"features": )" + words + R"(, "loss": "squared_hinge", "dual": true, "C": 0.5}})",
            "{}",
            R"({"Linear": {"features": )" + words + R"(, "C": 4, "class_weight": "balanced"}})",
            R"({"Linear": {"features": )" + both + R"(, "loss": "squared_hinge", "dual": true, "C": 0.5}})",
            R"({"Linear": {"features": )" + words + R"(, "loss": "squared_hinge", "dual": true, "C": 0.25}})"};
}

} // namespace tagbench

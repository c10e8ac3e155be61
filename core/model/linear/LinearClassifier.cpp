#include "core/model/linear/LinearClassifier.h"

#include <utility>

namespace tagbench::linear {

TfidfOptions LinearClassifierOptions::defaultWordFeatures()
{
    TfidfOptions options;
    options.ngramMin = 1;
    options.ngramMax = 2;
    options.sublinearTf = true;
    options.minDf = DocumentFrequencyBound::count(2);
    return options;
}

LinearClassifier::LinearClassifier(TfidfFeatureUnion features, LinearModel model)
    : m_features(std::move(features)), m_model(std::move(model))
{
}

Result<LinearClassifier> LinearClassifier::fit(const std::vector<std::string_view>& texts,
                                               const std::vector<std::vector<std::uint32_t>>& gold,
                                               std::size_t labelCount, const LinearClassifierOptions& options,
                                               const std::atomic<bool>* cancel,
                                               const LinearFitProgressCallback& progress)
{
    if (gold.size() != texts.size())
        return Error{"linear model: " + std::to_string(texts.size()) + " texts but " + std::to_string(gold.size()) +
                     " label sets"};
    if (progress) progress({LinearFitProgress::Phase::Features, 0, 1});
    auto features = TfidfFeatureUnion::fit(texts, options.features, options.threads);
    if (!features) return features.error();
    SparseMatrix x = features->transform(texts, options.threads);
    if (progress) progress({LinearFitProgress::Phase::Features, 1, 1});
    if (cancel && cancel->load()) return Error{"linear training was cancelled after 0 of " + std::to_string(labelCount) + " labels"};

    LinearTrainProgress labels;
    if (progress)
        labels = [&progress](std::size_t done, std::size_t total) { progress({LinearFitProgress::Phase::Train, done, total}); };
    auto model = LinearTrainer(options.training).train(x, gold, labelCount, cancel, labels);
    if (!model) return model.error();
    return LinearClassifier(std::move(*features), std::move(*model));
}

std::vector<float> LinearClassifier::scores(const std::vector<std::string_view>& texts, int threads) const
{
    return m_model.scores(m_features.transform(texts, threads), threads);
}

void LinearClassifier::appendTensors(const std::string& prefix, std::vector<TensorRef>& tensors,
                                     std::map<std::string, std::string>& metadata) const
{
    m_features.appendTensors(prefix, tensors, metadata);
    m_model.appendTensors(prefix + "linear.", tensors, metadata);
}

Result<LinearClassifier> LinearClassifier::fromTensors(const SafetensorsReader& reader, const std::string& prefix,
                                                       const std::string& origin)
{
    auto features = TfidfFeatureUnion::fromTensors(reader, prefix, origin);
    if (!features) return features.error();
    auto model = LinearModel::fromTensors(reader, prefix + "linear.", origin);
    if (!model) return model.error();
    if (model->featureCount() != features->featureCount())
        return Error{origin + ": tensor '" + prefix + "linear.weight' has " + std::to_string(model->featureCount()) +
                     " rows but the TF-IDF blocks have " + std::to_string(features->featureCount()) + " features"};
    return LinearClassifier(std::move(*features), std::move(*model));
}

std::string LinearClassifier::serialize() const
{
    std::vector<TensorRef> tensors;
    std::map<std::string, std::string> metadata;
    appendTensors("", tensors, metadata);
    auto writer = SafetensorsWriter::create(std::move(tensors), std::move(metadata));
    return writer ? writer->toBytes() : std::string();
}

Result<LinearClassifier> LinearClassifier::deserialize(std::string_view bytes, const std::string& origin)
{
    auto reader = SafetensorsReader::parse(bytes);
    if (!reader) return Error{origin + ": " + reader.message()};
    return fromTensors(*reader, "", origin);
}

} // namespace tagbench::linear

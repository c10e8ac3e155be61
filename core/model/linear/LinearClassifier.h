#pragma once

#include "core/export/Safetensors.h"
#include "core/model/linear/LinearModel.h"
#include "core/model/linear/LinearTrainer.h"
#include "core/model/linear/TfidfFeatureUnion.h"
#include "core/model/linear/TfidfOptions.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench::linear {

/// Everything a Linear run is configured with: the TF-IDF blocks and the training settings.
struct LinearClassifierOptions {
    /// Default: sklearn's baseline features, word 1-2 grams with sublinear tf and min_df 2.
    std::vector<TfidfOptions> features = {defaultWordFeatures()};
    LinearTrainOptions training;
    /// Workers for vectorizing (0 = all cores); training uses training.threads.
    int threads = 0;

    static TfidfOptions defaultWordFeatures();
};

/// Where a fit stands: the phase, and within "train" the labels done of the total.
struct LinearFitProgress {
    enum class Phase { Features, Train };
    Phase phase = Phase::Features;
    std::size_t done = 0;
    std::size_t total = 0;
};

/// Called on the fitting thread for the features phase and from the training workers, one call
/// at a time, for each label trained.
using LinearFitProgressCallback = std::function<void(const LinearFitProgress&)>;

/// The Linear model kind's whole engine: TF-IDF features fitted on the training texts, one
/// liblinear classifier per label on top, scores in (0, 1) for new texts, and the fitted state
/// as safetensors tensors for a run folder or a bundle.
class LinearClassifier final {
public:
    /// Fits features and classifiers. gold[d] holds the label ids (< labelCount) of texts[d].
    /// Cancellation is checked between labels (vectorizing takes seconds and is not interrupted);
    /// errors are the vectorizer's or trainer's, e.g. "linear training was cancelled after ...".
    static Result<LinearClassifier> fit(const std::vector<std::string_view>& texts,
                                        const std::vector<std::vector<std::uint32_t>>& gold, std::size_t labelCount,
                                        const LinearClassifierOptions& options,
                                        const std::atomic<bool>* cancel = nullptr,
                                        const LinearFitProgressCallback& progress = {});

    /// Scores of texts: texts.size() x labelCount(), row-major (see LinearModel::scores).
    std::vector<float> scores(const std::vector<std::string_view>& texts, int threads = 0) const;

    std::size_t labelCount() const { return m_model.labelCount(); }
    const TfidfFeatureUnion& features() const { return m_features; }
    const LinearModel& model() const { return m_model; }

    /// The features' tensors (TfidfFeatureUnion::appendTensors) and the model's
    /// (LinearModel::appendTensors under prefix + "linear."); they borrow this object's buffers.
    void appendTensors(const std::string& prefix, std::vector<TensorRef>& tensors,
                       std::map<std::string, std::string>& metadata) const;
    /// Reads what appendTensors() wrote and checks that features and weights agree.
    static Result<LinearClassifier> fromTensors(const SafetensorsReader& reader, const std::string& prefix,
                                                const std::string& origin);

    /// Everything as one safetensors file, and back.
    std::string serialize() const;
    static Result<LinearClassifier> deserialize(std::string_view bytes, const std::string& origin);

private:
    LinearClassifier(TfidfFeatureUnion features, LinearModel model);

    TfidfFeatureUnion m_features;
    LinearModel m_model;
};

} // namespace tagbench::linear

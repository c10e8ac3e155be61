#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/ScoreMatrix.h"
#include "core/export/Bundle.h"
#include "core/util/Result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

class Dataset;

/// How a Predictor runs.
struct PredictorOptions {
    std::string device = "cpu";  ///< auto | cpu | cuda[:N]
    int threads = 0;             ///< worker threads for batches (0 = hardware threads)
    int batchSize = 256;         ///< documents per forward pass
};

/// One predicted label.
struct LabelScore {
    std::uint32_t label = 0;  ///< index into Predictor::labels()
    float score = 0.0f;
};

/// The decision for one text: labels the rule keeps (best first) and, when asked, every score.
struct Prediction {
    std::vector<LabelScore> labels;
    std::vector<float> scores;  ///< one per label, or empty
};

/// Runs a .tagbench bundle: rebuilds the network from the manifest (no code or pickles are read
/// from the file), tokenizes with the bundled tokenizer and vocabulary, scores texts in batches on
/// several threads (or CUDA) and applies a decision rule. Torch-free header (pimpl) for the GUI.
/// Scoring is thread-safe; setRule()/resetRule() must not race with predictions.
class Predictor final {
public:
    /// Opens and verifies a bundle and builds its network on the requested device.
    static Result<Predictor> open(const std::string& path, const PredictorOptions& options = {});
    /// Builds the network of an already opened bundle.
    static Result<Predictor> fromBundle(Bundle bundle, const PredictorOptions& options = {});

    Predictor(Predictor&& other) noexcept;
    Predictor& operator=(Predictor&& other) noexcept;
    ~Predictor();

    /// The bundle (manifest, metrics card, checksum).
    const Bundle& bundle() const;
    /// Label names; index = score column.
    const std::vector<std::string>& labels() const;
    /// The rule predictions apply: the bundle's until setRule().
    const eval::DecisionRule& rule() const;
    /// Replaces the rule (validated against the labels).
    Status setRule(eval::DecisionRule rule);
    /// Goes back to the bundle's rule.
    void resetRule();
    /// Where the network runs, e.g. "cpu (4 threads)".
    const std::string& deviceDescription() const;

    /// Scores and decides one text.
    Result<Prediction> predict(std::string_view text, bool allScores = false) const;
    /// Scores and decides many texts (batched, parallel); result i belongs to texts[i].
    Result<std::vector<Prediction>> predictBatch(const std::vector<std::string_view>& texts, bool allScores = false) const;
    /// Scores only, row-major texts.size() x labels().size() (sigmoid, or softmax for single-label).
    Result<std::vector<float>> score(const std::vector<std::string_view>& texts) const;
    /// Scores every document of dataset; gold labels are matched to the bundle's labels by name
    /// (unknown ones are dropped), ids are the dataset's or "line N".
    Result<eval::ScoreMatrix> scoreDataset(const Dataset& dataset) const;
    /// The labels rule() keeps for one row of labels().size() scores, best first.
    std::vector<LabelScore> decide(const float* scores) const;

private:
    class Impl;
    explicit Predictor(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tagbench

#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tagbench::eval {

class DecisionRule;
class ScoreMatrix;

/// Counts of one label under one decision rule.
struct LabelCounts {
    std::int64_t truePositives = 0;  // predicted and gold
    std::int64_t predicted = 0;      // true + false positives
    std::int64_t support = 0;        // gold: true positives + false negatives

    std::int64_t falsePositives() const { return predicted - truePositives; }
    std::int64_t falseNegatives() const { return support - truePositives; }
};

/// Precision, recall and F1 of one label (0 where a denominator is 0).
struct LabelMetrics {
    LabelCounts counts;
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
};

/// Quality of a set of predictions against gold labels.
///
/// Micro averages pool all labels: truePositives = correct predicted labels, predicted =
/// predicted labels, gold = gold labels (the seed's "right", "predict" and "standard"). Macro-F1 follows NeuralClassifier: the mean of per-label F1
/// over the labels that occur in the gold sets OR in the predictions (labels absent from both
/// are left out rather than counted as 0 or 1). Any ratio with a zero denominator is 0.
struct Metrics {
    std::int64_t truePositives = 0;
    std::int64_t predicted = 0;
    std::int64_t gold = 0;
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    double macroF1 = 0.0;
    std::int64_t documents = 0;
    std::int64_t documentsWithoutPrediction = 0;  // rows whose predicted label set is empty
    std::vector<LabelMetrics> labels;             // index = label
};

/// Precision, recall and F1 of one label's counts.
LabelMetrics labelMetrics(const LabelCounts& counts);

/// F-beta from precision and recall (0 when both are 0).
double fBeta(double precision, double recall, double beta);

/// Builds the full Metrics (micro, macro, per label) from per-label counts.
Metrics metricsFromCounts(const std::vector<LabelCounts>& counts, std::int64_t documents,
                          std::int64_t documentsWithoutPrediction);

/// Metrics of rule applied to every row of scores (the straightforward full pass).
Metrics evaluate(const ScoreMatrix& scores, const DecisionRule& rule);

/// `Performance is precision: P, recall: R, fscore: F, macro-fscore: M, right: N, predict: N, standard: N.`
/// with 6 decimals, the line fastText/NeuralClassifier users compare against.
std::string performanceLine(const Metrics& metrics);

/// Collects predicted and gold label sets one document at a time (e.g. per-epoch dev metrics).
class MetricsAccumulator final {
public:
    /// Counts for labels 0..labelCount-1.
    explicit MetricsAccumulator(std::size_t labelCount);

    /// Adds one document; both ranges hold label indices < labelCount, each label at most once.
    void add(const std::uint32_t* predictedBegin, const std::uint32_t* predictedEnd,
             const std::uint32_t* goldBegin, const std::uint32_t* goldEnd);
    /// Same with vectors.
    void add(const std::vector<std::uint32_t>& predicted, const std::vector<std::uint32_t>& gold);

    /// Metrics of everything added so far.
    Metrics metrics() const;
    /// Per-label counts so far.
    const std::vector<LabelCounts>& counts() const { return m_counts; }

private:
    std::vector<LabelCounts> m_counts;
    std::vector<std::uint8_t> m_goldMark;  // scratch: 1 for the current document's gold labels
    std::int64_t m_documents = 0;
    std::int64_t m_empty = 0;
};

} // namespace tagbench::eval

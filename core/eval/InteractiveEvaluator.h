#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace tagbench::eval {

class ScoreMatrix;

/// One label's precision/recall/F1 at a series of thresholds (descending), for plotting.
struct LabelCurve {
    std::vector<float> thresholds;
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> f1;
    std::vector<std::int64_t> truePositives;
    std::vector<std::int64_t> predicted;
    std::int64_t support = 0;
};

/// Metrics of a decision rule on one scored split that follow every edit of the rule fast
/// enough for a slider (about a millisecond for 200,000 documents x 500 labels; see
/// docs/benchmarks.md, "Interactive tuning").
///
/// Index, built once: per label, its scores sorted descending, the positions of its gold
/// entries, and a WaveletMatrix over the row rank of each entry. For threshold t and top-k k a
/// label's predictions are #{score >= t and rank < k}: one binary search plus O(log labels)
/// rank queries, and the same over the gold entries gives the true positives. So editing one
/// label's threshold recomputes that label's counts only; the global threshold and top-k
/// recompute each label in O(log). Empty rows (and atLeastOne) need per-document knowledge:
/// a row can only be empty when its best enabled label fails its threshold, so documents are
/// grouped by that label and sorted by its score; the failing ones are a suffix of each group,
/// and each is checked along its best labels (stored in the same order, read sequentially)
/// until the scores drop below every threshold. Results equal evaluate() exactly.
class InteractiveEvaluator final {
public:
    /// Indexes scores (O(documents x labels x log)); the matrix is shared, not copied.
    static Result<std::unique_ptr<InteractiveEvaluator>> create(std::shared_ptr<const ScoreMatrix> scores,
                                                                 DecisionRule rule = DecisionRule());
    /// The read-only part of an evaluator's index (sorted scores, rank structures, each
    /// document's best labels: nearly all of its memory and build time).
    class SharedIndex;
    /// Another evaluator over the same scores from a sharedIndex(), starting at rule: only the
    /// per-rule state is built (O(documents log documents)). Evaluators that share an index can
    /// be used on different threads; the index and the scores are only read.
    static Result<std::unique_ptr<InteractiveEvaluator>> create(std::shared_ptr<const SharedIndex> index,
                                                                 DecisionRule rule = DecisionRule());
    /// This evaluator's read-only index, for create(index, rule) (on another thread if wanted).
    std::shared_ptr<const SharedIndex> sharedIndex() const;
    ~InteractiveEvaluator();
    InteractiveEvaluator(const InteractiveEvaluator&) = delete;
    InteractiveEvaluator& operator=(const InteractiveEvaluator&) = delete;

    /// The rule the current counts belong to.
    const DecisionRule& rule() const;
    /// The scored split.
    const ScoreMatrix& scores() const;

    /// Replaces the whole rule (recomputes everything).
    Status setRule(const DecisionRule& rule);
    /// Changes the global threshold; labels with an override are untouched.
    void setGlobalThreshold(float threshold);
    /// Sets one label's override; only that label is recomputed (plus atLeastOne if on).
    void setLabelThreshold(std::uint32_t label, float threshold);
    /// Removes one label's override.
    void clearLabelThreshold(std::uint32_t label);
    /// Changes top-k (0 = unlimited).
    void setTopK(int topK);
    /// Switches atLeastOne.
    void setAtLeastOne(bool enabled);
    /// Enables or disables one label.
    void setDisabled(std::uint32_t label, bool disabled);

    /// Per-label counts under the current rule.
    const std::vector<LabelCounts>& counts() const;
    /// Micro sums under the current rule: right, predict, standard.
    std::int64_t truePositives() const;
    std::int64_t predicted() const;
    std::int64_t gold() const;
    /// Documents with no predicted label under the current rule.
    std::int64_t documentsWithoutPrediction() const;
    /// Full metrics (micro, macro, per label) under the current rule; O(labels).
    Metrics metrics() const;

    // Thresholds and scores below are on the rule's scale: calibrated when the rule has a
    // calibration (the index holds raw scores; thresholds are mapped through the inverse).

    /// Counts of label if its threshold were t, everything else as now (ignores atLeastOne).
    LabelCounts countsAt(std::uint32_t label, float threshold) const;
    /// Precision/recall/F1 of label at every distinct score (the PR curve), under the current
    /// top-k, ignoring atLeastOne; maxPoints > 0 keeps about that many evenly spaced points.
    LabelCurve curve(std::uint32_t label, std::size_t maxPoints = 0) const;
    /// Same metrics sampled at the given thresholds (any order), e.g. 0.00, 0.01, ... 1.00.
    LabelCurve sampledCurve(std::uint32_t label, const std::vector<float>& thresholds) const;

    /// Scores of label's gold documents, descending: the only thresholds where an F-measure,
    /// or recall/precision under a floor, can peak (the lowest admitted entry is then gold).
    std::vector<float> goldScores(std::uint32_t label) const;
    /// The highest score of label over all documents (0 when there are none): a threshold
    /// above it predicts the label nowhere.
    float highestScore(std::uint32_t label) const;
    /// The label's n-th highest score (n = 0: the highest); n < the number of documents.
    float nthHighestScore(std::uint32_t label, std::size_t n) const;

    /// Heap bytes of the index (not counting the shared matrix).
    std::size_t memoryBytes() const;

private:
    class Index;
    InteractiveEvaluator();
    std::unique_ptr<Index> m_index;
};

} // namespace tagbench::eval

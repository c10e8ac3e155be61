#pragma once
// Private to the threshold tuner: what it tunes on.

#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/eval/ThresholdTuner.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace tagbench::eval {

/// The counts of one split under a decision rule that follow edits of the rule: an
/// InteractiveEvaluator (EvaluatorTuneTarget), or the documents of one evaluator minus those
/// of another (DifferenceTuneTarget, cross-validation's training folds). Thresholds and
/// scores are on the rule's scale, as in InteractiveEvaluator.
class TuneTarget {
public:
    virtual ~TuneTarget() = default;

    virtual std::size_t labelCount() const = 0;
    virtual const DecisionRule& rule() const = 0;
    virtual Status setRule(const DecisionRule& rule) = 0;
    virtual void setGlobalThreshold(float threshold) = 0;
    virtual void setLabelThreshold(std::uint32_t label, float threshold) = 0;

    virtual const std::vector<LabelCounts>& counts() const = 0;
    virtual std::int64_t truePositives() const = 0;
    virtual std::int64_t predicted() const = 0;
    virtual std::int64_t gold() const = 0;
    virtual Metrics metrics() const = 0;
    /// Counts of label if its threshold were t, everything else as now (ignores atLeastOne).
    virtual LabelCounts countsAt(std::uint32_t label, float threshold) const = 0;
    /// Scores of label's gold documents, descending.
    virtual std::vector<float> goldScores(std::uint32_t label) const = 0;
    /// The highest score of label over the target's documents (0 when there are none).
    virtual float highestScore(std::uint32_t label) const = 0;

protected:
    TuneTarget() = default;
    TuneTarget(const TuneTarget&) = default;
    TuneTarget& operator=(const TuneTarget&) = default;
};

class TuneProgressTracker;

/// tuneRule() on any target, progress counted on from progress.done(); nullopt when cancelled.
std::optional<TuneResult> tuneTarget(TuneTarget& target, const TuneOptions& options, const DecisionRule& base,
                                     TuneProgressTracker& progress);

} // namespace tagbench::eval

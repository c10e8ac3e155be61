#pragma once
// Private to the threshold tuner: cross-validation's training folds without indexing them.

#include "core/eval/TuneTarget.h"

namespace tagbench::eval {

class InteractiveEvaluator;

/// The documents of all minus those of held (a subset of all's documents): every count the
/// tuner reads is a sum over documents, so the training folds' counts are all's minus the
/// held-out fold's. Indexing only the held-out fold (1/k of the documents) replaces indexing
/// the training folds ((k-1)/k) for every fold. Both evaluators always carry the same rule.
class DifferenceTuneTarget final : public TuneTarget {
public:
    DifferenceTuneTarget(InteractiveEvaluator& all, InteractiveEvaluator& held);

    std::size_t labelCount() const override;
    const DecisionRule& rule() const override;
    Status setRule(const DecisionRule& rule) override;
    void setGlobalThreshold(float threshold) override;
    void setLabelThreshold(std::uint32_t label, float threshold) override;
    const std::vector<LabelCounts>& counts() const override { return m_counts; }
    std::int64_t truePositives() const override { return m_right; }
    std::int64_t predicted() const override { return m_predict; }
    std::int64_t gold() const override { return m_standard; }
    Metrics metrics() const override;
    LabelCounts countsAt(std::uint32_t label, float threshold) const override;
    std::vector<float> goldScores(std::uint32_t label) const override;
    float highestScore(std::uint32_t label) const override;

private:
    void refresh();
    void refreshLabel(std::uint32_t label);

    InteractiveEvaluator& m_all;
    InteractiveEvaluator& m_held;
    std::vector<LabelCounts> m_counts;
    std::int64_t m_right = 0, m_predict = 0, m_standard = 0;
};

} // namespace tagbench::eval

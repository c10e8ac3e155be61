#pragma once
// Private to the threshold tuner: tuning on one InteractiveEvaluator.

#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/TuneTarget.h"

namespace tagbench::eval {

/// Forwards every call to the evaluator, which is left at the tuned rule.
class EvaluatorTuneTarget final : public TuneTarget {
public:
    explicit EvaluatorTuneTarget(InteractiveEvaluator& evaluator) : m_evaluator(evaluator) {}

    std::size_t labelCount() const override { return m_evaluator.scores().labelCount(); }
    const DecisionRule& rule() const override { return m_evaluator.rule(); }
    Status setRule(const DecisionRule& rule) override { return m_evaluator.setRule(rule); }
    void setGlobalThreshold(float threshold) override { m_evaluator.setGlobalThreshold(threshold); }
    void setLabelThreshold(std::uint32_t label, float threshold) override { m_evaluator.setLabelThreshold(label, threshold); }
    const std::vector<LabelCounts>& counts() const override { return m_evaluator.counts(); }
    std::int64_t truePositives() const override { return m_evaluator.truePositives(); }
    std::int64_t predicted() const override { return m_evaluator.predicted(); }
    std::int64_t gold() const override { return m_evaluator.gold(); }
    Metrics metrics() const override { return m_evaluator.metrics(); }
    LabelCounts countsAt(std::uint32_t label, float threshold) const override { return m_evaluator.countsAt(label, threshold); }
    std::vector<float> goldScores(std::uint32_t label) const override { return m_evaluator.goldScores(label); }
    float highestScore(std::uint32_t label) const override { return m_evaluator.highestScore(label); }

private:
    InteractiveEvaluator& m_evaluator;
};

} // namespace tagbench::eval

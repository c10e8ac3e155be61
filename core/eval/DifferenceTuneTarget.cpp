#include "core/eval/DifferenceTuneTarget.h"

#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"

#include <algorithm>
#include <functional>

namespace tagbench::eval {

namespace {

LabelCounts minus(const LabelCounts& a, const LabelCounts& b)
{
    LabelCounts c;
    c.truePositives = a.truePositives - b.truePositives;
    c.predicted = a.predicted - b.predicted;
    c.support = a.support - b.support;
    return c;
}

} // namespace

DifferenceTuneTarget::DifferenceTuneTarget(InteractiveEvaluator& all, InteractiveEvaluator& held) : m_all(all), m_held(held)
{
    refresh();
}

std::size_t DifferenceTuneTarget::labelCount() const { return m_all.scores().labelCount(); }
const DecisionRule& DifferenceTuneTarget::rule() const { return m_all.rule(); }

Status DifferenceTuneTarget::setRule(const DecisionRule& rule)
{
    if (auto s = m_all.setRule(rule); !s) return s;
    if (auto s = m_held.setRule(rule); !s) return s;
    refresh();
    return {};
}

void DifferenceTuneTarget::setGlobalThreshold(float threshold)
{
    m_all.setGlobalThreshold(threshold);
    m_held.setGlobalThreshold(threshold);
    refresh();
}

void DifferenceTuneTarget::setLabelThreshold(std::uint32_t label, float threshold)
{
    m_all.setLabelThreshold(label, threshold);
    m_held.setLabelThreshold(label, threshold);
    // Without atLeastOne only this label's counts change; with it, any label's may.
    if (m_all.rule().atLeastOne())
        refresh();
    else
        refreshLabel(label);
}

void DifferenceTuneTarget::refresh()
{
    m_counts.resize(labelCount());
    for (std::uint32_t l = 0; l < m_counts.size(); ++l) m_counts[l] = minus(m_all.counts()[l], m_held.counts()[l]);
    m_right = m_all.truePositives() - m_held.truePositives();
    m_predict = m_all.predicted() - m_held.predicted();
    m_standard = m_all.gold() - m_held.gold();
}

void DifferenceTuneTarget::refreshLabel(std::uint32_t label)
{
    const LabelCounts before = m_counts[label];
    m_counts[label] = minus(m_all.counts()[label], m_held.counts()[label]);
    m_right += m_counts[label].truePositives - before.truePositives;
    m_predict += m_counts[label].predicted - before.predicted;
}

Metrics DifferenceTuneTarget::metrics() const
{
    const auto documents = static_cast<std::int64_t>(m_all.scores().documentCount() - m_held.scores().documentCount());
    return metricsFromCounts(m_counts, documents, m_all.documentsWithoutPrediction() - m_held.documentsWithoutPrediction());
}

LabelCounts DifferenceTuneTarget::countsAt(std::uint32_t label, float threshold) const
{
    return minus(m_all.countsAt(label, threshold), m_held.countsAt(label, threshold));
}

std::vector<float> DifferenceTuneTarget::goldScores(std::uint32_t label) const
{
    // Both descending: the multiset difference in one merge.
    const std::vector<float> all = m_all.goldScores(label), held = m_held.goldScores(label);
    std::vector<float> out;
    out.reserve(all.size() - std::min(all.size(), held.size()));
    std::set_difference(all.begin(), all.end(), held.begin(), held.end(), std::back_inserter(out), std::greater<float>());
    return out;
}

float DifferenceTuneTarget::highestScore(std::uint32_t label) const
{
    // Walk both descending lists: the first of all's scores that held does not account for
    // belongs to the training folds (held is a sub-multiset of all).
    const std::size_t allCount = m_all.scores().documentCount(), heldCount = m_held.scores().documentCount();
    for (std::size_t i = 0, j = 0; i < allCount; ++i, ++j) {
        const float score = m_all.nthHighestScore(label, i);
        if (j >= heldCount || m_held.nthHighestScore(label, j) != score) return score;
    }
    return 0.0f;  // no training documents: as InteractiveEvaluator::highestScore() of none
}

} // namespace tagbench::eval

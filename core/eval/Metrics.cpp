#include "core/eval/Metrics.h"

#include "core/eval/DecisionRule.h"
#include "core/eval/ScoreMatrix.h"

#include <cstdio>

namespace tagbench::eval {

namespace {

double ratio(std::int64_t numerator, std::int64_t denominator)
{
    return denominator > 0 ? static_cast<double>(numerator) / static_cast<double>(denominator) : 0.0;
}

} // namespace

double fBeta(double precision, double recall, double beta)
{
    const double b2 = beta * beta;
    const double denominator = b2 * precision + recall;
    return denominator > 0.0 ? (1.0 + b2) * precision * recall / denominator : 0.0;
}

LabelMetrics labelMetrics(const LabelCounts& counts)
{
    LabelMetrics m;
    m.counts = counts;
    m.precision = ratio(counts.truePositives, counts.predicted);
    m.recall = ratio(counts.truePositives, counts.support);
    m.f1 = fBeta(m.precision, m.recall, 1.0);
    return m;
}

Metrics metricsFromCounts(const std::vector<LabelCounts>& counts, std::int64_t documents,
                          std::int64_t documentsWithoutPrediction)
{
    Metrics m;
    m.documents = documents;
    m.documentsWithoutPrediction = documentsWithoutPrediction;
    m.labels.reserve(counts.size());
    double f1Sum = 0.0;
    std::int64_t present = 0;
    for (const LabelCounts& c : counts) {
        m.truePositives += c.truePositives;
        m.predicted += c.predicted;
        m.gold += c.support;
        m.labels.push_back(labelMetrics(c));
        if (c.support > 0 || c.predicted > 0) {
            f1Sum += m.labels.back().f1;
            ++present;
        }
    }
    m.precision = ratio(m.truePositives, m.predicted);
    m.recall = ratio(m.truePositives, m.gold);
    m.f1 = fBeta(m.precision, m.recall, 1.0);
    m.macroF1 = present > 0 ? f1Sum / static_cast<double>(present) : 0.0;
    return m;
}

Metrics evaluate(const ScoreMatrix& scores, const DecisionRule& rule)
{
    const std::size_t labels = scores.labelCount();
    MetricsAccumulator accumulator(labels);
    std::vector<std::uint32_t> predicted, scratch;
    const std::vector<float> thresholds = rule.effectiveThresholds(labels);  // once, not per row
    for (std::size_t d = 0; d < scores.documentCount(); ++d) {
        DecisionRule::applyThresholds(scores.row(d), labels, thresholds.data(), rule.topK(), rule.atLeastOne(), predicted, scratch);
        const GoldSpan gold = scores.gold(d);
        accumulator.add(predicted.data(), predicted.data() + predicted.size(), gold.begin(), gold.end());
    }
    return accumulator.metrics();
}

std::string performanceLine(const Metrics& m)
{
    char buffer[256];
    std::snprintf(buffer, sizeof(buffer),
                  "Performance is precision: %.6f, recall: %.6f, fscore: %.6f, macro-fscore: %.6f, right: %lld, "
                  "predict: %lld, standard: %lld.",
                  m.precision, m.recall, m.f1, m.macroF1, static_cast<long long>(m.truePositives),
                  static_cast<long long>(m.predicted), static_cast<long long>(m.gold));
    return buffer;
}

MetricsAccumulator::MetricsAccumulator(std::size_t labelCount) : m_counts(labelCount), m_goldMark(labelCount, 0) {}

void MetricsAccumulator::add(const std::uint32_t* predictedBegin, const std::uint32_t* predictedEnd,
                             const std::uint32_t* goldBegin, const std::uint32_t* goldEnd)
{
    ++m_documents;
    if (predictedBegin == predictedEnd) ++m_empty;
    for (auto it = goldBegin; it != goldEnd; ++it) {
        m_goldMark[*it] = 1;
        ++m_counts[*it].support;
    }
    for (auto it = predictedBegin; it != predictedEnd; ++it) {
        ++m_counts[*it].predicted;
        m_counts[*it].truePositives += m_goldMark[*it];
    }
    for (auto it = goldBegin; it != goldEnd; ++it) m_goldMark[*it] = 0;
}

void MetricsAccumulator::add(const std::vector<std::uint32_t>& predicted, const std::vector<std::uint32_t>& gold)
{
    add(predicted.data(), predicted.data() + predicted.size(), gold.data(), gold.data() + gold.size());
}

Metrics MetricsAccumulator::metrics() const
{
    return metricsFromCounts(m_counts, m_documents, m_empty);
}

} // namespace tagbench::eval

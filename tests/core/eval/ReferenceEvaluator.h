#pragma once
// Brute-force reference for the decision rule semantics documented in core/eval/DecisionRule.h,
// written from the words, not from the implementation: rank by counting, then filter.

#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"

#include <algorithm>
#include <random>
#include <set>
#include <vector>

namespace tagbench::eval::reference {

struct Counts {
    std::vector<LabelCounts> labels;
    std::int64_t empty = 0;
};

/// Rank of label in row: labels with a higher score, or the same score and a lower index, come first.
inline std::size_t rankOf(const float* row, std::size_t labelCount, std::size_t label)
{
    std::size_t rank = 0;
    for (std::size_t j = 0; j < labelCount; ++j)
        if (row[j] > row[label] || (row[j] == row[label] && j < label)) ++rank;
    return rank;
}

inline std::set<std::uint32_t> predict(const float* row, std::size_t labelCount, const DecisionRule& rule)
{
    std::set<std::uint32_t> out;
    for (std::uint32_t j = 0; j < labelCount; ++j) {
        if (rule.isDisabled(j)) continue;
        // Calibrated score (the raw one without calibration) against the threshold, as the words say.
        if (!(rule.calibratedScore(j, row[j]) >= rule.thresholdFor(j))) continue;
        if (rule.topK() > 0 && rankOf(row, labelCount, j) >= static_cast<std::size_t>(rule.topK())) continue;
        out.insert(j);
    }
    if (out.empty() && rule.atLeastOne()) {
        std::size_t bestRank = labelCount;
        std::uint32_t best = 0;
        for (std::uint32_t j = 0; j < labelCount; ++j) {
            if (rule.isDisabled(j)) continue;
            const std::size_t r = rankOf(row, labelCount, j);
            if (r < bestRank) {
                bestRank = r;
                best = j;
            }
        }
        if (bestRank < labelCount) out.insert(best);
    }
    return out;
}

inline Counts evaluate(const ScoreMatrix& m, const DecisionRule& rule)
{
    Counts c;
    c.labels.resize(m.labelCount());
    for (std::size_t d = 0; d < m.documentCount(); ++d) {
        const auto predicted = predict(m.row(d), m.labelCount(), rule);
        bool any = false;
        for (std::uint32_t j = 0; j < m.labelCount(); ++j) {
            const bool gold = m.isGold(d, j);
            const bool pred = predicted.count(j) != 0;
            any = any || pred;
            c.labels[j].support += gold ? 1 : 0;
            c.labels[j].predicted += pred ? 1 : 0;
            c.labels[j].truePositives += (gold && pred) ? 1 : 0;
        }
        if (!any) ++c.empty;
    }
    return c;
}

/// Random scores with many exact ties (coarse grid) or none (continuous), and long-tail gold.
inline ScoreMatrix randomMatrix(std::mt19937& rng, std::size_t documents, std::size_t labels, bool coarse)
{
    std::vector<std::string> names;
    for (std::size_t j = 0; j < labels; ++j) names.push_back("label" + std::to_string(j));
    ScoreMatrix m(names);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    std::uniform_int_distribution<int> grid(0, 10);
    for (std::size_t d = 0; d < documents; ++d) {
        std::vector<float> row(labels);
        std::vector<std::uint32_t> gold;
        for (std::size_t j = 0; j < labels; ++j) {
            row[j] = coarse ? static_cast<float>(grid(rng)) / 10.0f : unit(rng);
            // Long tail: low label indices are frequent, and gold correlates with the score.
            const float prior = 0.6f / static_cast<float>(j + 1);
            if (unit(rng) < prior + 0.3f * row[j] * prior) gold.push_back(static_cast<std::uint32_t>(j));
        }
        m.addDocument("doc" + std::to_string(d), row, gold);
    }
    return m;
}

inline float randomThreshold(std::mt19937& rng)
{
    std::uniform_int_distribution<int> grid(-1, 11);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    // Mostly on the score grid, so thresholds land exactly on tied scores.
    return (rng() % 4 == 0) ? unit(rng) : static_cast<float>(grid(rng)) / 10.0f;
}

inline DecisionRule randomRule(std::mt19937& rng, std::size_t labels)
{
    DecisionRule rule(randomThreshold(rng));
    for (std::uint32_t j = 0; j < labels; ++j) {
        if (rng() % 3 == 0) rule.setLabelThreshold(j, randomThreshold(rng));
        if (rng() % 6 == 0) rule.setDisabled(j, true);
    }
    if (rng() % 10 == 0)
        for (std::uint32_t j = 0; j < labels; ++j) rule.setDisabled(j, true);
    rule.setTopK(static_cast<int>(rng() % (labels + 2)));
    rule.setAtLeastOne(rng() % 2 == 0);
    return rule;
}

/// A random calibration: Platt with random slope (some 0) or isotonic steps on the 0.1 score
/// grid with values on the same grid, so that calibrated values tie with thresholds.
inline Calibration randomCalibration(std::mt19937& rng, std::size_t labels)
{
    const bool platt = rng() % 2 == 0;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<LabelCalibration> maps;
    for (std::size_t j = 0; j < labels; ++j) {
        if (platt) {
            const double a = rng() % 5 == 0 ? 0.0 : 12.0 * unit(rng);
            maps.push_back(LabelCalibration::platt(a, -6.0 * unit(rng)));
            continue;
        }
        std::vector<float> knots, values;
        int value = static_cast<int>(rng() % 3);
        for (int k = -1; k <= 11; ++k) {
            if (rng() % 3 != 0) continue;
            knots.push_back(static_cast<float>(k) / 10.0f + (rng() % 4 == 0 ? 0.05f : 0.0f));
            value = std::min(10, value + static_cast<int>(rng() % 3));
            values.push_back(static_cast<float>(value) / 10.0f);
        }
        if (knots.empty()) {
            knots.push_back(0.5f);
            values.push_back(0.3f);
        }
        maps.push_back(LabelCalibration::isotonic(knots, values));
    }
    return Calibration(platt ? Calibration::Method::Platt : Calibration::Method::Isotonic, std::move(maps));
}

} // namespace tagbench::eval::reference

#pragma once
// Brute-force values for the threshold tuner's tests, computed from the definitions on
// reference::evaluate() counts, and score matrices shaped like the cases the tuner must handle.

#include "core/eval/ThresholdTuner.h"
#include "tests/core/eval/ReferenceEvaluator.h"

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace tagbench::eval::reference {

// The objective's value on brute-force counts, from the definitions: micro precision/recall,
// or for macro-F1 the mean F1 over labels in the gold sets or the predictions.
inline double micro(const Counts& c, const TuneObjective& objective, bool& feasible)
{
    std::int64_t right = 0, predict = 0, standard = 0;
    double macroSum = 0.0;
    int macroLabels = 0;
    for (const auto& l : c.labels) {
        right += l.truePositives;
        predict += l.predicted;
        standard += l.support;
        if (l.support > 0 || l.predicted > 0) {
            macroSum += l.truePositives ? 2.0 * double(l.truePositives) / double(l.predicted + l.support) : 0.0;
            ++macroLabels;
        }
    }
    const double p = predict ? double(right) / double(predict) : 0.0;
    const double r = standard ? double(right) / double(standard) : 0.0;
    feasible = objective.feasible(p, r);
    if (objective.kind == TuneObjective::Kind::MacroF1) return macroLabels ? macroSum / macroLabels : 0.0;
    return objective.score(p, r);
}

inline double microF1(const Counts& c)
{
    bool feasible = false;
    return micro(c, TuneObjective(), feasible);
}

// The best micro-F1 any single global threshold reaches under rule's top-k and atLeastOne.
inline double bestGlobalMicroF1(const ScoreMatrix& m, const DecisionRule& rule, const std::vector<float>& thresholds)
{
    double best = 0.0;
    for (const float t : thresholds) {
        DecisionRule global = rule;
        global.clearLabelThresholds();
        global.setGlobalThreshold(t);
        best = std::max(best, microF1(reference::evaluate(m, global)));
    }
    return best;
}

// Every threshold that could matter: each distinct score, plus one above all.
inline std::vector<float> allThresholds(const ScoreMatrix& m)
{
    std::set<float> distinct(m.scores().begin(), m.scores().end());
    std::vector<float> out(distinct.begin(), distinct.end());
    out.push_back(2.0f);
    return out;
}

// The shape that made per-label F1 flood (issue 12): a few frequent labels with informative
// scores, and rare labels (a few dev documents each) that the model scores low and that say
// little. No sensible global threshold admits them; a rare label's own best F1 often sits at
// a low threshold that admits many documents for one or two true positives.
inline ScoreMatrix floodingMatrix(std::mt19937& rng, std::size_t documents)
{
    std::vector<std::string> names;
    for (int l = 0; l < 8; ++l) names.push_back("l" + std::to_string(l));
    ScoreMatrix m(names);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (std::size_t d = 0; d < documents; ++d) {
        std::vector<float> row(8);
        std::vector<std::uint32_t> gold;
        for (std::uint32_t l = 0; l < 8; ++l) {
            const bool frequent = l < 3;
            const bool isGold = unit(rng) < (frequent ? 0.4f : 0.06f);
            if (isGold) gold.push_back(l);
            row[l] = frequent ? (isGold ? 0.4f + 0.6f * unit(rng) : 0.6f * unit(rng))
                              : 0.3f * (isGold ? 0.3f + 0.7f * unit(rng) : unit(rng));
        }
        m.addDocument("d" + std::to_string(d), row, gold);
    }
    return m;
}

// Same on the calibrated scale of rule.
inline std::vector<float> allCalibratedThresholds(const ScoreMatrix& m, const DecisionRule& rule)
{
    std::set<float> distinct;
    for (std::size_t d = 0; d < m.documentCount(); ++d)
        for (std::uint32_t l = 0; l < m.labelCount(); ++l) distinct.insert(rule.calibratedScore(l, m.score(d, l)));
    std::vector<float> out(distinct.begin(), distinct.end());
    out.push_back(2.0f);
    return out;
}

} // namespace tagbench::eval::reference

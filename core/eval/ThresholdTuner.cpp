#include "core/eval/ThresholdTuner.h"

#include "core/eval/CoordinateAscent.h"
#include "core/eval/EvaluatorTuneTarget.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/TuneCrossValidation.h"
#include "core/eval/TuneProgressTracker.h"

#include <algorithm>
#include <functional>
#include <optional>

namespace tagbench::eval {

namespace {

// Evaluations per round of the global search; each costs O(labels log documents).
constexpr std::size_t kGlobalSamples = 256;

// Candidate indices into a descending list: all when few, else evenly spaced within [from, to].
std::vector<std::size_t> sampleRange(std::size_t from, std::size_t to, std::size_t samples)
{
    std::vector<std::size_t> out;
    const std::size_t count = to - from + 1;
    if (count <= samples) {
        for (std::size_t i = from; i <= to; ++i) out.push_back(i);
        return out;
    }
    for (std::size_t s = 0; s < samples; ++s) out.push_back(from + s * (count - 1) / (samples - 1));
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

struct Best {
    std::optional<std::size_t> index;
    double score = 0.0;

    // Candidates come in descending threshold order: strictly better only, so ties keep the
    // higher (more conservative) threshold.
    void offer(std::size_t i, bool feasible, double s)
    {
        if (!feasible) return;
        if (!index || s > score) {
            index = i;
            score = s;
        }
    }
};

double ratio(std::int64_t a, std::int64_t b) { return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

// The objective on the evaluator's current counts: (feasible, value).
std::pair<bool, double> globalValue(const TuneTarget& e, const TuneObjective& objective)
{
    const double precision = ratio(e.truePositives(), e.predicted()), recall = ratio(e.truePositives(), e.gold());
    if (objective.kind != TuneObjective::Kind::MacroF1) return {objective.feasible(precision, recall), objective.score(precision, recall)};
    // Macro-F1 as Metrics defines it: labels in the gold sets or the predictions.
    double sum = 0.0;
    std::size_t counted = 0;
    for (const LabelCounts& c : e.counts()) {
        if (c.support == 0 && c.predicted == 0) continue;
        sum += labelMetrics(c).f1;
        ++counted;
    }
    return {true, counted > 0 ? sum / static_cast<double>(counted) : 0.0};
}

// Best global threshold among the gold scores: a coarse pass over evenly spaced candidates,
// then a pass over every candidate between the best one's neighbours (exact when few).
// Checks progress once per round (a round is up to kGlobalSamples full evaluations).
std::optional<float> searchGlobal(TuneTarget& dev, const std::vector<float>& candidates,
                                  const TuneObjective& objective, TuneProgressTracker& progress)
{
    if (candidates.empty()) return std::nullopt;
    std::size_t from = 0, to = candidates.size() - 1;
    Best best;
    for (int round = 0; round < 4; ++round) {
        if (!progress.check()) return std::nullopt;
        const auto indices = sampleRange(from, to, kGlobalSamples);
        Best roundBest;
        for (const std::size_t i : indices) {
            dev.setGlobalThreshold(candidates[i]);
            const auto [feasible, value] = globalValue(dev, objective);
            roundBest.offer(i, feasible, value);
        }
        if (roundBest.index && (!best.index || roundBest.score > best.score)) best = roundBest;
        if (!best.index || indices.size() == to - from + 1) break;
        // Refine between the sampled neighbours of the best point.
        const auto at = std::lower_bound(indices.begin(), indices.end(), *best.index);
        from = at == indices.begin() ? indices.front() : *(at - 1);
        to = (at + 1) == indices.end() ? indices.back() : *(at + 1);
    }
    if (!best.index) return std::nullopt;
    return candidates[*best.index];
}

// The threshold maximizing the objective on one label's own precision/recall curve.
std::optional<float> bestOwnThreshold(const TuneTarget& dev, std::uint32_t label, const TuneObjective& objective)
{
    auto candidates = dev.goldScores(label);
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    Best best;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const LabelMetrics m = labelMetrics(dev.countsAt(label, candidates[i]));
        best.offer(i, objective.feasible(m.precision, m.recall), objective.score(m.precision, m.recall));
    }
    if (!best.index) return std::nullopt;
    return candidates[*best.index];
}

// One trial (one top-k); nullopt when progress says stop. The trial owns the progress span
// [start, start + labels).
std::optional<TuneResult> tuneWithTopK(TuneTarget& dev, const TuneOptions& options, const DecisionRule& base,
                                       int topK, TuneProgressTracker& progress)
{
    const std::size_t start = progress.done();
    TuneResult result;
    DecisionRule rule = base;
    rule.clearLabelThresholds();
    rule.setTopK(topK);
    rule.setAtLeastOne(options.atLeastOne);
    dev.setRule(rule);
    const std::size_t labels = dev.labelCount();

    std::vector<float> pooled;
    for (std::uint32_t l = 0; l < labels; ++l) {
        if (rule.isDisabled(l)) continue;
        const auto scores = dev.goldScores(l);
        pooled.insert(pooled.end(), scores.begin(), scores.end());
    }
    std::sort(pooled.begin(), pooled.end(), std::greater<float>());
    pooled.erase(std::unique(pooled.begin(), pooled.end()), pooled.end());
    const auto global = searchGlobal(dev, pooled, options.objective, progress);
    if (progress.cancelled()) return std::nullopt;
    result.globalInfeasible = !global.has_value();
    dev.setGlobalThreshold(global.value_or(base.globalThreshold()));
    result.globalDev = dev.metrics();

    if (options.perLabel) {
        std::vector<std::uint32_t> tuned;
        for (std::uint32_t l = 0; l < labels; ++l) {
            if (rule.isDisabled(l)) continue;
            const std::int64_t support = dev.counts()[l].support;
            if (support == 0 || support < options.minSupport)
                result.lowSupportLabels.push_back(l);
            else
                tuned.push_back(l);
        }
        const TuneObjective& objective = options.objective;
        if (objective.usesCoordinateAscent()) {
            const auto passes = coordinateAscent(dev, tuned, objective.beta(), options.maxPasses, options.minGain, progress,
                                                 start, labels);
            if (!passes) return std::nullopt;
            result.passes = *passes;
        } else {
            const float globalThreshold = dev.rule().globalThreshold();
            for (std::size_t j = 0; j < tuned.size(); ++j) {
                const std::uint32_t l = tuned[j];
                const auto own = bestOwnThreshold(dev, l, objective);
                if (!own) {
                    result.infeasibleLabels.push_back(l);
                } else if (objective.kind == TuneObjective::Kind::MacroF1) {
                    const double n = static_cast<double>(dev.counts()[l].support), m = std::max(0.0, options.shrinkage);
                    dev.setLabelThreshold(l, static_cast<float>((n * *own + m * globalThreshold) / (n + m)));
                } else {
                    dev.setLabelThreshold(l, *own);
                }
                if (!progress.reach(start + (j + 1) * labels / std::max<std::size_t>(1, tuned.size()))) return std::nullopt;
            }
        }
    }
    if (!progress.reach(start + labels)) return std::nullopt;
    result.rule = dev.rule();
    result.dev = dev.metrics();
    result.devObjective = options.objective.of(result.dev);
    return result;
}

// The value auto top-k compares trials by.
double trialValue(const TuneOptions& options, const Metrics& dev)
{
    return options.objective.kind == TuneObjective::Kind::MacroF1 ? dev.macroF1 : dev.f1;
}

} // namespace

std::optional<TuneResult> tuneTarget(TuneTarget& dev, const TuneOptions& options, const DecisionRule& base,
                                     TuneProgressTracker& progress)
{
    if (!options.autoTopK) return tuneWithTopK(dev, options, base, options.topK, progress);
    // Auto top-k tunes every k in 1..maxTopK, then unlimited, then the winner once more.
    std::vector<std::pair<int, double>> trials;
    int bestK = 0;
    double bestValue = -1.0;
    for (int k = 1; k <= options.maxTopK + 1; ++k) {
        const int topK = k <= options.maxTopK ? k : 0;  // 0 (unlimited) last
        const auto trial = tuneWithTopK(dev, options, base, topK, progress);
        if (!trial) return std::nullopt;
        trials.emplace_back(topK, trialValue(options, trial->dev));
        if (trials.back().second > bestValue) {
            bestValue = trials.back().second;
            bestK = topK;
        }
    }
    auto result = tuneWithTopK(dev, options, base, bestK, progress);
    if (!result) return std::nullopt;
    result->topKTrials = std::move(trials);
    return result;
}

Result<TuneResult> tuneRule(InteractiveEvaluator& dev, const TuneOptions& options, const DecisionRule& base)
{
    if (auto s = base.validate(dev.scores().labelCount()); !s) return s.error();
    if (options.minSupport < 0) return Error{"--min-support must be >= 0"};
    if (options.autoTopK && options.maxTopK < 1) return Error{"the largest top-k to try must be >= 1"};
    if (options.maxPasses < 1) return Error{"coordinate ascent needs at least 1 pass"};
    if (options.folds == 1 || options.folds < 0) return Error{"cross-validation needs at least 2 folds (0 to skip it)"};
    if (options.folds > 1 && dev.scores().documentCount() < static_cast<std::size_t>(options.folds))
        return Error{"cross-validation with " + std::to_string(options.folds) + " folds needs at least as many dev documents, there are " +
                     std::to_string(dev.scores().documentCount())};
    const std::size_t labels = dev.scores().labelCount();
    const std::size_t trials = options.autoTopK ? static_cast<std::size_t>(options.maxTopK) + 2 : 1;
    const std::size_t perTuning = trials * labels;
    const std::size_t folds = options.folds > 1 ? static_cast<std::size_t>(options.folds) : 0;
    TuneProgressTracker progress(options.progress, perTuning * (1 + folds));
    if (!progress.check()) return Error{kTuneCancelled};
    EvaluatorTuneTarget target(dev);
    auto result = tuneTarget(target, options, base, progress);
    if (!result) return Error{kTuneCancelled};
    if (folds > 0) {
        auto estimate = crossValidateTuning(dev, options, base, progress, perTuning);
        if (!estimate) return estimate.error();
        result->crossValidated = std::move(*estimate);
    }
    return std::move(*result);
}

} // namespace tagbench::eval

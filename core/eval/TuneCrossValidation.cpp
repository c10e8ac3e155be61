#include "core/eval/TuneCrossValidation.h"

#include "core/eval/DifferenceTuneTarget.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/TuneProgressTracker.h"
#include "core/eval/TuneTarget.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <random>

namespace tagbench::eval {

namespace {

// Fisher-Yates with the engine's raw output: std::shuffle's algorithm is not specified, and
// the same seed must give the same folds with every standard library.
std::vector<std::uint32_t> shuffled(std::size_t count, std::uint32_t seed)
{
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::mt19937 rng(seed);
    for (std::size_t i = count; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    return order;
}

double mean(const std::vector<double>& values)
{
    return values.empty() ? 0.0 : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double deviation(const std::vector<double>& values)
{
    if (values.size() < 2) return 0.0;
    const double m = mean(values);
    double sum = 0.0;
    for (const double v : values) sum += (v - m) * (v - m);
    return std::sqrt(sum / static_cast<double>(values.size() - 1));
}

} // namespace

std::vector<std::uint32_t> crossValidationFolds(std::size_t documents, int folds, std::uint32_t seed)
{
    const std::vector<std::uint32_t> order = shuffled(documents, seed);
    const auto k = static_cast<std::size_t>(std::max(1, folds));
    std::vector<std::uint32_t> foldOf(documents);
    for (std::size_t i = 0; i < documents; ++i) foldOf[order[i]] = static_cast<std::uint32_t>(i * k / documents);
    return foldOf;
}

Result<CrossValidation> crossValidateTuning(const InteractiveEvaluator& dev, const TuneOptions& options,
                                            const DecisionRule& base, TuneProgressTracker& progress, std::size_t span)
{
    const ScoreMatrix& scores = dev.scores();
    const auto folds = static_cast<std::size_t>(options.folds);
    const std::size_t documents = scores.documentCount();
    const std::vector<std::uint32_t> foldOf = crossValidationFolds(documents, options.folds, options.foldSeed);
    auto all = InteractiveEvaluator::create(dev.sharedIndex(), base);
    if (!all) return all.error();

    CrossValidation estimate;
    estimate.folds = options.folds;
    std::vector<double> micro, macro, precision, recall, objective;
    for (std::size_t f = 0; f < folds; ++f) {
        if (!progress.reach((f + 1) * span)) return Error{kTuneCancelled};
        std::vector<std::uint32_t> trainRows, heldRows;
        for (std::uint32_t d = 0; d < documents; ++d) (foldOf[d] == f ? heldRows : trainRows).push_back(d);
        auto held = std::make_shared<const ScoreMatrix>(scores.subset(heldRows));
        DecisionRule foldBase = base;
        // The calibration was fitted on all of dev, the held-out fold included: refit it.
        if (!base.calibration().empty()) foldBase.setCalibration(Calibration::fit(scores, base.calibration().method(), trainRows));
        auto heldEvaluator = InteractiveEvaluator::create(held, foldBase);
        if (!heldEvaluator) return heldEvaluator.error();
        if (auto s = (*all)->setRule(foldBase); !s) return s.error();
        DifferenceTuneTarget training(**all, **heldEvaluator);
        const auto tuned = tuneTarget(training, options, foldBase, progress);
        if (!tuned) return Error{kTuneCancelled};
        const Metrics m = evaluate(*held, tuned->rule);
        micro.push_back(m.f1);
        macro.push_back(m.macroF1);
        precision.push_back(m.precision);
        recall.push_back(m.recall);
        objective.push_back(options.objective.of(m));
        estimate.heldOut.push_back(m);
    }
    estimate.microF1 = mean(micro);
    estimate.macroF1 = mean(macro);
    estimate.precision = mean(precision);
    estimate.recall = mean(recall);
    estimate.objective = mean(objective);
    estimate.microF1Deviation = deviation(micro);
    estimate.macroF1Deviation = deviation(macro);
    return estimate;
}

} // namespace tagbench::eval

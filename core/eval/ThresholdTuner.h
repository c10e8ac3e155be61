#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/eval/TuneObjective.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tagbench::eval {

class InteractiveEvaluator;

/// Reports tuning progress in labels: done of total, where total is the label count times the
/// number of top-k trials times (1 + cross-validation folds). Returning false cancels
/// tuneRule(), which then fails with kTuneCancelled. Called on the tuning thread: once per round
/// of the global search, and per label (per label and pass for coordinate ascent) when tuning
/// per label; done may repeat and never decreases.
using TuneProgress = std::function<bool(std::size_t done, std::size_t total)>;

/// The error message of a cancelled tuneRule().
inline constexpr const char* kTuneCancelled = "threshold tuning was cancelled";

/// Options of tuneRule().
struct TuneOptions {
    TuneObjective objective;      // default micro-F1
    bool perLabel = false;        // one threshold per label (else one global threshold)
    bool autoTopK = false;        // try top-k 1..maxTopK and 0 (unlimited), keep the best (see TuneResult::topKTrials)
    int topK = 0;                 // the top-k to use when !autoTopK (0 = unlimited)
    int maxTopK = 10;
    std::int64_t minSupport = 1;  // per-label: labels with less dev support keep the global threshold
    bool atLeastOne = false;
    // Micro-F1 / F-beta per label: coordinate ascent stops after a pass gaining < minGain, or
    // after maxPasses passes.
    int maxPasses = 10;
    double minGain = 1e-6;
    // Macro-F1 per label: a label's own best threshold t_label is pulled toward the global one,
    // t = (n t_label + m t_global) / (n + m), n its dev support and m = shrinkage. This is the
    // posterior mean of a normal model in which the label's optimum is known with variance
    // ~ 1/n and the global threshold is the prior with the weight of m documents: a label with
    // 5 dev documents moves a third of the way from the global threshold to its own optimum
    // (m = 10), one with 100 dev documents 91% of the way.
    double shrinkage = 10.0;
    // folds > 1: also estimate the result on unseen documents by k-fold cross-validation over
    // dev (see TuneResult::crossValidated); k times the work. foldSeed shuffles the documents.
    int folds = 0;
    std::uint32_t foldSeed = 1;
    TuneProgress progress;        // optional: progress and cancellation
};

/// An honest estimate of a tuned rule: the same tuning (calibration refitted when the base
/// rule has one) run on k-1 folds of dev and measured on the held-out fold, for every fold.
struct CrossValidation {
    int folds = 0;
    std::vector<Metrics> heldOut;  // per fold, on its held-out documents
    // Means over the folds of the held-out values, and their standard deviations.
    double microF1 = 0.0, macroF1 = 0.0, precision = 0.0, recall = 0.0, objective = 0.0;
    double microF1Deviation = 0.0, macroF1Deviation = 0.0;
};

/// Outcome of tuneRule().
struct TuneResult {
    DecisionRule rule;
    Metrics dev;                                    // dev metrics under rule
    Metrics globalDev;                              // dev metrics at the best global threshold (before per-label)
    double devObjective = 0.0;                      // options.objective.of(dev)
    bool globalInfeasible = false;                  // no global threshold met the constraint (base kept)
    int passes = 0;                                 // coordinate ascent passes (0 when not used)
    std::vector<std::uint32_t> lowSupportLabels;    // per-label: kept the global threshold (support < min)
    std::vector<std::uint32_t> infeasibleLabels;    // per-label: no threshold met the constraint
    // Auto top-k: (k, dev macro-F1 for the macro-F1 objective, else dev micro-F1), 0 = unlimited.
    std::vector<std::pair<int, double>> topKTrials;
    std::optional<CrossValidation> crossValidated;  // when options.folds > 1
};

/// The fold (0..folds-1) of each of documents for cross-validation: a seeded shuffle cut into
/// folds of sizes that differ by at most one. The same arguments give the same folds everywhere.
std::vector<std::uint32_t> crossValidationFolds(std::size_t documents, int folds, std::uint32_t seed);

/// Chooses thresholds (and top-k) on dev for the objective, on the rule's scale (calibrated
/// when base has a calibration, which is kept). The global threshold maximizes the objective
/// over every gold score of the enabled labels (micro counts; macro-F1 for MacroF1). Per label
/// (options.perLabel), see TuneObjective: coordinate ascent for micro-F1 and F-beta, which
/// starts from the global threshold and so never ends below its micro value; shrunk per-label
/// optima for macro-F1; each label's own curve under a precision or recall floor.
/// Candidates are the distinct gold scores (a threshold equal to a score admits it).
/// evaluator's rule is left at the result (or in between when cancelled); disabled labels of
/// base stay disabled. Not thread-safe on dev: give each thread its own evaluator.
Result<TuneResult> tuneRule(InteractiveEvaluator& dev, const TuneOptions& options, const DecisionRule& base);

} // namespace tagbench::eval

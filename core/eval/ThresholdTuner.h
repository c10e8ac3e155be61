#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tagbench::eval {

class InteractiveEvaluator;

/// What threshold tuning maximizes.
struct TuneObjective {
    enum class Kind { F1, FBeta, PrecisionAtLeast, RecallAtLeast };
    Kind kind = Kind::F1;
    double value = 1.0;  // beta for FBeta, the floor X for PrecisionAtLeast/RecallAtLeast

    /// Parses "f1", "fbeta:B", "precision>=X" or "recall>=X".
    static Result<TuneObjective> parse(const std::string& text);
    /// The text parse() accepts.
    std::string toString() const;
    /// True when (precision, recall) meets the objective's constraint (always for F1/FBeta).
    bool feasible(double precision, double recall) const;
    /// The value maximized among feasible points: F-measure, or recall / precision under a floor.
    double score(double precision, double recall) const;
};

/// Reports tuning progress in labels: done of total, where total is the label count times the
/// number of top-k trials. Returning false cancels tuneRule(), which then fails with
/// kTuneCancelled. Called on the tuning thread, at least once per label (done may repeat).
using TuneProgress = std::function<bool(std::size_t done, std::size_t total)>;

/// The error message of a cancelled tuneRule().
inline constexpr const char* kTuneCancelled = "threshold tuning was cancelled";

/// Options of tuneRule().
struct TuneOptions {
    TuneObjective objective;
    bool perLabel = false;        // one threshold per label (else one global threshold)
    bool autoTopK = false;        // try top-k 0 (unlimited) and 1..maxTopK, keep the best micro-F1
    int topK = 0;                 // the top-k to use when !autoTopK (0 = unlimited)
    int maxTopK = 10;
    std::int64_t minSupport = 1;  // per-label: labels with less dev support keep the global threshold
    bool atLeastOne = false;
    TuneProgress progress;        // optional: progress and cancellation
};

/// Outcome of tuneRule().
struct TuneResult {
    DecisionRule rule;
    Metrics dev;                                    // dev metrics under rule
    bool globalInfeasible = false;                  // no global threshold met the constraint (base kept)
    std::vector<std::uint32_t> lowSupportLabels;    // per-label: kept the global threshold (support < min)
    std::vector<std::uint32_t> infeasibleLabels;    // per-label: no threshold met the constraint
    std::vector<std::pair<int, double>> topKTrials; // auto top-k: (k, dev micro-F1), 0 = unlimited
};

/// Chooses thresholds (and top-k) on dev for the objective. The global threshold maximizes the
/// objective on micro precision/recall; per-label thresholds then maximize it on each label's own
/// precision/recall curve. Candidates are the distinct scores (a threshold equal to a score
/// admits it). evaluator's rule is left at the result (or in between when cancelled); disabled
/// labels of base stay disabled. Not thread-safe on dev: give each thread its own evaluator.
Result<TuneResult> tuneRule(InteractiveEvaluator& dev, const TuneOptions& options, const DecisionRule& base);

} // namespace tagbench::eval

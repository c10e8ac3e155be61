#pragma once
// Private to the threshold tuner: the k-fold estimate of TuneResult::crossValidated.

#include "core/eval/ThresholdTuner.h"
#include "core/util/Result.h"

#include <cstddef>

namespace tagbench::eval {

class InteractiveEvaluator;
class TuneProgressTracker;

/// Shuffles dev's documents (options.foldSeed) into options.folds folds of near-equal size;
/// for each fold, refits base's calibration (if any) on the other folds and tunes on them as
/// tuneRule() would, then evaluates the tuned rule on the held-out fold. The other folds are
/// counted as dev minus the held-out fold (DifferenceTuneTarget) on an evaluator sharing
/// dev's index, so only the held-out fold is indexed; dev itself is not changed. Fold f
/// reports progress in [(f + 1) * span, (f + 2) * span). Fails with kTuneCancelled when
/// progress says stop.
Result<CrossValidation> crossValidateTuning(const InteractiveEvaluator& dev, const TuneOptions& options,
                                            const DecisionRule& base, TuneProgressTracker& progress, std::size_t span);

} // namespace tagbench::eval

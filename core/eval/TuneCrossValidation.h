#pragma once
// Private to the threshold tuner: the k-fold estimate of TuneResult::crossValidated.

#include "core/eval/ThresholdTuner.h"
#include "core/util/Result.h"

#include <cstddef>

namespace tagbench::eval {

class ScoreMatrix;
class TuneProgressTracker;

/// Shuffles dev's documents (options.foldSeed) into options.folds folds of near-equal size;
/// for each fold, refits base's calibration (if any) and runs tuneRule() with options on the
/// other folds, then evaluates the tuned rule on the held-out fold. Fold f reports progress in
/// [(f + 1) * span, (f + 2) * span). Fails with kTuneCancelled when progress says stop.
Result<CrossValidation> crossValidateTuning(const ScoreMatrix& dev, const TuneOptions& options, const DecisionRule& base,
                                            TuneProgressTracker& progress, std::size_t span);

} // namespace tagbench::eval

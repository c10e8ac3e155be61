#pragma once

#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"
#include "core/train/TrainConfig.h"
#include "core/train/Trainer.h"

#include <string>
#include <vector>

namespace tagbench {

/// The global threshold a run evaluates dev and test with: eval.threshold, or the best one on
/// dev when eval.threshold is "dev" (multi-label).
float evaluationThreshold(const eval::ScoreMatrix& dev, const TrainConfig& config);

/// Mean loss per document of scores against their gold labels: binary cross-entropy summed over
/// labels (multi-label) or the softmax cross-entropy of the gold class (single-label). Without
/// pos_weight or focusing, so that epochs and runs compare on one scale.
double devLoss(const eval::ScoreMatrix& scores, TaskKind task);

/// An epoch's report from its dev metrics and scores (micro/macro F1, dev loss, per-label F1).
EpochReport epochReport(const eval::Metrics& dev, const eval::ScoreMatrix& devScores, TaskKind task, std::int64_t epoch,
                        double trainLoss, double seconds, std::int64_t examples);

/// The value of train.select_best_by (micro_f1, macro_f1, dev_loss) in a report, higher is better.
double selectionScore(const EpochReport& report, const std::string& selectBestBy);

/// The metrics.jsonl line of an epoch, per-label P/R/F1 included.
std::string epochJsonLine(const EpochReport& report, const eval::Metrics& dev, float threshold,
                          const std::vector<std::string>& labelNames);

/// The global threshold in [0.05, 0.95] (step 0.01) with the best micro-F1 on scores.
float bestGlobalThreshold(const eval::ScoreMatrix& scores, int topK);

} // namespace tagbench

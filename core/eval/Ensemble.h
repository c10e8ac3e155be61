#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"
#include "core/util/Result.h"

#include <string>
#include <vector>

namespace tagbench::eval {

/// Fails unless the matrices score the same split: same labels, document ids and gold sets.
Status checkSameSplit(const std::vector<const ScoreMatrix*>& runs);

/// Element-wise mean of two or more runs' scores on the same split.
Result<ScoreMatrix> meanScores(const std::vector<const ScoreMatrix*>& runs);

/// How per-run decisions combine.
enum class DecisionCombination { Intersection, Union };

/// Metrics of combining each run's own decisions (run i under rules[i]) per document:
/// a label is predicted when every run (Intersection) or any run (Union) predicts it.
Result<Metrics> combineDecisions(const std::vector<const ScoreMatrix*>& runs, const std::vector<DecisionRule>& rules,
                                 DecisionCombination combination);

/// Two-stage: a copy of multi whose column for label (by name) holds the scores of a dedicated
/// binary run. The binary run's column is the one named label, or its only column; documents
/// are matched by id, and every document of multi must be in binary.
Result<ScoreMatrix> overrideLabelScores(const ScoreMatrix& multi, const ScoreMatrix& binary, const std::string& label);

} // namespace tagbench::eval

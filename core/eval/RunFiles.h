#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/ScoreMatrix.h"
#include "core/util/Result.h"

#include <string>
#include <vector>

namespace tagbench::eval {

/// A run's labels and the scores of one split, checked against each other.
struct RunSplit {
    std::vector<std::string> labels;  // RUN_DIR/labels.txt
    ScoreMatrix scores;               // RUN_DIR/scores/<split>.scores
};

/// A decision rule and where it came from, for messages ("rule.json", "config.json eval", ...).
struct RunRule {
    DecisionRule rule;
    std::string source;
};

/// Reads a labels.txt (one name per line, index = column); errors name the file and line.
Result<std::vector<std::string>> readLabelsFile(const std::string& path);

/// Path of RUN_DIR/scores/<split>.scores.
std::string runScoresPath(const std::string& runDir, const std::string& split);

/// Loads RUN_DIR/labels.txt and RUN_DIR/scores/<split>.scores; fails when the score file's
/// columns are not the labels of labels.txt (naming the first line that differs).
Result<RunSplit> loadRunSplit(const std::string& runDir, const std::string& split);

/// The rule the run evaluated with during training: config.json's "eval" (threshold, top_k),
/// else threshold 0.5. A "dev"-picked threshold is read from run.json's "threshold" if there.
Result<RunRule> trainingRule(const std::string& runDir, const std::vector<std::string>& labels);

/// RUN_DIR/rule.json when present, else trainingRule().
Result<RunRule> currentRule(const std::string& runDir, const std::vector<std::string>& labels);

/// One split of a run together with the rule it is evaluated under (currentRule()).
struct RunUnderRule {
    std::string dir;
    RunSplit split;
    RunRule rule;
};

/// loadRunSplit() and currentRule() in one.
Result<RunUnderRule> loadRunUnderRule(const std::string& runDir, const std::string& split);

} // namespace tagbench::eval

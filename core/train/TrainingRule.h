#pragma once

#include "core/eval/DecisionRule.h"
#include "core/model/ModelSpec.h"

namespace tagbench {

/// The rule a run evaluates with before anything is tuned: single-label takes the best label;
/// multi-label keeps labels at or above threshold, at most topK of them (0 = no limit).
inline eval::DecisionRule trainingRule(TaskKind task, float threshold, int topK)
{
    eval::DecisionRule rule(threshold);
    if (task == TaskKind::SingleLabel) {
        rule.setGlobalThreshold(0.0f);
        rule.setTopK(1);
        rule.setAtLeastOne(true);
    } else {
        rule.setTopK(topK);
    }
    return rule;
}

} // namespace tagbench

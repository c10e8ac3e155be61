#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace tagbench {

/// What the learning rate does after the warmup.
enum class LearningRateDecay { Constant, Linear, Cosine };

/// The multipliers of transformers' get_{constant,linear,cosine}_schedule_with_warmup
/// (torch LambdaLR): step counts optimizer steps from 0, so the first step of a warmup runs at 0.
/// Torch-free arithmetic; the optimizer multiplies its base rate by factor(step).
struct LearningRateSchedule {
    LearningRateDecay decay = LearningRateDecay::Constant;
    std::int64_t warmupSteps = 0;
    std::int64_t totalSteps = 0;  // used by linear and cosine
    double cosineCycles = 0.5;    // num_cycles of the cosine schedule (0.5 = down to 0 once)

    /// The factor in [0, 1] for the step-th optimizer step (0-based).
    double factor(std::int64_t step) const;

    /// Parses a transformers call as written in traces, e.g.
    /// "transformers.get_linear_schedule_with_warmup(num_warmup_steps=2, num_training_steps=10)";
    /// empty or "null" is a constant schedule.
    static Result<LearningRateSchedule> parse(std::string_view description);
};

} // namespace tagbench

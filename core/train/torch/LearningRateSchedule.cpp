#include "core/train/torch/LearningRateSchedule.h"

#include <algorithm>
#include <cmath>
#include <regex>

namespace tagbench {

double LearningRateSchedule::factor(std::int64_t step) const
{
    if (step < warmupSteps) return static_cast<double>(step) / static_cast<double>(std::max<std::int64_t>(1, warmupSteps));
    const double remaining = static_cast<double>(std::max<std::int64_t>(1, totalSteps - warmupSteps));
    switch (decay) {
    case LearningRateDecay::Constant: return 1.0;
    case LearningRateDecay::Linear:
        return std::max(0.0, static_cast<double>(totalSteps - step) / remaining);
    case LearningRateDecay::Cosine: {
        const double progress = static_cast<double>(step - warmupSteps) / remaining;
        return std::max(0.0, 0.5 * (1.0 + std::cos(M_PI * cosineCycles * 2.0 * progress)));
    }
    }
    return 1.0;
}

Result<LearningRateSchedule> LearningRateSchedule::parse(std::string_view description)
{
    const std::string text(description);
    LearningRateSchedule schedule;
    if (text.empty() || text == "null" || text == "None") return schedule;
    const std::regex call(R"(get_(constant|linear|cosine)_schedule_with_warmup\s*\(([^)]*)\))");
    std::smatch match;
    if (!std::regex_search(text, match, call))
        return Error{"unknown learning-rate schedule \"" + text +
                     "\" (expected get_constant/linear/cosine_schedule_with_warmup(...))"};
    const std::string kind = match[1];
    const std::string arguments = match[2];
    schedule.decay = kind == "linear" ? LearningRateDecay::Linear
                     : kind == "cosine" ? LearningRateDecay::Cosine
                                        : LearningRateDecay::Constant;
    const auto argument = [&](const char* name, bool required, auto& out) -> Status {
        const std::regex pattern(std::string(name) + R"(\s*=\s*([0-9.eE+-]+))");
        std::smatch value;
        if (!std::regex_search(arguments, value, pattern)) {
            if (required) return Error{"schedule \"" + text + "\" lacks " + name};
            return {};
        }
        try {
            out = static_cast<std::decay_t<decltype(out)>>(std::stod(value[1]));
        } catch (const std::exception&) {
            return Error{"schedule \"" + text + "\": " + name + " is not a number"};
        }
        return {};
    };
    if (auto s = argument("num_warmup_steps", true, schedule.warmupSteps); !s) return s.error();
    if (schedule.decay != LearningRateDecay::Constant)
        if (auto s = argument("num_training_steps", true, schedule.totalSteps); !s) return s.error();
    if (schedule.decay == LearningRateDecay::Cosine)
        if (auto s = argument("num_cycles", false, schedule.cosineCycles); !s) return s.error();
    if (schedule.warmupSteps < 0 || schedule.totalSteps < 0)
        return Error{"schedule \"" + text + "\": step counts must not be negative"};
    return schedule;
}

} // namespace tagbench

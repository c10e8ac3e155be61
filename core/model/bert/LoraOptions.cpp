#include "core/model/bert/LoraOptions.h"

#include <algorithm>

namespace tagbench {

bool LoraOptions::targets(std::string_view module) const
{
    return enabled() && std::find(targetModules.begin(), targetModules.end(), module) != targetModules.end();
}

Status LoraOptions::validate() const
{
    if (rank < 0) return Error{"lora.rank must be 0 (off) or a positive integer"};
    if (!enabled()) return {};
    if (!(alpha > 0.0)) return Error{"lora.alpha must be positive"};
    if (!(dropout >= 0.0 && dropout < 1.0)) return Error{"lora.dropout must be in [0, 1)"};
    if (targetModules.empty()) return Error{"lora.target_modules must name at least one of query, key, value"};
    for (const auto& module : targetModules)
        if (module != "query" && module != "key" && module != "value")
            return Error{"lora.target_modules: \"" + module + "\" is not one of query, key, value"};
    return {};
}

} // namespace tagbench

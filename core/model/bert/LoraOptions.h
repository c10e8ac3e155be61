#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// Low-rank adapters (LoRA) on BERT's self-attention projections: W x + (alpha / rank) B A x,
/// with A [rank, in] and B [out, rank]; only the adapters (and the head) train.
struct LoraOptions {
    std::int64_t rank = 0;  // 0 = no adapters
    double alpha = 16.0;
    double dropout = 0.0;   // on the adapter's input only
    std::vector<std::string> targetModules{"query", "value"};

    bool enabled() const { return rank > 0; }
    /// True when module ("query", "key" or "value") gets an adapter.
    bool targets(std::string_view module) const;
    /// rank >= 0, alpha > 0, dropout in [0, 1), targets among query/key/value; errors name the field.
    Status validate() const;
};

} // namespace tagbench

#pragma once

#include "core/eval/Metrics.h"
#include "core/util/Result.h"

#include <cstdint>
#include <vector>

namespace tagbench::eval {

/// One label's F1 in run A and run B.
struct LabelDelta {
    std::uint32_t label = 0;
    double f1A = 0.0;
    double f1B = 0.0;
    double delta = 0.0;  // f1B - f1A
    std::int64_t support = 0;
};

/// Per-label comparison of two runs on the same split (B relative to A).
struct RunComparison {
    std::vector<LabelDelta> improved;   // delta > epsilon, largest gain first
    std::vector<LabelDelta> regressed;  // delta < -epsilon, largest loss first
    std::vector<LabelDelta> unchanged;  // |delta| <= epsilon, by label index
    double microF1Delta = 0.0;
    double macroF1Delta = 0.0;
};

/// Compares two runs' metrics label by label; they must have the same labels and gold counts
/// (i.e. the same split), else an error says which label differs. Ties in delta: lower label first.
Result<RunComparison> compareRuns(const Metrics& a, const Metrics& b, double epsilon = 1e-9);

} // namespace tagbench::eval

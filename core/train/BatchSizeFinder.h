#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tagbench {

/// What a few training steps at one batch size did on the device.
struct BatchSizeTrial {
    std::int64_t batchSize = 0;
    bool outOfMemory = false;      // the device ran out of memory
    std::int64_t peakBytes = 0;    // most device memory held during the steps (when it fitted)
};

/// The finder's answer: the largest batch tried whose peak stayed within the budget.
struct BatchSizeChoice {
    std::int64_t batchSize = 0;
    std::int64_t peakBytes = 0;     // at batchSize
    std::int64_t budgetBytes = 0;   // share x the card's memory
    std::vector<BatchSizeTrial> trials;  // in the order they ran
    std::string summary;            // one line for the log
};

/// Searches the largest batch size that fits in share (0.9: the "90% of the card" rule of thumb)
/// of totalBytes: doubles from start while a trial fits, then bisects between the last fitting
/// size and the first that did not (out of memory or over the budget) until they are within
/// about 10 %, never going above maxBatch (e.g. the training set's size). A first trial that does
/// not fit halves down to 1. trial runs a few steps at one batch size and reports what happened;
/// it is the only part that touches a device, so the search is unit-tested on a fake one.
Result<BatchSizeChoice> findBatchSize(const std::function<BatchSizeTrial(std::int64_t)>& trial, std::int64_t totalBytes,
                                      double share, std::int64_t start, std::int64_t maxBatch);

} // namespace tagbench

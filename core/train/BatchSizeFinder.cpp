#include "core/train/BatchSizeFinder.h"

#include "core/model/GpuDevices.h"

#include <algorithm>

namespace tagbench {

Result<BatchSizeChoice> findBatchSize(const std::function<BatchSizeTrial(std::int64_t)>& trial, std::int64_t totalBytes,
                                      double share, std::int64_t start, std::int64_t maxBatch)
{
    if (totalBytes <= 0 || share <= 0.0 || share > 1.0 || maxBatch < 1)
        return Error{"batch-size finder: needs the device's memory, a share in (0, 1] and a largest batch >= 1"};
    BatchSizeChoice choice;
    choice.budgetBytes = static_cast<std::int64_t>(share * static_cast<double>(totalBytes));
    const auto fits = [&](std::int64_t size) {
        BatchSizeTrial t = trial(size);
        t.batchSize = size;
        choice.trials.push_back(t);
        const bool ok = !t.outOfMemory && t.peakBytes <= choice.budgetBytes;
        if (ok && size > choice.batchSize) {
            choice.batchSize = size;
            choice.peakBytes = t.peakBytes;
        }
        return ok;
    };
    std::int64_t good = 0;
    std::int64_t bad = 0;  // 0: none failed yet
    std::int64_t size = std::clamp<std::int64_t>(start, 1, maxBatch);
    if (fits(size)) {
        good = size;
        while (good < maxBatch) {
            size = std::min(good * 2, maxBatch);
            if (!fits(size)) {
                bad = size;
                break;
            }
            good = size;
        }
    } else {
        bad = size;
        while (size > 1) {
            size /= 2;
            if (fits(size)) {
                good = size;
                break;
            }
            bad = size;
        }
        if (good == 0)
            return Error{"even a batch of 1 does not fit in " + formatBytes(choice.budgetBytes) + " (" +
                         std::to_string(static_cast<int>(share * 100 + 0.5)) + "% of " + formatBytes(totalBytes) +
                         "): use a smaller model, a shorter max_length, or bf16/fp16"};
    }
    // Bisect until the bracket is within ~10 % (a few more trials, each a couple of steps).
    while (bad > 0 && bad - good > std::max<std::int64_t>(1, good / 10)) {
        const std::int64_t middle = good + (bad - good) / 2;
        if (fits(middle)) good = middle;
        else bad = middle;
    }
    choice.summary = "batch size " + std::to_string(choice.batchSize) + " (peak " + formatBytes(choice.peakBytes) + " of a " +
                     formatBytes(choice.budgetBytes) + " budget, " + std::to_string(static_cast<int>(share * 100 + 0.5)) +
                     "% of " + formatBytes(totalBytes) + "; " + std::to_string(choice.trials.size()) + " sizes tried" +
                     (bad == 0 ? ", the largest allowed" : "") + ")";
    return choice;
}

} // namespace tagbench

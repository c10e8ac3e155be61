#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace tagbench {

/// Settings of LossScaler; the defaults are torch.cuda.amp.GradScaler's.
struct LossScalerOptions {
    double initScale = 65536.0;
    double growthFactor = 2.0;
    double backoffFactor = 0.5;
    std::int64_t growthInterval = 2000;
};

/// Dynamic loss scaling for fp16 training (torch.cuda.amp.GradScaler semantics): the loss is
/// multiplied by the scale before backward so small fp16 gradients do not flush to zero; the
/// gradients are divided by it again before the optimizer step. A step whose gradients hold an
/// inf or NaN is skipped and the scale multiplied by the backoff factor; after growthInterval
/// good steps in a row the scale grows by the growth factor. Works on CPU and CUDA tensors.
///
/// Per iteration: backward(scale(loss)); [unscale(params) to clip]; step(params, optimizerStep);
/// update().
class LossScaler final {
public:
    explicit LossScaler(LossScalerOptions options = {});

    /// loss * scale.
    torch::Tensor scale(const torch::Tensor& loss) const;
    /// Divides the gradients of parameters by the scale (once per iteration; later calls are
    /// no-ops) and records whether any of them is not finite. Returns true when all are finite.
    bool unscale(const std::vector<torch::Tensor>& parameters);
    /// Unscales if not done yet, then calls optimizerStep unless a gradient was inf/NaN.
    /// Returns true when the step ran.
    bool step(const std::vector<torch::Tensor>& parameters, const std::function<void()>& optimizerStep);
    /// Adjusts the scale from this iteration's outcome and starts the next iteration.
    void update();

    double currentScale() const { return m_scale; }
    /// Good steps in a row since the scale last changed (GradScaler's growth tracker).
    std::int64_t growthTracker() const { return m_growthTracker; }
    /// Steps skipped so far because of inf/NaN gradients.
    std::int64_t skippedSteps() const { return m_skipped; }

    /// For resumable runs: restores a saved scale and tracker.
    void restore(double scale, std::int64_t growthTracker);

private:
    LossScalerOptions m_options;
    double m_scale;
    std::int64_t m_growthTracker = 0;
    std::int64_t m_skipped = 0;
    bool m_unscaled = false;
    bool m_foundInf = false;
};

} // namespace tagbench

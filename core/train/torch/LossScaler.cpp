#include "core/train/torch/LossScaler.h"

namespace tagbench {

LossScaler::LossScaler(LossScalerOptions options) : m_options(options), m_scale(options.initScale) {}

torch::Tensor LossScaler::scale(const torch::Tensor& loss) const { return loss * m_scale; }

bool LossScaler::unscale(const std::vector<torch::Tensor>& parameters)
{
    if (m_unscaled) return !m_foundInf;
    torch::NoGradGuard noGrad;
    // GradScaler multiplies by the float32 reciprocal; for power-of-two scales this is exact.
    const double inverse = static_cast<double>(1.0f / static_cast<float>(m_scale));
    std::vector<torch::Tensor> nonFinite;
    for (const auto& p : parameters) {
        torch::Tensor grad = p.grad();
        if (!grad.defined()) continue;
        grad.mul_(inverse);
        // One flag per tensor, reduced once: no device sync per parameter.
        nonFinite.push_back(torch::logical_not(torch::isfinite(grad)).any());
    }
    m_foundInf = !nonFinite.empty() && torch::stack(nonFinite).any().item<bool>();
    m_unscaled = true;
    return !m_foundInf;
}

bool LossScaler::step(const std::vector<torch::Tensor>& parameters, const std::function<void()>& optimizerStep)
{
    if (!unscale(parameters)) {
        ++m_skipped;
        return false;
    }
    optimizerStep();
    return true;
}

void LossScaler::update()
{
    if (m_foundInf) {
        m_scale *= m_options.backoffFactor;
        m_growthTracker = 0;
    } else if (++m_growthTracker >= m_options.growthInterval) {
        m_scale *= m_options.growthFactor;
        m_growthTracker = 0;
    }
    m_unscaled = false;
    m_foundInf = false;
}

void LossScaler::restore(double scale, std::int64_t growthTracker)
{
    m_scale = scale;
    m_growthTracker = growthTracker;
    m_unscaled = false;
    m_foundInf = false;
}

} // namespace tagbench

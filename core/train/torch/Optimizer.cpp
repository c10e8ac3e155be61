#include "core/train/torch/Optimizer.h"

#include <cmath>

namespace tagbench {

Optimizer::Optimizer(const std::vector<std::pair<std::string, torch::Tensor>>& namedParameters,
                     OptimizerOptions options)
    : Optimizer(std::vector<ParameterGroup>{ParameterGroup{namedParameters, 1.0, std::nullopt}}, std::move(options))
{
}

std::vector<torch::Tensor> Optimizer::parameters() const
{
    std::vector<torch::Tensor> out;
    out.reserve(m_slots.size());
    for (const auto& slot : m_slots) out.push_back(slot.parameter);
    return out;
}

Optimizer::Optimizer(const std::vector<ParameterGroup>& groups, OptimizerOptions options)
    : m_options(std::move(options))
{
    for (const auto& group : groups) {
        for (const auto& [name, parameter] : group.parameters) {
            if (!parameter.requires_grad()) continue;
            Slot slot;
            slot.name = name;
            slot.parameter = parameter;
            slot.learningRateScale = group.learningRateScale;
            slot.weightDecay = group.weightDecay;
            if (m_options.kind != "sgd") {
                slot.expAvg = torch::zeros_like(parameter, torch::MemoryFormat::Preserve);
                slot.expAvgSq = torch::zeros_like(parameter, torch::MemoryFormat::Preserve);
            }
            m_slots.push_back(std::move(slot));
        }
    }
}

void Optimizer::zeroGrad()
{
    for (auto& slot : m_slots) {
        // Dropping the gradient (instead of zeroing it) lets sparse gradients start empty.
        if (slot.parameter.grad().defined()) slot.parameter.mutable_grad() = torch::Tensor();
    }
}

void Optimizer::step()
{
    torch::NoGradGuard noGrad;
    for (auto& slot : m_slots) {
        const torch::Tensor grad = slot.parameter.grad();
        if (!grad.defined()) continue;
        ++slot.steps;
        if (grad.is_sparse()) {
            const torch::Tensor coalesced = grad.coalesce();
            stepSparse(slot, coalesced.indices()[0].contiguous(), coalesced.values().contiguous());
        } else {
            stepDense(slot, grad);
        }
    }
}

void Optimizer::stepRows(const torch::Tensor& parameter, const torch::Tensor& rows, const torch::Tensor& values)
{
    torch::NoGradGuard noGrad;
    for (auto& slot : m_slots) {
        if (!slot.parameter.is_same(parameter)) continue;
        ++slot.steps;
        stepSparse(slot, rows, values);
        return;
    }
    TORCH_CHECK(false, "stepRows: the parameter is not optimized by this optimizer");
}

void Optimizer::stepDense(Slot& slot, const torch::Tensor& gradIn)
{
    torch::Tensor& p = slot.parameter;
    const double lr = learningRate(slot);
    const double decay = weightDecay(slot);
    torch::Tensor grad = gradIn;
    if (m_options.kind == "sgd") {
        if (decay != 0.0) grad = grad.add(p, decay);
        p.add_(grad, -lr);
        return;
    }
    if (m_options.kind == "adamw") p.mul_(1.0 - lr * decay);
    else if (decay != 0.0) grad = grad.add(p, decay);
    const double b1 = m_options.beta1, b2 = m_options.beta2;
    slot.expAvg.mul_(b1).add_(grad, 1.0 - b1);
    slot.expAvgSq.mul_(b2).addcmul_(grad, grad, 1.0 - b2);
    const double correction1 = 1.0 - std::pow(b1, static_cast<double>(slot.steps));
    const double correction2 = 1.0 - std::pow(b2, static_cast<double>(slot.steps));
    const torch::Tensor denom = (slot.expAvgSq.sqrt() / std::sqrt(correction2)).add_(m_options.epsilon);
    p.addcdiv_(slot.expAvg, denom, -lr / correction1);
}

void Optimizer::stepSparse(Slot& slot, const torch::Tensor& rows, torch::Tensor values)
{
    if (values.numel() == 0) return;
    torch::Tensor& p = slot.parameter;
    if (p.is_cpu() && p.scalar_type() == torch::kFloat32 && p.is_contiguous() && values.scalar_type() == torch::kFloat32) {
        stepSparseCpu(slot, rows, values);
        return;
    }
    const double lr = learningRate(slot);
    const double decay = weightDecay(slot);
    if (m_options.kind == "sgd") {
        if (decay != 0.0) values = values.add(p.index_select(0, rows), decay);
        p.index_add_(0, rows, values, -lr);
        return;
    }
    if (decay != 0.0) {
        const torch::Tensor current = p.index_select(0, rows);
        if (m_options.kind == "adamw") p.index_add_(0, rows, current, -lr * decay);
        else values = values.add(current, decay);
    }
    const double b1 = m_options.beta1, b2 = m_options.beta2;
    const torch::Tensor m = slot.expAvg.index_select(0, rows).mul_(b1).add_(values, 1.0 - b1);
    const torch::Tensor v = slot.expAvgSq.index_select(0, rows).mul_(b2).addcmul_(values, values, 1.0 - b2);
    slot.expAvg.index_copy_(0, rows, m);
    slot.expAvgSq.index_copy_(0, rows, v);
    const double correction1 = 1.0 - std::pow(b1, static_cast<double>(slot.steps));
    const double correction2 = 1.0 - std::pow(b2, static_cast<double>(slot.steps));
    const torch::Tensor update = m / (v.sqrt() / std::sqrt(correction2)).add_(m_options.epsilon);
    p.index_add_(0, rows, update, -lr / correction1);
}

void Optimizer::stepSparseCpu(Slot& slot, const torch::Tensor& rows, const torch::Tensor& values)
{
    // One fused pass per touched row: the generic index_select/index_copy_/index_add_ chain costs
    // five kernel launches and four temporaries per step, which dominates fastText-sized batches.
    const std::int64_t width = slot.parameter.numel() / std::max<std::int64_t>(slot.parameter.size(0), 1);
    const std::int64_t count = rows.numel();
    const auto* rowIds = rows.data_ptr<std::int64_t>();
    const float* grads = values.data_ptr<float>();
    float* weights = slot.parameter.data_ptr<float>();
    const auto lr = static_cast<float>(learningRate(slot));
    const auto decay = static_cast<float>(weightDecay(slot));
    if (m_options.kind == "sgd") {
        for (std::int64_t i = 0; i < count; ++i) {
            float* w = weights + rowIds[i] * width;
            const float* g = grads + i * width;
            for (std::int64_t d = 0; d < width; ++d) w[d] -= lr * (g[d] + decay * w[d]);
        }
        return;
    }
    const auto b1 = static_cast<float>(m_options.beta1), b2 = static_cast<float>(m_options.beta2);
    const double steps = static_cast<double>(slot.steps);
    const auto stepSize = static_cast<float>(learningRate(slot) / (1.0 - std::pow(m_options.beta1, steps)));
    const auto invCorrection2 = static_cast<float>(1.0 / std::sqrt(1.0 - std::pow(m_options.beta2, steps)));
    const auto eps = static_cast<float>(m_options.epsilon);
    const bool decoupled = m_options.kind == "adamw";
    float* m = slot.expAvg.data_ptr<float>();
    float* v = slot.expAvgSq.data_ptr<float>();
    for (std::int64_t i = 0; i < count; ++i) {
        const std::int64_t offset = rowIds[i] * width;
        float* w = weights + offset;
        float* mRow = m + offset;
        float* vRow = v + offset;
        const float* g = grads + i * width;
        for (std::int64_t d = 0; d < width; ++d) {
            float gd = g[d];
            if (decoupled) w[d] -= lr * decay * w[d];
            else gd += decay * w[d];
            mRow[d] = b1 * mRow[d] + (1.0f - b1) * gd;
            vRow[d] = b2 * vRow[d] + (1.0f - b2) * gd * gd;
            w[d] -= stepSize * mRow[d] / (std::sqrt(vRow[d]) * invCorrection2 + eps);
        }
    }
}

void Optimizer::save(torch::serialize::OutputArchive& archive) const
{
    // Keys are slot positions: archive keys must be plain identifiers. Shapes are checked on load.
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        const Slot& slot = m_slots[i];
        const std::string key = "p" + std::to_string(i);
        archive.write(key + "_steps", torch::tensor(slot.steps, torch::kInt64), /*is_buffer=*/true);
        if (slot.expAvg.defined()) {
            archive.write(key + "_exp_avg", slot.expAvg, /*is_buffer=*/true);
            archive.write(key + "_exp_avg_sq", slot.expAvgSq, /*is_buffer=*/true);
        }
    }
}

void Optimizer::load(torch::serialize::InputArchive& archive)
{
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        Slot& slot = m_slots[i];
        const std::string key = "p" + std::to_string(i);
        torch::Tensor steps;
        archive.read(key + "_steps", steps, /*is_buffer=*/true);
        slot.steps = steps.item<std::int64_t>();
        if (slot.expAvg.defined()) {
            torch::Tensor first, second;  // fresh tensors: see loadCheckpoint()
            archive.read(key + "_exp_avg", first, /*is_buffer=*/true);
            archive.read(key + "_exp_avg_sq", second, /*is_buffer=*/true);
            TORCH_CHECK(first.sizes() == slot.expAvg.sizes() && second.sizes() == slot.expAvgSq.sizes(),
                        "optimizer state of ", slot.name, " has the wrong shape");
            slot.expAvg.copy_(first);
            slot.expAvgSq.copy_(second);
        }
    }
}

} // namespace tagbench

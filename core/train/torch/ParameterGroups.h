#pragma once

#include "core/train/torch/Optimizer.h"

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tagbench {

/// Which parameters form a group and how they train, like one entry of a torch optimizer's
/// param_groups: a learning-rate multiplier and a weight decay of its own.
struct ParameterGroupSpec {
    std::string name;
    std::function<bool(const std::string& parameterName)> matches;
    double learningRateScale = 1.0;
    double weightDecay = 0.0;
};

/// Named parameters sorted into groups by rules (the first spec that matches), for an Optimizer
/// with torch.optim param_groups semantics: each group its learning-rate scale and weight decay.
class ParameterGroups final {
public:
    /// Each parameter joins the first spec that matches it; the rest form a group "default" with
    /// base.weightDecay and scale 1. Parameters that do not require gradients are left out;
    /// groups left empty are dropped.
    ParameterGroups(const std::vector<std::pair<std::string, torch::Tensor>>& namedParameters,
                    const OptimizerOptions& base, const std::vector<ParameterGroupSpec>& specs = {});

    /// The Hugging Face Trainer's default: no weight decay on biases and LayerNorm weights.
    static std::vector<ParameterGroupSpec> noDecayOnBiasAndLayerNorm();

    /// Sets every group's rate to base * its scale (call before step(), e.g. from a schedule).
    void setLearningRate(double base);
    double learningRate() const { return m_baseLearningRate; }

    void zeroGrad();
    void step();

    /// The parameters of all groups (e.g. for gradient clipping), in group order.
    std::vector<torch::Tensor> parameters() const;
    /// Group names and sizes, for logs: "decay: 40 tensors, no_decay: 41 tensors".
    std::string describe() const;
    std::size_t groupCount() const { return m_groups.size(); }

    /// Optimizer state, for resumable runs.
    void save(torch::serialize::OutputArchive& archive) const { m_optimizer->save(archive); }
    void load(torch::serialize::InputArchive& archive) { m_optimizer->load(archive); }

    /// The groups as the module interface and the trainer's Optimizer take them.
    static std::vector<ParameterGroup> group(const std::vector<std::pair<std::string, torch::Tensor>>& namedParameters,
                                             const std::vector<ParameterGroupSpec>& specs, std::vector<std::string>* names = nullptr);

private:
    std::vector<std::string> m_names;  // before m_groups: group() fills it while m_groups is made
    std::vector<ParameterGroup> m_groups;
    std::unique_ptr<Optimizer> m_optimizer;
    double m_baseLearningRate = 0.0;
};

/// The total L2 norm of the gradients of parameters (what torch.nn.utils.clip_grad_norm_
/// returns) and, when maxNorm > 0, the gradients scaled by min(1, maxNorm / (norm + 1e-6)).
double clipGradientNorm(const std::vector<torch::Tensor>& parameters, double maxNorm);

} // namespace tagbench

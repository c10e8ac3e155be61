#include "core/train/torch/ParameterGroups.h"

namespace tagbench {

namespace {

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

std::vector<ParameterGroup> ParameterGroups::group(const std::vector<std::pair<std::string, torch::Tensor>>& namedParameters,
                                                   const std::vector<ParameterGroupSpec>& specs, std::vector<std::string>* names)
{
    std::vector<ParameterGroup> members(specs.size() + 1);
    for (const auto& named : namedParameters) {
        if (!named.second.requires_grad()) continue;
        std::size_t index = specs.size();
        for (std::size_t i = 0; i < specs.size(); ++i)
            if (specs[i].matches && specs[i].matches(named.first)) {
                index = i;
                break;
            }
        members[index].parameters.push_back(named);
    }
    std::vector<ParameterGroup> groups;
    for (std::size_t i = 0; i <= specs.size(); ++i) {
        if (members[i].parameters.empty()) continue;
        if (i < specs.size()) {
            members[i].learningRateScale = specs[i].learningRateScale;
            members[i].weightDecay = specs[i].weightDecay;
        }
        if (names) names->push_back(i < specs.size() ? specs[i].name : "default");
        groups.push_back(std::move(members[i]));
    }
    return groups;
}

ParameterGroups::ParameterGroups(const std::vector<std::pair<std::string, torch::Tensor>>& namedParameters,
                                 const OptimizerOptions& base, const std::vector<ParameterGroupSpec>& specs)
    : m_names(),
      m_groups(group(namedParameters, specs, &m_names)),
      m_optimizer(std::make_unique<Optimizer>(m_groups, base)),
      m_baseLearningRate(base.learningRate)
{
}

std::vector<ParameterGroupSpec> ParameterGroups::noDecayOnBiasAndLayerNorm()
{
    ParameterGroupSpec noDecay;
    noDecay.name = "no_decay";
    noDecay.matches = [](const std::string& name) {
        return endsWith(name, "bias") || name.find("LayerNorm.weight") != std::string::npos;
    };
    noDecay.weightDecay = 0.0;
    return {noDecay};
}

void ParameterGroups::setLearningRate(double base)
{
    m_baseLearningRate = base;
    m_optimizer->setLearningRate(base);
}

void ParameterGroups::zeroGrad() { m_optimizer->zeroGrad(); }
void ParameterGroups::step() { m_optimizer->step(); }
std::vector<torch::Tensor> ParameterGroups::parameters() const { return m_optimizer->parameters(); }

std::string ParameterGroups::describe() const
{
    std::string out;
    for (std::size_t i = 0; i < m_groups.size(); ++i)
        out += (out.empty() ? "" : ", ") + m_names[i] + ": " + std::to_string(m_groups[i].parameters.size()) + " tensors";
    return out;
}

double clipGradientNorm(const std::vector<torch::Tensor>& parameters, double maxNorm)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> norms;
    std::vector<torch::Tensor> grads;
    for (const auto& p : parameters) {
        if (!p.grad().defined()) continue;
        grads.push_back(p.grad());
        norms.push_back(p.grad().norm(2.0));
    }
    if (norms.empty()) return 0.0;
    // The same reduction as clip_grad_norm_: per-tensor norms, then the norm of those.
    const torch::Tensor total = torch::stack(norms).norm(2.0);
    if (maxNorm > 0.0) {
        const torch::Tensor coefficient = torch::clamp_max(maxNorm / (total + 1e-6), 1.0);
        for (auto& g : grads) g.mul_(coefficient);
    }
    return total.item<double>();
}

} // namespace tagbench

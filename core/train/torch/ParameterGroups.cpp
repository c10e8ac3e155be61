#include "core/train/torch/ParameterGroups.h"

namespace tagbench {

namespace {

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

ParameterGroups::ParameterGroups(const std::vector<std::pair<std::string, torch::Tensor>>& namedParameters,
                                 const OptimizerOptions& base, const std::vector<ParameterGroupSpec>& specs)
    : m_baseLearningRate(base.learningRate)
{
    std::vector<std::vector<std::pair<std::string, torch::Tensor>>> members(specs.size() + 1);
    for (const auto& named : namedParameters) {
        if (!named.second.requires_grad()) continue;
        std::size_t group = specs.size();
        for (std::size_t i = 0; i < specs.size(); ++i)
            if (specs[i].matches && specs[i].matches(named.first)) {
                group = i;
                break;
            }
        members[group].push_back(named);
    }
    for (std::size_t i = 0; i <= specs.size(); ++i) {
        if (members[i].empty()) continue;
        OptimizerOptions options = base;
        Group group;
        if (i < specs.size()) {
            group.name = specs[i].name;
            group.learningRateScale = specs[i].learningRateScale;
            options.weightDecay = specs[i].weightDecay;
        } else {
            group.name = "default";
        }
        options.learningRate = base.learningRate * group.learningRateScale;
        group.parameters = std::move(members[i]);
        group.optimizer = std::make_unique<Optimizer>(group.parameters, options);
        m_groups.push_back(std::move(group));
    }
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
    for (auto& group : m_groups) group.optimizer->setLearningRate(base * group.learningRateScale);
}

void ParameterGroups::zeroGrad()
{
    for (auto& group : m_groups) group.optimizer->zeroGrad();
}

void ParameterGroups::step()
{
    for (auto& group : m_groups) group.optimizer->step();
}

std::vector<torch::Tensor> ParameterGroups::parameters() const
{
    std::vector<torch::Tensor> out;
    for (const auto& group : m_groups)
        for (const auto& named : group.parameters) out.push_back(named.second);
    return out;
}

std::string ParameterGroups::describe() const
{
    std::string out;
    for (const auto& group : m_groups)
        out += (out.empty() ? "" : ", ") + group.name + ": " + std::to_string(group.parameters.size()) + " tensors";
    return out;
}

void ParameterGroups::save(torch::serialize::OutputArchive& archive) const
{
    for (std::size_t i = 0; i < m_groups.size(); ++i) {
        torch::serialize::OutputArchive sub;
        m_groups[i].optimizer->save(sub);
        archive.write("g" + std::to_string(i), sub);
    }
}

void ParameterGroups::load(torch::serialize::InputArchive& archive)
{
    for (std::size_t i = 0; i < m_groups.size(); ++i) {
        torch::serialize::InputArchive sub;
        archive.read("g" + std::to_string(i), sub);
        m_groups[i].optimizer->load(sub);
    }
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

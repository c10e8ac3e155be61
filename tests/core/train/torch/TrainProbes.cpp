#include "tests/core/train/torch/TrainProbes.h"

#include "core/train/torch/LossScaler.h"
#include "core/train/torch/ParameterGroups.h"

#include <torch/torch.h>

#include <limits>
#include <sstream>

namespace tagbench::probe {

LossScalerRun lossScalerRun(const std::vector<std::string>& injections, double initScale, std::int64_t growthInterval)
{
    LossScalerOptions options;
    options.initScale = initScale;
    options.growthInterval = growthInterval;
    LossScaler scaler(options);
    LossScalerRun run;
    run.initialScale = scaler.currentScale();
    torch::Tensor p = torch::tensor({1.0f, 2.0f}).requires_grad_(true);
    const torch::Tensor w = torch::tensor({3.0f, 4.0f});
    for (const auto& injection : injections) {
        p.mutable_grad() = torch::Tensor();
        scaler.scale((p * w).sum()).backward();
        if (injection == "inf") p.mutable_grad()[1] = std::numeric_limits<float>::infinity();
        if (injection == "nan") p.mutable_grad()[1] = std::numeric_limits<float>::quiet_NaN();
        scaler.unscale({p});
        run.unscaledGradient.push_back(p.grad()[0].item<double>());
        const bool stepped = scaler.step({p}, [&] {
            torch::NoGradGuard noGrad;
            p.add_(p.grad(), -0.1);
        });
        scaler.update();
        run.stepped.push_back(stepped);
        run.scaleAfter.push_back(scaler.currentScale());
        run.trackerAfter.push_back(scaler.growthTracker());
        run.parameter.push_back(p[0].item<double>());
    }
    run.skipped = scaler.skippedSteps();
    return run;
}

std::vector<double> lossScalerDefaults()
{
    const LossScalerOptions options;
    return {options.initScale, options.growthFactor, options.backoffFactor, static_cast<double>(options.growthInterval)};
}

double parameterGroupsMatchTorchAdamW(int steps)
{
    torch::manual_seed(5);
    const torch::Tensor a0 = torch::randn({4, 3}), b0 = torch::randn({3}), c0 = torch::randn({2, 2});
    std::vector<std::pair<std::string, torch::Tensor>> ours{{"layer.weight", a0.clone().requires_grad_(true)},
                                                            {"layer.bias", b0.clone().requires_grad_(true)},
                                                            {"unused.weight", c0.clone().requires_grad_(true)}};
    std::vector<torch::Tensor> theirs{a0.clone().requires_grad_(true), b0.clone().requires_grad_(true),
                                      c0.clone().requires_grad_(true)};
    OptimizerOptions base;
    base.kind = "adamw";
    base.learningRate = 0.01;
    base.weightDecay = 0.05;
    ParameterGroupSpec biases{"biases", [](const std::string& n) { return n.size() >= 4 && n.compare(n.size() - 4, 4, "bias") == 0; },
                              0.5, 0.0};
    ParameterGroups groups(ours, base, {biases});

    std::vector<torch::optim::OptimizerParamGroup> torchGroups;
    torchGroups.emplace_back(std::vector<torch::Tensor>{theirs[1]},
                             std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(0.005).weight_decay(0.0)));
    torchGroups.emplace_back(std::vector<torch::Tensor>{theirs[0], theirs[2]},
                             std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(0.01).weight_decay(0.05)));
    torch::optim::AdamW reference(torchGroups, torch::optim::AdamWOptions(0.01));

    for (int step = 0; step < steps; ++step) {
        const double rate = 0.01 * (1.0 - 0.1 * step);  // a schedule: every group follows
        groups.setLearningRate(rate);
        static_cast<torch::optim::AdamWOptions&>(reference.param_groups()[0].options()).lr(rate * 0.5);
        static_cast<torch::optim::AdamWOptions&>(reference.param_groups()[1].options()).lr(rate);
        const torch::Tensor ga = torch::randn({4, 3}), gb = torch::randn({3});
        ours[0].second.mutable_grad() = ga.clone();
        ours[1].second.mutable_grad() = gb.clone();
        ours[2].second.mutable_grad() = torch::zeros({2, 2});  // decays only
        theirs[0].mutable_grad() = ga.clone();
        theirs[1].mutable_grad() = gb.clone();
        theirs[2].mutable_grad() = torch::zeros({2, 2});
        groups.step();
        reference.step();
    }
    double worst = 0;
    for (std::size_t i = 0; i < theirs.size(); ++i)
        worst = std::max(worst, (ours[i].second - theirs[i]).abs().max().item<double>());
    return worst;
}

std::string describeNoDecayGroups(const std::vector<std::string>& names)
{
    std::vector<std::pair<std::string, torch::Tensor>> named;
    for (const auto& n : names) named.emplace_back(n, torch::zeros({1}).requires_grad_(true));
    named.emplace_back("frozen.weight", torch::zeros({1}));  // requires no gradient: left out
    OptimizerOptions base;
    base.kind = "adamw";
    base.weightDecay = 0.01;
    return ParameterGroups(named, base, ParameterGroups::noDecayOnBiasAndLayerNorm()).describe();
}

double parameterGroupsResumeDifference()
{
    const auto make = [] {
        torch::manual_seed(9);
        return std::vector<std::pair<std::string, torch::Tensor>>{{"w", torch::randn({3, 3}).requires_grad_(true)},
                                                                  {"b", torch::randn({3}).requires_grad_(true)}};
    };
    OptimizerOptions base;
    base.kind = "adamw";
    base.learningRate = 0.02;
    base.weightDecay = 0.01;
    const std::vector<ParameterGroupSpec> specs{{"b", [](const std::string& n) { return n == "b"; }, 2.0, 0.0}};
    const auto gradients = [](int step) {
        torch::manual_seed(100 + step);
        return std::make_pair(torch::randn({3, 3}), torch::randn({3}));
    };
    const auto applyStep = [&](ParameterGroups& groups, std::vector<std::pair<std::string, torch::Tensor>>& p, int step) {
        const auto [gw, gb] = gradients(step);
        p[0].second.mutable_grad() = gw;
        p[1].second.mutable_grad() = gb;
        groups.step();
    };
    auto straight = make();
    ParameterGroups straightGroups(straight, base, specs);
    for (int step = 0; step < 4; ++step) applyStep(straightGroups, straight, step);

    auto first = make();
    ParameterGroups firstGroups(first, base, specs);
    for (int step = 0; step < 2; ++step) applyStep(firstGroups, first, step);
    std::stringstream buffer;
    {
        torch::serialize::OutputArchive archive;
        firstGroups.save(archive);
        archive.save_to(buffer);
    }
    std::vector<std::pair<std::string, torch::Tensor>> resumed{{"w", first[0].second.detach().clone().requires_grad_(true)},
                                                               {"b", first[1].second.detach().clone().requires_grad_(true)}};
    ParameterGroups resumedGroups(resumed, base, specs);
    torch::serialize::InputArchive archive;
    archive.load_from(buffer);
    resumedGroups.load(archive);
    for (int step = 2; step < 4; ++step) applyStep(resumedGroups, resumed, step);
    return std::max((straight[0].second - resumed[0].second).abs().max().item<double>(),
                    (straight[1].second - resumed[1].second).abs().max().item<double>());
}

std::vector<double> clipGradientNormVsTorch(double maxNorm)
{
    torch::manual_seed(4);
    std::vector<torch::Tensor> ours, theirs;
    for (const auto& shape : {std::vector<std::int64_t>{5, 4}, std::vector<std::int64_t>{7}}) {
        const torch::Tensor g = torch::randn(shape);
        ours.push_back(torch::zeros(shape).requires_grad_(true));
        ours.back().mutable_grad() = g.clone();
        theirs.push_back(torch::zeros(shape).requires_grad_(true));
        theirs.back().mutable_grad() = g.clone();
    }
    const double ourNorm = clipGradientNorm(ours, maxNorm);
    const double theirNorm = torch::nn::utils::clip_grad_norm_(theirs, maxNorm > 0 ? maxNorm : 1e30);
    double worst = 0;
    for (std::size_t i = 0; i < ours.size(); ++i)
        worst = std::max(worst, (ours[i].grad() - theirs[i].grad()).abs().max().item<double>());
    return {ourNorm, theirNorm, worst};
}

} // namespace tagbench::probe

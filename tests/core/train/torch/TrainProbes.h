#pragma once

// Torch-free entry points into core/train/torch for the Qt Test classes (which must not include
// LibTorch): each probe builds tensors, runs the code under test and returns plain values.

#include <cstdint>
#include <string>
#include <vector>

namespace tagbench::probe {

/// What LossScaler did over a run of steps on a 2-element parameter with loss (p * [3, 4]).sum().
struct LossScalerRun {
    std::vector<double> scaleAfter;          // after each update()
    std::vector<bool> stepped;               // whether the optimizer step ran
    std::vector<std::int64_t> trackerAfter;  // growth tracker after each update()
    std::vector<double> unscaledGradient;    // first gradient element after unscale, per step
    std::vector<double> parameter;           // first parameter element after each step
    std::int64_t skipped = 0;
    double initialScale = 0;
};

/// injections[i]: "" for a clean step, "inf" or "nan" to poison one gradient element that step.
LossScalerRun lossScalerRun(const std::vector<std::string>& injections, double initScale, std::int64_t growthInterval);

/// LossScaler with default options: {initScale, growthFactor, backoffFactor, growthInterval}.
std::vector<double> lossScalerDefaults();

/// Max |difference| between ParameterGroups (two groups with their own lr scale and decay, one
/// parameter with a zero gradient) and torch::optim::AdamW with the same param_groups, after steps.
double parameterGroupsMatchTorchAdamW(int steps);

/// ParameterGroups::describe() with noDecayOnBiasAndLayerNorm() for the given parameter names.
std::string describeNoDecayGroups(const std::vector<std::string>& names);

/// Max |difference| between a run of 4 steps and one saved after 2 and resumed in new groups.
double parameterGroupsResumeDifference();

/// clipGradientNorm vs torch::nn::utils::clip_grad_norm_: {our norm, torch's norm, max |grad diff|}.
std::vector<double> clipGradientNormVsTorch(double maxNorm);

} // namespace tagbench::probe

#pragma once

#include "core/model/GpuDevices.h"
#include "core/util/Result.h"

#include <functional>
#include <string>
#include <vector>

namespace tagbench {

/// One timed micro-check of `tagbench-cli doctor`.
struct DoctorCheck {
    enum class Outcome { Passed, Failed, Skipped };
    std::string name;     // e.g. "TextCNN: training step, cuda:0 = cpu"
    Outcome outcome = Outcome::Skipped;
    std::string detail;   // the numbers behind the outcome, or why it was skipped
    double seconds = 0.0;
};

/// What the doctor found: the build, the devices and every check.
struct DoctorReport {
    TorchBuildInfo build;
    std::vector<GpuInfo> gpus;
    std::string cpuGemm;     // which engine runs CPU matrix products (core/model/torch/CpuLinear.h)
    int cpuThreads = 0;
    std::string device;      // the GPU checked ("cuda:0"), or empty when none is
    std::string note;        // e.g. "no GPU: ..." in plain words
    std::vector<DoctorCheck> checks;

    /// No check failed.
    bool ok() const;
};

struct DoctorOptions {
    std::string device = "auto";  // auto | cpu | cuda[:N]: the GPU whose checks run
    double tolerance = 2e-3;      // largest relative difference between devices (TF32 convolutions)
    bool outOfMemoryCheck = true; // provoke an out-of-memory batch on the GPU (a few seconds)
};

/// Checks that training and prediction on this machine compute what they should: a training
/// step of every model kind (tiny random models from the ModelRegistry) on the GPU equals the
/// same step on the CPU; a bf16 step and an fp16 loss-scaled step stay finite; GPU prediction
/// equals CPU prediction; an out-of-memory batch is caught and the batch-size finder names one
/// that fits. Without a GPU the CPU parts run (each kind's step is finite and reproducible, the
/// oneDNN products equal LibTorch's, loss scaling is exact) and the GPU ones are skipped with the
/// reason. onCheck sees each check as it finishes. Torch-free header, so a GUI page can show it.
Result<DoctorReport> runDeviceDoctor(const DoctorOptions& options, const std::function<void(const DoctorCheck&)>& onCheck = {});

} // namespace tagbench

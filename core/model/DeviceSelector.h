#pragma once

#include "core/util/Result.h"

#include <string>
#include <string_view>

namespace tagbench {

/// Where a computation runs, resolved from a user's "auto" | "cpu" | "cuda[:N]" choice.
struct DeviceChoice {
    bool cuda = false;
    int index = 0;
    std::string description;  // e.g. "cpu (2 threads)" or "cuda:0 (NVIDIA H100)"
};

/// Resolves a device request; "auto" picks CUDA when LibTorch was built with it and a GPU is present.
Result<DeviceChoice> selectDevice(std::string_view request);

/// True when this LibTorch has CUDA support and at least one device is visible.
bool cudaAvailable();

} // namespace tagbench

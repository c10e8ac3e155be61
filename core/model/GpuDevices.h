#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tagbench {

/// One CUDA device as LibTorch sees it.
struct GpuInfo {
    int index = 0;
    std::string name;
    std::int64_t totalBytes = 0;
    std::int64_t freeBytes = 0;    // free on the card now (all processes)
    int major = 0, minor = 0;      // compute capability
    bool bf16 = false;             // native bfloat16 (compute capability 8.0 and up: A100, H100; not V100)
};

/// Memory of one device as LibTorch's caching allocator counts it (this process only).
struct DeviceMemory {
    bool available = false;        // false on the CPU or without CUDA
    std::int64_t currentBytes = 0; // held by tensors now
    std::int64_t peakBytes = 0;    // most held by tensors since the last resetPeakDeviceMemory()
    std::int64_t reservedBytes = 0;
    std::int64_t totalBytes = 0;   // the card's memory
};

/// What this build of LibTorch can do.
struct TorchBuildInfo {
    std::string libtorchVersion;   // e.g. "1.13.1"
    bool cudaCompiled = false;     // Tagbench was built against a LibTorch with CUDA
    bool cudaAvailable = false;    // ... and a GPU is visible
    std::string cudaVersion;       // runtime version, e.g. "12.1"; empty without CUDA
    bool cudnnAvailable = false;
    std::string cudnnVersion;      // e.g. "8.9.2"; empty without cuDNN
    int gpuCount = 0;
};

TorchBuildInfo torchBuildInfo();

/// Every visible GPU, in index order; empty on a machine (or a build) without CUDA.
std::vector<GpuInfo> listGpus();

/// The caching allocator's counters for cuda:index (DeviceMemory::available false without CUDA).
DeviceMemory deviceMemory(int index);

/// Starts a new peak for deviceMemory(index).peakBytes (no-op without CUDA).
void resetPeakDeviceMemory(int index);

/// Returns cached, unused blocks to the driver (after an out-of-memory error; no-op without CUDA).
void releaseCachedDeviceMemory();

/// "1.5 GiB", "640 MiB".
std::string formatBytes(std::int64_t bytes);

} // namespace tagbench

#include "core/model/GpuDevices.h"

#include <torch/torch.h>
#include <torch/version.h>

// TAGBENCH_WITH_CUDA is set when LibTorch was found with its CUDA libraries (core/model/CMakeLists.txt):
// Debian's CPU-only LibTorch ships the c10/cuda headers too, so their presence proves nothing.
#ifdef TAGBENCH_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAFunctions.h>
#include <cuda_runtime_api.h>
#endif

#include <cstdio>

namespace tagbench {

#ifdef TAGBENCH_WITH_CUDA
namespace {

std::string versionText(long version, long majorDivisor, long minorDivisor)
{
    return std::to_string(version / majorDivisor) + "." + std::to_string(version % majorDivisor / minorDivisor) + "."
           + std::to_string(version % minorDivisor);
}

} // namespace
#endif

std::string formatBytes(std::int64_t bytes)
{
    char text[32];
    const double value = static_cast<double>(bytes);
    if (value >= 1024.0 * 1024.0 * 1024.0) std::snprintf(text, sizeof text, "%.1f GiB", value / (1024.0 * 1024.0 * 1024.0));
    else std::snprintf(text, sizeof text, "%.0f MiB", value / (1024.0 * 1024.0));
    return text;
}

TorchBuildInfo torchBuildInfo()
{
    TorchBuildInfo info;
    info.libtorchVersion = TORCH_VERSION;
#ifdef TAGBENCH_WITH_CUDA
    info.cudaCompiled = true;
    info.cudaAvailable = torch::cuda::is_available();
    info.gpuCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    int runtime = 0;
    if (cudaRuntimeGetVersion(&runtime) == cudaSuccess)
        info.cudaVersion = std::to_string(runtime / 1000) + "." + std::to_string(runtime % 1000 / 10);
    info.cudnnAvailable = torch::cuda::cudnn_is_available();
    if (info.cudnnAvailable) {
        const long version = at::detail::getCUDAHooks().versionCuDNN();
        // cuDNN 8 encodes major*1000 + minor*100 + patch; cuDNN 9 major*10000 + minor*100 + patch.
        info.cudnnVersion = version >= 90000 ? versionText(version, 10000, 100) : versionText(version, 1000, 100);
    }
#endif
    return info;
}

std::vector<GpuInfo> listGpus()
{
    std::vector<GpuInfo> gpus;
#ifdef TAGBENCH_WITH_CUDA
    if (!torch::cuda::is_available()) return gpus;
    const auto count = static_cast<int>(torch::cuda::device_count());
    for (int i = 0; i < count; ++i) {
        const cudaDeviceProp* properties = at::cuda::getDeviceProperties(static_cast<c10::DeviceIndex>(i));
        GpuInfo gpu;
        gpu.index = i;
        gpu.name = properties->name;
        gpu.totalBytes = static_cast<std::int64_t>(properties->totalGlobalMem);
        gpu.major = properties->major;
        gpu.minor = properties->minor;
        gpu.bf16 = properties->major >= 8;
        const int previous = c10::cuda::current_device();
        c10::cuda::set_device(static_cast<c10::DeviceIndex>(i));
        std::size_t freeBytes = 0, totalBytes = 0;
        if (cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess) gpu.freeBytes = static_cast<std::int64_t>(freeBytes);
        c10::cuda::set_device(static_cast<c10::DeviceIndex>(previous));
        gpus.push_back(gpu);
    }
#endif
    return gpus;
}

DeviceMemory deviceMemory(int index)
{
    DeviceMemory memory;
#ifdef TAGBENCH_WITH_CUDA
    if (!torch::cuda::is_available() || index < 0 || index >= static_cast<int>(torch::cuda::device_count())) return memory;
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(static_cast<c10::DeviceIndex>(index));
    // StatType::AGGREGATE is entry 0; the enum moved between namespaces across LibTorch 2.x.
    const std::size_t aggregate = 0;
    memory.available = true;
    memory.currentBytes = stats.allocated_bytes[aggregate].current;
    memory.peakBytes = stats.allocated_bytes[aggregate].peak;
    memory.reservedBytes = stats.reserved_bytes[aggregate].current;
    memory.totalBytes = static_cast<std::int64_t>(at::cuda::getDeviceProperties(static_cast<c10::DeviceIndex>(index))->totalGlobalMem);
#endif
    return memory;
}

void resetPeakDeviceMemory(int index)
{
#ifdef TAGBENCH_WITH_CUDA
    if (!torch::cuda::is_available() || index < 0 || index >= static_cast<int>(torch::cuda::device_count())) return;
    c10::cuda::CUDACachingAllocator::resetPeakStats(static_cast<c10::DeviceIndex>(index));
#endif
}

void releaseCachedDeviceMemory()
{
#ifdef TAGBENCH_WITH_CUDA
    if (torch::cuda::is_available()) c10::cuda::CUDACachingAllocator::emptyCache();
#endif
}

} // namespace tagbench

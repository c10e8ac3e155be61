#include "core/model/DeviceSelector.h"

#include "core/model/GpuDevices.h"

#include <torch/torch.h>

#include <cctype>

namespace tagbench {

bool cudaAvailable() { return torch::cuda::is_available(); }

namespace {

std::string gpuCountText(int count)
{
    if (count == 1) return "this machine has 1 GPU (cuda:0)";
    return "this machine has " + std::to_string(count) + " GPUs (cuda:0 to cuda:" + std::to_string(count - 1) + ")";
}

} // namespace

Result<DeviceChoice> selectDevice(std::string_view request)
{
    DeviceChoice choice;
    const std::string text(request);
    if (request == "auto") {
        choice.cuda = cudaAvailable();
    } else if (request == "cpu") {
        choice.cuda = false;
    } else if (request.substr(0, 4) == "cuda") {
        if (request.size() > 4 && (request[4] != ':' || request.size() == 5))
            return Error{"bad device '" + text + "': expected cuda or cuda:N"};
        if (request.size() > 5) {
            const std::string_view digits = request.substr(5);
            for (const char c : digits)
                if (!std::isdigit(static_cast<unsigned char>(c)) || digits.size() > 4)
                    return Error{"bad device '" + text + "': expected cuda:N with N a GPU index (0, 1, ...)"};
            choice.index = std::stoi(std::string(digits));
        }
        if (!cudaAvailable())
            return Error{"device '" + text + "' requested, but "
                         + (torchBuildInfo().cudaCompiled ? std::string("no GPU is visible (check nvidia-smi and CUDA_VISIBLE_DEVICES)")
                                                          : std::string("this LibTorch has no CUDA support (build against a CUDA LibTorch, "
                                                                        "e.g. with -DTAGBENCH_TORCH_FROM_PYTHON=ON)"))};
        choice.cuda = true;
        const auto count = static_cast<int>(torch::cuda::device_count());
        if (choice.index >= count) return Error{"device '" + text + "' does not exist: " + gpuCountText(count)};
    } else {
        return Error{"bad device '" + text + "': expected auto, cpu, cuda or cuda:N"};
    }
    if (choice.cuda) {
        choice.description = "cuda:" + std::to_string(choice.index);
        for (const auto& gpu : listGpus())
            if (gpu.index == choice.index) choice.description += " (" + gpu.name + ", " + formatBytes(gpu.totalBytes) + ")";
    } else {
        choice.description = "cpu (" + std::to_string(torch::get_num_threads()) + " threads)";
    }
    return choice;
}

} // namespace tagbench

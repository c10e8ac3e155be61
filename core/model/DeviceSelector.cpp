#include "core/model/DeviceSelector.h"

#include <torch/torch.h>

namespace tagbench {

bool cudaAvailable() { return torch::cuda::is_available(); }

Result<DeviceChoice> selectDevice(std::string_view request)
{
    DeviceChoice choice;
    const bool wantsCuda = request.substr(0, 4) == "cuda";
    if (request == "auto") {
        choice.cuda = cudaAvailable();
    } else if (request == "cpu") {
        choice.cuda = false;
    } else if (wantsCuda) {
        if (!cudaAvailable())
            return Error{"device '" + std::string(request)
                         + "' requested, but this LibTorch has no CUDA support or no GPU is visible"};
        choice.cuda = true;
        if (request.size() > 5 && request[4] == ':') {
            try {
                choice.index = std::stoi(std::string(request.substr(5)));
            } catch (const std::exception&) {
                return Error{"bad device '" + std::string(request) + "': expected cuda:N"};
            }
            if (choice.index < 0 || choice.index >= static_cast<int>(torch::cuda::device_count()))
                return Error{"device '" + std::string(request) + "' does not exist"};
        } else if (request.size() != 4) {
            return Error{"bad device '" + std::string(request) + "': expected cuda or cuda:N"};
        }
    } else {
        return Error{"bad device '" + std::string(request) + "': expected auto, cpu, cuda or cuda:N"};
    }
    choice.description = choice.cuda
        ? "cuda:" + std::to_string(choice.index)
        : "cpu (" + std::to_string(torch::get_num_threads()) + " threads)";
    return choice;
}

} // namespace tagbench

#include "TorchProbe.h"

#include <torch/torch.h>

#include <fstream>
#include <set>
#include <sstream>

namespace tagbench::test {

double torchProbeSum()
{
    torch::NoGradGuard noGrad;
    const auto x = torch::ones({3, 4}, torch::kFloat32);
    return torch::matmul(x, x.t()).sum().item<double>();
}

std::vector<std::string> loadedLibraries()
{
    std::ifstream maps("/proc/self/maps");
    std::set<std::string> paths;
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.find('/');
        if (slash != std::string::npos) paths.insert(line.substr(slash));
    }
    return {paths.begin(), paths.end()};
}

} // namespace tagbench::test

#pragma once

#include <string>
#include <vector>

// Torch side of SentencePiecePluginTest, kept out of the Qt Test translation unit.
namespace tagbench::test {

/// Runs a small LibTorch computation (so LibTorch and its libprotobuf are loaded and
/// initialised in this process) and returns the sum of ones(3,4) @ ones(4,3), i.e. 36.
double torchProbeSum();

/// Paths of the shared objects mapped into this process (from /proc/self/maps).
std::vector<std::string> loadedLibraries();

} // namespace tagbench::test

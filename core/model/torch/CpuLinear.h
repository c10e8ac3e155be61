#pragma once

#include <torch/torch.h>

#include <string>

namespace tagbench {

/// The engine behind float32 matrix products of linear layers on the CPU.
enum class CpuGemm { Blas, OneDnn };

/// Decided once per process: TAGBENCH_CPU_GEMM=blas|onednn forces one; otherwise oneDNN (LibTorch's
/// mkldnn inner product) is used when LibTorch has it and a short timing finds it clearly faster
/// than LibTorch's BLAS. Debian's LibTorch calls whatever libblas.so.3 the system selects, by
/// default the unoptimised reference BLAS, where oneDNN's products are about 8x faster (2 cores);
/// with MKL or OpenBLAS the two are close and BLAS is kept. The timing uses fixed data, never the
/// random generator, so seeded runs stay reproducible.
CpuGemm cpuGemmEngine();
/// "oneDNN" or "BLAS", with how the choice was made, for logs and `tagbench-cli doctor`.
std::string cpuGemmDescription();

/// torch::linear(input, weight, bias) (bias may be undefined; input [..., in], weight [out, in]).
/// On the CPU in float32 with cpuGemmEngine() == OneDnn the forward and both backward products
/// (input and weight gradients) run in oneDNN; anywhere else (CUDA, other dtypes, autocast) it is
/// torch::linear itself. Results agree with torch::linear to float32 rounding.
torch::Tensor cpuLinear(const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias);

} // namespace tagbench

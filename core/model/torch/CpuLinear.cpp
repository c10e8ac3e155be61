#include "core/model/torch/CpuLinear.h"

#include <ATen/autocast_mode.h>
#include <ATen/ops/mkldnn_linear.h>
#include <ATen/ops/mkldnn_linear_backward_input.h>
#include <ATen/ops/mkldnn_linear_backward_weights.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <mutex>

namespace tagbench {

namespace {

bool cpuAutocastEnabled()
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(at::kCPU);
#else
    return at::autocast::is_cpu_enabled();
#endif
}

struct GemmChoice {
    CpuGemm engine = CpuGemm::Blas;
    std::string reason;
};

torch::Tensor oneDnnForward(const torch::Tensor& flat, const torch::Tensor& weight, const torch::Tensor& bias)
{
    // An undefined bias converts to an optional that ATen reads as none.
    return at::mkldnn_linear(flat.to_mkldnn(), weight.contiguous(), bias).to_dense();
}

/// The products of a linear layer in oneDNN. Saves the (dense) input and weight, as autograd's
/// own linear does; the oneDNN copies are made again in backward rather than kept alive.
class OneDnnLinear final : public torch::autograd::Function<OneDnnLinear> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& flat, const torch::Tensor& weight,
                                 const torch::Tensor& bias)
    {
        ctx->save_for_backward({flat, weight});
        ctx->saved_data["bias"] = bias.defined();
        return oneDnnForward(flat, weight, bias);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor& flat = saved[0];
        const torch::Tensor& weight = saved[1];
        const bool hasBias = ctx->saved_data["bias"].toBool();
        const torch::Tensor grad = grads[0].contiguous().to_mkldnn();
        torch::Tensor gradInput, gradWeight, gradBias;
        if (ctx->needs_input_grad(0))
            gradInput = at::mkldnn_linear_backward_input(flat.sizes(), grad, weight.contiguous()).to_dense();
        if (ctx->needs_input_grad(1) || (hasBias && ctx->needs_input_grad(2))) {
            auto [w, b] = at::mkldnn_linear_backward_weights(grad, flat.to_mkldnn(), weight, hasBias);
            if (ctx->needs_input_grad(1)) gradWeight = w;
            if (hasBias && ctx->needs_input_grad(2)) gradBias = b;
        }
        return {gradInput, gradWeight, gradBias};
    }
};

double bestSeconds(const std::function<void()>& work)
{
    double best = 1e30;
    for (int i = 0; i < 3; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

GemmChoice decide()
{
    if (const char* forced = std::getenv("TAGBENCH_CPU_GEMM")) {
        const std::string value(forced);
        if (value == "blas") return {CpuGemm::Blas, "BLAS (TAGBENCH_CPU_GEMM=blas)"};
        if (value == "onednn" && at::hasMKLDNN()) return {CpuGemm::OneDnn, "oneDNN (TAGBENCH_CPU_GEMM=onednn)"};
    }
    if (!at::hasMKLDNN()) return {CpuGemm::Blas, "BLAS (this LibTorch has no oneDNN)"};
    torch::NoGradGuard noGrad;
    // A BERT-like product, big enough to dwarf call overheads, small enough to take milliseconds.
    const torch::Tensor input = torch::linspace(-1.0, 1.0, 256 * 512).view({256, 512});
    const torch::Tensor weight = torch::linspace(-0.5, 0.5, 512 * 512).view({512, 512});
    const double blas = bestSeconds([&] { torch::linear(input, weight); });
    const double oneDnn = bestSeconds([&] { oneDnnForward(input, weight, torch::Tensor()); });
    char text[160];
    std::snprintf(text, sizeof text, "%s (timed: BLAS %.2f ms, oneDNN %.2f ms per 256x512x512 product)",
                  oneDnn * 1.5 < blas ? "oneDNN" : "BLAS", blas * 1e3, oneDnn * 1e3);
    return {oneDnn * 1.5 < blas ? CpuGemm::OneDnn : CpuGemm::Blas, text};
}

const GemmChoice& choice()
{
    static std::once_flag once;
    static GemmChoice made;
    std::call_once(once, [] { made = decide(); });
    return made;
}

} // namespace

CpuGemm cpuGemmEngine() { return choice().engine; }

std::string cpuGemmDescription() { return choice().reason; }

torch::Tensor cpuLinear(const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias)
{
    const bool fast = input.device().is_cpu() && input.scalar_type() == torch::kFloat32 && weight.scalar_type() == torch::kFloat32
                      && (!bias.defined() || bias.scalar_type() == torch::kFloat32) && input.dim() >= 1 && input.numel() > 0
                      && !input.is_mkldnn() && !cpuAutocastEnabled() && cpuGemmEngine() == CpuGemm::OneDnn;
    if (!fast) return torch::linear(input, weight, bias);
    std::vector<std::int64_t> sizes = input.sizes().vec();
    const torch::Tensor flat = input.reshape({-1, sizes.back()}).contiguous();
    sizes.back() = weight.size(0);
    const bool tracked = torch::GradMode::is_enabled()
                         && (input.requires_grad() || weight.requires_grad() || (bias.defined() && bias.requires_grad()));
    const torch::Tensor output = tracked ? OneDnnLinear::apply(flat, weight, bias) : oneDnnForward(flat, weight, bias);
    return output.view(sizes);
}

} // namespace tagbench

#include "core/model/bert/torch/LoraLinear.h"

#include "core/model/torch/CpuLinear.h"

#include <cmath>

namespace tagbench {

LoraLinearImpl::LoraLinearImpl(std::int64_t in, std::int64_t out, double initStd, std::int64_t rank, double alpha,
                               double dropout)
{
    weight = register_parameter("weight", torch::empty({out, in}));
    bias = register_parameter("bias", torch::zeros({out}));
    {
        torch::NoGradGuard noGrad;
        weight.normal_(0.0, initStd);
    }
    if (rank <= 0) return;
    auto adapter = register_module("lora", std::make_shared<torch::nn::Module>());
    m_loraA = adapter->register_parameter("A", torch::empty({rank, in}));
    m_loraB = adapter->register_parameter("B", torch::zeros({out, rank}));
    // PEFT's initialisation: A like nn.Linear (Kaiming uniform, a = sqrt(5)), B zero.
    torch::nn::init::kaiming_uniform_(m_loraA, std::sqrt(5.0));
    m_scale = alpha / static_cast<double>(rank);
    if (dropout > 0.0) m_dropout = register_module("lora_dropout", torch::nn::Dropout(dropout));
}

torch::Tensor LoraLinearImpl::forward(const torch::Tensor& input)
{
    torch::Tensor output = cpuLinear(input, weight, bias);
    if (!hasAdapter()) return output;
    const torch::Tensor x = m_dropout ? m_dropout->forward(input) : input;
    return output + torch::linear(torch::linear(x, m_loraA), m_loraB) * m_scale;
}

void LoraLinearImpl::mergeAdapter()
{
    if (!hasAdapter()) return;
    {
        torch::NoGradGuard noGrad;
        weight.add_(torch::mm(m_loraB, m_loraA), m_scale);
    }
    unregister_module("lora");
    if (m_dropout) unregister_module("lora_dropout");
    m_loraA = torch::Tensor();
    m_loraB = torch::Tensor();
    m_dropout = nullptr;
}

} // namespace tagbench

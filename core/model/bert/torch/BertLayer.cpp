#include "core/model/bert/torch/BertLayer.h"

#include "core/model/torch/CpuLinear.h"

#include <cmath>

namespace tagbench {

torch::nn::Linear makeBertLinear(std::int64_t in, std::int64_t out, double initStd)
{
    torch::nn::Linear linear(in, out);
    torch::NoGradGuard noGrad;
    linear->weight.normal_(0.0, initStd);
    linear->bias.zero_();
    return linear;
}

BertLayerImpl::BertLayerImpl(const BertConfig& config, const LoraOptions& lora) : m_activation(config.hiddenAct)
{
    const auto norm = [&] {
        return torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.layerNormEps));
    };
    const std::int64_t hidden = config.hiddenSize;
    const double initStd = config.initializerRange;
    // Plain modules as folders, only so the parameter names are Hugging Face's.
    auto attention = register_module("attention", std::make_shared<torch::nn::Module>());
    m_selfAttention = attention->register_module("self", BertSelfAttention(config, lora));
    auto attentionOutput = attention->register_module("output", std::make_shared<torch::nn::Module>());
    m_attentionDense = attentionOutput->register_module("dense", makeBertLinear(hidden, hidden, initStd));
    m_attentionNorm = attentionOutput->register_module("LayerNorm", norm());
    auto intermediate = register_module("intermediate", std::make_shared<torch::nn::Module>());
    m_intermediateDense = intermediate->register_module("dense", makeBertLinear(hidden, config.intermediateSize, initStd));
    auto output = register_module("output", std::make_shared<torch::nn::Module>());
    m_outputDense = output->register_module("dense", makeBertLinear(config.intermediateSize, hidden, initStd));
    m_outputNorm = output->register_module("LayerNorm", norm());
    m_dropout = register_module("dropout", torch::nn::Dropout(config.hiddenDropoutProb));
}

torch::Tensor BertLayerImpl::activation(const torch::Tensor& x) const
{
    switch (m_activation) {
    case BertActivation::Gelu: return torch::gelu(x);  // exact: 0.5 x (1 + erf(x / sqrt 2))
    case BertActivation::Relu: return torch::relu(x);
    case BertActivation::GeluNew:
        // transformers' NewGELUActivation, written out as they do.
        return 0.5 * x * (1.0 + torch::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * torch::pow(x, 3.0))));
    }
    return torch::gelu(x);
}

torch::Tensor BertLayerImpl::forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask)
{
    const torch::Tensor context = m_selfAttention->forward(hidden, additiveMask);
    const torch::Tensor attended =
        m_attentionNorm->forward(m_dropout->forward(cpuLinear(context, m_attentionDense->weight, m_attentionDense->bias)) + hidden);
    const torch::Tensor intermediate = activation(cpuLinear(attended, m_intermediateDense->weight, m_intermediateDense->bias));
    return m_outputNorm->forward(m_dropout->forward(cpuLinear(intermediate, m_outputDense->weight, m_outputDense->bias)) + attended);
}

} // namespace tagbench

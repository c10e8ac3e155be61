#include "core/model/bert/torch/BertEncoder.h"

#include "core/model/torch/CpuLinear.h"

#include <limits>
#include <string>

namespace tagbench {

BertEncoderImpl::BertEncoderImpl(const BertConfig& config, const LoraOptions& lora) : m_config(config)
{
    m_embeddings = register_module("embeddings", BertEmbeddings(config));
    auto encoder = register_module("encoder", std::make_shared<torch::nn::Module>());
    auto layerList = encoder->register_module("layer", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.numHiddenLayers; ++i) {
        m_layers.emplace_back(config, lora);
        layerList->push_back(m_layers.back());
    }
    auto pooler = register_module("pooler", std::make_shared<torch::nn::Module>());
    m_poolerDense = pooler->register_module("dense", makeBertLinear(config.hiddenSize, config.hiddenSize,
                                                                    config.initializerRange));
}

torch::Tensor BertEncoderImpl::additiveMask(const torch::Tensor& attentionMask, torch::ScalarType dtype)
{
    const double lowest = dtype == torch::kFloat64 ? std::numeric_limits<double>::lowest()
                          : dtype == torch::kFloat16 ? -65504.0
                          : dtype == torch::kBFloat16 ? -3.3895313892515355e38
                                                      : static_cast<double>(std::numeric_limits<float>::lowest());
    return (1.0 - attentionMask.to(dtype).unsqueeze(1).unsqueeze(2)) * lowest;
}

BertEncoderOutput BertEncoderImpl::forward(const torch::Tensor& ids, const torch::Tensor& attentionMask,
                                           const torch::Tensor& tokenTypeIds, bool allHiddenStates)
{
    BertEncoderOutput out;
    torch::Tensor hidden = m_embeddings->forward(ids, tokenTypeIds);
    const torch::Tensor mask = attentionMask.defined() ? attentionMask : torch::ones_like(ids);
    const torch::Tensor additive = additiveMask(mask, hidden.scalar_type());
    if (allHiddenStates) out.hiddenStates.push_back(hidden);
    for (auto& layer : m_layers) {
        hidden = layer->forward(hidden, additive);
        if (allHiddenStates) out.hiddenStates.push_back(hidden);
    }
    out.poolerOutput = torch::tanh(cpuLinear(hidden.select(1, 0), m_poolerDense->weight, m_poolerDense->bias));
    out.lastHiddenState = std::move(hidden);
    return out;
}

} // namespace tagbench

#include "core/model/bert/torch/BertClassifier.h"

#include "core/model/torch/CpuLinear.h"

namespace tagbench {

namespace {

bool isAdapter(const std::string& name) { return name.find(".lora.") != std::string::npos; }
bool isHead(const std::string& name) { return name.rfind("classifier.", 0) == 0; }

} // namespace

BertClassifierImpl::BertClassifierImpl(const BertClassifierOptions& options) : m_options(options)
{
    const BertConfig& config = options.config;
    TORCH_CHECK(options.labelCount() > 0, "a BERT classifier needs at least one label");
    m_bert = register_module("bert", BertEncoder(config, options.lora));
    m_dropout = register_module("dropout", torch::nn::Dropout(config.classifierDropout.value_or(config.hiddenDropoutProb)));
    m_classifier = register_module("classifier", makeBertLinear(config.hiddenSize, options.labelCount(),
                                                                config.initializerRange));
    if (options.lora.enabled()) freezeForLora();
}

torch::Tensor BertClassifierImpl::forward(const torch::Tensor& ids, const torch::Tensor& attentionMask,
                                          const torch::Tensor& tokenTypeIds)
{
    return run(ids, attentionMask, tokenTypeIds).logits;
}

BertClassifierOutput BertClassifierImpl::run(const torch::Tensor& ids, const torch::Tensor& attentionMask,
                                             const torch::Tensor& tokenTypeIds, bool allHiddenStates)
{
    BertClassifierOutput out;
    out.encoder = m_bert->forward(ids, attentionMask, tokenTypeIds, allHiddenStates);
    torch::Tensor pooled;
    if (m_options.pooling == BertPooling::Mean) {
        const torch::Tensor hidden = out.encoder.lastHiddenState;
        const torch::Tensor mask = (attentionMask.defined() ? attentionMask : torch::ones_like(ids))
                                       .to(hidden.scalar_type())
                                       .unsqueeze(-1);
        // A row without any token (all padding) gets a zero vector rather than 0/0.
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp_min(1.0);
    } else {
        pooled = out.encoder.poolerOutput;
    }
    out.logits = cpuLinear(m_dropout->forward(pooled), m_classifier->weight, m_classifier->bias);
    return out;
}

void BertClassifierImpl::freezeForLora()
{
    if (!m_options.lora.enabled()) return;
    for (auto& item : named_parameters()) item.value().set_requires_grad(isAdapter(item.key()) || isHead(item.key()));
}

void BertClassifierImpl::setEncoderTrainable(bool trainable)
{
    for (auto& item : named_parameters()) {
        if (isHead(item.key())) continue;
        item.value().set_requires_grad(trainable);
    }
}

void BertClassifierImpl::mergeLora()
{
    for (const auto& layer : m_bert->layers())
        for (auto& projection : layer->selfAttention()->projections()) projection->mergeAdapter();
}

bool BertClassifierImpl::hasLora() const
{
    for (const auto& layer : m_bert->layers())
        for (const auto& projection : layer->selfAttention()->projections())
            if (projection->hasAdapter()) return true;
    return false;
}

std::vector<std::pair<std::string, torch::Tensor>> BertClassifierImpl::trainableParameters() const
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& item : named_parameters())
        if (item.value().requires_grad()) out.emplace_back(item.key(), item.value());
    return out;
}

} // namespace tagbench

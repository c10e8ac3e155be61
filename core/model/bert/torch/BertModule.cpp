#include "core/model/bert/torch/BertModule.h"

#include "core/model/bert/BertCheckpoint.h"
#include "core/model/bert/torch/BertWeights.h"

#include <cmath>
#include <map>
#include <regex>

namespace tagbench {

namespace {

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
    return text.empty() ? "none" : text;
}

} // namespace

BertModuleImpl::BertModuleImpl(const ModelSpec& spec)
    : m_options(spec.optionsAs<BertOptions>())
{
    TORCH_CHECK(spec.labels > 0, "BERT needs labels");
    TORCH_CHECK(spec.vocabularySize <= m_options.encoder.vocabSize, "the vocabulary (", spec.vocabularySize,
                " entries) is larger than the model's vocab_size (", m_options.encoder.vocabSize, ")");
    m_network = register_module("network", BertClassifier(m_options.classifierOptions(spec.labels)));
}

torch::Tensor BertModuleImpl::forward(const ModelBatch& batch)
{
    return m_network->forward(batch.tokens, batch.mask, torch::zeros_like(batch.tokens));
}

ModelBatch BertModuleImpl::collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const
{
    ModelBatch batch;
    collatePadded(split, rows, 1, pin, batch);  // padding to the batch's longest text (dynamic)
    const torch::Tensor positions = torch::arange(batch.tokens.size(1), torch::kInt64).view({1, -1});
    batch.mask = (positions < batch.lengths.view({-1, 1})).to(torch::kInt64);
    if (pin) batch.mask = batch.mask.pin_memory();
    return batch;
}

std::vector<ParameterGroup> BertModuleImpl::parameterGroups()
{
    // Depth of each parameter: embeddings 0, encoder layer i at i + 1, pooler and head on top.
    const std::int64_t layers = m_options.encoder.numHiddenLayers;
    static const std::regex layerName(R"(\.encoder\.layer\.(\d+)\.)");
    std::map<std::pair<double, bool>, std::size_t> index;
    std::vector<ParameterGroup> groups;
    for (const auto& item : named_parameters()) {
        const std::string& name = item.key();
        const bool head = name.find(".classifier.") != std::string::npos || name.find(".pooler.") != std::string::npos;
        std::int64_t depth = layers + 1;
        std::smatch match;
        if (std::regex_search(name, match, layerName)) depth = std::stoll(match[1]) + 1;
        else if (name.find(".embeddings.") != std::string::npos) depth = 0;
        double scale = std::pow(m_options.layerLearningRateDecay, static_cast<double>(layers + 1 - depth));
        if (head && m_options.headLearningRate > 0 && m_baseLearningRate > 0) scale = m_options.headLearningRate / m_baseLearningRate;
        const bool noDecay = m_options.noDecayOnBiasAndLayerNorm
                             && (endsWith(name, "bias") || name.find("LayerNorm.weight") != std::string::npos);
        const auto key = std::make_pair(scale, noDecay);
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.emplace(key, groups.size()).first;
            ParameterGroup group;
            group.learningRateScale = scale;
            if (noDecay) group.weightDecay = 0.0;
            groups.push_back(std::move(group));
        }
        groups[it->second].parameters.emplace_back(name, item.value());
    }
    return groups;
}

Status BertModuleImpl::prepareForTraining(const TrainingPreparation& preparation)
{
    m_baseLearningRate = preparation.learningRate;
    if (!preparation.resuming) {
        auto checkpoint = BertCheckpoint::open(m_options.checkpoint);
        if (!checkpoint) return checkpoint.error();
        auto report = BertWeights::load(*m_network, *checkpoint);
        if (!report) return report.error();
        if (preparation.log) {
            preparation.log("BERT: " + std::to_string(report->loaded) + " tensors from " + m_options.checkpoint);
            preparation.log("BERT: newly initialised: " + joined(report->newlyInitialised));
            preparation.log("BERT: not used: " + joined(report->unused));
        }
    }
    if (m_options.lora.enabled()) m_network->freezeForLora();
    else if (m_options.freezeEncoder) m_network->setEncoderTrainable(false);
    return {};
}

void BertModuleImpl::prepareForExport(ModelSpec& spec)
{
    if (!m_network->hasLora()) return;
    // A bundle holds merged weights: an adapter saved apart from its base is easy to lose.
    m_network->mergeLora();
    auto options = std::make_shared<BertOptions>(m_options);
    options->lora.rank = 0;
    spec.options = options;
}

} // namespace tagbench

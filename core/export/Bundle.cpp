#include "core/export/Bundle.h"

#include "core/eval/Metrics.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>

namespace tagbench {

Result<Bundle> Bundle::open(const std::string& path)
{
    auto file = BundleFile::open(path);
    if (!file) return file.error();
    return fromFile(std::move(*file), path, nullptr);
}

Result<Bundle> Bundle::member(std::size_t index) const
{
    const std::string name = kEnsembleMemberTensorPrefix + std::to_string(index);
    const TensorInfo* info = m_weights.find(name);
    if (!info || info->dtype != TensorDType::U8) return Error{path() + ": weights: the ensemble has no member bundle \"" + name + "\""};
    const std::string memberPath = path() + "#member" + std::to_string(index);
    auto file = BundleFile::fromBytes(m_weights.data(*info), memberPath);
    if (!file) return file.error();
    return fromFile(std::move(*file), memberPath, m_owner ? m_owner : m_file);
}

Result<Bundle> Bundle::fromFile(BundleFile fileIn, const std::string& path, std::shared_ptr<const BundleFile> owner)
{
    std::optional<BundleFile> file(std::move(fileIn));
    auto manifest = BundleManifest::fromJson(file->manifestJson(), path);
    if (!manifest) return manifest.error();
    if (manifest->weightsBytes != file->weights().size())
        return Error{path + ": manifest: weights.bytes is " + std::to_string(manifest->weightsBytes) +
                     " but the weights section has " + std::to_string(file->weights().size()) + " bytes"};

    Bundle bundle;
    bundle.m_owner = std::move(owner);
    bundle.m_file = std::make_shared<const BundleFile>(std::move(*file));
    auto weights = SafetensorsReader::parse(bundle.m_file->weights());
    if (!weights) return Error{path + ": weights: " + weights.message()};
    bundle.m_weights = std::move(*weights);

    if (manifest->tokenizer.kind == TokenizerKind::SentencePiece) {
        const TensorInfo* model = bundle.m_weights.find(kSentencePieceTensor);
        if (!model || model->dtype != TensorDType::U8 || model->shape.size() != 1)
            return Error{path + ": weights: the sentencepiece tokenizer needs a 1-D U8 tensor \"" +
                         std::string(kSentencePieceTensor) + "\""};
        manifest->tokenizer.sentencepieceModel = std::string(bundle.m_weights.data(*model));
    }
    bundle.m_manifest = std::move(*manifest);
    return bundle;
}


std::string Bundle::describe() const
{
    const BundleManifest& m = m_manifest;
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(fileSize()) / 1e6);
    std::string text = "Bundle: " + path() + " (" + size + ", format " + std::to_string(formatVersion()) +
                       ", Tagbench " + m.tagbenchVersion + ", created " + m.created + ")\n";
    text += "Model: " + m.model.kind + " " + taskKindName(m.model.task) + ", " + std::to_string(m.labels.size()) +
            " labels, vocabulary " + std::to_string(m.vocabulary.size());
    if (m.model.embeddingDim > 0) text += ", embedding " + std::to_string(m.model.embeddingDim);
    if (!m.ensembleJson.empty()) {
        const nlohmann::json ensemble = nlohmann::json::parse(m.ensembleJson, nullptr, false);
        if (!ensemble.is_discarded())
            text += ", " + ensemble.value("combination", std::string("mean")) + " of " + std::to_string(ensemble.value("members", nlohmann::json::array()).size())
                    + " members calibrated by " + ensemble.value("calibration", std::string("none"));
    }
    if (m.model.options) {
        const nlohmann::json section = m.model.options->toJson();
        for (const auto& [key, value] : section.items()) text += ", " + key + " " + value.dump();
    }
    if (m.ensembleJson.empty())
        text += "\nTokenizer: " + std::string(tokenizerKindName(m.tokenizer.kind)) + (m.tokenizer.lowercase ? ", lowercase" : "") +
                (m.tokenizer.keepPunctuation ? ", punctuation kept" : "") + (m.tokenizer.pretokenized ? ", pretokenized" : "") + "\n";
    else
        text += "\n";
    if (!m.hierarchy.separator.empty())
        text += "Label hierarchy: separator \"" + m.hierarchy.separator + "\", " + std::to_string(m.hierarchy.nodes.size()) + " nodes\n";
    char rule[160];
    std::snprintf(rule, sizeof rule, "threshold %g, top_k %d%s, %zu label thresholds, %zu disabled labels",
                  m.rule.globalThreshold(), m.rule.topK(), m.rule.atLeastOne() ? ", at least one" : "",
                  m.rule.labelThresholds().size(), m.rule.disabledLabels().size());
    text += "Decision rule (" + m.ruleSource + "): " + rule + "\n";
    for (const auto& card : m.metrics) text += card.split + ": " + eval::performanceLine(card.metrics) + "\n";
    text += "SHA-256: " + checksum() + "\n";
    return text;
}

} // namespace tagbench

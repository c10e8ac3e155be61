#pragma once

#include "core/model/InputEncoder.h"
#include "core/model/linear/TfidfFeatureUnion.h"

#include <memory>

namespace tagbench {

/// The linear model's input: the TF-IDF value of every n-gram of the fitted vocabulary (the
/// blocks of a TfidfFeatureUnion, sklearn's numbers), as ids with weights. The run folder keeps
/// features.safetensors; a bundle keeps the same tensors under "input.".
class TfidfInput final : public InputEncoder {
public:
    explicit TfidfInput(linear::TfidfFeatureUnion features);

    void encode(std::string_view text, std::vector<std::int64_t>& ids, std::vector<float>& weights) const override;
    void encodeAll(const TextSource& texts, std::size_t count, int threads, EncodedSplit& out) const override;
    bool weighted() const override { return true; }
    /// Empty: the n-grams are in the tensors, where the bundle needs their statistics anyway.
    std::vector<std::string> vocabularyTokens() const override { return {}; }
    std::size_t vocabularySize() const override { return m_features.featureCount(); }
    const TokenizerConfig& tokenizerConfig() const override { return m_config; }
    Status save(const std::string& runDir) const override;
    void appendTensors(std::vector<TensorRef>& tensors, std::map<std::string, std::string>& metadata) const override;

    /// Name of the run folder's file.
    static constexpr const char* kFileName = "features.safetensors";
    /// Prefix of the tensors in a bundle.
    static constexpr const char* kTensorPrefix = "input.";

private:
    linear::TfidfFeatureUnion m_features;
    TokenizerConfig m_config;
};

} // namespace tagbench

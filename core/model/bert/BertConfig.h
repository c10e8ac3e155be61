#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// hidden_act of a BERT config: "gelu" (exact erf form), "gelu_new" (tanh approximation), "relu".
enum class BertActivation { Gelu, GeluNew, Relu };

/// The Hugging Face name of an activation.
std::string_view bertActivationName(BertActivation activation);

/// A Hugging Face BertConfig (config.json). Absent fields take transformers' BertConfig defaults
/// (bert-base); present ones are type- and range-checked.
struct BertConfig {
    std::int64_t vocabSize = 30522;
    std::int64_t hiddenSize = 768;
    std::int64_t numHiddenLayers = 12;
    std::int64_t numAttentionHeads = 12;
    std::int64_t intermediateSize = 3072;
    BertActivation hiddenAct = BertActivation::Gelu;
    double hiddenDropoutProb = 0.1;
    double attentionProbsDropoutProb = 0.1;
    std::int64_t maxPositionEmbeddings = 512;
    std::int64_t typeVocabSize = 2;
    double initializerRange = 0.02;
    double layerNormEps = 1e-12;
    /// pad_token_id: the word-embedding row with padding_idx semantics (no gradient); null = none.
    std::optional<std::int64_t> padTokenId = 0;
    /// classifier_dropout; unset (null) means hidden_dropout_prob, as BertForSequenceClassification.
    std::optional<double> classifierDropout;
    /// id2label in id order (empty when the config has none); problem_type as written.
    std::vector<std::string> labels;
    std::string problemType;

    /// Size of one attention head.
    std::int64_t headSize() const { return hiddenSize / numAttentionHeads; }

    /// Reads and checks a config.json; every error starts with path and names the field.
    static Result<BertConfig> fromFile(const std::string& path);
    /// Parses config.json text; path only labels the errors.
    static Result<BertConfig> fromJson(std::string_view text, const std::string& path);

    /// The architecture as a config.json that fromJson() reads back (labels are the run's, not kept).
    std::string toJson() const;
    /// The cross-field rules (hidden_size divisible by the heads, sizes positive, probabilities in
    /// [0, 1)); errors start with path.
    Status validate(const std::string& path) const;
};

} // namespace tagbench

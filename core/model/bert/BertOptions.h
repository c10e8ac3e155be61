#pragma once

#include "core/model/ModelOptions.h"
#include "core/model/bert/BertClassifierOptions.h"
#include "core/model/bert/BertConfig.h"
#include "core/model/bert/LoraOptions.h"
#include "core/text/WordPieceSettings.h"

#include <cstdint>
#include <string>

namespace tagbench {

/// The "BERT" section: fine-tuning a Hugging Face BERT checkpoint (bert-base-chinese,
/// chinese-bert-wwm-ext, chinese-roberta-wwm-ext, bert-base-uncased, ...). The encoder's
/// architecture and the tokenizer settings are read from the checkpoint folder and kept in the
/// section ("encoder", "tokenizer"), so a run folder and a bundle rebuild the network without it.
class BertOptions final : public ModelOptions {
public:
    std::string checkpoint;            // the Hugging Face folder (config.json, vocab.txt, weights)
    std::int64_t maxLength = 128;      // word pieces per text, [CLS] and [SEP] included
    BertPooling pooling = BertPooling::Cls;
    double headLearningRate = 0.0;     // 0: train.learning_rate; the new head often wants more
    bool freezeEncoder = false;        // train the head only
    double layerLearningRateDecay = 1.0;  // layer i of L trains at decay^(L - i + 1), embeddings lowest
    bool noDecayOnBiasAndLayerNorm = true;  // as the Hugging Face Trainer
    LoraOptions lora;
    BertConfig encoder;
    WordPieceSettings tokenizer;

    std::unique_ptr<ModelOptions> clone() const override { return std::make_unique<BertOptions>(*this); }
    void read(ConfigReader& reader, const nlohmann::json& section, const std::string& path) override;
    nlohmann::json toJson() const override;
    std::int64_t maxTokens() const override { return maxLength; }

    /// The classifier these options describe for labels outputs.
    BertClassifierOptions classifierOptions(std::int64_t labels) const;
};

} // namespace tagbench

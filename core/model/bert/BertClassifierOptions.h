#pragma once

#include "core/model/bert/BertConfig.h"
#include "core/model/bert/LoraOptions.h"

#include <cstdint>
#include <string_view>

namespace tagbench {

/// How one vector per text is taken from the encoder.
enum class BertPooling {
    Cls,   // BERT's pooler (tanh(dense(h[CLS]))), as BertForSequenceClassification
    Mean,  // mean of the last hidden states over the attention mask
};

/// "cls" or "mean".
std::string_view bertPoolingName(BertPooling pooling);

/// Shape of a BERT classifier: the encoder from a Hugging Face config, a head for numLabels
/// labels on the pooled vector, and optional LoRA adapters.
struct BertClassifierOptions {
    BertConfig config;
    std::int64_t numLabels = 0;  // 0 = as many as config.labels
    BertPooling pooling = BertPooling::Cls;
    LoraOptions lora;

    /// The number of labels actually used.
    std::int64_t labelCount() const { return numLabels > 0 ? numLabels : static_cast<std::int64_t>(config.labels.size()); }
};

} // namespace tagbench

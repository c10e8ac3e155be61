#pragma once

#include "core/text/TokenizerFactory.h"

#include <cstdint>
#include <string>

namespace tagbench {

/// The "tokenizer" section of a training config: how text is split and how the vocabulary is
/// built from the training data. TokenizerConfig is what a fitted tokenizer needs to be rebuilt.
struct TokenizerSettings {
    std::string kind = "word";  // char | word | sentencepiece
    bool lowercase = true;
    bool keepPunctuation = false;
    std::int64_t minCount = 1;
    std::int64_t maxSize = 0;   // 0 = unlimited
    std::string sentencepieceModel;           // existing .model file, or empty to train one
    std::int64_t sentencepieceVocabSize = 8000;
    std::string sentencepieceModelType = "unigram";  // unigram | bpe
    double sentencepieceCharacterCoverage = 0.9995;

    /// The tokenizer these settings describe; pretokenized when the training data was already
    /// segmented (NeuralClassifier doc_token). The sentencepiece model bytes are filled in later.
    TokenizerConfig tokenizerConfig(bool pretokenized) const
    {
        TokenizerConfig config;
        config.kind = *parseTokenizerKind(kind);
        config.lowercase = lowercase;
        config.keepPunctuation = keepPunctuation;
        config.pretokenized = pretokenized;
        return config;
    }
};

} // namespace tagbench

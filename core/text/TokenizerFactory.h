#pragma once

#include "core/text/Tokenizer.h"
#include "core/util/Result.h"

#include <memory>
#include <string>
#include <string_view>

namespace tagbench {

/// Everything needed to rebuild a tokenizer exactly (recorded in config.json and in bundles).
struct TokenizerConfig {
    TokenizerKind kind = TokenizerKind::Word;
    /// Fold ASCII and fullwidth letters to lowercase (fullwidth digits to ASCII) before splitting.
    bool lowercase = true;
    /// Emit punctuation marks as tokens of their own instead of dropping them (char and word).
    bool keepPunctuation = false;
    /// Texts are already segmented (NeuralClassifier doc_token): split on spaces only (word).
    bool pretokenized = false;
    /// Serialized sentencepiece model (the bytes of a .model file); required for SentencePiece.
    std::string sentencepieceModel;
};

/// Parses "char", "word" or "sentencepiece" (also "spm"); the error lists the accepted names.
Result<TokenizerKind> parseTokenizerKind(std::string_view name);

/// Creates the tokenizer config describes; fails when the sentencepiece plugin or model is unusable.
Result<std::unique_ptr<Tokenizer>> makeTokenizer(const TokenizerConfig& config);

} // namespace tagbench

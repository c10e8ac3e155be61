#pragma once

#include "core/model/InputEncoder.h"
#include "core/text/WordPieceTokenizer.h"

#include <memory>

namespace tagbench {

/// BERT's input: the checkpoint's WordPiece vocabulary and tokenizer settings, [CLS] + pieces +
/// [SEP] truncated to maxLength, exactly as Hugging Face's BertTokenizer encodes
/// (tokenizer(text, max_length=..., truncation=True)). The run folder keeps vocab.txt.
class WordPieceInput final : public InputEncoder {
public:
    WordPieceInput(WordPieceTokenizer tokenizer, std::int64_t maxLength);

    void encode(std::string_view text, std::vector<std::int64_t>& ids, std::vector<float>& weights) const override;
    std::vector<std::string> vocabularyTokens() const override { return m_tokenizer.tokens(); }
    std::size_t vocabularySize() const override { return m_tokenizer.vocabularySize(); }
    const TokenizerConfig& tokenizerConfig() const override { return m_config; }
    Status save(const std::string& runDir) const override;

    const WordPieceTokenizer& tokenizer() const { return m_tokenizer; }

private:
    WordPieceTokenizer m_tokenizer;
    std::int64_t m_maxLength;
    TokenizerConfig m_config;
};

} // namespace tagbench

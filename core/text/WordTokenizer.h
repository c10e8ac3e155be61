#pragma once

#include "core/text/Tokenizer.h"

namespace tagbench {

/// Splits on whitespace and punctuation; CJK runs stay together. Pretokenized input splits on
/// whitespace only and keeps every token as written (apart from lowercasing).
class WordTokenizer final : public Tokenizer {
public:
    /// lowercase folds case; keepPunctuation emits each punctuation mark as a token.
    WordTokenizer(bool lowercase, bool keepPunctuation, bool pretokenized = false);

    TokenizerKind kind() const override { return TokenizerKind::Word; }
    void tokenize(std::string_view text, const TokenSink& sink) const override;

    /// The options given at construction.
    bool lowercase() const { return m_lowercase; }
    bool keepPunctuation() const { return m_keepPunctuation; }
    bool pretokenized() const { return m_pretokenized; }

private:
    bool m_lowercase;
    bool m_keepPunctuation;
    bool m_pretokenized;
};

} // namespace tagbench

#pragma once

#include "core/text/TokenScanner.h"
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
    const TokenScanRules* scanRules() const override { return &m_rules; }

    /// The options given at construction.
    bool lowercase() const { return m_rules.lowercase; }
    bool keepPunctuation() const { return m_rules.keepPunctuation; }
    bool pretokenized() const { return m_rules.whitespaceOnly; }

private:
    TokenScanRules m_rules;
};

} // namespace tagbench

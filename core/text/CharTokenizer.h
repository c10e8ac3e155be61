#pragma once

#include "core/text/TokenScanner.h"
#include "core/text/Tokenizer.h"

namespace tagbench {

/// CJK characters one by one, Latin words and numbers whole ("2024款Model 3" -> 2024 款 model 3).
class CharTokenizer final : public Tokenizer {
public:
    /// lowercase folds case; keepPunctuation emits each punctuation mark as a token.
    CharTokenizer(bool lowercase, bool keepPunctuation);

    TokenizerKind kind() const override { return TokenizerKind::Char; }
    void tokenize(std::string_view text, const TokenSink& sink) const override;
    const TokenScanRules* scanRules() const override { return &m_rules; }

    /// The options given at construction.
    bool lowercase() const { return m_rules.lowercase; }
    bool keepPunctuation() const { return m_rules.keepPunctuation; }

private:
    TokenScanRules m_rules;
};

} // namespace tagbench

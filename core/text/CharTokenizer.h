#pragma once

#include "core/text/Tokenizer.h"

namespace tagbench {

/// CJK characters one by one, Latin words and numbers whole ("2024款Model 3" -> 2024 款 model 3).
class CharTokenizer final : public Tokenizer {
public:
    /// lowercase folds case; keepPunctuation emits each punctuation mark as a token.
    CharTokenizer(bool lowercase, bool keepPunctuation);

    TokenizerKind kind() const override { return TokenizerKind::Char; }
    void tokenize(std::string_view text, const TokenSink& sink) const override;

    /// The options given at construction.
    bool lowercase() const { return m_lowercase; }
    bool keepPunctuation() const { return m_keepPunctuation; }

private:
    bool m_lowercase;
    bool m_keepPunctuation;
};

} // namespace tagbench

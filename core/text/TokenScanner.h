#pragma once

#include "core/text/Tokenizer.h"

namespace tagbench {

/// How a TokenScanner treats CJK characters and separators.
struct TokenScanRules {
    /// Each CJK character becomes a token of its own (char tokenizer); otherwise a run of CJK
    /// characters is one word, separate from adjacent Latin letters and digits.
    bool splitCjk = false;
    /// Punctuation marks become one-character tokens instead of being dropped.
    bool keepPunctuation = false;
    /// Only whitespace separates tokens (pretokenized input); punctuation stays inside tokens.
    bool whitespaceOnly = false;
    bool lowercase = false;
};

/// The splitting loop shared by the char and word tokenizers: one pass over the bytes, ASCII
/// handled without decoding, tokens handed out as views (or a folded copy when lowercasing).
void scanTokens(std::string_view text, const TokenScanRules& rules, const TokenSink& sink);

} // namespace tagbench

#include "core/text/CharTokenizer.h"

#include "core/text/TokenScanner.h"

namespace tagbench {

CharTokenizer::CharTokenizer(bool lowercase, bool keepPunctuation)
    : m_lowercase(lowercase), m_keepPunctuation(keepPunctuation)
{
}

void CharTokenizer::tokenize(std::string_view text, const TokenSink& sink) const
{
    TokenScanRules rules;
    rules.splitCjk = true;
    rules.keepPunctuation = m_keepPunctuation;
    rules.lowercase = m_lowercase;
    scanTokens(text, rules, sink);
}

} // namespace tagbench

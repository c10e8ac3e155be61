#include "core/text/WordTokenizer.h"

#include "core/text/TokenScanner.h"

namespace tagbench {

WordTokenizer::WordTokenizer(bool lowercase, bool keepPunctuation, bool pretokenized)
    : m_lowercase(lowercase), m_keepPunctuation(keepPunctuation), m_pretokenized(pretokenized)
{
}

void WordTokenizer::tokenize(std::string_view text, const TokenSink& sink) const
{
    TokenScanRules rules;
    rules.splitCjk = false;
    rules.keepPunctuation = m_keepPunctuation;
    rules.whitespaceOnly = m_pretokenized;
    rules.lowercase = m_lowercase;
    scanTokens(text, rules, sink);
}

} // namespace tagbench

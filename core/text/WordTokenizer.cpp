#include "core/text/WordTokenizer.h"

namespace tagbench {

WordTokenizer::WordTokenizer(bool lowercase, bool keepPunctuation, bool pretokenized)
{
    m_rules.splitCjk = false;
    m_rules.keepPunctuation = keepPunctuation;
    m_rules.whitespaceOnly = pretokenized;
    m_rules.lowercase = lowercase;
}

void WordTokenizer::tokenize(std::string_view text, const TokenSink& sink) const { scanTokens(text, m_rules, sink); }

} // namespace tagbench

#include "core/text/CharTokenizer.h"

namespace tagbench {

CharTokenizer::CharTokenizer(bool lowercase, bool keepPunctuation)
{
    m_rules.splitCjk = true;
    m_rules.keepPunctuation = keepPunctuation;
    m_rules.lowercase = lowercase;
}

void CharTokenizer::tokenize(std::string_view text, const TokenSink& sink) const { scanTokens(text, m_rules, sink); }

} // namespace tagbench

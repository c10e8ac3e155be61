#include "core/text/Tokenizer.h"

namespace tagbench {

std::vector<std::string> Tokenizer::tokens(std::string_view text) const
{
    std::vector<std::string> out;
    tokenize(text, [&out](std::string_view token) { out.emplace_back(token); });
    return out;
}

std::string_view tokenizerKindName(TokenizerKind kind)
{
    switch (kind) {
    case TokenizerKind::Char: return "char";
    case TokenizerKind::Word: return "word";
    case TokenizerKind::SentencePiece: return "sentencepiece";
    case TokenizerKind::WordPiece: return "wordpiece";
    }
    return "unknown";
}

} // namespace tagbench

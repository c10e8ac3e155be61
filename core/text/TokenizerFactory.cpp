#include "core/text/TokenizerFactory.h"

#include "core/text/CharTokenizer.h"
#include "core/text/SentencePieceTokenizer.h"
#include "core/text/WordTokenizer.h"

namespace tagbench {

Result<TokenizerKind> parseTokenizerKind(std::string_view name)
{
    if (name == "char") return TokenizerKind::Char;
    if (name == "word") return TokenizerKind::Word;
    if (name == "sentencepiece" || name == "spm") return TokenizerKind::SentencePiece;
    return Error{"unknown tokenizer '" + std::string(name) + "' (expected char, word or sentencepiece)"};
}

Result<std::unique_ptr<Tokenizer>> makeTokenizer(const TokenizerConfig& config)
{
    switch (config.kind) {
    case TokenizerKind::Char:
        return std::unique_ptr<Tokenizer>(std::make_unique<CharTokenizer>(config.lowercase, config.keepPunctuation));
    case TokenizerKind::Word:
        return std::unique_ptr<Tokenizer>(
            std::make_unique<WordTokenizer>(config.lowercase, config.keepPunctuation, config.pretokenized));
    case TokenizerKind::SentencePiece: {
        auto tokenizer = SentencePieceTokenizer::create(config.sentencepieceModel, config.lowercase);
        if (!tokenizer) return tokenizer.error();
        return std::unique_ptr<Tokenizer>(std::move(*tokenizer));
    }
    }
    return Error{"unknown tokenizer kind"};
}

} // namespace tagbench

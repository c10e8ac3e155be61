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
    if (name == "wordpiece") return TokenizerKind::WordPiece;
    return Error{"unknown tokenizer '" + std::string(name) + "' (expected char, word, sentencepiece or wordpiece)"};
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
    case TokenizerKind::WordPiece:
        return Error{"the WordPiece tokenizer comes with its model's vocabulary: the BERT model kind builds it"};
    }
    return Error{"unknown tokenizer kind"};
}

} // namespace tagbench

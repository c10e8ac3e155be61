#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// Which tokenizer a model was trained with.
/// WordPiece is BERT's: it comes with its model's vocabulary, so the BERT model kind builds it
/// (core/text/WordPieceTokenizer), not makeTokenizer().
enum class TokenizerKind { Char, Word, SentencePiece, WordPiece };

struct TokenScanRules;

/// Receives one token; the view is valid only during the call.
using TokenSink = std::function<void(std::string_view token)>;

/// Splits text into tokens. Implementations are immutable after construction and thread-safe.
class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    /// The kind, as recorded in configs and bundles.
    virtual TokenizerKind kind() const = 0;

    /// Calls sink once per token of text, in order.
    virtual void tokenize(std::string_view text, const TokenSink& sink) const = 0;

    /// The byte-scanner rules when this is the char or word tokenizer, else nullptr: lets hot loops
    /// inline the scan (forEachToken in TokenScanner.h) instead of paying a call per token.
    virtual const TokenScanRules* scanRules() const { return nullptr; }

    /// Convenience: the tokens of text as strings.
    std::vector<std::string> tokens(std::string_view text) const;
};

/// Name used in configs and bundles: "char", "word", "sentencepiece", "wordpiece".
std::string_view tokenizerKindName(TokenizerKind kind);

} // namespace tagbench

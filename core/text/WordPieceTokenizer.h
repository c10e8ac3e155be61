#pragma once

#include "core/text/BertBasicTokenizer.h"
#include "core/text/WordPieceSettings.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tagbench {

/// One encoded text: [CLS] + the first maxLength-2 word pieces + [SEP] (HF truncation=True).
struct WordPieceEncoding {
    std::vector<std::string> tokens;         // with [CLS] and [SEP]
    std::vector<std::int64_t> inputIds;
    std::vector<std::int64_t> attentionMask; // all 1
    std::vector<std::int64_t> tokenTypeIds;  // all 0 (single segment)
    std::size_t piecesBeforeTruncation = 0;  // word pieces of the whole text, without specials
    bool truncated = false;
};

/// Several texts padded on the right to the longest one (pad id, attention 0, type 0); row-major.
struct WordPieceBatch {
    std::size_t rows = 0;
    std::size_t length = 0;
    std::vector<std::int64_t> inputIds;
    std::vector<std::int64_t> attentionMask;
    std::vector<std::int64_t> tokenTypeIds;
};

/// Hugging Face's slow BertTokenizer (transformers 4.30.2 as loaded by from_pretrained): special
/// tokens are split out first even when glued to text, the rest is lowercased code point by code
/// point (do_lower_case), run through BertBasicTokenizer, then greedy longest-match-first
/// WordPiece with "##" continuations; a word with an unmatched position, or longer than
/// max_input_chars_per_word code points, is one [UNK]. Immutable and thread-safe once loaded.
class WordPieceTokenizer final {
public:
    /// vocab.txt (UTF-8, one token a line, id = line number, \n, \r\n or \r endings as Python
    /// reads them; a repeated token keeps its last id) with the given settings. The unk, cls, sep
    /// and pad tokens must be in the vocabulary.
    static Result<WordPieceTokenizer> load(const std::string& vocabPath, WordPieceSettings settings);
    /// A vocabulary given in id order (a bundle's); origin labels the errors.
    static Result<WordPieceTokenizer> fromTokens(std::vector<std::string> tokens, WordPieceSettings settings,
                                                 const std::string& origin);
    /// The vocabulary in id order.
    const std::vector<std::string>& tokens() const { return m_idToToken; }
    /// folder/vocab.txt with WordPieceSettings::fromFolder(folder).
    static Result<WordPieceTokenizer> fromFolder(const std::string& folder);

    const WordPieceSettings& settings() const { return m_settings; }
    std::size_t vocabularySize() const { return m_idToToken.size(); }

    /// Id of token, or nullopt when the vocabulary lacks it.
    std::optional<std::int64_t> findId(const std::string& token) const;
    /// Id of token, the [UNK] id when the vocabulary lacks it (convert_tokens_to_ids).
    std::int64_t idOf(const std::string& token) const;
    /// The vocabulary line of id (empty for ids out of range).
    const std::string& tokenOf(std::int64_t id) const;

    std::int64_t unkId() const { return m_unkId; }
    std::int64_t clsId() const { return m_clsId; }
    std::int64_t sepId() const { return m_sepId; }
    std::int64_t padId() const { return m_padId; }

    /// tokenizer.tokenize(text): the word pieces, before truncation and without [CLS]/[SEP].
    std::vector<std::string> tokenize(std::string_view text) const;
    /// tokenizer.basic_tokenizer.tokenize(text, never_split=all_special_tokens): the basic stage
    /// alone on the raw text (specials survive only when whitespace-separated).
    std::vector<std::string> basicTokenize(std::string_view text) const;
    /// WordPiece of one basic token.
    std::vector<std::string> wordPieces(std::string_view word) const;

    /// tokenizer(text, max_length=maxLength, truncation=True); maxLength below 2 counts as 2.
    WordPieceEncoding encode(std::string_view text, std::size_t maxLength) const;
    /// The encodings of texts padded to the longest (dynamic padding).
    WordPieceBatch encodeBatch(const std::vector<std::string>& texts, std::size_t maxLength) const;

private:
    WordPieceTokenizer() = default;
    void appendPieces(std::string_view segment, std::vector<std::string>& out) const;

    WordPieceSettings m_settings;
    BertBasicTokenizer m_basic;
    std::set<std::string> m_special;           // never split, matched exactly in the raw text
    std::vector<std::string> m_specialLongestFirst;
    std::unordered_map<std::string, std::int64_t> m_tokenToId;
    std::vector<std::string> m_idToToken;
    std::int64_t m_unkId = 0;
    std::int64_t m_clsId = 0;
    std::int64_t m_sepId = 0;
    std::int64_t m_padId = 0;
};

} // namespace tagbench

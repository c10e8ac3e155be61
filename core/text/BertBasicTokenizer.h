#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// Options of the basic (pre-WordPiece) stage, with Hugging Face's names and defaults.
struct BertBasicOptions {
    bool lowercase = true;             // do_lower_case
    bool tokenizeChineseChars = true;  // tokenize_chinese_chars
    std::optional<bool> stripAccents;  // strip_accents: unset = follow lowercase, true/false = force
};

/// The BasicTokenizer of Hugging Face's slow BertTokenizer (transformers 4.30.2), code point for
/// code point: delete control/format characters, NUL and U+FFFD; turn whitespace (incl. Zs) into
/// spaces; put spaces around CJK ideographs; split on Python's str.split() whitespace; lowercase
/// and strip accents (NFD, drop Mn) per word; split punctuation (Unicode P* and the ASCII symbol
/// ranges) into single-character tokens. Unicode data comes from ICU. Thread-safe.
class BertBasicTokenizer final {
public:
    explicit BertBasicTokenizer(BertBasicOptions options = {});

    const BertBasicOptions& options() const { return m_options; }

    /// The basic tokens of UTF-8 text (invalid bytes are dropped like U+FFFD). Words equal to an
    /// entry of neverSplit are kept as written: not lowercased, accents kept, punctuation kept.
    std::vector<std::string> tokenize(std::string_view text, const std::set<std::string>& neverSplit = {}) const;

    /// Lowercases each code point on its own (full mapping, no context: 'Σ' is always 'σ'), which
    /// is what PreTrainedTokenizer.tokenize does with do_lower_case before the special-token split.
    static std::string lowercaseEachCodePoint(std::string_view text);

    /// whitespace_tokenize: Python's str.split(), i.e. on category Zs and bidi classes WS, B, S.
    static std::vector<std::string> splitOnWhitespace(std::string_view text);

    /// Hugging Face's _is_punctuation: ASCII 33-47, 58-64, 91-96, 123-126 or a P* category.
    static bool isPunctuation(char32_t cp);
    /// Hugging Face's _is_chinese_char: CJK unified ideographs (URO, Ext A-E) and the
    /// compatibility blocks; kana, Hangul and CJK punctuation are not included.
    static bool isChineseChar(char32_t cp);

private:
    BertBasicOptions m_options;
};

} // namespace tagbench

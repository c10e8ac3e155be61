#pragma once

#include "core/text/Tokenizer.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace tagbench {

/// How much of a text is written in CJK ideographs (which have no spaces between words), from
/// the letters and ideographs it holds; punctuation, digits and spaces do not count.
struct ScriptMix {
    std::int64_t cjk = 0;      // CJK ideographs (and kana, hangul)
    std::int64_t letters = 0;  // other letters
    double cjkShare() const { return cjk + letters > 0 ? static_cast<double>(cjk) / static_cast<double>(cjk + letters) : 0.0; }

    /// Adds the characters of text (UTF-8; invalid bytes are skipped).
    void add(std::string_view text);
};

/// Above this share of CJK characters, words are not separated by spaces often enough for the
/// word tokenizer: its "words" become whole clauses.
constexpr double kCharTokenizerCjkShare = 0.3;

/// The tokenizer a text of this mix calls for: char when it is mostly CJK, else word.
inline TokenizerKind suggestedTokenizer(const ScriptMix& mix)
{
    return mix.cjkShare() > kCharTokenizerCjkShare ? TokenizerKind::Char : TokenizerKind::Word;
}

/// The mix of the first bytes of a dataset file (its texts and, harmlessly, its field names);
/// an empty mix when the file cannot be read.
ScriptMix sampleScriptMix(const std::string& path, std::size_t bytes = 256 * 1024);

} // namespace tagbench
